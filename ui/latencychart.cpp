#include "latencychart.h"

#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "healthpalette.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {
constexpr double minPlottableMs = 0.001; // a log axis has no zero

// Feed lines in colours that do not read as a quality tier (no green, teal, amber or red).
QColor feedColour(int i)
{
    static const QRgb colours[] = {0x1f77b4, 0x9467bd, 0xe377c2, 0x8c564b, 0x17becf,
                                   0x393b79, 0xbcbd22, 0x7f7f7f, 0x6b6ecf, 0xad494a};
    return QColor::fromRgb(colours[i % int(std::size(colours))]);
}
} // namespace

LatencyChart::LatencyChart(FeedHub *hub, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_clock(SystemClock::instance())
    , m_chart(new QChart)
    , m_xAxis(new QDateTimeAxis(this))
    , m_yAxis(new QLogValueAxis(this))
    , m_windowCombo(new QComboBox(this))
    , m_allFeeds(new QCheckBox(tr("Al&l feeds"), this))
    , m_flushTimer(new QTimer(this))
{
    auto *title = new QLabel(tr("Round-trip time"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    for (int minutes : {1, 5, 10})
        m_windowCombo->addItem(tr("%n min", nullptr, minutes), minutes);
    m_windowCombo->setCurrentIndex(2);
    m_windowCombo->setAccessibleName(tr("Chart time window"));
    m_windowCombo->setToolTip(tr("How much history the chart shows"));
    m_allFeeds->setChecked(true);

    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    m_xAxis->setFormat(u"HH:mm"_s);
    m_xAxis->setTickCount(6);
    m_yAxis->setBase(10);
    m_yAxis->setLabelFormat(u"%g"_s);
    m_yAxis->setTitleText(tr("ms (log)"));
    m_yAxis->setMinorTickCount(0);
    QFont small = m_xAxis->labelsFont();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() - 1));
    m_xAxis->setLabelsFont(small);
    m_yAxis->setLabelsFont(small);
    m_yAxis->setTitleFont(small);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);

    // Thresholds: dashed lines in their tier's colour, named on the right edge of the plot.
    const Settings &s = m_hub->config().settings;
    m_thresholdMs = {double(s.qualityExcellentMs), double(s.qualityGoodMs),
                     double(s.qualityPoorMs)};
    const std::array<Quality::Tier, 3> tiers = {Quality::Tier::Excellent, Quality::Tier::Good,
                                                Quality::Tier::Poor};
    const std::array<QString, 3> names = {tr("excellent ≤ %1 ms"), tr("good ≤ %1 ms"),
                                          tr("poor ≤ %1 ms")};
    for (size_t i = 0; i < m_thresholds.size(); ++i) {
        auto *line = new QLineSeries;
        line->setUseOpenGL(false);
        QPen pen(HealthPalette::quality(tiers[i]), 1, Qt::DashLine);
        line->setPen(pen);
        m_chart->addSeries(line);
        line->attachAxis(m_xAxis);
        line->attachAxis(m_yAxis);
        const QList<QLegendMarker *> markers = m_chart->legend()->markers(line);
        for (QLegendMarker *marker : markers)
            marker->setVisible(false);
        m_thresholds[i] = line;
        auto *label = new QGraphicsSimpleTextItem(names[i].arg(m_thresholdMs[i]), m_chart);
        label->setBrush(HealthPalette::quality(tiers[i]).darker(115));
        label->setFont(small);
        label->setZValue(20);
        m_thresholdLabels[i] = label;
    }

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    m_view->setAccessibleName(tr("Round-trip time chart"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(m_allFeeds);
    bar->addWidget(m_windowCombo);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_windowCombo, &QComboBox::currentIndexChanged, this,
            [this](int i) { setWindowMinutes(m_windowCombo->itemData(i).toInt()); });
    connect(m_allFeeds, &QCheckBox::toggled, this, &LatencyChart::setShowAllFeeds);
    connect(m_chart, &QChart::plotAreaChanged, this, &LatencyChart::updateThresholdLabels);
    connect(m_hub, &FeedHub::latencySample, this, &LatencyChart::onSample);
    connect(m_hub, &FeedHub::feedAdded, this, [this](const QString &id) { ensureLine(id); });
    connect(m_hub, &FeedHub::feedRemoved, this, &LatencyChart::removeLine);

    for (const QString &id : m_hub->feedIds())
        ensureLine(id);
    reloadFromHub();
    applyVisibility();

    m_flushTimer->setInterval(flushIntervalMs());
    connect(m_flushTimer, &QTimer::timeout, this, &LatencyChart::flush);
    flush(); // the timer starts when the chart is shown
}

bool LatencyChart::isDrawing() const
{
    return m_flushTimer->isActive();
}

void LatencyChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_flushTimer->isActive())
        return;
    flush();
    m_flushTimer->start();
}

