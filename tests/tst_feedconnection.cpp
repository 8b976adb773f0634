#include "connection/connectiontester.h"
#include "connection/feedconnection.h"
#include "core/clock.h"
#include "eventrecorder.h"
#include "faultproxy.h"
#include "testfeedserver.h"

#include "core/redaction.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kSnapshot = R"({"type":"queue_update","data":{"phases":[{"queue_id":"q1"}]}})";

// Short timings so every behaviour shows within a fraction of a second; jitter 0 and a fixed
// random source make every delay exact.
Settings fastSettings()
{
    Settings s;
    s.backoffInitialMs = 20;
    s.backoffMultiplier = 2;
    s.backoffMaxMs = 2000;
    s.backoffJitter = 0;
    s.connectionStableMs = 300;
    s.circuitFailureThreshold = 100;
    s.circuitOpenMs = 300;
    s.heartbeatIntervalMs = 100;
    s.heartbeatTimeoutMs = 300;
    s.connectTimeoutMs = 300;
    return s;
}

FeedSpec makeSpec(const QUrl &base, const Settings &settings, const QString &name = u"queue"_s)
{
    BackendSpec backend {u"default"_s, base, {}};
    FeedSpec spec = ConfigLoader::makeFeed(backend, name, settings, false);
    // The WebSocket path only: an HTTP-first GET would be one more connection to the test's
    // proxy (counted by handshakeHangTimesOut). tst_degradedmode covers the HTTP side.
    spec.snapshotUrl = QUrl();
    return spec;
}

// The feed's timers run on `clock`; its sockets are real, so each step waits for them in the
// event loop, then moves the clock by exactly the delay the engine announced.
void advanceToRetry(ManualClock &clock, const EventRecorder &events)
{
    clock.advance(qint64(events.last(u"retry_scheduled"_s).fields.value("delay_ms"_L1).toDouble()));
}

QList<qint64> retryDelays(const EventRecorder &recorder)
{
    QList<qint64> out;
    for (const FeedEvent &e : recorder.ofKind(u"retry_scheduled"_s))
        out << qint64(e.fields.value("delay_ms"_L1).toDouble());
    return out;
}

} // namespace

class tst_FeedConnection : public QObject
{
    Q_OBJECT

private slots:
    void connectsAndReceivesSnapshot();
    void identicalSnapshotChangesNothing();
    void aBurstIsDecodedOnceAndCountedWhole();
    void protocolErrorsKeepTheConnection();
    void refusedConnectionBacksOffExponentially();
    void acceptThenDropMeetsGrowingDelaysAndOpenCircuit();
    void halfOpenProbeSuccessClosesCircuit();
    void stableConnectionResetsBackoff();
    void closeCodes_data();
    void closeCodes();
    void refusedUpgrade_data();
    void refusedUpgrade();
    void handshakeHangTimesOut();
    void frozenPeerIsCaughtByHeartbeat();
    void latePongDegradesQualityBeforeTheVerdict();
    void latencyIsMeasuredFromPongs();
    void appLevelPingsOnlyWhenAnswered();
    void helloNamesThePreviousServer();
    void oversizeMessageClosesWith1009();
    void manualReconnectResetsCircuit();
    void offlinePausesRetriesAndOnlineRetriesAtOnce();
    void offlineLeavesLocalHostsAlone();
    void whichHostsOfflinePauses_data();
    void whichHostsOfflinePauses();
    void stopDuringTheHalfOpenProbeDoesNotSpin();
    void clientReadyGoesBeforeAnythingSentOnConnect();
    void credentialsInTheUrlAreNeverShown();
    void stopAndStart();
    void neverTwoSocketsForOneFeed();
    void tokenNeverInEvents();
    void testConnectionLeavesLiveLinkAlone();
};

void tst_FeedConnection::connectsAndReceivesSnapshot()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    server.setInitialSnapshot(kSnapshot);
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), fastSettings()), &clock, &random);
    EventRecorder events(&feed);
    QSignalSpy snapshots(&feed, &FeedConnection::snapshotReceived);
    feed.start();
    QTRY_COMPARE(snapshots.size(), 1);
    QCOMPARE(snapshots.first().at(1).toString(), u"queue_update"_s);
    QCOMPARE(
        snapshots.first().at(2).value<QJsonValue>().toObject().value("phases"_L1).toArray().size(),
        1);
    QCOMPARE(feed.state(), Feed::State::Connected);
    QCOMPARE(server.requestPaths(), QStringList {u"/api/v1/ws/queue"_s});
    QTRY_VERIFY(server.receivedMessages().contains(u"{\"type\":\"client_ready\"}"_s));
    QCOMPARE(events.states(), (QStringList {u"connecting"_s, u"connected"_s}));
    QCOMPARE(events.last(u"connected"_s).fields.value("attempt"_L1).toInt(), 1);
    QVERIFY(events.last(u"connected"_s).fields.contains("connect_ms"_L1));
    QCOMPARE(events.last(u"update"_s).fields.value("changed"_L1).toBool(), true);
    const FeedStats stats = feed.stats();
    QCOMPARE(stats.messages, 1);
    QCOMPARE(stats.successes, 1);
    QVERIFY(stats.connectedSinceWallMs > 0);
}

