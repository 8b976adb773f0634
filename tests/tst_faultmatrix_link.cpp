// Fault matrix, part 2: links that end or stall in the middle of things (RST, FIN without a close
// frame, a partial frame then silence, a frozen peer, a hung handshake, refused upgrades), in
// loops, through a FaultProxy. Each cell prints its figure with qInfo().

#include "connection/feedconnection.h"
#include "connection/feedengine.h"
#include "core/clock.h"
#include "faultmatrix.h"
#include "faultproxy.h"
#include "testfeedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace FaultMatrix;

namespace {

const QStringList kFeeds = {u"queue"_s, u"workflows"_s, u"system-status"_s};
const QByteArray kSnapshot = R"({"type":"queue_update","data":{"phases":[{"queue_id":"q0"}]}})";
constexpr qint64 kSlackMs = 250;

QUrl proxyBase(const FaultProxy &proxy)
{
    return proxy.wsUrl(QString()).adjusted(QUrl::RemovePath);
}

QByteArray compact(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

// A queue snapshot with a sequence number and `padding` bytes, so frames span TCP segments.
QByteArray queueSnapshot(int seq, int padding)
{
    return R"({"type":"queue_update","data":{"phases":[{"queue_id":"q)" + QByteArray::number(seq)
        + R"(","title":")" + QByteArray(padding, 'x') + R"("}]}})";
}

QByteArray dataOf(const QByteArray &message)
{
    return compact(QJsonDocument::fromJson(message).object().value("data"_L1));
}

} // namespace

class tst_FaultMatrixLink : public QObject
{
    Q_OBJECT

private slots:
    void hardRestartLoopWithDowntime();
    void abruptEndMidStream_data();
    void abruptEndMidStream();
    void partialFrameThenSilence();
    void frozenPeerLoop();
    void handshakeHangIsIsolated();
    void refusedUpgradeLoop_data();
    void refusedUpgradeLoop();
};

