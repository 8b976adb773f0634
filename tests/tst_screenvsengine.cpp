// The screen is checked against the engine: faults are driven (latency, a frozen peer, a refused
// upgrade, an open circuit) and at each instant what the Connections page paints — state,
// quality, RTT, retry count, next-retry countdown, circuit — is compared with the engine's own
// stats and with its event stream. Engine, hub and page share one manual clock, so "the same
// instant" is exact.

#include "connection/feedconnection.h"
#include "connection/feedengine.h"
#include "connectionspanel.h"
#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "eventrecorder.h"
#include "faultproxy.h"
#include "models/connectionsmodel.h"
#include "models/freshness.h"
#include "testfeedserver.h"

#include <QLabel>
#include <QTableView>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

// A mismatch in check() fails the test at once, at the instant it was found.
#define CHECK(when)                                                                                \
    do {                                                                                           \
        check(when);                                                                               \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

namespace {

Config configFor(const QUrl &server)
{
    ConfigOverrides o;
    o.server = server.toString();
    o.feeds = {u"queue"_s};
    o.sets = {u"stagger.step_ms=0"_s,
              u"backoff.initial_ms=1000"_s,
              u"backoff.jitter=0"_s,
              u"heartbeat.interval_ms=1000"_s,
              u"heartbeat.timeout_ms=3000"_s,
              u"connection.stable_ms=5000"_s,
              u"circuit.failure_threshold=3"_s,
              u"circuit.open_ms=60000"_s,
              u"connect.timeout_ms=2000"_s};
    ConfigResult r = ConfigLoader::fromJson({}, o);
    if (!r.ok())
        qFatal("bad test config: %s", qPrintable(r.errors.join(u'\n')));
    for (FeedSpec &f : r.config.feeds)
        f.snapshotUrl = QUrl();
    return r.config;
}

// Whole seconds left, rounded up, as the page counts down.
QString seconds(qint64 ms)
{
    return Freshness::duration(ms);
}

} // namespace

class tst_ScreenVsEngine : public QObject
{
    Q_OBJECT

private slots:
    void faultsShowAsTheEngineMeasuredThem();

private:
    // Compares the page with the engine and the event stream now; returns what it compared.
    void check(const QString &when);

    ManualClock *m_clock = nullptr;
    FeedEngine *m_engine = nullptr;
    FeedHub *m_hub = nullptr;
    ConnectionsPanel *m_panel = nullptr;
    EventRecorder *m_events = nullptr;
    int m_checks = 0;
};

void tst_ScreenVsEngine::check(const QString &when)
{
    m_engine->publishStats();
    QCoreApplication::processEvents();
    m_panel->setClock(m_clock); // repaint the detail at this instant
    m_hub->connections()->tick();
    const FeedStats engine = m_engine->allStats().first();
    const qint64 now = m_clock->wallMs();
    auto label = [this](const char *name) {
        return m_panel->findChild<QLabel *>(QLatin1StringView(name))->text();
    };
    auto cell = [this](ConnectionsModel::Column column) {
        const ConnectionsModel *model = m_hub->connections();
        return model->data(model->index(model->rowOf(u"queue"_s), column)).toString();
    };
    const QString at = u" [%1]"_s.arg(when);

    // State and quality: the page's words for the engine's values.
    QVERIFY2(label("stateValue").endsWith(ConnectionsModel::stateText(engine).toHtmlEscaped()),
             qPrintable(label("stateValue") + at));
    QCOMPARE(cell(ConnectionsModel::StateColumn), ConnectionsModel::stateText(engine));
    QCOMPARE(label("qualityBadge"), ConnectionsModel::qualityText(engine.quality));
    QCOMPARE(cell(ConnectionsModel::QualityColumn), ConnectionsModel::qualityText(engine.quality));

    // RTT: the engine's last sample is the last latency event of this connection (a new one
    // starts unmeasured), and the page shows it.
    qsizetype since = -1;
    for (qsizetype i = 0; i < m_events->events().size(); ++i) {
        if (m_events->events().at(i).event == "connected"_L1)
            since = i;
    }
    double lastRtt = -1;
    for (qsizetype i = std::max<qsizetype>(since, 0); i < m_events->events().size(); ++i) {
        if (m_events->events().at(i).event == "latency"_L1)
            lastRtt = m_events->events().at(i).fields.value("rtt_ms"_L1).toDouble();
    }
    if (engine.state == Feed::State::Connected)
        QCOMPARE(std::round(engine.lastRttMs * 1000) / 1000, lastRtt);
    QCOMPARE(label("lastRttValue"), ConnectionsModel::rttText(engine.lastRttMs));
    QCOMPARE(cell(ConnectionsModel::LastRttColumn), ConnectionsModel::rttText(engine.lastRttMs));

    // Retries: the counters are the event stream's.
    QCOMPARE(engine.totalRetries, m_events->count(u"retry_scheduled"_s));
    QCOMPARE(label("totalRetriesValue"), QLocale().toString(engine.totalRetries));
    QCOMPARE(label("retryValue"), QLocale().toString(engine.attempt));

    // The countdown: the last retry_scheduled event's delay, counted from when it was said.
    if (engine.state == Feed::State::ReconnectWait || engine.state == Feed::State::CircuitOpen) {
        const FeedEvent retry = m_events->last(u"retry_scheduled"_s);
        const qint64 due = retry.wallMs + qint64(retry.fields.value("delay_ms"_L1).toDouble());
        QCOMPARE(engine.nextRetryWallMs, due);
        const QString left = seconds(due - now);
        if (engine.state == Feed::State::ReconnectWait) {
            const QString why = Freshness::waitText(engine.wait);
            const QString expected = why.isEmpty() ? u"reconnecting in %1"_s.arg(left)
                                                   : u"%1, reconnecting in %2"_s.arg(why, left);
            QCOMPARE(label("nextRetryValue"), expected);
        } else {
            QCOMPARE(label("nextRetryValue"),
                     u"circuit open, next try in %1"_s.arg(seconds(engine.halfOpenAtWallMs - now)));
        }
        QCOMPARE(cell(ConnectionsModel::NextRetryColumn), u"in %1"_s.arg(left));
    }

    // The circuit: the last circuit event's failures, the engine's threshold and half-open time.
    const FeedEvent circuit = m_events->last(u"circuit"_s);
    if (engine.circuit == Circuit::State::Open) {
        QCOMPARE(engine.circuitFailures, circuit.fields.value("failures"_L1).toInt());
        QCOMPARE(label("circuitValue"),
                 u"open · %1/%2 failures · half-open in %3"_s.arg(engine.circuitFailures)
                     .arg(engine.circuitThreshold)
                     .arg(seconds(engine.halfOpenAtWallMs - now)));
    } else if (engine.circuit == Circuit::State::Closed) {
        QCOMPARE(
            label("circuitValue"),
            u"closed · %1/%2 failures"_s.arg(engine.circuitFailures).arg(engine.circuitThreshold));
    }
    ++m_checks;
}

void tst_ScreenVsEngine::faultsShowAsTheEngineMeasuredThem()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    const Config config = configFor(proxy.wsUrl(QString()).adjusted(QUrl::RemovePath));
    ManualClock clock(0, QDateTime::currentMSecsSinceEpoch());
    FixedRandom random(0);
    FeedEngine engine(config, &clock, &random);
    FeedHub hub(config);
    hub.setClock(&clock);
    hub.attach(&engine);
    EventRecorder events(&engine);
    ConnectionsPanel panel(&hub);
    panel.setClock(&clock);
    panel.resize(1100, 700);
    panel.show();
    m_clock = &clock;
    m_engine = &engine;
    m_hub = &hub;
    m_panel = &panel;
    m_events = &events;

    engine.start();
    QTRY_COMPARE(engine.stats(u"queue"_s).state, Feed::State::Connected);
    CHECK(u"connected, nothing measured"_s);
    QCOMPARE(hub.stats(u"queue"_s).quality, Quality::Tier::Unknown);
    clock.advance(250);
    QTRY_COMPARE(events.count(u"latency"_s), 1);
    CHECK(u"first pong"_s);

    // Latency: the pong takes 180 ms on the engine's clock.
    proxy.setLatency(100);
    clock.advance(1000); // the next ping leaves
    clock.advance(180);
    QTRY_COMPARE(events.count(u"latency"_s), 2);
    CHECK(u"latency 180 ms"_s);
    QCOMPARE(hub.stats(u"queue"_s).lastRttMs, 180.0);

    // Frozen peer: the heartbeat ends the link; the page counts down to the retry.
    proxy.setLatency(0);
    proxy.setFrozen(true);
    clock.advance(1000);
    clock.advance(3000);
    QTRY_COMPARE(engine.stats(u"queue"_s).state, Feed::State::ReconnectWait);
    QCOMPARE(events.count(u"heartbeat_timeout"_s), 1);
    CHECK(u"frozen: dead link, retry due"_s);
    clock.advance(400);
    CHECK(u"frozen: 600 ms to the retry"_s);

    // Refused upgrade: 503 twice, then the circuit opens (a stable link's end counted one).
    proxy.setFrozen(false);
    proxy.setHttpRefusal(503, false);
    clock.advance(600);
    QTRY_COMPARE(events.count(u"retry_scheduled"_s), 2);
    CHECK(u"503: not ready yet"_s);
    clock.advance(2000);
    QTRY_COMPARE(engine.stats(u"queue"_s).state, Feed::State::CircuitOpen);
    CHECK(u"circuit open"_s);
    clock.advance(15500);
    CHECK(u"circuit open, 44.5 s left"_s);
    QVERIFY(
        m_panel->findChild<QLabel *>(u"circuitValue"_s)->text().endsWith(u"half-open in 45 s"_s));

    // The circuit half-opens, the probe gets through: closed again, all figures with it.
    proxy.clearFaults();
    clock.advance(44500);
    QTRY_COMPARE(engine.stats(u"queue"_s).state, Feed::State::Connected);
    CHECK(u"half-open probe connected"_s);
    // Answered heartbeats (the loop runs between rounds, so pongs arrive) until it is stable.
    int answered = events.count(u"latency"_s);
    clock.advance(250);
    for (int round = 0; round < 5; ++round) {
        ++answered;
        QTRY_COMPARE(events.count(u"latency"_s), answered);
        CHECK(u"half-open probe, round %1"_s.arg(round));
        clock.advance(1000);
    }
    QCOMPARE(events.count(u"stable"_s), 2); // the first connection's, and this one's
    CHECK(u"stable: circuit closed"_s);
    QCOMPARE(hub.stats(u"queue"_s).circuit, Circuit::State::Closed);
    qInfo("%d instants compared: state, quality, RTT, retries, countdown, circuit", m_checks);
    engine.stopAll();
}

QTEST_MAIN(tst_ScreenVsEngine)
#include "tst_screenvsengine.moc"
