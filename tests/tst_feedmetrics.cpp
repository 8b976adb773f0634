#include "connection/feedengine.h"
#include "core/redaction.h"
#include "dashboard/feedhub.h"
#include "metrics/exposition.h"
#include "metrics/feedmetrics.h"
#include "metrics/metricsexporter.h"
#include "testfeedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Config configFrom(const QJsonObject &root, const QStringList &sets = {})
{
    ConfigOverrides o;
    o.sets = sets;
    const ConfigResult r = ConfigLoader::fromJson(root, o);
    if (!r.ok())
        qFatal("config: %s", qPrintable(r.errors.join(u"; "_s)));
    return r.config;
}

QByteArray render(const FeedMetrics &metrics)
{
    Exposition out;
    metrics.render(out);
    return out.take();
}

FeedEvent feedEvent(const QString &feed, const QString &kind, const QJsonObject &fields = {},
                    qint64 wallMs = 1'700'000'000'000)
{
    return FeedEvent {wallMs, feed, kind, fields};
}

// The value of the one sample `series` (name{labels}) in `text`; NaN when absent.
double valueOf(const QByteArray &text, const QByteArray &series)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return std::nan("");
}

const QByteArray kQueue = R"(backend="default",feed="queue")";
} // namespace

// FeedMetrics: each table line becomes the series it promises, labels stay bounded and escaped,
// and what it reads is what FeedHub (the window) holds.
class tst_FeedMetrics : public QObject
{
    Q_OBJECT

private slots:
    void statsBecomeSeries();
    void eventsAreCountedWithBoundedLabels();
    void rttHistogramBucketsFollowTheTiers();
    void labelsAreEscapedAndMasked();
    void everyFamilyFollowsTheConventions();
    void removedFeedsDisappear();
    void readsWhatTheWindowHolds();
    void ruleStatesBecomeSeries();
};

void tst_FeedMetrics::ruleStatesBecomeSeries()
{
    FeedMetrics metrics(configFrom({{u"feeds"_s, QJsonArray {u"queue"_s, u"routes"_s}}}));
    RuleStatus firing;
    firing.ruleId = u"phase-failed"_s;
    firing.feedId = u"queue"_s;
    firing.severity = u"critical"_s;
    firing.state = RuleStatus::State::Firing;
    firing.rows = {RuleRow {u"a"_s, u"a"_s, true, 1, 2, {}, {}},
                   RuleRow {u"b"_s, u"b"_s, true, 1, 2, {}, {}},
                   RuleRow {u"c"_s, u"c"_s, false, 1, 0, {}, {}}};
    RuleStatus broken;
    broken.ruleId = u"mine"_s;
    broken.feedId = u"queue"_s;
    broken.severity = u"warning"_s;
    broken.state = RuleStatus::State::Error;
    RuleStatus elsewhere = broken;
    elsewhere.feedId = u"not-watched"_s;
    metrics.updateRules({firing, broken, elsewhere});
    QByteArray text = render(metrics);
    QCOMPARE(
        valueOf(text,
                "feedwatch_rule_firing{" + kQueue + R"(,rule="phase-failed",severity="critical"})"),
        2.0);
    QCOMPARE(
        valueOf(text, "feedwatch_rule_error{" + kQueue + R"(,rule="mine",severity="warning"})"),
        1.0);
    QVERIFY(!text.contains("not-watched"));
    // Resolved: the series stays, at 0.
    firing.rows.clear();
    firing.state = RuleStatus::State::Ok;
    metrics.updateRules({firing});
    text = render(metrics);
    QCOMPARE(
        valueOf(text,
                "feedwatch_rule_firing{" + kQueue + R"(,rule="phase-failed",severity="critical"})"),
        0.0);
    QVERIFY(!text.contains("rule=\"mine\""));
}