// TestFeedServer killed x50 (TCP FIN, no close frame); every fifth time it stays down until each
// feed has been refused twice upstream (the downtime is bounded by events, not by a timer, so a
// slow machine cannot make it end before the first retry). Delays grow only while it is down.
void tst_FaultMatrixLink::hardRestartLoopWithDowntime()
{
    TestFeedServer server;
    server.setInitialSnapshot(kSnapshot);
    QVERIFY(server.listen());
    const quint16 port = server.port();
    FaultProxy proxy;
    QVERIFY(proxy.listen(port));
    FixedRandom random(0);
    FeedEngine engine(engineConfig(proxyBase(proxy), kFeeds, fastSettings()),
                      SystemClock::instance(), &random);
    TimedEventLog log(&engine);
    QSignalSpy snapshots(&engine, &FeedEngine::snapshotReceived);
    engine.start();

    constexpr int kRestarts = 50;
    constexpr int kRefusalsPerDowntime = 2;
    QList<qint64> restartTimes;
    QList<qint64> downtimes;
    QStringList stuck;
    QStringList notGrowing;
    int withDowntime = 0;
    for (int i = 0; i <= kRestarts; ++i) {
        stuck = waitForEach(log, kFeeds, u"stable"_s, i + 1, 5000);
        if (!stuck.isEmpty() || i == kRestarts)
            break;
        restartTimes << log.nowMs();
        if (i % 5 == 4) {
            ++withDowntime;
            const qint64 downAt = log.nowMs();
            server.close();
            // One "disconnected" for the kill, then one per refused attempt.
            const bool refused = QTest::qWaitFor(
                [&] {
                    return std::all_of(kFeeds.begin(), kFeeds.end(), [&](const QString &f) {
                        return log.count(u"disconnected"_s, f, downAt) > kRefusalsPerDowntime;
                    });
                },
                5000);
            QVERIFY2(refused, "a feed stopped retrying while the server was down");
            downtimes << log.nowMs() - downAt;
            for (const QString &f : kFeeds) {
                QList<qint64> delays;
                for (const TimedEvent &r : log.ofKind(u"retry_scheduled"_s, f, downAt))
                    delays << qint64(r.number("delay_ms"));
                if (delays.size() < kRefusalsPerDowntime + 1
                    || !std::is_sorted(delays.begin(), delays.end())
                    || delays.first() >= delays.last())
                    notGrowing << u"%1: [%2]"_s.arg(f, joined(delays));
            }
            QVERIFY(server.listen(port));
        } else {
            QVERIFY(server.restart());
        }
    }
    const QList<qint64> latenessList = allLateness(log, kFeeds);
    const Spread lateness(latenessList);
    const Spread recovery(recoveryTimes(log, kFeeds, restartTimes));
    const int failedAttempts = log.count(u"disconnected"_s) - kRestarts * int(kFeeds.size());
    qInfo().noquote() << u"hard restart x%1 (FIN, %2 with downtime %3, %4 feeds): %5 stuck, "
                         u"%6 refused reconnects, reconnect lateness %7; restart-to-connected %8"_s
                             .arg(restartTimes.size())
                             .arg(withDowntime)
                             .arg(Spread(downtimes).text())
                             .arg(kFeeds.size())
                             .arg(stuck.size())
                             .arg(failedAttempts)
                             .arg(lateness.text(), recovery.text());

    QVERIFY2(stuck.isEmpty(), qPrintable(stuck.join(u", "_s)));
    QVERIFY2(notGrowing.isEmpty(), qPrintable(notGrowing.join(u"; "_s)));
    QCOMPARE(restartTimes.size(), kRestarts);
    QVERIFY2(lateness.max <= kSlackMs, qPrintable(lateness.text()));
    for (const QString &f : kFeeds) {
        for (const TimedEvent &d : log.ofKind(u"disconnected"_s, f))
            QCOMPARE(int(d.number("code")), 1006); // no close frame ever came
        QCOMPARE(log.count(u"connected"_s, f), kRestarts + 1);
        QCOMPARE(engine.stats(f).state, Feed::State::Connected);
    }
    // A restart without downtime is reconnected on the first try: every failed attempt was
    // one of the refusals counted while the server was down.
    QVERIFY(failedAttempts >= withDowntime * kRefusalsPerDowntime * int(kFeeds.size()));
    QCOMPARE(failedAttempts, log.count(u"retry_scheduled"_s) - kRestarts * int(kFeeds.size()));
    // Every connection got its snapshot: initial, then one per reconnect, per feed.
    QTRY_COMPARE(server.connectionCount(), (kRestarts + 1) * int(kFeeds.size()));
}

void tst_FaultMatrixLink::abruptEndMidStream_data()
{
    QTest::addColumn<bool>("reset");
    QTest::newRow("RST (resetAll)") << true;
    QTest::newRow("FIN, no close frame (dropAll)") << false;
}

