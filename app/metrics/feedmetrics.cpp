#include "feedmetrics.h"

#include "cli/appinfo.h"
#include "core/redaction.h"
#include "metrics/exposition.h"

#include <QMutexLocker>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr double kNoSample = std::numeric_limits<double>::quiet_NaN();
using Type = Exposition::Type;

double seconds(qint64 wallMs)
{
    return wallMs > 0 ? double(wallMs) / 1000.0 : kNoSample;
}

// A FeedStats field as one series per feed; NaN means "no sample" (never measured).
struct StatsMetric
{
    QByteArrayView name;
    Type type;
    QByteArrayView help;
    double (*value)(const FeedStats &);
};

const StatsMetric kStatsMetrics[] = {
    {"feedwatch_feed_up", Type::Gauge,
     "1 while the feed's WebSocket is connected (the window shows it live), else 0.",
     [](const FeedStats &s) {
         return s.state == Feed::State::Connected ? 1.0 : 0.0;
     }},
    {"feedwatch_feed_rtt_ewma_seconds", Type::Gauge,
     "Exponentially weighted moving average of the RTT the quality tier is judged on; absent "
     "before the first pong.",
     [](const FeedStats &s) {
         return s.ewmaRttMs >= 0 ? s.ewmaRttMs / 1000.0 : kNoSample;
     }},
    {"feedwatch_feed_quality_score", Type::Gauge,
     "Quality score 0-100 (latency, attempt success, uptime share, data freshness over "
     "quality.window_ms; docs/health.md); absent before the feed started.",
     [](const FeedStats &s) {
         return s.qualityScore >= 0 ? double(s.qualityScore) : kNoSample;
     }},
    {"feedwatch_feed_health_level", Type::Gauge,
     "Progressive health: 0 healthy, 1 degraded, 2 unhealthy, 3 critical (docs/health.md).",
     [](const FeedStats &s) {
         return double(s.health);
     }},
    {"feedwatch_feed_connected_since_timestamp_seconds", Type::Gauge,
     "Unix time the current WebSocket connection opened; absent while not connected.",
     [](const FeedStats &s) {
         return seconds(s.connectedSinceWallMs);
     }},
    {"feedwatch_feed_connection_attempts_total", Type::Counter, "Connection attempts started.",
     [](const FeedStats &s) {
         return double(s.totalAttempts);
     }},
    {"feedwatch_feed_reconnects_total", Type::Counter,
     "Reconnects scheduled after a failed attempt or a lost connection.",
     [](const FeedStats &s) {
         return double(s.totalRetries);
     }},
    {"feedwatch_feed_connections_total", Type::Counter, "WebSocket connections opened.",
     [](const FeedStats &s) {
         return double(s.successes);
     }},
    {"feedwatch_feed_connection_failures_total", Type::Counter,
     "Attempts or connections that ended before becoming stable (connection.stable_ms).",
     [](const FeedStats &s) {
         return double(s.failures);
     }},
    {"feedwatch_feed_circuit_failures", Type::Gauge,
     "Consecutive failures the circuit breaker has counted (it opens at its threshold).",
     [](const FeedStats &s) {
         return double(s.circuitFailures);
     }},
    {"feedwatch_feed_messages_total", Type::Counter, "WebSocket text messages received.",
     [](const FeedStats &s) {
         return double(s.messages);
     }},
    {"feedwatch_feed_received_bytes_total", Type::Counter,
     "Bytes of WebSocket messages received (UTF-8 payload).",
     [](const FeedStats &s) {
         return double(s.bytes);
     }},
    {"feedwatch_feed_updates_total", Type::Counter,
     "Snapshots received, over the WebSocket or HTTP polling, identical ones included.",
     [](const FeedStats &s) {
         return double(s.snapshots);
     }},
    {"feedwatch_feed_unchanged_updates_total", Type::Counter,
     "Snapshots identical to the previous one (counted, nothing downstream changed).",
     [](const FeedStats &s) {
         return double(s.unchangedSnapshots);
     }},
    {"feedwatch_feed_superseded_updates_total", Type::Counter,
     "Snapshots replaced by a newer one from the same socket read before they were decoded "
     "(checked and counted, never shown).",
     [](const FeedStats &s) {
         return double(s.supersededSnapshots);
     }},
    {"feedwatch_feed_protocol_errors_total", Type::Counter,
     "Messages that were malformed, binary, of an unknown type or of the wrong shape.",
     [](const FeedStats &s) {
         return double(s.protocolErrors);
     }},
    {"feedwatch_feed_last_message_timestamp_seconds", Type::Gauge,
     "Unix time of the last message or HTTP snapshot; absent before the first.",
     [](const FeedStats &s) {
         return seconds(s.lastMessageWallMs);
     }},
    {"feedwatch_feed_degraded", Type::Gauge,
     "1 while HTTP snapshot polling stands in for the WebSocket (degraded mode), else 0.",
     [](const FeedStats &s) {
         return s.degraded ? 1.0 : 0.0;
     }},
    {"feedwatch_feed_uptime_ratio", Type::Gauge,
     "Share of the time since the feed started that it was connected (0 to 1).",
     [](const FeedStats &s) {
         return s.uptimePercent / 100.0;
     }},
};

