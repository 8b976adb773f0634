#include "connection/feedengine.h"
#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "latencychart.h"
#include "testfeedserver.h"

#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLegend>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Config configFor(const QUrl &server, const QStringList &feeds)
{
    ConfigOverrides o;
    o.server = server.toString();
    o.feeds = feeds;
    o.sets = {u"stagger.step_ms=0"_s, u"heartbeat.interval_ms=40"_s};
    ConfigResult r = ConfigLoader::fromJson({}, o);
    if (!r.ok())
        qFatal("bad test config: %s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}

// A wall clock on a whole minute: the chart's axis steps (a sixtieth of its window) then fall on
// it, and the edge of the axis is the clock itself.
qint64 wholeMinute()
{
    return QDateTime::currentMSecsSinceEpoch() / 60'000 * 60'000;
}

// Where the axis ends at `now`: the next step at or after it.
qint64 axisEdge(const LatencyChart &chart, qint64 now)
{
    const qint64 step = chart.axisStepMs();
    return (now + step - 1) / step * step;
}
} // namespace

class tst_LatencyChart : public QObject
{
    Q_OBJECT

private slots:
    void pointsFromLatencyEvents();
    void keepsAtMostTheWindow();
    void windowSelector();
    void axisSpansTheHistoryUntilTheWindowIsFull();
    void oneFeedOrAll();
    void allFeedsOfOneBackend();
    void updateCost();
    void axisMovesInSteps();
    void drawsOnlyWhileOnScreen();
};

void tst_LatencyChart::pointsFromLatencyEvents()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"queue"_s, u"routes"_s});
    FeedEngine engine(config);
    FeedHub hub(config);
    hub.attach(&engine);
    LatencyChart chart(&hub);
    chart.resize(800, 300);
    chart.show();
    QVERIFY(chart.series(u"queue"_s));
    QCOMPARE(chart.series(u"queue"_s)->count(), 0);
    engine.start();
    // The timer draws them: no explicit flush here.
    QTRY_VERIFY(chart.series(u"queue"_s)->count() >= 5);
    QTRY_VERIFY(chart.series(u"routes"_s)->count() >= 5);
    const QPointF last = chart.series(u"queue"_s)->points().last();
    QVERIFY(qAbs(last.x() - double(QDateTime::currentMSecsSinceEpoch())) < 5000);
    QVERIFY(last.y() > 0);

    // A chart opened later starts from the hub's history.
    LatencyChart late(&hub);
    QVERIFY(late.bufferedPoints(u"queue"_s) >= 5);
    QVERIFY(late.series(u"queue"_s)->count() >= 5);
    engine.stopAll();
}

void tst_LatencyChart::keepsAtMostTheWindow()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"queue"_s});
    FeedEngine engine(config);
    FeedHub hub(config);
    hub.attach(&engine);
    LatencyChart chart(&hub);
    ManualClock clock(0, QDateTime::currentMSecsSinceEpoch() + 1000);
    chart.setClock(&clock);
    chart.setWindowMinutes(1);
    chart.show();
    engine.start();
    QTRY_VERIFY(chart.bufferedPoints(u"queue"_s) >= 5);
    engine.stopAll();

    // An old sample (two minutes back) never makes it past the window.
    emit hub.latencySample(u"queue"_s, clock.wallMs() - 120'000, 42.0);
    chart.flush();
    const double from = double(clock.wallMs() - 60'000);
    const QList<QPointF> points = chart.series(u"queue"_s)->points();
    QVERIFY(!points.isEmpty());
    for (const QPointF &p : points)
        QVERIFY(p.x() >= from);

    // A minute later everything has scrolled out, and the axis moved with the clock.
    clock.advance(61'000);
    chart.flush();
    QCOMPARE(chart.bufferedPoints(u"queue"_s), 0);
    QCOMPARE(chart.series(u"queue"_s)->count(), 0);
    auto *x = qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).first());
    QVERIFY(x);
    QCOMPARE(x->max().toMSecsSinceEpoch(), axisEdge(chart, clock.wallMs()));
    QCOMPARE(x->min().toMSecsSinceEpoch(), axisEdge(chart, clock.wallMs()) - 60'000);
}

void tst_LatencyChart::windowSelector()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"queue"_s});
    FeedHub hub(config);
    LatencyChart chart(&hub);
    QCOMPARE(chart.windowMinutes(), 10);
    auto *combo = chart.findChild<QComboBox *>();
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    combo->setCurrentIndex(combo->findData(5));
    QCOMPARE(chart.windowMinutes(), 5);
    // No history yet: the axis spans its minimum, a minute (see the next test).
    auto *x = qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).first());
    QCOMPARE(x->max().toMSecsSinceEpoch() - x->min().toMSecsSinceEpoch(), 60'000);
    chart.setWindowMinutes(1);
    QCOMPARE(combo->currentData().toInt(), 1);
}

