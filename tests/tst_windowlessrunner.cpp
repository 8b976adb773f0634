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
    void checkRulesExitsOneOnACriticalAlert();
    void headlessWritesTheEventStream();
    void headlessWithALockedJournalKeepsCommandsInMemory();
    void windowlessDetection();
    void commandThatCannotBeDeliveredExitsOne();
};

void tst_WindowlessRunner::helpAndVersion()
{
    const Run help = run({u"--help"_s});
    QCOMPARE(help.code, 0);
    for (const char *option :
         {"--server", "--feeds", "--config", "--set", "--headless", "--events", "--journal",
          "--duration", "--check", "--json", "--demo", "--command", "--arg"})
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
    QTest::newRow("arg without command")
        << QStringList {u"--headless"_s, u"--arg"_s, u"a=1"_s} << u"--arg only applies"_s;
    QTest::newRow("command and check")
        << QStringList {u"--command"_s, u"queue.pause"_s, u"--check"_s}
        << u"--command and --check"_s;
    QTest::newRow("arg not key=value")
        << QStringList {u"--command"_s, u"queue.execute"_s, u"--arg"_s, u"queue_id"_s}
        << u"'queue_id' is not KEY=VALUE"_s;
    QTest::newRow("unknown action")
        << QStringList {u"--command"_s, u"queue.explode"_s}
        << u"no action \"queue.explode\" in the tac-webbuilder profile; its actions: queue.pause"_s;
    QTest::newRow("value missing")
        << QStringList {u"--command"_s, u"queue.execute"_s}
        << u"queue.execute needs queue_id, which is missing or empty (--arg queue_id=…)"_s;
    QTest::newRow("feed not configured")
        << QStringList {u"--command"_s, u"webhook.start"_s, u"--feeds"_s, u"queue"_s}
        << u"goes out on the webhook-status feed, which is not configured"_s;
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
    QCOMPARE(lines.size(), 9); // the default profile's feeds
    QVERIFY(lines.first().startsWith(u"queue"_s));
    for (const QString &line : lines)
        QVERIFY2(QRegularExpression(u"ok +rtt \\d+\\.\\d\\d ms"_s).match(line).hasMatch(),
                 qPrintable(line));
    QCOMPARE(server.connectionCount(), 9);
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

void tst_WindowlessRunner::checkRulesExitsOneOnACriticalAlert()
{
    QTemporaryDir dir;
    const QString journal = dir.filePath(u"state.sqlite"_s);
    const auto check = [&](const QByteArray &status) {
        TestFeedServer server;
        server.setInitialSnapshot(
            R"({"type":"queue_update","data":{"paused":false,"phases":[{"queue_id":"q1","status":")"
            + status + R"(","phase_data":{"title":"Phase 1"},"error_message":"boom"}]}})");
        if (!server.listen())
            return Run {};
        return run({u"--check"_s, u"--rules"_s, u"--json"_s, u"--server"_s,
                    server.baseUrl().toString(), u"--feeds"_s, u"queue"_s, u"--journal"_s,
                    journal});
    };
    Run r = check("failed");
    QCOMPARE(r.code, 1);
    QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc.value("ok"_L1).toBool(), false);
    const auto ruleOf = [&](const QString &id) {
        for (const QJsonValue &v : doc.value("rules"_L1).toArray()) {
            if (v.toObject().value("rule"_L1).toString() == id)
                return v.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(ruleOf(u"phase-failed"_s).value("state"_L1).toString(), u"firing"_s);
    QCOMPARE(ruleOf(u"phase-failed"_s).value("messages"_L1).toArray().first().toString(),
             u"Phase 1 failed: boom"_s);
    QCOMPARE(ruleOf(u"queue-paused"_s).value("state"_L1).toString(), u"ok"_s);
    // A rule whose feed is not watched says so: never a silent "ok".
    QCOMPARE(ruleOf(u"workflow-failed"_s).value("state"_L1).toString(), u"error"_s);
    QVERIFY(ruleOf(u"workflow-failed"_s).value("error"_L1).toString().contains(u"not open"_s));

    r = check("completed");
    QCOMPARE(r.code, 0);
    doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(ruleOf(u"phase-failed"_s).value("state"_L1).toString(), u"ok"_s);
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
    QVERIFY(CommandLine::isWindowless({u"feedwatch"_s, u"--command"_s, u"queue.pause"_s}));
    QVERIFY(CommandLine::isWindowless({u"feedwatch"_s, u"--command=queue.pause"_s}));
    const CliOptions typed =
        CommandLine::parse({u"feedwatch"_s, u"--command"_s, u"x"_s, u"--arg"_s, u"n=214"_s,
                            u"--arg"_s, u"id=0e6b-1a"_s, u"--arg"_s, u"quoted=\"214\""_s});
    QCOMPARE(typed.mode, CliOptions::Mode::Command);
    QCOMPARE(typed.commandArgs.value("n"_L1), QJsonValue(214));
    QCOMPARE(typed.commandArgs.value("id"_L1), QJsonValue(u"0e6b-1a"_s));
    QCOMPARE(typed.commandArgs.value("quoted"_L1), QJsonValue(u"214"_s));
}

void tst_WindowlessRunner::commandThatCannotBeDeliveredExitsOne()
{
    // Nobody listens: the action waits, is retried (not counted: nothing left), and expires at
    // commands.ttl_ms; the journal keeps what became of it.
    TestFeedServer server;
    QVERIFY(server.listen());
    const QUrl base = server.baseUrl();
    server.close();
    QTemporaryDir dir;
    const QString journal = dir.filePath(u"cli.sqlite"_s);
    const Run r = run({u"--command"_s, u"queue.pause"_s, u"--json"_s, u"--server"_s,
                       base.toString(), u"--journal"_s, journal, u"--set"_s,
                       u"commands.ttl_ms=400"_s, u"--set"_s, u"backoff.initial_ms=50"_s});
    QCOMPARE(r.code, 1);
    const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(result.value("name"_L1).toString(), u"queue.pause"_s);
    QCOMPARE(result.value("status"_L1).toString(), u"expired"_s);
    QCOMPARE(result.value("request"_L1).toString(), u"POST /api/v1/queue/config/pause"_s);
    QVERIFY2(result.value("error"_L1).toString().startsWith(u"not delivered within 400 ms"_s),
             qPrintable(r.out));
    QVERIFY(result.value("attempts"_L1).toInt() >= 2);
    // A second run on the same journal has nothing left to take over.
    const Run again = run({u"--command"_s, u"queue.pause"_s, u"--server"_s, base.toString(),
                           u"--journal"_s, journal, u"--set"_s, u"commands.ttl_ms=100"_s});
    QCOMPARE(again.code, 1);
    QVERIFY2(!again.err.contains(u"earlier run"_s), qPrintable(again.err));
    QVERIFY2(again.out.startsWith(u"queue.pause: expired: not delivered"_s), qPrintable(again.out));
}

QTEST_GUILESS_MAIN(tst_WindowlessRunner)
#include "tst_windowlessrunner.moc"