// x20 while the server streams 600-byte snapshots every 10 ms: each end is read as 1006 by the
// socket itself (no heartbeat needed), the feed comes back on time, and nothing half-received is
// ever applied.
void tst_FaultMatrixLink::abruptEndMidStream()
{
    QFETCH(bool, reset);
    TestFeedServer server;
    server.setInitialSnapshot(kSnapshot);
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));

    QSet<QByteArray> sent {dataOf(kSnapshot)};
    int seq = 0;
    QTimer stream;
    stream.setInterval(10);
    connect(&stream, &QTimer::timeout, &server, [&] {
        const QByteArray message = queueSnapshot(++seq, 600);
        sent.insert(dataOf(message));
        server.sendToAll(message);
    });
    stream.start();

    FixedRandom random(0);
    FeedConnection feed(feedSpec(proxyBase(proxy), fastSettings()), SystemClock::instance(),
                        &random);
    TimedEventLog log(&feed);
    int foreign = 0;
    int applied = 0;
    connect(&feed, &FeedConnection::snapshotReceived, this,
            [&](const QString &, const QString &, const QJsonValue &data) {
                ++applied;
                foreign += !sent.contains(compact(data));
            });
    feed.start();

    constexpr int kCycles = 20;
    QList<qint64> faultTimes;
    for (int i = 0; i < kCycles; ++i) {
        // Mid-stream: this connection has applied a few snapshots and more are on the wire.
        QTRY_VERIFY(log.count(u"connected"_s) == i + 1
                    && log.count(u"update"_s, {}, log.ofKind(u"connected"_s).last().atMs) >= 3);
        faultTimes << log.nowMs();
        if (reset)
            proxy.resetAll();
        else
            proxy.dropAll();
    }
    QTRY_COMPARE(log.count(u"connected"_s), kCycles + 1);
    stream.stop();

    const QList<TimedEvent> ends = log.ofKind(u"disconnected"_s);
    QCOMPARE(ends.size(), kCycles);
    QList<qint64> detection;
    for (int i = 0; i < kCycles; ++i) {
        detection << ends.at(i).atMs - faultTimes.at(i);
        QCOMPARE(int(ends.at(i).number("code")), 1006);
        QVERIFY(ends.at(i).event.fields.value("was_connected"_L1).toBool());
        QCOMPARE(ends.at(i).event.fields.value("decision"_L1).toString(), u"retry"_s);
    }
    const Spread noticed(detection);
    const Spread lateness(log.reconnectLateness(feed.id()));
    qInfo().noquote() << u"%1 x%2 mid-stream: %3/%2 read as 1006 in %4, 0 heartbeat timeouts "
                         u"needed, %5 snapshots applied, %6 corrupt; reconnect lateness %7"_s
                             .arg(QString::fromLatin1(QTest::currentDataTag()))
                             .arg(kCycles)
                             .arg(ends.size())
                             .arg(noticed.text())
                             .arg(applied)
                             .arg(foreign)
                             .arg(lateness.text());
    QCOMPARE(log.count(u"heartbeat_timeout"_s), 0);
    QCOMPARE(log.count(u"protocol_error"_s), 0);
    QCOMPARE(foreign, 0);
    QVERIFY2(lateness.max <= kSlackMs, qPrintable(lateness.text()));
    // The socket noticed, not the heartbeat: well inside interval + timeout.
    QVERIFY2(noticed.max < fastSettings().heartbeatIntervalMs + fastSettings().heartbeatTimeoutMs,
             qPrintable(noticed.text()));
}