void tst_FeedConnection::identicalSnapshotChangesNothing()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    server.setInitialSnapshot(kSnapshot);
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), fastSettings()), &clock, &random);
    EventRecorder events(&feed);
    QSignalSpy snapshots(&feed, &FeedConnection::snapshotReceived);
    feed.start();
    QTRY_COMPARE(snapshots.size(), 1);
    // One at a time: snapshots that come in one read are decoded only as the newest
    // (aBurstIsDecodedOnceAndCountedWhole).
    server.sendToAll(kSnapshot); // byte-identical
    QTRY_COMPARE(events.ofKind(u"update"_s).size(), 2);
    // Same data, different key order and spacing: still identical.
    server.sendToAll(R"({ "data": {"phases":[{"queue_id":"q1"}]}, "type": "queue_update" })");
    QTRY_COMPARE(events.ofKind(u"update"_s).size(), 3);
    server.sendToAll(R"({"type":"queue_update","data":{"phases":[{"queue_id":"q2"}]}})");
    QTRY_COMPARE(events.ofKind(u"update"_s).size(), 4);
    QCOMPARE(feed.stats().messages, 4);
    QCOMPARE(snapshots.size(), 2);
    QCOMPARE(feed.stats().unchangedSnapshots, 2);
    const QList<FeedEvent> updates = events.ofKind(u"update"_s);
    QCOMPARE(updates.size(), 4);
    QCOMPARE(updates.at(1).fields.value("changed"_L1).toBool(), false);
    QCOMPARE(updates.at(2).fields.value("changed"_L1).toBool(), false);
    QCOMPARE(updates.at(3).fields.value("changed"_L1).toBool(), true);
}

// Snapshots that arrive in one read from the socket are each checked (valid JSON of this feed's
// type) but only the newest is decoded; its update event says how many it replaced. Where the
// reads split the burst is the kernel's business, so the test holds what is true for any split:
// every message is counted once, nothing is shown out of order (the malformed message in the
// middle comes after the ten snapshots before it), and the last snapshot is what the feed shows.
void tst_FeedConnection::aBurstIsDecodedOnceAndCountedWhole()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    server.setInitialSnapshot(kSnapshot);
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), fastSettings()), &clock, &random);
    EventRecorder events(&feed);
    QSignalSpy snapshots(&feed, &FeedConnection::snapshotReceived);
    feed.start();
    QTRY_COMPARE(snapshots.size(), 1);
    events.clear();
    snapshots.clear();

    const auto snapshot = [](int i) {
        return u"{\"type\":\"queue_update\",\"data\":{\"phases\":[{\"queue_id\":\"b%1\"}]}}"_s
            .arg(i)
            .toUtf8();
    };
    for (int i = 1; i <= 10; ++i)
        server.sendToAll(snapshot(i));
    server.sendToAll(R"({"type":"queue_update","data":{)"); // malformed
    for (int i = 11; i <= 20; ++i)
        server.sendToAll(snapshot(i));
    server.sendToAll(snapshot(20)); // byte-identical to the one before
    QTRY_COMPARE(feed.stats().messages, 1 + 22);
    QTRY_COMPARE(snapshots.last().at(2).value<QJsonValue>()["phases"_L1][0]["queue_id"_L1],
                 QJsonValue(u"b20"_s));

    int counted = 0;
    int countedBeforeTheError = -1;
    int decoded = 0;
    for (const FeedEvent &e : events.events()) {
        if (e.event == "protocol_error"_L1)
            countedBeforeTheError = counted;
        if (e.event != "update"_L1)
            continue;
        QVERIFY(!e.fields.contains("superseded"_L1) || e.fields.value("superseded"_L1).toInt() > 0);
        counted += 1 + e.fields.value("superseded"_L1).toInt();
        decoded += e.fields.value("changed"_L1).toBool() ? 1 : 0;
    }
    QCOMPARE(counted, 21);
    QCOMPARE(countedBeforeTheError, 10);
    QCOMPARE(decoded, snapshots.size());
    QVERIFY(snapshots.size() <= 20);
    const FeedStats stats = feed.stats();
    QCOMPARE(stats.snapshots, 1 + 21);
    QCOMPARE(stats.unchangedSnapshots, 1);
    QCOMPARE(stats.supersededSnapshots, 20 - snapshots.size());
    QCOMPARE(stats.protocolErrors, 1);
    qInfo("20 snapshots in a burst: %lld decoded", qlonglong(snapshots.size()));
}

void tst_FeedConnection::protocolErrorsKeepTheConnection()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), fastSettings()), &clock, &random);
    EventRecorder events(&feed);
    QSignalSpy snapshots(&feed, &FeedConnection::snapshotReceived);
    QSignalSpy foreign(&feed, &FeedConnection::foreignMessage);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    server.sendToAll("{not json");
    server.sendToAll("[1,2,3]");
    server.sendToAll(R"({"type":"mystery"})");
    server.sendToAll(R"({"type":"workflows_update","data":[]})"); // another feed's
    server.sendToAll(R"({"type":"queue_update","data":7})");
    server.sendToAll("   ");
    server.sendBinaryToAll("\x01\x02");
    server.sendToAll(kSnapshot);
    QTRY_COMPARE(snapshots.size(), 1);
    QCOMPARE(feed.stats().protocolErrors, 5);
    const QList<FeedEvent> errors = events.ofKind(u"protocol_error"_s);
    QCOMPARE(errors.size(), 5);
    for (const FeedEvent &e : errors) {
        QVERIFY(!e.fields.value("error"_L1).toString().isEmpty());
        QVERIFY(e.fields.contains("bytes"_L1));
    }
    // Messages of another type are for the engine to route or ignore (a backend may send every
    // feed's snapshot on every socket): not errors of this feed.
    QCOMPARE(foreign.size(), 2);
    QCOMPARE(foreign.at(0).at(1).toString(), u"mystery"_s);
    QCOMPARE(foreign.at(1).at(1).toString(), u"workflows_update"_s);
    QCOMPARE(foreign.at(1).at(2).value<QJsonValue>(), QJsonValue(QJsonArray()));
    QCOMPARE(server.connectionCount(), 1);
    QCOMPARE(feed.state(), Feed::State::Connected);
}

