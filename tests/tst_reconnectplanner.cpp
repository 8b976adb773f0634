// The reconnect planner on a manual clock: every delay it decides, exactly, without a socket.
#include "core/clock.h"
#include "policy/herdcontrol.h"
#include "policy/reconnectplanner.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Action = CloseCodePolicy::Action;

namespace {

Settings exactSettings()
{
    Settings s;
    s.backoffInitialMs = 1000;
    s.backoffMultiplier = 2;
    s.backoffMaxMs = 30000;
    s.backoffJitter = 0;
    s.connectionStableMs = 5000;
    s.circuitFailureThreshold = 3;
    s.circuitOpenMs = 60000;
    return s;
}

AttemptEnd refused()
{
    AttemptEnd end;
    end.refused = true;
    end.reason = u"Connection refused"_s;
    return end;
}

AttemptEnd closed(int code, const QString &reason = {})
{
    AttemptEnd end;
    end.closeCode = code;
    end.reason = reason;
    return end;
}

// Qt 6.4's report of a received 1012 (or anything in 1012-2999).
AttemptEnd masked()
{
    return closed(1002, u"Invalid close code 1002 detected."_s);
}

AttemptEnd upgradeRefused(int status)
{
    AttemptEnd end;
    end.httpStatus = status;
    end.url = u"ws://127.0.0.1:8002/api/v1/ws/queu"_s;
    end.reason = u"upgrade refused with HTTP %1"_s.arg(status);
    return end;
}

// One attempt that ends with `end`, scheduled as the planner says; returns the plan.
Plan failOnce(ReconnectPlanner &planner, const AttemptEnd &end)
{
    planner.attemptStarted();
    const Plan plan = planner.ended(end);
    if (plan.kind != Plan::Kind::Stop)
        planner.schedule(plan.delayMs, plan.wait);
    return plan;
}

// Connects, holds the link for `upMs` on the clock, then ends it with `end`.
Plan connectThenEnd(ReconnectPlanner &planner, ManualClock &clock, qint64 upMs,
                    const AttemptEnd &end)
{
    planner.attemptStarted();
    planner.connected();
    clock.advance(upMs);
    const Plan plan = planner.ended(end);
    if (plan.kind != Plan::Kind::Stop)
        planner.schedule(plan.delayMs, plan.wait);
    return plan;
}

} // namespace

class tst_ReconnectPlanner : public QObject
{
    Q_OBJECT

private slots:
    void backoffGrowsAndOnlyAStableLinkResetsIt();
    void retryTimerRunsOnTheInjectedClock();
    void jitterOnEveryDelayIncludingTheMax_data();
    void jitterOnEveryDelayIncludingTheMax();
    void tryLaterWaitsAtLeastTheMaxWithJitter();
    void restartCloseReconnectsSoon_data();
    void restartCloseReconnectsSoon();
    void restartKeepsWaitsShortAndTheCircuitClosedUntilTheGrace();
    void secondMaskedCloseBeforeStableReadsAsTryLater();
    void refusedUpgrades_data();
    void refusedUpgrades();
    void startupRefusalsAreNotAccepting();
    void stopReleasesTheHalfOpenProbe();
    void stopDecisionReleasesTheHalfOpenProbe();
    void operatorReconnectResetsEverything();
    void herdStaggersARestartByRank();
    void herdKeepsAttemptsApart();
};

