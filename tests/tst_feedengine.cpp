#include "connection/feedconnection.h"
#include "connection/feedengine.h"
#include "core/clock.h"
#include "eventrecorder.h"
#include "testfeedserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Config configFor(const QUrl &server, int staggerMs)
{
    ConfigOverrides o;
    o.server = server.toString();
    o.sets = {u"stagger.step_ms=%1"_s.arg(staggerMs), u"backoff.initial_ms=20"_s,
              u"backoff.jitter=0"_s, u"heartbeat.interval_ms=100"_s};
    ConfigResult r = ConfigLoader::fromJson({}, o);
    if (!r.ok())
        qFatal("bad test config: %s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}
} // namespace

class tst_FeedEngine : public QObject
{
    Q_OBJECT

private slots:
    void staggeredStartInPriorityOrder();
    void reconnectAllIsStaggeredToo();
    void statsReachSubscribersCoalesced();
    void batchesCarryEveryEventAndTheNewestSnapshot();
    void adwStateFeedsAtRunTime();
    void manualControls();
    void networkGoesOfflineAndBack();
    void testConnectionReportsRtt();
};

void tst_FeedEngine::staggeredStartInPriorityOrder()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    QElapsedTimer clock;
    QList<qint64> connectTimes;
    connect(&server, &TestFeedServer::clientConnected, this,
            [&] { connectTimes << clock.elapsed(); });
    FixedRandom random(0);
    FeedEngine engine(configFor(server.baseUrl(), 60), SystemClock::instance(), &random);
    clock.start();
    engine.start();
    QTRY_COMPARE(server.connectionCount(), 9);
    // The default profile's feeds, in its order.
    const QStringList expected = {u"/api/v1/ws/queue"_s,
                                  u"/api/v1/ws/workflows"_s,
                                  u"/api/v1/ws/system-status"_s,
                                  u"/api/v1/ws/adw-monitor"_s,
                                  u"/api/v1/ws/routes"_s,
                                  u"/api/v1/ws/workflow-history"_s,
                                  u"/api/v1/ws/planned-features"_s,
                                  u"/api/v1/ws/webhook-status"_s,
                                  u"/api/v1/ws/qc-metrics"_s};
    QCOMPARE(server.requestPaths(), expected);
    // Never all at once: consecutive connects are a stagger step apart (timer slack allowed),
    // and the whole start takes at least 8 steps.
    for (int i = 1; i < connectTimes.size(); ++i)
        QVERIFY2(connectTimes.at(i) - connectTimes.at(i - 1) >= 40,
                 qPrintable(u"gap %1 ms"_s.arg(connectTimes.at(i) - connectTimes.at(i - 1))));
    QVERIFY(connectTimes.last() - connectTimes.first() >= 8 * 55);
    QCOMPARE(server.activeCount(), 9);
}

void tst_FeedEngine::reconnectAllIsStaggeredToo()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FixedRandom random(0);
    FeedEngine engine(configFor(server.baseUrl(), 30), SystemClock::instance(), &random);
    engine.start();
    QTRY_COMPARE(server.activeCount(), 9);
    QElapsedTimer clock;
    QList<qint64> times;
    connect(&server, &TestFeedServer::clientConnected, this, [&] { times << clock.elapsed(); });
    clock.start();
    engine.reconnectAll();
    QTRY_COMPARE(times.size(), 9);
    QVERIFY(times.last() - times.first() >= 8 * 25);
    QTRY_COMPARE(server.activeCount(), 9);
}

void tst_FeedEngine::statsReachSubscribersCoalesced()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FixedRandom random(0);
    FeedEngine engine(configFor(server.baseUrl(), 0), SystemClock::instance(), &random);
    QSignalSpy stats(&engine, &FeedEngine::statsChanged);
    engine.start();
    QTRY_COMPARE(server.activeCount(), 9);
    QTRY_VERIFY(stats.size() >= 9);
    for (int i = 0; i < 200; ++i)
        server.sendToAll(R"({"type":"queue_update","data":{"phases":[]}})");
    QTRY_COMPARE(engine.stats(u"queue"_s).messages, 200);
    QTRY_COMPARE(engine.stats(u"workflows"_s).messages, 200);
    // 200 messages (and 1600 copies on the other feeds' sockets) are not 1800 stat signals.
    QTRY_VERIFY(stats.size() < 200);
    QList<FeedStats> all = engine.allStats();
    QCOMPARE(all.size(), 9);
    // Workflows got queue snapshots: the queue's, handed over, not protocol errors.
    QCOMPARE(all.at(1).protocolErrors, 0);
    QCOMPARE(all.at(1).routedOut, 200);
}