void tst_FeedConnection::refusedConnectionBacksOffExponentially()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const QUrl base = server.baseUrl();
    server.close(); // nothing listens on that port now: connection refused
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(base, fastSettings()), &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    for (int i = 1; i <= 5; ++i) {
        QTRY_COMPARE(events.count(u"retry_scheduled"_s), i);
        QCOMPARE(feed.state(), Feed::State::ReconnectWait);
        advanceToRetry(clock, events);
    }
    QTRY_COMPARE(events.count(u"retry_scheduled"_s), 6);
    feed.stop();
    QCOMPARE(retryDelays(events).mid(0, 5), (QList<qint64> {20, 40, 80, 160, 320}));
    // Refused emits disconnected() and error() in one pass; each attempt counts once.
    QCOMPARE(events.count(u"disconnected"_s), events.count(u"attempt"_s));
    const FeedEvent refused = events.last(u"disconnected"_s);
    QCOMPARE(refused.fields.value("code"_L1).toInt(), 1006);
    QCOMPARE(refused.fields.value("refused"_L1).toBool(), true);
    // Nothing listens yet: said as such, the normal backoff (no error of its own).
    const FeedEvent retry = events.last(u"retry_scheduled"_s);
    QCOMPARE(retry.fields.value("reason"_L1).toString(),
             u"server not accepting connections yet (connection refused)"_s);
    QCOMPARE(retry.fields.value("wait"_L1).toString(), u"not_accepting"_s);
    const QList<FeedEvent> attempts = events.ofKind(u"attempt"_s);
    for (int i = 0; i < attempts.size(); ++i)
        QCOMPARE(attempts.at(i).fields.value("attempt"_L1).toInt(), i + 1);
}

void tst_FeedConnection::acceptThenDropMeetsGrowingDelaysAndOpenCircuit()
{
    // The seeds' failure: accept, send the snapshot, drop. Counting that as a success would
    // reconnect in a tight loop; the stable rule must make delays grow and open the circuit.
    TestFeedServer server;
    QVERIFY(server.listen());
    server.setInitialSnapshot(kSnapshot);
    connect(&server, &TestFeedServer::clientConnected, &server,
            [&] { QTimer::singleShot(10, &server, &TestFeedServer::abortAll); });
    Settings s = fastSettings();
    s.circuitFailureThreshold = 4;
    s.circuitOpenMs = 60000;
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), s), &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    for (int i = 1; i <= 3; ++i) {
        QTRY_COMPARE(events.count(u"retry_scheduled"_s), i);
        advanceToRetry(clock, events); // the clock never stands still for connection.stable_ms
    }
    QTRY_COMPARE(feed.state(), Feed::State::CircuitOpen);
    QCOMPARE(server.connectionCount(), 4);
    QCOMPARE(events.count(u"connected"_s), 4);
    QCOMPARE(events.count(u"stable"_s), 0);
    QCOMPARE(retryDelays(events), (QList<qint64> {20, 40, 80, 60000}));
    const FeedEvent circuit = events.last(u"circuit"_s);
    QCOMPARE(circuit.fields.value("state"_L1).toString(), u"open"_s);
    QCOMPARE(circuit.fields.value("failures"_L1).toInt(), 4);
    const FeedStats stats = feed.stats();
    QCOMPARE(stats.circuit, Circuit::State::Open);
    QCOMPARE(stats.circuitFailures, 4);
    QCOMPARE(stats.circuitThreshold, 4);
    QCOMPARE(stats.halfOpenAtWallMs, clock.wallMs() + 60000);
    QCOMPARE(stats.failures, 4);
}

void tst_FeedConnection::halfOpenProbeSuccessClosesCircuit()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const QUrl base = server.baseUrl();
    const quint16 port = server.port();
    server.close();
    Settings s = fastSettings();
    s.circuitFailureThreshold = 2;
    s.circuitOpenMs = 250;
    s.connectionStableMs = 150;
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(base, s), &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(events.count(u"retry_scheduled"_s), 1);
    advanceToRetry(clock, events);
    QTRY_COMPARE(feed.state(), Feed::State::CircuitOpen);
    QVERIFY(server.listen(port));
    clock.advance(250); // the half-open probe
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    clock.advance(150); // stood the stable window
    QCOMPARE(events.count(u"stable"_s), 1);
    QStringList circuitStates;
    for (const FeedEvent &e : events.ofKind(u"circuit"_s))
        circuitStates << e.fields.value("state"_L1).toString();
    QCOMPARE(circuitStates, (QStringList {u"open"_s, u"half_open"_s, u"closed"_s}));
    QCOMPARE(server.connectionCount(), 1); // exactly one probe
    QCOMPARE(feed.stats().circuit, Circuit::State::Closed);
    QCOMPARE(feed.stats().attempt, 0);
}