void tst_ReconnectPlanner::backoffGrowsAndOnlyAStableLinkResetsIt()
{
    ManualClock clock;
    FixedRandom random(0);
    Settings s = exactSettings();
    s.circuitFailureThreshold = 100;
    ReconnectPlanner planner(s, &clock, &random);
    QList<qint64> delays;
    QList<bool> roundDone; // the first full round ends where the wait reaches backoff.max_ms
    for (int i = 0; i < 7; ++i) {
        delays << failOnce(planner, refused()).delayMs;
        roundDone << planner.backoffRoundDone();
    }
    QCOMPARE(delays, (QList<qint64> {1000, 2000, 4000, 8000, 16000, 30000, 30000}));
    QCOMPARE(roundDone, (QList<bool> {false, false, false, false, false, true, true}));
    // Up for less than the stable window: still a failure, the backoff keeps growing.
    Plan plan = connectThenEnd(planner, clock, 4999, closed(1006));
    QVERIFY(!plan.wasStable);
    QCOMPARE(plan.delayMs, 30000);
    QCOMPARE(planner.failures(), 8);
    // Up for the window: attempts and backoff start over.
    QSignalSpy stable(&planner, &ReconnectPlanner::becameStable);
    plan = connectThenEnd(planner, clock, 5000, closed(1006));
    QCOMPARE(stable.size(), 1);
    QVERIFY(plan.wasStable);
    QCOMPARE(plan.delayMs, 1000);
    QCOMPARE(planner.failures(), 8);
}

void tst_ReconnectPlanner::retryTimerRunsOnTheInjectedClock()
{
    ManualClock clock;
    FixedRandom random(0);
    ReconnectPlanner planner(exactSettings(), &clock, &random);
    QSignalSpy due(&planner, &ReconnectPlanner::retryDue);
    failOnce(planner, refused());
    QCOMPARE(planner.nextRetryAtMs(), 1000);
    clock.advance(999);
    QCOMPARE(due.size(), 0);
    clock.advance(1);
    QCOMPARE(due.size(), 1);
    QCOMPARE(planner.nextRetryAtMs(), -1);
}

void tst_ReconnectPlanner::jitterOnEveryDelayIncludingTheMax_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<double>("draw");
    QTest::addColumn<qint64>("delay");
    QTest::newRow("first, no draw") << 1 << 0.0 << qint64(1000);
    QTest::newRow("first, full jitter") << 1 << 0.999 << qint64(500);
    QTest::newRow("at the max, no draw") << 12 << 0.0 << qint64(30000);
    QTest::newRow("at the max, half") << 12 << 0.5 << qint64(22500);
    QTest::newRow("at the max, full jitter") << 12 << 0.999 << qint64(15015);
}

void tst_ReconnectPlanner::jitterOnEveryDelayIncludingTheMax()
{
    QFETCH(int, failures);
    QFETCH(double, draw);
    QFETCH(qint64, delay);
    ManualClock clock;
    FixedRandom random(draw);
    Settings s = exactSettings();
    s.backoffJitter = 0.5;
    s.circuitFailureThreshold = 100;
    ReconnectPlanner planner(s, &clock, &random);
    Plan plan;
    for (int i = 0; i < failures; ++i)
        plan = failOnce(planner, refused());
    QCOMPARE(plan.delayMs, delay);
}

void tst_ReconnectPlanner::tryLaterWaitsAtLeastTheMaxWithJitter()
{
    ManualClock clock;
    FixedRandom random(0);
    Settings s = exactSettings();
    s.backoffJitter = 0.5;
    ReconnectPlanner planner(s, &clock, &random);
    Plan plan = connectThenEnd(planner, clock, 10000, closed(1013, u"busy"_s));
    QCOMPARE(plan.action, Action::RetryAtLeastMax);
    QCOMPARE(plan.wait, Reconnect::Wait::TryLater);
    QCOMPARE(plan.delayMs, 30000);
    random.setValue(0.999);
    plan = connectThenEnd(planner, clock, 10000, closed(1013, u"busy"_s));
    // Stretched, never shortened: [max, max * (1 + jitter / 2)].
    QCOMPARE(plan.delayMs, 37493);
}

void tst_ReconnectPlanner::restartCloseReconnectsSoon_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::newRow("1001 going away") << 1001 << u"bye"_s;
    QTest::newRow("1012 restart (a Qt that reports it)") << 1012 << u"restart"_s;
    QTest::newRow("1012 as Qt 6.4 reports it") << 1002 << u"Invalid close code 1002 detected."_s;
}