// An enum of FeedStats as one series per value, 1 for the current one (kube-state-metrics'
// convention): `max_over_time` and `for:` then work per value.
struct StateMetric
{
    QByteArrayView name;
    QByteArrayView help;
    QByteArrayView label;
    QStringList values; // in enum order
    int (*current)(const FeedStats &);
};

QStringList names(int count, QString (*name)(int))
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << name(i);
    return out;
}

const StateMetric kStateMetrics[] = {
    {"feedwatch_feed_state", "The feed's connection state: 1 for the current one.", "state",
     names(int(Feed::State::Stopped) + 1, [](int i) { return Feed::stateName(Feed::State(i)); }),
     [](const FeedStats &s) {
         return int(s.state);
     }},
    {"feedwatch_feed_quality",
     "The feed's quality tier as the window shows it: 1 for the current one.", "tier",
     names(int(Quality::Tier::Bad) + 1, [](int i) { return Quality::name(Quality::Tier(i)); }),
     [](const FeedStats &s) {
         return int(s.quality);
     }},
    {"feedwatch_feed_circuit_state", "The feed's circuit breaker: 1 for the current state.",
     "state",
     names(int(Circuit::State::HalfOpen) + 1,
           [](int i) { return Circuit::name(Circuit::State(i)); }),
     [](const FeedStats &s) {
         return int(s.circuit);
     }},
    {"feedwatch_feed_fallback",
     "HTTP snapshot polling: off, starting (no answer yet), delivering or failing; 1 for the "
     "current one.",
     "state",
     {u"off"_s, u"starting"_s, u"delivering"_s, u"failing"_s},
     [](const FeedStats &s) {
         return int(s.fallback);
     }},
};

// A label of an event counter, from one field of the event. Only listed values become label
// values (anything else is "other"), so no text from a server or a URL can reach a label; an
// empty list takes a close code (0 to 4999).
struct EventLabel
{
    QByteArrayView label;
    QLatin1StringView field;
    QStringList allowed;
};

// Events of one kind (with `onlyField` == `onlyValue` when set), counted per feed.
struct EventCounter
{
    QByteArrayView name;
    QByteArrayView help;
    QLatin1StringView event;
    QList<EventLabel> labels;
    QLatin1StringView onlyField {};
    QLatin1StringView onlyValue {};
};

