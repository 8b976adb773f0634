#pragma once

#include "dashboard/latencyseriesbuffer.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QWidget>

#include <array>

class Clock;
class FeedHub;
class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QLogValueAxis;
class QTimer;

// RTT over time, one line per feed, over a rolling window (1, 5 or 10 minutes) with the quality
// thresholds drawn across it. Samples are buffered and drawn a few times a second: a sample
// costs an append, never a series or axis rebuild. With several backends "all feeds" are those
// of the selected feed's backend: 60 backends' 480 lines and legend entries told nothing and
// held ~13 MB of QtCharts items. Only the lines shown have a series; every feed keeps its buffer.
class LatencyChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatencyChart)

public:
    explicit LatencyChart(FeedHub *hub, QWidget *parent = nullptr);
    ~LatencyChart() override;

    void setClock(const Clock *clock);
    int windowMinutes() const { return m_windowMinutes; }
    void setWindowMinutes(int minutes);
    // The feed shown when not showing all feeds; with several backends, its backend's feeds are
    // "all feeds".
    QString feed() const { return m_feed; }
    void setFeed(const QString &feedId);
    bool showsAllFeeds() const { return m_showAll; }
    void setShowAllFeeds(bool all);

    QChart *chart() const { return m_chart; }
    // The feed's line, or null while it is not shown.
    QLineSeries *series(const QString &feedId) const;
    // Points held for a feed (before decimation for drawing).
    qsizetype bufferedPoints(const QString &feedId) const;
    // The time axis moved last in steps of this much (about a fiftieth of the span it shows, on
    // whole seconds: 1 s for a minute, 10 s for ten); its right edge is the next step after now.
    qint64 axisStepMs() const;
    // How often the timer draws what arrived: about a pixel's worth of time, 250 ms to 1 s.
    int flushIntervalMs() const;
    static constexpr int minFlushIntervalMs = 250;
    static constexpr int maxFlushIntervalMs = 1000;
    // Whether the timer draws: only while the chart is on screen (not hidden, not minimised).
    bool isDrawing() const;

public slots:
    // Draws what arrived since the last flush and moves the time axis; the timer calls it.
    void flush();

protected:
    // Nobody sees a hidden or minimised chart: samples are still buffered, drawing stops, and
    // the first show draws what arrived meanwhile.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Line
    {
        QLineSeries *series = nullptr; // only while shown
        LatencySeriesBuffer buffer;
        bool dirty = false;
    };

    Line *ensureLine(const QString &feedId);
    void removeLine(const QString &feedId);
    void onSample(const QString &feedId, qint64 wallMs, double rttMs);
    void reloadFromHub();
    void applyVisibility();
    bool isShown(const QString &feedId) const;
    QString shownBackend() const;
    void readBackends();
    void showLine(const QString &feedId, Line *line, bool shown);
    void updateThresholdLabels();

    FeedHub *m_hub;
    const Clock *m_clock;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QDateTimeAxis *m_xAxis = nullptr;
    QLogValueAxis *m_yAxis = nullptr;
    QComboBox *m_windowCombo = nullptr;
    QCheckBox *m_allFeeds = nullptr;
    QTimer *m_flushTimer = nullptr;
    QHash<QString, Line *> m_lines;
    struct FeedInfo
    {
        QString backend;
        QString name;     // the legend's text: the id, or with several backends the feed's name
        int position = 0; // among its backend's feeds: its colour
    };
    QHash<QString, FeedInfo> m_feeds; // by feed id, from the configuration
    bool m_severalBackends = false;
    std::array<QLineSeries *, 3> m_thresholds {};
    std::array<QGraphicsSimpleTextItem *, 3> m_thresholdLabels {};
    std::array<double, 3> m_thresholdMs {};
    QString m_feed;
    int m_windowMinutes = 10;
    bool m_showAll = true;
    bool m_forceRedraw = true;
    qint64 m_axisStepMs = 1000;
    qint64 m_axisFromMs = -1; // the time axis as last set
    qint64 m_axisToMs = -1;
};
