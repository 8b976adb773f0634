#include "feedconnection.h"

#include "connection/handshake.h"
#include "connection/snapshotpoller.h"
#include "connection/tls.h"
#include "core/clock.h"
#include "core/redaction.h"
#include "policy/closecodepolicy.h"
#include "protocol/messagedecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcConnection, "feedwatch.connection", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProtocol, "feedwatch.protocol", QtWarningMsg)

QString Feed::stateName(State state)
{
    switch (state) {
    case State::Idle:
        return u"idle"_s;
    case State::Connecting:
        return u"connecting"_s;
    case State::Connected:
        return u"connected"_s;
    case State::ReconnectWait:
        return u"reconnect_wait"_s;
    case State::CircuitOpen:
        return u"circuit_open"_s;
    case State::Offline:
        return u"offline"_s;
    case State::Stopped:
        return u"stopped"_s;
    }
    return {};
}

namespace {

// The message's size on the wire, without converting it.
qint64 utf8Length(QStringView text)
{
    qint64 n = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        n += u < 0x80 ? 1 : (u < 0x800 || c.isSurrogate()) ? 2 : 3;
    }
    return n;
}

QTimer *makeTimer(QObject *parent)
{
    auto *timer = new QTimer(parent);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    return timer;
}

} // namespace

FeedConnection::FeedConnection(const FeedSpec &spec, const Clock *clock, RandomSource *random,
                               QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_secretForms(Redaction::forms(spec.auth.token))
    , m_clock(clock)
    , m_random(random)
    , m_backoff(spec.settings)
    , m_circuit(spec.settings.circuitFailureThreshold, spec.settings.circuitOpenMs)
    , m_heartbeat(spec.settings.heartbeatIntervalMs, spec.settings.heartbeatTimeoutMs)
    , m_latency(spec.settings)
    , m_retryTimer(makeTimer(this))
    , m_connectTimer(makeTimer(this))
    , m_heartbeatTimer(makeTimer(this))
    , m_stableTimer(makeTimer(this))
    , m_overdueTimer(makeTimer(this))
{
    connect(m_retryTimer, &QTimer::timeout, this, &FeedConnection::connectNow);
    connect(m_connectTimer, &QTimer::timeout, this, &FeedConnection::onConnectTimeout);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &FeedConnection::onHeartbeatTick);
    connect(m_stableTimer, &QTimer::timeout, this, &FeedConnection::onStable);
    connect(m_overdueTimer, &QTimer::timeout, this, &FeedConnection::onPongOverdue);
    m_rttTimer.start();
    if (spec.snapshotUrl.isValid()) {
        m_poller = new SnapshotPoller(spec.snapshotUrl, spec.settings.fallbackPollMs,
                                      spec.settings.fallbackTimeoutMs, spec.auth, this);
        m_poller->setTls(spec.tls);
        connect(m_poller, &SnapshotPoller::snapshotFetched, this,
                [this](const QJsonValue &data, qint64 bytes) {
                    m_fallback = Feed::Fallback::Delivering;
                    m_fallbackError.clear();
                    m_lastPollOkWall = m_clock->wallMs();
                    applySnapshotData(m_spec.messageType, data, bytes, u"http"_s);
                });
        connect(m_poller, &SnapshotPoller::failed, this, [this](const QString &error) {
            m_fallback = Feed::Fallback::Failing;
            m_fallbackError = error;
            emitEvent(u"poll_error"_s, {{u"error"_s, error}});
        });
    }
}

FeedConnection::~FeedConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