const EventCounter kEventCounters[] = {
    {"feedwatch_feed_disconnects_total",
     "Failed attempts and ended connections, by close code (1006: no close frame) and decision.",
     "disconnected"_L1,
     {{"code", "code"_L1, {}},
      {"decision",
       "decision"_L1,
       {u"retry"_s, u"retry_after_max"_s, u"stop_auth"_s, u"stop_config"_s, u"stop_tls"_s,
        u"operator"_s}}}},
    {"feedwatch_feed_heartbeat_timeouts_total",
     "Links found dead: no pong of either kind within heartbeat.timeout_ms.",
     "heartbeat_timeout"_L1,
     {}},
    {"feedwatch_feed_circuit_opens_total",
     "Times the circuit breaker opened.",
     "circuit"_L1,
     {},
     "state"_L1,
     "open"_L1},
    {"feedwatch_feed_commands_total",
     "Operator commands that reached each status (a command counts once per status it reaches).",
     "command"_L1,
     {{"status",
       "status"_L1,
       {u"queued"_s, u"sent"_s, u"acked"_s, u"failed"_s, u"expired"_s, u"cancelled"_s}}}},
    {"feedwatch_feed_alerts_total",
     "Alerts raised for the feed, by kind.",
     "alert"_L1,
     {{"alert",
       "alert"_L1,
       {u"feed_down"_s, u"feed_up"_s, u"feed_never_up"_s, u"feed_still_down"_s, u"circuit_open"_s,
        u"auth_error"_s, u"config_error"_s, u"server_restart"_s, u"quality_poor"_s, u"quality_ok"_s,
        u"rule"_s}}}},
    {"feedwatch_feed_server_restarts_total",
     "Server restarts seen (hello.server_id differs from the previous connection's).",
     "server_restart"_L1,
     {}},
    {"feedwatch_feed_poll_errors_total",
     "HTTP snapshot requests that failed (degraded mode).",
     "poll_error"_L1,
     {}},
};
static_assert(std::size(kEventCounters) <= FeedMetrics::kCounterSlots);

// A value from the latest event of one kind.
struct EventGauge
{
    QByteArrayView name;
    QByteArrayView help;
    QLatin1StringView event;
    double (*value)(const FeedEvent &);
};

const EventGauge kEventGauges[] = {
    {"feedwatch_feed_last_update_timestamp_seconds",
     "Unix time of the last snapshot (WebSocket or HTTP, changed or not); absent before the "
     "first.",
     "update"_L1,
     [](const FeedEvent &e) {
         return double(e.wallMs) / 1000.0;
     }},
    {"feedwatch_feed_connect_duration_seconds",
     "How long the last successful WebSocket handshake took (TCP, TLS and upgrade).",
     "connected"_L1,
     [](const FeedEvent &e) {
         return e.fields.value("connect_ms"_L1).toDouble() / 1000.0;
     }},
};
static_assert(std::size(kEventGauges) <= FeedMetrics::kGaugeSlots);

// A RuleStatus field, one series per rule of the feed (labels rule and severity: from the
// profile and the operator's configuration, never from the server).
struct RuleMetric
{
    QByteArrayView name;
    QByteArrayView help;
    double (*value)(const RuleStatus &);
};

const RuleMetric kRuleMetrics[] = {
    {"feedwatch_rule_firing",
     "Rows an alert rule is firing for (1 for a rule over the feed's data as a whole); 0 while "
     "ok or pending.",
     [](const RuleStatus &s) {
         return double(s.firingCount());
     }},
    {"feedwatch_rule_error",
     "1 while an alert rule cannot be evaluated (its reason is in the rule_error event), else 0.",
     [](const RuleStatus &s) {
         return s.state == RuleStatus::State::Error ? 1.0 : 0.0;
     }},
};
static_assert(std::size(kRuleMetrics) <= FeedMetrics::kRuleSlots);

constexpr QByteArrayView kRtt = "feedwatch_feed_rtt_seconds";

