#include "commands/commandjournal.h"
#include "demoserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
CommandRecord record(const QString &id)
{
    CommandRecord r;
    r.id = id;
    r.feedId = u"queue"_s;
    r.name = u"workflow.trigger"_s;
    r.args = {{u"issue_number"_s, 42}};
    r.createdWallMs = 1000;
    return r;
}

// Collects a child's stdout line by line without blocking this thread's event loop (the demo
// backend the child talks to lives on it).
struct Lines
{
    explicit Lines(QProcess *process)
    {
        QObject::connect(process, &QProcess::readyReadStandardOutput, process, [this, process] {
            buffer += process->readAllStandardOutput();
            qsizetype end;
            while ((end = buffer.indexOf('\n')) >= 0) {
                lines << QString::fromUtf8(buffer.left(end));
                buffer.remove(0, end + 1);
            }
        });
    }
    QStringList lines;
    QByteArray buffer;
};
} // namespace

class tst_CommandJournal : public QObject
{
    Q_OBJECT

private slots:
    void survivesReopen();
    void updateKeepsTheNewAgeOfARetry();
    void lockedWhileOpen();
    void upgradesAFileWithoutAckTimeouts();
    void recoveryAfterSigkill_data();
    void recoveryAfterSigkill();
};

void tst_CommandJournal::survivesReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"j.sqlite"_s);
    CommandRecord r = record(u"abc"_s);
    {
        CommandJournal journal;
        QString error;
        QVERIFY(journal.open(path, &error));
        QVERIFY(journal.insert(&r));
        r.status = Command::Status::Acked;
        r.ackTimeouts = 2;
        r.refused = true;
        QVERIFY(journal.update(r));
        CommandRecord duplicate = r;
        QVERIFY(!journal.insert(&duplicate)); // ids are unique
    }
    CommandJournal journal;
    QString error;
    QVERIFY(journal.open(path, &error));
    const QList<CommandRecord> all = journal.load();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().status, Command::Status::Acked);
    QCOMPARE(all.first().ackTimeouts, 2);
    QCOMPARE(all.first().refused, true);
    QCOMPARE(all.first().args.value("issue_number"_L1).toInt(), 42);
    QVERIFY(!all.first().request.isHttp());
    QVERIFY(journal.load(true).isEmpty());

    // An HTTP command keeps its request, body and failure rules across a restart.
    CommandRecord http = record(u"http-1"_s);
    http.request.method = u"POST"_s;
    http.request.path = u"/api/v1/queue/config/pause"_s;
    http.request.body = QJsonObject {{u"paused"_s, true}};
    http.request.failsWhen = {{u"status"_s, QJsonArray {u"error"_s}}};
    QVERIFY(journal.insert(&http));
    const CommandRecord loaded = journal.load(true).first();
    QCOMPARE(loaded.request.summary(), u"POST /api/v1/queue/config/pause"_s);
    QCOMPARE(loaded.request.bodyBytes(), QByteArray(R"({"paused":true})"));
    QCOMPARE(loaded.request.failsWhen, http.request.failsWhen);

    CommandJournal broken;
    QVERIFY(!broken.open(u"/proc/definitely/not/here.sqlite"_s, &error));
    QVERIFY(!error.isEmpty());
}

void tst_CommandJournal::updateKeepsTheNewAgeOfARetry()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"j.sqlite"_s);
    {
        CommandJournal journal;
        QString error;
        QVERIFY(journal.open(path, &error));
        CommandRecord r = record(u"retried"_s);
        QVERIFY(journal.insert(&r));
        r.status = Command::Status::Queued;
        r.createdWallMs = 5000; // what a retry does: its age starts again
        QVERIFY(journal.update(r));
    }
    CommandJournal journal;
    QString error;
    QVERIFY(journal.open(path, &error));
    QCOMPARE(journal.load().first().createdWallMs, 5000);
}

void tst_CommandJournal::lockedWhileOpen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"j.sqlite"_s);
    QString error;
    {
        CommandJournal first;
        QVERIFY(first.open(path, &error));
        // Two owners would deliver every command twice.
        CommandJournal second;
        QVERIFY(!second.open(path, &error));
        QVERIFY2(error.contains(u"in use by another Feedwatch process (pid %1)"_s.arg(
                     QCoreApplication::applicationPid())),
                 qPrintable(error));
        QVERIFY(!second.isOpen());
    }
    CommandJournal again;
    QVERIFY2(again.open(path, &error), qPrintable(error));
}

void tst_CommandJournal::upgradesAFileWithoutAckTimeouts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TABLE commands (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT "
                       "UNIQUE NOT NULL, feed TEXT NOT NULL, name TEXT NOT NULL, args TEXT NOT "
                       "NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, created_ms "
                       "INTEGER NOT NULL, updated_ms INTEGER NOT NULL, last_sent_ms INTEGER NOT "
                       "NULL, error TEXT)"_s));
        QVERIFY(q.exec(u"INSERT INTO commands (id, feed, name, args, status, attempts, "
                       "created_ms, updated_ms, last_sent_ms) VALUES ('old-1', 'queue', "
                       "'queue.pause', '{}', 'sent', 1, 1, 1, 1)"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"old"_s);
    CommandJournal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    const QList<CommandRecord> all = journal.load(true);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().id, u"old-1"_s);
    QCOMPARE(all.first().ackTimeouts, 0);
    QCOMPARE(all.first().refused, false);
}

