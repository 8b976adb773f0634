#include "connection/feedengine.h"
#include "core/tsan.h"
#include "dashboard/feedhub.h"
#include "models/connectionsmodel.h"
#include "models/eventlogmodel.h"
#include "models/feedtablemodel.h"
#include "testfeedserver.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {
Config configFor(const QUrl &server, const QStringList &feeds)
{
    ConfigOverrides o;
    o.server = server.toString();
    o.feeds = feeds;
    o.sets = {u"stagger.step_ms=0"_s, u"heartbeat.interval_ms=50"_s, u"backoff.initial_ms=50"_s};
    return ConfigLoader::fromJson({}, o).config;
}
const QByteArray kQueue =
    R"({"type":"queue_update","data":{"paused":true,"phases":[{"queue_id":"a","status":"running"},{"queue_id":"b","status":"failed"}]}})";
} // namespace

class tst_FeedHub : public QObject
{
    Q_OBJECT

private slots:
    void snapshotsReachTheFeedTable();
    void statsAndLatencyReachTheConnectionsModel();
    void requestsReachAnEngineOnAnotherThread();
    void eventLogBatchesCapsAndExports();
    void lateSignalsOfASwappedEngineLeaveNoGhosts();
};

void tst_FeedHub::snapshotsReachTheFeedTable()
{
    TestFeedServer server;
    server.setInitialSnapshot(kQueue);
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"queue"_s, u"routes"_s});
    FeedEngine engine(config);
    FeedHub hub(config);
    hub.attach(&engine);
    QCOMPARE(hub.feedIds(), (QStringList {u"queue"_s, u"routes"_s}));
    FeedTableModel *queue = hub.tableModel(u"queue"_s);
    QVERIFY(queue);
    QSignalSpy dataChanged(&hub, &FeedHub::feedDataChanged);
    engine.start();
    QTRY_COMPARE(queue->rowCount(), 2);
    QCOMPARE(queue->meta().value("paused"_L1).toBool(), true);
    QCOMPARE(
        queue->data(queue->index(1, queue->statusColumn()), FeedTableModel::StatusRole).toString(),
        u"failed"_s);
    QCOMPARE(dataChanged.first().first().toString(), u"queue"_s);
    QCOMPARE(hub.tableModel(u"routes"_s)->rowCount(), 0); // routes got a queue snapshot: rejected
}

void tst_FeedHub::statsAndLatencyReachTheConnectionsModel()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"queue"_s, u"workflows"_s});
    FeedEngine engine(config);
    FeedHub hub(config);
    hub.attach(&engine);
    ConnectionsModel *connections = hub.connections();
    QCOMPARE(connections->rowCount(), 2);
    QCOMPARE(hub.liveCount(), 0);
    QCOMPARE(hub.worstQuality(), Quality::Tier::Disconnected);
    engine.start();
    QTRY_COMPARE(hub.liveCount(), 2);
    QTRY_VERIFY(hub.latencySamples(u"queue"_s).size() >= 2);
    QTRY_COMPARE(hub.worstQuality(), Quality::Tier::Excellent);
    const QModelIndex state = connections->index(0, ConnectionsModel::StateColumn);
    QCOMPARE(state.data().toString(), u"connected"_s);
    QCOMPARE(connections->index(0, ConnectionsModel::QualityColumn).data().toString(),
             u"excellent"_s);
    QVERIFY(connections->index(0, ConnectionsModel::LastRttColumn)
                .data()
                .toString()
                .endsWith(u" ms"_s));

    server.close(); // both feeds drop and wait to reconnect
    QTRY_COMPARE(hub.liveCount(), 0);
    QTRY_VERIFY(
        !connections->index(0, ConnectionsModel::NextRetryColumn).data().toString().isEmpty()
        || hub.stats(u"queue"_s).state == Feed::State::Connecting);
    QCOMPARE(hub.worstQuality(), Quality::Tier::Disconnected);
}

