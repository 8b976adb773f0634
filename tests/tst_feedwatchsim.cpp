// The standalone demo backend as a process: flags, exit codes, the port it prints, seeded data,
// faults from the command line and a scenario that ends it. A raw QWebSocket checks the wire.

#include "version.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString kSim = QStringLiteral(FEEDWATCH_SIM_BINARY);

struct Running
{
    std::unique_ptr<QProcess> process;
    QUrl base;
    QString serverId;

    Running() = default;
    Running(Running &&) = default;
    ~Running()
    {
        if (process && process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
};

// Starts feedwatch-sim on a free port and reads the address it prints.
Running startSim(const QStringList &args)
{
    Running r;
    r.process = std::make_unique<QProcess>();
    r.process->start(kSim, QStringList {u"--port"_s, u"0"_s} + args);
    if (!r.process->waitForStarted(5000))
        return r;
    const QRegularExpression line(u"listening on (ws://\\S+) \\(server_id (\\S+)\\)"_s);
    QByteArray out;
    if (!QTest::qWaitFor([&] { return (out += r.process->readAllStandardOutput()).contains('\n'); },
                         10000))
        return r;
    const QRegularExpressionMatch m = line.match(QString::fromUtf8(out));
    if (m.hasMatch()) {
        r.base = QUrl(m.captured(1));
        r.serverId = m.captured(2);
    }
    return r;
}

struct Exit
{
    int code = -1;
    QString out;
    QString err;
};

Exit runToEnd(const QStringList &args)
{
    QProcess p;
    p.start(kSim, args);
    Exit e;
    if (!p.waitForFinished(20000))
        return e;
    e.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    e.out = QString::fromUtf8(p.readAllStandardOutput());
    e.err = QString::fromUtf8(p.readAllStandardError());
    return e;
}

// The messages a fresh client gets on `feed` until the first snapshot (hello included).
QList<QJsonObject> firstMessages(const QUrl &base, const QString &feed)
{
    QWebSocket socket;
    QList<QJsonObject> got;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [&](const QString &m) {
        got << QJsonDocument::fromJson(m.toUtf8()).object();
    });
    QObject::connect(&socket, &QWebSocket::connected, &socket,
                     [&] { socket.sendTextMessage(u"{\"type\":\"client_ready\"}"_s); });
    QUrl url = base;
    url.setPath(u"/api/v1/ws/"_s + feed);
    socket.open(url);
    const bool gotSnapshot = QTest::qWaitFor(
        [&] {
            return std::any_of(got.begin(), got.end(), [](const QJsonObject &o) {
                return o.value("type"_L1).toString().endsWith("_update"_L1);
            });
        },
        10000);
    socket.close();
    if (!gotSnapshot)
        qWarning() << "no snapshot on" << url;
    return got;
}

QJsonObject snapshotIn(const QList<QJsonObject> &messages)
{
    for (const QJsonObject &o : messages) {
        if (o.value("type"_L1).toString().endsWith("_update"_L1))
            return o;
    }
    return {};
}

} // namespace

class tst_FeedwatchSim : public QObject
{
    Q_OBJECT

private slots:
    void helpAndVersion();
    void badFlagsExitTwo_data();
    void badFlagsExitTwo();
    void checkParsesAScenario();
    void seedAndEpochGiveTheSameDataButNotTheSameServer();
    void rowsShapeTheQueue();
    void faultFromTheCommandLineIsOnTheWire();
    void scenarioQuitEndsTheProcess();
    void broadcastsEveryFeedOnEverySocketByDefault();
};

void tst_FeedwatchSim::helpAndVersion()
{
    const Exit help = runToEnd({u"--help"_s});
    QCOMPARE(help.code, 0);
    for (const QString &flag : {u"--port"_s, u"--seed"_s, u"--epoch"_s, u"--rate"_s, u"--rows"_s,
                                u"--scenario"_s, u"--fault"_s, u"--check"_s, u"freeze FEED"_s,
                                u"--broadcast"_s, u"--hello"_s, u"--ws-commands"_s})
        QVERIFY2(help.out.contains(flag), qPrintable(flag));
    const Exit version = runToEnd({u"--version"_s});
    QCOMPARE(version.code, 0);
    QVERIFY2(version.out.contains(QStringLiteral(FEEDWATCH_VERSION)), qPrintable(version.out));
}

void tst_FeedwatchSim::badFlagsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("port") << QStringList {u"--port"_s, u"99999"_s} << u"--port"_s;
    QTest::newRow("rate") << QStringList {u"--rate"_s, u"fast"_s} << u"--rate"_s;
    QTest::newRow("rows") << QStringList {u"--rows"_s, u"1"_s} << u"--rows"_s;
    QTest::newRow("seed") << QStringList {u"--seed"_s, u"x"_s} << u"--seed"_s;
    QTest::newRow("epoch") << QStringList {u"--epoch"_s, u"-5"_s} << u"--epoch"_s;
    QTest::newRow("fault") << QStringList {u"--fault"_s, u"melt queue"_s} << u"melt queue"_s;
    QTest::newRow("listen") << QStringList {u"--listen"_s, u"nowhere"_s} << u"--listen"_s;
    QTest::newRow("broadcast") << QStringList {u"--broadcast"_s, u"some"_s} << u"--broadcast"_s;
}

void tst_FeedwatchSim::badFlagsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Exit e = runToEnd(args);
    QCOMPARE(e.code, 2);
    QVERIFY2(e.err.contains(mentions), qPrintable(e.err));
}

