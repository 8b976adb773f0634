#include "catalog/feeddefinition.h"
#include "catalog/jsonpath.h"
#include "connection/feedconnection.h"
#include "connection/feedengine.h"
#include "core/clock.h"
#include "demoserver.h"
#include "eventrecorder.h"
#include "faultproxy.h"
#include "httpstub.h"
#include "models/connectionsmodel.h"
#include "models/freshness.h"
#include "testfeedserver.h"
#include "testhttpserver.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
int countUpdates(const EventRecorder &events, const QString &source)
{
    int n = 0;
    for (const FeedEvent &e : events.ofKind(u"update"_s))
        n += e.fields.value("source"_L1).toString() == source ? 1 : 0;
    return n;
}
} // namespace

class tst_DegradedMode : public QObject
{
    Q_OBJECT

private slots:
    void circuitOpenPollsHttpUntilTheWebSocketIsBack();
    void snapshotUrlIsDerivedAndConfigurable();
    void demoRefuseSendsTheQueueOverHttp();
    void everyPollFailingIsNotDegradedData();
    void fallbackTimeoutAgainstAServerThatNeverAnswers();
    void pollsCarryTheToken();
    void firstPageComesOverHttpWhileTheWebSocketConnects();
    void profileSaysWhereEachFeedsHttpSnapshotIs();
    void httpRowsAreMovedWhereThePageReadsThem_data();
    void httpRowsAreMovedWhereThePageReadsThem();
};

namespace {
// Circuit opens after two failed attempts and stays open 700 ms; HTTP polls every 100 ms.
ConfigResult degradedConfig(const QString &server, const QString &feedJson,
                            const QString &extra = {})
{
    const QString text =
        u"{\"server\":\"%1\",\"feeds\":[%2],\"fallback\":{\"poll_ms\":100},"
        "\"circuit\":{\"failure_threshold\":2,\"open_ms\":700},"
        "\"backoff\":{\"initial_ms\":20,\"jitter\":0}%3}"_s.arg(server, feedJson, extra);
    return ConfigLoader::fromJson(QJsonDocument::fromJson(text.toUtf8()).object());
}

// A WebSocket whose handshake hangs (the feed stays connecting) and an HTTP stub answering
// `body`: what the HTTP-first GET brings is all the page gets.
struct HungSocketBesideHttp
{
    TestFeedServer server;
    FaultProxy proxy;
    TestHttpServer http;

    bool listen(const QByteArray &body)
    {
        if (!server.listen() || !proxy.listen(server.port()) || !http.listen())
            return false;
        proxy.setHandshakeHang(true);
        http.setResponse(200, body);
        return true;
    }
    FeedSpec spec(const QString &feed, const Settings &settings)
    {
        const BackendSpec backend {
            u"default"_s, proxy.wsUrl(QString()).adjusted(QUrl::RemovePath), {}};
        FeedSpec out = ConfigLoader::makeFeed(backend, feed, settings, false);
        out.snapshotUrl = http.url();
        return out;
    }
};
} // namespace

void tst_DegradedMode::circuitOpenPollsHttpUntilTheWebSocketIsBack()
{
    DemoServer demo;
    demo.setSeed(3);
    QVERIFY(demo.start(0));
    // The WebSocket path goes through a proxy that refuses upgrades; HTTP goes straight to the
    // backend, like a load balancer whose WebSocket route is broken.
    FaultProxy proxy;
    QVERIFY(proxy.listen(demo.port()));
    proxy.setHttpRefusal(503, false);
    const QJsonObject root =
        QJsonDocument::fromJson(
            u"{\"server\":\"ws://127.0.0.1:%1\",\"feeds\":[{\"id\":\"queue\",\"snapshot_url\":"
            "\"http://127.0.0.1:%2/api/v1/queue\"}],\"fallback\":{\"poll_ms\":100},"
            "\"circuit\":{\"failure_threshold\":2,\"open_ms\":700},"
            "\"backoff\":{\"initial_ms\":20,\"jitter\":0}}"_s.arg(proxy.port())
                .arg(demo.port())
                .toUtf8())
            .object();
    const ConfigResult config = ConfigLoader::fromJson(root);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedEngine engine(config.config);
    EventRecorder events(&engine);
    QSignalSpy snapshots(&engine, &FeedEngine::snapshotReceived);
    engine.start();

    QTRY_COMPARE(engine.stats(u"queue"_s).state, Feed::State::CircuitOpen);
    QTRY_VERIFY(countUpdates(events, u"http"_s) >= 3);
    QVERIFY(engine.stats(u"queue"_s).degraded);
    QVERIFY(snapshots.size() >= 1); // the panel has data although the WebSocket never opened
    QCOMPARE(events.last(u"degraded"_s).fields.value("active"_L1).toBool(), true);

    proxy.setHttpRefusal(0);
    QTRY_COMPARE(engine.stats(u"queue"_s).state, Feed::State::Connected);
    QCOMPARE(events.last(u"degraded"_s).fields.value("active"_L1).toBool(), false);
    QVERIFY(!engine.stats(u"queue"_s).degraded);
    const int httpUpdates = countUpdates(events, u"http"_s);
    QTest::qWait(400); // four poll intervals: polling must have stopped
    QCOMPARE(countUpdates(events, u"http"_s), httpUpdates);

    // Identical data never went downstream twice, whichever path brought it.
    int changed = 0;
    for (const FeedEvent &e : events.ofKind(u"update"_s))
        changed += e.fields.value("changed"_L1).toBool() ? 1 : 0;
    QCOMPARE(snapshots.size(), changed);
    qInfo("degraded mode: %d HTTP snapshots while the circuit was open, %d changed snapshots "
          "applied in all",
          httpUpdates, changed);
}