FeedStats FeedConnection::stats() const
{
    const qint64 now = m_clock->nowMs();
    const qint64 wallOffset = m_clock->wallMs() - now;
    FeedStats s;
    s.feedId = m_spec.id;
    s.backend = m_spec.backend;
    s.state = m_state;
    s.stopReason = m_state == Feed::State::Stopped ? m_stopReason : QString();
    s.attempt = m_attempt;
    s.totalAttempts = m_totalAttempts;
    s.totalRetries = m_totalRetries;
    s.successes = m_successes;
    s.failures = m_failures;
    s.lastError = m_lastError;
    s.lastCloseCode = m_lastCloseCode;
    s.connectedSinceWallMs = m_connected ? m_connectedSinceWall : 0;
    s.downSinceWallMs = m_connected ? 0 : m_downSinceWall;
    s.nextRetryWallMs = m_nextRetryAt >= 0 ? m_nextRetryAt + wallOffset : 0;
    if (m_startedAt >= 0 && now > m_startedAt) {
        const qint64 up = m_connectedTotalMs + (m_connected ? now - m_connectedAt : 0);
        s.uptimePercent = 100.0 * double(up) / double(now - m_startedAt);
    }
    s.messages = m_messages;
    s.bytes = m_bytes;
    s.snapshots = m_snapshots;
    s.unchangedSnapshots = m_unchanged;
    s.protocolErrors = m_protocolErrors;
    s.lastMessageWallMs = m_lastMessageWall;
    s.circuit = m_circuit.state();
    s.circuitFailures = m_circuit.failures();
    s.circuitThreshold = m_circuit.threshold();
    s.halfOpenAtWallMs =
        m_circuit.state() == Circuit::State::Open ? m_circuit.halfOpenAtMs() + wallOffset : 0;
    s.quality = effectiveQuality();
    s.lastRttMs = m_latency.last();
    s.ewmaRttMs = m_latency.ewma();
    s.p50RttMs = m_latency.percentile(50);
    s.p95RttMs = m_latency.percentile(95);
    s.p99RttMs = m_latency.percentile(99);
    s.serverId = m_serverId;
    s.degraded = m_poller && m_poller->isActive();
    if (m_state == Feed::State::Stopped && m_stopReason == "tls"_L1)
        s.tlsError = m_lastTlsError;
    s.fallback = s.degraded ? m_fallback : Feed::Fallback::Off;
    s.fallbackError = s.degraded ? m_fallbackError : QString();
    s.lastPollOkWallMs = m_lastPollOkWall;
    return s;
}

Quality::Tier FeedConnection::effectiveQuality() const
{
    if (!m_connected)
        return Quality::Tier::Disconnected;
    const Quality::Tier measured =
        m_samplesThisConnection == 0 ? Quality::Tier::Unknown : m_latency.quality();
    // Tiers from Excellent on are ordered best to worst; a late pong can only make it worse.
    if (m_overdueTier == Quality::Tier::Unknown)
        return measured;
    return measured == Quality::Tier::Unknown ? m_overdueTier : std::max(measured, m_overdueTier);
}

bool FeedConnection::sendText(const QByteArray &utf8)
{
    // sendTextMessage() on a socket that is not open drops the data silently and returns 0.
    if (!m_socket || !m_connected)
        return false;
    return m_socket->sendTextMessage(QString::fromUtf8(utf8)) > 0 || utf8.isEmpty();
}

void FeedConnection::start()
{
    if (m_startedAt < 0) {
        m_startedAt = m_clock->nowMs();
        m_downSinceWall = m_clock->wallMs();
    }
    m_stopReason.clear();
    if (m_state == Feed::State::Connecting || m_state == Feed::State::Connected)
        return;
    connectNow();
}

void FeedConnection::stop()
{
    m_retryTimer->stop();
    m_nextRetryAt = -1;
    reportOperatorClose(u"stopped by the operator"_s);
    discardSocket(Close::Polite, u"stopped by the operator"_s);
    setDegraded(false);
    m_stopReason = u"manual"_s;
    setState(Feed::State::Stopped, m_stopReason);
}