void LatencyChart::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_flushTimer->stop();
}

LatencyChart::~LatencyChart()
{
    qDeleteAll(m_lines);
}

void LatencyChart::setClock(const Clock *clock)
{
    m_clock = clock ? clock : SystemClock::instance();
    m_forceRedraw = true;
    flush();
}

LatencyChart::Line *LatencyChart::ensureLine(const QString &feedId)
{
    if (Line *line = m_lines.value(feedId))
        return line;
    auto *line = new Line;
    line->buffer.setWindowMs(qint64(m_windowMinutes) * 60 * 1000);
    m_lines.insert(feedId, line);
    if (!m_feeds.contains(feedId))
        readBackends();
    showLine(feedId, line, isShown(feedId));
    return line;
}

// A series (and its legend entry) exists only while its feed is shown: QtCharts keeps items for
// every series, shown or not.
void LatencyChart::showLine(const QString &feedId, Line *line, bool shown)
{
    if (!shown) {
        if (line->series) {
            m_chart->removeSeries(line->series);
            delete line->series;
            line->series = nullptr;
        }
        return;
    }
    if (line->series)
        return;
    const FeedInfo info = m_feeds.value(feedId, {QString(), feedId, 0});
    line->series = new QLineSeries;
    line->series->setName(info.name);
    line->series->setUseOpenGL(false);
    line->series->setPen(QPen(feedColour(info.position), 1.5));
    m_chart->addSeries(line->series);
    line->series->attachAxis(m_xAxis);
    line->series->attachAxis(m_yAxis);
    line->dirty = true;
}

void LatencyChart::removeLine(const QString &feedId)
{
    Line *line = m_lines.take(feedId);
    if (!line)
        return;
    showLine(feedId, line, false);
    delete line;
}

QLineSeries *LatencyChart::series(const QString &feedId) const
{
    const Line *line = m_lines.value(feedId);
    return line ? line->series : nullptr;
}

qsizetype LatencyChart::bufferedPoints(const QString &feedId) const
{
    const Line *line = m_lines.value(feedId);
    return line ? line->buffer.size() : 0;
}

void LatencyChart::onSample(const QString &feedId, qint64 wallMs, double rttMs)
{
    Line *line = ensureLine(feedId);
    line->buffer.append(wallMs, std::max(rttMs, minPlottableMs));
    line->dirty = true;
}

void LatencyChart::reloadFromHub()
{
    const qint64 now = m_clock->wallMs();
    for (auto it = m_lines.cbegin(); it != m_lines.cend(); ++it) {
        QList<QPointF> points = m_hub->latencySamples(it.key());
        for (QPointF &p : points)
            p.setY(std::max(p.y(), minPlottableMs));
        it.value()->buffer.assign(points);
        it.value()->buffer.trim(now);
        it.value()->dirty = true;
    }
}