void tst_DegradedMode::snapshotUrlIsDerivedAndConfigurable()
{
    ConfigOverrides o;
    o.server = u"wss://backend.test:8443/base"_s;
    ConfigResult r = ConfigLoader::fromJson({}, o);
    QVERIFY(r.ok());
    QCOMPARE(r.config.feeds.first().snapshotUrl.toString(),
             u"https://backend.test:8443/base/api/v1/queue"_s);

    r = ConfigLoader::fromJson(
        QJsonDocument::fromJson(
            R"({"feeds":[{"id":"queue","snapshot_url":""},{"id":"routes","snapshot_url":"ftp://x"}]})")
            .object());
    QVERIFY(!r.ok());
    QVERIFY(r.errors.join(u' ').contains(u"snapshot_url"_s));
    r = ConfigLoader::fromJson(
        QJsonDocument::fromJson(R"({"feeds":[{"id":"queue","snapshot_url":""}]})").object());
    QVERIFY(r.ok());
    QVERIFY(r.config.feeds.first().snapshotUrl.isEmpty());

    // fallback.path, with {feed}; a feed's own snapshot_url still wins.
    r = ConfigLoader::fromJson(
        QJsonDocument::fromJson(
            R"({"server":"ws://h:1/base","fallback":{"path":"/snap/{feed}.json","timeout_ms":900},
                "feeds":["queue",{"id":"routes","snapshot_url":"http://other:2/r"},
                         {"id":"workflows","fallback":{"path":"/v2/wf"}}]})")
            .object());
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QHash<QString, FeedSpec> byId;
    for (const FeedSpec &f : std::as_const(r.config.feeds))
        byId.insert(f.id, f);
    QCOMPARE(byId.value(u"queue"_s).snapshotUrl.toString(), u"http://h:1/base/snap/queue.json"_s);
    QCOMPARE(byId.value(u"routes"_s).snapshotUrl.toString(), u"http://other:2/r"_s);
    QCOMPARE(byId.value(u"workflows"_s).snapshotUrl.toString(), u"http://h:1/base/v2/wf"_s);
    QCOMPARE(byId.value(u"queue"_s).settings.fallbackTimeoutMs, 900);
    QCOMPARE(r.config.settings.toJson().value("fallback"_L1).toObject().value("path"_L1).toString(),
             u"/snap/{feed}.json"_s);

    ConfigOverrides o2;
    o2.sets = {u"fallback.path=/x/{feed}"_s};
    r = ConfigLoader::fromJson({}, o2);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.config.feeds.first().snapshotUrl.path(), u"/x/queue"_s);

    for (const char *bad :
         {R"({"fallback":{"path":"api/v1/{feed}"}})", R"({"fallback":{"path":"http://h/{feed}"}})",
          R"({"fallback":{"path":42}})"}) {
        r = ConfigLoader::fromJson(QJsonDocument::fromJson(bad).object());
        QVERIFY2(!r.ok(), bad);
        QVERIFY2(r.errors.join(u' ').contains(u"fallback.path"_s), qPrintable(r.errors.join(u' ')));
    }
}

