// Servers that behave in ways RFC 6455 and real backends allow, as real processes
// (tests/peers/): the figures on screen must stay true.
// - python3-websockets sending an unsolicited pong every 100 ms (RFC 6455 5.5.3);
// - a server answering app pings with its own clock instead of our timestamp;
// - FastAPI/uvicorn refusing an unknown WebSocket path with HTTP 403 (Starlette's answer);
// - a server that refuses connections while it boots, then the upgrade with 503, then is ready.

#include "connection/feedconnection.h"
#include "core/clock.h"
#include "faultmatrix.h"
#include "peerprocess.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FaultMatrix;

namespace {

// RTTs on loopback are fractions of a millisecond: said in microseconds.
QString microseconds(const Spread &us)
{
    return u"min %1 / p50 %2 / max %3 us (n=%4)"_s.arg(us.min).arg(us.p50).arg(us.max).arg(us.n);
}

Settings probeSettings()
{
    Settings s;
    s.heartbeatIntervalMs = 200;
    s.heartbeatTimeoutMs = 1500;
    s.backoffInitialMs = 200;
    s.backoffMaxMs = 2000;
    s.backoffJitter = 0;
    s.connectionStableMs = 1000;
    return s;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

} // namespace

class tst_OddPeers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void unsolicitedPongsAreCountedNotMeasured();
    void foreignClockPongsAreCountedNotMeasured();
    void unknownPathIsRefusedWith403();
    void refusedThenNotReadyThenReady();

private:
    QString peerScript(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    QString m_python;
};

void tst_OddPeers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const QString &name : {u"odd_peer.py"_s, u"fastapi_peer.py"_s})
        QVERIFY(QFile::copy(u":/peers/"_s + name, m_dir.filePath(name)));
    m_python = PeerProcess::debianPython();
    if (m_python.isEmpty() || !PeerProcess::pythonHas(m_python, u"websockets"_s))
        QSKIP("/usr/bin/python3 cannot import websockets (Debian package python3-websockets)");
}

// Taken as answers, a pong every 100 ms made a 0.3 ms loopback link read up to ~1000 ms and
// "poor"/"bad" on nearly every sample.
void tst_OddPeers::unsolicitedPongsAreCountedNotMeasured()
{
    PeerProcess peer(m_python,
                     {peerScript(u"odd_peer.py"_s), u"--unsolicited-pong-ms"_s, u"100"_s});
    const quint16 port = peer.start(0);
    QVERIFY2(port, qPrintable(peer.errorOutput()));
    FixedRandom random(0);
    FeedConnection feed(feedSpec(QUrl(u"ws://127.0.0.1:%1"_s.arg(port)), probeSettings()),
                        SystemClock::instance(), &random);
    TimedEventLog log(&feed);
    feed.start();
    QVERIFY(spinUntil([&] { return log.count(u"latency"_s) >= 12; }, 10000));
    const FeedStats s = feed.stats();
    QList<qint64> rttUs;
    QStringList tiers;
    for (const TimedEvent &l : log.ofKind(u"latency"_s)) {
        rttUs << qint64(l.number("rtt_ms") * 1000);
        const QString tier = l.event.fields.value("quality"_L1).toString();
        if (!tiers.contains(tier))
            tiers << tier;
    }
    const Spread rtt(rttUs);
    qInfo().noquote() << u"unsolicited pong every 100 ms: %1 RTT samples %2, tiers [%3]; "
                         u"%4 unmatched pongs counted; %5 heartbeat timeouts"_s.arg(rttUs.size())
                             .arg(microseconds(rtt), tiers.join(u", "_s))
                             .arg(s.unmatchedPongs)
                             .arg(log.count(u"heartbeat_timeout"_s));
    QVERIFY(s.unmatchedPongs >= 10);
    QCOMPARE(log.count(u"pong_unmatched"_s), 1);
    QVERIFY2(rtt.max < 50'000,
             qPrintable(microseconds(rtt))); // loopback: far below the old ~1000 ms
    QCOMPARE(tiers, QStringList {u"excellent"_s});
    QCOMPARE(s.quality, Quality::Tier::Excellent);
    QCOMPARE(log.count(u"heartbeat_timeout"_s), 0);
    QCOMPARE(s.rejectedRttSamples, 0);
}

