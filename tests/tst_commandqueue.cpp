#include "commands/commandjournal.h"
#include "commands/commandqueue.h"
#include "connection/feedconnection.h"
#include "connection/feedengine.h"
#include "core/clock.h"
#include "dashboard/enginerunner.h"
#include "dashboard/feedhub.h"
#include "demoserver.h"
#include "faultproxy.h"
#include "models/commandsmodel.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

Config configFor(const QUrl &server, const QStringList &extraSets = {},
                 const QStringList &feeds = {u"queue"_s})
{
    ConfigOverrides o;
    o.server = server.toString();
    o.feeds = feeds;
    o.sets = QStringList {u"backoff.initial_ms=10"_s,
                          u"backoff.max_ms=100"_s,
                          u"backoff.jitter=0"_s,
                          u"connection.stable_ms=50"_s,
                          u"circuit.failure_threshold=1000"_s,
                          u"stagger.step_ms=0"_s,
                          u"commands.ack_timeout_ms=150"_s,
                          u"commands.max_attempts=50"_s,
                          u"commands.max_pending=2000"_s}
        + extraSets;
    ConfigResult r = ConfigLoader::fromJson({}, o);
    if (!r.ok())
        qFatal("%s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}

// An engine and its command queue on this thread.
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

// Server side: how often each id was applied, and how many deliveries were recognised as resends.
struct ServerCount
{
    QHash<QString, int> applied;
    int duplicates = 0;
};

ServerCount countServer(const DemoServer &server)
{
    ServerCount out;
    for (const DemoServer::CommandRecord &c : server.commandLog()) {
        if (c.duplicate)
            ++out.duplicates;
        else
            ++out.applied[c.id];
    }
    return out;
}

} // namespace

class tst_CommandQueue : public QObject
{
    Q_OBJECT

private slots:
    void thousandCommandsUnderRandomDisconnectsDeliveredOnce();
    void recoveredCommandsGoOutInOrderWithTheirIds();
    void queueCreatedAfterConnectSendsAtOnce();
    void ackTimeoutResendsSameIdThenFails();
    void flappingLinkDoesNotUseUpAttempts();
    void boundedAndExpiring();
    void unknownFeedIsRejectedAtOnce();
    void cancelAndRetryRules();
    void retryRespectsMaxPending();
    void ackOnAnotherFeedIsIgnored();
    void bindEngineMovesCommandsToTheNewEngine();
    void sequenceIsPerQueueWithoutJournal();
};

void tst_CommandQueue::thousandCommandsUnderRandomDisconnectsDeliveredOnce()
{
    // The app's own wiring: hub on this thread, engine and queue on the engine thread, the
    // journal in a temporary SQLite file; the links go through a proxy so they can be cut in
    // every way (sim abort, RST, FIN, close frame, server restart).
    DemoServer server;
    server.setSeed(7);
    QVERIFY(server.start(0));
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    QUrl url;
    url.setScheme(u"ws"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(proxy.port());
    // Three unanswered ack windows of 1 s would fail a command: only a link that stays up and
    // silent gets there, never the flapping below.
    const Config config = configFor(url,
                                    {u"commands.ack_timeout_ms=1000"_s,
                                     u"commands.max_attempts=3"_s, u"heartbeat.interval_ms=200"_s});
    FeedHub hub(config);
    EngineRunner runner(&hub);
    runner.setDataPath(path);
    runner.start(config);

    const quint32 seed = 20261122;
    QRandomGenerator random(seed);
    int drops = 0;
    int linksLost = 0;
    connect(&hub, &FeedHub::eventReceived, this, [&](const FeedEvent &e) {
        if (e.event == "disconnected"_L1 && e.fields.value("was_connected"_L1).toBool())
            ++linksLost;
    });
    QTimer chaos;
    chaos.setSingleShot(true);
    connect(&chaos, &QTimer::timeout, this, [&] {
        switch (random.bounded(13)) {
        case 0:
        case 1:
        case 2:
            server.dropAll();
            break;
        case 3:
        case 4:
        case 5:
            proxy.resetAll();
            break;
        case 6:
        case 7:
            proxy.dropAll();
            break;
        case 8:
            server.closeWith({}, 1001);
            break;
        case 9:
            server.restart();
            break;
        default: {
            // Applied but unanswered for a moment: the next cut makes them resends the server
            // must recognise.
            Sim::FaultParams params;
            params.durationMs = random.bounded(20, 80);
            server.setFault(Sim::Fault::DropAcks, u"queue"_s, params);
            break;
        }
        }
        ++drops;
        chaos.start(int(random.bounded(20, 120)));
    });
    chaos.start(30);

    const int total = 1000;
    QSet<QString> ids;
    bool restarted = false;
    QTimer typist;
    connect(&typist, &QTimer::timeout, this, [&] {
        const int burst = int(random.bounded(1, 5));
        for (int i = 0; i < burst && ids.size() < total; ++i) {
            const QString name = ids.size() % 2 ? u"queue.resume"_s : u"queue.pause"_s;
            ids.insert(hub.submitCommand(u"queue"_s, name));
        }
        if (!restarted && ids.size() >= total / 2) {
            // The engine object is replaced mid-way (a settings change): the queue carries on.
            restarted = true;
            runner.replace(config);
            qInfo("engine replaced after %d commands, %d pending at that moment", int(ids.size()),
                  hub.commands()->pendingCount());
        }
        if (ids.size() >= total)
            typist.stop();
        else
            typist.setInterval(int(random.bounded(2, 12)));
    });
    typist.start(5);

    QTRY_COMPARE_WITH_TIMEOUT(ids.size(), total, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(hub.commands()->rowCount(), total, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(hub.commands()->pendingCount(), 0, 120000);
    chaos.stop();

    QCOMPARE(ids.size(), total); // every submit got its own id
    int acked = 0;
    int maxAttempts = 0;
    for (int row = 0; row < hub.commands()->rowCount(); ++row) {
        const CommandRecord r = hub.commands()->recordAt(row);
        QVERIFY2(r.status == Command::Status::Acked,
                 qPrintable(u"%1: %2 %3"_s.arg(r.id, Command::statusName(r.status), r.error)));
        acked += 1;
        maxAttempts = std::max(maxAttempts, r.attempts);
    }
    QCOMPARE(acked, total);

    // Server side: every id applied exactly once; resends were recognised as duplicates.
    const ServerCount count = countServer(server);
    QCOMPARE(count.applied.size(), total);
    for (auto it = count.applied.cbegin(); it != count.applied.cend(); ++it) {
        QVERIFY(ids.contains(it.key()));
        QCOMPARE(it.value(), 1);
    }
    QCOMPARE(server.appliedCount(u"queue.pause"_s) + server.appliedCount(u"queue.resume"_s), total);
    QVERIFY2(linksLost >= 20, qPrintable(u"only %1 links lost"_s.arg(linksLost)));

    // The journal agrees once the runner let go of it.
    runner.stop();
    CommandJournal journal;
    QString error;
    QVERIFY2(journal.open(path, &error), qPrintable(error));
    const QList<CommandRecord> records = journal.load();
    QCOMPARE(records.size(), total);
    QCOMPARE(countStatus(records, Command::Status::Acked), total);
    qInfo("seed %u: %d commands, %d acked exactly once server-side, %d duplicate deliveries "
          "de-duplicated, %d faults injected, %d live links lost, %d server restarts, max "
          "attempts for one command %d",
          seed, total, int(count.applied.size()), count.duplicates, drops, linksLost,
          server.restartCount(), maxAttempts);
}

void tst_CommandQueue::recoveredCommandsGoOutInOrderWithTheirIds()
{
    DemoServer server;
    QVERIFY(server.start(0));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"journal.sqlite"_s);
    const Config config = configFor(server.baseUrl());
    QStringList ids;
    {
        // Written, never sent: the engine never started, then the queue object went away.
        CommandJournal journal;
        QString error;
        QVERIFY(journal.open(path, &error));
        Node node(config, &journal);
        for (int i = 0; i < 5; ++i)
            ids << node.queue.submit(u"queue"_s, u"queue.pause"_s);
        QCOMPARE(journal.load(true).size(), 5);
        // One more that was sent, but whose ack never came back.
        CommandRecord sent;
        sent.id = u"sent-before-crash"_s;
        sent.feedId = u"queue"_s;
        sent.name = u"queue.resume"_s;
        sent.status = Command::Status::Sent;
        sent.attempts = 1;
        sent.createdWallMs = SystemClock::instance()->wallMs() + 1;
        QVERIFY(journal.insert(&sent));
        ids << sent.id;
    }
    QCOMPARE(server.commandLog().size(), 0);

    CommandJournal journal;
    QString error;
    QVERIFY(journal.open(path, &error));
    Node node(config, &journal);
    QSignalSpy events(&node.queue, &CommandQueue::eventRaised);
    QCOMPARE(node.queue.recover(), 6);
    QCOMPARE(events.first().first().value<FeedEvent>().event, u"commands_recovered"_s);
    node.engine.start();
    QTRY_VERIFY(journal.load(true).isEmpty());
    for (const QString &id : std::as_const(ids))
        QCOMPARE(node.queue.command(id).status, Command::Status::Acked);
    QCOMPARE(server.appliedCount(u"queue.pause"_s), 5);
    QCOMPARE(server.appliedCount(u"queue.resume"_s), 1);
    // Original ids on the wire, in request order.
    QStringList seen;
    for (const DemoServer::CommandRecord &c : server.commandLog())
        seen << c.id;
    QCOMPARE(seen, ids);
}

void tst_CommandQueue::queueCreatedAfterConnectSendsAtOnce()
{
    // The queue must ask the engine: the connectedChanged() it would wait for happened already.
    DemoServer server;
    QVERIFY(server.start(0));
    const Config config = configFor(server.baseUrl());
    FeedEngine engine(config);
    engine.start();
    QTRY_VERIFY(engine.isConnected(u"queue"_s));
    CommandQueue queue(&engine, nullptr, config.settings);
    const QString id = queue.submit(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(queue.command(id).status, Command::Status::Acked);
    QCOMPARE(engine.feed(u"queue"_s)->stats().successes, 1); // no reconnect was needed
    QVERIFY(server.simulator().isPaused());
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
    QCOMPARE(node.queue.command(id).ackTimeouts, 3);
    QVERIFY(node.queue.command(id).error.contains(u"commands.max_attempts"_s));
    QCOMPARE(server.appliedCount(u"queue.pause"_s), 1); // three deliveries, applied once
    QCOMPARE(server.commandLog().size(), 3);
    for (const DemoServer::CommandRecord &c : server.commandLog())
        QCOMPARE(c.id, id);
    // It may have been applied (it was): a retry keeps the id, and the server's answer to it is
    // the first one, not a second application.
    server.clearFault(Sim::Fault::DropAcks);
    QCOMPARE(node.queue.retry(id), id);
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Acked);
    QCOMPARE(server.appliedCount(u"queue.pause"_s), 1);
}

void tst_CommandQueue::flappingLinkDoesNotUseUpAttempts()
{
    // The queue's clock stands still: no ack window can elapse unless the test moves it. Every
    // send is cut off by a drop, and none of them counts against commands.max_attempts.
    DemoServer server;
    QVERIFY(server.start(0));
    server.setFault(Sim::Fault::DropAcks, u"queue"_s);
    ManualClock clock(0, 1'800'000'000'000);
    const Config config = configFor(
        server.baseUrl(), {u"commands.max_attempts=2"_s, u"commands.ack_timeout_ms=1000"_s});
    Node node(config, nullptr, &clock);
    node.engine.start();
    const QString id = node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QSignalSpy changes(&node.queue, &CommandQueue::commandChanged);
    for (int drop = 1; drop <= 6; ++drop) {
        QTRY_COMPARE(node.queue.command(id).attempts, drop);
        QCOMPARE(node.queue.command(id).status, Command::Status::Sent);
        server.dropAll();
    }
    QTRY_COMPARE(node.queue.command(id).attempts, 7);
    QCOMPARE(node.queue.command(id).status, Command::Status::Sent);
    QCOMPARE(node.queue.command(id).ackTimeouts, 0);
    int requeued = 0;
    for (const QList<QVariant> &change : std::as_const(changes))
        requeued += change.first().value<CommandRecord>().status == Command::Status::Queued;
    QCOMPARE(requeued, 6); // each drop sent it back to the queue, uncounted
    // Now the link stays up and silent: two full windows, then the command fails.
    clock.advance(1000);
    QTRY_COMPARE(node.queue.command(id).ackTimeouts, 1);
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Sent);
    clock.advance(1000);
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Failed);
    const CommandRecord failed = node.queue.command(id);
    QCOMPARE(failed.ackTimeouts, 2);
    QCOMPARE(failed.attempts, 8);
    QVERIFY2(failed.error.contains(u"no ack after 2 sends"_s), qPrintable(failed.error));
    QCOMPARE(server.appliedCount(u"queue.pause"_s), 1);
}

void tst_CommandQueue::boundedAndExpiring()
{
    // No server at all: commands wait.
    ManualClock clock(0, 1'800'000'000'000);
    const Config config = configFor(QUrl(u"ws://127.0.0.1:1"_s),
                                    {u"commands.max_pending=3"_s, u"commands.ttl_ms=1000"_s});
    Node node(config, nullptr, &clock);
    QSignalSpy events(&node.queue, &CommandQueue::eventRaised);
    QSignalSpy rejected(&node.queue, &CommandQueue::rejected);
    QStringList ids;
    for (int i = 0; i < 4; ++i)
        ids << node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QCOMPARE(node.queue.pendingCount(u"queue"_s), 3);
    const CommandRecord full = node.queue.command(ids.at(3));
    QCOMPARE(full.status, Command::Status::Failed);
    QVERIFY(full.error.contains(u"commands.max_pending"_s));
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.first().at(0).toString(), ids.at(3));
    QVERIFY(rejected.first().at(3).toString().contains(u"3 commands already wait for queue"_s));
    clock.advance(1001);
    QTRY_COMPARE(node.queue.pendingCount(), 0);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(node.queue.command(ids.at(i)).status, Command::Status::Expired);
        QVERIFY(node.queue.command(ids.at(i)).error.contains(u"commands.ttl_ms"_s));
    }
    const FeedEvent last = events.last().first().value<FeedEvent>();
    QCOMPARE(last.event, u"command"_s);
    QCOMPARE(last.feed, u"queue"_s);
    QCOMPARE(last.fields.value("status"_L1).toString(), u"expired"_s);
    QCOMPARE(last.fields.value("name"_L1).toString(), u"queue.pause"_s);
    QCOMPARE(last.fields.value("attempts"_L1).toInt(), 0);
    QVERIFY(last.fields.contains("error"_L1));
}

