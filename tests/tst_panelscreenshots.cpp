// Not a unit test of one class: a smoke run of both panels against the demo backend that saves
// what they look like (build/tests/screenshots/*.png) so a person can look at them.
#include "connection/feedengine.h"
#include "connectionspanel.h"
#include "dashboard/feedhub.h"
#include "demoserver.h"
#include "eventlogpanel.h"
#include "i18n.h"
#include "latencychart.h"
#include "models/connectionsmodel.h"

#include <QDir>
#include <QLineSeries>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_PanelScreenshots : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void panelsAgainstDemoServer();
};

void tst_PanelScreenshots::initTestCase()
{
    QVERIFY(I18n::install(qApp, QLocale(QLocale::English))); // the plural forms, as the app
}

void tst_PanelScreenshots::panelsAgainstDemoServer()
{
    DemoServer demo;
    demo.setSeed(42);
    QVERIFY(demo.start());
    Sim::FaultParams slow;
    slow.latencyMs = 140;
    demo.setFault(Sim::Fault::Latency, u"workflows"_s, slow);
    slow.latencyMs = 420;
    demo.setFault(Sim::Fault::Latency, u"routes"_s, slow);
    Sim::FaultParams refuse;
    refuse.httpStatus = 503;
    refuse.keepOpen = false;
    demo.setFault(Sim::Fault::Refuse, u"webhook-status"_s, refuse);

    ConfigOverrides o;
    o.server = demo.baseUrl().toString();
    o.sets = {u"heartbeat.interval_ms=250"_s, u"stagger.step_ms=50"_s,
              u"backoff.initial_ms=4000"_s};
    const ConfigResult config = ConfigLoader::fromJson({}, o);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedEngine engine(config.config);
    FeedHub hub(config.config);
    hub.attach(&engine);

    ConnectionsPanel panel(&hub);
    panel.resize(1280, 640);
    panel.show();
    EventLogPanel log(&hub);
    log.resize(1000, 420);
    log.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    engine.start();

    QTRY_VERIFY_WITH_TIMEOUT(hub.latencySamples(u"queue"_s).size() >= 20, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(hub.latencySamples(u"routes"_s).size() >= 5, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(hub.stats(u"webhook-status"_s).totalRetries >= 1, 20000);
    panel.chart()->flush();
    QVERIFY(panel.chart()->series(u"queue"_s)->count() > 0);

    const QString dir = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(panel.grab().save(dir + u"/connections.png"_s));
    panel.selectFeed(u"webhook-status"_s);
    QCoreApplication::sendPostedEvents(); // let the detail area lay out its new texts
    QVERIFY(panel.grab().save(dir + u"/connections-retrying.png"_s));
    panel.chart()->setShowAllFeeds(false);
    panel.selectFeed(u"routes"_s);
    panel.chart()->flush();
    QCoreApplication::sendPostedEvents();
    QVERIFY(panel.grab().save(dir + u"/connections-routes.png"_s));
    QTRY_VERIFY(log.table()->model()->rowCount() > 10);
    QVERIFY(log.grab().save(dir + u"/eventlog.png"_s));
    qInfo("screenshots in %s", qPrintable(QDir::toNativeSeparators(dir)));
    engine.stopAll();
}

QTEST_MAIN(tst_PanelScreenshots)
#include "tst_panelscreenshots.moc"
