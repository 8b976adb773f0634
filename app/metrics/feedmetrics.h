#pragma once

#include "config/config.h"
#include "connection/feedstats.h"
#include "events/feedevent.h"
#include "rules/rulestatus.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>

#include <array>
#include <map>
#include <vector>

class Exposition;

// What /metrics says about the feeds: the FeedStats the window shows and counts taken from the
// event stream of the same run, nothing else. Fed on the thread that owns that state (the GUI
// thread through FeedHub, or the engine's thread in --headless) and rendered on the metrics
// thread; a mutex guards the hand-over, held for a copy, never for a render.
//
// Every metric is one line of a table in feedmetrics.cpp: kStatsMetrics (a FeedStats field),
// kStateMetrics (an enum as one 0/1 series per value), kEventCounters (events of one kind,
// optionally by a field), kEventGauges (a value from the latest event of one kind) and
// kRuleMetrics (a RuleStatus field, per rule of the feed).
class FeedMetrics final
{
    Q_DISABLE_COPY_MOVE(FeedMetrics)

public:
    explicit FeedMetrics(const Config &config = {});
    ~FeedMetrics();

    // Feed labels and the RTT buckets (from the quality tiers) follow the configuration; changed
    // buckets restart the histograms.
    void setConfig(const Config &config);
    void updateStats(const FeedStats &stats);
    void recordEvent(const FeedEvent &event);
    void removeFeed(const QString &feedId);
    // The alert rules' states (RuleEngine), per configured feed; replaces the previous ones.
    void updateRules(const QList<RuleStatus> &statuses);
    // Every feedwatch_* family, feeds in id order.
    void render(Exposition &out) const;
    // Upper bounds of the RTT histogram in seconds, without +Inf.
    QList<double> rttBuckets() const;

    // The tables, for tests and docs: which metric families exist.
    static QList<QByteArray> familyNames();

    static constexpr int kCounterSlots = 8;
    static constexpr int kGaugeSlots = 4;
    static constexpr int kRuleSlots = 2;
    struct Series
    {
        QString backend;
        QByteArray labels; // backend="...",feed="..."
        FeedStats stats;
        // Standard containers on purpose: the render's copy must be deep. A Qt container's copy
        // shares its data, and its next write here would check the share count with a relaxed
        // load while the render still reads it (ThreadSanitizer: tst_metricsserver
        // fedWhileScraped).
        std::array<std::map<QByteArray, qint64>, kCounterSlots> counts; // extra labels -> count
        std::array<double, kGaugeSlots> gauges {};                      // NaN: no sample yet
        std::map<QByteArray, std::array<double, kRuleSlots>> rules;     // rule labels -> values
        std::vector<qint64> rtt;                                        // per bucket, +Inf last
        double rttSum = 0;
    };

private:
    Series &series(const QString &feedId, const QString &backend);
    QByteArray labelsFor(const QString &feedId, const QString &backend) const;
    void resetHistogram(Series &s) const;

    mutable QMutex m_mutex;
    QMap<QString, Series> m_feeds;
    QHash<QString, QString> m_names;    // feed id -> feed name (configured feeds)
    QHash<QString, QString> m_backends; // feed id -> backend (configured feeds)
    bool m_multipleBackends = false;
    QList<double> m_buckets;
    double m_networkOnline = 1;
};
