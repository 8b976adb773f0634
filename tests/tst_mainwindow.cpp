#include "connection/feedengine.h"
#include "dashboard/feedhub.h"
#include "demomenu.h"
#include "demoserver.h"
#include "faultproxy.h"
#include "feedpanel.h"
#include "feedsimulator.h"
#include "httpstub.h"
#include "i18n.h"
#include "mainwindow.h"
#include "models/commandsmodel.h"
#include "models/connectionsmodel.h"
#include "models/feedtablemodel.h"
#include "servicetiles.h"
#include "testfeedserver.h"

#include <QJsonDocument>

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWebSocket>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
Config configFor(const QUrl &server, const QStringList &feeds = {})
{
    ConfigOverrides o;
    o.server = server.toString();
    o.feeds = feeds;
    o.sets = {u"backoff.initial_ms=20000"_s, u"backoff.jitter=0"_s, u"stagger.step_ms=0"_s};
    const ConfigResult r = ConfigLoader::fromJson({}, o);
    if (!r.ok())
        qFatal("bad test config: %s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}

QToolButton *statusButton(const MainWindow &window)
{
    const QList<QToolButton *> buttons = window.findChildren<QToolButton *>();
    for (QToolButton *b : buttons) {
        if (b->accessibleName() == u"Feeds summary"_s)
            return b;
    }
    return nullptr;
}
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void onePagePerFeedThenTheDiagnostics();
    void navDotsAndStatusBarFollowTheFeeds();
    void statusBarClickOpensConnections();
    void demoMenuHasAnActionPerFaultDescriptor();
    void demoMenuVariantsReachTheServer();
    void noDemoMenuForARealBackend();
    void severalBackendsGetASwitcherAndAnOverview();
    void openPanelIsRemembered();
    void screenshotWithLiveDemoData();
    void statusBarSaysDegradedOnlyWhenHttpDelivers();
    void navShowsCommandsWaiting();
    void fileMenuExportsDiagnostics();
    void minimisedWindowPaintsNothing();
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"feedwatch-tests"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    // What the app installs for English: the plural forms of "%n feed(s)" (tst_i18n: the rest).
    QVERIFY(I18n::install(qApp, QLocale(QLocale::English)));
}

void tst_MainWindow::onePagePerFeedThenTheDiagnostics()
{
    FeedHub hub(configFor(QUrl(u"ws://127.0.0.1:1"_s)));
    MainWindow window(&hub);
    // The Overview (home), the default profile's pages in its order, then the tool pages.
    const QStringList expected = {u"Overview"_s,
                                  u"Queue"_s,
                                  u"Workflows"_s,
                                  u"System status"_s,
                                  u"ADW monitor"_s,
                                  u"Routes"_s,
                                  u"Workflow history"_s,
                                  u"Planned features"_s,
                                  u"Webhooks"_s,
                                  u"QC metrics"_s,
                                  u"Rules"_s,
                                  u"Commands"_s,
                                  u"Connections"_s,
                                  u"Event log"_s};
    QStringList titles;
    for (int i = 0; i < window.panelCount(); ++i)
        titles << window.panelTitle(i);
    QCOMPARE(titles, expected);
    QCOMPARE(window.panelKey(0), u"overview"_s);
    QCOMPARE(window.panelKey(3), u"system-status"_s);
    QVERIFY(window.feedPanel(u"system-status"_s)->findChild<ServiceTiles *>());
    QCOMPARE(window.statusText(), u"Not connected"_s);
    // Pages added later (custom feeds) go before the diagnostics.
    const int added = window.addPanel(u"Custom"_s, new QWidget, u"custom"_s);
    QCOMPARE(added, 10);
    QCOMPARE(window.panelTitle(window.panelCount() - 1), u"Event log"_s);
}

void tst_MainWindow::navDotsAndStatusBarFollowTheFeeds()
{
    TestFeedServer server;
    server.setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[]}})");
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"queue"_s, u"workflows"_s});
    FeedHub hub(config);
    FeedEngine engine(config);
    hub.attach(&engine);
    MainWindow window(&hub);
    QCOMPARE(window.navTone(1), StatusStyle::Tone::Idle);
    engine.start();
    QTRY_COMPARE(window.navTone(1), StatusStyle::Tone::Good);
    QTRY_COMPARE(window.navTone(2), StatusStyle::Tone::Good);
    QTRY_VERIFY2(window.statusText().startsWith(u"2/2 feeds live"_s),
                 qPrintable(window.statusText()));

    server.close();
    QTRY_COMPARE(window.navTone(1), StatusStyle::Tone::Warning); // reconnecting
    // Both live feeds dropped at once: one incident for the backend, said first.
    QTRY_VERIFY2(window.statusText().startsWith(u"server restarting or unreachable — down for "_s),
                 qPrintable(window.statusText()));
    QTRY_VERIFY2(window.statusText().contains(u" · 0/2 feeds back · worst quality: "_s),
                 qPrintable(window.statusText()));
    QVERIFY(window.statusText().contains(u"disconnected"_s));

    engine.stopFeed(u"workflows"_s);
    QTRY_COMPARE(window.navTone(2), StatusStyle::Tone::Bad); // stopped
}