void tst_FeedwatchSim::checkParsesAScenario()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(u"good.txt"_s);
    const QString bad = dir.filePath(u"bad.txt"_s);
    QFile g(good);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("# comment\nat 1s freeze queue for 2s\nat 3s restart\n");
    g.close();
    QFile b(bad);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write("at 1s freeze queue\nat soon restart\n");
    b.close();
    const Exit ok = runToEnd({u"--scenario"_s, good, u"--check"_s});
    QCOMPARE(ok.code, 0);
    QVERIFY2(ok.out.contains(u"2 scenario steps"_s), qPrintable(ok.out));
    const Exit failed = runToEnd({u"--scenario"_s, bad, u"--check"_s});
    QCOMPARE(failed.code, 2);
    QVERIFY2(failed.err.contains(u"line 2"_s), qPrintable(failed.err));
}

// --seed fixes the data (with --epoch, to the byte); every process is still its own server.
void tst_FeedwatchSim::seedAndEpochGiveTheSameDataButNotTheSameServer()
{
    // --hello: the server's identity is its hello's server_id (the real server sends none).
    const QStringList args = {u"--seed"_s, u"42"_s, u"--epoch"_s, u"1790000000000"_s, u"--hello"_s};
    Running a = startSim(args);
    Running b = startSim(args);
    Running c = startSim({u"--seed"_s, u"43"_s, u"--epoch"_s, u"1790000000000"_s, u"--hello"_s});
    QVERIFY(a.base.isValid() && b.base.isValid() && c.base.isValid());
    QVERIFY(a.base.port() != b.base.port());
    QVERIFY2(a.serverId != b.serverId, qPrintable(a.serverId));
    // (system-status is the same for every seed: its six services are fixed, as upstream's.)
    for (const QString &feed : {u"queue"_s, u"workflows"_s, u"adw-monitor"_s}) {
        const QList<QJsonObject> fromA = firstMessages(a.base, feed);
        const QJsonObject snapA = snapshotIn(fromA);
        QVERIFY2(!snapA.isEmpty(), qPrintable(feed));
        QCOMPARE(snapshotIn(firstMessages(b.base, feed)), snapA);
        QVERIFY(snapshotIn(firstMessages(c.base, feed)) != snapA);
        QCOMPARE(fromA.first().value("type"_L1).toString(), u"hello"_s);
        QCOMPARE(fromA.first().value("server_id"_L1).toString(), a.serverId);
    }
}

// As the real server: a socket gets every feed's changes, whatever its path; --broadcast own
// keeps each socket to its own feed. No hello either way.
void tst_FeedwatchSim::broadcastsEveryFeedOnEverySocketByDefault()
{
    for (const bool all : {true, false}) {
        Running sim =
            startSim(all ? QStringList {u"--rate"_s, u"20"_s}
                         : QStringList {u"--rate"_s, u"20"_s, u"--broadcast"_s, u"own"_s});
        QVERIFY(sim.base.isValid());
        QWebSocket socket;
        QStringList types;
        connect(&socket, &QWebSocket::textMessageReceived, &socket, [&](const QString &m) {
            types << QJsonDocument::fromJson(m.toUtf8()).object().value("type"_L1).toString();
        });
        connect(&socket, &QWebSocket::connected, &socket,
                [&] { socket.sendTextMessage(u"{\"type\":\"client_ready\"}"_s); });
        QUrl url = sim.base;
        url.setPath(u"/api/v1/ws/routes"_s);
        socket.open(url);
        QTRY_VERIFY(types.contains(u"routes_update"_s));
        QCOMPARE(types.first(), u"routes_update"_s); // its own first, and no hello
        if (all) {
            QTRY_VERIFY(types.contains(u"queue_update"_s));
        } else {
            QTest::qWait(600); // a dozen queue ticks at 20 Hz
            QCOMPARE(types.count(u"queue_update"_s), 0);
        }
    }
}

void tst_FeedwatchSim::rowsShapeTheQueue()
{
    Running sim = startSim({u"--rows"_s, u"40"_s, u"--seed"_s, u"1"_s});
    QVERIFY(sim.base.isValid());
    const QJsonObject queue = snapshotIn(firstMessages(sim.base, u"queue"_s));
    QCOMPARE(queue.value("type"_L1).toString(), u"queue_update"_s);
    // Rows is the queue's size; whole parents (up to four phases) come and go around it.
    const qsizetype phases = queue.value("data"_L1).toObject().value("phases"_L1).toArray().size();
    QVERIFY2(phases > 40 - 5 && phases < 40 + 5, qPrintable(QString::number(phases)));
}

// `--fault "refuse queue 403 close"`: the queue's upgrade is refused on the wire, the others work.
void tst_FeedwatchSim::faultFromTheCommandLineIsOnTheWire()
{
    Running sim = startSim({u"--fault"_s, u"refuse queue 403 close"_s});
    QVERIFY(sim.base.isValid());
    QWebSocket socket;
    QSignalSpy errors(&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QUrl url = sim.base;
    url.setPath(u"/api/v1/ws/queue"_s);
    socket.open(url);
    QTRY_VERIFY(!errors.isEmpty());
    QVERIFY2(socket.errorString().contains(u"403"_s), qPrintable(socket.errorString()));
    QCOMPARE(connected.size(), 0);
    QVERIFY(!snapshotIn(firstMessages(sim.base, u"workflows"_s)).isEmpty());
}

void tst_FeedwatchSim::scenarioQuitEndsTheProcess()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath(u"quit.txt"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("at 300ms quit\n");
    f.close();
    Running sim = startSim({u"--scenario"_s, f.fileName()});
    QVERIFY(sim.base.isValid());
    QVERIFY(sim.process->waitForFinished(10000));
    QCOMPARE(sim.process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(sim.process->exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_FeedwatchSim)
#include "tst_feedwatchsim.moc"