void tst_FeedEngine::batchesCarryEveryEventAndTheNewestSnapshot()
{
    TestFeedServer server;
    server.setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[],"paused":false}})");
    QVERIFY(server.listen());
    ConfigOverrides o;
    o.server = server.baseUrl().toString();
    o.feeds = {u"queue"_s};
    FeedEngine engine(ConfigLoader::fromJson({}, o).config);
    QStringList order; // "batch" and "stats:<state>", as they were emitted
    QList<FeedEvent> events;
    QList<FeedSnapshot> snapshots;
    int mostSnapshotsOfOneFeedInABatch = 0;
    connect(&engine, &FeedEngine::batchReady, this,
            [&](const QList<FeedEvent> &e, const QList<FeedSnapshot> &s) {
                order << u"batch"_s;
                events += e;
                snapshots += s;
                QHash<QString, int> perFeed;
                for (const FeedSnapshot &snapshot : s)
                    mostSnapshotsOfOneFeedInABatch =
                        std::max(mostSnapshotsOfOneFeedInABatch, ++perFeed[snapshot.feedId]);
            });
    connect(&engine, &FeedEngine::statsChanged, this,
            [&](const FeedStats &s) { order << u"stats:"_s + Feed::stateName(s.state); });
    engine.start();
    QTRY_COMPARE(snapshots.size(), 1);

    // The events a state change follows reach the consumer before its stats do.
    const qsizetype statsAt = order.indexOf(u"stats:connected"_s);
    QVERIFY(statsAt > 0);
    QCOMPARE(order.at(statsAt - 1), u"batch"_s);
    const auto connectedEvent =
        std::find_if(events.cbegin(), events.cend(), [](const FeedEvent &e) {
            return e.event == "state"_L1 && e.fields.value("state"_L1) == "connected"_L1;
        });
    QVERIFY(connectedEvent != events.cend());

    // A burst of five: every one counted by the update events (a snapshot replaced before it
    // was decoded is counted by the one that replaced it), at most one snapshot per feed and
    // batch, the last one last.
    events.clear();
    snapshots.clear();
    for (int i = 1; i <= 5; ++i)
        server.sendToAll(
            u"{\"type\":\"queue_update\",\"data\":{\"phases\":[{\"queue_id\":\"q%1\"}]}}"_s.arg(i)
                .toUtf8());
    auto updates = [&] {
        int counted = 0;
        for (const FeedEvent &e : std::as_const(events)) {
            if (e.event == "update"_L1 && e.fields.value("changed"_L1).toBool())
                counted += 1 + e.fields.value("superseded"_L1).toInt();
        }
        return counted;
    };
    QTRY_COMPARE(updates(), 5);
    QTRY_VERIFY(!snapshots.isEmpty());
    QCOMPARE(mostSnapshotsOfOneFeedInABatch, 1);
    QVERIFY2(snapshots.size() < 5, "superseded snapshots must not cross to the consumer");
    QCOMPARE(snapshots.last().type, u"queue_update"_s);
    QCOMPARE(snapshots.last()
                 .data.toObject()
                 .value("phases"_L1)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value("queue_id"_L1),
             u"q5"_s);
    QCOMPARE(engine.stats(u"queue"_s).snapshots, 6);
}

void tst_FeedEngine::adwStateFeedsAtRunTime()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    ConfigOverrides o;
    o.server = server.baseUrl().toString();
    o.feeds = {u"queue"_s};
    FeedEngine engine(ConfigLoader::fromJson({}, o).config);
    QSignalSpy added(&engine, &FeedEngine::feedAdded);
    engine.start();
    QTRY_COMPARE(server.activeCount(), 1);
    engine.openFeed(u"nonsense"_s); // the profile has no such feed: nothing happens
    engine.openFeed(u"adw-state/a/b"_s);
    QCOMPARE(added.size(), 0);
    engine.openFeed(u"adw-state/abc123"_s);
    QCOMPARE(added.size(), 1);
    QCOMPARE(engine.feedIds().last(), u"adw-state/abc123"_s);
    QTRY_COMPARE(server.activeCount(), 2);
    QCOMPARE(server.requestPaths().last(), u"/api/v1/ws/adw-state/abc123"_s);
    engine.openFeed(u"adw-state/abc123"_s); // once only
    QCOMPARE(added.size(), 1);
    engine.removeFeed(u"adw-state/abc123"_s);
    QTRY_COMPARE(server.activeCount(), 1);
    QCOMPARE(engine.feedIds(), QStringList {u"queue"_s});
}

