#include "core/clock.h"
#include "dashboard/notifier.h"
#include "events/alerttracker.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
FeedEvent ev(qint64 ms, const QString &feed, const QString &kind, const QJsonObject &fields = {})
{
    return {ms, feed, kind, fields};
}

QStringList kinds(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out << args.first().value<FeedEvent>().fields.value("alert"_L1).toString();
    return out;
}

QString message(const QSignalSpy &spy, qsizetype i)
{
    return spy.at(i).first().value<FeedEvent>().fields.value("message"_L1).toString();
}

constexpr qint64 kMin = 60 * 1000;

// One failed attempt of a feed that is not up: attempt, disconnected, retry_scheduled.
void failAttempt(AlertTracker &tracker, const QString &feed, bool roundDone)
{
    tracker.track(ev(0, feed, u"attempt"_s));
    tracker.track(ev(
        0, feed, u"disconnected"_s,
        {{u"was_connected"_s, false}, {u"reason"_s, u"connection refused"_s}, {u"code"_s, 1006}}));
    tracker.track(ev(0, feed, u"retry_scheduled"_s, {{u"backoff_round_done"_s, roundDone}}));
}

QJsonObject tier(const QString &quality, double rtt)
{
    return {{u"quality"_s, quality}, {u"rtt_ms"_s, rtt}};
}
} // namespace

class tst_AlertTracker : public QObject
{
    Q_OBJECT

private slots:
    void downAndBackOnlyAfterBeingLive();
    void circuitAuthConfigAndRestart();
    void criticalHealthIsAnAlertOnce();
    void neverUpAfterTheFirstFullRound();
    void reminderWhileDown();
    void reminderOffAndStopForget();
    void sustainedPoorQualityAndRecovery();
    void serverStillDown();
    void notifiedThroughTheNotifier();
};

