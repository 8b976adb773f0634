#include "commands/commandjournal.h"
#include "commands/commandqueue.h"
#include "connection/feedengine.h"
#include "core/clock.h"
#include "demoserver.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

Config configFor(const QUrl &server, const QStringList &extraSets = {})
{
    ConfigOverrides o;
    o.server = server.toString();
    o.feeds = {u"queue"_s};
    o.sets = QStringList {u"backoff.initial_ms=10"_s,
                          u"backoff.max_ms=100"_s,
                          u"backoff.jitter=0"_s,
                          u"connection.stable_ms=50"_s,
                          u"circuit.failure_threshold=1000"_s,
                          u"commands.ack_timeout_ms=150"_s,
                          u"commands.max_attempts=50"_s,
                          u"commands.max_pending=2000"_s}
        + extraSets;
    ConfigResult r = ConfigLoader::fromJson({}, o);
    if (!r.ok())
        qFatal("%s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}

// An engine and its command queue, as the app builds them.
struct Node
{
    Node(const Config &config, CommandJournal *journal, const Clock *clock = nullptr)
        : engine(config)
        , queue(&engine, journal, config.settings, clock)
    { }
    FeedEngine engine;
    CommandQueue queue;
};

int countStatus(const QList<CommandRecord> &records, Command::Status status)
{
    return int(std::count_if(records.begin(), records.end(),
                             [&](const CommandRecord &r) { return r.status == status; }));
}

} // namespace

class tst_CommandQueue : public QObject
{
    Q_OBJECT

private slots:
    void thousandCommandsUnderRandomDisconnectsDeliveredOnce();
    void journalRecoveryAfterCrash();
    void ackTimeoutResendsSameIdThenFails();
    void boundedAndExpiring();
    void cancelAndRetry();
    void journalSurvivesReopen();
};

void tst_CommandQueue::thousandCommandsUnderRandomDisconnectsDeliveredOnce()
{
    DemoServer server;
    server.setSeed(7);
    QVERIFY(server.start(0));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    // Delivered once is the point here, not the attempt limit: on a slow machine (the ASan pass
    // at load 10) acks come later than 150 ms, and 50 attempts left 345 commands failed.
    const Config config = configFor(server.baseUrl(), {u"commands.max_attempts=1000"_s});

    auto journal = std::make_unique<CommandJournal>();
    QString error;
    QVERIFY2(journal->open(path, &error), qPrintable(error));
    auto node = std::make_unique<Node>(config, journal.get());
    node->engine.start();

    // Random drops of every connection, no close frame, for the whole run.
    QRandomGenerator random(42);
    int drops = 0;
    QTimer chaos;
    chaos.setSingleShot(true);
    connect(&chaos, &QTimer::timeout, this, [&] {
        server.dropAll();
        ++drops;
        chaos.start(int(random.bounded(40, 160)));
    });
    chaos.start(50);

    const int total = 1000;
    QSet<QString> ids;
    for (int i = 0; i < total; ++i) {
        const QString name = i % 2 ? u"queue.resume"_s : u"queue.pause"_s;
        ids.insert(node->queue.submit(u"queue"_s, name));
        if (i % 25 == 0)
            QTest::qWait(5); // let the event loop deliver some of them while we type
        if (i == total / 2) {
            // Restart the engine object mid-way: what it had not finished is in the journal.
            node.reset();
            journal = std::make_unique<CommandJournal>();
            QVERIFY(journal->open(path, &error));
            node = std::make_unique<Node>(config, journal.get());
            const int recovered = node->queue.recover();
            qInfo("engine restarted after %d commands; %d recovered from the journal", i + 1,
                  recovered);
            node->engine.start();
        }
    }
    QCOMPARE(ids.size(), total);
    QTRY_VERIFY_WITH_TIMEOUT(journal->load(true).isEmpty(), 60000);
    chaos.stop();

    const QList<CommandRecord> records = journal->load();
    QCOMPARE(records.size(), total);
    QCOMPARE(countStatus(records, Command::Status::Acked), total);

    // Server side: every id applied exactly once; resends were recognised as duplicates.
    QHash<QString, int> applied;
    int duplicates = 0;
    for (const DemoServer::CommandRecord &c : server.commandLog()) {
        if (c.duplicate)
            ++duplicates;
        else
            ++applied[c.id];
    }
    QCOMPARE(applied.size(), total);
    for (auto it = applied.cbegin(); it != applied.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QCOMPARE(server.appliedCount(u"queue.pause"_s) + server.appliedCount(u"queue.resume"_s), total);
    int maxAttempts = 0;
    for (const CommandRecord &r : records)
        maxAttempts = std::max(maxAttempts, r.attempts);
    qInfo("%d commands, %d acked exactly once server-side, %d duplicate deliveries de-duplicated, "
          "%d connection drops, max attempts for one command %d",
          total, int(applied.size()), duplicates, drops, maxAttempts);
}

void tst_CommandQueue::journalRecoveryAfterCrash()
{
    DemoServer server;
    QVERIFY(server.start(0));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    const Config config = configFor(server.baseUrl());
    QStringList ids;
    {
        // Written, never sent: the engine never started, then the process "died".
        CommandJournal journal;
        QString error;
        QVERIFY(journal.open(path, &error));
        Node node(config, &journal);
        for (int i = 0; i < 5; ++i)
            ids << node.queue.submit(u"queue"_s, u"queue.pause"_s);
        QCOMPARE(journal.load(true).size(), 5);
        // One more that was sent, but whose ack never came back before the crash.
        CommandRecord sent;
        sent.id = u"sent-before-crash"_s;
        sent.feedId = u"queue"_s;
        sent.name = u"queue.resume"_s;
        sent.status = Command::Status::Sent;
        sent.attempts = 1;
        sent.createdWallMs = SystemClock::instance()->wallMs();
        QVERIFY(journal.insert(&sent));
        ids << sent.id;
    }
    QCOMPARE(server.commandLog().size(), 0);

    CommandJournal journal;
    QString error;
    QVERIFY(journal.open(path, &error));
    Node node(config, &journal);
    QCOMPARE(node.queue.recover(), 6);
    node.engine.start();
    QTRY_VERIFY(journal.load(true).isEmpty());
    for (const QString &id : std::as_const(ids))
        QCOMPARE(node.queue.command(id).status, Command::Status::Acked);
    QCOMPARE(server.appliedCount(u"queue.pause"_s), 5);
    QCOMPARE(server.appliedCount(u"queue.resume"_s), 1);
    // Original ids on the wire, in journal order.
    QStringList seen;
    for (const DemoServer::CommandRecord &c : server.commandLog())
        seen << c.id;
    QCOMPARE(seen, ids);
}

void tst_CommandQueue::ackTimeoutResendsSameIdThenFails()
{
    DemoServer server;
    QVERIFY(server.start(0));
    server.setFault(Sim::Fault::DropAcks, u"queue"_s);
    const Config config = configFor(
        server.baseUrl(), {u"commands.max_attempts=3"_s, u"commands.ack_timeout_ms=100"_s});
    Node node(config, nullptr);
    node.engine.start();
    const QString id = node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Failed);
    QCOMPARE(node.queue.command(id).attempts, 3);
    QVERIFY(node.queue.command(id).error.contains(u"commands.max_attempts"_s));
    QCOMPARE(server.appliedCount(u"queue.pause"_s), 1); // three deliveries, applied once
    QCOMPARE(server.commandLog().size(), 3);
    for (const DemoServer::CommandRecord &c : server.commandLog())
        QCOMPARE(c.id, id);
}

void tst_CommandQueue::boundedAndExpiring()
{
    // No server at all: commands wait.
    ManualClock clock(0, 1'800'000'000'000);
    const Config config = configFor(QUrl(u"ws://127.0.0.1:1"_s),
                                    {u"commands.max_pending=3"_s, u"commands.ttl_ms=1000"_s});
    Node node(config, nullptr, &clock);
    QSignalSpy events(&node.queue, &CommandQueue::eventRaised);
    QStringList ids;
    for (int i = 0; i < 4; ++i)
        ids << node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QCOMPARE(node.queue.pendingCount(u"queue"_s), 3);
    const CommandRecord rejected = node.queue.command(ids.at(3));
    QCOMPARE(rejected.status, Command::Status::Failed);
    QVERIFY(rejected.error.contains(u"commands.max_pending"_s));
    clock.advance(1001);
    QTRY_COMPARE(node.queue.pendingCount(), 0);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(node.queue.command(ids.at(i)).status, Command::Status::Expired);
        QVERIFY(node.queue.command(ids.at(i)).error.contains(u"commands.ttl_ms"_s));
    }
    const FeedEvent last = events.last().first().value<FeedEvent>();
    QCOMPARE(last.event, u"command"_s);
    QCOMPARE(last.fields.value("status"_L1).toString(), u"expired"_s);
}