void tst_FeedEngine::manualControls()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FixedRandom random(0);
    FeedEngine engine(configFor(server.baseUrl(), 0), SystemClock::instance(), &random);
    engine.start();
    QTRY_COMPARE(server.activeCount(), 9);
    engine.stopFeed(u"routes"_s);
    QCOMPARE(engine.stats(u"routes"_s).state, Feed::State::Stopped);
    QTRY_COMPARE(server.activeCount(), 8);
    engine.startFeed(u"routes"_s);
    QTRY_COMPARE(server.activeCount(), 9);
    const int before = server.connectionCount();
    engine.reconnect(u"queue"_s);
    QTRY_COMPARE(server.connectionCount(), before + 1);
    QTRY_COMPARE(server.activeCount(), 9);
    engine.stopAll();
    QTRY_COMPARE(server.activeCount(), 0);
}

void tst_FeedEngine::networkGoesOfflineAndBack()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const QUrl base = server.baseUrl();
    server.close();
    ConfigOverrides o;
    o.server = base.toString();
    o.feeds = {u"queue"_s, u"workflows"_s, u"routes"_s};
    // The server is on loopback, which "offline" leaves alone by default (network.offline_pauses
    // public): this engine pauses all feeds, as it would for a remote backend.
    o.sets = {u"backoff.initial_ms=100000"_s, u"stagger.step_ms=40"_s,
              u"network.offline_pauses=all"_s};
    FeedEngine engine(ConfigLoader::fromJson({}, o).config);
    EventRecorder events(&engine);
    engine.start();
    QTRY_COMPARE(engine.stats(u"routes"_s).state, Feed::State::ReconnectWait);
    engine.setOnline(false);
    QCOMPARE(events.count(u"network"_s), 1);
    QVERIFY(events.last(u"network"_s).feed.isEmpty());
    for (const QString &id : o.feeds)
        QCOMPARE(engine.stats(id).state, Feed::State::Offline);
    QVERIFY(server.listen(base.port()));
    events.clear();
    engine.setOnline(true);
    QTRY_COMPARE(server.activeCount(), 3);
    // Back online, the feeds reconnect through the stagger, one step apart, not all at once.
    const QList<FeedEvent> attempts = events.ofKind(u"attempt"_s);
    QCOMPARE(attempts.size(), 3);
    QCOMPARE(attempts.first().feed, u"queue"_s);
    for (qsizetype i = 1; i < attempts.size(); ++i)
        QVERIFY2(attempts.at(i).wallMs - attempts.at(i - 1).wallMs >= 39,
                 qPrintable(QString::number(attempts.at(i).wallMs - attempts.at(i - 1).wallMs)));
}

void tst_FeedEngine::testConnectionReportsRtt()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FeedEngine engine(configFor(server.baseUrl(), 0));
    EventRecorder events(&engine);
    QSignalSpy results(&engine, &FeedEngine::testFinished);
    engine.testConnection(u"queue"_s);
    QTRY_COMPARE(results.size(), 1);
    const TestResult r = results.first().first().value<TestResult>();
    QVERIFY2(r.ok, qPrintable(r.error));
    // Measured, not Qt's whole milliseconds (which read 0 on loopback).
    QVERIFY2(r.rttMs > 0 && r.rttMs < 1000, qPrintable(QString::number(r.rttMs)));
    QCOMPARE(r.feedId, u"queue"_s);
    QCOMPARE(events.last(u"test_connection"_s).fields.value("ok"_L1).toBool(), true);
    engine.testConnection(u"nope"_s);
    QTRY_COMPARE(results.size(), 2);
    QVERIFY(!results.last().first().value<TestResult>().ok);
}

QTEST_GUILESS_MAIN(tst_FeedEngine)
#include "tst_feedengine.moc"
