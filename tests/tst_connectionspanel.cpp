#include "connection/feedengine.h"
#include "connectionspanel.h"
#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "latencychart.h"
#include "models/connectionsmodel.h"
#include "testfeedserver.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Config configFor(const QUrl &server, const QStringList &sets = {})
{
    ConfigOverrides o;
    o.server = server.toString();
    o.feeds = {u"queue"_s};
    o.sets = QStringList {u"stagger.step_ms=0"_s, u"backoff.initial_ms=20"_s, u"backoff.jitter=0"_s,
                          u"heartbeat.interval_ms=100"_s}
        + sets;
    ConfigResult r = ConfigLoader::fromJson({}, o);
    if (!r.ok())
        qFatal("bad test config: %s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}

// A real engine and hub behind a shown panel, the way the main window wires them.
struct Rig
{
    explicit Rig(const Config &config)
        : engine(config)
        , hub(config)
    {
        hub.attach(&engine);
        panel = std::make_unique<ConnectionsPanel>(&hub);
        panel->resize(1100, 600);
        panel->show();
    }
    ~Rig() { engine.stopAll(); }
    QPushButton *button(const QString &name) const { return panel->findChild<QPushButton *>(name); }
    QString text(const QString &label) const { return panel->findChild<QLabel *>(label)->text(); }
    Feed::State state() const { return hub.stats(u"queue"_s).state; }

    FeedEngine engine;
    FeedHub hub;
    std::unique_ptr<ConnectionsPanel> panel;
};
} // namespace

class tst_ConnectionsPanel : public QObject
{
    Q_OBJECT

private slots:
    void selectsTheFirstFeed();
    void reconnectButtonReconnects();
    void reconnectResetsAnOpenCircuit();
    void testConnectionLeavesTheLiveLinkAlone();
    void stopStartToggles();
    void countdownTicks();
    void tickAnnouncesOnlyCountdowns();
    void reconnectAllReconnects();
    void layoutRoundTrips();
};

void tst_ConnectionsPanel::selectsTheFirstFeed()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    Rig rig(configFor(server.baseUrl()));
    QCOMPARE(rig.panel->selectedFeed(), u"queue"_s);
    QCOMPARE(rig.text(u"detailTitle"_s), u"queue"_s);
    QCOMPARE(rig.text(u"qualityBadge"_s), u"disconnected"_s);
    rig.engine.start();
    QTRY_COMPARE(rig.state(), Feed::State::Connected);
    // Connected and measured: the badge follows the RTT samples.
    QTRY_COMPARE(rig.text(u"qualityBadge"_s), u"excellent"_s);
    QTRY_VERIFY(rig.text(u"lastRttValue"_s).endsWith(u" ms"_s));
}

void tst_ConnectionsPanel::reconnectButtonReconnects()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    Rig rig(configFor(server.baseUrl()));
    rig.engine.start();
    QTRY_COMPARE(server.activeCount(), 1);
    const int before = server.connectionCount();
    QPushButton *reconnect = rig.button(u"reconnectButton"_s);
    QVERIFY(reconnect->isEnabled());
    QVERIFY(!reconnect->accessibleName().isEmpty());
    QTest::mouseClick(reconnect, Qt::LeftButton);
    QTRY_COMPARE(server.connectionCount(), before + 1);
    QTRY_COMPARE(server.activeCount(), 1);
    QTRY_COMPARE(rig.state(), Feed::State::Connected);
    // The detail pane tells the story: the operator's close (1000) counted, the timeline newest
    // first.
    QTRY_COMPARE(rig.text(u"closeCodesValue"_s), u"1000 × 1"_s);
    const QStringList timeline = rig.text(u"timelineValue"_s).split(u'\n');
    QVERIFY2(timeline.size() >= 4, qPrintable(timeline.join(u'|')));
    QVERIFY2(timeline.first().contains(u"Connected"_s) || timeline.first().contains(u"State"_s),
             qPrintable(timeline.join(u'|')));
    QVERIFY2(rig.text(u"timelineValue"_s).contains(u"Manual reconnect"_s),
             qPrintable(timeline.join(u'|')));
    QVERIFY(!rig.text(u"timelineValue"_s).contains(u"Snapshot"_s)); // no data noise
}

void tst_ConnectionsPanel::reconnectResetsAnOpenCircuit()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const QUrl base = server.baseUrl();
    server.close(); // a closed port: every attempt is refused
    Rig rig(configFor(base, {u"circuit.failure_threshold=2"_s}));
    rig.engine.start();
    QTRY_COMPARE(rig.state(), Feed::State::CircuitOpen);
    QCOMPARE(rig.hub.stats(u"queue"_s).circuit, Circuit::State::Open);
    QTRY_VERIFY(rig.text(u"circuitValue"_s).startsWith(u"open · 2/2 failures · half-open in"_s));
    QVERIFY(rig.text(u"nextRetryValue"_s).startsWith(u"circuit open, next try in"_s));

    QVERIFY(server.listen(base.port()));
    QTest::mouseClick(rig.button(u"reconnectButton"_s), Qt::LeftButton);
    QTRY_COMPARE(rig.state(), Feed::State::Connected);
    QCOMPARE(rig.hub.stats(u"queue"_s).circuit, Circuit::State::Closed);
    QTRY_VERIFY(rig.text(u"circuitValue"_s).startsWith(u"closed"_s));
    QCOMPARE(server.activeCount(), 1);
}

