#include "connection/feedconnection.h"
#include "connection/feedengine.h"
#include "demoserver.h"
#include "eventrecorder.h"
#include "faultproxy.h"

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
};

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

    QTRY_COMPARE(engine.feed(u"queue"_s)->state(), Feed::State::CircuitOpen);
    QTRY_VERIFY(countUpdates(events, u"http"_s) >= 3);
    QVERIFY(engine.feed(u"queue"_s)->stats().degraded);
    QVERIFY(snapshots.size() >= 1); // the panel has data although the WebSocket never opened
    QCOMPARE(events.last(u"degraded"_s).fields.value("active"_L1).toBool(), true);

    proxy.setHttpRefusal(0);
    QTRY_COMPARE(engine.feed(u"queue"_s)->state(), Feed::State::Connected);
    QCOMPARE(events.last(u"degraded"_s).fields.value("active"_L1).toBool(), false);
    QVERIFY(!engine.feed(u"queue"_s)->stats().degraded);
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
}

QTEST_GUILESS_MAIN(tst_DegradedMode)
#include "tst_degradedmode.moc"