void tst_FeedConnection::stableConnectionResetsBackoff()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    Settings s = fastSettings();
    s.connectionStableMs = 100;
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), s), &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    clock.advance(99);
    QCOMPARE(events.count(u"stable"_s), 0);
    clock.advance(1);
    QCOMPARE(events.count(u"stable"_s), 1);
    QCOMPARE(feed.stats().attempt, 0);
    server.abortAll();
    QTRY_COMPARE(events.count(u"retry_scheduled"_s), 1);
    QCOMPARE(retryDelays(events), QList<qint64> {20}); // back at the initial delay
    advanceToRetry(clock, events);
    QTRY_COMPARE(events.count(u"connected"_s), 2);
    QCOMPARE(events.last(u"connected"_s).fields.value("attempt"_L1).toInt(), 1);
}

void tst_FeedConnection::closeCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("reportedCode");
    QTest::addColumn<QString>("decision");
    QTest::addColumn<QString>("finalState");
    QTest::addColumn<qint64>("delay");
    QTest::newRow("1000") << 1000 << 1000 << u"retry"_s << u"reconnect_wait"_s << qint64(5000);
    QTest::newRow("1011") << 1011 << 1011 << u"retry"_s << u"reconnect_wait"_s << qint64(5000);
    // Going away and restarting reconnect soon: reconnect.restart_min_ms with this draw.
    QTest::newRow("1001") << 1001 << 1001 << u"retry_restart"_s << u"reconnect_wait"_s
                          << qint64(500);
    // Qt 6.4.2 rejects received codes 1012-2999 and reports 1002 instead (docs/protocol.md):
    // the first such close reads as a restart, whatever the server sent.
    QTest::newRow("1012") << 1012 << 1002 << u"retry_restart"_s << u"reconnect_wait"_s
                          << qint64(500);
    QTest::newRow("1013") << 1013 << 1002 << u"retry_restart"_s << u"reconnect_wait"_s
                          << qint64(500);
    QTest::newRow("1008") << 1008 << 1008 << u"stop_auth"_s << u"stopped"_s << qint64(-1);
    QTest::newRow("4001") << 4001 << 4001 << u"stop_auth"_s << u"stopped"_s << qint64(-1);
    QTest::newRow("4003") << 4003 << 4003 << u"stop_auth"_s << u"stopped"_s << qint64(-1);
}

void tst_FeedConnection::closeCodes()
{
    QFETCH(int, code);
    QFETCH(int, reportedCode);
    QFETCH(QString, decision);
    QFETCH(QString, finalState);
    QFETCH(qint64, delay);
    TestFeedServer server;
    QVERIFY(server.listen());
    Settings s = fastSettings();
    s.backoffMaxMs = 60000;
    s.backoffInitialMs = 5000;
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), s), &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    clock.advance(s.connectionStableMs);
    server.closeAll(QWebSocketProtocol::CloseCode(code), u"bye"_s);
    QTRY_COMPARE(events.count(u"disconnected"_s), 1);
    const FeedEvent d = events.last(u"disconnected"_s);
    QCOMPARE(d.fields.value("code"_L1).toInt(), reportedCode);
    QCOMPARE(d.fields.value("decision"_L1).toString(), decision);
    QTRY_COMPARE(events.states().last(), finalState);
    if (finalState == "stopped"_L1) {
        QCOMPARE(events.count(u"auth_error"_s), 1);
        QCOMPARE(events.count(u"retry_scheduled"_s), 0);
        QCOMPARE(feed.stats().stopReason, Reconnect::StopReason::Auth);
        QCOMPARE(feed.stats().nextRetryWallMs, 0);
    } else {
        QCOMPARE(retryDelays(events).value(0), delay);
    }
}

void tst_FeedConnection::refusedUpgrade_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorKind");
    QTest::addColumn<QString>("finalState");
    QTest::addColumn<int>("stopReason");
    QTest::newRow("401") << 401 << u"auth_error"_s << u"stopped"_s
                         << int(Reconnect::StopReason::Auth);
    QTest::newRow("403") << 403 << u"auth_error"_s << u"stopped"_s
                         << int(Reconnect::StopReason::Refused);
    QTest::newRow("404") << 404 << u"config_error"_s << u"stopped"_s
                         << int(Reconnect::StopReason::Config);
    QTest::newRow("500") << 500 << QString() << u"reconnect_wait"_s
                         << int(Reconnect::StopReason::None);
    QTest::newRow("503") << 503 << QString() << u"reconnect_wait"_s
                         << int(Reconnect::StopReason::None);
}

void tst_FeedConnection::refusedUpgrade()
{
    QFETCH(int, status);
    QFETCH(QString, errorKind);
    QFETCH(QString, finalState);
    QFETCH(int, stopReason);
    TestFeedServer server;
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    // The TCP connection stays open after the refusal: Qt 6.4.2 then leaves the QWebSocket in
    // Connecting forever, so the engine must end the attempt itself.
    proxy.setHttpRefusal(status, true);
    Settings s = fastSettings();
    s.backoffInitialMs = 5000;
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(proxy.wsUrl(QString()).adjusted(QUrl::RemovePath), s), &clock,
                        &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(events.count(u"disconnected"_s), 1);
    QCOMPARE(events.last(u"disconnected"_s).fields.value("http_status"_L1).toInt(), status);
    QTRY_COMPARE(events.states().last(), finalState);
    if (!errorKind.isEmpty()) {
        QCOMPARE(events.count(errorKind), 1);
        const QString error = events.last(errorKind).fields.value("error"_L1).toString();
        QVERIFY2(error.contains(u"(HTTP %1)"_s.arg(status)), qPrintable(error));
        QVERIFY2(error.contains(u"/api/v1/ws/queue"_s), qPrintable(error));
        QCOMPARE(feed.stats().lastError, error);
    } else if (status == 503) {
        QCOMPARE(events.last(u"retry_scheduled"_s).fields.value("reason"_L1).toString(),
                 u"server not ready yet (HTTP 503 on the upgrade)"_s);
        QCOMPARE(feed.stats().wait, Reconnect::Wait::NotReady);
    }
    QCOMPARE(int(feed.stats().stopReason), stopReason);
    QCOMPARE(feed.stats().lastCloseCode, status);
    QCOMPARE(server.connectionCount(), 0);
}

