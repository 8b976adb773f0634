#include "commands/actioncatalog.h"
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
#include "testfeedserver.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
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
    o.sets =
        QStringList {u"backoff.initial_ms=10"_s, u"backoff.max_ms=100"_s, u"backoff.jitter=0"_s,
                     // Restarts (1001, DemoServer::restart) come back as fast as the rest.
                     u"reconnect.restart_min_ms=10"_s, u"reconnect.restart_max_ms=10"_s,
                     u"connection.stable_ms=50"_s, u"circuit.failure_threshold=1000"_s,
                     u"stagger.step_ms=0"_s, u"commands.ack_timeout_ms=150"_s,
                     u"commands.max_attempts=50"_s, u"commands.max_pending=2000"_s}
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

// Monotonic and wall time that move apart, as when the system clock is stepped (NTP, an
// operator, a suspended VM).
class SteppedClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    qint64 wallMs() const override { return m_wall; }
    void advance(qint64 ms)
    {
        m_now += ms;
        m_wall += ms;
    }
    void stepWall(qint64 ms) { m_wall += ms; }

private:
    qint64 m_now = 0;
    qint64 m_wall = 1'800'000'000'000;
};

QJsonObject parsed(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// The ids of the `command` messages a test server received, in order.
QStringList commandIds(const TestFeedServer &server)
{
    QStringList ids;
    for (const QString &text : server.receivedMessages()) {
        const QJsonObject m = parsed(text);
        if (m.value("type"_L1).toString() == "command"_L1)
            ids << m.value("id"_L1).toString();
    }
    return ids;
}

QList<FeedEvent> eventsOf(const QSignalSpy &spy, const QString &kind)
{
    QList<FeedEvent> out;
    for (const QList<QVariant> &args : spy) {
        const FeedEvent e = args.first().value<FeedEvent>();
        if (e.event == kind)
            out << e;
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
    void ackErrorTextIsMaskedEverywhere();
    void ackWithoutOkIsAnUnknownOutcomeAndRetryKeepsTheId();
    void journalWriteFailureRefusesAndNeverSends();
    void windowsRunOnMonotonicTimeAcrossWallClockSteps();
    void profileActionWithoutMethodGoesOutOnTheWebSocket();
    void sendWindowKeepsABacklogFlowingInOrder();
};

void tst_CommandQueue::thousandCommandsUnderRandomDisconnectsDeliveredOnce()
{
    // The app's own wiring: hub on this thread, engine and queue on the engine thread, the
    // journal in a temporary SQLite file; the links go through a proxy so they can be cut in
    // every way (sim abort, RST, FIN, close frame, server restart).
    DemoServer server;
    server.setWebSocketCommands(true); // the WebSocket command path, ack and all
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
    server.setWebSocketCommands(true); // the WebSocket command path, ack and all
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
    server.setWebSocketCommands(true); // the WebSocket command path, ack and all
    QVERIFY(server.start(0));
    const Config config = configFor(server.baseUrl());
    FeedEngine engine(config);
    engine.start();
    QTRY_VERIFY(engine.isConnected(u"queue"_s));
    CommandQueue queue(&engine, nullptr, config.settings);
    const QString id = queue.submit(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(queue.command(id).status, Command::Status::Acked);
    QCOMPARE(engine.stats(u"queue"_s).successes, 1); // no reconnect was needed
    QVERIFY(server.simulator().isPaused());
}

void tst_CommandQueue::ackTimeoutResendsSameIdThenFails()
{
    DemoServer server;
    server.setWebSocketCommands(true); // the WebSocket command path, ack and all
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
    server.setWebSocketCommands(true); // the WebSocket command path, ack and all
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
    server.setWebSocketCommands(true); // the WebSocket command path, ack and all
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
    QVERIFY(node.queue.command(bad).error.contains(u"Queue ID no-such-phase not found"_s));
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
    server.setWebSocketCommands(true); // the WebSocket command path, ack and all
    QVERIFY(server.start(0));
    server.setFault(Sim::Fault::DropAcks);
    const Config config = configFor(server.baseUrl(), {}, {u"queue"_s, u"routes"_s});
    Node node(config, nullptr);
    node.engine.start();
    const QString id = node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Sent);
    // Acks come on the socket the command went out on; one from elsewhere is not ours.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"ack for .* on feed .*routes"_s));
    emit node.engine.ackReceived(u"routes"_s, id, AckOutcome::Applied, {});
    QCOMPARE(node.queue.command(id).status, Command::Status::Sent);
    emit node.engine.ackReceived(u"queue"_s, id, AckOutcome::Applied, {});
    QCOMPARE(node.queue.command(id).status, Command::Status::Acked);
}

void tst_CommandQueue::bindEngineMovesCommandsToTheNewEngine()
{
    DemoServer server;
    server.setWebSocketCommands(true); // the WebSocket command path, ack and all
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

void tst_CommandQueue::ackErrorTextIsMaskedEverywhere()
{
    // A server that echoes the client's token in its refusal: the text reaches the operator, the
    // journal, the event stream and the history, none of which may hold the token.
    const QString token = u"s3cr3t-T0ken-4242"_s;
    TestFeedServer server;
    QVERIFY(server.listen());
    connect(&server, &TestFeedServer::messageReceived, this, [&](const QString &text) {
        const QJsonObject m = parsed(text);
        if (m.value("type"_L1).toString() != "command"_L1)
            return;
        const QJsonObject ack {{u"type"_s, u"ack"_s},
                               {u"id"_s, m.value("id"_L1)},
                               {u"ok"_s, false},
                               {u"error"_s, u"Bearer %1 may not pause this queue"_s.arg(token)}};
        server.sendToAll(QJsonDocument(ack).toJson(QJsonDocument::Compact));
    });
    QTemporaryDir dir;
    CommandJournal journal;
    QString error;
    QVERIFY(journal.open(dir.filePath(u"journal.sqlite"_s), &error));
    const Config config =
        configFor(server.baseUrl(), {u"auth.token=%1"_s.arg(token), u"auth.mode=header"_s});
    Node node(config, &journal);
    QSignalSpy events(&node.queue, &CommandQueue::eventRaised);
    node.engine.start();
    const QString id = node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Failed);
    const CommandRecord failed = node.queue.command(id);
    QVERIFY2(!failed.error.contains(token), qPrintable(failed.error));
    QVERIFY2(failed.error.contains(u"Bearer *** may not pause"_s), qPrintable(failed.error));
    QVERIFY(failed.refused); // an explicit ok:false
    for (const CommandRecord &r : journal.load())
        QVERIFY2(!r.error.contains(token), qPrintable(r.error));
    for (const FeedEvent &e : eventsOf(events, u"command"_s)) {
        const QByteArray json = QJsonDocument(e.fields).toJson(QJsonDocument::Compact);
        QVERIFY2(!json.contains(token.toUtf8()), json.constData());
    }
    QCOMPARE(eventsOf(events, u"command"_s).last().fields.value("error"_L1).toString(),
             failed.error);
}

void tst_CommandQueue::ackWithoutOkIsAnUnknownOutcomeAndRetryKeepsTheId()
{
    // The first ack has no boolean "ok": the server may have applied the command. It must not
    // read as a refusal, or the operator's retry would go out under a new id and be applied a
    // second time. The server de-duplicates by id and answers the resend properly.
    TestFeedServer server;
    QVERIFY(server.listen());
    QHash<QString, int> seen;
    connect(&server, &TestFeedServer::messageReceived, this, [&](const QString &text) {
        const QJsonObject m = parsed(text);
        if (m.value("type"_L1).toString() != "command"_L1)
            return;
        const QString id = m.value("id"_L1).toString();
        QJsonObject ack {{u"type"_s, u"ack"_s}, {u"id"_s, id}};
        if (seen[id]++ > 0)
            ack.insert(u"ok"_s, true);
        else
            ack.insert(u"status"_s, u"done"_s); // no "ok" at all
        server.sendToAll(QJsonDocument(ack).toJson(QJsonDocument::Compact));
    });
    const Config config = configFor(server.baseUrl());
    Node node(config, nullptr);
    QSignalSpy events(&node.queue, &CommandQueue::eventRaised);
    node.engine.start();
    const QString id =
        node.queue.submit(u"queue"_s, u"queue.execute"_s, {{u"queue_id"_s, u"q-0001"_s}});
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Failed);
    const CommandRecord unknown = node.queue.command(id);
    QVERIFY(!unknown.refused);
    QVERIFY2(unknown.error.contains(u"may have been applied"_s), qPrintable(unknown.error));
    QVERIFY2(unknown.error.contains(u"boolean \"ok\""_s), qPrintable(unknown.error));
    const QList<FeedEvent> protocolErrors = eventsOf(events, u"protocol_error"_s);
    QCOMPARE(protocolErrors.size(), 1);
    QCOMPARE(protocolErrors.first().feed, u"queue"_s);
    QCOMPARE(protocolErrors.first().fields.value("id"_L1).toString(), id);

    QCOMPARE(node.queue.retry(id), id); // the same id: the server can recognise it
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Acked);
    QCOMPARE(commandIds(server), (QStringList {id, id}));
}

