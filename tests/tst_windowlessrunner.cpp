#include "cli/commandline.h"
#include "cli/windowlessrunner.h"
#include "commands/commandjournal.h"
#include "testfeedserver.h"
#include "testutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
using Run = TestUtil::CliRun;
Run run(const QStringList &args)
{
    return TestUtil::runWindowless(args);
}
} // namespace

class tst_WindowlessRunner : public QObject
{
    Q_OBJECT

private slots:
    void helpAndVersion();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void checkAllAnswerExitsZero();
    void checkSomeFailExitsOne();
    void checkJson();
    void headlessWritesTheEventStream();
    void headlessWithALockedJournalKeepsCommandsInMemory();
    void windowlessDetection();
};

void tst_WindowlessRunner::helpAndVersion()
{
    const Run help = run({u"--help"_s});
    QCOMPARE(help.code, 0);
    for (const char *option : {"--server", "--feeds", "--config", "--set", "--headless", "--events",
                               "--journal", "--duration", "--check", "--json", "--demo"})
        QVERIFY2(help.out.contains(QLatin1StringView(option)), option);
    const Run version = run({u"--version"_s});
    QCOMPARE(version.code, 0);
    QVERIFY(QRegularExpression(u"^feedwatch \\d+\\.\\d+\\.\\d+ \\(Qt 6"_s)
                .match(version.out)
                .hasMatch());
    QVERIFY2(version.out.contains(u"MIT License"_s), qPrintable(version.out));
}

void tst_WindowlessRunner::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("malformed URL")
        << QStringList {u"--check"_s, u"--server"_s, u"ws//nope"_s} << u"server"_s;
    QTest::newRow("http scheme") << QStringList {u"--check"_s, u"--server"_s, u"http://h:1"_s}
                                 << u"ws://"_s;
    QTest::newRow("unknown option")
        << QStringList {u"--check"_s, u"--frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("unknown --set key")
        << QStringList {u"--headless"_s, u"--set"_s, u"a.b=1"_s} << u"a.b"_s;
    QTest::newRow("bad duration") << QStringList {u"--headless"_s, u"--duration"_s, u"soon"_s}
                                  << u"duration"_s;
    QTest::newRow("unknown feed") << QStringList {u"--check"_s, u"--feeds"_s, u"nope"_s}
                                  << u"nope"_s;
    QTest::newRow("missing config")
        << QStringList {u"--check"_s, u"--config"_s, u"/nonexistent.json"_s} << u"nonexistent"_s;
    QTest::newRow("json without check") << QStringList {u"--headless"_s, u"--json"_s} << u"json"_s;
    QTest::newRow("empty journal")
        << QStringList {u"--headless"_s, u"--journal="_s} << u"journal"_s;
}

void tst_WindowlessRunner::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
}

void tst_WindowlessRunner::checkAllAnswerExitsZero()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const Run r = run({u"--check"_s, u"--server"_s, server.baseUrl().toString(), u"--set"_s,
                       u"stagger.step_ms=5"_s});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 8);
    QVERIFY(lines.first().startsWith(u"queue"_s));
    for (const QString &line : lines)
        QVERIFY2(QRegularExpression(u"ok +rtt \\d+\\.\\d\\d ms"_s).match(line).hasMatch(),
                 qPrintable(line));
    QCOMPARE(server.connectionCount(), 8);
}

void tst_WindowlessRunner::checkSomeFailExitsOne()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const QUrl base = server.baseUrl();
    server.close();
    const Run r = run({u"--check"_s, u"--server"_s, base.toString(), u"--feeds"_s, u"queue"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(u"FAILED"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(u"refused"_s, Qt::CaseInsensitive));
}

void tst_WindowlessRunner::checkJson()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const Run r = run({u"--check"_s, u"--json"_s, u"--server"_s, server.baseUrl().toString(),
                       u"--feeds"_s, u"queue,routes"_s});
    QCOMPARE(r.code, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value("ok"_L1).toBool(), true);
    QCOMPARE(doc.value("feeds"_L1).toArray().size(), 2);
    QVERIFY(doc.value("feeds"_L1).toArray().at(1).toObject().value("rtt_ms"_L1).isDouble());
}

void tst_WindowlessRunner::headlessWritesTheEventStream()
{
    TestFeedServer server;
    server.setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[]}})");
    QVERIFY(server.listen());
    QTemporaryDir dir;
    const QString events = dir.filePath(u"events.jsonl"_s);
    const Run r =
        run({u"--headless"_s, u"--server"_s, server.baseUrl().toString(), u"--feeds"_s,
             u"queue,workflows"_s, u"--events"_s, events, u"--duration"_s, u"0.6"_s, u"--set"_s,
             u"heartbeat.interval_ms=100"_s, u"--journal"_s, dir.filePath(u"journal.sqlite"_s)});
    QCOMPARE(r.code, 0);
    QFile file(events);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY(lines.last().isEmpty()); // every line ends with a newline
    QStringList kinds;
    const QRegularExpression ts(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
    for (const QByteArray &line : lines.mid(0, lines.size() - 1)) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), line.constData());
        const QJsonObject o = doc.object();
        QVERIFY2(ts.match(o.value("ts"_L1).toString()).hasMatch(), line.constData());
        QVERIFY(o.contains("feed"_L1));
        QVERIFY(o.value("feed"_L1).isString() || o.value("feed"_L1).isNull());
        QVERIFY(o.value("event"_L1).isString());
        kinds << o.value("event"_L1).toString();
    }
    for (const char *kind :
         {"engine_started", "state", "attempt", "connected", "update", "latency", "engine_stopped"})
        QVERIFY2(kinds.contains(QLatin1StringView(kind)), kind);
}

void tst_WindowlessRunner::headlessWithALockedJournalKeepsCommandsInMemory()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    CommandJournal owner; // another Feedwatch holds it
    QString error;
    QVERIFY(owner.open(path, &error));
    const QString events = dir.filePath(u"events.jsonl"_s);
    const Run r =
        run({u"--headless"_s, u"--server"_s, server.baseUrl().toString(), u"--feeds"_s, u"queue"_s,
             u"--events"_s, events, u"--duration"_s, u"0.2"_s, u"--journal"_s, path});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains(u"in use by another Feedwatch process"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"commands stay in memory"_s), qPrintable(r.err));
    QFile file(events);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stream = file.readAll();
    QVERIFY2(stream.contains("\"event\":\"storage\""), stream.constData());
}

void tst_WindowlessRunner::windowlessDetection()
{
    QVERIFY(CommandLine::isWindowless({u"feedwatch"_s, u"--check"_s}));
    QVERIFY(CommandLine::isWindowless({u"feedwatch"_s, u"--server"_s, u"x"_s, u"--headless"_s}));
    QVERIFY(!CommandLine::isWindowless({u"feedwatch"_s, u"--demo"_s}));
    QVERIFY(!CommandLine::isWindowless({u"feedwatch"_s}));
}

QTEST_GUILESS_MAIN(tst_WindowlessRunner)
#include "tst_windowlessrunner.moc"