void tst_ConnectionsPanel::testConnectionLeavesTheLiveLinkAlone()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    Rig rig(configFor(server.baseUrl()));
    rig.engine.start();
    QTRY_COMPARE(server.activeCount(), 1);
    QTRY_COMPARE(rig.state(), Feed::State::Connected);
    QSignalSpy events(&rig.hub, &FeedHub::eventReceived);
    const int before = server.connectionCount();

    QPushButton *test = rig.button(u"testButton"_s);
    QTest::mouseClick(test, Qt::LeftButton);
    QCOMPARE(rig.text(u"testResult"_s), u"Testing…"_s);
    QVERIFY(!test->isEnabled()); // one test at a time per feed
    QTRY_VERIFY(rig.text(u"testResult"_s).contains(u": ok — "_s));
    QVERIFY2(QRegularExpression(u"ok — [0-9.]+ ms \\(connect [0-9.]+ ms\\)$"_s)
                 .match(rig.text(u"testResult"_s))
                 .hasMatch(),
             qPrintable(rig.text(u"testResult"_s)));
    QVERIFY(test->isEnabled());
    QCOMPARE(server.connectionCount(), before + 1); // the tester's own socket
    QTRY_COMPARE(server.activeCount(), 1);          // ... which is gone again
    QCOMPARE(rig.state(), Feed::State::Connected);
    for (const QList<QVariant> &args : std::as_const(events)) {
        const auto e = args.first().value<FeedEvent>();
        QVERIFY2(e.event != u"disconnected"_s && e.event != u"attempt"_s,
                 qPrintable(QString::fromUtf8(e.toJsonLine())));
    }
}

void tst_ConnectionsPanel::stopStartToggles()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    Rig rig(configFor(server.baseUrl()));
    rig.engine.start();
    QTRY_COMPARE(server.activeCount(), 1);
    QPushButton *toggle = rig.button(u"stopStartButton"_s);
    QTRY_COMPARE(toggle->text(), u"S&top"_s);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_COMPARE(rig.state(), Feed::State::Stopped);
    QTRY_COMPARE(server.activeCount(), 0);
    QTRY_COMPARE(toggle->text(), u"S&tart"_s);
    QVERIFY(toggle->accessibleName().startsWith(u"Start feed"_s));
    QCOMPARE(rig.text(u"nextRetryValue"_s), u"stopped"_s);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_COMPARE(rig.state(), Feed::State::Connected);
    QTRY_COMPARE(server.activeCount(), 1);
    QTRY_COMPARE(toggle->text(), u"S&top"_s);
}

void tst_ConnectionsPanel::countdownTicks()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const QUrl base = server.baseUrl();
    server.close();
    Rig rig(configFor(base, {u"backoff.initial_ms=40000"_s, u"backoff.max_ms=60000"_s}));
    rig.engine.start();
    QTRY_COMPARE(rig.state(), Feed::State::ReconnectWait);
    // Nothing listens: said as such, then the countdown.
    static const QRegularExpression countdown(
        u"^server not accepting connections yet, reconnecting in (\\d+) s$"_s);
    QTRY_VERIFY(countdown.match(rig.text(u"nextRetryValue"_s)).hasMatch());
    const int first = countdown.match(rig.text(u"nextRetryValue"_s)).captured(1).toInt();
    QVERIFY2(first > 30 && first <= 40, qPrintable(rig.text(u"nextRetryValue"_s)));
    // No stats arrive while waiting: only the panel's tick can move the number.
    QTRY_COMPARE_WITH_TIMEOUT(
        rig.text(u"nextRetryValue"_s),
        u"server not accepting connections yet, reconnecting in %1 s"_s.arg(first - 1), 2500);
    QTRY_COMPARE_WITH_TIMEOUT(
        rig.text(u"nextRetryValue"_s),
        u"server not accepting connections yet, reconnecting in %1 s"_s.arg(first - 2), 2500);

    // Off screen (another page, minimised, closed to the tray) nothing ticks; shown again, the
    // countdown is right at once.
    rig.panel->hide();
    const QString hidden = rig.text(u"nextRetryValue"_s);
    QTest::qWait(2200);
    QCOMPARE(rig.text(u"nextRetryValue"_s), hidden);
    rig.panel->show();
    const int now = countdown.match(rig.text(u"nextRetryValue"_s)).captured(1).toInt();
    QVERIFY2(now <= first - 4 && now >= first - 6, qPrintable(rig.text(u"nextRetryValue"_s)));
}

