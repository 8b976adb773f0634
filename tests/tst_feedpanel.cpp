#include "connection/feedengine.h"
#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "feedpages.h"
#include "feedpanel.h"
#include "i18n.h"
#include "models/feedfilterproxymodel.h"
#include "models/feedtablemodel.h"
#include "testfeedserver.h"

#include <QComboBox>
#include <QDateTime>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QByteArray kQueue = R"({"type":"queue_update","data":{"paused":false,"phases":[
    {"queue_id":"q-1","parent_issue":7,"phase_number":1,"status":"running",
     "phase_data":{"title":"Plan"}},
    {"queue_id":"q-2","parent_issue":7,"phase_number":2,"status":"queued",
     "phase_data":{"title":"Build"}}]}})";
const QByteArray kQueuePaused = R"({"type":"queue_update","data":{"paused":true,"phases":[
    {"queue_id":"q-1","parent_issue":7,"phase_number":1,"status":"running",
     "phase_data":{"title":"Plan"}}]}})";

// One queue feed against a loopback server: the real engine and hub, no mocks.
struct Rig
{
    TestFeedServer server;
    std::unique_ptr<FeedHub> hub;
    std::unique_ptr<FeedEngine> engine;
    std::unique_ptr<FeedPanel> panel;

    bool start(const QByteArray &snapshot, int backoffMs = 20000)
    {
        server.setInitialSnapshot(snapshot);
        if (!server.listen())
            return false;
        ConfigOverrides o;
        o.server = server.baseUrl().toString();
        o.feeds = {u"queue"_s};
        o.sets = {u"backoff.initial_ms=%1"_s.arg(backoffMs), u"backoff.max_ms=60000"_s,
                  u"backoff.jitter=0"_s, u"heartbeat.interval_ms=200"_s};
        const ConfigResult config = ConfigLoader::fromJson({}, o);
        if (!config.ok())
            return false;
        hub = std::make_unique<FeedHub>(config.config);
        engine = std::make_unique<FeedEngine>(config.config);
        hub->attach(engine.get());
        panel.reset(FeedPages::create(hub.get(), u"queue"_s, u"queue"_s));
        panel->resize(900, 500);
        panel->show();
        engine->start();
        return true;
    }
};

int secondsIn(const QString &text)
{
    const QRegularExpressionMatch m = QRegularExpression(u"in (\\d+) s"_s).match(text);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}
} // namespace

class tst_FeedPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void waitsForTheFirstSnapshot();
    void showsRowsFromARealSnapshot();
    void firstSnapshotIsNeverShownStale();
    void greysOutAndSaysStaleSinceWhenTheFeedDrops();
    void countdownMovesWithTime();
    void pausedBannerFollowsTheQueueMeta();
    void filtersByTextAndStatus();
};

void tst_FeedPanel::initTestCase()
{
    // What the app installs for English: the plural forms of "%n phase(s)".
    QVERIFY(I18n::install(qApp, QLocale(QLocale::English)));
}

void tst_FeedPanel::waitsForTheFirstSnapshot()
{
    ConfigOverrides o;
    o.feeds = {u"queue"_s};
    FeedHub hub(ConfigLoader::fromJson({}, o).config);
    FeedPanel panel(&hub, u"queue"_s, u"Queue"_s);
    QCOMPARE(panel.overlayText(), u"Waiting for the first snapshot…"_s);
    QVERIFY(!panel.showsLive());
    QVERIFY(panel.freshnessText().startsWith(u"no data"_s));
    QVERIFY(!panel.isGreyedOut()); // nothing to grey yet; the overlay says why it is empty
    QCOMPARE(panel.countText(), QString());
}

void tst_FeedPanel::showsRowsFromARealSnapshot()
{
    Rig rig;
    QVERIFY(rig.start(kQueue));
    FeedPanel *panel = rig.panel.get();
    QTRY_COMPARE(panel->model()->rowCount(), 2);
    QTRY_VERIFY(panel->showsLive());
    QCOMPARE(panel->freshnessText(), u"live"_s);
    QVERIFY(!panel->isGreyedOut());
    QCOMPARE(panel->overlayText(), QString());
    QCOMPARE(panel->countText(), u"2 phases"_s);
    QCOMPARE(panel->bannerText(), QString());
    const QModelIndex title =
        panel->proxy()->index(0, panel->model()->columnIndex(u"phase_data.title"_s));
    QCOMPARE(title.data().toString(), u"Plan"_s);
}

