// The Overview against a real engine and a loopback server: tiles from the profile's data, the
// connections tile, each tile opening its page, and coalesced, idle-cheap refreshes.
#include "connection/feedengine.h"
#include "dashboard/feedhub.h"
#include "overviewpanel.h"
#include "overviewtile.h"
#include "testfeedserver.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kQueue =
    R"({"type":"queue_update","data":{"total":3,"paused":true,"phases":[)"
    R"({"queue_id":"q1","status":"failed","phase_data":{"title":"Build the API"}},)"
    R"({"queue_id":"q2","status":"running","phase_data":{"title":"Write docs"}},)"
    R"({"queue_id":"q3","status":"running","phase_data":{"title":"Ship"}}]}})";

Config configFor(const QUrl &server)
{
    ConfigOverrides o;
    o.server = server.toString();
    o.feeds = {u"queue"_s};
    o.sets = {u"stagger.step_ms=0"_s, u"backoff.initial_ms=5000"_s, u"backoff.jitter=0"_s};
    ConfigResult r = ConfigLoader::fromJson({}, o);
    if (!r.ok())
        qFatal("bad test config: %s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}

// Backends of these names, each with the profile's nine feeds, on a port nothing listens on.
Config backendsConfig(const QStringList &names)
{
    QJsonObject backends;
    for (const QString &name : names)
        backends.insert(name, QJsonObject {{u"server"_s, u"ws://127.0.0.1:1"_s}});
    ConfigResult r = ConfigLoader::fromJson(QJsonObject {{u"backends"_s, backends}});
    if (!r.ok())
        qFatal("bad test config: %s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}

struct Rig
{
    explicit Rig(const Config &config)
        : engine(config)
        , hub(config)
    {
        hub.attach(&engine);
        engine.start();
        panel = std::make_unique<OverviewPanel>(&hub);
        panel->resize(1100, 700);
        panel->show();
    }
    ~Rig() { engine.stopAll(); }
    QString lines(const QString &key) const
    {
        return panel->tile(u"default"_s, key)->lines().join(u'\n');
    }
    FeedEngine engine;
    FeedHub hub;
    std::unique_ptr<OverviewPanel> panel;
};

} // namespace

class tst_OverviewPanel : public QObject
{
    Q_OBJECT

private slots:
    void tilesComeFromTheProfile();
    void connectionsTileCountsAndCountsDown();
    void everyTileOpensItsPage();
    void refreshesAreCoalescedAndIdleWhenHidden();
    void aChangeRedrawsOnlyTheTilesItTouches();
    void manyChangesAreRedrawnInShortPasses();
};

void tst_OverviewPanel::tilesComeFromTheProfile()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    server.setInitialSnapshot(kQueue);
    Rig rig(configFor(server.baseUrl()));
    QCOMPARE(rig.panel->tiles().size(), 3); // connections, queue, alerts
    QTRY_VERIFY2(rig.lines(u"queue"_s).contains(u"1 failed · 2 running"_s),
                 qPrintable(rig.lines(u"queue"_s) + rig.lines(u"connections"_s)));
    const QString queue = rig.lines(u"queue"_s);
    QVERIFY2(queue.contains(u"Queue paused"_s), qPrintable(queue));          // the profile's banner
    QVERIFY2(queue.contains(u"Total 3"_s), qPrintable(queue));               // its counter
    QVERIFY2(queue.contains(u"failed: Build the API"_s), qPrintable(queue)); // by name
    QVERIFY2(queue.startsWith(u"live"_s), qPrintable(queue));
    QCOMPARE(rig.panel->tile(u"default"_s, u"queue"_s)->title(), u"Queue"_s);
    // A failed row is the worst news on the tile: red, and said in words above.
    QCOMPARE(rig.panel->tile(u"default"_s, u"queue"_s)->tone(), StatusStyle::Tone::Bad);
}

void tst_OverviewPanel::connectionsTileCountsAndCountsDown()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    server.setInitialSnapshot(kQueue);
    Rig rig(configFor(server.baseUrl()));
    QTRY_VERIFY(rig.lines(u"connections"_s).contains(u"1/1 live"_s));
    QVERIFY(rig.lines(u"connections"_s).contains(u"worst quality"_s));
    server.close();
    QTRY_VERIFY(rig.lines(u"connections"_s).contains(u"0/1 live"_s));
    QTRY_VERIFY(rig.lines(u"connections"_s).contains(u"Queue: retry in"_s));
    QCOMPARE(rig.panel->tile(u"default"_s, u"connections"_s)->tone(), StatusStyle::Tone::Bad);
    // The countdown moves without any new stats: the page ticks while one is shown.
    const QString before = rig.lines(u"connections"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rig.lines(u"connections"_s) != before, 3000);
}

void tst_OverviewPanel::everyTileOpensItsPage()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    Rig rig(configFor(server.baseUrl()));
    QSignalSpy pages(rig.panel.get(), &OverviewPanel::pageRequested);
    QTest::mouseClick(rig.panel->tile(u"default"_s, u"queue"_s), Qt::LeftButton);
    OverviewTile *connections = rig.panel->tile(u"default"_s, u"connections"_s);
    connections->setFocus();
    QTest::keyClick(connections, Qt::Key_Return);
    QTest::keyClick(rig.panel->tile(u"default"_s, u"alerts"_s), Qt::Key_Space);
    QCOMPARE(pages.size(), 3);
    QCOMPARE(pages.at(0), (QList<QVariant> {u"default"_s, u"queue"_s}));
    QCOMPARE(pages.at(1), (QList<QVariant> {u"default"_s, u"connections"_s}));
    QCOMPARE(pages.at(2), (QList<QVariant> {u"default"_s, u"event-log"_s}));
}