void tst_CommandQueue::journalWriteFailureRefusesAndNeverSends()
{
    // A full disk, as SQLite itself reports it: the journal may grow no further page. A command
    // that cannot be journaled is refused where the operator sees it, and never sent: sent
    // unjournaled, a crash would lose it while the server applies it.
    TestFeedServer server;
    QVERIFY(server.listen());
    QTemporaryDir dir;
    CommandJournal journal;
    QString error;
    QVERIFY(journal.open(dir.filePath(u"journal.sqlite"_s), &error));
    const Config config = configFor(server.baseUrl());
    Node node(config, &journal);
    node.engine.start();
    QTRY_VERIFY(node.engine.isConnected(u"queue"_s));
    const QString small = node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(commandIds(server), QStringList {small});

    QStringList connections = QSqlDatabase::connectionNames();
    connections.removeIf([](const QString &n) { return !n.startsWith("feedwatch-journal-"_L1); });
    QCOMPARE(connections.size(), 1);
    QSqlQuery pragma(QSqlDatabase::database(connections.first()));
    QVERIFY(pragma.exec(u"PRAGMA page_count"_s) && pragma.next());
    const int pages = pragma.value(0).toInt();
    QVERIFY(pragma.exec(u"PRAGMA max_page_count = %1"_s.arg(pages)));

    QSignalSpy events(&node.queue, &CommandQueue::eventRaised);
    QSignalSpy rejected(&node.queue, &CommandQueue::rejected);
    // Twenty kilobytes of arguments need pages the journal cannot have.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"journal write failed.*full"_s));
    const QString id =
        node.queue.submit(u"queue"_s, u"workflow.trigger"_s, {{u"note"_s, QString(20000, u'x')}});
    const CommandRecord refused = node.queue.command(id);
    QCOMPARE(refused.status, Command::Status::Failed);
    QVERIFY2(refused.error.contains(u"database or disk is full"_s), qPrintable(refused.error));
    QVERIFY2(refused.error.contains(u"not sent"_s), qPrintable(refused.error));
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.first().at(0).toString(), id);
    const QList<FeedEvent> storage = eventsOf(events, u"storage"_s);
    QCOMPARE(storage.size(), 1);
    QCOMPARE(storage.first().fields.value("id"_L1).toString(), id);
    QVERIFY(storage.first().fields.value("error"_L1).toString().contains(u"full"_s));
    QCOMPARE(node.queue.pendingCount(), 1); // the first, still unanswered; not the refused one
    // Given every chance to go out, it does not.
    QTest::qWait(300);
    QVERIFY(!commandIds(server).contains(id));
    QVERIFY(commandIds(server).contains(small));
    QCOMPARE(node.queue.command(id).status, Command::Status::Failed);
}