// App pongs that do not echo our timestamp read as RTTs up to 1.8e12 ms before.
void tst_OddPeers::foreignClockPongsAreCountedNotMeasured()
{
    PeerProcess peer(m_python,
                     {peerScript(u"odd_peer.py"_s), u"--foreign-clock-pongs"_s, u"--hello"_s});
    const quint16 port = peer.start(0);
    QVERIFY2(port, qPrintable(peer.errorOutput()));
    FixedRandom random(0);
    FeedConnection feed(feedSpec(QUrl(u"ws://127.0.0.1:%1"_s.arg(port)), probeSettings()),
                        SystemClock::instance(), &random);
    TimedEventLog log(&feed);
    feed.start();
    QVERIFY(spinUntil([&] { return feed.stats().unmatchedPongs >= 8; }, 10000));
    QList<qint64> rttUs;
    int app = 0;
    for (const TimedEvent &l : log.ofKind(u"latency"_s)) {
        rttUs << qint64(l.number("rtt_ms") * 1000);
        app += l.event.fields.value("source"_L1).toString() == "app"_L1;
    }
    const FeedStats s = feed.stats();
    const Spread rtt(rttUs);
    qInfo().noquote() << u"foreign-clock app pongs: %1 unmatched, %2 RTT samples (%3), %4 "
                         u"from app pongs; quality %5"_s.arg(s.unmatchedPongs)
                             .arg(rttUs.size())
                             .arg(microseconds(rtt))
                             .arg(app)
                             .arg(Quality::name(s.quality));
    QCOMPARE(app, 0);
    QVERIFY(!rttUs.isEmpty()); // ping frames still measure the link
    QVERIFY2(rtt.max < 50'000, qPrintable(microseconds(rtt)));
    QCOMPARE(s.quality, Quality::Tier::Excellent);
}

// Starlette/FastAPI refuses an unknown WebSocket path with 403, the same answer as for a bad
// token: the operator is told both readings, and the feed stops (a retry storm with a bad token
// is the seeds' own failure).
void tst_OddPeers::unknownPathIsRefusedWith403()
{
    if (!PeerProcess::pythonHas(m_python, u"fastapi, uvicorn"_s))
        QSKIP("python3 cannot import fastapi, uvicorn (Debian packages python3-fastapi "
              "python3-uvicorn)");
    PeerProcess peer(m_python, {peerScript(u"fastapi_peer.py"_s)});
    const quint16 port = peer.start(0);
    QVERIFY2(port, qPrintable(peer.errorOutput()));
    const QUrl base(u"ws://127.0.0.1:%1"_s.arg(port));
    FixedRandom random(0);
    const BackendSpec backend {u"default"_s, base, {}};
    FeedSpec spec = ConfigLoader::makeFeed(backend, u"queue"_s, probeSettings(), false);
    spec.url.setPath(u"/api/v1/wss/queue"_s); // a typo in the path
    spec.snapshotUrl = QUrl();
    FeedConnection feed(spec, SystemClock::instance(), &random);
    TimedEventLog log(&feed);
    feed.start();
    QVERIFY(spinUntil([&] { return feed.state() == Feed::State::Stopped; }, 10000));
    spinUntil([] { return false; }, 600); // three initial delays: no second attempt follows
    const QString expected = u"the server refused ws://127.0.0.1:%1/api/v1/wss/queue (HTTP 403): "
                             u"the path is unknown to this server, or the credentials are "
                             u"refused"_s.arg(port);
    qInfo().noquote()
        << u"FastAPI/uvicorn, unknown path: %1 attempt(s), stopped (%2); \"%3\""_s
               .arg(log.count(u"attempt"_s))
               .arg(Reconnect::stopReasonName(feed.stats().stopReason),
                    log.ofKind(u"auth_error"_s).value(0).event.fields.value("error"_L1).toString());
    QCOMPARE(log.count(u"attempt"_s), 1);
    QCOMPARE(log.count(u"auth_error"_s), 1);
    QCOMPARE(log.ofKind(u"auth_error"_s).first().event.fields.value("error"_L1).toString(),
             expected);
    QCOMPARE(feed.stats().stopReason, Reconnect::StopReason::Refused);
    QCOMPARE(feed.stats().lastError, expected);
    QCOMPARE(log.ofKind(u"disconnected"_s).first().event.fields.value("decision"_L1).toString(),
             u"stop_refused"_s);
}

// A server booting: nothing listens (connection refused), then it listens but answers the
// upgrade with 503 while it is not ready, then it serves. Each phase is said as what it is and
// retried with the normal backoff.
void tst_OddPeers::refusedThenNotReadyThenReady()
{
    const quint16 port = freePort();
    FixedRandom random(0);
    Settings s = probeSettings();
    FeedConnection feed(feedSpec(QUrl(u"ws://127.0.0.1:%1"_s.arg(port)), s),
                        SystemClock::instance(), &random);
    TimedEventLog log(&feed);
    feed.start();
    QVERIFY(spinUntil([&] { return log.count(u"disconnected"_s) >= 2; }, 5000));
    PeerProcess peer(m_python, {peerScript(u"odd_peer.py"_s), u"--not-ready-ms"_s, u"1500"_s});
    QCOMPARE(peer.start(port), port);
    const qint64 listeningAt = log.nowMs();
    QVERIFY(spinUntil([&] { return feed.state() == Feed::State::Connected; }, 15000));
    const qint64 connectedAt = log.ofKind(u"connected"_s).first().atMs;
    QStringList waits;
    int refused = 0;
    int notReady = 0;
    for (const TimedEvent &r : log.ofKind(u"retry_scheduled"_s)) {
        const QString wait = r.event.fields.value("wait"_L1).toString();
        refused += wait == "not_accepting"_L1;
        notReady += wait == "not_ready"_L1;
        if (waits.isEmpty() || waits.last() != wait)
            waits << wait;
    }
    qInfo().noquote() << u"booting server: %1 refused connections (\"not accepting connections "
                         u"yet\"), then %2 upgrades refused with 503 (\"not ready yet\"), "
                         u"connected %3 ms after it listened (503 for the first 1500 ms); "
                         u"phases [%4]"_s.arg(refused)
                             .arg(notReady)
                             .arg(connectedAt - listeningAt)
                             .arg(waits.join(u" -> "_s));
    QVERIFY(refused >= 2);
    QVERIFY(notReady >= 1);
    QCOMPARE(waits, (QStringList {u"not_accepting"_s, u"not_ready"_s}));
    for (const TimedEvent &d : log.ofKind(u"disconnected"_s)) {
        const int status = int(d.number("http_status"));
        if (status != 0) {
            QCOMPARE(status, 503);
            QCOMPARE(d.event.fields.value("decision"_L1).toString(), u"retry_not_ready"_s);
        }
    }
    QCOMPARE(log.count(u"auth_error"_s) + log.count(u"config_error"_s), 0);
    QCOMPARE(feed.stats().stopReason, Reconnect::StopReason::None);
}

QTEST_GUILESS_MAIN(tst_OddPeers)
#include "tst_oddpeers.moc"
