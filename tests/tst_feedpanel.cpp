#include "connection/feedengine.h"
#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "feedfigures.h"
#include "feedpages.h"
#include "feedpanel.h"
#include "httpstub.h"
#include "i18n.h"
#include "models/feedfilterproxymodel.h"
#include "models/feedtablemodel.h"
#include "testfeedserver.h"

#include <QComboBox>
#include <QDateTime>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
// The real server's shape (tests/resources/samples), cut down to two phases.
const QByteArray kQueue = R"({"type":"queue_update","data":{"total":2,"paused":false,"phases":[
    {"queue_id":"q-1","feature_id":7,"phase_number":1,"status":"running","issue_number":214,
     "phase_data":{"title":"Plan","content":"## Plan\nWrite it down."},"adw_id":"e5f6a7b8"},
    {"queue_id":"q-2","feature_id":7,"phase_number":2,"status":"queued","issue_number":null,
     "phase_data":{"title":"Build"},"adw_id":null}]}})";
// Every column filled, and an error text as long as real ones get (a test runner's output).
const QByteArray kQueueLongError = R"({"type":"queue_update","data":{"total":1,"paused":false,
    "phases":[{"queue_id":"q-9","feature_id":31,"phase_number":3,"status":"failed",
     "issue_number":214,"phase_data":{"title":"Fix reconnect storm: one manager per panel"},
     "current_phase":"test","depends_on_phases":[1,2],"adw_id":"aab923f1","pr_number":87,
     "priority":2,"error_message":"Test phase failed: 3 failing tests in tests/integration/test_websocket_reconnect.py::test_backoff_resets_after_stable_connection and two more; see the ADW log for the full pytest output of the run",
     "created_at":"2026-12-01T09:00:00","started_timestamp":"2026-12-01T09:05:00",
     "updated_at":"2026-12-01T09:40:00"}]}})";
const QByteArray kQueuePaused = R"({"type":"queue_update","data":{"total":1,"paused":true,
    "phases":[{"queue_id":"q-1","feature_id":7,"phase_number":1,"status":"running",
     "phase_data":{"title":"Plan"}}]}})";

// One queue feed against a loopback server: the real engine and hub, no mocks.
struct Rig
{
    TestFeedServer server;
    std::unique_ptr<FeedHub> hub;
    std::unique_ptr<FeedEngine> engine;
    std::unique_ptr<FeedPanel> panel;