void tst_CommandQueue::unknownFeedIsRejectedAtOnce()
{
    const Config config = configFor(QUrl(u"ws://127.0.0.1:1"_s));
    Node node(config, nullptr);
    QSignalSpy rejected(&node.queue, &CommandQueue::rejected);
    const QString id = node.queue.submit(u"nope"_s, u"queue.pause"_s);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.first().at(3).toString(), u"no feed nope is configured"_s);
    QCOMPARE(node.queue.command(id).status, Command::Status::Failed);
    QCOMPARE(node.queue.pendingCount(), 0);
}

void tst_CommandQueue::cancelAndRetryRules()
{
    DemoServer server;
    QVERIFY(server.start(0));
    const Config config = configFor(server.baseUrl(), {u"commands.ttl_ms=60000"_s});
    Node node(config, nullptr);
    QSignalSpy rejected(&node.queue, &CommandQueue::rejected);
    const QString cancelled = node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QVERIFY(node.queue.cancel(cancelled));
    QCOMPARE(node.queue.command(cancelled).status, Command::Status::Cancelled);
    QVERIFY(!node.queue.cancel(cancelled));
    // A cancel is the operator's decision: it is not undone by a retry.
    QVERIFY(node.queue.retry(cancelled).isEmpty());
    QVERIFY(rejected.last().at(3).toString().contains(u"failed or expired"_s));

    node.engine.start();
    QTRY_VERIFY(node.engine.isConnected(u"queue"_s));
    const QString bad =
        node.queue.submit(u"queue"_s, u"queue.execute"_s, {{u"queue_id"_s, u"no-such-phase"_s}});
    QTRY_COMPARE(node.queue.command(bad).status, Command::Status::Failed);
    QVERIFY(node.queue.command(bad).error.contains(u"no phase with queue_id"_s));
    QVERIFY(node.queue.command(bad).refused);
    QVERIFY(!node.queue.cancel(bad)); // finished
    // The server refused it (applied nothing): the retry is a new request with a new id, which
    // the server's de-duplication would otherwise answer with the old refusal.
    const QString again = node.queue.retry(bad);
    QVERIFY(!again.isEmpty() && again != bad);
    QCOMPARE(node.queue.command(bad).status, Command::Status::Failed);
    QCOMPARE(node.queue.command(again).args, node.queue.command(bad).args);
    QTRY_COMPARE(node.queue.command(again).status, Command::Status::Failed);
    QCOMPARE(countServer(server).applied.size(), 2); // both reached the server as themselves

    const QString ok = node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(node.queue.command(ok).status, Command::Status::Acked);
    QVERIFY(node.queue.retry(ok).isEmpty()); // acked is final
    QCOMPARE(server.appliedCount(u"queue.pause"_s), 1);
}