void tst_AlertTracker::downAndBackOnlyAfterBeingLive()
{
    AlertTracker tracker;
    QSignalSpy alerts(&tracker, &AlertTracker::alertRaised);
    // Failing to connect at all is not "down": it never was up.
    tracker.track(ev(1, u"queue"_s, u"disconnected"_s, {{u"was_connected"_s, false}}));
    tracker.track(ev(2, u"queue"_s, u"connected"_s));
    // Stop, Reconnect, closing the window: the operator's doing, not news.
    tracker.track(ev(3, u"queue"_s, u"disconnected"_s,
                     {{u"was_connected"_s, true}, {u"decision"_s, u"operator"_s}}));
    tracker.track(ev(4, u"queue"_s, u"connected"_s));
    QCOMPARE(alerts.size(), 0);
    tracker.track(
        ev(10'000, u"queue"_s, u"disconnected"_s,
           {{u"was_connected"_s, true}, {u"reason"_s, u"closed with 1001"_s}, {u"code"_s, 1001}}));
    // Retries that fail while down say nothing more.
    tracker.track(ev(11'000, u"queue"_s, u"disconnected"_s, {{u"was_connected"_s, false}}));
    tracker.track(ev(14'500, u"queue"_s, u"connected"_s));
    QCOMPARE(kinds(alerts), (QStringList {u"feed_down"_s, u"feed_up"_s}));
    const FeedEvent down = alerts.at(0).first().value<FeedEvent>();
    QCOMPARE(down.event, u"alert"_s);
    QCOMPARE(down.feed, u"queue"_s);
    QCOMPARE(down.wallMs, 10'000);
    QCOMPARE(down.fields.value("message"_L1).toString(),
             u"queue went down: closed with 1001 (1001)"_s);
    QCOMPARE(alerts.at(1).first().value<FeedEvent>().fields.value("message"_L1).toString(),
             u"queue is back after 4.5 s"_s);
    QVERIFY(AlertTracker::isAlert(down));
}

void tst_AlertTracker::circuitAuthConfigAndRestart()
{
    AlertTracker tracker;
    QSignalSpy alerts(&tracker, &AlertTracker::alertRaised);
    tracker.track(ev(1, u"queue"_s, u"circuit"_s,
                     {{u"state"_s, u"open"_s}, {u"failures"_s, 10}, {u"open_ms"_s, 300000}}));
    tracker.track(ev(2, u"queue"_s, u"circuit"_s, {{u"state"_s, u"half_open"_s}}));
    tracker.track(ev(3, u"routes"_s, u"auth_error"_s, {{u"error"_s, u"HTTP 403"_s}}));
    tracker.track(ev(4, u"routes"_s, u"config_error"_s, {{u"error"_s, u"HTTP 404"_s}}));
    // A restart reaches every feed; it is one alert.
    for (const QString &feed : {u"queue"_s, u"routes"_s, u"workflows"_s})
        tracker.track(ev(5, feed, u"server_restart"_s,
                         {{u"server_id"_s, u"b"_s}, {u"previous_server_id"_s, u"a"_s}}));
    tracker.track(ev(6, u"queue"_s, u"latency"_s, {{u"rtt_ms"_s, 3}}));
    QCOMPARE(
        kinds(alerts),
        (QStringList {u"circuit_open"_s, u"auth_error"_s, u"config_error"_s, u"server_restart"_s}));
    QCOMPARE(alerts.at(0).first().value<FeedEvent>().fields.value("message"_L1).toString(),
             u"queue: circuit opened after 10 failures; no attempts for 300 s"_s);
    QVERIFY(alerts.at(3)
                .first()
                .value<FeedEvent>()
                .fields.value("message"_L1)
                .toString()
                .contains(u"restarted (b, was a)"_s));
}

// Critical health raises its alert; an open circuit's critical is already the circuit alert, and
// the other levels are not alerts.
void tst_AlertTracker::criticalHealthIsAnAlertOnce()
{
    AlertTracker tracker;
    QSignalSpy alerts(&tracker, &AlertTracker::alertRaised);
    const auto health = [](const QString &level, const QString &reason, const QString &action) {
        return QJsonObject {
            {u"level"_s, level}, {u"score"_s, 41}, {u"reason"_s, reason}, {u"action"_s, action}};
    };
    tracker.track(
        ev(1, u"queue"_s, u"health"_s, health(u"degraded"_s, u"pong_late"_s, u"fast_heartbeat"_s)));
    tracker.track(ev(2, u"queue"_s, u"health"_s,
                     health(u"critical"_s, u"circuit_open"_s, u"http_fallback+alert"_s)));
    tracker.track(ev(3, u"routes"_s, u"health"_s,
                     health(u"critical"_s, u"no_data"_s, u"http_fallback+alert"_s)));
    QCOMPARE(kinds(alerts), (QStringList {u"health_critical"_s}));
    QCOMPARE(alerts.at(0).first().value<FeedEvent>().fields.value("message"_L1).toString(),
             u"routes: critical (no_data, score 41); its page comes over HTTP meanwhile"_s);
}

// A feed that fails every attempt is announced once its backoff reached backoff.max_ms (or its
// circuit opened), not at the first failure; its first connect after that is news.
void tst_AlertTracker::neverUpAfterTheFirstFullRound()
{
    ManualClock clock(1000);
    AlertTracker tracker(&clock);
    QSignalSpy alerts(&tracker, &AlertTracker::alertRaised);
    for (int i = 0; i < 5; ++i) { // 1, 2, 4, 8, 16 s: the round is not over
        failAttempt(tracker, u"queue"_s, false);
        clock.advance(1000 << i);
    }
    QCOMPARE(alerts.size(), 0);
    failAttempt(tracker, u"queue"_s, true); // the wait is now backoff.max_ms
    QCOMPARE(kinds(alerts), (QStringList {u"feed_never_up"_s}));
    QCOMPARE(message(alerts, 0),
             u"queue has not come up in 31 s (attempts: 6); last error: connection refused"_s);
    // More attempts at the maximum, the circuit opening: no second never-up.
    failAttempt(tracker, u"queue"_s, true);
    tracker.track(ev(0, u"queue"_s, u"circuit"_s, {{u"state"_s, u"open"_s}}));
    QCOMPARE(kinds(alerts), (QStringList {u"feed_never_up"_s, u"circuit_open"_s}));
    // A feed whose circuit opens before its round ends is announced then.
    failAttempt(tracker, u"routes"_s, false);
    tracker.track(ev(0, u"routes"_s, u"circuit"_s, {{u"state"_s, u"open"_s}}));
    QCOMPARE(alerts.size(), 4);
    QCOMPARE(kinds(alerts).at(2), u"feed_never_up"_s);
    QCOMPARE(alerts.at(2).first().value<FeedEvent>().feed, u"routes"_s);

    clock.advance(2 * kMin);
    tracker.track(ev(0, u"queue"_s, u"connected"_s));
    QCOMPARE(kinds(alerts).last(), u"feed_up"_s);
    const FeedEvent up = alerts.last().first().value<FeedEvent>();
    QVERIFY(up.fields.value("after_never_up"_L1).toBool());
    QCOMPARE(up.fields.value("message"_L1).toString(),
             u"queue is up at last, 2 min after its first attempt"_s);
    // A feed up once and down later is a feed_down, never a never-up.
    tracker.track(ev(0, u"queue"_s, u"disconnected"_s,
                     {{u"was_connected"_s, true}, {u"reason"_s, u"x"_s}, {u"code"_s, 1006}}));
    failAttempt(tracker, u"queue"_s, true);
    QCOMPARE(kinds(alerts).last(), u"feed_down"_s);
}

// A feed that stays down is said again every alerts.reminder_ms, with how long and why; the
// timer runs only while something is due.
void tst_AlertTracker::reminderWhileDown()
{
    ManualClock clock(1000);
    AlertTracker tracker(&clock);
    tracker.setTimings(15 * kMin, 0);
    QSignalSpy alerts(&tracker, &AlertTracker::alertRaised);
    tracker.track(ev(0, u"queue"_s, u"attempt"_s));
    tracker.track(ev(0, u"queue"_s, u"connected"_s));
    QCOMPARE(clock.activeTimers(), 0); // all well: nothing to wake up for
    tracker.track(ev(0, u"queue"_s, u"disconnected"_s,
                     {{u"was_connected"_s, true}, {u"reason"_s, u"heartbeat timeout"_s}}));
    QCOMPARE(kinds(alerts), (QStringList {u"feed_down"_s}));
    clock.advance(15 * kMin - 1);
    QCOMPARE(alerts.size(), 1);
    clock.advance(1);
    QCOMPARE(kinds(alerts).last(), u"feed_still_down"_s);
    QCOMPARE(message(alerts, 1),
             u"queue is still down after 15 min (last error: heartbeat timeout)"_s);
    QCOMPARE(alerts.at(1).first().value<FeedEvent>().wallMs, clock.wallMs());
    clock.advance(15 * kMin);
    QCOMPARE(alerts.size(), 3);
    QCOMPARE(message(alerts, 2),
             u"queue is still down after 30 min (last error: heartbeat timeout)"_s);
    tracker.track(ev(0, u"queue"_s, u"connected"_s));
    QCOMPARE(kinds(alerts).last(), u"feed_up"_s);
    QCOMPARE(clock.activeTimers(), 0);
    clock.advance(60 * kMin);
    QCOMPARE(alerts.size(), 4);
}

void tst_AlertTracker::reminderOffAndStopForget()
{
    ManualClock clock(1000);
    AlertTracker tracker(&clock);
    tracker.setTimings(0, 0);
    QSignalSpy alerts(&tracker, &AlertTracker::alertRaised);
    const QJsonObject lost {{u"was_connected"_s, true}, {u"reason"_s, u"gone"_s}};
    tracker.track(ev(0, u"queue"_s, u"connected"_s));
    tracker.track(ev(0, u"queue"_s, u"disconnected"_s, lost));
    QCOMPARE(clock.activeTimers(), 0);
    clock.advance(120 * kMin);
    QCOMPARE(kinds(alerts), (QStringList {u"feed_down"_s}));
    // On again; the operator stops the feed that is down: nothing more to remind of.
    tracker.setTimings(10 * kMin, 0);
    clock.advance(10 * kMin);
    QCOMPARE(kinds(alerts).last(), u"feed_still_down"_s);
    tracker.track(ev(0, u"queue"_s, u"state"_s, {{u"state"_s, u"stopped"_s}}));
    QCOMPARE(clock.activeTimers(), 0);
    clock.advance(60 * kMin);
    QCOMPARE(alerts.size(), 2);
}

// The latency tier (an EWMA) poor or bad for alerts.quality_ms is one alert; a dip shorter than
// that is none; the way back to good is the recovery.
void tst_AlertTracker::sustainedPoorQualityAndRecovery()
{
    ManualClock clock(1000);
    AlertTracker tracker(&clock);
    tracker.setTimings(0, 5 * kMin);
    QSignalSpy alerts(&tracker, &AlertTracker::alertRaised);
    tracker.track(ev(0, u"queue"_s, u"connected"_s));
    tracker.track(ev(0, u"queue"_s, u"latency"_s, tier(u"excellent"_s, 4)));
    tracker.track(ev(0, u"queue"_s, u"latency"_s, tier(u"poor"_s, 450)));
    clock.advance(4 * kMin);
    tracker.track(ev(0, u"queue"_s, u"latency"_s, tier(u"good"_s, 200)));
    clock.advance(10 * kMin);
    QCOMPARE(alerts.size(), 0); // four minutes of poor: not sustained
    tracker.track(ev(0, u"queue"_s, u"latency"_s, tier(u"poor"_s, 500)));
    clock.advance(2 * kMin);
    // A late pong keeps it poor (then bad): still the same stretch.
    tracker.track(
        ev(0, u"queue"_s, u"quality"_s,
           {{u"quality"_s, u"bad"_s}, {u"reason"_s, u"pong_overdue"_s}, {u"waited_ms"_s, 1200}}));
    clock.advance(3 * kMin);
    QCOMPARE(kinds(alerts), (QStringList {u"quality_poor"_s}));
    QCOMPARE(message(alerts, 0), u"queue: link quality bad for 5 min (RTT 1200.0 ms)"_s);
    tracker.track(ev(0, u"queue"_s, u"latency"_s, tier(u"poor"_s, 700)));
    clock.advance(30 * kMin);
    QCOMPARE(alerts.size(), 1); // once per stretch
    tracker.track(ev(0, u"queue"_s, u"latency"_s, tier(u"good"_s, 180)));
    QCOMPARE(kinds(alerts), (QStringList {u"quality_poor"_s, u"quality_ok"_s}));
    QCOMPARE(message(alerts, 1),
             u"queue: link quality good again after 35 min poor (RTT 180.0 ms)"_s);
    // A link lost while poor: the drop is the news, no quality alert later.
    tracker.track(ev(0, u"queue"_s, u"latency"_s, tier(u"bad"_s, 1500)));
    tracker.track(ev(0, u"queue"_s, u"disconnected"_s,
                     {{u"was_connected"_s, true}, {u"decision"_s, u"operator"_s}}));
    QCOMPARE(clock.activeTimers(), 0);
    clock.advance(10 * kMin);
    QCOMPARE(alerts.size(), 2);
}

// A restart that became an outage is reminded of per backend, not per feed.
void tst_AlertTracker::serverStillDown()
{
    ManualClock clock(1000);
    AlertTracker tracker(&clock);
    tracker.setTimings(15 * kMin, 0);
    QSignalSpy alerts(&tracker, &AlertTracker::alertRaised);
    const QStringList feeds {u"queue"_s, u"workflows"_s};
    QJsonArray feedArray;
    for (const QString &feed : feeds) {
        feedArray.append(feed);
        tracker.track(ev(0, feed, u"connected"_s));
    }
    tracker.track(
        ev(0, QString(), u"server_restarting"_s,
           {{u"backend"_s, u"prod"_s}, {u"feeds"_s, feedArray}, {u"evidence"_s, u"1012"_s}}));
    for (const QString &feed : feeds)
        tracker.track(ev(0, feed, u"disconnected"_s, {{u"was_connected"_s, true}}));
    clock.advance(2 * kMin);
    tracker.track(ev(0, QString(), u"server_down"_s,
                     {{u"backend"_s, u"prod"_s}, {u"down_ms"_s, 120000}, {u"feeds_down"_s, 2}}));
    clock.advance(15 * kMin);
    QCOMPARE(kinds(alerts),
             (QStringList {u"server_restarting"_s, u"server_down"_s, u"server_still_down"_s}));
    QCOMPARE(message(alerts, 2), u"prod: the server is still down after 17 min"_s);
    tracker.track(ev(0, QString(), u"server_restart"_s,
                     {{u"backend"_s, u"prod"_s}, {u"downtime_ms"_s, 1020000}}));
    QCOMPARE(kinds(alerts).last(), u"server_restart"_s);
    clock.advance(60 * kMin);
    QCOMPARE(alerts.size(), 4);
}

// The desktop side: the tracker's alerts reach the Notifier's notify() (what the tray shows),
// recorded here; silence holds them back.
void tst_AlertTracker::notifiedThroughTheNotifier()
{
    ManualClock clock(1000);
    AlertTracker tracker(&clock);
    tracker.setTimings(15 * kMin, 5 * kMin);
    Notifier notifier(&clock);
    QObject::connect(&tracker, &AlertTracker::alertRaised, &notifier, &Notifier::linkAlert);
    QSignalSpy shown(&notifier, &Notifier::notify);
    const auto titles = [&shown] {
        QStringList out;
        for (const QList<QVariant> &args : shown)
            out << args.at(0).toString();
        return out;
    };
    for (int i = 0; i < 6; ++i)
        failAttempt(tracker, u"queue"_s, i == 5);
    QCOMPARE(titles(), (QStringList {u"Feed never came up"_s}));
    QVERIFY(shown.at(0).at(2).toBool()); // bad news
    clock.advance(15 * kMin);
    QCOMPARE(titles().last(), u"Feed still down"_s);
    notifier.setSilenced(true);
    clock.advance(15 * kMin); // a reminder while silenced: not shown, not replayed
    QCOMPARE(shown.size(), 2);
    notifier.setSilenced(false);
    tracker.track(ev(0, u"queue"_s, u"connected"_s));
    QCOMPARE(titles().last(), u"Feed up"_s);
    QVERIFY(!shown.last().at(2).toBool());
    tracker.track(ev(0, u"queue"_s, u"latency"_s, tier(u"bad"_s, 1400)));
    clock.advance(5 * kMin);
    tracker.track(ev(0, u"queue"_s, u"latency"_s, tier(u"excellent"_s, 20)));
    QCOMPARE(titles(),
             (QStringList {u"Feed never came up"_s, u"Feed still down"_s, u"Feed up"_s,
                           u"Poor link quality"_s, u"Link quality recovered"_s}));
    // Downs and returns of live feeds come folded from the stats, not from here.
    tracker.track(
        ev(0, u"queue"_s, u"disconnected"_s, {{u"was_connected"_s, true}, {u"reason"_s, u"x"_s}}));
    QCOMPARE(shown.size(), 5);
}

QTEST_GUILESS_MAIN(tst_AlertTracker)
#include "tst_alerttracker.moc"