void tst_FeedPanel::firstSnapshotIsNeverShownStale()
{
    // The engine coalesces stats, but a state change must overtake the snapshot behind it.
    Rig rig;
    QVERIFY(rig.start(kQueue));
    FeedPanel *panel = rig.panel.get();
    QList<bool> liveAtData;
    QList<bool> greyAtData;
    connect(rig.hub.get(), &FeedHub::feedDataChanged, this, [&] {
        liveAtData << panel->showsLive();
        greyAtData << panel->isGreyedOut();
    });
    QTRY_COMPARE(liveAtData.size(), 1);
    QCOMPARE(liveAtData, QList<bool> {true});
    QCOMPARE(greyAtData, QList<bool> {false});
}

void tst_FeedPanel::greysOutAndSaysStaleSinceWhenTheFeedDrops()
{
    Rig rig;
    QVERIFY(rig.start(kQueue));
    FeedPanel *panel = rig.panel.get();
    QTRY_VERIFY(panel->showsLive());
    QTRY_COMPARE(panel->model()->rowCount(), 2);

    rig.server.close(); // aborts every link and refuses new ones
    QTRY_VERIFY(!panel->showsLive());
    QVERIFY(panel->isGreyedOut());
    QVERIFY2(panel->freshnessText().startsWith(u"stale since "_s),
             qPrintable(panel->freshnessText()));
    QCOMPARE(panel->overlayText(), u"Not live — showing the last data received"_s);
    // The last good rows stay, greyed, rather than vanishing.
    QCOMPARE(panel->model()->rowCount(), 2);
}

void tst_FeedPanel::countdownMovesWithTime()
{
    Rig rig;
    QVERIFY(rig.start(kQueue, 20000));
    FeedPanel *panel = rig.panel.get();
    ManualClock clock(0, QDateTime::currentMSecsSinceEpoch());
    panel->setClock(&clock);
    QTRY_VERIFY(panel->showsLive());
    rig.server.abortAll();
    rig.server.close();
    QTRY_VERIFY2(panel->freshnessText().contains(u"reconnecting in"_s),
                 qPrintable(panel->freshnessText()));
    const int before = secondsIn(panel->freshnessText());
    QVERIFY2(before >= 10 && before <= 61, qPrintable(panel->freshnessText()));
    clock.advance(5000);
    panel->refresh();
    QCOMPARE(secondsIn(panel->freshnessText()), before - 5);
}

void tst_FeedPanel::pausedBannerFollowsTheQueueMeta()
{
    Rig rig;
    QVERIFY(rig.start(kQueuePaused));
    FeedPanel *panel = rig.panel.get();
    QTRY_COMPARE(panel->bannerText(), u"Queue paused — new phases are not started"_s);
    QCOMPARE(panel->countText(), u"1 phase"_s);
    rig.server.sendToAll(kQueue);
    QTRY_COMPARE(panel->bannerText(), QString());
    QTRY_COMPARE(panel->countText(), u"2 phases"_s);
}

void tst_FeedPanel::filtersByTextAndStatus()
{
    Rig rig;
    QVERIFY(rig.start(kQueue));
    FeedPanel *panel = rig.panel.get();
    QTRY_COMPARE(panel->model()->rowCount(), 2);
    QTRY_VERIFY(panel->showsLive());
    QComboBox *status = panel->statusCombo();
    QCOMPARE(status->count(), 3); // all, queued, running
    status->setCurrentIndex(status->findData(u"running"_s));
    QCOMPARE(panel->countText(), u"1 of 2 phases"_s);
    status->setCurrentIndex(0);
    panel->filterEdit()->setText(u"nothing like this"_s);
    QCOMPARE(panel->countText(), u"0 of 2 phases"_s);
    QCOMPARE(panel->overlayText(), u"No rows match the filter"_s);
    panel->filterEdit()->setText(u"build"_s);
    QCOMPARE(panel->countText(), u"1 of 2 phases"_s);
}

QTEST_MAIN(tst_FeedPanel)
#include "tst_feedpanel.moc"