void FeedConnection::reconnectNow()
{
    if (m_startedAt < 0) {
        m_startedAt = m_clock->nowMs();
        m_downSinceWall = m_clock->wallMs();
    }
    emitEvent(u"manual_reconnect"_s);
    reportOperatorClose(u"reconnect requested"_s);
    // The new socket follows at once: the old one must be gone, not closing beside it.
    discardSocket(Close::PoliteNoWait, u"reconnect requested"_s);
    m_retryTimer->stop();
    m_nextRetryAt = -1;
    m_attempt = 0;
    m_stopReason.clear();
    if (m_circuit.state() != Circuit::State::Closed || m_circuit.failures() > 0) {
        m_circuit.reset();
        emitEvent(u"circuit"_s,
                  {{u"state"_s, Circuit::name(m_circuit.state())},
                   {u"failures"_s, 0},
                   {u"reason"_s, u"manual reconnect"_s}});
    }
    // A manual reconnect is the operator's word: it tries even if reachability says offline.
    const bool online = m_online;
    m_online = true;
    connectNow();
    m_online = online;
}

void FeedConnection::setOnline(bool online, bool resume)
{
    if (m_online == online)
        return;
    m_online = online;
    if (!online && m_state == Feed::State::ReconnectWait) {
        m_retryTimer->stop();
        m_nextRetryAt = -1;
        setState(Feed::State::Offline);
    } else if (online && resume && m_state == Feed::State::Offline) {
        connectNow();
    }
}

void FeedConnection::connectNow()
{
    m_retryTimer->stop();
    m_nextRetryAt = -1;
    if (m_state == Feed::State::Stopped && !m_stopReason.isEmpty())
        return;
    if (!m_online) {
        setState(Feed::State::Offline);
        return;
    }
    const qint64 now = m_clock->nowMs();
    const Circuit::State before = m_circuit.state();
    if (!m_circuit.tryAcquire(now)) {
        setState(Feed::State::CircuitOpen);
        scheduleRetry(std::max<qint64>(0, m_circuit.halfOpenAtMs() - now), u"circuit_open"_s);
        return;
    }
    if (before != m_circuit.state()) {
        emitEvent(u"circuit"_s,
                  {{u"state"_s, Circuit::name(m_circuit.state())},
                   {u"failures"_s, m_circuit.failures()}});
    }
    openSocket();
}

void FeedConnection::openSocket()
{
    discardSocket();
    ++m_attempt;
    ++m_totalAttempts;
    m_attemptStartedAt = m_clock->nowMs();
    m_pending = {};
    m_finishQueued = false;
    m_connected = false;

    // A fresh socket per attempt: re-opening a QWebSocket after a failure is unreliable (6.4).
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, &FeedConnection::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &FeedConnection::onDisconnected);
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &FeedConnection::onSocketError);
    // Direct: ignoreSslErrors() only counts when called before this signal returns.
    connect(socket, &QWebSocket::sslErrors, this, &FeedConnection::onSslErrors);
    connect(socket, &QWebSocket::textMessageReceived, this, &FeedConnection::onTextMessage);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &FeedConnection::onBinaryMessage);
    connect(socket, &QWebSocket::pong, this, &FeedConnection::onPong);

    setState(Feed::State::Connecting);
    emitEvent(u"attempt"_s, {{u"attempt"_s, m_attempt}, {u"url"_s, m_spec.url.toString()}});
    // QWebSocket has no handshake timeout of its own.
    m_connectTimer->start(m_spec.settings.connectTimeoutMs);
    Handshake::open(socket, m_spec);
}

// A link the operator ends is a disconnection too: the event stream says so, with its uptime.
void FeedConnection::reportOperatorClose(const QString &reason)
{
    if (!m_connected)
        return;
    emitEvent(u"disconnected"_s,
              {{u"code"_s, int(QWebSocketProtocol::CloseCodeNormal)},
               {u"reason"_s, reason},
               {u"uptime_ms"_s, double(m_clock->nowMs() - m_connectedAt)},
               {u"was_connected"_s, true},
               {u"decision"_s, u"operator"_s}});
}