void tst_CommandQueue::cancelAndRetry()
{
    DemoServer server;
    QVERIFY(server.start(0));
    const Config config = configFor(server.baseUrl());
    Node node(config, nullptr);
    const QString id = node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QVERIFY(node.queue.cancel(id));
    QCOMPARE(node.queue.command(id).status, Command::Status::Cancelled);
    QVERIFY(!node.queue.cancel(id));
    node.engine.start();
    QTRY_COMPARE(node.engine.allStats().first().state, Feed::State::Connected);
    QVERIFY(node.queue.retry(id));
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Acked);
    QVERIFY(!node.queue.retry(id)); // acked is final
    QCOMPARE(server.appliedCount(u"queue.pause"_s), 1);

    const QString bad = node.queue.submit(u"queue"_s, u"queue.nonsense"_s);
    QTRY_COMPARE(node.queue.command(bad).status, Command::Status::Failed);
    QVERIFY(!node.queue.command(bad).error.isEmpty());
}

void tst_CommandQueue::journalSurvivesReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"j.sqlite"_s);
    CommandRecord r;
    r.id = u"abc"_s;
    r.feedId = u"queue"_s;
    r.name = u"workflow.trigger"_s;
    r.args = {{u"issue_number"_s, 42}};
    {
        CommandJournal journal;
        QString error;
        QVERIFY(journal.open(path, &error));
        QVERIFY(journal.insert(&r));
        r.status = Command::Status::Acked;
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
    QCOMPARE(all.first().args.value("issue_number"_L1).toInt(), 42);
    QVERIFY(journal.load(true).isEmpty());

    CommandJournal broken;
    QVERIFY(!broken.open(u"/proc/definitely/not/here.sqlite"_s, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CommandQueue)
#include "tst_commandqueue.moc"
