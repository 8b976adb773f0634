// Every page of the window on the real tac-webbuilder server's recorded messages, sent the way
// that server sends them (every feed on every socket): what each page shows, checked, and a
// screenshot of each (build/tests/screenshots/pages/*.png) for a person to look at.
#include "connection/feedengine.h"
#include "dashboard/feedhub.h"
#include "feedfigures.h"
#include "feedpages.h"
#include "feedpanel.h"
#include "httpstub.h"
#include "i18n.h"
#include "mainwindow.h"
#include "models/feedfilterproxymodel.h"
#include "models/feedtablemodel.h"
#include "servicetiles.h"
#include "testfeedserver.h"
#include "testutil.h"

#include <QDir>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
QString shotDir()
{
    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots/pages"_s;
    QDir().mkpath(dir);
    return dir;
}

bool save(QWidget *widget, const QString &name)
{
    QCoreApplication::sendPostedEvents();
    return widget->grab().save(shotDir() + u'/' + name + u".png"_s);
}
} // namespace

class tst_FeedPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyPageOnTheRecordedServer();
    void qcMetricsRefusedByTheServer();
};

void tst_FeedPages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"feedwatch-tests"_s);
    QCoreApplication::setApplicationName(u"tst_feedpages"_s);
    QVERIFY(I18n::install(qApp, QLocale(QLocale::English)));
}