void FeedConnection::discardSocket(Close how, const QString &closeReason)
{
    m_connectTimer->stop();
    m_heartbeatTimer->stop();
    m_stableTimer->stop();
    m_overdueTimer->stop();
    m_overdueTier = Quality::Tier::Unknown;
    if (m_connected) {
        accumulateUptime();
        m_connected = false;
        m_downSinceWall = m_clock->wallMs();
        emit connectedChanged(m_spec.id, false);
    }
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket.clear();
    socket->disconnect(this);
    if (how != Close::Abort && socket->state() == QAbstractSocket::ConnectedState) {
        socket->close(QWebSocketProtocol::CloseCodeNormal, closeReason);
        if (how == Close::Polite) {
            // The socket deletes itself once the server answers the close frame, or soon.
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(2000, socket, &QObject::deleteLater);
            return;
        }
        // Hand the close frame to the kernel, then let go: best effort, never two sockets.
        socket->flush();
    }
    socket->abort();
    socket->deleteLater();
}

void FeedConnection::accumulateUptime()
{
    m_connectedTotalMs += m_clock->nowMs() - m_connectedAt;
}

void FeedConnection::onConnected()
{
    m_connectTimer->stop();
    const qint64 now = m_clock->nowMs();
    m_connected = true;
    m_everConnected = true;
    m_lastTlsError = {};
    setDegraded(false);
    m_connectedAt = now;
    m_connectedSinceWall = m_clock->wallMs();
    m_samplesThisConnection = 0;
    // Quality describes this link: figures from the previous connection must not carry over.
    m_latency.clear();
    m_appPings = false;
    m_appPingProbed = false;
    m_lastSnapshotText.clear(); // a new connection starts with a fresh initial snapshot
    ++m_successes;
    emitEvent(u"connected"_s,
              {{u"attempt"_s, m_attempt}, {u"connect_ms"_s, double(now - m_attemptStartedAt)}});
    setState(Feed::State::Connected);
    emit connectedChanged(m_spec.id, true);
    m_socket->sendTextMessage(u"{\"type\":\"client_ready\"}"_s);
    // Measure right away: quality is unknown until the first pong, and a link that died during
    // the handshake should not get a whole interval of benefit of the doubt.
    m_heartbeat.start(now, 250);
    armHeartbeat();
    m_stableTimer->start(m_spec.settings.connectionStableMs);
}

void FeedConnection::onStable()
{
    // Only a connection that stayed up proves the server healthy. Resetting on open or on the
    // first message would loop fast against a server that accepts, sends a snapshot and drops.
    const bool wasTripped = m_circuit.state() != Circuit::State::Closed;
    m_attempt = 0;
    m_circuit.recordSuccess();
    emitEvent(u"stable"_s, {{u"uptime_ms"_s, double(m_clock->nowMs() - m_connectedAt)}});
    if (wasTripped)
        emitEvent(u"circuit"_s, {{u"state"_s, u"closed"_s}, {u"failures"_s, 0}});
    emit statsDirty(m_spec.id);
}

void FeedConnection::onDisconnected()
{
    if (!m_socket)
        return;
    finishAttempt();
}

void FeedConnection::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    m_pending.sawError = true;
    if (m_pending.tls.isEmpty()) { // a refused certificate already said what went wrong
        const QString text = Handshake::errorText(m_socket, m_spec);
        m_pending.httpStatus = Handshake::httpStatusFromError(text);
        m_pending.reason = text.isEmpty() ? u"socket error %1"_s.arg(int(error)) : text;
        if (m_pending.httpStatus)
            m_pending.reason = Handshake::refusalText(text, m_pending.httpStatus);
    }
    // After a refused upgrade Qt 6.4.2 stays in Connecting forever and only emits error().
    finishAttempt();
}

