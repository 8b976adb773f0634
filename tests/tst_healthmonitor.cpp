// Progressive health on a manual clock: each level, its remediation and the way back, then the
// remediation that acts on a real link (loopback QWebSocketServer, an HTTP server
// for the snapshot URL).
#include "config/config.h"
#include "connection/feedconnection.h"
#include "core/clock.h"
#include "eventrecorder.h"
#include "policy/healthmonitor.h"
#include "testfeedserver.h"
#include "testhttpserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Settings healthSettings()
{
    Settings s;
    s.healthStaleMs = 10000;
    s.healthRecoverMs = 3000;
    s.healthMaxDrops = 3;
    s.healthDegradedScore = 70;
    s.heartbeatIntervalMs = 1000;
    s.heartbeatTimeoutMs = 4000;
    return s;
}

// What the monitor said, in order: "degraded/pong_late/fast_heartbeat", ...
struct Changes
{
    explicit Changes(HealthMonitor *health)
    {
        QObject::connect(
            health, &HealthMonitor::changed, health,
            [this](Health::Level level, int, const QString &reason, const QString &action) {
                list << u"%1/%2/%3"_s.arg(Health::name(level), reason, action);
            });
    }
    QStringList list;
};

// Moves the clock in one-second steps, with fresh WebSocket data at each.
void advanceWithData(ManualClock &clock, HealthMonitor &health, qint64 ms)
{
    for (qint64 done = 0; done < ms; done += 1000) {
        clock.advance(std::min<qint64>(1000, ms - done));
        health.dataArrived(true);
    }
}

FeedSpec makeSpec(const QUrl &base, const Settings &settings)
{
    BackendSpec backend {u"default"_s, base, {}};
    return ConfigLoader::makeFeed(backend, u"queue"_s, settings, false);
}

const QByteArray kSnapshot = R"({"type":"queue_update","data":{"phases":[{"queue_id":"q1"}]}})";

} // namespace

class tst_HealthMonitor : public QObject
{
    Q_OBJECT

private slots:
    void latePongDegradesWithFasterHeartbeatAndHeals();
    void aBetterLevelMustHold();
    void repeatedDropsAreUnhealthyWithoutExtraAttempts();
    void heartbeatMissIsUnhealthyUntilItHeals();
    void openCircuitIsCriticalWithFallbackAndAlert();
    void noDataIsCriticalAndHttpDataDoesNotHealIt();
    void lowScoreCountsOnlyAfterTheWarmUp();
    void aStoppedFeedIsNotEvaluated();
    void frozenFeedGetsItsPageOverHttp();
};

void tst_HealthMonitor::latePongDegradesWithFasterHeartbeatAndHeals()
{
    ManualClock clock;
    HealthMonitor health(healthSettings(), &clock, false);
    Changes changes(&health);
    QSignalSpy fast(&health, &HealthMonitor::fastHeartbeatDue);
    health.start();
    health.connected();
    health.dataArrived(true);
    advanceWithData(clock, health, 2000);
    QVERIFY(changes.list.isEmpty());
    health.setPongLate(true);
    QCOMPARE(changes.list, (QStringList {u"degraded/pong_late/fast_heartbeat"_s}));
    QCOMPARE(fast.size(), 1);
    QCOMPARE(fast.last().at(0).toBool(), true);
    health.setPongLate(false);
    advanceWithData(clock, health, 2000);
    QCOMPARE(health.level(), Health::Level::Degraded); // not yet: recover_ms is 3 s
    advanceWithData(clock, health, 2000);
    QCOMPARE(changes.list.last(), u"healthy//normal_heartbeat"_s);
    QCOMPARE(fast.last().at(0).toBool(), false);
}

void tst_HealthMonitor::aBetterLevelMustHold()
{
    ManualClock clock;
    HealthMonitor health(healthSettings(), &clock, false);
    Changes changes(&health);
    health.start();
    health.connected();
    health.dataArrived(true);
    health.setPongLate(true);
    for (int i = 0; i < 3; ++i) {
        // Clears for 2 s, late again: the better level never held 3 s.
        health.setPongLate(false);
        advanceWithData(clock, health, 2000);
        health.setPongLate(true);
    }
    QCOMPARE(changes.list, (QStringList {u"degraded/pong_late/fast_heartbeat"_s}));
    health.setPongLate(false);
    advanceWithData(clock, health, 3000);
    QCOMPARE(changes.list.size(), 2);
    QCOMPARE(health.level(), Health::Level::Healthy);
}