void tst_CommandQueue::retryRespectsMaxPending()
{
    ManualClock clock(0, 1'800'000'000'000);
    const Config config = configFor(QUrl(u"ws://127.0.0.1:1"_s),
                                    {u"commands.max_pending=2"_s, u"commands.ttl_ms=1000"_s});
    Node node(config, nullptr, &clock);
    const QString old = node.queue.submit(u"queue"_s, u"queue.pause"_s);
    clock.advance(1001);
    QTRY_COMPARE(node.queue.command(old).status, Command::Status::Expired);
    node.queue.submit(u"queue"_s, u"queue.pause"_s);
    node.queue.submit(u"queue"_s, u"queue.resume"_s);
    QSignalSpy rejected(&node.queue, &CommandQueue::rejected);
    QVERIFY(node.queue.retry(old).isEmpty());
    QCOMPARE(rejected.size(), 1);
    QVERIFY(rejected.first().at(3).toString().contains(u"commands.max_pending"_s));
    QCOMPARE(node.queue.command(old).status, Command::Status::Expired); // unchanged
    QCOMPARE(node.queue.pendingCount(), 2);
}

void tst_CommandQueue::ackOnAnotherFeedIsIgnored()
{
    DemoServer server;
    QVERIFY(server.start(0));
    server.setFault(Sim::Fault::DropAcks);
    const Config config = configFor(server.baseUrl(), {}, {u"queue"_s, u"routes"_s});
    Node node(config, nullptr);
    node.engine.start();
    const QString id = node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Sent);
    // Acks come on the socket the command went out on; one from elsewhere is not ours.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"ack for .* on feed .*routes"_s));
    emit node.engine.ackReceived(u"routes"_s, id, true, {});
    QCOMPARE(node.queue.command(id).status, Command::Status::Sent);
    emit node.engine.ackReceived(u"queue"_s, id, true, {});
    QCOMPARE(node.queue.command(id).status, Command::Status::Acked);
}