void tst_FeedPages::everyPageOnTheRecordedServer()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    ConfigOverrides o;
    o.server = server.baseUrl().toString();
    o.sets = {u"stagger.step_ms=10"_s, u"heartbeat.interval_ms=1000"_s};
    const ConfigResult config = ConfigLoader::fromJson({}, o);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedHub hub(config.config);
    FeedEngine engine(config.config);
    hub.attach(&engine);
    MainWindow window(&hub);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    engine.start();
    QTRY_COMPARE(server.activeCount(), 9);
    for (const QString &name : TestUtil::sampleNames()) {
        if (!name.startsWith("adw-state"_L1))
            server.sendToAll(TestUtil::sample(name));
    }

    struct Page
    {
        QString feed;
        QString count;
        QStringList headers; // a few the page must show
        QString figures;     // the start of the counters' text
    };
    const QList<Page> pages = {
        {u"queue"_s,
         u"5 phases"_s,
         {u"Feature"_s, u"Title"_s, u"Status"_s, u"Depends on"_s, u"ADW"_s, u"PR"_s, u"Priority"_s,
          u"Error"_s},
         u"Total: 5 · Paused: no"_s},
        {u"workflows"_s, u"4 workflows"_s, {u"ADW"_s, u"Issue"_s, u"Phase"_s, u"Link"_s}, {}},
        {u"system-status"_s,
         u"6 services"_s,
         {u"Service"_s, u"Status"_s, u"Message"_s},
         u"Healthy: 4 · Services: 6 · Health: 66.7%"_s},
        {u"adw-monitor"_s,
         u"4 workflows"_s,
         {u"Issue"_s, u"Title"_s, u"Progress"_s, u"Started"_s, u"Duration"_s, u"Cost"_s},
         u"Total: 4 · Running: 1 · Completed: 1 · Failed: 1 · Paused: 1"_s},
        {u"routes"_s,
         u"117 routes"_s,
         {u"Method"_s, u"Path"_s, u"Name"_s, u"Summary"_s, u"Tags"_s},
         {}},
        {u"workflow-history"_s,
         u"7 runs"_s,
         {u"Status"_s, u"Template"_s, u"Model"_s, u"Started"_s, u"Ended"_s, u"Duration"_s,
          u"Cost"_s, u"Error"_s},
         u"Runs: 7 · Success rate: 57.1%"_s},
        {u"planned-features"_s,
         u"5 features"_s,
         {u"Type"_s, u"Title"_s, u"Status"_s, u"Priority"_s, u"Estimate (h)"_s, u"Actual (h)"_s,
          u"Issue"_s, u"Tags"_s},
         u"Completion: 40%"_s},
        {u"webhook-status"_s, u"0 recent failures"_s, {}, u"Uptime: 0h 0m · Received: 0"_s},
    };
    for (const Page &page : pages) {
        FeedPanel *panel = window.feedPanel(page.feed);
        QVERIFY2(panel, qPrintable(page.feed));
        QVERIFY(window.showPanel(page.feed));
        QTRY_COMPARE(panel->countText(), page.count);
        QTRY_VERIFY(panel->showsLive());
        QCOMPARE(panel->problemText(), QString());
        const QStringList headers = panel->visibleHeaders();
        for (const QString &header : page.headers)
            QVERIFY2(headers.contains(header),
                     qPrintable(page.feed + u": "_s + headers.join(u", "_s)));
        QVERIFY2(panel->figures()->text().startsWith(page.figures),
                 qPrintable(page.feed + u": "_s + panel->figures()->text()));
        QCOMPARE(hub.stats(page.feed).dataError, QString());
        QVERIFY(save(&window, page.feed));
    }
    // The webhook service's status, as a card; the system's services, as cards.
    QCOMPARE(window.feedPanel(u"webhook-status"_s)->figures()->statusText(), u"healthy"_s);
    QCOMPARE(window.feedPanel(u"webhook-status"_s)->overlayText(), u"No recent failures"_s);
    QCOMPARE(window.feedPanel(u"system-status"_s)->findChild<ServiceTiles *>()->tileCount(), 6);
    QCOMPARE(window.feedPanel(u"system-status"_s)->bannerText(),
             u"Error — at least one service is down"_s);
    // A row selected: its detail fields below the table.
    window.showPanel(u"workflow-history"_s);
    FeedPanel *history = window.feedPanel(u"workflow-history"_s);
    history->tableView()->setCurrentIndex(history->proxy()->index(5, 0));
    QVERIFY2(history->detailText().contains(u"Lint phase failed: 12 ruff errors"_s),
             qPrintable(history->detailText()));
    QVERIFY(save(&window, u"workflow-history-detail"_s));

    // adw-state/{adw_id} from a row of Workflows: a live page of that workflow's state.
    window.showPanel(u"workflows"_s);
    FeedPanel *workflows = window.feedPanel(u"workflows"_s);
    const QString opened = workflows->openRowFeed(2);
    QCOMPARE(opened, u"adw-state/e5f6a7b8"_s);
    QTRY_VERIFY(window.feedPanel(opened));
    QTRY_COMPARE(window.panelKey(window.currentPanel()), opened);
    QTRY_COMPARE(server.activeCount(), 10);
    server.sendToAll(TestUtil::sample(u"adw-state-e5f6a7b8"_s));
    FeedPanel *state = window.feedPanel(opened);
    QTRY_COMPARE(state->countText(), u"21 values"_s);
    QCOMPARE(state->title(), u"Workflow e5f6a7b8"_s);
    QCOMPARE(state->problemText(), QString());
    QVERIFY2(state->figures()->text().startsWith(u"Status: running · Phase: build · Issue: 214"_s),
             qPrintable(state->figures()->text()));
    QVERIFY(save(&window, u"adw-state"_s));
    // Closing the page closes its feed.
    state->findChild<QToolButton *>(u"closeFeedButton"_s)->click();
    QTRY_VERIFY(!window.feedPanel(opened));
    QTRY_COMPARE(server.activeCount(), 9);

    // The webhook service down: the server's error object is a red banner, not a mismatch.
    server.sendToAll(
        R"({"type":"webhook_status_update","data":{"status":"error",)"
        R"("message":"Webhook service unreachable: [Errno 111] Connection refused"}})");
    window.showPanel(u"webhook-status"_s);
    FeedPanel *webhooks = window.feedPanel(u"webhook-status"_s);
    QTRY_COMPARE(webhooks->bannerText(),
                 u"The webhook service reports an error: Webhook service unreachable: [Errno 111] "
                 "Connection refused"_s);
    QCOMPARE(webhooks->problemText(), QString());
    QCOMPARE(webhooks->figures()->statusText(), u"error"_s);
    QCOMPARE(webhooks->overlayText(), QString()); // no "No recent failures": the data has none
    QVERIFY(save(&window, u"webhook-status-error"_s));

    // Rows not where the profile says: a banner names both, the table shows what came.
    server.sendToAll(R"({"type":"planned_features_update","data":[)"
                     R"({"id":1,"title":"Dark mode","status":"planned","priority":"high"},)"
                     R"({"id":2,"title":"Export","status":"cancelled","priority":"low"}]})");
    window.showPanel(u"planned-features"_s);
    FeedPanel *features = window.feedPanel(u"planned-features"_s);
    QTRY_VERIFY(!features->problemText().isEmpty());
    QVERIFY(features->problemText().contains(u"at /features"_s));
    QCOMPARE(features->countText(), u"2 features"_s);
    QTRY_VERIFY(window.navTone(window.panelIndex(u"planned-features"_s))
                == StatusStyle::Tone::Warning);
    QTRY_VERIFY2(window.statusText().contains(u"1 with unexpected data"_s),
                 qPrintable(window.statusText()));
    QVERIFY(save(&window, u"planned-features-mismatch"_s));
    qInfo("screenshots in %s", qPrintable(QDir::toNativeSeparators(shotDir())));
    engine.stopAll();
}

void tst_FeedPages::qcMetricsRefusedByTheServer()
{
    HttpStub refusing(500, "Internal Server Error");
    QUrl url = refusing.url(QString());
    url.setScheme(u"ws"_s);
    ConfigOverrides o;
    o.server = url.toString();
    o.feeds = {u"qc-metrics"_s};
    o.sets = {u"backoff.initial_ms=20000"_s, u"backoff.jitter=0"_s};
    const ConfigResult config = ConfigLoader::fromJson({}, o);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedHub hub(config.config);
    FeedEngine engine(config.config);
    hub.attach(&engine);
    MainWindow window(&hub);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    engine.start();
    FeedPanel *panel = window.feedPanel(u"qc-metrics"_s);
    QTRY_VERIFY2(panel->overlayText().startsWith(u"The server refuses this feed"_s),
                 qPrintable(panel->overlayText()));
    QTRY_COMPARE(window.navTone(window.panelIndex(u"qc-metrics"_s)), StatusStyle::Tone::Warning);
    QVERIFY(save(&window, u"qc-metrics-refused"_s));
    engine.stopAll();
}

QTEST_MAIN(tst_FeedPages)
#include "tst_feedpages.moc"
