// The tray icon is the app icon with the overall state as a badge, and the state it shows
// follows the feeds (the tray itself is unavailable offscreen; the icon and tone are not).
#include "appicon.h"
#include "connection/feedengine.h"
#include "dashboard/feedhub.h"
#include "statusstyle.h"
#include "testfeedserver.h"
#include "trayicon.h"

#include <QImage>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_TrayIcon : public QObject
{
    Q_OBJECT

private slots:
    void iconIsTheAppIconWithAStateBadge_data();
    void iconIsTheAppIconWithAStateBadge();
    void toneFollowsTheFeeds();
};

void tst_TrayIcon::iconIsTheAppIconWithAStateBadge_data()
{
    QTest::addColumn<int>("tone");
    QTest::newRow("good") << int(StatusStyle::Tone::Good);
    QTest::newRow("warning") << int(StatusStyle::Tone::Warning);
    QTest::newRow("bad") << int(StatusStyle::Tone::Bad);
}

void tst_TrayIcon::iconIsTheAppIconWithAStateBadge()
{
    QFETCH(int, tone);
    const auto t = StatusStyle::Tone(tone);
    const QImage app =
        AppIcon::icon().pixmap(32, 32).toImage().convertToFormat(QImage::Format_ARGB32);
    const QImage tray =
        TrayIcon::iconFor(t).pixmap(32, 32).toImage().convertToFormat(QImage::Format_ARGB32);
    QVERIFY(!app.isNull());
    QCOMPARE(tray.size(), app.size());
    // Top left: the application icon, untouched.
    QCOMPARE(tray.pixel(8, 8), app.pixel(8, 8));
    QVERIFY(qAlpha(tray.pixel(8, 8)) > 0);
    // Lower right: the state colour.
    const QColor badge = tray.pixelColor(32 - 7, 32 - 7);
    const QColor expected = StatusStyle::color(t);
    QVERIFY2(qAbs(badge.red() - expected.red()) < 8 && qAbs(badge.green() - expected.green()) < 8
                 && qAbs(badge.blue() - expected.blue()) < 8,
             qPrintable(badge.name() + u" vs "_s + expected.name()));
}

void tst_TrayIcon::toneFollowsTheFeeds()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    ConfigOverrides o;
    o.server = server.baseUrl().toString();
    o.feeds = {u"queue"_s, u"routes"_s};
    o.sets = {u"stagger.step_ms=0"_s, u"backoff.initial_ms=100000"_s};
    const Config config = ConfigLoader::fromJson({}, o).config;
    FeedEngine engine(config);
    FeedHub hub(config);
    hub.attach(&engine);
    QCOMPARE(TrayIcon::overallTone(&hub), StatusStyle::Tone::Idle);
    engine.start();
    QTRY_COMPARE(TrayIcon::overallTone(&hub), StatusStyle::Tone::Good);
    engine.stopFeed(u"routes"_s);
    QTRY_COMPARE(TrayIcon::overallTone(&hub), StatusStyle::Tone::Bad); // one stopped
    engine.startFeed(u"routes"_s);
    QTRY_COMPARE(TrayIcon::overallTone(&hub), StatusStyle::Tone::Good);
    server.close();
    QTRY_COMPARE(TrayIcon::overallTone(&hub), StatusStyle::Tone::Bad); // none live
    engine.stopAll();
}

QTEST_MAIN(tst_TrayIcon)
#include "tst_trayicon.moc"