void tst_FeedConnection::handshakeHangTimesOut()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    proxy.setHandshakeHang(true);
    Settings s = fastSettings();
    s.connectTimeoutMs = 200;
    s.backoffInitialMs = 400;
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(proxy.wsUrl(QString()).adjusted(QUrl::RemovePath), s), &clock,
                        &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(proxy.acceptedCount(), 1);
    clock.advance(199);
    QCOMPARE(events.count(u"disconnected"_s), 0);
    clock.advance(1);
    QCOMPARE(events.count(u"disconnected"_s), 1);
    QVERIFY(events.last(u"disconnected"_s)
                .fields.value("reason"_L1)
                .toString()
                .contains(u"connect.timeout_ms"_s));
    proxy.setHandshakeHang(false);
    advanceToRetry(clock, events);
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    QCOMPARE(events.last(u"connected"_s).fields.value("attempt"_L1).toInt(), 2);
}

void tst_FeedConnection::frozenPeerIsCaughtByHeartbeat()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    Settings s = fastSettings();
    s.heartbeatIntervalMs = 100;
    s.heartbeatTimeoutMs = 200;
    s.backoffInitialMs = 5000;
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(proxy.wsUrl(QString()).adjusted(QUrl::RemovePath), s), &clock,
                        &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    clock.advance(100);                          // the first ping
    QTRY_COMPARE(events.count(u"latency"_s), 1); // alive and answering
    proxy.setFrozen(true);
    clock.advance(100); // the next ping, which nothing answers
    clock.advance(199);
    QCOMPARE(events.count(u"heartbeat_timeout"_s), 0);
    clock.advance(1);
    QCOMPARE(events.count(u"heartbeat_timeout"_s), 1);
    QCOMPARE(events.last(u"heartbeat_timeout"_s).fields.value("waited_ms"_L1).toDouble(), 200.0);
    QCOMPARE(events.last(u"disconnected"_s).fields.value("code"_L1).toInt(), 1006);
    QCOMPARE(events.states().last(), u"reconnect_wait"_s);
    QCOMPARE(feed.stats().heartbeatTimeouts, 1);
}

// "Excellent" from the last pong must not survive a link that stopped answering: while the pong
// is late the RTT is at least the wait, and the quality says so tier by tier before the timeout.
void tst_FeedConnection::latePongDegradesQualityBeforeTheVerdict()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    Settings s = fastSettings();
    s.heartbeatIntervalMs = 100;
    s.heartbeatTimeoutMs = 1500;
    s.backoffInitialMs = 5000;
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(proxy.wsUrl(QString()).adjusted(QUrl::RemovePath), s), &clock,
                        &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    clock.advance(100);
    QTRY_COMPARE(events.count(u"latency"_s), 1);
    QCOMPARE(feed.stats().quality, Quality::Tier::Excellent);
    events.clear();
    proxy.setFrozen(true);
    clock.advance(100); // a ping goes out and stays unanswered
    for (int i = 0; i < 15; ++i)
        clock.advance(100);
    QCOMPARE(events.count(u"heartbeat_timeout"_s), 1);
    QStringList tiers;
    QList<double> waits;
    for (const FeedEvent &e : events.ofKind(u"quality"_s)) {
        tiers << e.fields.value("quality"_L1).toString();
        waits << e.fields.value("waited_ms"_L1).toDouble();
    }
    QCOMPARE(tiers, (QStringList {u"good"_s, u"poor"_s, u"bad"_s}));
    QCOMPARE(waits,
             (QList<double> {double(s.qualityExcellentMs), double(s.qualityGoodMs),
                             double(s.qualityPoorMs)}));
    // Every one of them came before the link was declared dead, while it was still "connected".
    qsizetype lastQuality = -1;
    qsizetype verdict = -1;
    for (qsizetype i = 0; i < events.events().size(); ++i) {
        const QString kind = events.events().at(i).event;
        if (kind == u"quality"_s)
            lastQuality = i;
        else if (kind == u"heartbeat_timeout"_s && verdict < 0)
            verdict = i;
    }
    QVERIFY(lastQuality >= 0 && lastQuality < verdict);
    QCOMPARE(feed.stats().quality, Quality::Tier::Disconnected);
}

void tst_FeedConnection::latencyIsMeasuredFromPongs()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    proxy.setLatency(150);
    Settings s = fastSettings();
    s.heartbeatIntervalMs = 50;
    s.heartbeatTimeoutMs = 1000;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(proxy.wsUrl(QString()).adjusted(QUrl::RemovePath), s),
                        SystemClock::instance(), &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    // Connected but nothing measured yet: not "excellent", not anything.
    QCOMPARE(feed.stats().quality, Quality::Tier::Unknown);
    QTRY_VERIFY_WITH_TIMEOUT(events.count(u"latency"_s) >= 3, 10000);
    const FeedStats stats = feed.stats();
    QVERIFY2(stats.lastRttMs >= 150, qPrintable(QString::number(stats.lastRttMs)));
    QCOMPARE(stats.quality, Quality::Tier::Good);
    QCOMPARE(events.last(u"latency"_s).fields.value("quality"_L1).toString(), u"good"_s);
    QVERIFY(stats.p95RttMs >= stats.p50RttMs);
    QCOMPARE(events.count(u"heartbeat_timeout"_s), 0);
    feed.stop();
    QCOMPARE(feed.stats().quality, Quality::Tier::Disconnected);
}