// A fresh session's samples fill the plot from the right instead of sitting in a sliver at the
// edge of an empty ten minutes; once there is a window's worth of history, the window rolls.
void tst_LatencyChart::axisSpansTheHistoryUntilTheWindowIsFull()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FeedHub hub(configFor(server.baseUrl(), {u"queue"_s}));
    LatencyChart chart(&hub);
    ManualClock clock(0, wholeMinute());
    chart.setClock(&clock);
    auto *x = qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).first());
    QVERIFY(x);
    auto span = [&] {
        chart.flush();
        return x->max().toMSecsSinceEpoch() - x->min().toMSecsSinceEpoch();
    };
    emit hub.latencySample(u"queue"_s, clock.wallMs() - 10'000, 1.0);
    QCOMPARE(span(), 60'000); // at least a minute
    emit hub.latencySample(u"queue"_s, clock.wallMs() - 3 * 60'000, 1.0);
    QCOMPARE(span(), 3 * 60'000);
    clock.advance(20 * 60'000);
    emit hub.latencySample(u"queue"_s, clock.wallMs() - 1000, 1.0);
    emit hub.latencySample(u"queue"_s, clock.wallMs() - 9 * 60'000, 1.0);
    QCOMPARE(span(), 9 * 60'000);
    emit hub.latencySample(u"queue"_s, clock.wallMs() - 12 * 60'000, 1.0); // outside: dropped
    QCOMPARE(span(), 9 * 60'000);
    QCOMPARE(x->max().toMSecsSinceEpoch(), clock.wallMs());
}

void tst_LatencyChart::oneFeedOrAll()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"queue"_s, u"routes"_s});
    FeedHub hub(config);
    LatencyChart chart(&hub);
    QVERIFY(chart.series(u"queue"_s)->isVisible());
    QVERIFY(chart.series(u"routes"_s)->isVisible());
    chart.setFeed(u"routes"_s);
    chart.setShowAllFeeds(false);
    QVERIFY(!chart.series(u"queue"_s)); // no series, no legend entry
    QVERIFY(chart.series(u"routes"_s)->isVisible());
    QCOMPARE(chart.chart()->legend()->markers().size(), 1 + 3); // and the thresholds' (hidden)
    chart.setShowAllFeeds(true);
    QVERIFY(chart.series(u"queue"_s)->isVisible());
}

// Several backends: "all feeds" are those of the selected feed's backend (the first backend's
// before a feed is selected); the other backends' feeds keep their samples but have no line.
void tst_LatencyChart::allFeedsOfOneBackend()
{
    TestFeedServer a;
    TestFeedServer b;
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    const QJsonObject backends {{u"alpha"_s, QJsonObject {{u"server"_s, a.baseUrl().toString()}}},
                                {u"beta"_s, QJsonObject {{u"server"_s, b.baseUrl().toString()}}}};
    ConfigOverrides o;
    o.sets = {u"stagger.step_ms=0"_s, u"heartbeat.interval_ms=40"_s};
    const ConfigResult r = ConfigLoader::fromJson(
        {{u"backends"_s, backends}, {u"feeds"_s, QJsonArray {u"queue"_s, u"routes"_s}}}, o);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    FeedEngine engine(r.config);
    FeedHub hub(r.config);
    hub.attach(&engine);
    LatencyChart chart(&hub);
    chart.resize(800, 300);
    chart.show();
    const auto shownFeeds = [&] {
        QStringList ids;
        for (const QString &id : hub.feedIds()) {
            if (chart.series(id))
                ids << id;
        }
        return ids;
    };
    QCOMPARE(shownFeeds(), (QStringList {u"alpha/queue"_s, u"alpha/routes"_s}));
    QCOMPARE(chart.chart()->series().size(), 2 + 3); // the thresholds are series too
    // The checkbox names the backend; the legend the feeds (no backend: "alpha/..." elided).
    QCOMPARE(chart.series(u"alpha/queue"_s)->name(), u"queue"_s);
    QVERIFY(chart.findChild<QCheckBox *>()->text().contains(u"alpha"_s));
    engine.start();
    QTRY_VERIFY(chart.bufferedPoints(u"beta/queue"_s) >= 3); // buffered all the same
    QTRY_VERIFY(chart.series(u"alpha/queue"_s)->count() >= 3);
    const QColor queueColour = chart.series(u"alpha/queue"_s)->pen().color();

    chart.setFeed(u"beta/routes"_s);
    QCOMPARE(shownFeeds(), (QStringList {u"beta/queue"_s, u"beta/routes"_s}));
    QCOMPARE(chart.chart()->legend()->markers().size(), 2 + 3);
    QVERIFY(chart.findChild<QCheckBox *>()->text().contains(u"beta"_s));
    chart.flush();
    QVERIFY(chart.series(u"beta/queue"_s)->count() >= 3); // drawn from its buffer at once
    // A feed's colour is its place among its backend's feeds: distinct within the backend (60
    // backends' lines numbered one after the other once gave a backend's 8 lines one colour).
    QCOMPARE(chart.series(u"beta/queue"_s)->pen().color(), queueColour);
    QVERIFY(chart.series(u"beta/routes"_s)->pen().color() != queueColour);

    chart.setShowAllFeeds(false);
    QCOMPARE(shownFeeds(), QStringList {u"beta/routes"_s});
    engine.stopAll();
}

void tst_LatencyChart::updateCost()
{
    // 9 feeds x 10 samples/s for the full 10 minutes: what one flush and one repaint cost.
    TestFeedServer server;
    QVERIFY(server.listen());
    ConfigOverrides o;
    o.server = server.baseUrl().toString();
    const Config config = ConfigLoader::fromJson({}, o).config;
    FeedHub hub(config);
    QCOMPARE(hub.feedIds().size(), 9);
    LatencyChart chart(&hub);
    chart.resize(1000, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    for (qint64 t = now - 600'000; t <= now; t += 100) {
        for (const QString &id : hub.feedIds())
            emit hub.latencySample(id, t, 0.3 + double(t % 700) / 1000.0);
    }
    const qint64 appendMs = timer.elapsed();
    QCOMPARE(chart.bufferedPoints(u"queue"_s), 6001);
    timer.restart();
    chart.flush();
    const qint64 flushNs = timer.nsecsElapsed();
    timer.restart();
    chart.grab();
    const qint64 paintNs = timer.nsecsElapsed();
    // Decimation: never more than two points per bucket reach the series.
    QVERIFY(chart.series(u"queue"_s)->count() <= 2 * std::max(100, 1000));
    // A steady-state flush after one new sample per feed.
    for (const QString &id : hub.feedIds())
        emit hub.latencySample(id, now + 100, 0.5);
    timer.restart();
    chart.flush();
    const qint64 steadyNs = timer.nsecsElapsed();
    qInfo("54,000 appends %lld ms; full flush %.1f ms; repaint %.1f ms; steady flush %.1f ms; "
          "%lld points drawn per series",
          appendMs, flushNs / 1e6, paintNs / 1e6, steadyNs / 1e6,
          qint64(chart.series(u"queue"_s)->count()));
    QVERIFY2(steadyNs < 250'000'000, "a flush must fit well inside its 250 ms period");
}

// #17: every move of the time axis lays out its labels and every line again, which was most of
// an idle dashboard's CPU while the axis followed the clock pixel by pixel. It moves in steps of
// about a fiftieth of what it spans; samples in between are drawn where they belong.
void tst_LatencyChart::axisMovesInSteps()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {u"queue"_s});
    FeedHub hub(config);
    LatencyChart chart(&hub);
    ManualClock clock(0, wholeMinute());
    chart.setClock(&clock);
    chart.resize(1000, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setWindowMinutes(10);
    QCOMPARE(chart.flushIntervalMs(), 1000);
    auto *x = qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).first());

    // A fresh session: a minute's axis in steps of a second, the newest sample near the edge.
    emit hub.latencySample(u"queue"_s, clock.wallMs() - 20'000, 1.0);
    clock.advance(1);
    chart.flush();
    QCOMPARE(chart.axisStepMs(), 1000);
    QCOMPARE(x->max().toMSecsSinceEpoch(), clock.wallMs() - 1 + 1000);
    QCOMPARE(x->max().toMSecsSinceEpoch() - x->min().toMSecsSinceEpoch(), 60'000);

    // Ten minutes of heartbeats (one every 5 s): steps of 10 s.
    for (qint64 t = clock.wallMs() - 1 - 595'000; t < clock.wallMs(); t += 5000)
        emit hub.latencySample(u"queue"_s, t, 1.0);
    clock.advance(10'000 - 1); // on a step: the edge is now
    chart.flush();
    QCOMPARE(chart.axisStepMs(), 10'000);
    QCOMPARE(x->max().toMSecsSinceEpoch(), clock.wallMs());
    const qint64 edge = clock.wallMs() + 10'000;
    // A sample before the next step is drawn, and the axis moves once, to the next step.
    clock.advance(4'000);
    emit hub.latencySample(u"queue"_s, clock.wallMs(), 2.0);
    chart.flush();
    QCOMPARE(chart.series(u"queue"_s)->points().constLast().x(), double(clock.wallMs()));
    QCOMPARE(x->max().toMSecsSinceEpoch(), edge);

    // A minute with the timer's flush every second and a heartbeat sample every 5 s: the axis
    // moves six times, every sample is drawn.
    QSignalSpy moves(x, &QDateTimeAxis::rangeChanged);
    for (int second = 1; second <= 60; ++second) {
        clock.advance(1000);
        if (second % 5 == 0)
            emit hub.latencySample(u"queue"_s, clock.wallMs(), 3.0);
        chart.flush();
    }
    QCOMPARE(moves.count(), 6);
    QCOMPARE(chart.series(u"queue"_s)->points().constLast().x(), double(clock.wallMs()));
    QVERIFY(x->max().toMSecsSinceEpoch() >= clock.wallMs());
    QVERIFY(x->max().toMSecsSinceEpoch() - clock.wallMs() < chart.axisStepMs());

    // Nothing new and no step crossed: nothing is drawn again.
    QSignalSpy replaced(chart.series(u"queue"_s), &QXYSeries::pointsReplaced);
    chart.flush();
    QCOMPARE(replaced.count(), 0);

    // The 1-minute window: steps of a second, drawn four times a second.
    chart.setWindowMinutes(1);
    QCOMPARE(chart.axisStepMs(), 1000);
    QCOMPARE(chart.flushIntervalMs(), LatencyChart::minFlushIntervalMs);
}

QTEST_MAIN(tst_LatencyChart)
// #17: a minimised or hidden chart costs nothing on the timer; what arrived meanwhile is
// buffered and drawn as soon as it is on screen again.
void tst_LatencyChart::drawsOnlyWhileOnScreen()
{
    const Config config = configFor(QUrl(u"ws://127.0.0.1:9"_s), {u"queue"_s});
    FeedHub hub(config);
    LatencyChart chart(&hub);
    ManualClock clock(0, QDateTime::currentMSecsSinceEpoch());
    chart.setClock(&clock);
    chart.resize(800, 300);
    chart.setWindowMinutes(1);   // the shortest flush interval
    QVERIFY(!chart.isDrawing()); // never shown yet
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QVERIFY(chart.isDrawing());
    emit hub.latencySample(u"queue"_s, clock.wallMs(), 12.0);
    QTRY_COMPARE(chart.series(u"queue"_s)->count(), 1);

    chart.showMinimized();
    QVERIFY(!chart.isDrawing());
    for (int i = 1; i <= 3; ++i) {
        clock.advance(100);
        emit hub.latencySample(u"queue"_s, clock.wallMs(), 12.0 + i);
    }
    QTest::qWait(3 * chart.flushIntervalMs()); // timers would have drawn them by now
    QCOMPARE(chart.bufferedPoints(u"queue"_s), 4);
    QCOMPARE(chart.series(u"queue"_s)->count(), 1);

    chart.showNormal();
    QVERIFY(chart.isDrawing());
    QCOMPARE(chart.series(u"queue"_s)->count(), 4); // drawn on the way back, not a tick later

    chart.hide(); // closed to the tray
    QVERIFY(!chart.isDrawing());
    chart.show();
    QVERIFY(chart.isDrawing());
}

#include "tst_latencychart.moc"
