// Fault matrix, part 3: slow and shaped links (latency, bandwidth, slicing, and combinations)
// through a FaultProxy. Quality tiers must follow the latency, a slow link must not be declared
// dead while its pongs still come within heartbeat.timeout_ms, and messages arrive intact.

#include "connection/feedconnection.h"
#include "core/clock.h"
#include "faultmatrix.h"
#include "faultproxy.h"
#include "testfeedserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FaultMatrix;

namespace {

QUrl proxyBase(const FaultProxy &proxy)
{
    return proxy.wsUrl(QString()).adjusted(QUrl::RemovePath);
}

QJsonValue dataOf(const QByteArray &message)
{
    return QJsonDocument::fromJson(message).object().value("data"_L1);
}

// A queue snapshot of roughly `bytes` bytes whose titles mix 1- to 4-byte UTF-8 characters, so
// slices cut characters as well as frames.
QByteArray unicodeSnapshot(int seq, int bytes)
{
    QJsonArray phases;
    int size = 0;
    for (int i = 0; size < bytes; ++i) {
        const QJsonObject phase {{u"queue_id"_s, u"q%1-%2"_s.arg(seq).arg(i)},
                                 {u"title"_s, u"Zürich € 😀 %1"_s.arg(seq)},
                                 {u"status"_s, u"running"_s}};
        size += int(QJsonDocument(phase).toJson(QJsonDocument::Compact).size());
        phases.append(phase);
    }
    const QJsonObject message {{u"type"_s, u"queue_update"_s},
                               {u"data"_s, QJsonObject {{u"phases"_s, phases}}}};
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_FaultMatrixShaping : public QObject
{
    Q_OBJECT

private slots:
    void latencyTiers_data();
    void latencyTiers();
    void bandwidthOneKilobytePerSecond();
    void slicedAndShaped_data();
    void slicedAndShaped();
};

void tst_FaultMatrixShaping::latencyTiers_data()
{
    QTest::addColumn<int>("latencyMs");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("scale"); // every threshold divided by this
    QTest::addColumn<QString>("tier");
    QTest::addColumn<bool>("dead");
    QTest::newRow("300 ms") << 300 << 1000 << 1 << u"poor"_s << false;
    QTest::newRow("1000 ms, timeout 2500") << 1000 << 2500 << 1 << u"bad"_s << false;
    // 3000 ms against the default 5000 ms timeout, every timing divided by 10.
    QTest::newRow("3000 ms scaled 1/10") << 300 << 500 << 10 << u"bad"_s << false;
    // The converse, so the cell can fail: a timeout shorter than the RTT is a dead link.
    QTest::newRow("1000 ms, timeout 600") << 1000 << 600 << 1 << QString() << true;
}

void tst_FaultMatrixShaping::latencyTiers()
{
    QFETCH(int, latencyMs);
    QFETCH(int, timeoutMs);
    QFETCH(int, scale);
    QFETCH(QString, tier);
    QFETCH(bool, dead);
    TestFeedServer server;
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    proxy.setLatency(latencyMs);

    Settings s = fastSettings();
    s.heartbeatIntervalMs = 100;
    s.heartbeatTimeoutMs = timeoutMs;
    s.connectTimeoutMs = 3 * latencyMs;
    s.qualityExcellentMs /= scale;
    s.qualityGoodMs /= scale;
    s.qualityPoorMs /= scale;
    s.backoffInitialMs = 5000; // one connection is observed, never a second one
    FixedRandom random(0);
    FeedConnection feed(feedSpec(proxyBase(proxy), s), SystemClock::instance(), &random);
    TimedEventLog log(&feed);
    feed.start();

    if (dead) {
        QVERIFY(spinUntil([&] { return log.count(u"heartbeat_timeout"_s) == 1; }, 5000));
        const double waited = log.ofKind(u"heartbeat_timeout"_s).last().number("waited_ms");
        qInfo().noquote() << u"latency %1 ms with heartbeat.timeout_ms %2: dead-link verdict "
                             u"after %3 ms without a pong (expected)"_s.arg(latencyMs)
                                 .arg(timeoutMs)
                                 .arg(waited);
        QCOMPARE(log.count(u"latency"_s), 0);
        return;
    }
    constexpr int kSamples = 3;
    QVERIFY(
        spinUntil([&] { return log.count(u"latency"_s) >= kSamples; }, 4 * kSamples * latencyMs));
    const FeedStats stats = feed.stats();
    QList<qint64> rtts;
    for (const TimedEvent &l : log.ofKind(u"latency"_s))
        rtts << qint64(l.number("rtt_ms"));
    const Spread rtt(rtts);
    const qint64 observedMs = log.nowMs() - log.ofKind(u"connected"_s).first().atMs;
    qInfo().noquote() << u"latency %1 ms (thresholds /%2, heartbeat.timeout_ms %3): RTT %4, tier "
                         u"%5, %6 dead-link verdicts, %7 connection(s) over %8 ms"_s.arg(latencyMs)
                             .arg(scale)
                             .arg(timeoutMs)
                             .arg(rtt.text(), Quality::name(stats.quality))
                             .arg(log.count(u"heartbeat_timeout"_s))
                             .arg(proxy.acceptedCount())
                             .arg(observedMs);
    QCOMPARE(Quality::name(stats.quality), tier);
    QCOMPARE(log.ofKind(u"latency"_s).last().event.fields.value("quality"_L1).toString(), tier);
    QVERIFY2(rtt.min >= latencyMs, qPrintable(rtt.text()));
    QCOMPARE(log.count(u"heartbeat_timeout"_s), 0);
    QCOMPARE(log.count(u"disconnected"_s), 0);
    QCOMPARE(proxy.acceptedCount(), 1);
    QCOMPARE(feed.state(), Feed::State::Connected);
}

// 1 KB/s towards the client: three 1 KB snapshots arrive whole and in order; the pongs queue
// behind them (the RTT shows it) but stay within the default heartbeat timeout.
void tst_FaultMatrixShaping::bandwidthOneKilobytePerSecond()
{
    TestFeedServer server;
    const QByteArray first = unicodeSnapshot(1, 1000);
    server.setInitialSnapshot(first);
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    constexpr int kRate = 1024;
    proxy.setBandwidth(kRate);

    Settings s = fastSettings();
    s.heartbeatIntervalMs = 100;
    s.heartbeatTimeoutMs = Settings().heartbeatTimeoutMs;
    s.connectTimeoutMs = 2000;
    s.backoffInitialMs = 5000;
    FixedRandom random(0);
    FeedConnection feed(feedSpec(proxyBase(proxy), s), SystemClock::instance(), &random);
    TimedEventLog log(&feed);
    QSignalSpy snapshots(&feed, &FeedConnection::snapshotReceived);
    QElapsedTimer clock;
    clock.start();
    feed.start();
    QVERIFY(spinUntil([&] { return feed.state() == Feed::State::Connected; }, 5000));
    const QList<QByteArray> more = {unicodeSnapshot(2, 1000), unicodeSnapshot(3, 1000)};
    for (const QByteArray &m : more)
        server.sendToAll(m);
    spinUntil([&] { return snapshots.size() >= 3; }, 10000);
    QCOMPARE(snapshots.size(), 3);
    const qint64 elapsed = clock.elapsed();
    const qint64 bytes = proxy.bytesToClient();
    // The first pong queued behind the snapshots; its RTT is the figure of interest.
    QVERIFY(spinUntil([&] { return log.count(u"latency"_s) >= 1; }, 5000));

    const QList<QByteArray> sent = {first, more.at(0), more.at(1)};
    for (int i = 0; i < 3; ++i)
        QCOMPARE(snapshots.at(i).at(2).value<QJsonValue>(), dataOf(sent.at(i)));
    QList<qint64> rtts;
    for (const TimedEvent &l : log.ofKind(u"latency"_s))
        rtts << qint64(l.number("rtt_ms"));
    const Spread rtt(rtts);
    qInfo().noquote() << u"bandwidth 1 KB/s: 3 snapshots (%1 bytes on the wire) intact in %2 ms "
                         u"(%3 B/s), pong RTT %4, %5 dead-link verdicts (timeout %6 ms)"_s
                             .arg(bytes)
                             .arg(elapsed)
                             .arg(1000 * bytes / std::max<qint64>(1, elapsed))
                             .arg(rtt.text())
                             .arg(log.count(u"heartbeat_timeout"_s))
                             .arg(s.heartbeatTimeoutMs);
    // The rate really was limited: at least (bytes - one pacing slice) / rate seconds.
    QVERIFY2(elapsed >= 1000 * (bytes - kRate / 50) / kRate, qPrintable(QString::number(elapsed)));
    QCOMPARE(log.count(u"protocol_error"_s), 0);
    QCOMPARE(log.count(u"heartbeat_timeout"_s), 0);
    QCOMPARE(proxy.acceptedCount(), 1);
}

void tst_FaultMatrixShaping::slicedAndShaped_data()
{
    QTest::addColumn<int>("sliceBytes");
    QTest::addColumn<int>("latencyMs");
    QTest::addColumn<int>("bytesPerSecond");
    QTest::newRow("1-byte slices") << 1 << 0 << 0;
    QTest::newRow("3-byte slices (cuts UTF-8)") << 3 << 0 << 0;
    QTest::newRow("3-byte slices + 50 ms + 16 KB/s") << 3 << 50 << 16384;
    QTest::newRow("3-byte slices 1 ms apart + 100 ms") << -3 << 100 << 0;
}

// Twenty snapshots of ~200 bytes with multi-byte characters, each TCP segment a few bytes:
// every message is reassembled intact, in order, on the one connection.
void tst_FaultMatrixShaping::slicedAndShaped()
{
    QFETCH(int, sliceBytes);
    QFETCH(int, latencyMs);
    QFETCH(int, bytesPerSecond);
    TestFeedServer server;
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    // A negative slice size means slices 1 ms apart: each its own TCP segment and read.
    proxy.setSlicer(std::abs(sliceBytes), sliceBytes < 0 ? 1 : 0);
    proxy.setLatency(latencyMs);
    proxy.setBandwidth(bytesPerSecond);

    Settings s = fastSettings();
    s.heartbeatTimeoutMs = 5000; // pongs queue behind the slices
    s.connectTimeoutMs = 2000;
    s.backoffInitialMs = 5000;
    FixedRandom random(0);
    FeedConnection feed(feedSpec(proxyBase(proxy), s), SystemClock::instance(), &random);
    TimedEventLog log(&feed);
    QSignalSpy snapshots(&feed, &FeedConnection::snapshotReceived);
    feed.start();
    QVERIFY(spinUntil([&] { return feed.state() == Feed::State::Connected; }, 5000));

    constexpr int kMessages = 20;
    QList<QByteArray> sent;
    qint64 payload = 0;
    for (int i = 0; i < kMessages; ++i) {
        sent << unicodeSnapshot(i, 200);
        payload += sent.last().size();
        server.sendToAll(sent.last());
    }
    const qint64 sentAt = log.nowMs();
    spinUntil([&] { return snapshots.size() >= kMessages; }, 20000);
    QCOMPARE(snapshots.size(), kMessages);
    const qint64 took = log.nowMs() - sentAt;
    for (int i = 0; i < kMessages; ++i)
        QCOMPARE(snapshots.at(i).at(2).value<QJsonValue>(), dataOf(sent.at(i)));
    qInfo().noquote() << u"%1: %2 messages (%3 bytes of UTF-8 JSON, >= %4 TCP segments) intact "
                         u"and in order in %5 ms, %6 protocol errors, %7 connection(s)"_s
                             .arg(QString::fromLatin1(QTest::currentDataTag()))
                             .arg(kMessages)
                             .arg(payload)
                             .arg(payload / std::abs(sliceBytes))
                             .arg(took)
                             .arg(log.count(u"protocol_error"_s))
                             .arg(proxy.acceptedCount());
    QCOMPARE(log.count(u"protocol_error"_s), 0);
    QCOMPARE(log.count(u"heartbeat_timeout"_s), 0);
    QCOMPARE(proxy.acceptedCount(), 1);
}

QTEST_GUILESS_MAIN(tst_FaultMatrixShaping)
#include "tst_faultmatrix_shaping.moc"