void FeedConnection::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_socket)
        return;
    const QSslCertificate peer = m_socket->sslConfiguration().peerCertificate();
    const Tls::Verdict verdict = Tls::check(m_spec.tls, m_spec.url, peer, errors);
    if (verdict.pinned) {
        m_socket->ignoreSslErrors(verdict.ignore);
        emitEvent(u"tls_pinned"_s, Tls::pinnedFields(m_spec.url, peer, errors));
        return;
    }
    // Qt aborts the handshake after this and reports SslHandshakeFailedError.
    m_pending.tls = verdict.problem;
    m_pending.closeCode = 1015;
    m_pending.reason = verdict.text();
}

void FeedConnection::finishAttempt()
{
    // Connection refused emits disconnected() and error() in one pass: let both land, then
    // count the attempt once.
    if (m_finishQueued)
        return;
    m_finishQueued = true;
    QPointer<QWebSocket> socket = m_socket;
    QTimer::singleShot(0, this, [this, socket] {
        if (!socket || socket != m_socket)
            return;
        Outcome outcome = m_pending;
        const int code = socket->closeCode();
        // Qt reports 1000 when the TCP connection ends without a close frame; only the error
        // that precedes it tells an abnormal closure (1006) from a clean one.
        if (outcome.tls.isEmpty()
            && (code != QWebSocketProtocol::CloseCodeNormal || !outcome.sawError)) {
            outcome.closeCode = code;
            const QString reason = socket->closeReason();
            outcome.reason = reason.isEmpty() ? u"closed with %1"_s.arg(code) : reason;
        }
        endAttempt(outcome);
    });
}

void FeedConnection::onConnectTimeout()
{
    endAttempt({1006, 0,
                u"no handshake within %1 ms (connect.timeout_ms)"_s.arg(
                    m_spec.settings.connectTimeoutMs)});
}

void FeedConnection::endAttempt(const Outcome &outcome)
{
    const bool wasConnected = m_connected;
    const bool wasStable = wasConnected && !m_stableTimer->isActive();
    const qint64 now = m_clock->nowMs();
    const qint64 uptime = wasConnected ? now - m_connectedAt : 0;
    discardSocket();

    m_lastCloseCode = outcome.httpStatus ? outcome.httpStatus : outcome.closeCode;
    m_lastError = Redaction::mask(outcome.reason, m_secretForms);
    const CloseCodePolicy::Decision decision =
        CloseCodePolicy::decide(outcome.closeCode, outcome.httpStatus, outcome.reason);
    QJsonObject fields {{u"code"_s, outcome.closeCode},
                        {u"reason"_s, outcome.reason},
                        {u"uptime_ms"_s, double(uptime)},
                        {u"was_connected"_s, wasConnected},
                        {u"decision"_s, CloseCodePolicy::actionName(decision.action)}};
    if (outcome.httpStatus)
        fields.insert(u"http_status"_s, outcome.httpStatus);
    emitEvent(u"disconnected"_s, fields);
    if (!wasStable)
        ++m_failures;

    if (decision.action == CloseCodePolicy::Action::StopTls) {
        // A configuration problem like a 404: retrying cannot change the certificate.
        m_stopReason = u"tls"_s;
        m_lastTlsError = outcome.tls;
        emitEvent(u"tls_error"_s, outcome.tls);
        setDegraded(false);
        setState(Feed::State::Stopped, m_stopReason);
        return;
    }
    if (decision.action == CloseCodePolicy::Action::StopAuth
        || decision.action == CloseCodePolicy::Action::StopConfig) {
        const bool auth = decision.action == CloseCodePolicy::Action::StopAuth;
        m_stopReason = auth ? u"auth"_s : u"config"_s;
        emitEvent(auth ? u"auth_error"_s : u"config_error"_s, {{u"error"_s, decision.reason}});
        setDegraded(false);
        setState(Feed::State::Stopped, m_stopReason);
        return;
    }
    // No WebSocket data yet: fetch it over HTTP while retrying. Not before the first attempt
    // fails, so a working WebSocket never races an HTTP request for the same data.
    if (!m_everConnected)
        setDegraded(true);

    if (m_circuit.recordFailure(now)) {
        emitEvent(u"circuit"_s,
                  {{u"state"_s, u"open"_s},
                   {u"failures"_s, m_circuit.failures()},
                   {u"open_ms"_s, m_spec.settings.circuitOpenMs}});
        setState(Feed::State::CircuitOpen);
        setDegraded(true);
        scheduleRetry(m_spec.settings.circuitOpenMs, u"circuit_open"_s);
        return;
    }

    qint64 delay = m_backoff.delayMs(m_attempt, m_random->uniform());
    if (decision.action == CloseCodePolicy::Action::RetryAtLeastMax)
        delay = std::max<qint64>(delay, m_spec.settings.backoffMaxMs);
    if (!m_online) {
        setState(Feed::State::Offline);
        return;
    }
    setState(Feed::State::ReconnectWait);
    scheduleRetry(delay, decision.reason);
}

