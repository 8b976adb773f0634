#include "sparklinedelegate.h"

#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "healthpalette.h"
#include "models/connectionsmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

using namespace Qt::StringLiterals;

SparklineDelegate::SparklineDelegate(FeedHub *hub, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_hub(hub)
    , m_clock(SystemClock::instance())
{ }

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width() + 80, 150));
    return size;
}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect inner = opt.rect.adjusted(4, 2, -4, -2);
    const int textWidth = opt.fontMetrics.horizontalAdvance(u"0000.00 ms"_s);
    const QRect textRect(inner.right() - textWidth + 1, inner.top(), textWidth, inner.height());
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();

    const QRect spark(inner.left(), inner.top() + 2, inner.width() - textWidth - 8,
                      inner.height() - 4);
    if (spark.width() < 16 || spark.height() < 6)
        return;
    const auto tier = index.data(ConnectionsModel::QualityRole).value<Quality::Tier>();
    paintSparkline(painter, spark, index.data(ConnectionsModel::FeedIdRole).toString(),
                   HealthPalette::quality(
                       tier == Quality::Tier::Disconnected ? Quality::Tier::Unknown : tier));
}

void SparklineDelegate::paintSparkline(QPainter *painter, const QRect &rect, const QString &feedId,
                                       const QColor &colour) const
{
    // A shared copy, no allocation; only the last two minutes are visited and samples that
    // land on the same pixel and height add nothing to the path.
    const QList<QPointF> samples = m_hub->latencySamples(feedId);
    const qint64 now = m_clock->wallMs();
    const double from = double(now - m_spanMs);
    auto it = std::lower_bound(samples.cbegin(), samples.cend(), from,
                               [](const QPointF &p, double x) { return p.x() < x; });

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor base = colour;
    base.setAlpha(50);
    painter->setPen(QPen(base, 1));
    painter->drawLine(QPointF(rect.left(), rect.bottom() + 0.5),
                      QPointF(rect.right(), rect.bottom() + 0.5));
    if (it == samples.cend()) {
        painter->restore();
        return;
    }

    const int width = rect.width();
    double peak = 0;
    for (auto p = it; p != samples.cend(); ++p)
        peak = std::max(peak, p->y());
    peak = std::max(peak * 1.15, 0.01);

    QPainterPath path;
    qint64 previousX = -1;
    double previousT = 0;
    QPointF lastPoint;
    for (auto p = it; p != samples.cend(); ++p) {
        const int px = std::clamp(int((p->x() - from) / double(m_spanMs) * width), 0, width - 1);
        const double y = rect.bottom() - std::min(p->y() / peak, 1.0) * rect.height();
        const QPointF point(rect.left() + px, y);
        if (previousX < 0 || p->x() - previousT > double(m_gapMs))
            path.moveTo(point);
        else if (px != previousX || std::abs(point.y() - lastPoint.y()) >= 0.5)
            path.lineTo(point);
        previousX = px;
        previousT = p->x();
        lastPoint = point;
    }
    painter->setPen(QPen(colour, 1.4));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    // The newest sample as a dot; if it sits well left of the edge, the feed went quiet.
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawEllipse(lastPoint, 2.0, 2.0);
    painter->restore();
}
