#include "events/alerttracker.h"

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
} // namespace

class tst_AlertTracker : public QObject
{
    Q_OBJECT

private slots:
    void downAndBackOnlyAfterBeingLive();
    void circuitAuthConfigAndRestart();
    void criticalHealthIsAnAlertOnce();
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

QTEST_GUILESS_MAIN(tst_AlertTracker)
#include "tst_alerttracker.moc"
