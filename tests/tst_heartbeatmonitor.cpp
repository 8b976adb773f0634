#include "core/clock.h"
#include "policy/heartbeatmonitor.h"

#include <QTest>

class tst_HeartbeatMonitor : public QObject
{
    Q_OBJECT

private slots:
    void pingsOnInterval();
    void firstPingSoonAfterStart();
    void oneRoundInFlight();
    void timesOutWithoutPong();
    void anyPongEndsTheRound();
};

void tst_HeartbeatMonitor::pingsOnInterval()
{
    ManualClock clock;
    HeartbeatMonitor hb(5000, 5000);
    hb.start(clock.nowMs());
    QVERIFY(!hb.pingDue(clock.nowMs()));
    QCOMPARE(hb.nextDeadlineMs(), 5000);
    clock.advance(5000);
    QVERIFY(hb.pingDue(clock.nowMs()));
}

void tst_HeartbeatMonitor::firstPingSoonAfterStart()
{
    HeartbeatMonitor hb(5000, 5000);
    hb.start(1000, 250);
    QVERIFY(!hb.pingDue(1249));
    QVERIFY(hb.pingDue(1250));
    hb.pingSent(1250);
    hb.pongReceived(1260);
    QVERIFY(!hb.pingDue(6249)); // then the normal interval
    QVERIFY(hb.pingDue(6250));
    HeartbeatMonitor shortInterval(100, 100);
    shortInterval.start(0, 250); // never later than one interval
    QVERIFY(shortInterval.pingDue(100));
}

void tst_HeartbeatMonitor::oneRoundInFlight()
{
    ManualClock clock;
    HeartbeatMonitor hb(100, 1000);
    hb.start(0);
    clock.set(100);
    hb.pingSent(clock.nowMs());
    clock.set(300); // two intervals later, still waiting: no second ping
    QVERIFY(!hb.pingDue(clock.nowMs()));
    QCOMPARE(hb.nextDeadlineMs(), 1100);
}

void tst_HeartbeatMonitor::timesOutWithoutPong()
{
    HeartbeatMonitor hb(5000, 5000);
    hb.start(0);
    hb.pingSent(5000);
    QVERIFY(!hb.timedOut(9999));
    QVERIFY(hb.timedOut(10000));
    QCOMPARE(hb.waitedMs(10000), 5000);
}

void tst_HeartbeatMonitor::anyPongEndsTheRound()
{
    HeartbeatMonitor hb(100, 100);
    hb.start(0);
    hb.pingSent(100);
    QCOMPARE(hb.pongReceived(130), 30);
    QVERIFY(!hb.timedOut(1000));
    QCOMPARE(hb.pongReceived(140), -1); // the second pong of a round measures nothing new here
    QVERIFY(!hb.pingDue(150));
    QVERIFY(hb.pingDue(200));
}

QTEST_GUILESS_MAIN(tst_HeartbeatMonitor)
#include "tst_heartbeatmonitor.moc"