void tst_FeedMetrics::statsBecomeSeries()
{
    FeedMetrics metrics(configFrom({{u"feeds"_s, QJsonArray {u"queue"_s, u"routes"_s}}}));
    FeedStats s;
    s.feedId = u"queue"_s;
    s.backend = u"default"_s;
    s.state = Feed::State::Connected;
    s.quality = Quality::Tier::Poor;
    s.circuit = Circuit::State::HalfOpen;
    s.messages = 42;
    s.bytes = 4200;
    s.snapshots = 40;
    s.unchangedSnapshots = 7;
    s.supersededSnapshots = 11;
    s.protocolErrors = 2;
    s.totalAttempts = 5;
    s.totalRetries = 4;
    s.connectedSinceWallMs = 1'700'000'000'500;
    s.ewmaRttMs = 250;
    s.degraded = true;
    s.fallback = Feed::Fallback::Delivering;
    s.uptimePercent = 75;
    s.qualityScore = 87;
    s.health = Health::Level::Unhealthy;
    metrics.updateStats(s);
    const QByteArray text = render(metrics);
    QCOMPARE(valueOf(text, "feedwatch_feed_up{" + kQueue + '}'), 1.0);
    QCOMPARE(valueOf(text, R"(feedwatch_feed_up{backend="default",feed="routes"})"), 0.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_state{" + kQueue + R"(,state="connected"})"), 1.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_state{" + kQueue + R"(,state="idle"})"), 0.0);
    QCOMPARE(text.count("feedwatch_feed_state{" + kQueue), 7); // one per state
    QCOMPARE(valueOf(text, "feedwatch_feed_quality{" + kQueue + R"(,tier="poor"})"), 1.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_quality{" + kQueue + R"(,tier="excellent"})"), 0.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_circuit_state{" + kQueue + R"(,state="half_open"})"),
             1.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_fallback{" + kQueue + R"(,state="delivering"})"), 1.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_messages_total{" + kQueue + '}'), 42.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_received_bytes_total{" + kQueue + '}'), 4200.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_updates_total{" + kQueue + '}'), 40.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_unchanged_updates_total{" + kQueue + '}'), 7.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_superseded_updates_total{" + kQueue + '}'), 11.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_protocol_errors_total{" + kQueue + '}'), 2.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_connection_attempts_total{" + kQueue + '}'), 5.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_reconnects_total{" + kQueue + '}'), 4.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_rtt_ewma_seconds{" + kQueue + '}'), 0.25);
    QCOMPARE(valueOf(text, "feedwatch_feed_connected_since_timestamp_seconds{" + kQueue + '}'),
             1'700'000'000.5);
    QCOMPARE(valueOf(text, "feedwatch_feed_degraded{" + kQueue + '}'), 1.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_uptime_ratio{" + kQueue + '}'), 0.75);
    QCOMPARE(valueOf(text, "feedwatch_feed_quality_score{" + kQueue + '}'), 87.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_health_level{" + kQueue + '}'), 2.0);
    QVERIFY(!text.contains(R"(feedwatch_feed_quality_score{backend="default",feed="routes"})"));
    // Never measured, never connected: no sample rather than a made-up 0.
    QVERIFY(!text.contains(R"(feedwatch_feed_rtt_ewma_seconds{backend="default",feed="routes"})"));
    QVERIFY(!text.contains(
        R"(feedwatch_feed_connected_since_timestamp_seconds{backend="default",feed="routes"})"));
    QCOMPARE(valueOf(text, "feedwatch_feeds"), 2.0);
}

void tst_FeedMetrics::eventsAreCountedWithBoundedLabels()
{
    FeedMetrics metrics(configFrom({{u"feeds"_s, QJsonArray {u"queue"_s}}}));
    const QByteArray before = render(metrics);
    // Counters without labels exist from the start, so increase() sees the first one.
    QCOMPARE(valueOf(before, "feedwatch_feed_heartbeat_timeouts_total{" + kQueue + '}'), 0.0);
    QCOMPARE(valueOf(before, "feedwatch_feed_commands_total{" + kQueue + R"(,status="acked"})"),
             0.0);
    for (int i = 0; i < 3; ++i)
        metrics.recordEvent(
            feedEvent(u"queue"_s, u"heartbeat_timeout"_s, {{u"waited_ms"_s, 5000}}));
    metrics.recordEvent(
        feedEvent(u"queue"_s, u"disconnected"_s, {{u"code"_s, 1006}, {u"decision"_s, u"retry"_s}}));
    metrics.recordEvent(
        feedEvent(u"queue"_s, u"disconnected"_s, {{u"code"_s, 1006}, {u"decision"_s, u"retry"_s}}));
    metrics.recordEvent(feedEvent(u"queue"_s, u"disconnected"_s,
                                  {{u"code"_s, 4001}, {u"decision"_s, u"stop_auth"_s}}));
    // What no engine writes still cannot become a label: out-of-range codes and unknown words.
    metrics.recordEvent(feedEvent(u"queue"_s, u"disconnected"_s,
                                  {{u"code"_s, 123456}, {u"decision"_s, u"x\",evil=\"1\n"_s}}));
    metrics.recordEvent(feedEvent(u"queue"_s, u"circuit"_s, {{u"state"_s, u"open"_s}}));
    metrics.recordEvent(feedEvent(u"queue"_s, u"circuit"_s, {{u"state"_s, u"half_open"_s}}));
    metrics.recordEvent(feedEvent(u"queue"_s, u"circuit"_s, {{u"state"_s, u"closed"_s}}));
    metrics.recordEvent(feedEvent(u"queue"_s, u"command"_s, {{u"status"_s, u"queued"_s}}));
    metrics.recordEvent(feedEvent(u"queue"_s, u"command"_s, {{u"status"_s, u"sent"_s}}));
    metrics.recordEvent(feedEvent(u"queue"_s, u"command"_s, {{u"status"_s, u"acked"_s}}));
    metrics.recordEvent(feedEvent(u"queue"_s, u"alert"_s, {{u"alert"_s, u"feed_down"_s}}));
    metrics.recordEvent(feedEvent(u"queue"_s, u"update"_s, {}, 1'700'000'123'000));
    metrics.recordEvent(feedEvent(u"queue"_s, u"connected"_s, {{u"connect_ms"_s, 12.5}}));
    metrics.recordEvent(feedEvent({}, u"network"_s, {{u"online"_s, false}}));
    const QByteArray text = render(metrics);
    QCOMPARE(valueOf(text, "feedwatch_feed_heartbeat_timeouts_total{" + kQueue + '}'), 3.0);
    QCOMPARE(
        valueOf(text,
                "feedwatch_feed_disconnects_total{" + kQueue + R"(,code="1006",decision="retry"})"),
        2.0);
    QCOMPARE(valueOf(text,
                     "feedwatch_feed_disconnects_total{" + kQueue
                         + R"(,code="4001",decision="stop_auth"})"),
             1.0);
    QCOMPARE(valueOf(text,
                     "feedwatch_feed_disconnects_total{" + kQueue
                         + R"(,code="other",decision="other"})"),
             1.0);
    QVERIFY(!text.contains("evil"));
    QCOMPARE(valueOf(text, "feedwatch_feed_circuit_opens_total{" + kQueue + '}'), 1.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_commands_total{" + kQueue + R"(,status="acked"})"), 1.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_commands_total{" + kQueue + R"(,status="failed"})"),
             0.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_alerts_total{" + kQueue + R"(,alert="feed_down"})"),
             1.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_last_update_timestamp_seconds{" + kQueue + '}'),
             1'700'000'123.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_connect_duration_seconds{" + kQueue + '}'), 0.0125);
    QCOMPARE(valueOf(text, "feedwatch_network_online"), 0.0);
}

void tst_FeedMetrics::rttHistogramBucketsFollowTheTiers()
{
    FeedMetrics metrics(configFrom({{u"feeds"_s, QJsonArray {u"queue"_s}}}));
    QCOMPARE(metrics.rttBuckets(),
             (QList<double> {0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5}));
    for (const double rtt : {3.0, 100.0, 150.0, 2000.0, 9000.0})
        metrics.recordEvent(feedEvent(u"queue"_s, u"latency"_s, {{u"rtt_ms"_s, rtt}}));
    const QByteArray text = render(metrics);
    auto bucket = [&](const char *le) {
        return valueOf(text, "feedwatch_feed_rtt_seconds_bucket{" + kQueue + ",le=\"" + le + "\"}");
    };
    QCOMPARE(bucket("0.005"), 1.0);
    QCOMPARE(bucket("0.1"), 2.0); // le is inclusive: 100 ms is "excellent" on the boundary
    QCOMPARE(bucket("0.2"), 3.0);
    QCOMPARE(bucket("2.5"), 4.0);
    QCOMPARE(bucket("+Inf"), 5.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_rtt_seconds_count{" + kQueue + '}'), 5.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_rtt_seconds_sum{" + kQueue + '}'), 11.253);

    // Operator thresholds become bounds too; a change restarts the histogram.
    metrics.setConfig(configFrom({{u"feeds"_s, QJsonArray {u"queue"_s}}},
                                 {u"quality.excellent_ms=40"_s, u"quality.good_ms=150"_s}));
    QVERIFY(metrics.rttBuckets().contains(0.04));
    QVERIFY(metrics.rttBuckets().contains(0.15));
    QCOMPARE(valueOf(render(metrics), "feedwatch_feed_rtt_seconds_count{" + kQueue + '}'), 0.0);
}

void tst_FeedMetrics::labelsAreEscapedAndMasked()
{
    const QString token = u"s3cr3t-T0ken+/="_s;
    Redaction::addSecret(token);
    const Config config = configFrom(
        {{u"backends"_s,
          QJsonObject {{u"pr\"od\\1"_s,
                        QJsonObject {{u"server"_s, u"ws://alice:pa55word@127.0.0.1:1"_s},
                                     {u"auth"_s, QJsonObject {{u"token"_s, token}}}}},
                       {u"x"_s + token, QJsonObject {{u"server"_s, u"ws://127.0.0.1:2"_s}}}}},
         {u"feeds"_s, QJsonArray {u"queue"_s}}});
    FeedMetrics metrics(config);
    const QByteArray text = render(metrics);
    // Several backends: the feed label is the feed's name, the backend its own label.
    const QByteArray escaped = "feedwatch_feed_up{backend=\"pr\\\"od\\\\1\",feed=\"queue\"} 0";
    QVERIFY2(text.contains(escaped), text.constData());
    QVERIFY2(text.contains(R"(feedwatch_feed_up{backend="x***",feed="queue"} 0)"),
             text.constData());
    for (const QByteArray &secret : {token.toUtf8(), QByteArray("pa55word"), QByteArray("alice"),
                                     QUrl::toPercentEncoding(token)})
        QVERIFY2(!text.contains(secret), secret.constData());
}

void tst_FeedMetrics::everyFamilyFollowsTheConventions()
{
    FeedMetrics metrics(configFrom({{u"feeds"_s, QJsonArray {u"queue"_s}}}));
    const QByteArray text = render(metrics);
    const QRegularExpression typeLine(u"^# TYPE (\\S+) (\\S+)$"_s,
                                      QRegularExpression::MultilineOption);
    QStringList typed;
    for (auto it = typeLine.globalMatch(QString::fromUtf8(text)); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(1);
        const QString type = m.captured(2);
        typed << name;
        QVERIFY2(name.startsWith("feedwatch_"_L1), qPrintable(name));
        QVERIFY2(text.contains("# HELP " + name.toUtf8() + ' '), qPrintable(name));
        QCOMPARE(name.endsWith("_total"_L1), type == "counter"_L1);
        QVERIFY2(!name.endsWith("_ms"_L1) && !name.contains("_millis"_L1), qPrintable(name));
    }
    QStringList expected;
    for (const QByteArray &name : FeedMetrics::familyNames())
        expected << QString::fromLatin1(name);
    typed.sort();
    expected.sort();
    QCOMPARE(typed, expected);
}

void tst_FeedMetrics::removedFeedsDisappear()
{
    FeedMetrics metrics(configFrom({{u"feeds"_s, QJsonArray {u"queue"_s}}}));
    metrics.recordEvent(feedEvent(u"adw-state/42"_s, u"heartbeat_timeout"_s));
    QVERIFY(render(metrics).contains(
        R"(feedwatch_feed_heartbeat_timeouts_total{backend="",feed="adw-state/42"} 1)"));
    FeedStats s;
    s.feedId = u"adw-state/42"_s;
    s.backend = u"default"_s;
    metrics.updateStats(s);
    QVERIFY(render(metrics).contains(
        R"(feedwatch_feed_heartbeat_timeouts_total{backend="default",feed="adw-state/42"} 1)"));
    metrics.removeFeed(u"adw-state/42"_s);
    QVERIFY(!render(metrics).contains("adw-state/42"));
}

void tst_FeedMetrics::readsWhatTheWindowHolds()
{
    TestFeedServer server;
    server.setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[]}})");
    server.setAnswerAppPings(true);
    QVERIFY(server.listen());
    ConfigOverrides o;
    o.server = server.baseUrl().toString();
    o.feeds = {u"queue"_s, u"routes"_s};
    o.sets = {u"stagger.step_ms=0"_s, u"heartbeat.interval_ms=50"_s};
    const Config config = ConfigLoader::fromJson({}, o).config;
    FeedEngine engine(config);
    FeedHub hub(config);
    hub.attach(&engine);
    MetricsExporter exporter(config);
    exporter.follow(&hub);
    int pongs = 0;
    int operatorCloses = 0;
    connect(&hub, &FeedHub::eventReceived, this, [&](const FeedEvent &e) {
        if (e.feed != "queue"_L1)
            return;
        pongs += e.event == "latency"_L1 ? 1 : 0;
        operatorCloses += e.event == "disconnected"_L1
            && e.fields.value("decision"_L1).toString() == "operator"_L1;
    });
    engine.start();
    QTRY_VERIFY(hub.stats(u"queue"_s).state == Feed::State::Connected
                && hub.stats(u"queue"_s).snapshots >= 1 && pongs >= 3);
    engine.stopAll();
    QTRY_VERIFY(hub.stats(u"queue"_s).state == Feed::State::Stopped);
    // The engine hands its pending events over before its stats, so these are all in.
    QVERIFY(operatorCloses >= 1);
    const FeedStats &shown = hub.stats(u"queue"_s);
    const QByteArray text = render(*exporter.metrics());
    QCOMPARE(valueOf(text, "feedwatch_feed_up{" + kQueue + '}'), 0.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_state{" + kQueue + R"(,state="stopped"})"), 1.0);
    QCOMPARE(valueOf(text, "feedwatch_feed_messages_total{" + kQueue + '}'),
             double(shown.messages));
    QCOMPARE(valueOf(text, "feedwatch_feed_updates_total{" + kQueue + '}'),
             double(shown.snapshots));
    QCOMPARE(valueOf(text, "feedwatch_feed_received_bytes_total{" + kQueue + '}'),
             double(shown.bytes));
    // Every pong the hub's event log got is in the histogram, every close in the counter.
    QCOMPARE(valueOf(text, "feedwatch_feed_rtt_seconds_count{" + kQueue + '}'), double(pongs));
    QCOMPARE(valueOf(text,
                     "feedwatch_feed_disconnects_total{" + kQueue
                         + R"(,code="1000",decision="operator"})"),
             double(operatorCloses));
}

QTEST_GUILESS_MAIN(tst_FeedMetrics)
#include "tst_feedmetrics.moc"