// x3: the proxy lets the first 40 bytes of a 4 KB snapshot through, then nothing while TCP stays
// open. The half frame is never applied; the heartbeat declares the link dead; the next
// connection gets whole snapshots again.
void tst_FaultMatrixLink::partialFrameThenSilence()
{
    TestFeedServer server;
    server.setInitialSnapshot(kSnapshot);
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    qint64 connectionBase = 0; // bytesToClient when the current connection was accepted
    connect(&proxy, &FaultProxy::clientAccepted, this,
            [&] { connectionBase = proxy.bytesToClient(); });

    Settings s = fastSettings();
    s.backoffInitialMs = 100;
    FixedRandom random(0);
    FeedConnection feed(feedSpec(proxyBase(proxy), s), SystemClock::instance(), &random);
    TimedEventLog log(&feed);
    // Lift the fault the moment the link is declared dead, before the reconnect.
    connect(&feed, &FeedConnection::eventRaised, this, [&](const FeedEvent &e) {
        if (e.event == "heartbeat_timeout"_L1)
            proxy.clearFaults();
    });
    feed.start();

    constexpr int kCycles = 3;
    constexpr int kPassed = 40;
    QList<qint64> detection;
    QList<qint64> waited;
    for (int i = 0; i < kCycles; ++i) {
        QTRY_COMPARE(log.count(u"connected"_s), i + 1);
        const qint64 connectedAt = log.ofKind(u"connected"_s).last().atMs;
        QTRY_VERIFY(log.count(u"update"_s, {}, connectedAt) == 1); // the initial snapshot
        const qint64 messages = feed.stats().messages;
        const int updates = log.count(u"update"_s);
        const qint64 limit = proxy.bytesToClient() - connectionBase + kPassed;
        proxy.setLimitData(limit, FaultProxy::LimitAction::Silence);
        const qint64 cutAt = log.nowMs();
        server.sendToAll(queueSnapshot(1000 + i, 4096));
        QTRY_COMPARE(proxy.bytesToClient() - connectionBase, limit); // the half frame is out
        QTRY_COMPARE(log.count(u"heartbeat_timeout"_s), i + 1);
        detection << log.ofKind(u"disconnected"_s).last().atMs - cutAt;
        waited << qint64(log.ofKind(u"heartbeat_timeout"_s).last().number("waited_ms"));
        // Nothing of the cut message reached the feed.
        QCOMPARE(feed.stats().messages, messages);
        QCOMPARE(log.count(u"update"_s), updates);
    }
    QTRY_COMPARE(log.count(u"connected"_s), kCycles + 1);
    QTRY_COMPARE(log.count(u"update"_s), kCycles + 1); // whole snapshots again
    const Spread noticed(detection);
    const Spread waitedSpread(waited);
    qInfo().noquote() << u"partial frame (%1 of 4 KB) then silence x%2: 0 partial messages "
                         u"applied, 0 protocol errors, dead link declared after %3 (pong "
                         u"waited %4; interval %5 + timeout %6)"_s.arg(kPassed)
                             .arg(kCycles)
                             .arg(noticed.text(), waitedSpread.text())
                             .arg(s.heartbeatIntervalMs)
                             .arg(s.heartbeatTimeoutMs);
    QCOMPARE(log.count(u"protocol_error"_s), 0);
    QVERIFY(waitedSpread.min >= s.heartbeatTimeoutMs);
    QVERIFY2(noticed.max <= s.heartbeatIntervalMs + s.heartbeatTimeoutMs + kSlackMs,
             qPrintable(noticed.text()));
    for (const TimedEvent &d : log.ofKind(u"disconnected"_s))
        QCOMPARE(int(d.number("code")), 1006);
}

// Three feeds behind one proxy, frozen x5 (TCP open, nothing passes, not even pongs): every feed
// notices within heartbeat interval + timeout each time, and all come back after the thaw.
void tst_FaultMatrixLink::frozenPeerLoop()
{
    TestFeedServer server;
    server.setInitialSnapshot(kSnapshot);
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    const QStringList feeds = {u"queue"_s, u"workflows"_s, u"system-status"_s};
    Settings s = fastSettings();
    s.heartbeatIntervalMs = 100;
    s.heartbeatTimeoutMs = 200;
    FixedRandom random(0);
    FeedEngine engine(engineConfig(proxyBase(proxy), feeds, s), SystemClock::instance(), &random);
    TimedEventLog log(&engine);
    engine.start();

    constexpr int kFreezes = 5;
    QList<qint64> detection;
    auto measuredSinceConnect = [&](const QString &f) {
        const QList<TimedEvent> c = log.ofKind(u"connected"_s, f);
        return !c.isEmpty() && engine.stats(f).state == Feed::State::Connected
            && log.count(u"latency"_s, f, c.last().atMs) >= 1;
    };
    for (int i = 0; i < kFreezes; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(feeds.begin(), feeds.end(), measuredSinceConnect),
                                 5000);
        const qint64 frozenAt = log.nowMs();
        proxy.setFrozen(true, FaultProxy::FreezeMode::Hold);
        for (const QString &f : feeds) {
            QTRY_COMPARE(log.count(u"heartbeat_timeout"_s, f), i + 1);
            detection << log.ofKind(u"heartbeat_timeout"_s, f).last().atMs - frozenAt;
        }
        proxy.setFrozen(false);
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(feeds.begin(), feeds.end(), measuredSinceConnect), 5000);
    const Spread noticed(detection);
    const qint64 bound = s.heartbeatIntervalMs + s.heartbeatTimeoutMs;
    qInfo().noquote() << u"frozen peer x%1, %2 feeds: %3/%4 noticed, freeze-to-verdict %5 "
                         u"(interval + timeout = %6 ms)"_s.arg(kFreezes)
                             .arg(feeds.size())
                             .arg(detection.size())
                             .arg(kFreezes * feeds.size())
                             .arg(noticed.text())
                             .arg(bound);
    QCOMPARE(detection.size(), kFreezes * feeds.size());
    QVERIFY2(noticed.max <= bound + 150, qPrintable(noticed.text()));
    for (const TimedEvent &t : log.ofKind(u"heartbeat_timeout"_s))
        QVERIFY(t.number("waited_ms") >= s.heartbeatTimeoutMs);
}