void tst_OverviewPanel::refreshesAreCoalescedAndIdleWhenHidden()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    server.setInitialSnapshot(kQueue);
    Rig rig(configFor(server.baseUrl()));
    QTRY_VERIFY(rig.lines(u"queue"_s).contains(u"failed"_s));
    // A burst of 50 snapshots within a few milliseconds: one or two refreshes, not fifty.
    const int before = rig.panel->refreshCount();
    for (int i = 0; i < 50; ++i)
        server.sendToAll(
            QByteArray(kQueue).replace("\"total\":3", "\"total\":" + QByteArray::number(100 + i)));
    QTRY_VERIFY(rig.lines(u"queue"_s).contains(u"Total 149"_s));
    QVERIFY2(rig.panel->refreshCount() - before <= 4,
             qPrintable(QString::number(rig.panel->refreshCount() - before)));
    // Hidden, it does nothing however much arrives; shown again, it catches up at once.
    rig.panel->hide();
    QTest::qWait(2 * OverviewPanel::kRefreshMs);
    const int hidden = rig.panel->refreshCount();
    server.sendToAll(QByteArray(kQueue).replace("\"total\":3", "\"total\":7"));
    QTest::qWait(3 * OverviewPanel::kRefreshMs);
    QCOMPARE(rig.panel->refreshCount(), hidden);
    rig.panel->show();
    QCOMPARE(rig.panel->refreshCount(), hidden + 1);
    QVERIFY(rig.lines(u"queue"_s).contains(u"Total 7"_s));
}

// #17: with 60 backends x 8 feeds every pong changed a feed's stats, and each change redrew all
// 600 tiles (four times a second): two thirds of the dashboard's CPU with heartbeats only.
void tst_OverviewPanel::aChangeRedrawsOnlyTheTilesItTouches()
{
    FeedHub hub(backendsConfig({u"prod"_s, u"staging"_s}));
    OverviewPanel panel(&hub);
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const int tiles = int(panel.tiles().size());
    QCOMPARE(tiles, 2 * (1 + 9 + 1)); // per backend: connections, nine feeds, alerts
    panel.refreshNow();
    auto redrawnBy = [&](const std::function<void()> &change) {
        const int refreshes = panel.refreshCount();
        const int before = panel.tilesRefreshed();
        change();
        if (!QTest::qWaitFor([&] { return panel.refreshCount() > refreshes; }, 2000))
            return -1;
        return panel.tilesRefreshed() - before;
    };
    FeedStats stats = hub.stats(u"prod/queue"_s);
    stats.lastRttMs = 3.5;
    // A feed's stats: its tile and its backend's connections tile. The tile's link line is
    // redrawn; the lines from its data are read again only with new data.
    const int reads = panel.dataLinesRead();
    QCOMPARE(redrawnBy([&] { emit hub.statsChanged(stats); }), 2);
    QCOMPARE(panel.dataLinesRead(), reads);
    // Its data: its tile.
    QCOMPARE(redrawnBy([&] { emit hub.feedDataChanged(u"staging/routes"_s); }), 1);
    QCOMPARE(panel.dataLinesRead(), reads + 1);
    // Live counts: every backend's connections tile, no feed tile.
    QCOMPARE(redrawnBy([&] { emit hub.overallChanged(); }), 2);
    // An alert of a feed: its backend's alerts tile.
    const FeedEvent alert {QDateTime::currentMSecsSinceEpoch(), u"staging/queue"_s, u"alert"_s,
                           QJsonObject {{u"alert"_s, u"rule"_s},
                                        {u"state"_s, u"firing"_s},
                                        {u"message"_s, u"q1 failed"_s}}};
    QCOMPARE(redrawnBy([&] { emit hub.eventReceived(alert); }), 1);
    QVERIFY(panel.tile(u"staging"_s, u"alerts"_s)->lines().join(u' ').contains(u"q1 failed"_s));
    // Everything, when asked.
    QCOMPARE(redrawnBy([&] { panel.refreshNow(); }), tiles);
}

// #17: 480 busy feeds change ~60 tiles between two refreshes; redrawn in one event that was the
// GUI thread's longest (12 ms). A pass redraws at most kTilesPerPass tiles, the next follows.
void tst_OverviewPanel::manyChangesAreRedrawnInShortPasses()
{
    FeedHub hub(backendsConfig({u"a"_s, u"b"_s, u"c"_s}));
    OverviewPanel panel(&hub);
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.refreshNow();
    const int refreshes = panel.refreshCount();
    const int before = panel.tilesRefreshed();
    const QStringList feeds = hub.feedIds();
    QCOMPARE(feeds.size(), 27);
    QVERIFY(feeds.size() > OverviewPanel::kTilesPerPass);
    for (const QString &id : feeds)
        emit hub.feedDataChanged(id);
    QTRY_COMPARE(panel.tilesRefreshed() - before, 27);
    QCOMPARE(panel.refreshCount() - refreshes, 2); // 24, then 3
    QTest::qWait(2 * OverviewPanel::kRefreshMs);
    QCOMPARE(panel.refreshCount() - refreshes, 2); // and then nothing
}

QTEST_MAIN(tst_OverviewPanel)
#include "tst_overviewpanel.moc"