void tst_ReconnectPlanner::restartCloseReconnectsSoon()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    ManualClock clock;
    FixedRandom random(0);
    Settings s = exactSettings();
    s.backoffJitter = 0.5;
    ReconnectPlanner planner(s, &clock, &random);
    for (const double draw : {0.0, 0.5, 0.999}) {
        random.setValue(draw);
        const Plan plan = connectThenEnd(planner, clock, 60000, closed(code, reason));
        QCOMPARE(plan.action, Action::RetryRestart);
        QCOMPARE(plan.wait, Reconnect::Wait::Restart);
        QVERIFY(plan.restartBegan);
        QVERIFY2(plan.delayMs >= 500 && plan.delayMs <= 2000,
                 qPrintable(QString::number(plan.delayMs)));
        QCOMPARE(plan.delayMs, 500 + qint64(std::llround(draw * 1500)));
        planner.operatorReconnect(); // next row from a clean slate
    }
}

void tst_ReconnectPlanner::restartKeepsWaitsShortAndTheCircuitClosedUntilTheGrace()
{
    ManualClock clock;
    FixedRandom random(0);
    Settings s = exactSettings(); // threshold 3, max 30 s
    ReconnectPlanner planner(s, &clock, &random);
    Plan plan = connectThenEnd(planner, clock, 60000, masked());
    QCOMPARE(plan.delayMs, 500);
    clock.advance(plan.delayMs);
    // The server boots for a while: refusals back off, capped at restart_backoff_max_ms, and
    // never open the circuit while the restart is expected.
    QList<qint64> delays;
    while (clock.nowMs() < 60000 + 100000) {
        plan = failOnce(planner, refused());
        QCOMPARE(plan.kind, Plan::Kind::Retry);
        QCOMPARE(plan.wait, Reconnect::Wait::NotAccepting);
        delays << plan.delayMs;
        clock.advance(plan.delayMs);
    }
    QCOMPARE(delays.mid(0, 5), (QList<qint64> {1000, 2000, 4000, 5000, 5000}));
    QCOMPARE(planner.circuit().state(), Circuit::State::Closed);
    QVERIFY(planner.inRestart());
    // Past restart_grace_ms (120 s) it is an outage like any other: the circuit counts again.
    clock.advance(20000);
    failOnce(planner, refused());
    failOnce(planner, refused());
    plan = failOnce(planner, refused());
    QVERIFY(!planner.inRestart());
    QCOMPARE(plan.kind, Plan::Kind::CircuitOpen);
}

void tst_ReconnectPlanner::secondMaskedCloseBeforeStableReadsAsTryLater()
{
    ManualClock clock;
    FixedRandom random(0);
    ReconnectPlanner planner(exactSettings(), &clock, &random);
    Plan plan = connectThenEnd(planner, clock, 60000, masked());
    QCOMPARE(plan.action, Action::RetryRestart);
    // Reconnected, and the server closes with the same masked code before the link is stable:
    // not a second restart but most likely 1013, which asks for the long wait.
    plan = connectThenEnd(planner, clock, 100, masked());
    QCOMPARE(plan.action, Action::RetryAtLeastMax);
    QCOMPARE(plan.delayMs, 30000);
    QVERIFY(plan.reason.contains(u"1013"_s));
    // A stable link ends the episode: the next masked close is a restart again.
    plan = connectThenEnd(planner, clock, 5000, masked());
    QCOMPARE(plan.action, Action::RetryRestart);
}

void tst_ReconnectPlanner::refusedUpgrades_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("stop");
    QTest::addColumn<QString>("wording");
    QTest::newRow("401") << 401 << int(Plan::Kind::Stop) << int(Reconnect::StopReason::Auth)
                         << u"the server refused ws://127.0.0.1:8002/api/v1/ws/queu (HTTP 401): "
                            "the credentials are missing or refused"_s;
    QTest::newRow("403") << 403 << int(Plan::Kind::Stop) << int(Reconnect::StopReason::Refused)
                         << u"the server refused ws://127.0.0.1:8002/api/v1/ws/queu (HTTP 403): "
                            "the path is unknown to this server, or the credentials are refused"_s;
    QTest::newRow("404") << 404 << int(Plan::Kind::Stop) << int(Reconnect::StopReason::Config)
                         << u"the server refused ws://127.0.0.1:8002/api/v1/ws/queu (HTTP 404): "
                            "no such feed at this path"_s;
    QTest::newRow("503") << 503 << int(Plan::Kind::Retry) << int(Reconnect::StopReason::None)
                         << u"server not ready yet (HTTP 503 on the upgrade)"_s;
    QTest::newRow("500") << 500 << int(Plan::Kind::Retry) << int(Reconnect::StopReason::None)
                         << u"upgrade refused with HTTP 500"_s;
}

