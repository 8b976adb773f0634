// Broadcast routing and what the event stream says about each feed's table (SnapshotRouter), on
// its own and inside the engine against a loopback server that sends every feed on every socket.
#include "catalog/snapshotrouter.h"
#include "connection/feedconnection.h"
#include "connection/feedengine.h"
#include "eventrecorder.h"
#include "testfeedserver.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Config twoBackends()
{
    ConfigOverrides o;
    o.sets = {u"backends.prod.server=ws://127.0.0.1:1"_s,
              u"backends.staging.server=ws://127.0.0.1:2"_s};
    return ConfigLoader::fromJson({}, o).config;
}

QJsonValue data(const QString &sample)
{
    return QJsonDocument::fromJson(TestUtil::sample(sample)).object().value("data"_L1);
}

FeedEvent feedEvent(const QString &feed, const QString &kind, const QJsonObject &fields = {})
{
    return {0, feed, kind, fields};
}

} // namespace

class tst_SnapshotRouter : public QObject
{
    Q_OBJECT

private slots:
    void routesToTheFeedOfTheSameBackend();
    void unknownTypesAreIgnoredAndCounted();
    void ownSocketWinsWhenItDelivers();
    void aFeedWithoutItsSocketFollowsOneOther();
    void templateInstancesAreToldApartByTheirData();
    void inspectionGivesRowsAndProblems();
    void refusedFeedIsFilledFromAnotherSocket();
};

void tst_SnapshotRouter::routesToTheFeedOfTheSameBackend()
{
    const Config config = twoBackends();
    SnapshotRouter router;
    for (const FeedSpec &feed : config.feeds)
        router.addFeed(feed);
    const auto connected = [](const QString &) {
        return true;
    };
    const SnapshotRouter::Decision d =
        router.route(u"prod/queue"_s, u"workflows_update"_s, data(u"workflows"_s), connected);
    QCOMPARE(d.route, SnapshotRouter::Route::Apply);
    QCOMPARE(d.target, u"prod/workflows"_s); // never staging's
    const SnapshotRouter::Decision s =
        router.route(u"staging/routes"_s, u"workflows_update"_s, data(u"workflows"_s), connected);
    QCOMPARE(s.target, u"staging/workflows"_s);
    FeedStats stats;
    stats.feedId = u"prod/queue"_s;
    router.addTo(stats);
    QCOMPARE(stats.routedOut, 1);
    QCOMPARE(stats.ignored, 0);
}

void tst_SnapshotRouter::unknownTypesAreIgnoredAndCounted()
{
    ConfigOverrides o;
    o.feeds = {u"queue"_s, u"routes"_s};
    const Config config = ConfigLoader::fromJson({}, o).config;
    SnapshotRouter router;
    for (const FeedSpec &feed : config.feeds)
        router.addFeed(feed);
    const auto connected = [](const QString &) {
        return true;
    };
    // Not configured (workflows), not a feed at all (workflow_completed), no type.
    for (const QString &type : {u"workflows_update"_s, u"workflow_completed"_s, QString()})
        QCOMPARE(router.route(u"queue"_s, type, {}, connected).route,
                 SnapshotRouter::Route::Ignore);
    FeedStats stats;
    stats.feedId = u"queue"_s;
    router.addTo(stats);
    QCOMPARE(stats.ignored, 3);
    QCOMPARE(stats.routedOut, 0);
}