QByteArray counterKey(const EventCounter &counter, const FeedEvent &event)
{
    QByteArray key;
    for (const EventLabel &l : counter.labels) {
        const QJsonValue v = event.fields.value(l.field);
        QString value = u"other"_s;
        if (l.allowed.isEmpty()) {
            const double code = v.toDouble(-1);
            if (code >= 0 && code < 5000 && std::floor(code) == code)
                value = QString::number(qint64(code));
        } else if (l.allowed.contains(v.toString())) {
            value = v.toString();
        }
        if (!key.isEmpty())
            key.append(',');
        key.append(Exposition::labelPair(l.label, QStringView(value)));
    }
    return key;
}

// Counters without labels, or with one label of listed values, start at 0 for every value, so
// increase() sees the first one happen.
void initCounters(FeedMetrics::Series &s)
{
    for (size_t i = 0; i < std::size(kEventCounters); ++i) {
        const EventCounter &c = kEventCounters[i];
        if (c.labels.isEmpty()) {
            s.counts[i].emplace(QByteArray(), 0);
        } else if (c.labels.size() == 1 && !c.labels.first().allowed.isEmpty()) {
            for (const QString &value : c.labels.first().allowed)
                s.counts[i].emplace(
                    Exposition::labelPair(c.labels.first().label, QStringView(value)), 0);
        }
    }
    s.gauges.fill(kNoSample);
}