void tst_CommandQueue::windowsRunOnMonotonicTimeAcrossWallClockSteps()
{
    // The ack window and the time to live run on monotonic time while Feedwatch runs: the wall
    // clock stepped back an hour must not stall resends for an hour, and stepped forward two
    // hours must not expire a command asked for a second ago.
    TestFeedServer server; // never acks
    QVERIFY(server.listen());
    SteppedClock clock;
    const Config config = configFor(server.baseUrl(),
                                    {u"commands.ack_timeout_ms=1000"_s,
                                     u"commands.max_attempts=5"_s, u"commands.ttl_ms=60000"_s});
    Node node(config, nullptr, &clock);
    node.engine.start();
    const QString id = node.queue.submit(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(node.queue.command(id).attempts, 1);
    clock.stepWall(-3600 * 1000);
    clock.advance(1000);
    QTRY_COMPARE(node.queue.command(id).attempts, 2);
    QCOMPARE(node.queue.command(id).ackTimeouts, 1);
    clock.stepWall(2 * 3600 * 1000);
    clock.advance(500);
    QTest::qWait(600); // two ticks of the queue's timer at least (250 ms each)
    QCOMPARE(node.queue.command(id).status, Command::Status::Sent);
    QTRY_COMPARE(commandIds(server), (QStringList {id, id}));
    // The time to live still ends it, on the same monotonic time: 60 s after it was asked for.
    clock.advance(60000);
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Expired);
}