    bool start(const QByteArray &snapshot, int backoffMs = 20000, const QString &feed = u"queue"_s)
    {
        server.setInitialSnapshot(snapshot);
        if (!server.listen())
            return false;
        ConfigOverrides o;
        o.server = server.baseUrl().toString();
        o.feeds = {feed};
        o.sets = {u"backoff.initial_ms=%1"_s.arg(backoffMs), u"backoff.max_ms=60000"_s,
                  u"backoff.jitter=0"_s, u"heartbeat.interval_ms=200"_s};
        const ConfigResult config = ConfigLoader::fromJson({}, o);
        if (!config.ok())
            return false;
        hub = std::make_unique<FeedHub>(config.config);
        engine = std::make_unique<FeedEngine>(config.config);
        hub->attach(engine.get());
        panel.reset(FeedPages::create(hub.get(), feed));
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
    void ticksOnlyWhileShown();
    void pausedBannerFollowsTheQueueMeta();
    void filtersByTextAndStatus();
    void countersDetailAndHiddenColumns();
    void titleStaysReadableBesideALongError();
    void mismatchSaysWhatCameAndShowsIt();
    void refusedFeedSaysSo();
    void rowOpensAFeedThatClosesWithItsPage();
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
    panel.setDefinition(hub.definition(u"queue"_s));
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

// #17: a page nobody sees (behind another, minimised, in the tray) does not tick; shown again, it
// says at once what the tick would have said.
void tst_FeedPanel::ticksOnlyWhileShown()
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
    const int shown = secondsIn(panel->freshnessText());
    // On screen, the tick counts down with the clock without being asked.
    clock.advance(2000);
    QTRY_COMPARE(secondsIn(panel->freshnessText()), shown - 2);

    panel->hide();
    const QString hidden = panel->freshnessText();
    clock.advance(3000);
    QTest::qWait(1500); // more than a tick: a hidden page must not have counted
    QCOMPARE(panel->freshnessText(), hidden);
    panel->show();
    QCOMPARE(secondsIn(panel->freshnessText()), shown - 5);
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

void tst_FeedPanel::countersDetailAndHiddenColumns()
{
    Rig rig;
    QVERIFY(rig.start(kQueue));
    FeedPanel *panel = rig.panel.get();
    QTRY_COMPARE(panel->model()->rowCount(), 2);
    QCOMPARE(panel->title(), u"Queue"_s);
    // The profile's counters, from the data beside the rows.
    QCOMPARE(panel->figures()->text(), u"Total: 2 · Paused: no"_s);
    // Columns no row has a value in are left out; the others are there.
    const QStringList headers = panel->visibleHeaders();
    for (const QString &shown :
         {u"Feature"_s, u"Phase"_s, u"Issue"_s, u"Title"_s, u"Status"_s, u"ADW"_s})
        QVERIFY2(headers.contains(shown), qPrintable(headers.join(u", "_s)));
    for (const QString &hidden : {u"PR"_s, u"Error"_s, u"Depends on"_s, u"Created"_s})
        QVERIFY2(!headers.contains(hidden), qPrintable(headers.join(u", "_s)));
    // The detail pane shows the selected row's detail fields.
    QCOMPARE(panel->detailText(), QString());
    panel->tableView()->setCurrentIndex(panel->proxy()->index(0, 0));
    QVERIFY2(panel->detailText().contains(u"Write it down."_s), qPrintable(panel->detailText()));
    QVERIFY(panel->detailText().contains(u"Queue ID"_s));
}

// Fourteen columns and a long error text in 900 px: the stretched Title keeps the width it needs
// (the table scrolls sideways) instead of being squeezed to "F…"; with room it stretches again.
void tst_FeedPanel::titleStaysReadableBesideALongError()
{
    Rig rig;
    QVERIFY(rig.start(kQueueLongError));
    FeedPanel *panel = rig.panel.get();
    QTRY_COMPARE(panel->model()->rowCount(), 1);
    QHeaderView *header = panel->tableView()->horizontalHeader();
    const int title = panel->model()->columnIndex(u"phase_data.title"_s);
    const int error = panel->model()->columnIndex(u"error_message"_s);
    QVERIFY(!panel->tableView()->isColumnHidden(error));
    QTRY_VERIFY(header->sectionSize(title) >= 160);
    QCOMPARE(header->sectionResizeMode(title), QHeaderView::Interactive);
    QVERIFY2(header->sectionSize(error) <= 320,
             qPrintable(QString::number(header->sectionSize(error))));
    QVERIFY(header->length() > panel->tableView()->viewport()->width()); // scrolls sideways
    // A wide window: the title takes the spare width again.
    panel->resize(3000, 500);
    QTRY_COMPARE(header->sectionResizeMode(title), QHeaderView::Stretch);
    QVERIFY(header->sectionSize(title) >= 160);
    panel->resize(900, 500);
    QTRY_COMPARE(header->sectionResizeMode(title), QHeaderView::Interactive);
    QVERIFY(header->sectionSize(title) >= 160);
}

void tst_FeedPanel::mismatchSaysWhatCameAndShowsIt()
{
    // The rows are not where the profile says (an older server's bare array): a banner says
    // what was expected and what came, the table shows what came, nothing reads "live" plainly.
    Rig rig;
    QVERIFY(rig.start(R"({"type":"planned_features_update","data":[
        {"id":1,"title":"Dark mode","status":"planned"},{"id":2,"title":"Export","status":"done"}]})",
                      20000, u"planned-features"_s));
    FeedPanel *panel = rig.panel.get();
    QTRY_COMPARE(panel->model()->rowCount(), 2);
    QTRY_VERIFY(panel->showsLive());
    QVERIFY2(panel->problemText().contains(
                 u"expected an array (or an object of objects) at /features, got nothing there "
                 "(data is an array)"_s),
             qPrintable(panel->problemText()));
    QVERIFY(panel->visibleHeaders().contains(u"title"_s));
    QCOMPARE(panel->countText(), u"2 features"_s);
    QTRY_COMPARE(panel->freshnessText(), u"live, unexpected data"_s);
    QCOMPARE(StatusStyle::toneForStats(rig.hub->stats(u"planned-features"_s)),
             StatusStyle::Tone::Warning);
    // The right shape: the profile's table, no banner, plain "live".
    rig.server.sendToAll(R"({"type":"planned_features_update","data":{"features":[
        {"id":1,"title":"Dark mode","status":"planned"}],"stats":{"completion_rate":0.0}}})");
    QTRY_COMPARE(panel->problemText(), QString());
    QTRY_COMPARE(panel->freshnessText(), u"live"_s);
    QVERIFY(panel->visibleHeaders().contains(u"Title"_s));
    QCOMPARE(panel->figures()->text(), u"Completion: 0%"_s);
}