void tst_FeedConnection::appLevelPingsOnlyWhenAnswered()
{
    auto countPings = [](const QStringList &messages) {
        return std::count_if(messages.begin(), messages.end(),
                             [](const QString &m) { return m.contains(u"\"type\":\"ping\""_s); });
    };
    Settings s = fastSettings();
    s.heartbeatIntervalMs = 50;
    FixedRandom random(0);

    ManualClock clock;
    TestFeedServer silent; // a FastAPI-like loop that never answers app pings
    QVERIFY(silent.listen());
    FeedConnection a(makeSpec(silent.baseUrl(), s), &clock, &random);
    EventRecorder aEvents(&a);
    a.start();
    QTRY_COMPARE(a.state(), Feed::State::Connected);
    for (int round = 1; round <= 4; ++round) {
        clock.advance(50);
        QTRY_COMPARE(aEvents.count(u"latency"_s), round);
    }
    QCOMPARE(countPings(silent.receivedMessages()), 1); // the one probe
    for (const FeedEvent &e : aEvents.ofKind(u"latency"_s))
        QCOMPARE(e.fields.value("source"_L1).toString(), u"ws"_s);

    TestFeedServer answering;
    answering.setAnswerAppPings(true);
    QVERIFY(answering.listen());
    FeedConnection b(makeSpec(answering.baseUrl(), s), &clock, &random);
    EventRecorder bEvents(&b);
    b.start();
    QTRY_COMPARE(b.state(), Feed::State::Connected);
    for (int round = 1; round <= 3; ++round) {
        clock.advance(50);
        QTRY_COMPARE(countPings(answering.receivedMessages()), round);
        QTRY_VERIFY(bEvents.count(u"latency"_s) >= 2 * round - 1);
    }
    bool sawApp = false;
    for (const FeedEvent &e : bEvents.ofKind(u"latency"_s))
        sawApp = sawApp || e.fields.value("source"_L1).toString() == "app"_L1;
    QVERIFY(sawApp);
    QCOMPARE(b.stats().unmatchedPongs, 0);
}

void tst_FeedConnection::oversizeMessageClosesWith1009()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    Settings s = fastSettings();
    s.maxMessageBytes = 4096;
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), s), &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    const QByteArray big = R"({"type":"queue_update","data":[")" + QByteArray(8000, 'x') + R"("]})";
    server.sendToAll(big);
    QTRY_COMPARE(events.count(u"disconnected"_s), 1);
    QCOMPARE(events.last(u"disconnected"_s).fields.value("code"_L1).toInt(), 1009);
    QCOMPARE(feed.stats().lastCloseCode, 1009);
    QTRY_COMPARE(events.count(u"retry_scheduled"_s), 1);
    advanceToRetry(clock, events);
    QTRY_COMPARE(feed.state(), Feed::State::Connected); // and it comes back
    QCOMPARE(feed.stats().disconnectsByCode.value(1009), 1);
    QCOMPARE(feed.stats().disconnectsByDecision.value(u"retry"_s), 1);
}

void tst_FeedConnection::manualReconnectResetsCircuit()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const QUrl base = server.baseUrl();
    const quint16 port = server.port();
    server.close();
    Settings s = fastSettings();
    s.circuitFailureThreshold = 2;
    s.circuitOpenMs = 600000;
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(base, s), &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(events.count(u"retry_scheduled"_s), 1);
    advanceToRetry(clock, events);
    QTRY_COMPARE(feed.state(), Feed::State::CircuitOpen);
    QVERIFY(server.listen(port));
    feed.reconnectNow();
    QCOMPARE(feed.stats().circuit, Circuit::State::Closed);
    QCOMPARE(feed.stats().circuitFailures, 0);
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    QCOMPARE(events.last(u"connected"_s).fields.value("attempt"_L1).toInt(), 1);
    QCOMPARE(events.count(u"manual_reconnect"_s), 1);
}

void tst_FeedConnection::offlinePausesRetriesAndOnlineRetriesAtOnce()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const QUrl base = server.baseUrl();
    server.close();
    Settings s = fastSettings();
    s.backoffInitialMs = 100000;       // only going online can bring the next attempt quickly
    s.networkOfflinePauses = u"all"_s; // the host is loopback, which "public" leaves alone
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(base, s), &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::ReconnectWait);
    feed.setOnline(false);
    QCOMPARE(feed.state(), Feed::State::Offline);
    QCOMPARE(feed.stats().nextRetryWallMs, 0);
    const int attempts = events.count(u"attempt"_s);
    feed.setOnline(true);
    QCOMPARE(events.count(u"attempt"_s), attempts + 1);
}