void tst_FeedHub::requestsReachAnEngineOnAnotherThread()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"queue"_s});
    QThread thread;
    auto *engine = new FeedEngine(config);
    engine->moveToThread(&thread);
    connect(&thread, &QThread::finished, engine, &QObject::deleteLater);
    thread.start();
    FeedHub hub(config);
    hub.attach(engine);
    QSignalSpy results(&hub, &FeedHub::testFinished);
    // Built here, started there: tell ThreadSanitizer about the hand-off Qt's queue orders.
    Tsan::release(engine);
    QMetaObject::invokeMethod(engine, [engine] {
        Tsan::acquire(engine);
        engine->start();
    });
    QTRY_COMPARE(server.activeCount(), 1);
    hub.reconnect(u"queue"_s);
    QTRY_COMPARE(server.connectionCount(), 2);
    hub.stopFeed(u"queue"_s);
    QTRY_COMPARE(hub.stats(u"queue"_s).state, Feed::State::Stopped);
    hub.startFeed(u"queue"_s);
    QTRY_COMPARE(hub.stats(u"queue"_s).state, Feed::State::Connected);
    hub.testConnection(u"queue"_s);
    QTRY_COMPARE(results.size(), 1);
    QVERIFY(results.first().first().value<TestResult>().ok);
    QMetaObject::invokeMethod(engine, &FeedEngine::stopAll, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
}

void tst_FeedHub::eventLogBatchesCapsAndExports()
{
    EventLogModel log(100);
    QSignalSpy inserted(&log, &QAbstractItemModel::rowsInserted);
    // Quality scores: `update` and `latency` rows would fold into one (tst_eventlogmodel).
    for (int i = 0; i < 250; ++i)
        log.append({1000 + i, u"queue"_s, u"score"_s, {{u"n"_s, i}}});
    QCOMPARE(log.rowCount(), 0); // batched
    QTRY_COMPARE(log.rowCount(), 100);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(log.eventAt(0).fields.value("n"_L1).toInt(), 150);
    QCOMPARE(log.eventAt(99).fields.value("n"_L1).toInt(), 249);
    log.appendEarlier({{1, u"queue"_s, u"state"_s, {}}});
    QCOMPARE(log.index(99, 0).data(EventLogModel::EarlierSessionRole).toBool(), true);

    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(u"log.jsonl"_s);
    QVERIFY(log.exportTo(path, &error, {0, 1, 2}));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 3);
    QVERIFY(!log.exportTo(dir.filePath(u"no/such/dir/x"_s), &error));
    QVERIFY(!error.isEmpty());
}

// Fix 4: after an engine swap (settings applied), signals the old engine had already queued
// re-added removed feeds as ghost rows that counted in "live" and "worst quality" forever.
void tst_FeedHub::lateSignalsOfASwappedEngineLeaveNoGhosts()
{
    const QUrl server(u"ws://127.0.0.1:1"_s);
    const Config before = configFor(server, {u"queue"_s, u"routes"_s});
    const Config after = configFor(server, {u"queue"_s});
    QThread thread;
    auto *old = new FeedEngine(before);
    old->moveToThread(&thread);
    connect(&thread, &QThread::finished, old, &QObject::deleteLater);
    thread.start();
    FeedHub hub(before);
    hub.attach(old);
    // The old engine says "routes is live" and sends a batch; both wait in this thread's queue.
    FeedStats live;
    live.feedId = u"routes"_s;
    live.state = Feed::State::Connected;
    live.quality = Quality::Tier::Bad;
    Tsan::release(old);
    QMetaObject::invokeMethod(
        old,
        [old, live] {
            Tsan::acquire(old);
            emit old->statsChanged(live);
            const QList<FeedEvent> events {{1, u"routes"_s, u"connected"_s, {}}};
            Tsan::release(events.constData());
            emit old->batchReady(events, {});
        },
        Qt::BlockingQueuedConnection);
    FeedEngine fresh(after);
    hub.reattach(&fresh, after);
    QCoreApplication::processEvents(); // the late signals arrive now
    QCOMPARE(hub.feedIds(), QStringList {u"queue"_s});
    QCOMPARE(hub.liveCount(), 0);
    QCOMPARE(hub.worstQuality(), Quality::Tier::Disconnected);
    QCOMPARE(hub.connections()->rowCount(), 1);
    thread.quit();
    thread.wait();
}

QTEST_GUILESS_MAIN(tst_FeedHub)
#include "tst_feedhub.moc"