void tst_ReconnectPlanner::refusedUpgrades()
{
    QFETCH(int, status);
    QFETCH(int, kind);
    QFETCH(int, stop);
    QFETCH(QString, wording);
    ManualClock clock;
    FixedRandom random(0);
    ReconnectPlanner planner(exactSettings(), &clock, &random);
    const Plan plan = failOnce(planner, upgradeRefused(status));
    QCOMPARE(int(plan.kind), kind);
    QCOMPARE(int(plan.stop), stop);
    QCOMPARE(plan.reason, wording);
    if (status == 503) {
        QCOMPARE(plan.wait, Reconnect::Wait::NotReady);
        QCOMPARE(plan.delayMs, 1000);
    }
    if (plan.kind == Plan::Kind::Stop)
        QCOMPARE(planner.nextRetryAtMs(), -1);
}

void tst_ReconnectPlanner::startupRefusalsAreNotAccepting()
{
    ManualClock clock;
    FixedRandom random(0);
    ReconnectPlanner planner(exactSettings(), &clock, &random);
    const Plan plan = failOnce(planner, refused());
    QCOMPARE(plan.wait, Reconnect::Wait::NotAccepting);
    QCOMPARE(plan.reason, u"server not accepting connections yet (connection refused)"_s);
    QCOMPARE(planner.wait(), Reconnect::Wait::NotAccepting);
}

// Fix 1: the probe of a half-open circuit was never released when its attempt was stopped;
// start() then found the circuit refusing with a half-open time in the past and retried at
// 0 ms forever.
void tst_ReconnectPlanner::stopReleasesTheHalfOpenProbe()
{
    ManualClock clock;
    FixedRandom random(0);
    Settings s = exactSettings();
    s.circuitFailureThreshold = 1;
    ReconnectPlanner planner(s, &clock, &random);
    QCOMPARE(failOnce(planner, refused()).kind, Plan::Kind::CircuitOpen);
    QVERIFY(!planner.admit().go);
    clock.advance(s.circuitOpenMs);
    QVERIFY(planner.admit().go); // the half-open probe
    QCOMPARE(planner.circuit().state(), Circuit::State::HalfOpen);
    planner.attemptStarted();
    planner.stopped(); // the operator's Stop while the probe connects
    const ReconnectPlanner::Admission again = planner.admit();
    QVERIFY(again.go); // start() may probe again
    // And should a second probe ever be asked for while one is out, the wait is not 0 ms.
    const ReconnectPlanner::Admission busy = planner.admit();
    QVERIFY(!busy.go);
    QCOMPARE(busy.waitMs, s.circuitOpenMs);
}

void tst_ReconnectPlanner::stopDecisionReleasesTheHalfOpenProbe()
{
    ManualClock clock;
    FixedRandom random(0);
    Settings s = exactSettings();
    s.circuitFailureThreshold = 1;
    ReconnectPlanner planner(s, &clock, &random);
    failOnce(planner, refused());
    clock.advance(s.circuitOpenMs);
    QVERIFY(planner.admit().go);
    QCOMPARE(failOnce(planner, upgradeRefused(401)).kind, Plan::Kind::Stop);
    QVERIFY(planner.admit().go);
}