QList<double> bucketsFor(const Config &config)
{
    // Around the quality tiers: every configured threshold is a bound, with a few below the
    // best tier and above the worst, so histogram_quantile() is sharpest where tiers change.
    QSet<double> bounds = {0.005, 0.01, 0.025, 0.05, 0.2, 0.5, 2.5, 5};
    auto add = [&](const Settings &s) {
        bounds << s.qualityExcellentMs / 1000.0 << s.qualityGoodMs / 1000.0
               << s.qualityPoorMs / 1000.0;
    };
    add(config.settings);
    for (const FeedSpec &feed : config.feeds)
        add(feed.settings);
    QList<double> out(bounds.begin(), bounds.end());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

FeedMetrics::FeedMetrics(const Config &config)
{
    setConfig(config);
}

FeedMetrics::~FeedMetrics() = default;

void FeedMetrics::setConfig(const Config &config)
{
    QMutexLocker lock(&m_mutex);
    m_multipleBackends = config.backends.size() > 1;
    m_names.clear();
    m_backends.clear();
    for (const FeedSpec &feed : config.feeds) {
        m_names.insert(feed.id, feed.name);
        m_backends.insert(feed.id, feed.backend);
    }
    const QList<double> buckets = bucketsFor(config);
    const bool rebucket = buckets != m_buckets;
    m_buckets = buckets;
    for (auto it = m_feeds.begin(); it != m_feeds.end(); ++it) {
        if (m_backends.contains(it.key()))
            it->backend = m_backends.value(it.key());
        it->labels = labelsFor(it.key(), it->backend);
        if (rebucket)
            resetHistogram(*it);
    }
    for (const FeedSpec &feed : config.feeds)
        series(feed.id, feed.backend);
}

QByteArray FeedMetrics::labelsFor(const QString &feedId, const QString &backend) const
{
    QString name = m_names.value(feedId);
    if (name.isEmpty()) {
        name = feedId;
        if (m_multipleBackends && name.startsWith(backend + u'/'))
            name = name.mid(backend.size() + 1);
    }
    // Names come from the operator's configuration; a token pasted into one is still masked.
    return Exposition::labelPair("backend", QStringView(Redaction::maskKnown(backend))) + ','
        + Exposition::labelPair("feed", QStringView(Redaction::maskKnown(name)));
}

void FeedMetrics::resetHistogram(Series &s) const
{
    s.rtt.assign(size_t(m_buckets.size() + 1), 0);
    s.rttSum = 0;
}

FeedMetrics::Series &FeedMetrics::series(const QString &feedId, const QString &backend)
{
    auto it = m_feeds.find(feedId);
    if (it == m_feeds.end()) {
        Series s;
        s.backend = backend.isEmpty() ? m_backends.value(feedId) : backend;
        s.labels = labelsFor(feedId, s.backend);
        s.stats.feedId = feedId;
        s.stats.backend = s.backend;
        initCounters(s);
        resetHistogram(s);
        it = m_feeds.insert(feedId, s);
    } else if (!backend.isEmpty() && backend != it->backend) {
        it->backend = backend;
        it->labels = labelsFor(feedId, backend);
    }
    return *it;
}

void FeedMetrics::updateStats(const FeedStats &stats)
{
    QMutexLocker lock(&m_mutex);
    series(stats.feedId, stats.backend).stats = stats;
}

void FeedMetrics::recordEvent(const FeedEvent &event)
{
    QMutexLocker lock(&m_mutex);
    if (event.feed.isEmpty()) {
        if (event.event == "network"_L1)
            m_networkOnline = event.fields.value("online"_L1).toBool() ? 1 : 0;
        return;
    }
    Series &s = series(event.feed, {});
    if (event.event == "latency"_L1) {
        const double rtt = event.fields.value("rtt_ms"_L1).toDouble() / 1000.0;
        const auto bucket = std::lower_bound(m_buckets.cbegin(), m_buckets.cend(), rtt);
        ++s.rtt[size_t(bucket - m_buckets.cbegin())];
        s.rttSum += rtt;
        return;
    }
    for (size_t i = 0; i < std::size(kEventCounters); ++i) {
        const EventCounter &c = kEventCounters[i];
        if (event.event != c.event)
            continue;
        if (!c.onlyField.isEmpty() && event.fields.value(c.onlyField).toString() != c.onlyValue)
            continue;
        ++s.counts[i][counterKey(c, event)];
    }
    for (size_t i = 0; i < std::size(kEventGauges); ++i) {
        if (event.event == kEventGauges[i].event)
            s.gauges[i] = kEventGauges[i].value(event);
    }
}

void FeedMetrics::removeFeed(const QString &feedId)
{
    QMutexLocker lock(&m_mutex);
    m_feeds.remove(feedId);
}

void FeedMetrics::updateRules(const QList<RuleStatus> &statuses)
{
    QMutexLocker lock(&m_mutex);
    for (Series &s : m_feeds)
        s.rules.clear();
    for (const RuleStatus &status : statuses) {
        // A rule on a feed that is not watched (state error) has no feed series to join.
        const auto it = m_feeds.find(status.feedId);
        if (it == m_feeds.end())
            continue;
        const QByteArray labels = Exposition::labelPair("rule", QStringView(status.ruleId)) + ','
            + Exposition::labelPair("severity", QStringView(status.severity));
        std::array<double, kRuleSlots> values {};
        for (size_t i = 0; i < std::size(kRuleMetrics); ++i)
            values[i] = kRuleMetrics[i].value(status);
        it->rules[labels] = values;
    }
}

QList<double> FeedMetrics::rttBuckets() const
{
    QMutexLocker lock(&m_mutex);
    return m_buckets;
}

void FeedMetrics::render(Exposition &out) const
{
    // The copy is made here, on the rendering thread, while the feeding thread waits at most
    // for it: detach() leaves that thread's map unshared, so its next write copies nothing.
    QMutexLocker lock(&m_mutex);
    QMap<QString, Series> feeds = m_feeds;
    feeds.detach();
    const QList<double> buckets = m_buckets;
    const double online = m_networkOnline;
    lock.unlock();

    out.family("feedwatch_build_info", Type::Gauge,
               "Always 1; the labels say which Feedwatch and Qt run.");
    out.sample("feedwatch_build_info",
               Exposition::labelPair("version", QStringView(AppInfo::version())) + ','
                   + Exposition::labelPair("qt_version", QByteArrayView(qVersion())),
               qint64(1));
    out.family("feedwatch_network_online", Type::Gauge,
               "1 while the system reports the network reachable (offline pauses retries).");
    out.sample("feedwatch_network_online", {}, online);
    out.family("feedwatch_feeds", Type::Gauge, "Feeds watched.");
    out.sample("feedwatch_feeds", {}, qint64(feeds.size()));

    for (const StatsMetric &m : kStatsMetrics) {
        out.family(m.name, m.type, m.help);
        for (const Series &s : std::as_const(feeds)) {
            const double v = m.value(s.stats);
            if (!std::isnan(v))
                out.sample(m.name, s.labels, v);
        }
    }
    for (const StateMetric &m : kStateMetrics) {
        out.family(m.name, Type::Gauge, m.help);
        QList<QByteArray> valueLabels;
        for (const QString &value : m.values)
            valueLabels << Exposition::labelPair(m.label, QStringView(value));
        for (const Series &s : std::as_const(feeds)) {
            const int current = m.current(s.stats);
            for (int i = 0; i < valueLabels.size(); ++i)
                out.sample(m.name, s.labels, valueLabels.at(i), i == current ? 1.0 : 0.0);
        }
    }
    for (size_t i = 0; i < std::size(kEventCounters); ++i) {
        const EventCounter &c = kEventCounters[i];
        out.family(c.name, Type::Counter, c.help);
        for (const Series &s : std::as_const(feeds)) {
            for (const auto &[labels, count] : s.counts[i])
                out.sample(c.name, s.labels, labels, double(count));
        }
    }
    for (size_t i = 0; i < std::size(kEventGauges); ++i) {
        out.family(kEventGauges[i].name, Type::Gauge, kEventGauges[i].help);
        for (const Series &s : std::as_const(feeds)) {
            if (!std::isnan(s.gauges[i]))
                out.sample(kEventGauges[i].name, s.labels, s.gauges[i]);
        }
    }

    for (size_t i = 0; i < std::size(kRuleMetrics); ++i) {
        out.family(kRuleMetrics[i].name, Type::Gauge, kRuleMetrics[i].help);
        for (const Series &s : std::as_const(feeds)) {
            for (const auto &[labels, values] : s.rules)
                out.sample(kRuleMetrics[i].name, s.labels, labels, values[i]);
        }
    }

    out.family(kRtt, Type::Histogram,
               "Round-trip time of each pong (RFC 6455 ping frames and JSON pings), with bounds "
               "at the quality tier thresholds.");
    QList<QByteArray> le;
    for (double b : buckets)
        le << "le=\"" + Exposition::number(b) + '"';
    le << QByteArray("le=\"+Inf\"");
    const QByteArray bucketName = kRtt.toByteArray() + "_bucket";
    const QByteArray sumName = kRtt.toByteArray() + "_sum";
    const QByteArray countName = kRtt.toByteArray() + "_count";
    for (const Series &s : std::as_const(feeds)) {
        qint64 cumulative = 0;
        for (qsizetype i = 0; i < le.size(); ++i) {
            cumulative += size_t(i) < s.rtt.size() ? s.rtt[size_t(i)] : 0;
            out.sample(bucketName, s.labels, le.at(i), double(cumulative));
        }
        out.sample(sumName, s.labels, s.rttSum);
        out.sample(countName, s.labels, cumulative);
    }
}

QList<QByteArray> FeedMetrics::familyNames()
{
    QList<QByteArray> out = {"feedwatch_build_info", "feedwatch_network_online", "feedwatch_feeds"};
    for (const StatsMetric &m : kStatsMetrics)
        out << m.name.toByteArray();
    for (const StateMetric &m : kStateMetrics)
        out << m.name.toByteArray();
    for (const EventCounter &c : kEventCounters)
        out << c.name.toByteArray();
    for (const EventGauge &g : kEventGauges)
        out << g.name.toByteArray();
    for (const RuleMetric &r : kRuleMetrics)
        out << r.name.toByteArray();
    out << kRtt.toByteArray();
    return out;
}