// One feed's URL hangs after accept; the other two feeds share the engine and never notice.
void tst_FaultMatrixLink::handshakeHangIsIsolated()
{
    TestFeedServer server;
    server.setInitialSnapshot(kSnapshot);
    QVERIFY(server.listen());
    FaultProxy healthy;
    QVERIFY(healthy.listen(server.port()));
    FaultProxy hanging;
    QVERIFY(hanging.listen(server.port()));
    hanging.setHandshakeHang(true);

    Settings s = fastSettings();
    s.connectTimeoutMs = 200;
    QJsonObject root = s.toJson();
    root.insert("server"_L1, proxyBase(healthy).toString());
    root.insert(
        "feeds"_L1,
        QJsonArray {QJsonObject {{u"id"_s, u"queue"_s},
                                 {u"url"_s, hanging.wsUrl(u"/api/v1/ws/queue"_s).toString()}},
                    u"workflows"_s, u"system-status"_s});
    const ConfigResult config = ConfigLoader::fromJson(root);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FixedRandom random(0);
    FeedEngine engine(config.config, SystemClock::instance(), &random);
    TimedEventLog log(&engine);
    engine.start();

    constexpr int kHungAttempts = 5;
    QTRY_VERIFY_WITH_TIMEOUT(log.count(u"disconnected"_s, u"queue"_s) >= kHungAttempts, 10000);
    hanging.setHandshakeHang(false);
    QTRY_COMPARE(engine.stats(u"queue"_s).state, Feed::State::Connected);

    const QList<TimedEvent> attempts = log.ofKind(u"attempt"_s, u"queue"_s);
    const QList<TimedEvent> ends = log.ofKind(u"disconnected"_s, u"queue"_s);
    QList<qint64> hungFor;
    QList<qint64> delays;
    for (int i = 0; i < kHungAttempts; ++i) {
        hungFor << ends.at(i).atMs - attempts.at(i).atMs;
        QVERIFY(ends.at(i)
                    .event.fields.value("reason"_L1)
                    .toString()
                    .contains(u"connect.timeout_ms"_s));
    }
    for (const TimedEvent &r : log.ofKind(u"retry_scheduled"_s, u"queue"_s))
        delays << qint64(r.number("delay_ms"));
    const Spread hung(hungFor);
    qInfo().noquote() << u"handshake hang: %1 hung attempts each ended after %2 (connect "
                         u"timeout %3 ms), delays %4 ms; other feeds: %5 disconnects"_s
                             .arg(kHungAttempts)
                             .arg(hung.text())
                             .arg(s.connectTimeoutMs)
                             .arg(QString::number(delays.value(0)) + u".."_s
                                  + QString::number(delays.value(kHungAttempts - 1)))
                             .arg(log.count(u"disconnected"_s, u"workflows"_s)
                                  + log.count(u"disconnected"_s, u"system-status"_s));
    QVERIFY(hung.min >= s.connectTimeoutMs - 5);
    QVERIFY2(hung.max <= s.connectTimeoutMs + kSlackMs, qPrintable(hung.text()));
    QCOMPARE(delays.mid(0, kHungAttempts), (QList<qint64> {20, 40, 80, 160, 320}));
    for (const QString &f : {u"workflows"_s, u"system-status"_s}) {
        QCOMPARE(log.count(u"disconnected"_s, f), 0);
        QCOMPARE(log.count(u"connected"_s, f), 1);
        QCOMPARE(engine.stats(f).state, Feed::State::Connected);
    }
    QTRY_COMPARE(hanging.activeCount(), 1); // the hung sockets were closed, not leaked
}

