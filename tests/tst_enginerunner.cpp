#include "connection/feedengine.h"
#include "dashboard/enginerunner.h"
#include "dashboard/feedhub.h"
#include "models/feedtablemodel.h"
#include "testfeedserver.h"

#include <QNetworkInformation>
#include <QSignalSpy>
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