void tst_CommandQueue::profileActionWithoutMethodGoesOutOnTheWebSocket()
{
    // A backend that speaks command/ack: its profile action has args instead of a request.
    QStringList errors;
    const ActionCatalog catalog = ActionCatalog::fromJson(
        QJsonDocument::fromJson(R"({"actions":[{"name":"workflow.trigger","feed":"queue",
            "scope":"row","label":"Trigger","args":{"issue_number":"{issue_number}"}}]})")
            .object(),
        &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    const CommandAction &action = catalog.actions().first();
    QVERIFY(!action.isHttp());
    CommandRequest request;
    QJsonObject args;
    QString error;
    QVERIFY(action.fill({{u"issue_number"_s, 314}, {u"title"_s, u"x"_s}}, &request, &args, &error));
    QVERIFY(!request.isHttp());
    QCOMPARE(args, (QJsonObject {{u"issue_number"_s, 314}})); // the number stays a number

    DemoServer server;
    server.setWebSocketCommands(true);
    QVERIFY(server.start(0));
    const Config config = configFor(server.baseUrl());
    Node node(config, nullptr);
    node.engine.start();
    const QString id = node.queue.submit(u"queue"_s, action.name, args, {}, request);
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Acked);
    QCOMPARE(server.appliedCount(u"workflow.trigger"_s), 1);
    QCOMPARE(server.commandLog().first().id, id);
}

void tst_CommandQueue::sendWindowKeepsABacklogFlowingInOrder()
{
    // A backlog goes out commands.max_in_flight at a time (3 here): the rest wait queued, in
    // order, and each ack lets exactly one more out. Written all at once, a long backlog on a
    // link that flaps faster than the burst takes never saw an ack (a livelock seen under ASan).
    TestFeedServer server; // acks only when the test says so
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"commands.max_in_flight=3"_s});
    Node node(config, nullptr);
    QStringList ids;
    for (int i = 0; i < 7; ++i)
        ids << node.queue.submit(u"queue"_s, i % 2 ? u"queue.resume"_s : u"queue.pause"_s);
    node.engine.start();
    QTRY_COMPARE(commandIds(server), ids.mid(0, 3));
    const auto statuses = [&] {
        QList<Command::Status> out;
        for (const QString &id : std::as_const(ids))
            out << node.queue.command(id).status;
        return out;
    };
    using S = Command::Status;
    QCOMPARE(statuses(),
             (QList<S> {S::Sent, S::Sent, S::Sent, S::Queued, S::Queued, S::Queued, S::Queued}));
    const auto ack = [&](const QString &id) {
        server.sendToAll(
            QJsonDocument(QJsonObject {{u"type"_s, u"ack"_s}, {u"id"_s, id}, {u"ok"_s, true}})
                .toJson(QJsonDocument::Compact));
    };
    ack(ids.at(1)); // out of order: the window counts answers, not positions
    QTRY_COMPARE(commandIds(server), ids.mid(0, 4));
    QCOMPARE(statuses(),
             (QList<S> {S::Sent, S::Acked, S::Sent, S::Sent, S::Queued, S::Queued, S::Queued}));
    // Cut: the three unanswered go back to the queue and out again first, same ids, then the
    // window holds again.
    server.abortAll();
    QTRY_COMPARE(commandIds(server).size(), 7);
    QCOMPARE(commandIds(server).mid(4), (QStringList {ids.at(0), ids.at(2), ids.at(3)}));
    for (const QString &id : std::as_const(ids))
        ack(id);
    QTRY_COMPARE(node.queue.pendingCount(), 0);
    QCOMPARE(statuses(), QList<S>(7, S::Acked));
    // The last three, each sent once: they went out as the acks came in, and may still be on
    // their way to the server (under load, CI saw 7 when the queue was already empty).
    QTRY_COMPARE(commandIds(server).size(), 7 + 3);
    QCOMPARE(commandIds(server).mid(7), ids.mid(4));
}

QTEST_GUILESS_MAIN(tst_CommandQueue)
#include "tst_commandqueue.moc"
