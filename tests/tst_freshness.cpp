#include "models/freshness.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Freshness : public QObject
{
    Q_OBJECT

private slots:
    void liveOnlyWhenConnected_data();
    void liveOnlyWhenConnected();
    void staleSinceAndCountdown();
    void durations_data();
    void durations();
};

void tst_Freshness::liveOnlyWhenConnected_data()
{
    QTest::addColumn<Feed::State>("state");
    QTest::addColumn<bool>("live");
    QTest::newRow("connected") << Feed::State::Connected << true;
    QTest::newRow("connecting") << Feed::State::Connecting << false;
    QTest::newRow("waiting") << Feed::State::ReconnectWait << false;
    QTest::newRow("circuit open") << Feed::State::CircuitOpen << false;
    QTest::newRow("offline") << Feed::State::Offline << false;
    QTest::newRow("stopped") << Feed::State::Stopped << false;
    QTest::newRow("idle") << Feed::State::Idle << false;
}

void tst_Freshness::liveOnlyWhenConnected()
{
    QFETCH(Feed::State, state);
    QFETCH(bool, live);
    FeedStats s;
    s.state = state;
    s.downSinceWallMs = live ? 0 : 1000;
    const Freshness f = Freshness::of(s, 5000);
    QCOMPARE(f.live, live);
    QCOMPARE(f.text == u"live"_s, live);
}

void tst_Freshness::staleSinceAndCountdown()
{
    const qint64 down = QDateTime(QDate(2026, 11, 22), QTime(12, 3, 41)).toMSecsSinceEpoch();
    FeedStats s;
    s.state = Feed::State::ReconnectWait;
    s.downSinceWallMs = down;
    s.nextRetryWallMs = down + 10000;
    // Down, but nothing ever arrived: no data, never "stale".
    QCOMPARE(Freshness::of(s, down + 6000).text, u"no data (reconnecting in 4 s)"_s);
    s.snapshots = 3;
    QCOMPARE(Freshness::of(s, down + 6000).text, u"stale since 12:03:41 (reconnecting in 4 s)"_s);
    QCOMPARE(Freshness::of(s, down + 9500).text, u"stale since 12:03:41 (reconnecting in 1 s)"_s);
    s.state = Feed::State::Stopped;
    s.stopReason = Reconnect::StopReason::Auth;
    QVERIFY(Freshness::of(s, down).text.contains(u"not authorized"_s));
    s.state = Feed::State::CircuitOpen;
    s.halfOpenAtWallMs = down + 125000;
    QVERIFY(Freshness::of(s, down).text.contains(u"2 min 5 s"_s));
    s.degraded = true;
    s.fallback = Feed::Fallback::Starting; // no answer yet: nothing to claim
    QVERIFY(Freshness::of(s, down).text.startsWith(u"stale since"_s));
    s.fallback = Feed::Fallback::Delivering;
    s.lastPollOkWallMs = down + 2000;
    QCOMPARE(
        Freshness::of(s, down).text,
        u"degraded (HTTP), last snapshot 12:03:43; WebSocket circuit open, next try in 2 min 5 s"_s);
    QVERIFY(!Freshness::of(s, down).live);
    // Every poll failing: never "degraded", which would claim data.
    s.fallback = Feed::Fallback::Failing;
    s.fallbackError = u"http://h/api/v1/queue: HTTP 503"_s;
    const QString failing = Freshness::of(s, down).text;
    QVERIFY2(!failing.contains(u"degraded"_s), qPrintable(failing));
    QVERIFY2(failing.endsWith(u"HTTP fallback failing: http://h/api/v1/queue: HTTP 503"_s),
             qPrintable(failing));
    FeedStats never;
    never.state = Feed::State::Connecting;
    QCOMPARE(Freshness::of(never, down).text, u"no data (connecting)"_s);
}

void tst_Freshness::durations_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64(0) << u"0 s"_s;
    QTest::newRow("rounds up") << qint64(1) << u"1 s"_s;
    QTest::newRow("negative clamps") << qint64(-500) << u"0 s"_s;
    QTest::newRow("minutes") << qint64(125000) << u"2 min 5 s"_s;
    QTest::newRow("hours") << qint64(3 * 3600000 + 120000) << u"3 h 2 min"_s;
}

void tst_Freshness::durations()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(Freshness::duration(ms), text);
}

QTEST_GUILESS_MAIN(tst_Freshness)
#include "tst_freshness.moc"