void tst_DegradedMode::demoRefuseSendsTheQueueOverHttp()
{
    // `refuse queue 503` in the demo breaks the WebSocket route only: once the circuit opens,
    // the queue keeps flowing over the backend's HTTP snapshot route.
    DemoServer demo;
    demo.setSeed(5);
    demo.setRate(20);
    QVERIFY(demo.start(0));
    const ConfigResult config = degradedConfig(demo.baseUrl().toString(), u"\"queue\""_s);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedEngine engine(config.config);
    EventRecorder events(&engine);
    engine.start();
    QTRY_COMPARE(engine.stats(u"queue"_s).state, Feed::State::Connected);
    Sim::FaultParams refuse;
    refuse.httpStatus = 503;
    demo.setFault(Sim::Fault::Refuse, u"queue"_s, refuse);
    demo.dropAll(u"queue"_s);
    QTRY_COMPARE(engine.stats(u"queue"_s).state, Feed::State::CircuitOpen);
    QTRY_COMPARE(engine.stats(u"queue"_s).fallback, Feed::Fallback::Delivering);
    const FeedStats stats = engine.stats(u"queue"_s);
    QCOMPARE(ConnectionsModel::stateText(stats), u"degraded (HTTP)"_s);
    QVERIFY(ConnectionsModel::fallbackText(stats).startsWith(
        u"degraded (HTTP): snapshots over HTTP"_s));
    QVERIFY(Freshness::of(stats, stats.lastPollOkWallMs)
                .text.startsWith(u"degraded (HTTP), last snapshot"_s));
    QCOMPARE(events.last(u"degraded"_s).fields.value("url"_L1).toString(),
             u"http://127.0.0.1:%1/api/v1/queue"_s.arg(demo.port()));
    // The data moves: the simulator ticks 20 times a second, HTTP brings the changes.
    const int changedBefore =
        int(std::count_if(events.events().begin(), events.events().end(), [](const FeedEvent &e) {
            return e.event == "update"_L1 && e.fields.value("source"_L1) == u"http"_s
                && e.fields.value("changed"_L1).toBool();
        }));
    QTRY_VERIFY(std::count_if(events.events().begin(), events.events().end(),
                              [](const FeedEvent &e) {
                                  return e.event == "update"_L1
                                      && e.fields.value("source"_L1) == u"http"_s
                                      && e.fields.value("changed"_L1).toBool();
                              })
                > changedBefore);
    demo.clearFault(Sim::Fault::Refuse);
    QTRY_COMPARE(engine.stats(u"queue"_s).state, Feed::State::Connected);
    QCOMPARE(engine.stats(u"queue"_s).fallback, Feed::Fallback::Off);
    QCOMPARE(ConnectionsModel::stateText(engine.stats(u"queue"_s)), u"connected"_s);
}

void tst_DegradedMode::everyPollFailingIsNotDegradedData()
{
    FaultProxy proxy; // the WebSocket path: refused
    HttpStub http(503, "{\"detail\":\"Service Unavailable\"}");
    QVERIFY(proxy.listen(http.url().port()));
    proxy.setHttpRefusal(503, false);
    const ConfigResult config =
        degradedConfig(u"ws://127.0.0.1:%1"_s.arg(proxy.port()),
                       u"{\"id\":\"queue\",\"snapshot_url\":\"%1\"}"_s.arg(http.url().toString()));
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedEngine engine(config.config);
    EventRecorder events(&engine);
    QSignalSpy snapshots(&engine, &FeedEngine::snapshotReceived);
    engine.start();
    QTRY_VERIFY(events.count(u"poll_error"_s) >= 2);
    const FeedStats stats = engine.stats(u"queue"_s);
    QVERIFY(stats.degraded);                           // polling is on...
    QCOMPARE(stats.fallback, Feed::Fallback::Failing); // ...and delivers nothing
    QCOMPARE(ConnectionsModel::stateText(stats), u"HTTP fallback failing"_s);
    QCOMPARE(ConnectionsModel::fallbackText(stats),
             u"HTTP fallback failing: %1: HTTP 503"_s.arg(http.url().toString()));
    const QString freshness = Freshness::of(stats, stats.downSinceWallMs).text;
    QVERIFY2(!freshness.contains(u"degraded"_s), qPrintable(freshness));
    QVERIFY2(freshness.contains(u"HTTP fallback failing"_s), qPrintable(freshness));
    QCOMPARE(snapshots.size(), 0);
    // The first good answer turns it into degraded data.
    http.setResponse(200, "{\"phases\":[],\"paused\":false}");
    QTRY_COMPARE(engine.stats(u"queue"_s).fallback, Feed::Fallback::Delivering);
    QCOMPARE(snapshots.size(), 1);
}