void tst_FeedConnection::stopAndStart()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), fastSettings()), &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(server.activeCount(), 1);
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    feed.stop();
    QCOMPARE(feed.state(), Feed::State::Stopped);
    // Stopping a live link is a disconnection the event stream reports, with its uptime.
    QCOMPARE(events.count(u"disconnected"_s), 1);
    QCOMPARE(events.last(u"disconnected"_s).fields.value("decision"_L1).toString(), u"operator"_s);
    QVERIFY(events.last(u"disconnected"_s).fields.contains("uptime_ms"_L1));
    QTRY_COMPARE(server.activeCount(), 0);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    QCOMPARE(server.connectionCount(), 2);
}

void tst_FeedConnection::neverTwoSocketsForOneFeed()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), fastSettings()), &clock, &random);
    int maxActive = 0;
    connect(&server, &TestFeedServer::clientConnected, this,
            [&] { maxActive = std::max(maxActive, server.activeCount()); });
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    for (int i = 0; i < 10; ++i) {
        feed.reconnectNow();
        QTRY_COMPARE(feed.state(), Feed::State::Connected);
    }
    QTRY_COMPARE(server.activeCount(), 1);
    QCOMPARE(maxActive, 1);
    QCOMPARE(server.connectionCount(), 11);
}

void tst_FeedConnection::tokenNeverInEvents()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const QUrl base = server.baseUrl();
    FixedRandom random(0);
    for (AuthSpec::Mode mode :
         {AuthSpec::Mode::Header, AuthSpec::Mode::Query, AuthSpec::Mode::Subprotocol}) {
        FeedSpec spec = makeSpec(base, fastSettings());
        spec.auth.mode = mode;
        spec.auth.token = u"tok-SECRET-123"_s;
        ManualClock clock;
        FeedConnection feed(spec, &clock, &random);
        EventRecorder events(&feed);
        feed.start();
        QTRY_COMPARE(feed.state(), Feed::State::Connected);
        server.closeAll(QWebSocketProtocol::CloseCodeGoingAway, u"bye"_s);
        QTRY_VERIFY(events.count(u"retry_scheduled"_s) >= 1);
        feed.stop();
        QVERIFY(!events.jsonLines().contains("tok-SECRET-123"));
        QVERIFY(!events.jsonLines().isEmpty());
    }
}

void tst_FeedConnection::testConnectionLeavesLiveLinkAlone()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FixedRandom random(0);
    const FeedSpec spec = makeSpec(server.baseUrl(), fastSettings());
    ManualClock clock;
    FeedConnection feed(spec, &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Connected);

    // The tester measures its own handshake and ping: on the system clock.
    ConnectionTester tester(spec, SystemClock::instance());
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.start();
    QTRY_COMPARE(finished.size(), 1);
    const TestResult result = finished.first().first().value<TestResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.rttMs >= 0);
    QVERIFY(result.connectMs >= 0);
    QCOMPARE(server.connectionCount(), 2);
    QTRY_COMPARE(server.activeCount(), 1);
    QCOMPARE(events.count(u"disconnected"_s), 0);
    QCOMPARE(feed.state(), Feed::State::Connected);

    server.close();
    ConnectionTester refused(spec, SystemClock::instance());
    QSignalSpy failed(&refused, &ConnectionTester::finished);
    refused.start();
    QTRY_COMPARE(failed.size(), 1);
    const TestResult bad = failed.first().first().value<TestResult>();
    QVERIFY(!bad.ok);
    QVERIFY(bad.error.contains(u"refused"_s, Qt::CaseInsensitive));
}

void tst_FeedConnection::helloNamesThePreviousServer()
{
    // A new server_id is evidence of a restart; FeedEngine's RestartTracker reports it once
    // per backend (tst_feedengine). The connection says what it saw.
    TestFeedServer server;
    server.setHello(u"server-A"_s);
    QVERIFY(server.listen());
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), fastSettings()), &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(events.count(u"hello"_s), 1);
    QCOMPARE(events.last(u"hello"_s).fields.value("previous_server_id"_L1).toString(), QString());
    server.setHello(u"server-B"_s);
    QVERIFY(server.restart());
    QTRY_COMPARE(events.count(u"retry_scheduled"_s), 1);
    advanceToRetry(clock, events);
    QTRY_COMPARE(events.count(u"hello"_s), 2);
    const FeedEvent hello = events.last(u"hello"_s);
    QCOMPARE(hello.fields.value("server_id"_L1).toString(), u"server-B"_s);
    QCOMPARE(hello.fields.value("previous_server_id"_L1).toString(), u"server-A"_s);
    QCOMPARE(feed.stats().serverId, u"server-B"_s);
    QCOMPARE(events.count(u"server_restart"_s), 0);
}

void tst_FeedConnection::offlineLeavesLocalHostsAlone()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    const QUrl base = server.baseUrl();
    const quint16 port = server.port();
    server.close();
    Settings s = fastSettings();
    s.backoffInitialMs = 1000;
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(base, s), &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::ReconnectWait);
    feed.setOnline(false);
    QCOMPARE(feed.state(), Feed::State::ReconnectWait);
    QVERIFY(server.listen(port));
    advanceToRetry(clock, events);
    QTRY_COMPARE(feed.state(), Feed::State::Connected);
    QCOMPARE(events.count(u"attempt"_s), 2);
}