void tst_CommandQueue::bindEngineMovesCommandsToTheNewEngine()
{
    DemoServer server;
    QVERIFY(server.start(0));
    server.setFault(Sim::Fault::DropAcks, u"queue"_s);
    const Config config = configFor(server.baseUrl(), {u"commands.ack_timeout_ms=60000"_s});
    auto first = std::make_unique<FeedEngine>(config);
    CommandQueue queue(first.get(), nullptr, config.settings);
    first->start();
    const QString id = queue.submit(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(queue.command(id).status, Command::Status::Sent);
    // Swap engines the way EngineRunner does: stop the old one's links, then bind the new one.
    first->stopAll();
    queue.bindEngine(nullptr, config.settings);
    QCOMPARE(queue.command(id).status, Command::Status::Queued);
    first.reset();
    server.clearFault(Sim::Fault::DropAcks);
    FeedEngine second(config);
    queue.bindEngine(&second, config.settings);
    second.start();
    QTRY_COMPARE(queue.command(id).status, Command::Status::Acked);
    QCOMPARE(queue.command(id).attempts, 2);
    QCOMPARE(server.appliedCount(u"queue.pause"_s), 1);
}

void tst_CommandQueue::sequenceIsPerQueueWithoutJournal()
{
    const Config config = configFor(QUrl(u"ws://127.0.0.1:1"_s));
    Node a(config, nullptr);
    Node b(config, nullptr);
    const QString a1 = a.queue.submit(u"queue"_s, u"queue.pause"_s);
    const QString a2 = a.queue.submit(u"queue"_s, u"queue.pause"_s);
    const QString b1 = b.queue.submit(u"queue"_s, u"queue.pause"_s);
    QCOMPARE(a.queue.command(a1).seq, 1);
    QCOMPARE(a.queue.command(a2).seq, 2);
    QCOMPARE(b.queue.command(b1).seq, 1);
}

QTEST_GUILESS_MAIN(tst_CommandQueue)
#include "tst_commandqueue.moc"