void tst_CommandJournal::recoveryAfterSigkill_data()
{
    QTest::addColumn<bool>("sent");
    QTest::newRow("written, never sent") << false;
    QTest::newRow("sent, never acked") << true;
}

void tst_CommandJournal::recoveryAfterSigkill()
{
    // A real crash: a process journals commands and dies by SIGKILL, with no chance to clean
    // up; then `feedwatch --headless` on the same journal delivers them, each once.
    QFETCH(bool, sent);
    DemoServer server;
    server.setWebSocketCommands(true); // the WebSocket command path, ack and all
    server.setSeed(11);
    QVERIFY(server.start(0));
    if (sent)
        server.setFault(Sim::Fault::DropAcks, u"queue"_s); // applied, never answered
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    const int count = 20;

    QSignalSpy gone(&server, &DemoServer::clientDisconnected);
    QProcess crasher;
    Lines crashed(&crasher);
    crasher.start(QStringLiteral(FEEDWATCH_CRASH_HELPER),
                  {path, server.baseUrl().toString(), QString::number(count),
                   sent ? u"sent"_s : u"unsent"_s});
    QVERIFY2(crasher.waitForStarted(), qPrintable(crasher.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(crashed.lines.size(), count, 30000);
    crasher.kill(); // SIGKILL
    QVERIFY(crasher.waitForFinished());
    QCOMPARE(crasher.exitStatus(), QProcess::CrashExit);
    QStringList ids;
    for (const QString &line : std::as_const(crashed.lines))
        ids << line.section(u' ', 1);
    // Once the server has seen the dead link go, it has read everything that reached it: some
    // "sent" commands may have died in the process's own buffers.
    if (sent)
        QTRY_COMPARE(gone.size(), 1);
    const qsizetype reachedServer = server.commandLog().size();
    if (!sent)
        QCOMPARE(reachedServer, 0);
    {
        // What the dead process left: every command, none finished.
        CommandJournal journal;
        QString error;
        QVERIFY2(journal.open(path, &error), qPrintable(error)); // its lock went with it
        const QList<CommandRecord> left = journal.load(true);
        QCOMPARE(left.size(), count);
        for (const CommandRecord &r : left)
            QCOMPARE(r.status, sent ? Command::Status::Sent : Command::Status::Queued);
    }
    server.clearFault(Sim::Fault::DropAcks);

    QProcess feedwatch;
    Lines events(&feedwatch);
    feedwatch.start(QStringLiteral(FEEDWATCH_BIN),
                    {u"--headless"_s, u"--journal"_s, path, u"--server"_s,
                     server.baseUrl().toString(), u"--feeds"_s, u"queue"_s, u"--events"_s, u"-"_s});
    QVERIFY2(feedwatch.waitForStarted(), qPrintable(feedwatch.errorString()));
    QSet<QString> acked;
    int recovered = -1;
    auto scan = [&] {
        for (const QString &line : std::as_const(events.lines)) {
            const QJsonObject e = QJsonDocument::fromJson(line.toUtf8()).object();
            const QString kind = e.value("event"_L1).toString();
            if (kind == "commands_recovered"_L1)
                recovered = e.value("count"_L1).toInt();
            if (kind == "command"_L1 && e.value("status"_L1).toString() == "acked"_L1)
                acked.insert(e.value("id"_L1).toString());
        }
        events.lines.clear();
        return acked.size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(scan(), count, 30000);
    feedwatch.terminate(); // SIGTERM: a clean exit
    QVERIFY(feedwatch.waitForFinished());
    QCOMPARE(feedwatch.exitStatus(), QProcess::NormalExit);
    QCOMPARE(feedwatch.exitCode(), 0);
    QCOMPARE(recovered, count);
    QCOMPARE(acked, QSet<QString>(ids.begin(), ids.end()));

    // Each applied once by the server, whichever process delivered it.
    QHash<QString, int> applied;
    int duplicates = 0;
    for (const DemoServer::CommandRecord &c : server.commandLog()) {
        if (c.duplicate)
            ++duplicates;
        else
            ++applied[c.id];
    }
    QCOMPARE(applied.size(), count);
    for (auto it = applied.cbegin(); it != applied.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QCOMPARE(duplicates, int(reachedServer));
    CommandJournal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    QVERIFY(journal.load(true).isEmpty());
    qInfo("%s: %d commands journaled, process killed with SIGKILL (%d had reached the server), "
          "%d recovered by feedwatch --headless, %d applied exactly once, %d duplicate "
          "deliveries de-duplicated",
          sent ? "sent, never acked" : "written, never sent", count, int(reachedServer), recovered,
          int(applied.size()), duplicates);
}

QTEST_GUILESS_MAIN(tst_CommandJournal)
#include "tst_commandjournal.moc"