void tst_ReconnectPlanner::operatorReconnectResetsEverything()
{
    ManualClock clock;
    FixedRandom random(0);
    Settings s = exactSettings();
    ReconnectPlanner planner(s, &clock, &random);
    QSignalSpy circuit(&planner, &ReconnectPlanner::circuitChanged);
    for (int i = 0; i < 3; ++i)
        failOnce(planner, refused());
    QCOMPARE(planner.circuit().state(), Circuit::State::Open);
    planner.operatorReconnect();
    QCOMPARE(planner.circuit().state(), Circuit::State::Closed);
    QCOMPARE(planner.attempt(), 0);
    QCOMPARE(planner.nextRetryAtMs(), -1);
    QCOMPARE(circuit.last().at(2).toString(), u"manual reconnect"_s);
    QCOMPARE(failOnce(planner, refused()).delayMs, 1000);
}

void tst_ReconnectPlanner::herdStaggersARestartByRank()
{
    ManualClock clock;
    FixedRandom random(0.5);
    Settings s = exactSettings();
    s.staggerStepMs = 100;
    HerdControl herd(s, &random);
    std::vector<std::unique_ptr<ReconnectPlanner>> feeds;
    for (int rank = 0; rank < 8; ++rank) {
        feeds.push_back(std::make_unique<ReconnectPlanner>(s, &clock, &random));
        feeds.back()->setHerd(&herd, rank);
        feeds.back()->attemptStarted();
        feeds.back()->connected();
    }
    clock.advance(60000);
    // The server closes all eight within 40 ms, in an order of its own (last rank first).
    QList<qint64> firstTry(8);
    for (int rank = 7; rank >= 0; --rank) {
        const Plan plan = feeds[size_t(rank)]->ended(masked());
        firstTry[rank] = clock.nowMs() + plan.delayMs;
        clock.advance(5);
    }
    // One wave: base 500 + 0.5 * 1500 = 1250 ms after the first drop, then one step per rank,
    // most important first.
    for (int rank = 0; rank < 8; ++rank)
        QCOMPARE(firstTry[rank], 60000 + 1250 + rank * 100);

    // The next restart; the most important feed's close is read late, after the wave's first
    // slot (a busy event loop): it joins the wave and goes at once, still ahead of the others.
    for (auto &feed : feeds) {
        clock.advance(firstTry.last() - clock.nowMs() + 1000);
        feed->attemptStarted();
        feed->connected();
    }
    clock.advance(60000);
    const qint64 drop = clock.nowMs();
    for (int rank = 7; rank >= 1; --rank)
        firstTry[rank] = clock.nowMs() + feeds[size_t(rank)]->ended(masked()).delayMs;
    clock.advance(1300);
    firstTry[0] = clock.nowMs() + feeds[0]->ended(masked()).delayMs;
    QCOMPARE(firstTry[0], drop + 1300);
    for (int rank = 1; rank < 8; ++rank)
        QCOMPARE(firstTry[rank], drop + 1250 + rank * 100);
    // Once the wave's last slot has passed, a drop starts a new wave.
    clock.advance(1250 + 7 * 100);
    const Plan late = feeds[0]->ended(masked());
    QCOMPARE(late.delayMs, 1250);
}

void tst_ReconnectPlanner::herdKeepsAttemptsApart()
{
    ManualClock clock;
    FixedRandom random(0);
    Settings s = exactSettings(); // jitter 0: every feed wants the very same instant
    s.circuitFailureThreshold = 100;
    HerdControl herd(s, &random);
    std::vector<std::unique_ptr<ReconnectPlanner>> feeds;
    QList<qint64> at;
    for (int rank = 0; rank < 8; ++rank) {
        feeds.push_back(std::make_unique<ReconnectPlanner>(s, &clock, &random));
        feeds.back()->setHerd(&herd, rank);
        at << failOnce(*feeds.back(), refused()).delayMs;
    }
    QCOMPARE(at, (QList<qint64> {1000, 1030, 1060, 1090, 1120, 1150, 1180, 1210}));
    // A cancelled retry gives its slot back.
    feeds[3]->cancelRetry();
    auto late = std::make_unique<ReconnectPlanner>(s, &clock, &random);
    late->setHerd(&herd, 8);
    QCOMPARE(failOnce(*late, refused()).delayMs, 1090);
}

QTEST_GUILESS_MAIN(tst_ReconnectPlanner)
#include "tst_reconnectplanner.moc"