void tst_DegradedMode::fallbackTimeoutAgainstAServerThatNeverAnswers()
{
    HttpStub silent(0);
    const ConfigResult config = degradedConfig(
        u"ws://127.0.0.1:1"_s,
        u"{\"id\":\"queue\",\"snapshot_url\":\"%1\",\"fallback\":{\"timeout_ms\":250}}"_s.arg(
            silent.url().toString()));
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    QCOMPARE(config.config.feeds.first().settings.fallbackTimeoutMs, 250);
    QCOMPARE(config.config.feeds.first().settings.connectTimeoutMs, 5000); // no longer shared
    FeedEngine engine(config.config);
    EventRecorder events(&engine);
    engine.start();
    QTRY_COMPARE(events.count(u"poll_error"_s), 1);
    QCOMPARE(events.last(u"poll_error"_s).fields.value("error"_L1).toString(),
             u"%1: no answer within 250 ms (fallback.timeout_ms)"_s.arg(silent.url().toString()));
    QCOMPARE(engine.stats(u"queue"_s).fallback, Feed::Fallback::Failing);
    QVERIFY(!silent.heads().isEmpty()); // it was asked
}

void tst_DegradedMode::pollsCarryTheToken()
{
    HttpStub http;
    const ConfigResult config = degradedConfig(
        u"ws://127.0.0.1:1"_s,
        u"{\"id\":\"queue\",\"snapshot_url\":\"%1\"}"_s.arg(http.url().toString()),
        u",\"auth\":{\"token\":\"tok-123\",\"mode\":\"query\",\"query_param\":\"key\"}"_s);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedEngine engine(config.config);
    EventRecorder events(&engine);
    engine.start();
    QTRY_VERIFY(!http.heads().isEmpty());
    QVERIFY2(http.heads().first().startsWith("GET /api/v1/queue?key=tok-123 HTTP/1.1"),
             http.heads().first().constData());
    QTRY_COMPARE(engine.stats(u"queue"_s).fallback, Feed::Fallback::Delivering);
    // Neither the event stream nor the stats show it.
    QVERIFY(!events.jsonLines().contains("tok-123"));
    QVERIFY(!engine.stats(u"queue"_s).lastError.contains(u"tok-123"_s));
}

QTEST_GUILESS_MAIN(tst_DegradedMode)
// HTTP first: a handshake that hangs does not leave the page empty. One GET at start fills it
// (and the page says so); it is not polling: no `degraded` event, no second request.
void tst_DegradedMode::firstPageComesOverHttpWhileTheWebSocketConnects()
{
    HungSocketBesideHttp rig;
    QVERIFY(rig.listen(R"({"phases":[{"queue_id":"q1"}],"total":1})"));
    TestHttpServer &http = rig.http;
    Settings s;
    s.fallbackPollMs = 100;
    const FeedSpec spec = rig.spec(u"queue"_s, s);
    ManualClock clock; // the connect timeout never fires: the WebSocket stays connecting
    FixedRandom random(0);
    FeedConnection feed(spec, &clock, &random);
    EventRecorder events(&feed);
    QSignalSpy snapshots(&feed, &FeedConnection::snapshotReceived);
    feed.start();
    QTRY_COMPARE(snapshots.size(), 1);
    QCOMPARE(feed.state(), Feed::State::Connecting);
    QCOMPARE(events.last(u"update"_s).fields.value("source"_L1).toString(), u"http"_s);
    QCOMPARE(events.count(u"degraded"_s), 0);
    const FeedStats stats = feed.stats();
    QCOMPARE(stats.dataSource, u"http"_s);
    QCOMPARE(stats.fallback, Feed::Fallback::Off);
    const QString text = Freshness::of(stats, clock.wallMs()).text;
    QVERIFY2(text.contains(u"showing the HTTP snapshot of"_s), qPrintable(text));
    // Three poll intervals later, still the one request: it was not polling.
    QTest::qWait(3 * s.fallbackPollMs);
    QCOMPARE(http.requests().size(), 1);
}

