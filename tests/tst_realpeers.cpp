// Feedwatch against WebSocket stacks nobody here wrote (tests/peers/): python3-websockets,
// FastAPI + uvicorn shaped like the seed's backend, and a gorilla/websocket hub shaped like seed
// 003. Each peer runs as its own process on 127.0.0.1 and pings us every 300 ms with its own
// ping frames, dropping us if our pongs stop. The feed must connect, get the snapshot, stay past
// the stable window, measure latency, and come back after the peer is killed and restarted on
// the same port. Skips (naming the Debian package) only when a peer's runtime is missing.

#include "connection/feedconnection.h"
#include "core/clock.h"
#include "faultmatrix.h"
#include "peerprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FaultMatrix;

namespace {

QString debianPython()
{
    return PeerProcess::debianPython();
}

bool pythonHas(const QString &python, const QString &modules)
{
    return PeerProcess::pythonHas(python, modules);
}

} // namespace

class tst_RealPeers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void peer_data();
    void peer();

private:
    QTemporaryDir m_dir;
};

void tst_RealPeers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const QString &name : {u"websockets_peer.py"_s, u"fastapi_peer.py"_s})
        QVERIFY(QFile::copy(u":/peers/"_s + name, m_dir.filePath(name)));
}

void tst_RealPeers::peer_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("missing"); // why the peer cannot run here, empty when it can
    QTest::addColumn<bool>("answersAppPings");

    const QString python = debianPython();
    auto pythonPeer = [&](const char *tag, const QString &script, const QString &modules,
                          const QString &packages, bool appPings) {
        QString missing;
        if (python.isEmpty())
            missing = u"/usr/bin/python3 not found (Debian package python3)"_s;
        else if (!pythonHas(python, modules))
            missing = u"python3 cannot import %1 (Debian packages %2)"_s.arg(modules, packages);
        QTest::newRow(tag) << python << QStringList {m_dir.filePath(script)} << missing << appPings;
    };
    pythonPeer("python3-websockets", u"websockets_peer.py"_s, u"websockets"_s,
               u"python3-websockets"_s, true);
    pythonPeer("fastapi+uvicorn", u"fastapi_peer.py"_s, u"fastapi, uvicorn, websockets"_s,
               u"python3-fastapi python3-uvicorn python3-websockets"_s, false);
#ifdef FEEDWATCH_GORILLA_HUB
    const QString hub = QStringLiteral(FEEDWATCH_GORILLA_HUB);
    QTest::newRow("gorilla/websocket")
        << hub << QStringList() << (QFile::exists(hub) ? QString() : u"%1 was not built"_s.arg(hub))
        << true;
#else
    QTest::newRow("gorilla/websocket")
        << QString() << QStringList()
        << u"go or gorilla/websocket missing when CMake configured (Debian packages golang-go "
           u"golang-github-gorilla-websocket-dev)"_s
        << true;
#endif
}

