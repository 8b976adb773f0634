#include "overviewtile.h"

#include <QEvent>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int kAccentWidth = 6;
constexpr int kSparkHeight = 44;
} // namespace

// A tile's lines, word-wrapped. Unlike a QLabel, a new text asks for a new layout only when it
// needs another height at the current width: on an Overview of 60 backends every label change
// re-measured every tile's text (QLabel::heightForWidth, text shaping), most of the GUI
// thread's CPU in the scale benchmark.
class TileText final : public QWidget
{
public:
    explicit TileText(QWidget *parent)
        : QWidget(parent)
    {
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }

    void setText(const QString &text)
    {
        if (text == m_text)
            return;
        const int w = width();
        const int before = m_heights.value(w, -1);
        m_text = text;
        forget();
        if (before < 0 || heightForWidth(w) != before)
            updateGeometry();
        update();
    }
    QString text() const { return m_text; }

    bool hasHeightForWidth() const override { return true; }
    // Layouts ask for a few widths (minimum, hint, the actual one) on every pass: each is
    // measured once per text.
    int heightForWidth(int width) const override
    {
        auto it = m_heights.constFind(width);
        if (it == m_heights.cend())
            it = m_heights.insert(width, textRect(width).height());
        return it.value();
    }
    QSize sizeHint() const override
    {
        if (!m_hint.isValid()) {
            const int w = std::min(textRect(QWIDGETSIZE_MAX).width(), 420);
            m_hint = QSize(w, heightForWidth(w));
        }
        return m_hint;
    }
    QSize minimumSizeHint() const override { return QSize(0, fontMetrics().lineSpacing()); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(rect(), kFlags, m_text);
    }
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::FontChange) {
            forget();
            updateGeometry();
        }
        QWidget::changeEvent(event);
    }

private:
    static constexpr int kFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    QRect textRect(int width) const
    {
        return fontMetrics().boundingRect(QRect(0, 0, std::max(1, width), QWIDGETSIZE_MAX), kFlags,
                                          m_text);
    }
    void forget()
    {
        m_heights.clear();
        m_hint = QSize();
    }

    QString m_text;
    mutable QHash<int, int> m_heights; // width -> height, for this text
    mutable QSize m_hint;
};

OverviewTile::OverviewTile(const QString &key, QWidget *parent)
    : QFrame(parent)
    , m_key(key)
    , m_title(new QLabel(this))
    , m_body(new TileText(this))
{
    setObjectName(u"overviewTile_"_s + key);
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    // Readable from two metres: larger than the tables.
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    m_title->setFont(titleFont);
    QFont bodyFont = font();
    bodyFont.setPointSizeF(bodyFont.pointSizeF() * 1.1);
    m_body->setFont(bodyFont);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(kAccentWidth + 10, 8, 10, 8);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_body, 1);
    setMinimumSize(220, 120);
}

void OverviewTile::setTitle(const QString &title)
{
    if (m_title->text() == title)
        return;
    m_title->setText(title);
    setAccessibleName(title);
}

QString OverviewTile::title() const
{
    return m_title->text();
}

void OverviewTile::setLines(const QStringList &lines)
{
    if (lines == m_lines)
        return;
    m_lines = lines;
    const QString text = lines.join(u'\n');
    m_body->setText(text);
    setAccessibleDescription(text);
}

void OverviewTile::setTone(StatusStyle::Tone tone)
{
    if (tone == m_tone)
        return;
    m_tone = tone;
    update();
}

void OverviewTile::setSeries(const QList<QPointF> &samples, qint64 fromMs, qint64 toMs)
{
    if (samples == m_series && fromMs == m_fromMs && toMs == m_toMs)
        return;
    const bool hadSeries = !m_series.isEmpty();
    m_series = samples;
    m_fromMs = fromMs;
    m_toMs = toMs;
    if (hadSeries != !m_series.isEmpty()) {
        auto *box = static_cast<QVBoxLayout *>(layout());
        box->setContentsMargins(kAccentWidth + 10, 8, 10,
                                m_series.isEmpty() ? 8 : kSparkHeight + 8);
    }
    update();
}

void OverviewTile::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter p(this);
    p.fillRect(QRect(1, 1, kAccentWidth, height() - 2), StatusStyle::color(m_tone));
    if (hasFocus()) {
        p.setPen(QPen(palette().highlight().color(), 2));
        p.drawRect(rect().adjusted(1, 1, -2, -2));
    }
    if (m_series.size() < 2 || m_toMs <= m_fromMs)
        return;
    double maxRtt = 1;
    for (const QPointF &s : std::as_const(m_series))
        maxRtt = std::max(maxRtt, s.y());
    // The scale's label at the right, the line left of it: drawn over the line, the newest
    // samples (the right end, where a spike shows) were hidden under "max 2 ms".
    const QString label = tr("max %L1 ms").arg(qRound(maxRtt));
    const QRectF spark(kAccentWidth + 10, height() - kSparkHeight - 4, width() - kAccentWidth - 20,
                       kSparkHeight);
    const double labelWidth = fontMetrics().horizontalAdvance(label) + 6;
    const QRectF area = spark.adjusted(0, 0, -labelWidth, 0);
    QPainterPath path;
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        const QPointF &s = m_series.at(i);
        const double x =
            area.left() + area.width() * (s.x() - double(m_fromMs)) / double(m_toMs - m_fromMs);
        const double y = area.bottom() - area.height() * s.y() / maxRtt;
        if (i == 0)
            path.moveTo(x, y);
        else
            path.lineTo(x, y);
    }
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(palette().placeholderText().color(), 1, Qt::DotLine));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    p.setPen(QPen(StatusStyle::color(StatusStyle::Tone::Info), 1.5));
    p.drawPath(path);
    p.setPen(palette().placeholderText().color());
    p.drawText(spark, Qt::AlignRight | Qt::AlignTop, label);
}

void OverviewTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        emit activated(m_key);
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void OverviewTile::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter
        || event->key() == Qt::Key_Space) {
        emit activated(m_key);
        return;
    }
    QFrame::keyPressEvent(event);
}
