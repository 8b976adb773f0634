// Feedwatch against a FastAPI/uvicorn backend (Debian packages) that behaves on the wire like
// tac-webbuilder: one connection manager, every feed's snapshot broadcast on every socket, the
// recorded snapshots of the real server, no hello. Every page's rows, each broadcast applied
// once per feed, routed and ignored counted, no protocol error. Skips (naming the Debian
// packages) when the peer's runtime is missing.
#include "connection/feedengine.h"
#include "eventrecorder.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_BroadcastPeer : public QObject
{
    Q_OBJECT

private slots:
    void everyFeedOnEverySocket();
};

void tst_BroadcastPeer::everyFeedOnEverySocket()
{
    const QString python = QStandardPaths::findExecutable(u"python3"_s, {u"/usr/bin"_s});
    if (python.isEmpty())
        QSKIP("/usr/bin/python3 not found (Debian package python3)");
    QProcess probe;
    probe.start(python, {u"-c"_s, u"import fastapi, uvicorn, websockets"_s});
    if (!probe.waitForFinished(20000) || probe.exitCode() != 0)
        QSKIP("python3 cannot import fastapi, uvicorn, websockets (Debian packages python3-fastapi "
              "python3-uvicorn python3-websockets)");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::copy(u":/peers/fastapi_broadcast_peer.py"_s, dir.filePath(u"peer.py"_s)));
    QVERIFY(QDir(dir.path()).mkdir(u"samples"_s));
    for (const QString &name : TestUtil::sampleNames())
        TestUtil::writeFile(dir, u"samples/%1.json"_s.arg(name), TestUtil::sample(name));

    QProcess peer;
    QByteArray out;
    connect(&peer, &QProcess::readyReadStandardOutput, this,
            [&] { out += peer.readAllStandardOutput(); });
    peer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    peer.start(python,
               {dir.filePath(u"peer.py"_s), u"--port"_s, u"0"_s, u"--samples"_s,
                dir.filePath(u"samples"_s), u"--interval"_s, u"0.4"_s});
    QVERIFY(peer.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(out.contains('\n'), 20000);
    const QByteArray first = out.left(out.indexOf('\n'));
    QVERIFY2(first.startsWith("PORT "), first.constData());
    const quint16 port = quint16(first.mid(5).toUInt());

    ConfigOverrides o;
    o.server = u"ws://127.0.0.1:%1"_s.arg(port);
    o.sets = {u"stagger.step_ms=20"_s, u"heartbeat.interval_ms=1000"_s};
    const ConfigResult config = ConfigLoader::fromJson({}, o);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedEngine engine(config.config);
    EventRecorder events(&engine);
    engine.start();
    engine.openFeed(u"adw-state/e5f6a7b8"_s);
    const int feeds = int(config.config.feeds.size()) + 1;
    QTRY_COMPARE_WITH_TIMEOUT(events.count(u"connected"_s), feeds, 20000);
    // Ten broadcast rounds after every socket is open.
    const int roundsBefore = int(out.count("ROUND "));
    QTRY_VERIFY_WITH_TIMEOUT(out.count("ROUND ") >= roundsBefore + 10, 20000);
    engine.stopAll();
    peer.kill();
    peer.waitForFinished(5000);

    const QHash<QString, int> expected = {{u"queue"_s, 5},
                                          {u"workflows"_s, 4},
                                          {u"routes"_s, 117},
                                          {u"workflow-history"_s, 7},
                                          {u"adw-monitor"_s, 4},
                                          {u"planned-features"_s, 5},
                                          {u"webhook-status"_s, 0},
                                          {u"system-status"_s, 6},
                                          {u"adw-state/e5f6a7b8"_s, 21}};
    QHash<QString, int> changed;
    QHash<QString, int> rows;
    for (const FeedEvent &e : events.ofKind(u"update"_s)) {
        changed[e.feed] += e.fields.value("changed"_L1).toBool() ? 1 : 0;
        rows[e.feed] = e.fields.value("rows"_L1).toInt();
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(rows.value(it.key()), it.value());
    // Identical snapshots, on ten sockets, round after round: applied once.
    for (const QString &feed : {u"workflows"_s, u"routes"_s, u"workflow-history"_s,
                                u"adw-monitor"_s, u"planned-features"_s, u"system-status"_s})
        QCOMPARE(changed.value(feed), 1);
    // The queue changes every round: one change per round, not one per socket.
    const qint64 rounds = out.count("ROUND ");
    QVERIFY2(
        changed.value(u"queue"_s) >= 10 && changed.value(u"queue"_s) <= rounds + 1,
        qPrintable(u"%1 queue changes in %2 rounds"_s.arg(changed.value(u"queue"_s)).arg(rounds)));
    QCOMPARE(events.count(u"protocol_error"_s), 0);
    qint64 routedOut = 0;
    qint64 ignored = 0;
    qint64 messages = 0;
    for (const FeedStats &s : engine.allStats()) {
        QCOMPARE(s.protocolErrors, 0);
        routedOut += s.routedOut;
        ignored += s.ignored;
        messages += s.messages;
    }
    QVERIFY(routedOut > 0);
    QVERIFY(ignored >= 10 * feeds - feeds); // workflow_completed, on every socket, every round
    qInfo("%d sockets, %lld rounds: %lld messages, %lld handed to their feed, %lld ignored, "
          "%d queue changes applied, 0 protocol errors",
          feeds, rounds, messages, routedOut, ignored, changed.value(u"queue"_s));
}

QTEST_GUILESS_MAIN(tst_BroadcastPeer)
#include "tst_broadcastpeer.moc"