void tst_DegradedMode::profileSaysWhereEachFeedsHttpSnapshotIs()
{
    // The real backend (tac-webbuilder 086712bb): GET /api/v1/routes is {"routes": [...],
    // "total": n} where the WebSocket sends the array; /api/v1/planned-features answers 307 to
    // its slashed path and a bare array where the WebSocket sends {"features": [...]};
    // /api/v1/webhook-status and /api/v1/adw-state/<id> are 404 (no HTTP twin).
    ConfigOverrides o;
    o.server = u"ws://backend.test:8000"_s;
    const ConfigResult r = ConfigLoader::fromJson({}, o);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QHash<QString, FeedSpec> byId;
    for (const FeedSpec &f : std::as_const(r.config.feeds))
        byId.insert(f.id, f);
    QCOMPARE(byId.value(u"routes"_s).snapshotUrl.toString(),
             u"http://backend.test:8000/api/v1/routes"_s);
    QCOMPARE(byId.value(u"planned-features"_s).snapshotUrl.toString(),
             u"http://backend.test:8000/api/v1/planned-features/"_s);
    QVERIFY(byId.contains(u"webhook-status"_s));
    QVERIFY(byId.value(u"webhook-status"_s).snapshotUrl.isEmpty());
    QCOMPARE(byId.value(u"queue"_s).snapshotUrl.toString(),
             u"http://backend.test:8000/api/v1/queue"_s);
    const BackendSpec backend {u"default"_s, QUrl(u"ws://backend.test:8000"_s), {}};
    QVERIFY(ConfigLoader::makeFeed(backend, u"adw-state/e5f6a7b8"_s, Settings(), false)
                .snapshotUrl.isEmpty());

    // A profile's own feed: "http" is checked like the rest of the entry.
    QStringList errors;
    const QJsonObject bad = QJsonDocument::fromJson(
                                R"({"name": "jobs", "rows": "/items", "columns": [{"field": "id"}],
                                    "http": {"path": "api/jobs", "rows": 3, "extra": 1}})")
                                .object();
    FeedDefinition::fromJson(bad, {}, u"feeds[0]"_s, &errors);
    const QString text = errors.join(u'\n');
    QVERIFY2(text.contains(u"feeds[0].http.path: must start with /"_s), qPrintable(text));
    QVERIFY2(text.contains(u"feeds[0].http.rows"_s), qPrintable(text));
    QVERIFY2(text.contains(u"feeds[0].http.extra: unknown key"_s), qPrintable(text));
    errors.clear();
    FeedDefinition::fromJson(QJsonObject {{u"name"_s, u"jobs"_s}, {u"http"_s, u"yes"_s}}, {},
                             u"feeds[1]"_s, &errors);
    QVERIFY2(errors.join(u' ').contains(u"feeds[1].http: expected false"_s),
             qPrintable(errors.join(u' ')));
}

void tst_DegradedMode::httpRowsAreMovedWhereThePageReadsThem_data()
{
    QTest::addColumn<QString>("feed");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("rowsAt"); // where the page reads the rows; empty: an error
    QTest::addColumn<QString>("error");
    QTest::newRow("routes: object to array")
        << u"routes"_s << QByteArray(R"({"routes":[{"method":"GET","path":"/a"}],"total":1})")
        << u""_s << QString();
    QTest::newRow("planned-features: array to object")
        << u"planned-features"_s << QByteArray(R"([{"id":1,"title":"x"}])") << u"/features"_s
        << QString();
    QTest::newRow("queue: same shape")
        << u"queue"_s << QByteArray(R"({"phases":[{"queue_id":"q1"}],"total":1})") << u"/phases"_s
        << QString();
    QTest::newRow("routes: body without its rows")
        << u"routes"_s << QByteArray(R"({"items":[],"total":0})") << QString()
        << u"the HTTP snapshot has nothing at /routes"_s;
}

void tst_DegradedMode::httpRowsAreMovedWhereThePageReadsThem()
{
    QFETCH(QString, feed);
    QFETCH(QByteArray, body);
    QFETCH(QString, rowsAt);
    QFETCH(QString, error);
    HungSocketBesideHttp rig;
    QVERIFY(rig.listen(body));
    const FeedSpec spec = rig.spec(feed, Settings());
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection connection(spec, &clock, &random);
    EventRecorder events(&connection);
    QSignalSpy snapshots(&connection, &FeedConnection::snapshotReceived);
    connection.start();
    if (!error.isEmpty()) {
        QTRY_COMPARE(events.count(u"poll_error"_s), 1);
        QCOMPARE(events.last(u"poll_error"_s).fields.value("error"_L1).toString(), error);
        QCOMPARE(snapshots.size(), 0);
        return;
    }
    QTRY_COMPARE(snapshots.size(), 1);
    const QJsonValue data = snapshots.first().at(2).value<QJsonValue>();
    QCOMPARE(spec.definition().schema.rows, rowsAt);
    const QJsonValue rows = JsonPath::at(data, rowsAt);
    QVERIFY2(
        rows.isArray() && rows.toArray().size() == 1,
        QJsonDocument(QJsonObject {{u"data"_s, data}}).toJson(QJsonDocument::Compact).constData());
    QCOMPARE(events.count(u"poll_error"_s), 0);
}

#include "tst_degradedmode.moc"