void tst_RealPeers::peer()
{
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    QFETCH(QString, missing);
    QFETCH(bool, answersAppPings);
    if (!missing.isEmpty())
        QSKIP(qPrintable(missing));

    PeerProcess peer(program, args);
    const quint16 port = peer.start(0);
    QVERIFY2(port != 0, qPrintable(peer.errorOutput()));

    Settings s;
    s.backoffInitialMs = 100;
    s.backoffMaxMs = 2000;
    s.backoffJitter = 0;
    s.heartbeatIntervalMs = 200;
    s.heartbeatTimeoutMs = 1500;
    s.connectionStableMs = 1500; // five of the peer's own ping rounds
    s.connectTimeoutMs = 3000;
    s.circuitFailureThreshold = 1000;
    FixedRandom random(0);
    FeedConnection feed(feedSpec(QUrl(u"ws://127.0.0.1:%1"_s.arg(port)), s),
                        SystemClock::instance(), &random);
    TimedEventLog log(&feed);
    QList<QJsonValue> snapshots;
    connect(&feed, &FeedConnection::snapshotReceived, this,
            [&](const QString &, const QString &type, const QJsonValue &data) {
                if (type == "queue_update"_L1)
                    snapshots << data;
            });
    feed.start();

    QVERIFY(spinUntil([&] { return !snapshots.isEmpty(); }, 10000));
    QVERIFY(!snapshots.first().toObject().value("phases"_L1).toArray().isEmpty());
    QVERIFY(spinUntil([&] { return log.count(u"stable"_s) == 1; }, 10000));
    QVERIFY(spinUntil([&] { return log.count(u"latency"_s) >= 3; }, 10000));
    QCOMPARE(log.count(u"disconnected"_s), 0);
    QCOMPARE(log.count(u"protocol_error"_s), 0);
    int appSamples = 0;
    QList<qint64> rtts;
    for (const TimedEvent &l : log.ofKind(u"latency"_s)) {
        appSamples += l.event.fields.value("source"_L1).toString() == "app"_L1;
        rtts << qint64(l.number("rtt_ms"));
    }
    // A peer that never answers app pings is measured by ping frames alone.
    QCOMPARE(appSamples > 0, answersAppPings);

    // Kill -9 and start again on the same port: the feed notices and comes back.
    const qint64 killedAt = log.nowMs();
    peer.kill();
    QVERIFY(spinUntil([&] { return log.count(u"disconnected"_s) == 1; }, 5000));
    const TimedEvent lost = log.ofKind(u"disconnected"_s).first();
    QCOMPARE(int(lost.number("code")), 1006);
    QCOMPARE(peer.start(port), port);
    const qint64 listeningAt = log.nowMs();
    QVERIFY(spinUntil([&] { return log.count(u"connected"_s) == 2; }, 10000));
    QVERIFY(spinUntil(
        [&] { return log.count(u"update"_s, {}, log.ofKind(u"connected"_s).last().atMs) >= 1; },
        10000));
    const qint64 backAt = log.ofKind(u"connected"_s).last().atMs;
    // The reconnect that succeeded was due at most one backoff step after the peer listened.
    const QList<qint64> lateness = log.reconnectLateness(feed.id());
    const int refused = log.count(u"disconnected"_s) - 1;
    const Spread rtt(rtts);
    qInfo().noquote() << u"%1: snapshot + stable %2 ms + %3 RTT samples (%4, %5 app), 0 drops by "
                         u"the peer's own pings; kill -9 noticed in %6 ms as 1006; %7 refused "
                         u"attempts while down; listening-to-connected %8 ms; %9 new server_id"_s
                             .arg(QString::fromLatin1(QTest::currentDataTag()))
                             .arg(s.connectionStableMs)
                             .arg(rtts.size())
                             .arg(rtt.text())
                             .arg(appSamples)
                             .arg(lost.atMs - killedAt)
                             .arg(refused)
                             .arg(backAt - listeningAt)
                             .arg(log.count(u"hello"_s) > 1 ? 1 : 0);
    QVERIFY2(backAt - listeningAt <= s.backoffMaxMs + 500,
             qPrintable(QString::number(backAt - listeningAt)));
    for (qint64 late : lateness)
        QVERIFY2(late <= 250, qPrintable(QString::number(late)));
    QCOMPARE(log.count(u"protocol_error"_s), 0);
    // These peers send hello with a fresh server_id per process: the second hello names the
    // first (FeedEngine's RestartTracker turns that into one server_restart per backend).
    if (answersAppPings) {
        const QList<TimedEvent> hellos = log.ofKind(u"hello"_s);
        QCOMPARE(hellos.size(), 2);
        QCOMPARE(hellos.last().event.fields.value("previous_server_id"_L1),
                 hellos.first().event.fields.value("server_id"_L1));
        QVERIFY(hellos.last().event.fields.value("server_id"_L1)
                != hellos.first().event.fields.value("server_id"_L1));
    }
}

QTEST_GUILESS_MAIN(tst_RealPeers)
#include "tst_realpeers.moc"