void tst_FaultMatrixLink::refusedUpgradeLoop_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("keepOpen");
    QTest::addColumn<bool>("retries");
    for (bool keepOpen : {true, false}) {
        const char *tcp = keepOpen ? "TCP kept open" : "TCP closed";
        QTest::addRow("403, %s", tcp) << 403 << keepOpen << false;
        QTest::addRow("404, %s", tcp) << 404 << keepOpen << false;
        QTest::addRow("500, %s", tcp) << 500 << keepOpen << true;
        QTest::addRow("503, %s", tcp) << 503 << keepOpen << true;
    }
}

// 403/404 stop after exactly one attempt; 500/503 back off until the circuit opens. Either way
// no refused socket is left open, whichever side keeps TCP up.
void tst_FaultMatrixLink::refusedUpgradeLoop()
{
    QFETCH(int, status);
    QFETCH(bool, keepOpen);
    QFETCH(bool, retries);
    TestFeedServer server;
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    proxy.setHttpRefusal(status, keepOpen);
    Settings s = fastSettings();
    s.circuitFailureThreshold = 4;
    s.circuitOpenMs = 60000;
    FixedRandom random(0);
    FeedConnection feed(feedSpec(proxyBase(proxy), s), SystemClock::instance(), &random);
    TimedEventLog log(&feed);
    feed.start();

    if (retries) {
        QTRY_COMPARE(feed.state(), Feed::State::CircuitOpen);
    } else {
        QTRY_COMPARE(feed.state(), Feed::State::Stopped);
        QTest::qWait(300); // prove that no second attempt follows
    }
    QList<qint64> delays;
    for (const TimedEvent &r : log.ofKind(u"retry_scheduled"_s))
        delays << qint64(r.number("delay_ms"));
    const QList<TimedEvent> ends = log.ofKind(u"disconnected"_s);
    for (const TimedEvent &d : ends)
        QCOMPARE(int(d.number("http_status")), status);
    QTRY_COMPARE(proxy.activeCount(), 0);
    QStringList delayText;
    for (qint64 d : delays)
        delayText << QString::number(d);
    qInfo().noquote() << u"HTTP %1 (%2): %3 attempts, final state %4, delays [%5], 0 sockets "
                         u"left open, 0 reached the server"_s.arg(status)
                             .arg(keepOpen ? u"kept open"_s : u"closed"_s)
                             .arg(log.count(u"attempt"_s))
                             .arg(Feed::stateName(feed.state()), delayText.join(u' '));
    QCOMPARE(server.connectionCount(), 0);
    if (retries) {
        QCOMPARE(log.count(u"attempt"_s), s.circuitFailureThreshold);
        QCOMPARE(delays, (QList<qint64> {20, 40, 80, 60000}));
    } else {
        QCOMPARE(log.count(u"attempt"_s), 1);
        QCOMPARE(delays.size(), 0);
        QCOMPARE(feed.stats().stopReason,
                 status == 404 ? Reconnect::StopReason::Config : Reconnect::StopReason::Refused);
    }
}

QTEST_GUILESS_MAIN(tst_FaultMatrixLink)
#include "tst_faultmatrix_link.moc"