void tst_MainWindow::statusBarClickOpensConnections()
{
    FeedHub hub(configFor(QUrl(u"ws://127.0.0.1:1"_s)));
    MainWindow window(&hub);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QToolButton *button = statusButton(window);
    QVERIFY(button);
    QCOMPARE(window.currentPanel(), 0);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(window.panelKey(window.currentPanel()), u"connections"_s);
}

void tst_MainWindow::demoMenuHasAnActionPerFaultDescriptor()
{
    DemoServer demo;
    QVERIFY(demo.start(0));
    FeedHub hub(configFor(demo.baseUrl()));
    MainWindow window(&hub, &demo);
    DemoMenu *menu = window.demoMenu();
    QVERIFY(menu);
    const QList<Sim::FaultDescriptor> descriptors = Sim::faultDescriptors();
    QCOMPARE(menu->descriptors().size(), descriptors.size());
    for (const Sim::FaultDescriptor &d : descriptors) {
        QAction *whole = menu->actionFor(d.id);
        QVERIFY2(whole, qPrintable(d.key));
        QCOMPARE(whole->isCheckable(), d.switchable);
        if (d.takesFeed) {
            for (const QString &feed : FeedSimulator::feedIds())
                QVERIFY2(menu->actionFor(d.id, feed), qPrintable(d.key + u' ' + feed));
        } else {
            QCOMPARE(whole->text(), d.title);
        }
    }
    // A switch goes on and off from the menu, and follows the server.
    QAction *freezeQueue = menu->actionFor(Sim::Fault::Freeze, u"queue"_s);
    freezeQueue->trigger();
    QVERIFY(freezeQueue->isChecked());
    QVERIFY(demo.isFaultActive(Sim::Fault::Freeze, u"queue"_s));
    demo.clearAllFaults();
    QTRY_VERIFY(!freezeQueue->isChecked());
    QVERIFY(!demo.isFaultActive(Sim::Fault::Freeze, u"queue"_s));
}

// The menu offers each status and close code the issue lists; the chosen one is what the server
// does on the wire, and the check marks follow the variant in force.
void tst_MainWindow::demoMenuVariantsReachTheServer()
{
    DemoServer demo;
    QVERIFY(demo.start(0));
    FeedHub hub(configFor(demo.baseUrl()));
    MainWindow window(&hub, &demo);
    DemoMenu *menu = window.demoMenu();
    QVERIFY(menu);

    QStringList statuses;
    for (const DemoMenu::Variant &v : DemoMenu::variants(Sim::Fault::Refuse))
        statuses << QString::number(v.params.httpStatus);
    QCOMPARE(statuses, (QStringList {u"403"_s, u"404"_s, u"500"_s, u"503"_s}));
    QList<int> codes;
    for (const DemoMenu::Variant &v : DemoMenu::variants(Sim::Fault::Close))
        codes << v.params.closeCode;
    QCOMPARE(codes, (QList<int> {1011, 1001, 1008, 1013, 4001}));

    QAction *refuse403 = menu->actionFor(Sim::Fault::Refuse, u"queue"_s, 0);
    QAction *refuse404 = menu->actionFor(Sim::Fault::Refuse, u"queue"_s, 1);
    QVERIFY(refuse403 && refuse404);
    refuse404->trigger();
    QVERIFY(refuse404->isChecked());
    QVERIFY(!refuse403->isChecked());
    const QList<FaultController::Entry> active = demo.activeFaults();
    QCOMPARE(active.size(), 1);
    QCOMPARE(active.first().params.httpStatus, 404);
    refuse403->trigger(); // switching variants replaces the parameters
    QVERIFY(refuse403->isChecked());
    QVERIFY(!refuse404->isChecked());
    QCOMPARE(demo.activeFaults().first().params.httpStatus, 403);
    refuse403->trigger();
    QVERIFY(demo.activeFaults().isEmpty());

    QWebSocket client;
    QSignalSpy closed(&client, &QWebSocket::disconnected);
    client.open(QUrl(demo.baseUrl().toString() + u"/api/v1/ws/workflows"_s));
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
    menu->actionFor(Sim::Fault::Close, u"workflows"_s, 4)->trigger();
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(int(client.closeCode()), 4001);
}

