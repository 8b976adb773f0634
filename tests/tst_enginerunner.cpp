#include "connection/feedengine.h"
#include "dashboard/enginerunner.h"
#include "dashboard/engineservices.h"
#include "dashboard/feedhub.h"
#include "demoserver.h"
#include "models/commandsmodel.h"
#include "models/eventlogmodel.h"
#include "models/feedtablemodel.h"
#include "testfeedserver.h"

#include <QNetworkInformation>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Config configFor(const QUrl &server, const QStringList &feeds, int heartbeatMs)
{
    ConfigOverrides o;
    o.server = server.toString();
    o.feeds = feeds;
    o.sets = {u"heartbeat.interval_ms=%1"_s.arg(heartbeatMs), u"stagger.step_ms=0"_s};
    return ConfigLoader::fromJson({}, o).config;
}
} // namespace

class tst_EngineRunner : public QObject
{
    Q_OBJECT

private slots:
    void runsTheEngineOnItsOwnThread();
    void replaceKeepsTheHubAndItsModels();
    void commandsSurviveASettingsChange();
    void historyAndAlertsPersistAcrossRestarts();
    void everyEngineFollowsSystemReachability();
};

void tst_EngineRunner::runsTheEngineOnItsOwnThread()
{
    TestFeedServer server;
    server.setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[{"queue_id":"a"}]}})");
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"queue"_s}, 5000);
    FeedHub hub(config);
    EngineRunner runner(&hub);
    runner.start(config);
    QVERIFY(runner.engine()->thread() != QThread::currentThread());
    QTRY_COMPARE(hub.liveCount(), 1);
    QTRY_COMPARE(hub.tableModel(u"queue"_s)->rowCount(), 1);
    runner.stop();
    QVERIFY(!runner.isRunning());
    QTRY_COMPARE(server.activeCount(), 0);
}

void tst_EngineRunner::replaceKeepsTheHubAndItsModels()
{
    TestFeedServer server;
    server.setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[{"queue_id":"a"}]}})");
    QVERIFY(server.listen());
    const Config first = configFor(server.baseUrl(), {u"queue"_s, u"routes"_s}, 5000);
    FeedHub hub(first);
    EngineRunner runner(&hub);
    runner.start(first);
    QTRY_COMPARE(hub.liveCount(), 2);
    FeedTableModel *queue = hub.tableModel(u"queue"_s);
    QTRY_COMPARE(queue->rowCount(), 1);
    FeedEngine *old = runner.engine();
    QSignalSpy removed(&hub, &FeedHub::feedRemoved);

    const Config second = configFor(server.baseUrl(), {u"queue"_s}, 1000);
    runner.replace(second);
    QVERIFY(runner.engine() != old);
    QCOMPARE(hub.engine(), runner.engine());
    QCOMPARE(hub.config().settings.heartbeatIntervalMs, 1000);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(hub.feedIds(), QStringList {u"queue"_s});
    // Right after the swap nothing claims to be live; the new engine has to say so.
    QCOMPARE(hub.liveCount(), 0);
    QCOMPARE(hub.tableModel(u"queue"_s), queue);
    QCOMPARE(queue->rowCount(), 1); // rows kept across the swap
    QTRY_COMPARE(hub.liveCount(), 1);
    // The old engine's links were closed: one link per feed of the new engine remains.
    QTRY_COMPARE(server.activeCount(), 1);
    runner.stop();
}

void tst_EngineRunner::commandsSurviveASettingsChange()
{
    DemoServer server;
    server.setWebSocketCommands(true); // the WebSocket command path, ack and all
    QVERIFY(server.start(0));
    QTemporaryDir dir;
    Config config = configFor(server.baseUrl(), {u"queue"_s}, 60000);
    FeedHub hub(config);
    EngineRunner runner(&hub);
    runner.setDataPath(dir.filePath(u"journal.sqlite"_s));
    runner.start(config);
    QTRY_COMPARE(hub.liveCount(), 1);
    // Frozen: the command goes out and hangs without an ack (and new handshakes hang too).
    server.setFault(Sim::Fault::Freeze, u"queue"_s);
    const QString id = hub.submitCommand(u"queue"_s, u"queue.pause"_s);
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE(hub.commands()->record(id).status, Command::Status::Sent);
    runner.replace(configFor(server.baseUrl(), {u"queue"_s}, 30000));
    // The old link is gone: back to the queue, journaled, waiting for the new engine.
    QTRY_COMPARE(hub.commands()->record(id).status, Command::Status::Queued);
    server.clearFault(Sim::Fault::Freeze);
    QTRY_COMPARE(hub.commands()->record(id).status, Command::Status::Acked);
    QCOMPARE(server.appliedCount(u"queue.pause"_s), 1);
    QTRY_VERIFY(hub.tableModel(u"queue"_s)->meta().value("paused"_L1).toBool());
    runner.stop();
}

