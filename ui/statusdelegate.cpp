#include "statusdelegate.h"

#include "models/feedtablemodel.h"
#include "statusstyle.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>

namespace {
constexpr int kDot = 8;
constexpr int kGap = 6;
constexpr int kBarWidth = 64;
} // namespace

StatusDelegate::StatusDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_statusRole(FeedTableModel::StatusRole)
{ }

void StatusDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_monospaceColumns.contains(index.column())) {
        QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        mono.setPointSizeF(option->font.pointSizeF() * 0.95);
        option->font = mono;
        option->fontMetrics = QFontMetrics(mono);
    }
}

void StatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    if (m_percentColumns.contains(index.column())) {
        paintPercent(painter, option, index);
        return;
    }
    if (index.column() != m_statusColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString status = index.data(m_statusRole).toString();
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection
    if (text.isEmpty())
        return;

    const StatusStyle::Tone tone = m_statusRole == FeedTableModel::StatusRole
        ? StatusStyle::toneForStatus(status, index.data(FeedTableModel::ToneRole).toString())
        : StatusStyle::toneForStatus(status);
    const QRect r = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(StatusStyle::color(tone));
    const QRectF dot(r.left() + 2, r.center().y() - kDot / 2.0 + 1, kDot, kDot);
    painter->drawEllipse(dot);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                             : StatusStyle::textColor(tone, opt.palette));
    QFont font = opt.font;
    font.setWeight(QFont::DemiBold);
    painter->setFont(font);
    const QRect textRect = r.adjusted(2 + kDot + kGap, 0, 0, 0);
    painter->drawText(
        textRect, Qt::AlignVCenter | Qt::AlignLeft,
        QFontMetrics(font).elidedText(label(index), Qt::ElideRight, textRect.width()));
    painter->restore();
}

void StatusDelegate::paintPercent(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QVariant raw = index.data(FeedTableModel::RawValueRole);
    if (!raw.isValid() || raw.isNull()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    const QRect r = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const double fraction = std::clamp(raw.toDouble() / 100.0, 0.0, 1.0);
    const QRectF track(r.left() + 2, r.center().y() - 2.5, kBarWidth, 5);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(StatusStyle::tint(StatusStyle::Tone::Info).darker(108));
    painter->drawRoundedRect(track, 2.5, 2.5);
    painter->setBrush(StatusStyle::color(StatusStyle::Tone::Info));
    painter->drawRoundedRect(QRectF(track.topLeft(), QSizeF(track.width() * fraction, 5)), 2.5,
                             2.5);
    painter->setPen(opt.state & QStyle::State_Selected
                        ? opt.palette.color(QPalette::HighlightedText)
                        : opt.palette.color(QPalette::Text));
    painter->drawText(r.adjusted(kBarWidth + kGap + 2, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight,
                      text);
    painter->restore();
}

QString StatusDelegate::label(const QModelIndex &index) const
{
    // A feed table's normalized status picks the translation; a row without one shows its text
    // as it came. A model with a status role of its own (commands: the colour key) already
    // displays its translated text; its roles mean something else, so only the text is read.
    if (m_statusRole != FeedTableModel::StatusRole)
        return index.data().toString();
    const QString status = index.data(FeedTableModel::StatusRole).toString();
    return status.isEmpty() ? index.data().toString() : StatusStyle::statusLabel(status);
}

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == m_statusColumn) {
        // Sized for the translated label in the weight it is painted in ("abgeschlossen" is
        // longer than "completed").
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        QFont font = opt.font;
        font.setWeight(QFont::DemiBold);
        const int text = QFontMetrics(font).horizontalAdvance(label(index));
        size.setWidth(std::max(size.width(), text + 12) + kDot + kGap + 8);
    }
    if (m_percentColumns.contains(index.column()))
        size.rwidth() += kBarWidth + kGap;
    return size;
}