void tst_MainWindow::noDemoMenuForARealBackend()
{
    FeedHub hub(configFor(QUrl(u"ws://127.0.0.1:1"_s)));
    MainWindow window(&hub);
    QVERIFY(!window.demoMenu());
}

void tst_MainWindow::severalBackendsGetASwitcherAndAnOverview()
{
    const QJsonObject root {
        {u"backends"_s,
         QJsonObject {{u"prod"_s, QJsonObject {{u"server"_s, u"ws://127.0.0.1:1"_s}}},
                      {u"staging"_s, QJsonObject {{u"server"_s, u"ws://127.0.0.1:2"_s}}}}}};
    const ConfigResult config = ConfigLoader::fromJson(root);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedHub hub(config.config);
    MainWindow window(&hub);
    QCOMPARE(window.panelKey(0), u"overview"_s);
    QCOMPARE(window.panelTitle(1), u"Queue"_s);
    QCOMPARE(window.panelCount(), 1 + 9 + 4);
    QCOMPARE(window.currentBackend(), u"prod"_s);
    QCOMPARE(window.feedPanel(u"queue"_s)->feedId(), u"prod/queue"_s);
    QComboBox *combo = nullptr;
    for (QComboBox *c : window.findChildren<QComboBox *>()) {
        if (c->accessibleName() == u"Backend"_s)
            combo = c;
    }
    QVERIFY(combo);
    combo->setCurrentText(u"staging"_s);
    QCOMPARE(window.feedPanel(u"queue"_s)->feedId(), u"staging/queue"_s);
    QCOMPARE(window.feedPanel(u"queue"_s)->model(), hub.tableModel(u"staging/queue"_s));
}

void tst_MainWindow::openPanelIsRemembered()
{
    FeedHub hub(configFor(QUrl(u"ws://127.0.0.1:1"_s)));
    {
        MainWindow window(&hub);
        QVERIFY(window.showPanel(u"routes"_s));
        window.saveSettings();
    }
    MainWindow again(&hub);
    QCOMPARE(again.currentPanel(), 0);
    again.restoreSettings();
    QCOMPARE(again.panelKey(again.currentPanel()), u"routes"_s);
}

void tst_MainWindow::screenshotWithLiveDemoData()
{
    DemoServer demo;
    QVERIFY(demo.start(0));
    // The feeds the demo backend serves (it speaks its own shapes on this branch: the pages it
    // does not match say so under a banner).
    const Config config = configFor(demo.baseUrl(), FeedSimulator::feedIds());
    FeedHub hub(config);
    FeedEngine engine(config);
    hub.attach(&engine);
    MainWindow window(&hub, &demo);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(hub.liveCount(), 8, 15000);
    QTRY_VERIFY(hub.tableModel(u"queue"_s)->rowCount() > 0);
    QTRY_VERIFY(window.feedPanel(u"queue"_s)->showsLive());
    QTRY_VERIFY(window.statusText().startsWith(u"8/8 feeds live"_s));
    QTest::qWait(100); // let the coalesced snapshot reach the view before grabbing
    const QString path =
        QDir(QString::fromUtf8(QT_TESTCASE_BUILDDIR)).filePath(u"tst_mainwindow-queue.png"_s);
    QVERIFY(window.grab().save(path));
    QVERIFY(QFileInfo(path).size() > 0);
    engine.stopAll();
}