void FeedConnection::scheduleRetry(qint64 delayMs, const QString &reason)
{
    ++m_totalRetries;
    m_nextRetryAt = m_clock->nowMs() + delayMs;
    m_retryTimer->start(int(std::min<qint64>(delayMs, std::numeric_limits<int>::max())));
    emitEvent(
        u"retry_scheduled"_s,
        {{u"attempt"_s, m_attempt + 1}, {u"delay_ms"_s, double(delayMs)}, {u"reason"_s, reason}});
}

void FeedConnection::armHeartbeat()
{
    const qint64 wait = std::max<qint64>(0, m_heartbeat.nextDeadlineMs() - m_clock->nowMs());
    m_heartbeatTimer->start(int(wait));
}

void FeedConnection::onHeartbeatTick()
{
    if (!m_socket || !m_connected)
        return;
    const qint64 now = m_clock->nowMs();
    if (m_heartbeat.timedOut(now)) {
        const qint64 waited = m_heartbeat.waitedMs(now);
        emitEvent(u"heartbeat_timeout"_s, {{u"waited_ms"_s, double(waited)}});
        endAttempt({1006, 0, u"no pong within %1 ms: link is dead"_s.arg(waited)});
        return;
    }
    if (m_heartbeat.pingDue(now)) {
        m_wsPingSentNs = m_rttTimer.nsecsElapsed();
        m_socket->ping(QByteArray::number(now));
        if (m_appPings || !m_appPingProbed) {
            m_appPingProbed = true;
            m_appPingSentNs = m_rttTimer.nsecsElapsed();
            m_appPingTimestamp = double(m_clock->wallMs());
            const QJsonObject ping {{u"type"_s, u"ping"_s}, {u"timestamp"_s, m_appPingTimestamp}};
            m_socket->sendTextMessage(
                QString::fromUtf8(QJsonDocument(ping).toJson(QJsonDocument::Compact)));
        }
        m_heartbeat.pingSent(now);
        m_overdueTier = Quality::Tier::Unknown;
        m_overdueTimer->start(int(m_spec.settings.qualityExcellentMs));
    }
    armHeartbeat();
}

void FeedConnection::onPongOverdue()
{
    if (!m_connected || !m_heartbeat.pingInFlight())
        return;
    // No answer yet after `waited` ms: whatever the RTT turns out to be, it is at least that, so
    // the link cannot keep its "excellent" from before while nothing comes back.
    const qint64 waited = m_heartbeat.waitedMs(m_clock->nowMs());
    const Quality::Tier before = effectiveQuality();
    m_overdueTier = Quality::forRtt(double(waited), m_spec.settings);
    const Quality::Tier after = effectiveQuality();
    if (after != before) {
        emitEvent(u"quality"_s,
                  {{u"quality"_s, Quality::name(after)},
                   {u"reason"_s, u"pong_overdue"_s},
                   {u"waited_ms"_s, double(waited)}});
    }
    const Settings &s = m_spec.settings;
    for (const int threshold : {s.qualityGoodMs, s.qualityPoorMs}) {
        if (waited < threshold) {
            m_overdueTimer->start(int(threshold - waited));
            return;
        }
    }
}

