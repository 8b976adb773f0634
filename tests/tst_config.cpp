#include "config/config.h"
#include "testutil.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Config : public QObject
{
    Q_OBJECT

private slots:
    void defaultsGiveTheProfilesFeedsInOrder();
    void fileKeysAndOverrides();
    void setOverridesFile();
    void setReachesBackendsAndFeeds();
    void serverOverridesASingleNamedBackend();
    void badInput_data();
    void badInput();
    void perFeedOverridesAndCustomFeeds();
    void severalBackendsPrefixIds();
    void feedsSubset();
    void authModes();
    void badFileIsNotOverwritten();
};

void tst_Config::defaultsGiveTheProfilesFeedsInOrder()
{
    // The default profile's nine feeds (adw-state/{adw_id} opens from a row).
    const ConfigResult r = ConfigLoader::fromJson({});
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.config.feeds.size(), 9);
    QCOMPARE(r.config.feeds.first().id, u"queue"_s);
    QCOMPARE(r.config.feeds.first().url.toString(), u"ws://127.0.0.1:8002/api/v1/ws/queue"_s);
    QCOMPARE(r.config.feeds.at(2).messageType, u"system_status_update"_s);
    QCOMPARE(r.config.feeds.last().id, u"qc-metrics"_s);
    QCOMPARE(r.config.settings.backoffInitialMs, 1000);
    QCOMPARE(r.config.settings.circuitFailureThreshold, 10);
    QCOMPARE(r.config.settings.maxMessageBytes, qint64(16 * 1024 * 1024));
}

void tst_Config::fileKeysAndOverrides()
{
    const QJsonObject root = QJsonDocument::fromJson(R"({
        "server": "ws://example.test:9000/base",
        "backoff": {"initial_ms": 250, "jitter": 0},
        "heartbeat": {"interval_ms": 1000}
    })")
                                 .object();
    const ConfigResult r = ConfigLoader::fromJson(root);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.config.settings.backoffInitialMs, 250);
    QCOMPARE(r.config.settings.backoffJitter, 0.0);
    QCOMPARE(r.config.feeds.first().settings.heartbeatIntervalMs, 1000);
    QCOMPARE(r.config.feeds.first().url.toString(),
             u"ws://example.test:9000/base/api/v1/ws/queue"_s);
}

void tst_Config::setOverridesFile()
{
    ConfigOverrides o;
    o.sets = {u"backoff.max_ms=5000"_s, u"circuit.failure_threshold=3"_s};
    o.server = u"wss://secure.test"_s;
    const ConfigResult r = ConfigLoader::fromJson({}, o);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.config.feeds.first().settings.backoffMaxMs, 5000);
    QCOMPARE(r.config.feeds.first().settings.circuitFailureThreshold, 3);
    QCOMPARE(r.config.feeds.first().url.scheme(), u"wss"_s);
}

// --set takes any key of the file: a backend's server or settings, a feed's settings or fields.
void tst_Config::setReachesBackendsAndFeeds()
{
    const QJsonObject root = QJsonDocument::fromJson(R"({
        "backends": {"prod": {"server": "ws://prod.test:1"},
                     "staging": {"server": "ws://staging.test:2", "feeds": ["queue", "routes"]}}
    })")
                                 .object();
    ConfigOverrides o;
    o.sets = {u"backends.prod.server=wss://prod.test:443"_s,
              u"backends.staging.backoff.max_ms=4000"_s,
              u"backends.staging.feeds.routes.priority=0"_s,
              u"backends.staging.feeds.queue.heartbeat.interval_ms=2000"_s,
              u"feeds.workflows.circuit.failure_threshold=3"_s};
    const ConfigResult r = ConfigLoader::fromJson(root, o);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    auto feed = [&](const QString &id) {
        for (const FeedSpec &f : r.config.feeds) {
            if (f.id == id)
                return f;
        }
        return FeedSpec();
    };
    QCOMPARE(feed(u"prod/queue"_s).url.toString(), u"wss://prod.test:443/api/v1/ws/queue"_s);
    QCOMPARE(feed(u"prod/workflows"_s).settings.circuitFailureThreshold, 3);
    QCOMPARE(feed(u"prod/queue"_s).settings.circuitFailureThreshold, 10);
    QCOMPARE(feed(u"staging/queue"_s).settings.backoffMaxMs, 4000);
    QCOMPARE(feed(u"staging/queue"_s).settings.heartbeatIntervalMs, 2000);
    QCOMPARE(feed(u"staging/routes"_s).settings.heartbeatIntervalMs, 5000);
    QCOMPARE(r.config.feeds.first().id, u"staging/routes"_s); // priority 0 comes first
    // The staging feed list is still its own two feeds; nothing was added by the overrides.
    int staging = 0;
    for (const FeedSpec &f : r.config.feeds)
        staging += f.backend == u"staging"_s;
    QCOMPARE(staging, 2);

    for (const QString &bad :
         {u"backends.prod.nope=1"_s, u"feeds.queue.backoff.nope=1"_s,
          u"feeds.queue.priority=high"_s, u"backends.prod.feeds.queue.x=1"_s}) {
        ConfigOverrides wrong;
        wrong.sets = {bad};
        const ConfigResult failed = ConfigLoader::fromJson(root, wrong);
        QVERIFY2(!failed.ok(), qPrintable(bad));
        QVERIFY2(failed.errors.join(u'\n').contains(bad.section(u'=', 0, 0)),
                 qPrintable(failed.errors.join(u'\n')));
    }
}