void tst_SnapshotRouter::ownSocketWinsWhenItDelivers()
{
    ConfigOverrides o;
    o.feeds = {u"queue"_s, u"workflows"_s, u"routes"_s};
    const Config config = ConfigLoader::fromJson({}, o).config;
    SnapshotRouter router;
    for (const FeedSpec &feed : config.feeds)
        router.addFeed(feed);
    const auto connected = [](const QString &) {
        return true;
    };
    const QJsonValue workflows = data(u"workflows"_s);
    // Before the workflows socket delivered anything, a copy on another socket is applied.
    QCOMPARE(router.route(u"queue"_s, u"workflows_update"_s, workflows, connected).route,
             SnapshotRouter::Route::Apply);
    router.observe(
        feedEvent(u"workflows"_s, u"update"_s, {{u"source"_s, u"ws"_s}, {u"changed"_s, false}}));
    // Now the broadcast's own copy is the one: the others are duplicates, whatever the order.
    QCOMPARE(router.route(u"queue"_s, u"workflows_update"_s, workflows, connected).route,
             SnapshotRouter::Route::Duplicate);
    QCOMPARE(router.route(u"routes"_s, u"workflows_update"_s, workflows, connected).route,
             SnapshotRouter::Route::Duplicate);
    // A routed update (or an HTTP one) does not prove the own socket delivers: after a
    // reconnect, copies count again, from the one socket followed so far.
    router.observe(feedEvent(u"workflows"_s, u"connected"_s));
    router.observe(feedEvent(u"workflows"_s, u"update"_s,
                             {{u"source"_s, u"ws"_s}, {u"routed"_s, u"queue"_s}}));
    QCOMPARE(router.route(u"queue"_s, u"workflows_update"_s, workflows, connected).route,
             SnapshotRouter::Route::Apply);
    QCOMPARE(router.route(u"routes"_s, u"workflows_update"_s, workflows, connected).route,
             SnapshotRouter::Route::Duplicate);
}

void tst_SnapshotRouter::aFeedWithoutItsSocketFollowsOneOther()
{
    // qc-metrics refused (HTTP 500): its snapshots come only from other sockets. Copies of one
    // broadcast arrive in any order across sockets; following one socket keeps them in order.
    ConfigOverrides o;
    o.feeds = {u"queue"_s, u"workflows"_s, u"qc-metrics"_s};
    const Config config = ConfigLoader::fromJson({}, o).config;
    SnapshotRouter router;
    for (const FeedSpec &feed : config.feeds)
        router.addFeed(feed);
    QSet<QString> up {u"queue"_s, u"workflows"_s};
    const auto connected = [&up](const QString &id) {
        return up.contains(id);
    };
    const QJsonObject v1 {{u"overall_score"_s, 1}};
    QCOMPARE(router.route(u"workflows"_s, u"qc_metrics_update"_s, v1, connected).route,
             SnapshotRouter::Route::Apply);
    QCOMPARE(router.route(u"queue"_s, u"qc_metrics_update"_s, v1, connected).route,
             SnapshotRouter::Route::Duplicate);
    QCOMPARE(router.route(u"workflows"_s, u"qc_metrics_update"_s, v1, connected).route,
             SnapshotRouter::Route::Apply);
    // The followed socket goes away: the next one that carries it is followed.
    up.remove(u"workflows"_s);
    QCOMPARE(router.route(u"queue"_s, u"qc_metrics_update"_s, v1, connected).route,
             SnapshotRouter::Route::Apply);
    router.routedApplied(u"qc-metrics"_s);
    FeedStats stats;
    stats.feedId = u"qc-metrics"_s;
    router.addTo(stats);
    QCOMPARE(stats.routedIn, 1);
}

void tst_SnapshotRouter::templateInstancesAreToldApartByTheirData()
{
    ConfigOverrides o;
    o.feeds = {u"queue"_s, u"adw-state/e5f6a7b8"_s, u"adw-state/a1b2c3d4"_s};
    const Config config = ConfigLoader::fromJson({}, o).config;
    QCOMPARE(config.feeds.size(), 3);
    SnapshotRouter router;
    for (const FeedSpec &feed : config.feeds)
        router.addFeed(feed);
    const auto connected = [](const QString &) {
        return true;
    };
    const SnapshotRouter::Decision d =
        router.route(u"queue"_s, u"adw_state_update"_s, data(u"adw-state-e5f6a7b8"_s), connected);
    QCOMPARE(d.route, SnapshotRouter::Route::Apply);
    QCOMPARE(d.target, u"adw-state/e5f6a7b8"_s);
    QCOMPARE(router
                 .route(u"queue"_s, u"adw_state_update"_s,
                        QJsonObject {{u"adw_id"_s, u"ffffffff"_s}}, connected)
                 .route,
             SnapshotRouter::Route::Ignore);
}