void FeedConnection::onPong(quint64 elapsedMs, const QByteArray &)
{
    m_heartbeat.pongReceived(m_clock->nowMs());
    m_overdueTimer->stop();
    m_overdueTier = Quality::Tier::Unknown;
    double rtt = double(elapsedMs);
    if (m_wsPingSentNs >= 0)
        rtt = double(m_rttTimer.nsecsElapsed() - m_wsPingSentNs) / 1e6;
    m_wsPingSentNs = -1;
    recordRtt(rtt, u"ws"_s);
    armHeartbeat();
}

void FeedConnection::recordRtt(double rttMs, const QString &source)
{
    // Quality follows the path the data takes: through the server's application when it answers
    // app pings (a ping frame is answered by the WebSocket layer and can look fast while the
    // application crawls), through the WebSocket layer otherwise.
    if (source == "app"_L1 || !m_appPings) {
        m_latency.addSample(rttMs);
        ++m_samplesThisConnection;
    }
    emitEvent(u"latency"_s,
              {{u"rtt_ms"_s, std::round(rttMs * 1000.0) / 1000.0},
               {u"quality"_s, Quality::name(effectiveQuality())},
               {u"source"_s, source}});
}

void FeedConnection::onTextMessage(const QString &message)
{
    const qint64 bytes = utf8Length(message);
    ++m_messages;
    m_bytes += bytes;
    m_lastMessageWall = m_clock->wallMs();

    // A byte-identical snapshot is recognised without parsing it.
    if (!m_lastSnapshotText.isEmpty() && message == m_lastSnapshotText) {
        ++m_snapshots;
        ++m_unchanged;
        emitEvent(u"update"_s, updateFields(m_updateType, bytes, false, u"ws"_s));
        return;
    }

    const DecodedMessage decoded = MessageDecoder::decode(message.toUtf8());
    switch (decoded.kind) {
    case DecodedMessage::Kind::Invalid:
    case DecodedMessage::Kind::Unknown:
        protocolError(decoded.error, bytes);
        return;
    case DecodedMessage::Kind::Snapshot: {
        if (!MessageDecoder::isSnapshotFor(decoded, m_spec.messageType)) {
            protocolError(u"unexpected snapshot type \"%1\" on this feed (expected \"%2\")"_s.arg(
                              decoded.type, m_spec.messageType),
                          bytes);
            return;
        }
        m_lastSnapshotText = message;
        applySnapshotData(decoded.type, decoded.data, bytes, u"ws"_s);
        return;
    }
    case DecodedMessage::Kind::Hello: {
        const QString serverId = decoded.object.value("server_id"_L1).toString();
        const QJsonArray caps = decoded.object.value("capabilities"_L1).toArray();
        if (caps.contains(u"ping"_s))
            m_appPings = true;
        emitEvent(u"hello"_s,
                  {{u"server_id"_s, serverId},
                   {u"connection_id"_s, decoded.object.value("connection_id"_L1)}});
        if (!serverId.isEmpty() && !m_serverId.isEmpty() && serverId != m_serverId) {
            emitEvent(u"server_restart"_s,
                      {{u"server_id"_s, serverId}, {u"previous_server_id"_s, m_serverId}});
        }
        if (!serverId.isEmpty())
            m_serverId = serverId;
        return;
    }
    case DecodedMessage::Kind::Pong: {
        m_appPings = true;
        m_heartbeat.pongReceived(m_clock->nowMs());
        m_overdueTimer->stop();
        m_overdueTier = Quality::Tier::Unknown;
        const QJsonValue ts = decoded.object.value("timestamp"_L1);
        if (ts.isDouble() && ts.toDouble() == m_appPingTimestamp && m_appPingSentNs >= 0) {
            recordRtt(double(m_rttTimer.nsecsElapsed() - m_appPingSentNs) / 1e6, u"app"_s);
            m_appPingSentNs = -1;
        } else if (ts.isDouble()) {
            recordRtt(std::max(0.0, double(m_clock->wallMs()) - ts.toDouble()), u"app"_s);
        }
        armHeartbeat();
        return;
    }
    case DecodedMessage::Kind::Ack:
        emit ackReceived(m_spec.id, decoded.ackId, decoded.ackOk, decoded.ackError);
        return;
    case DecodedMessage::Kind::Error:
        emitEvent(u"server_error"_s,
                  {{u"message"_s, decoded.object.value("message"_L1).toString()}});
        return;
    }
}