void tst_FeedConnection::whichHostsOfflinePauses_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("paused");
    QTest::newRow("loopback v4") << u"ws://127.0.0.1:8002"_s << u"public"_s << false;
    QTest::newRow("loopback v6") << u"ws://[::1]:8002"_s << u"public"_s << false;
    QTest::newRow("localhost") << u"ws://localhost:8002"_s << u"public"_s << false;
    QTest::newRow("10/8") << u"ws://10.1.2.3:8002"_s << u"public"_s << false;
    QTest::newRow("172.16/12") << u"ws://172.20.0.5:8002"_s << u"public"_s << false;
    QTest::newRow("192.168/16") << u"ws://192.168.1.20:8002"_s << u"public"_s << false;
    QTest::newRow("link-local") << u"ws://169.254.3.4:8002"_s << u"public"_s << false;
    QTest::newRow("ULA v6") << u"ws://[fd00::5]:8002"_s << u"public"_s << false;
    QTest::newRow("single-label name") << u"ws://backend:8002"_s << u"public"_s << false;
    QTest::newRow(".local") << u"ws://dash.local:8002"_s << u"public"_s << false;
    QTest::newRow("public address") << u"wss://203.0.113.7"_s << u"public"_s << true;
    QTest::newRow("172.32 is public") << u"ws://172.32.0.1"_s << u"public"_s << true;
    QTest::newRow("public name") << u"wss://ops.example.com"_s << u"public"_s << true;
    QTest::newRow("all: loopback too") << u"ws://127.0.0.1:8002"_s << u"all"_s << true;
}

void tst_FeedConnection::whichHostsOfflinePauses()
{
    QFETCH(QString, url);
    QFETCH(QString, mode);
    QFETCH(bool, paused);
    Settings s;
    s.networkOfflinePauses = mode;
    QCOMPARE(FeedConnection::pausesWhenOffline(makeSpec(QUrl(url), s)), paused);
}

void tst_FeedConnection::stopDuringTheHalfOpenProbeDoesNotSpin()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(server.port()));
    proxy.setHandshakeHang(true); // every attempt hangs: the probe is still out when stopped
    Settings s = fastSettings();
    s.circuitFailureThreshold = 1;
    s.circuitOpenMs = 100;
    s.connectTimeoutMs = 100;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(proxy.wsUrl(QString()).adjusted(QUrl::RemovePath), s),
                        SystemClock::instance(), &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::CircuitOpen);
    QTRY_COMPARE(feed.stats().circuit, Circuit::State::HalfOpen); // the probe is out
    QCOMPARE(feed.state(), Feed::State::Connecting);
    feed.stop();
    const int retriesBefore = events.count(u"retry_scheduled"_s);
    const int attemptsBefore = events.count(u"attempt"_s);
    feed.start();
    QCOMPARE(feed.state(), Feed::State::Connecting); // it probes again at once
    QCOMPARE(events.count(u"attempt"_s), attemptsBefore + 1);
    // Half a second of real time: the new probe times out, the circuit re-opens, the next probe
    // follows circuit.open_ms later. A spin would have scheduled thousands of retries.
    QTest::qWait(500);
    const int retries = events.count(u"retry_scheduled"_s) - retriesBefore;
    qInfo("half-open stop, then start: %d retries scheduled in 500 ms (open_ms 100, connect "
          "timeout 100)",
          retries);
    QVERIFY2(retries <= 5, qPrintable(QString::number(retries)));
    for (const FeedEvent &e : events.ofKind(u"retry_scheduled"_s))
        QVERIFY(e.fields.value("delay_ms"_L1).toDouble() >= 1);
    feed.stop();
}

void tst_FeedConnection::clientReadyGoesBeforeAnythingSentOnConnect()
{
    TestFeedServer server;
    server.setWaitForClientReady(true);
    QVERIFY(server.listen());
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(makeSpec(server.baseUrl(), fastSettings()), &clock, &random);
    connect(&feed, &FeedConnection::connectedChanged, this, [&](const QString &, bool up) {
        if (up)
            QVERIFY(feed.sendText(R"({"type":"command","id":"c-1","name":"queue.pause"})"));
    });
    feed.start();
    QTRY_COMPARE(server.receivedMessages().size(), 2);
    QCOMPARE(server.receivedMessages().at(0), u"{\"type\":\"client_ready\"}"_s);
    QVERIFY(server.receivedMessages().at(1).contains(u"queue.pause"_s));
}

void tst_FeedConnection::credentialsInTheUrlAreNeverShown()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    QUrl url = server.baseUrl();
    url.setUserInfo(u"ops:hunter2"_s);
    url.setQuery(u"token=tok-URL-SECRET&region=eu"_s);
    FeedSpec spec = makeSpec(url, fastSettings());
    spec.snapshotUrl = QUrl(u"http://ops:hunter2@127.0.0.1:1/api/v1/queue?key=k-SECRET"_s);
    ManualClock clock;
    FixedRandom random(0);
    FeedConnection feed(spec, &clock, &random);
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(events.count(u"attempt"_s), 1);
    QTRY_VERIFY(events.count(u"disconnected"_s) >= 1 || feed.isConnected());
    const QString shown = events.last(u"attempt"_s).fields.value("url"_L1).toString();
    QCOMPARE(shown,
             u"ws://***@127.0.0.1:%1/api/v1/ws/queue?token=***&region=***"_s.arg(server.port()));
    feed.stop();
    const QByteArray lines = events.jsonLines();
    QVERIFY(!lines.contains("hunter2"));
    QVERIFY(!lines.contains("tok-URL-SECRET"));
    QVERIFY(!lines.contains("k-SECRET"));
    QCOMPARE(Redaction::displayUrl(QUrl(u"wss://h:1/p"_s)), u"wss://h:1/p"_s);
}

QTEST_GUILESS_MAIN(tst_FeedConnection)
#include "tst_feedconnection.moc"