void tst_FeedPanel::refusedFeedSaysSo()
{
    // qc-metrics on the real server: the upgrade is refused with HTTP 500.
    HttpStub refusing(500, "Internal Server Error");
    QVERIFY(refusing.isListening());
    QUrl server = refusing.url(QString());
    server.setScheme(u"ws"_s);
    ConfigOverrides o;
    o.server = server.toString();
    o.feeds = {u"qc-metrics"_s};
    o.sets = {u"backoff.initial_ms=20000"_s, u"backoff.jitter=0"_s};
    const ConfigResult config = ConfigLoader::fromJson({}, o);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedHub hub(config.config);
    FeedEngine engine(config.config);
    hub.attach(&engine);
    std::unique_ptr<FeedPanel> panel(FeedPages::create(&hub, u"qc-metrics"_s));
    panel->show();
    engine.start();
    QTRY_VERIFY2(panel->overlayText().startsWith(
                     u"The server refuses this feed: upgrade refused with HTTP 500"_s),
                 qPrintable(panel->overlayText()));
    QVERIFY(panel->overlayText().contains(u"backoff"_s));
    QVERIFY2(panel->freshnessText().contains(u"reconnecting"_s),
             qPrintable(panel->freshnessText()));
    QCOMPARE(panel->title(), u"QC metrics"_s);
    engine.stopAll();
}

void tst_FeedPanel::rowOpensAFeedThatClosesWithItsPage()
{
    Rig rig;
    QVERIFY(rig.start(kQueue));
    FeedPanel *panel = rig.panel.get();
    QTRY_COMPARE(panel->model()->rowCount(), 2);
    // Row 0 has an ADW, row 1 none: only the first opens a workflow's state.
    QCOMPARE(panel->rowFeeds(0), QStringList {u"adw-state/e5f6a7b8"_s});
    QCOMPARE(panel->rowFeeds(1), QStringList {QString()});
    std::unique_ptr<QMenu> menu(panel->rowMenu(1));
    QAction *open = menu->findChild<QAction *>(u"openFeedAction"_s);
    QVERIFY(open);
    QVERIFY(!open->isEnabled());
    QSignalSpy added(rig.hub.get(), &FeedHub::feedAdded);
    QSignalSpy requested(panel, &FeedPanel::feedOpenRequested);
    QCOMPARE(panel->openRowFeed(1), QString());
    QCOMPARE(panel->openRowFeed(0), u"adw-state/e5f6a7b8"_s);
    QCOMPARE(requested.size(), 1);
    QTRY_COMPARE(added.size(), 1);
    QCOMPARE(added.first().first().toString(), u"adw-state/e5f6a7b8"_s);
    QTRY_VERIFY(rig.server.requestPaths().contains(u"/api/v1/ws/adw-state/e5f6a7b8"_s));
    QVERIFY(rig.hub->isOpenedAtRunTime(u"adw-state/e5f6a7b8"_s));
    QVERIFY(!rig.hub->isOpenedAtRunTime(u"queue"_s));

    std::unique_ptr<FeedPanel> state(FeedPages::create(rig.hub.get(), u"adw-state/e5f6a7b8"_s));
    QCOMPARE(state->title(), u"Workflow e5f6a7b8"_s);
    auto *close = state->findChild<QToolButton *>(u"closeFeedButton"_s);
    QVERIFY(close && !close->isHidden());
    QVERIFY(panel->findChild<QToolButton *>(u"closeFeedButton"_s)->isHidden());
    QSignalSpy removed(rig.hub.get(), &FeedHub::feedRemoved);
    const int before = rig.server.activeCount();
    close->click();
    QTRY_COMPARE(removed.size(), 1);
    QTRY_COMPARE(rig.server.activeCount(), before - 1);
}

QTEST_MAIN(tst_FeedPanel)
#include "tst_feedpanel.moc"