// One path for snapshots from the WebSocket and from HTTP polling: the same diff, the same
// downstream signal, so switching between them never applies identical data twice.
void FeedConnection::applySnapshotData(const QString &type, const QJsonValue &data, qint64 bytes,
                                       const QString &source)
{
    ++m_snapshots;
    const bool changed = data != m_lastData;
    if (changed) {
        m_lastData = data;
        emit snapshotReceived(m_spec.id, type, data);
    } else {
        ++m_unchanged;
    }
    if (source != "ws"_L1)
        m_lastMessageWall = m_clock->wallMs();
    emitEvent(u"update"_s, updateFields(type, bytes, changed, source));
}

QJsonObject FeedConnection::updateFields(const QString &type, qint64 bytes, bool changed,
                                         const QString &source)
{
    // A QJsonObject built from an initializer list costs more than parsing a 1 KB snapshot
    // (~14k instructions); a feed's update events differ in a value or two, so each starts from
    // the last one and changes only those.
    if (m_updateFields.isEmpty() || type != m_updateType || source != m_updateSource) {
        m_updateFields = {{u"type"_s, type},
                          {u"bytes"_s, double(bytes)},
                          {u"changed"_s, changed},
                          {u"source"_s, source}};
        m_updateType = type;
        m_updateSource = source;
    } else {
        if (bytes != m_updateBytes)
            m_updateFields.insert(u"bytes"_s, double(bytes));
        if (changed != m_updateChanged)
            m_updateFields.insert(u"changed"_s, changed);
    }
    m_updateBytes = bytes;
    m_updateChanged = changed;
    return m_updateFields;
}

void FeedConnection::setDegraded(bool degraded)
{
    if (!m_poller || m_poller->isActive() == degraded)
        return;
    m_fallback = Feed::Fallback::Starting;
    m_fallbackError.clear();
    if (degraded)
        m_poller->start();
    else
        m_poller->stop();
    emitEvent(u"degraded"_s, {{u"active"_s, degraded}, {u"url"_s, m_spec.snapshotUrl.toString()}});
}

void FeedConnection::onBinaryMessage(const QByteArray &message)
{
    ++m_messages;
    m_bytes += message.size();
    protocolError(u"binary frame of %1 bytes; the protocol is JSON text"_s.arg(message.size()),
                  message.size());
}

void FeedConnection::protocolError(const QString &error, qint64 bytes)
{
    ++m_protocolErrors;
    qCDebug(lcProtocol) << m_spec.id << Redaction::mask(error, m_secretForms);
    emitEvent(u"protocol_error"_s, {{u"error"_s, error}, {u"bytes"_s, double(bytes)}});
}

void FeedConnection::setState(Feed::State state, const QString &detail)
{
    if (m_state == state)
        return;
    m_state = state;
    QJsonObject fields {{u"state"_s, Feed::stateName(state)}};
    if (!detail.isEmpty())
        fields.insert(u"reason"_s, detail);
    emitEvent(u"state"_s, fields);
}

void FeedConnection::emitEvent(const QString &kind, const QJsonObject &fields)
{
    // Servers echo tokens back (close reasons, error messages): every field is masked here, the
    // one door all of this feed's events go through.
    FeedEvent event {m_clock->wallMs(), m_spec.id, kind, Redaction::mask(fields, m_secretForms)};
    m_ring.append(event);
    qCDebug(lcConnection).noquote() << event.toJsonLine();
    emit eventRaised(event);
    emit statsDirty(m_spec.id);
}