void tst_HealthMonitor::repeatedDropsAreUnhealthyWithoutExtraAttempts()
{
    ManualClock clock;
    HealthMonitor health(healthSettings(), &clock, true);
    Changes changes(&health);
    health.start();
    for (int i = 0; i < 3; ++i) {
        health.connected();
        advanceWithData(clock, health, 1000);
        health.linkLost(false);
        clock.advance(200);
    }
    QCOMPARE(changes.list.last(), u"unhealthy/repeated_drops/await_retry"_s);
    // Drops leave the window after quality.window_ms; then it heals.
    health.connected();
    advanceWithData(clock, health, Settings {}.qualityWindowMs + 4000);
    QCOMPARE(health.level(), Health::Level::Healthy);
}

// The probe declared the link dead: unhealthy, the faster heartbeat for the next link, the
// planner's retry; healthy again once the miss is recover_ms old and the new link held.
void tst_HealthMonitor::heartbeatMissIsUnhealthyUntilItHeals()
{
    ManualClock clock;
    HealthMonitor health(healthSettings(), &clock, false);
    Changes changes(&health);
    QSignalSpy fast(&health, &HealthMonitor::fastHeartbeatDue);
    health.start();
    health.connected();
    advanceWithData(clock, health, 2000);
    health.linkLost(true);
    QCOMPARE(changes.list, (QStringList {u"unhealthy/heartbeat_miss/await_retry"_s}));
    clock.advance(500);
    health.connected();
    QCOMPARE(fast.size(), 0); // set when it comes back at a better level, not before
    advanceWithData(clock, health, 5000);
    QCOMPARE(health.level(), Health::Level::Unhealthy); // the miss is within recover_ms
    advanceWithData(clock, health, 2000);
    QCOMPARE(health.level(), Health::Level::Healthy);
}

void tst_HealthMonitor::openCircuitIsCriticalWithFallbackAndAlert()
{
    ManualClock clock;
    HealthMonitor health(healthSettings(), &clock, true);
    Changes changes(&health);
    QSignalSpy fallback(&health, &HealthMonitor::fallbackDue);
    health.start();
    health.attemptFailed();
    health.setCircuitOpen(true);
    QCOMPARE(changes.list, (QStringList {u"critical/circuit_open/http_fallback+alert"_s}));
    QCOMPARE(fallback.size(), 1);
    QCOMPARE(fallback.last().at(0).toBool(), true);
    // Without a snapshot URL the alert is all there is.
    HealthMonitor bare(healthSettings(), &clock, false);
    Changes bareChanges(&bare);
    bare.start();
    bare.setCircuitOpen(true);
    QCOMPARE(bareChanges.list, (QStringList {u"critical/circuit_open/alert"_s}));
    // Back: the half-open probe connects, data flows, it holds recover_ms.
    health.setCircuitOpen(false);
    health.connected();
    advanceWithData(clock, health, 1000);
    QCOMPARE(health.level(), Health::Level::Critical);
    advanceWithData(clock, health, 3000);
    QVERIFY(health.level() < Health::Level::Critical);
}

void tst_HealthMonitor::noDataIsCriticalAndHttpDataDoesNotHealIt()
{
    ManualClock clock;
    HealthMonitor health(healthSettings(), &clock, true);
    Changes changes(&health);
    QSignalSpy fallback(&health, &HealthMonitor::fallbackDue);
    health.start();
    health.connected();
    health.dataArrived(true);
    clock.advance(10000);
    QCOMPARE(health.level(), Health::Level::Healthy); // exactly stale_ms old: not beyond
    clock.advance(1000);
    QCOMPARE(changes.list.last(), u"critical/no_data/http_fallback+alert"_s);
    QCOMPARE(fallback.size(), 1);
    for (int i = 0; i < 10; ++i) {
        clock.advance(1000);
        health.dataArrived(false); // the HTTP fallback delivers
    }
    QCOMPARE(health.level(), Health::Level::Critical);
    QCOMPARE(health.score().freshness, 1.0); // the page is fresh, the link is not
    // The first WebSocket data makes the target better; it must hold recover_ms.
    advanceWithData(clock, health, 4000);
    QCOMPARE(health.level(), Health::Level::Critical);
    advanceWithData(clock, health, 1000);
    QCOMPARE(changes.list.last(), u"healthy//stop_fallback"_s);
    QCOMPARE(fallback.last().at(0).toBool(), false);
}