void tst_SnapshotRouter::inspectionGivesRowsAndProblems()
{
    ConfigOverrides o;
    o.feeds = {u"planned-features"_s};
    const Config config = ConfigLoader::fromJson({}, o).config;
    SnapshotRouter router;
    router.addFeed(config.feeds.first());
    const SnapshotRouter::Inspection ok =
        router.inspect(u"planned-features"_s, data(u"planned-features"_s));
    QCOMPARE(ok.rows, 5);
    QVERIFY(ok.problem.isNull());
    const FeedEvent update =
        feedEvent(u"planned-features"_s, u"update"_s,
                  {{u"type"_s, u"planned_features_update"_s}, {u"changed"_s, true}});
    const FeedEvent annotated = router.annotate(update);
    QCOMPARE(annotated.fields.value("rows"_L1).toInt(), 5);
    // The same event fields again: the same annotated object, not a new one.
    QCOMPARE(router.annotate(update).fields, annotated.fields);

    // What an older server sent: a bare array. The rows are not at /features.
    const QJsonArray bare {QJsonObject {{u"id"_s, 1}}, QJsonObject {{u"id"_s, 2}}};
    const SnapshotRouter::Inspection wrong = router.inspect(u"planned-features"_s, bare);
    QVERIFY(!wrong.problem.isNull());
    QCOMPARE(wrong.problem.path, u"/features"_s);
    QCOMPARE(wrong.problem.englishText(),
             u"expected an array (or an object of objects) at /features, got nothing there "
             "(data is an array)"_s);
    QCOMPARE(wrong.rows, 2); // the generic view shows what arrived
    // The example: the rows where an object came.
    const QJsonObject object {{u"features"_s, QJsonObject {{u"a"_s, 1}}}, {u"stats"_s, 2}};
    QCOMPARE(router.inspect(u"planned-features"_s, object).problem.englishText(),
             u"expected an array (or an object of objects) at /features, got an object with "
             "keys a"_s);
    FeedStats stats;
    stats.feedId = u"planned-features"_s;
    router.addTo(stats);
    QCOMPARE(stats.protocolErrors, 2);
    QVERIFY(stats.dataError.startsWith(u"expected an array"_s));
}

void tst_SnapshotRouter::refusedFeedIsFilledFromAnotherSocket()
{
    // The workflows socket cannot connect (nothing listens there); the queue socket carries the
    // server's workflows broadcast. The page gets it, once, marked as routed.
    TestFeedServer server;
    QVERIFY(server.listen());
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    const QJsonObject root {
        {u"server"_s, server.baseUrl().toString()},
        {u"feeds"_s,
         QJsonArray {u"queue"_s,
                     QJsonObject {{u"id"_s, u"workflows"_s},
                                  {u"url"_s, u"ws://127.0.0.1:%1/ws"_s.arg(deadPort)}}}}};
    ConfigOverrides o;
    o.sets = {u"backoff.initial_ms=60000"_s, u"backoff.max_ms=60000"_s};
    const ConfigResult config = ConfigLoader::fromJson(root, o);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedEngine engine(config.config);
    EventRecorder events(&engine);
    engine.start();
    QTRY_COMPARE(events.count(u"connected"_s), 1);
    QTRY_VERIFY(engine.stats(u"workflows"_s).state == Feed::State::ReconnectWait);

    const QByteArray workflows = TestUtil::sample(u"workflows"_s);
    server.sendToAll(workflows);
    server.sendToAll(workflows); // the server repeats identical snapshots
    QTRY_COMPARE(engine.stats(u"queue"_s).messages, 2);
    const QList<FeedEvent> updates = events.ofKind(u"update"_s);
    QCOMPARE(updates.size(), 1);
    QCOMPARE(updates.first().feed, u"workflows"_s);
    QCOMPARE(updates.first().fields.value("routed"_L1).toString(), u"queue"_s);
    QCOMPARE(updates.first().fields.value("rows"_L1).toInt(), 4);
    const QList<FeedStats> stats = engine.allStats();
    QCOMPARE(stats.at(0).routedOut, 2);
    QCOMPARE(stats.at(1).routedIn, 1);
    QCOMPARE(stats.at(1).rows, 4);
    QCOMPARE(events.count(u"protocol_error"_s), 0);
    engine.stopAll();
}

QTEST_GUILESS_MAIN(tst_SnapshotRouter)
#include "tst_snapshotrouter.moc"