// #17: the table repaints what a dataChanged() covers. Once a second only the cells that count
// down are announced: an open circuit's half-open time and a planned retry; a connected feed's
// row is left alone.
void tst_ConnectionsPanel::tickAnnouncesOnlyCountdowns()
{
    ConnectionsModel model;
    ManualClock clock(0, 1'000'000);
    model.setClock(&clock);
    FeedStats live;
    live.feedId = u"live"_s;
    live.state = Feed::State::Connected;
    FeedStats waiting;
    waiting.feedId = u"waiting"_s;
    waiting.state = Feed::State::ReconnectWait;
    waiting.nextRetryWallMs = clock.wallMs() + 5'000;
    FeedStats open;
    open.feedId = u"open"_s;
    open.state = Feed::State::CircuitOpen;
    open.circuit = Circuit::State::Open;
    open.halfOpenAtWallMs = clock.wallMs() + 60'000;
    for (const FeedStats &s : {live, waiting, open})
        model.updateStats(s);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    clock.advance(1000);
    model.tick();
    QCOMPARE(changed.count(), 2);
    auto cells = [&](int i) {
        const auto from = changed.at(i).at(0).value<QModelIndex>();
        const auto to = changed.at(i).at(1).value<QModelIndex>();
        return QList<int> {from.row(), from.column(), to.row(), to.column()};
    };
    QCOMPARE(
        cells(0),
        (QList<int> {1, ConnectionsModel::NextRetryColumn, 1, ConnectionsModel::NextRetryColumn}));
    QCOMPARE(cells(1),
             (QList<int> {2, ConnectionsModel::CircuitColumn, 2, ConnectionsModel::CircuitColumn}));
    QCOMPARE(model.index(1, ConnectionsModel::NextRetryColumn).data().toString(), u"in 4 s"_s);
    // Nothing counts down: nothing is announced.
    model.updateStats(live);
    waiting.state = Feed::State::Connected;
    waiting.nextRetryWallMs = 0;
    model.updateStats(waiting);
    open.circuit = Circuit::State::HalfOpen;
    model.updateStats(open);
    changed.clear();
    model.tick();
    QCOMPARE(changed.count(), 0);
}

void tst_ConnectionsPanel::reconnectAllReconnects()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    ConfigOverrides o;
    o.server = server.baseUrl().toString();
    o.feeds = {u"queue"_s, u"routes"_s};
    o.sets = {u"stagger.step_ms=0"_s};
    Rig rig(ConfigLoader::fromJson({}, o).config);
    rig.engine.start();
    QTRY_COMPARE(server.activeCount(), 2);
    const int before = server.connectionCount();
    QTest::mouseClick(rig.button(u"reconnectAllButton"_s), Qt::LeftButton);
    QTRY_COMPARE(server.connectionCount(), before + 2);
    QTRY_COMPARE(server.activeCount(), 2);
}

// Hidden columns, splitters and the chart window come back in a new panel; a layout saved by a
// build with other columns is refused instead of putting headers over the wrong data.
void tst_ConnectionsPanel::layoutRoundTrips()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    Rig first(configFor(server.baseUrl()));
    QHeaderView *header = first.panel->table()->horizontalHeader();
    // Fits 1366x768 by default: these live in the detail pane.
    QVERIFY(header->isSectionHidden(ConnectionsModel::MessagesColumn));
    QVERIFY(header->isSectionHidden(ConnectionsModel::ProtocolErrorsColumn));
    QVERIFY(!header->isSectionHidden(ConnectionsModel::NextRetryColumn));
    header->showSection(ConnectionsModel::MessagesColumn);
    header->hideSection(ConnectionsModel::UptimeColumn);
    auto *split = first.panel->findChild<QSplitter *>(u"tableSplitter"_s);
    QVERIFY(split);
    split->setSizes({120, 400});
    const QList<int> sizes = split->sizes();
    first.panel->chart()->setWindowMinutes(5);
    const QByteArray layout = first.panel->saveLayout();

    Rig second(configFor(server.baseUrl()));
    QVERIFY(second.panel->restoreLayout(layout));
    QHeaderView *restored = second.panel->table()->horizontalHeader();
    QVERIFY(!restored->isSectionHidden(ConnectionsModel::MessagesColumn));
    QVERIFY(restored->isSectionHidden(ConnectionsModel::UptimeColumn));
    QCOMPARE(second.panel->findChild<QSplitter *>(u"tableSplitter"_s)->sizes(), sizes);
    QCOMPARE(second.panel->chart()->windowMinutes(), 5);

    QByteArray other = layout;
    other[7] = char(other[7] + 1); // the column count in the header of the layout
    QVERIFY(!second.panel->restoreLayout(other));
    QVERIFY(!second.panel->restoreLayout(QByteArray("garbage")));
    QVERIFY(restored->isSectionHidden(ConnectionsModel::UptimeColumn)); // untouched
}

QTEST_MAIN(tst_ConnectionsPanel)
#include "tst_connectionspanel.moc"