void tst_HealthMonitor::lowScoreCountsOnlyAfterTheWarmUp()
{
    ManualClock clock;
    HealthMonitor health(healthSettings(), &clock, false);
    Changes changes(&health);
    health.start();
    health.attemptFailed();
    health.dataArrived(false); // the page has data over HTTP, the link never came up
    clock.advance(2000);
    QVERIFY(health.score().score < 70);
    QCOMPARE(health.level(), Health::Level::Healthy); // within recover_ms of the start
    clock.advance(1000);
    QCOMPARE(changes.list.last(), u"degraded/low_score/fast_heartbeat"_s);
}

void tst_HealthMonitor::aStoppedFeedIsNotEvaluated()
{
    ManualClock clock;
    HealthMonitor health(healthSettings(), &clock, true);
    Changes changes(&health);
    health.start();
    health.connected();
    health.stop();
    clock.advance(60000);
    QVERIFY(changes.list.isEmpty());
    QCOMPARE(clock.activeTimers(), 0);
}

// The server accepts and answers pings but sends no data: after health.stale_ms the feed is
// critical and its page comes over HTTP while the WebSocket stays up; data on the WebSocket
// heals it and polling stops.
void tst_HealthMonitor::frozenFeedGetsItsPageOverHttp()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    TestHttpServer http;
    QVERIFY(http.listen());
    http.setResponse(200, R"({"phases":[{"queue_id":"from-http"}]})");
    Settings s = healthSettings();
    s.healthStaleMs = 2000;
    s.healthRecoverMs = 1000;
    // One ping in the whole test (at 250 ms), answered before the clock moves on: the pongs
    // of a loaded machine must not make the feed "pong late" here.
    s.heartbeatIntervalMs = 60000;
    FeedSpec spec = makeSpec(server.baseUrl(), s);
    spec.snapshotUrl = http.url();
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(spec, &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    clock.advance(250);
    QTRY_COMPARE(events.count(u"latency"_s), 1);
    for (int i = 0; i < 20 && events.count(u"health"_s) == 0; ++i) {
        clock.advance(200);
        QTest::qWait(5); // the pongs
    }
    QCOMPARE(events.last(u"health"_s).fields.value("level"_L1).toString(), u"critical"_s);
    QCOMPARE(events.last(u"health"_s).fields.value("reason"_L1).toString(), u"no_data"_s);
    QCOMPARE(events.last(u"health"_s).fields.value("action"_L1).toString(),
             u"http_fallback+alert"_s);
    QCOMPARE(feed.state(), Feed::State::Connected);
    QTRY_VERIFY(!http.requests().isEmpty());
    // The one GET at start (HTTP first) came before; now polling delivers.
    QTRY_COMPARE(feed.stats().fallback, Feed::Fallback::Delivering);
    QCOMPARE(events.last(u"update"_s).fields.value("source"_L1).toString(), u"http"_s);
    QCOMPARE(feed.stats().health, Health::Level::Critical); // HTTP data does not heal the link

    server.sendToAll(kSnapshot);
    QTRY_COMPARE(events.last(u"update"_s).fields.value("source"_L1).toString(), u"ws"_s);
    for (int i = 0; i < 10 && feed.stats().health != Health::Level::Healthy; ++i) {
        clock.advance(200);
        server.sendToAll(kSnapshot);
        QTest::qWait(5);
    }
    QVERIFY2(feed.stats().health == Health::Level::Healthy,
             events.last(u"health"_s).toJsonLine().constData());
    QCOMPARE(events.last(u"health"_s).fields.value("action"_L1).toString(), u"stop_fallback"_s);
    QCOMPARE(events.last(u"degraded"_s).fields.value("active"_L1).toBool(), false);
    QVERIFY(!feed.stats().degraded);
}

QTEST_MAIN(tst_HealthMonitor)
#include "tst_healthmonitor.moc"