void tst_MainWindow::statusBarSaysDegradedOnlyWhenHttpDelivers()
{
    // The WebSocket is refused from the start; HTTP snapshots come from a stub that first fails.
    HttpStub http(503, "{}");
    FaultProxy proxy;
    QVERIFY(proxy.listen(http.url().port()));
    proxy.setHttpRefusal(503, false);
    const QString json =
        u"{\"server\":\"ws://127.0.0.1:%1\",\"feeds\":[{\"id\":\"queue\",\"snapshot_url\":\"%2\"}],"
        "\"fallback\":{\"poll_ms\":100},\"backoff\":{\"initial_ms\":20000}}"_s.arg(proxy.port())
            .arg(http.url().toString());
    const ConfigResult config =
        ConfigLoader::fromJson(QJsonDocument::fromJson(json.toUtf8()).object());
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedHub hub(config.config);
    FeedEngine engine(config.config);
    hub.attach(&engine);
    MainWindow window(&hub);
    engine.start();
    const QModelIndex state = hub.connections()->index(0, ConnectionsModel::StateColumn);
    QTRY_COMPARE(state.data().toString(), u"HTTP fallback failing"_s);
    QVERIFY(state.data(Qt::ToolTipRole).toString().contains(u"HTTP 503"_s));
    QTRY_VERIFY2(window.statusText().contains(u"1 HTTP fallback failing"_s),
                 qPrintable(window.statusText()));
    QVERIFY(!window.statusText().contains(u"degraded"_s));
    http.setResponse(200, "{\"phases\":[],\"paused\":false}");
    QTRY_COMPARE(state.data().toString(), u"degraded (HTTP)"_s);
    QTRY_VERIFY2(window.statusText().contains(u"1 degraded (HTTP)"_s),
                 qPrintable(window.statusText()));
    QVERIFY(!window.statusText().contains(u"failing"_s));
    FeedPanel *panel = window.feedPanel(u"queue"_s);
    QTRY_VERIFY(panel->freshnessText().startsWith(u"degraded (HTTP)"_s));
    // Current to the poll interval: not washed out, not called stale.
    QVERIFY(!panel->isGreyedOut());
    QVERIFY(!panel->overlayText().contains(u"Not live"_s));
    QCOMPARE(window.navTone(window.panelIndex(u"queue"_s)), StatusStyle::Tone::Warning);
}

void tst_MainWindow::navShowsCommandsWaiting()
{
    FeedHub hub(configFor(QUrl(u"ws://127.0.0.1:1"_s)));
    MainWindow window(&hub);
    CommandRecord waiting;
    waiting.id = u"c1"_s;
    waiting.seq = 1;
    waiting.feedId = u"queue"_s;
    waiting.name = u"queue.pause"_s;
    hub.commands()->upsert(waiting);
    const int queuePage = window.panelIndex(u"queue"_s);
    const int commandsPage = window.panelIndex(u"commands"_s);
    QCOMPARE(window.findChild<QListWidget *>()->item(queuePage)->text(), u"Queue (1)"_s);
    QCOMPARE(window.findChild<QListWidget *>()->item(commandsPage)->text(), u"Commands (1)"_s);
    QCOMPARE(window.panelTitle(queuePage), u"Queue"_s); // the title itself is unchanged
    QCOMPARE(window.feedPanel(u"queue"_s)->pendingText(), u"1 command waiting"_s);
    QVERIFY(window.statusText().contains(u"1 command waiting"_s));
    waiting.status = Command::Status::Acked;
    hub.commands()->upsert(waiting);
    QCOMPARE(window.findChild<QListWidget *>()->item(queuePage)->text(), u"Queue"_s);
    QVERIFY(!window.statusText().contains(u"waiting"_s));
}

void tst_MainWindow::fileMenuExportsDiagnostics()
{
    FeedHub hub(configFor(QUrl(u"ws://127.0.0.1:1"_s)));
    MainWindow window(&hub);
    auto *action = window.findChild<QAction *>(u"exportDiagnostics"_s);
    QVERIFY(action);
    QCOMPARE(action->text(), u"Export &diagnostics…"_s);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"diag.zip"_s);
    QVERIFY(window.exportDiagnosticsTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(4), QByteArray("PK\x03\x04"));
    QVERIFY2(window.statusBar()->currentMessage().contains(path),
             qPrintable(window.statusBar()->currentMessage()));
}

// #17: nobody sees a minimised window; on platforms that keep it exposed its tables would still
// repaint whatever their models change. Restored, it paints again, at once.
void tst_MainWindow::minimisedWindowPaintsNothing()
{
    FeedHub hub(configFor(QUrl(u"ws://127.0.0.1:1"_s)));
    MainWindow window(&hub);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.updatesEnabled());
    window.showMinimized();
    QTRY_VERIFY(window.isMinimized());
    QVERIFY(!window.updatesEnabled());
    auto *table = window.findChild<QTableView *>();
    QVERIFY(table);
    QVERIFY(!table->viewport()->updatesEnabled());
    window.showNormal();
    QTRY_VERIFY(!window.isMinimized());
    QVERIFY(window.updatesEnabled());
    QVERIFY(table->viewport()->updatesEnabled());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