// --demo works by --server: a config with one named backend must not win over it silently.
void tst_Config::serverOverridesASingleNamedBackend()
{
    const QJsonObject root =
        QJsonDocument::fromJson(R"({"backends": {"prod": {"server": "ws://127.0.0.1:1"}}})")
            .object();
    ConfigOverrides o;
    o.server = u"ws://127.0.0.1:4242"_s;
    const ConfigResult r = ConfigLoader::fromJson(root, o);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.config.feeds.first().url.port(), 4242);
    QCOMPARE(r.config.backends.first().name, u"prod"_s);
}

void tst_Config::badInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("sets");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("mentions");
    const QStringList none;
    QTest::newRow("unknown group")
        << QByteArray(R"({"bakoff":{"initial_ms":1}})") << none << QString() << u"bakoff"_s;
    QTest::newRow("unknown leaf") << QByteArray(R"({"backoff":{"inital_ms":1}})") << none
                                  << QString() << u"backoff.inital_ms"_s;
    QTest::newRow("string for number")
        << QByteArray(R"({"backoff":{"max_ms":"x"}})") << none << QString() << u"backoff.max_ms"_s;
    QTest::newRow("out of range") << QByteArray(R"({"backoff":{"jitter":2}})") << none << QString()
                                  << u"backoff.jitter"_s;
    QTest::newRow("fractional int") << QByteArray(R"({"circuit":{"open_ms":1.5}})") << none
                                    << QString() << u"circuit.open_ms"_s;
    QTest::newRow("tiers not rising")
        << QByteArray(R"({"quality":{"good_ms":50}})") << none << QString() << u"quality"_s;
    QTest::newRow("--set unknown")
        << QByteArray("{}") << QStringList {u"nope.key=1"_s} << QString() << u"nope.key"_s;
    QTest::newRow("--set not a number") << QByteArray("{}") << QStringList {u"backoff.max_ms=abc"_s}
                                        << QString() << u"backoff.max_ms"_s;
    QTest::newRow("--set without =")
        << QByteArray("{}") << QStringList {u"backoff.max_ms"_s} << QString() << u"key=value"_s;
    QTest::newRow("http URL") << QByteArray("{}") << none << u"http://host"_s << u"ws://"_s;
    QTest::newRow("no host") << QByteArray("{}") << none << u"ws://"_s << u"server"_s;
    QTest::newRow("feeds not array")
        << QByteArray(R"({"feeds":5})") << none << QString() << u"feeds"_s;
    QTest::newRow("feed twice") << QByteArray(R"({"feeds":["queue","queue"]})") << none << QString()
                                << u"twice"_s;
    QTest::newRow("bad auth mode") << QByteArray(R"({"auth":{"token":"t","mode":"cookie"}})")
                                   << none << QString() << u"auth.mode"_s;
}

void tst_Config::badInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, sets);
    QFETCH(QString, server);
    QFETCH(QString, mentions);
    ConfigOverrides o;
    o.sets = sets;
    o.server = server;
    const ConfigResult r = ConfigLoader::fromJson(QJsonDocument::fromJson(json).object(), o);
    QVERIFY(!r.ok());
    QVERIFY2(r.errors.join(u'\n').contains(mentions), qPrintable(r.errors.join(u'\n')));
}