void tst_EngineRunner::historyAndAlertsPersistAcrossRestarts()
{
    DemoServer server;
    QVERIFY(server.start(0));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"feedwatch.sqlite"_s);
    const Config config = configFor(server.baseUrl(), {u"queue"_s}, 60000);
    auto alerts = [](const EventLogModel *log, bool earlier) {
        QStringList out;
        for (int row = 0; row < log->rowCount(); ++row) {
            const QModelIndex index = log->index(row, 0);
            // Link alerts only: the profile's data rules may fire on the test server's data.
            const QString kind = log->eventAt(row).fields.value("alert"_L1).toString();
            if (index.data(EventLogModel::EventKindRole).toString() == "alert"_L1
                && index.data(EventLogModel::EarlierSessionRole).toBool() == earlier
                && kind != "rule"_L1)
                out << kind;
        }
        return out;
    };
    {
        FeedHub hub(config);
        EngineRunner runner(&hub);
        runner.setDataPath(path);
        runner.start(config);
        // SQLite connections belong to the engine thread, never to the GUI's.
        QCOMPARE(runner.services()->thread(), runner.engineThread());
        QTRY_COMPARE(hub.liveCount(), 1);
        server.dropAll();
        QTRY_COMPARE(alerts(hub.eventLog(), false), (QStringList {u"feed_down"_s, u"feed_up"_s}));
        runner.stop(); // flushes the history
    }
    FeedHub hub(config);
    EngineRunner runner(&hub);
    runner.setDataPath(path);
    runner.start(config);
    QTRY_COMPARE(hub.liveCount(), 1);
    QTRY_COMPARE(alerts(hub.eventLog(), true), (QStringList {u"feed_down"_s, u"feed_up"_s}));
    // Earlier sessions come first, then this one's events.
    const EventLogModel *log = hub.eventLog();
    QTRY_VERIFY(
        log->rowCount() > 0
        && !log->index(log->rowCount() - 1, 0).data(EventLogModel::EarlierSessionRole).toBool());
    bool seenCurrent = false;
    for (int row = 0; row < log->rowCount(); ++row) {
        const bool earlier = log->index(row, 0).data(EventLogModel::EarlierSessionRole).toBool();
        QVERIFY2(!(earlier && seenCurrent), "an earlier-session row after a current one");
        seenCurrent = seenCurrent || !earlier;
    }
    runner.stop();
}

// The window's engines follow QNetworkInformation like the headless one does: each engine
// announces the backend and takes its current reachability.
void tst_EngineRunner::everyEngineFollowsSystemReachability()
{
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        QSKIP("no QNetworkInformation backend with reachability on this machine");
    const QString backend = QNetworkInformation::instance()->backendName();
    TestFeedServer server;
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"queue"_s}, 5000);
    FeedHub hub(config);
    QList<FeedEvent> announced;
    connect(&hub, &FeedHub::eventReceived, this, [&](const FeedEvent &e) {
        if (e.event == u"network_backend"_s)
            announced << e;
    });
    EngineRunner runner(&hub);
    runner.start(config);
    QTRY_COMPARE(announced.size(), 1);
    QCOMPARE(announced.first().fields.value("backend"_L1).toString(), backend);
    runner.replace(config);
    QTRY_COMPARE(announced.size(), 2);
    runner.stop();
}

QTEST_GUILESS_MAIN(tst_EngineRunner)
#include "tst_enginerunner.moc"