void LatencyChart::setWindowMinutes(int minutes)
{
    minutes = std::clamp(minutes, 1, 60);
    if (minutes == m_windowMinutes)
        return;
    m_windowMinutes = minutes;
    m_flushTimer->setInterval(flushIntervalMs());
    for (Line *line : std::as_const(m_lines))
        line->buffer.setWindowMs(qint64(minutes) * 60 * 1000);
    // A wider window needs the history the buffers already dropped; the hub keeps it.
    reloadFromHub();
    const int comboIndex = m_windowCombo->findData(minutes);
    if (comboIndex >= 0 && comboIndex != m_windowCombo->currentIndex())
        m_windowCombo->setCurrentIndex(comboIndex);
    m_forceRedraw = true;
    flush();
}

void LatencyChart::readBackends()
{
    m_severalBackends = m_hub->config().backends.size() > 1;
    m_feeds.clear();
    QHash<QString, int> count; // feeds seen so far, by backend
    for (const FeedSpec &feed : m_hub->config().feeds) {
        const QString name = m_severalBackends ? feed.name : feed.id;
        m_feeds.insert(feed.id, {feed.backend, name, count[feed.backend]++});
    }
}

// With several backends: the selected feed's, or the first backend's while none is selected.
QString LatencyChart::shownBackend() const
{
    if (const auto it = m_feeds.constFind(m_feed); it != m_feeds.cend())
        return it->backend;
    const QList<BackendSpec> &backends = m_hub->config().backends;
    return backends.isEmpty() ? QString() : backends.constFirst().name;
}

bool LatencyChart::isShown(const QString &feedId) const
{
    if (!m_showAll)
        return feedId == m_feed;
    return !m_severalBackends || m_feeds.value(feedId).backend == shownBackend();
}

void LatencyChart::applyVisibility()
{
    readBackends();
    for (auto it = m_lines.cbegin(); it != m_lines.cend(); ++it)
        showLine(it.key(), it.value(), isShown(it.key()));
    const QString backend = m_severalBackends && m_showAll ? shownBackend() : QString();
    m_allFeeds->setText(backend.isEmpty() ? tr("Al&l feeds") : tr("Al&l of %1").arg(backend));
    m_allFeeds->setToolTip(m_severalBackends
                               ? tr("Show every feed of the selected feed's backend, or only the "
                                    "feed selected in the table")
                               : tr("Show every feed, or only the feed selected in the table"));
    m_forceRedraw = true;
}

void LatencyChart::setFeed(const QString &feedId)
{
    if (feedId == m_feed)
        return;
    m_feed = feedId;
    applyVisibility();
    flush();
}

void LatencyChart::setShowAllFeeds(bool all)
{
    if (all == m_showAll)
        return;
    m_showAll = all;
    if (m_allFeeds->isChecked() != all)
        m_allFeeds->setChecked(all);
    applyVisibility();
    flush();
}

qint64 LatencyChart::axisStepMs() const
{
    return m_axisStepMs;
}

int LatencyChart::flushIntervalMs() const
{
    // About a pixel's worth of time on a 600-pixel plot: drawing more often shows nothing new.
    return int(std::clamp<qint64>(qint64(m_windowMinutes) * 60 * 1000 / 600, minFlushIntervalMs,
                                  maxFlushIntervalMs));
}