void tst_Config::perFeedOverridesAndCustomFeeds()
{
    const QJsonObject root = QJsonDocument::fromJson(R"({
        "feeds": [
            {"id": "workflows", "priority": 0, "backoff": {"max_ms": 2000}},
            "queue",
            {"id": "metrics", "url": "ws://other.test:1/m", "message_type": "metrics_update",
             "priority": 9}
        ]
    })")
                                 .object();
    const ConfigResult r = ConfigLoader::fromJson(root);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.config.feeds.size(), 3);
    QCOMPARE(r.config.feeds.at(0).id, u"workflows"_s);
    QCOMPARE(r.config.feeds.at(0).settings.backoffMaxMs, 2000);
    QCOMPARE(r.config.feeds.at(1).settings.backoffMaxMs, 30000);
    QCOMPARE(r.config.feeds.at(2).url.toString(), u"ws://other.test:1/m"_s);
    QCOMPARE(r.config.feeds.at(2).messageType, u"metrics_update"_s);
}

void tst_Config::severalBackendsPrefixIds()
{
    const QJsonObject root = QJsonDocument::fromJson(R"({
        "backends": {
            "prod": {"server": "wss://prod.test", "auth": {"token": "p"}},
            "staging": {"server": "ws://staging.test:8002", "feeds": ["queue"],
                        "heartbeat": {"interval_ms": 2000}}
        }
    })")
                                 .object();
    const ConfigResult r = ConfigLoader::fromJson(root);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.config.backends.size(), 2);
    QCOMPARE(r.config.feeds.size(), 10); // prod: the profile's nine; staging: queue
    QStringList ids;
    for (const FeedSpec &f : r.config.feeds)
        ids << f.id;
    QVERIFY(ids.contains(u"prod/queue"_s));
    QVERIFY(ids.contains(u"staging/queue"_s));
    QVERIFY(!ids.contains(u"queue"_s));
    for (const FeedSpec &f : r.config.feeds) {
        if (f.id == "staging/queue"_L1) {
            QCOMPARE(f.settings.heartbeatIntervalMs, 2000);
            QCOMPARE(f.auth.mode, AuthSpec::Mode::None);
        }
        if (f.id == "prod/queue"_L1)
            QCOMPARE(f.auth.token, u"p"_s);
    }
}

void tst_Config::feedsSubset()
{
    ConfigOverrides o;
    o.feeds = {u"system-status"_s, u"queue"_s, u"adw-state/42"_s};
    ConfigResult r = ConfigLoader::fromJson({}, o);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.config.feeds.size(), 3);
    QCOMPARE(r.config.feeds.at(0).id, u"queue"_s); // still priority order
    QCOMPARE(r.config.feeds.at(2).messageType, u"adw_state_update"_s);

    o.feeds = {u"nonsense"_s};
    r = ConfigLoader::fromJson({}, o);
    QVERIFY(!r.ok());
    QVERIFY(r.errors.join(u' ').contains(u"nonsense"_s));
}

void tst_Config::authModes()
{
    const ConfigResult r = ConfigLoader::fromJson(
        QJsonDocument::fromJson(R"({"auth":{"token":"s3cret","mode":"query","query_param":"t"}})")
            .object());
    QVERIFY(r.ok());
    QCOMPARE(r.config.feeds.first().auth.mode, AuthSpec::Mode::Query);
    QCOMPARE(r.config.feeds.first().auth.queryParam, u"t"_s);
    // The token never becomes part of the feed's URL (which is logged).
    QVERIFY(!r.config.feeds.first().url.toString().contains(u"s3cret"_s));
}

void tst_Config::badFileIsNotOverwritten()
{
    QTemporaryDir dir;
    const QByteArray broken = "{ \"backoff\": { \"initial_ms\": 5, }";
    const QString path = TestUtil::writeFile(dir, u"feedwatch.json"_s, broken);
    const ConfigResult r = ConfigLoader::load(path);
    QVERIFY(!r.ok());
    QVERIFY(r.errors.first().contains(u"invalid JSON"_s));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), broken);

    const ConfigResult missing = ConfigLoader::load(dir.filePath(u"nope.json"_s));
    QVERIFY(!missing.ok());
    QVERIFY(missing.errors.first().contains(u"cannot read"_s));
}

QTEST_GUILESS_MAIN(tst_Config)
#include "tst_config.moc"