void LatencyChart::flush()
{
    const qint64 now = m_clock->wallMs();
    const qint64 windowMs = qint64(m_windowMinutes) * 60 * 1000;
    qint64 oldest = now;
    bool anyDirty = false;
    for (Line *line : std::as_const(m_lines)) {
        if (line->buffer.trim(now))
            line->dirty = true;
        if (!line->buffer.isEmpty())
            oldest = std::min(oldest, qint64(line->buffer.points().constFirst().x()));
        anyDirty = anyDirty || (line->dirty && line->series);
    }
    // The window fills from the right: until it holds that much history the axis spans what
    // there is (at least a minute), so a fresh session's samples are not a sliver at the edge.
    const qint64 minSpanMs = 60 * 1000;
    const qint64 span = std::clamp(now - oldest, minSpanMs, windowMs);
    // The time axis moves in steps of about a fiftieth of what it spans (1 s of a minute, 10 s
    // of ten), on whole seconds, its right edge the next step after now: each move lays out the
    // labels and every line again, which was most of an idle dashboard's CPU when the axis
    // followed the clock pixel by pixel. Between steps a new sample is drawn where it belongs,
    // at most a step left of the edge.
    static constexpr qint64 niceSteps[] = {60'000, 30'000, 10'000, 5'000, 2'000, 1'000};
    m_axisStepMs = 1'000;
    for (const qint64 step : niceSteps) {
        if (step <= span / 50) {
            m_axisStepMs = step;
            break;
        }
    }
    const qint64 to = (now + m_axisStepMs - 1) / m_axisStepMs * m_axisStepMs;
    const qint64 from = std::max(to - windowMs, std::min(oldest, to - minSpanMs));
    const bool axisMoves = from != m_axisFromMs || to != m_axisToMs;
    if (!anyDirty && !m_forceRedraw && !axisMoves)
        return;
    // Two points (min, max) per two pixel columns keep every spike; more only costs time in
    // QtCharts' geometry update, which dominates a flush.
    const int buckets = std::max(100, int(m_chart->plotArea().width()) / 2);
    double lo = std::numeric_limits<double>::max();
    double hi = 0;
    for (Line *line : std::as_const(m_lines)) {
        if (!line->series)
            continue;
        if (line->dirty || m_forceRedraw) {
            line->series->replace(line->buffer.decimated(from, to, buckets));
            line->dirty = false;
        }
        double a = 0;
        double b = 0;
        if (line->buffer.range(from, &a, &b)) {
            lo = std::min(lo, a);
            hi = std::max(hi, b);
        }
    }
    m_forceRedraw = false;

    if (axisMoves) {
        m_axisFromMs = from;
        m_axisToMs = to;
        m_xAxis->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
        for (size_t i = 0; i < m_thresholds.size(); ++i) {
            const double y = m_thresholdMs[i];
            m_thresholds[i]->replace({QPointF(double(from), y), QPointF(double(to), y)});
        }
    }
    // Minutes repeat along a short axis; seconds tell its ticks apart.
    const QString format = to - from <= 5 * 60 * 1000 ? u"HH:mm:ss"_s : u"HH:mm"_s;
    if (m_xAxis->format() != format)
        m_xAxis->setFormat(format);
    // Whole decades below the data, and room above the "poor" line, so the thresholds are
    // always in view and sub-millisecond loopback RTTs are not squashed onto the axis.
    const double poor = m_thresholdMs[2];
    const double yMin =
        hi > 0 ? std::pow(10.0, std::floor(std::log10(std::clamp(lo, minPlottableMs, 10.0)))) : 1.0;
    const double yMax = std::max(hi, poor) * 1.6;
    if (!qFuzzyCompare(m_yAxis->min(), yMin) || !qFuzzyCompare(m_yAxis->max(), yMax)) {
        m_yAxis->setRange(yMin, yMax);
        updateThresholdLabels();
    }
}

void LatencyChart::updateThresholdLabels()
{
    const QRectF plot = m_chart->plotArea();
    for (size_t i = 0; i < m_thresholds.size(); ++i) {
        QGraphicsSimpleTextItem *label = m_thresholdLabels[i];
        const double y = m_thresholdMs[i];
        const bool inside = y >= m_yAxis->min() && y <= m_yAxis->max();
        label->setVisible(inside && !plot.isEmpty());
        if (!inside)
            continue;
        const QPointF at =
            m_chart->mapToPosition(QPointF(m_xAxis->max().toMSecsSinceEpoch(), y), m_thresholds[i]);
        const QRectF box = label->boundingRect();
        label->setPos(plot.right() - box.width() - 4, at.y() - box.height() - 1);
    }
}
