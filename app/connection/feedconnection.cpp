#include "feedconnection.h"

#include "connection/handshake.h"
#include "connection/snapshotpoller.h"
#include "connection/tls.h"
#include "core/clock.h"
#include "core/redaction.h"
#include "policy/healthmonitor.h"
#include "policy/linkprobe.h"
#include "policy/reconnectplanner.h"
#include "protocol/messagedecoder.h"

#include <QHostAddress>
#include <QJsonArray>
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

namespace { } // namespace

bool FeedConnection::pausesWhenOffline(const FeedSpec &spec)
{
    if (spec.settings.networkOfflinePauses == "all"_L1)
        return true;
    // "Offline" means no route beyond this machine's networks: loopback, private and link-local
    // hosts (and single-label or .local names, which resolve on the LAN) stay reachable.
    const QString host = spec.url.host().toLower();
    if (host == "localhost"_L1 || host.endsWith(".localhost"_L1) || host.endsWith(".local"_L1)
        || host.endsWith(".lan"_L1) || host.endsWith(".home.arpa"_L1)
        || host.endsWith(".internal"_L1))
        return false;
    QHostAddress address;
    if (!address.setAddress(host))
        return host.contains(u'.'); // a single-label name is a LAN name
    // QHostAddress::isPrivateUse() is Qt 6.6; these are RFC 1918's ranges.
    static const QList<std::pair<QHostAddress, int>> privateRanges {
        QHostAddress::parseSubnet(u"10.0.0.0/8"_s), QHostAddress::parseSubnet(u"172.16.0.0/12"_s),
        QHostAddress::parseSubnet(u"192.168.0.0/16"_s)};
    const bool isPrivate =
        std::any_of(privateRanges.begin(), privateRanges.end(),
                    [&](const auto &range) { return address.isInSubnet(range); });
    return !(address.isLoopback() || address.isLinkLocal() || address.isUniqueLocalUnicast()
             || isPrivate);
}

FeedConnection::FeedConnection(const FeedSpec &spec, const Clock *clock, RandomSource *random,
                               QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_displayUrl(Redaction::displayUrl(spec.url))
    , m_secretForms(Redaction::forms(spec.auth.token))
    , m_clock(clock)
    , m_planner(new ReconnectPlanner(spec.settings, clock, random, this))
    , m_probe(new LinkProbe(spec.settings, clock, this))
    , m_health(new HealthMonitor(spec.settings, clock, spec.snapshotUrl.isValid(), this))
    , m_connectTimer(clock->createTimer([this] { onConnectTimeout(); }, this))
    , m_pausesOffline(pausesWhenOffline(spec))
    , m_messageTypeUtf8(spec.messageType.toUtf8())
{
    wirePlanner();
    wireProbe();
    wirePoller();
    wireHealth();
}

FeedConnection::~FeedConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void FeedConnection::wirePlanner()
{
    connect(m_planner, &ReconnectPlanner::retryDue, this, &FeedConnection::connectNow);
    connect(m_planner, &ReconnectPlanner::becameStable, this, [this](qint64 uptimeMs) {
        emitEvent(u"stable"_s, {{u"uptime_ms"_s, double(uptimeMs)}});
    });
    connect(m_planner, &ReconnectPlanner::circuitChanged, this,
            [this](Circuit::State state, int failures, const QString &reason) {
                QJsonObject fields {{u"state"_s, Circuit::name(state)}, {u"failures"_s, failures}};
                if (!reason.isEmpty())
                    fields.insert(u"reason"_s, reason);
                emitEvent(u"circuit"_s, fields);
                m_health->setCircuitOpen(state == Circuit::State::Open);
            });
}

void FeedConnection::wireProbe()
{
    connect(m_probe, &LinkProbe::pingFrameDue, this, [this](const QByteArray &payload) {
        if (canWrite())
            m_socket->ping(payload);
    });
    connect(m_probe, &LinkProbe::appPingDue, this, [this](const QString &json) {
        if (canWrite())
            m_socket->sendTextMessage(json);
    });
    connect(m_probe, &LinkProbe::eventRaised, this,
            [this](const QString &kind, const QJsonObject &fields) {
                emitEvent(kind, fields);
                if (kind == "latency"_L1) {
                    m_health->setRtt(m_probe->latency().ewma());
                    m_health->setPongLate(false);
                } else if (kind == "quality"_L1) {
                    const Quality::Tier tier = m_probe->quality();
                    m_health->setPongLate(tier == Quality::Tier::Poor
                                          || tier == Quality::Tier::Bad);
                }
            });
    connect(m_probe, &LinkProbe::dead, this, [this](qint64 waited) {
        emitEvent(u"heartbeat_timeout"_s, {{u"waited_ms"_s, double(waited)}});
        Outcome dead;
        dead.reason = u"no pong within %1 ms: link is dead"_s.arg(waited);
        dead.heartbeat = true;
        endAttempt(dead);
    });
}

void FeedConnection::wirePoller()
{
    if (!m_spec.snapshotUrl.isValid())
        return;
    const Settings &s = m_spec.settings;
    m_poller = new SnapshotPoller(m_spec.snapshotUrl, s.fallbackPollMs, s.fallbackTimeoutMs,
                                  m_spec.auth, this);
    m_poller->setTls(m_spec.tls);
    m_poller->setMaxBytes(s.fallbackMaxBytes > 0 ? s.fallbackMaxBytes : s.maxMessageBytes,
                          s.fallbackMaxBytes > 0 ? u"fallback.max_bytes"_s
                                                 : u"limits.max_message_bytes"_s);
    m_poller->setDeadlineMs(s.fallbackDeadlineMs, u"fallback.deadline_ms"_s);
    connect(m_poller, &SnapshotPoller::snapshotFetched, this,
            [this](const QJsonValue &body, qint64 bytes) {
                // The backend's HTTP body may keep the rows elsewhere than the WebSocket does.
                QString error;
                const QJsonValue data = m_spec.definition().dataFromHttp(body, &error);
                if (data.isUndefined()) {
                    pollFailed(error);
                    return;
                }
                if (m_httpFirst) {
                    // One GET only; the WebSocket's data, if it came first, is newer.
                    m_httpFirst = false;
                    m_poller->stop();
                    if (m_wsDataSeen)
                        return;
                    m_lastPollOkWall = m_clock->wallMs();
                    applySnapshotData(m_spec.messageType, data, bytes, u"http"_s);
                    return;
                }
                m_fallback = Feed::Fallback::Delivering;
                m_fallbackError.clear();
                m_lastPollOkWall = m_clock->wallMs();
                applySnapshotData(m_spec.messageType, data, bytes, u"http"_s);
            });
    connect(m_poller, &SnapshotPoller::failed, this, &FeedConnection::pollFailed);
}

void FeedConnection::pollFailed(const QString &error)
{
    if (m_httpFirst) {
        m_httpFirst = false;
        m_poller->stop();
        emitEvent(u"poll_error"_s, {{u"error"_s, error}});
        return;
    }
    m_fallback = Feed::Fallback::Failing;
    m_fallbackError = error;
    emitEvent(u"poll_error"_s, {{u"error"_s, error}});
}

void FeedConnection::wireHealth()
{
    connect(m_health, &HealthMonitor::changed, this,
            [this](Health::Level level, int score, const QString &reason, const QString &action) {
                emitEvent(u"health"_s,
                          {{u"level"_s, Health::name(level)},
                           {u"score"_s, score},
                           {u"reason"_s, reason},
                           {u"action"_s, action}});
            });
    connect(m_health, &HealthMonitor::scoreChanged, this,
            [this](const QualityScore::Result &r, int trend) {
                const auto percent = [](double part) {
                    return int(std::lround(100 * part));
                };
                QJsonObject fields {{u"score"_s, r.score},
                                    {u"success"_s, percent(r.success)},
                                    {u"uptime"_s, percent(r.uptime)},
                                    {u"freshness"_s, percent(r.freshness)},
                                    {u"trend"_s, trend}};
                fields.insert(u"latency"_s,
                              r.latency >= 0 ? QJsonValue(percent(r.latency)) : QJsonValue());
                emitEvent(u"score"_s, fields);
            });
    connect(m_health, &HealthMonitor::fastHeartbeatDue, m_probe, &LinkProbe::setFastHeartbeat);
    connect(m_health, &HealthMonitor::fallbackDue, this, [this](bool on) {
        // Off only while the WebSocket is up: before the first connect and while the circuit
        // is open, the degraded-mode rules keep polling.
        if (on || m_connected)
            setDegraded(on);
    });
}

// HTTP first: where the feed has a snapshot URL, its first page comes from one GET at start,
// while the WebSocket connects, so a slow connect does not show an empty page.
void FeedConnection::fetchFirstPage()
{
    if (!m_poller || m_poller->isActive())
        return;
    m_httpFirst = true;
    m_poller->start();
}

void FeedConnection::setHerd(HerdControl *herd, int rank)
{
    m_planner->setHerd(herd, rank);
}

void FeedConnection::setNetworkAccess(QNetworkAccessManager *network)
{
    if (m_poller)
        m_poller->setNetworkAccess(network);
}

FeedStats FeedConnection::stats() const
{
    const qint64 now = m_clock->nowMs();
    const qint64 wallOffset = m_clock->wallMs() - now;
    const CircuitBreaker &circuit = m_planner->circuit();
    const LatencyTracker &latency = m_probe->latency();
    FeedStats s;
    s.feedId = m_spec.id;
    s.backend = m_spec.backend;
    s.state = m_state;
    s.stopReason = m_state == Feed::State::Stopped ? m_stopReason : Reconnect::StopReason::None;
    s.attempt = m_planner->attempt();
    s.totalAttempts = m_planner->totalAttempts();
    s.totalRetries = m_planner->totalRetries();
    s.successes = m_successes;
    s.failures = m_planner->failures();
    s.lastError = m_lastError;
    s.lastCloseCode = m_lastCloseCode;
    s.connectedSinceWallMs = m_connected ? m_connectedSinceWall : 0;
    s.downSinceWallMs = m_connected ? 0 : m_downSinceWall;
    const qint64 nextRetry = m_planner->nextRetryAtMs();
    s.nextRetryWallMs = nextRetry >= 0 ? nextRetry + wallOffset : 0;
    s.wait = nextRetry >= 0 ? m_planner->wait() : Reconnect::Wait::None;
    if (m_startedAt >= 0 && now > m_startedAt) {
        const qint64 up = m_connectedTotalMs + (m_connected ? now - m_connectedAt : 0);
        s.uptimePercent = 100.0 * double(up) / double(now - m_startedAt);
    }
    s.messages = m_messages;
    s.bytes = m_bytes;
    s.snapshots = m_snapshots;
    s.unchangedSnapshots = m_unchanged;
    s.supersededSnapshots = m_superseded;
    s.protocolErrors = m_protocolErrors;
    s.lastMessageWallMs = m_lastMessageWall;
    s.circuit = circuit.state();
    s.circuitFailures = circuit.failures();
    s.circuitThreshold = circuit.threshold();
    s.halfOpenAtWallMs =
        circuit.state() == Circuit::State::Open ? circuit.halfOpenAtMs() + wallOffset : 0;
    s.quality = m_connected ? m_probe->quality() : Quality::Tier::Disconnected;
    s.lastRttMs = latency.last();
    s.ewmaRttMs = latency.ewma();
    s.p50RttMs = latency.percentile(50);
    s.p95RttMs = latency.percentile(95);
    s.p99RttMs = latency.percentile(99);
    s.unmatchedPongs = m_probe->unmatchedPongs();
    s.rejectedRttSamples = m_probe->rejectedSamples();
    s.heartbeatTimeouts = m_probe->heartbeatTimeouts();
    s.pingsSent = m_probe->pingsSent();
    s.matchedPongs = m_probe->matchedPongs();
    s.disconnectsByCode = m_disconnectsByCode;
    s.disconnectsByDecision = m_disconnectsByDecision;
    s.serverId = m_serverId;
    s.degraded = m_poller && m_poller->isActive();
    if (m_state == Feed::State::Stopped && m_stopReason == Reconnect::StopReason::Tls)
        s.tlsError = m_lastTlsError;
    s.fallback = s.degraded ? m_fallback : Feed::Fallback::Off;
    s.fallbackError = s.degraded ? m_fallbackError : QString();
    s.lastPollOkWallMs = m_lastPollOkWall;
    s.dataSource = m_dataSource;
    const QualityScore::Result score = m_health->score();
    s.qualityScore = score.score;
    s.qualityTrend = m_health->trend();
    s.health = m_health->level();
    s.healthReason = m_health->reason();
    s.healthAction = m_health->action();
    s.healthSinceWallMs = m_startedAt >= 0 ? m_health->sinceMs() + wallOffset : 0;
    return s;
}

bool FeedConnection::sendText(const QByteArray &utf8)
{
    // sendTextMessage() on a socket that is not open drops the data silently and returns 0.
    if (!canWrite())
        return false;
    return m_socket->sendTextMessage(QString::fromUtf8(utf8)) > 0 || utf8.isEmpty();
}

// Connected, and the TCP socket under the WebSocket still open. When a server closes (a restart:
// close frame, then FIN) Qt can close the TCP socket a moment before the WebSocket says
// `disconnected`; a ping due in that moment was written to a closed device ("QIODevice::write
// (QTcpSocket): device not open" in 3 of 5 mass restarts of 480 feeds in the scale bench).
bool FeedConnection::canWrite() const
{
    return m_socket && m_connected && m_socket->isValid();
}

void FeedConnection::start()
{
    const bool first = m_startedAt < 0;
    if (first) {
        m_startedAt = m_clock->nowMs();
        m_downSinceWall = m_clock->wallMs();
    }
    m_stopReason = Reconnect::StopReason::None;
    m_health->start();
    if (first)
        fetchFirstPage();
    if (m_state == Feed::State::Connecting || m_state == Feed::State::Connected)
        return;
    connectNow();
}

void FeedConnection::stop()
{
    // Releases the circuit's half-open probe too: a stopped probe decided nothing.
    m_planner->stopped();
    m_probe->stop();
    m_health->stop();
    reportOperatorClose(u"stopped by the operator"_s);
    discardSocket(Close::Polite, u"stopped by the operator"_s);
    setDegraded(false);
    m_stopReason = Reconnect::StopReason::Manual;
    setState(Feed::State::Stopped, Reconnect::stopReasonName(m_stopReason));
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
    m_stopReason = Reconnect::StopReason::None;
    m_health->start();
    m_planner->operatorReconnect();
    // A manual reconnect is the operator's word: it tries even if reachability says offline.
    const bool online = m_online;
    m_online = true;
    connectNow();
    m_online = online;
}

void FeedConnection::setOnline(bool online, bool resume)
{
    // A feed that offline does not pause never leaves "online".
    if (!m_pausesOffline || m_online == online)
        return;
    m_online = online;
    if (!online && m_state == Feed::State::ReconnectWait) {
        m_planner->cancelRetry();
        setState(Feed::State::Offline);
    } else if (online && resume && m_state == Feed::State::Offline) {
        connectNow();
    }
}

void FeedConnection::expectRestart()
{
    m_planner->expectRestart();
}

void FeedConnection::retryNow()
{
    if (m_state == Feed::State::ReconnectWait)
        connectNow();
}

void FeedConnection::connectNow()
{
    m_planner->cancelRetry();
    if (m_state == Feed::State::Stopped && m_stopReason != Reconnect::StopReason::None)
        return;
    if (!m_online) {
        setState(Feed::State::Offline);
        return;
    }
    const ReconnectPlanner::Admission admission = m_planner->admit();
    if (!admission.go) {
        setState(Feed::State::CircuitOpen);
        scheduleRetry(admission.waitMs, Reconnect::Wait::Circuit, u"circuit_open"_s);
        return;
    }
    openSocket();
}

void FeedConnection::openSocket()
{
    discardSocket();
    m_planner->attemptStarted();
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
    connect(socket, &QWebSocket::pong, m_probe,
            [this](quint64, const QByteArray &payload) { m_probe->pongFrame(payload); });

    setState(Feed::State::Connecting);
    emitEvent(u"attempt"_s, {{u"attempt"_s, m_planner->attempt()}, {u"url"_s, m_displayUrl}});
    // QWebSocket has no handshake timeout of its own.
    m_connectTimer->start(m_spec.settings.connectTimeoutMs);
    Handshake::open(socket, m_spec);
}

// A link the operator ends is a disconnection too: the event stream says so, with its uptime.
void FeedConnection::reportOperatorClose(const QString &reason)
{
    if (!m_connected)
        return;
    const int code = QWebSocketProtocol::CloseCodeNormal;
    countDisconnect(code, u"operator"_s);
    emitEvent(u"disconnected"_s,
              {{u"code"_s, code},
               {u"reason"_s, reason},
               {u"uptime_ms"_s, double(m_clock->nowMs() - m_connectedAt)},
               {u"was_connected"_s, true},
               {u"decision"_s, u"operator"_s}});
}

void FeedConnection::discardSocket(Close how, const QString &closeReason)
{
    flushHeldSnapshot(); // what came before the link ended is shown before it ends
    m_connectTimer->stop();
    m_probe->stop();
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
    socket->disconnect(m_probe);
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
    m_lastSnapshotText.clear(); // a new connection starts with a fresh initial snapshot
    ++m_successes;
    // Stable window and probe first: the stats the state change carries must already say
    // "connected, measuring", not the quality of a stopped probe.
    m_planner->connected();
    m_probe->start();
    m_health->connected();
    emitEvent(u"connected"_s,
              {{u"attempt"_s, m_planner->attempt()},
               {u"connect_ms"_s, double(now - m_attemptStartedAt)}});
    setState(Feed::State::Connected);
    // client_ready goes first: a server that waits for it must see it before any command the
    // queue sends when it hears the link is up.
    m_socket->sendTextMessage(u"{\"type\":\"client_ready\"}"_s);
    emit connectedChanged(m_spec.id, true);
}

void FeedConnection::onDisconnected()
{
    if (!m_socket)
        return;
    flushHeldSnapshot();
    finishAttempt();
}

void FeedConnection::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    m_pending.sawError = true;
    // A refused certificate or a refused upgrade already said what went wrong; the
    // RemoteHostClosedError that follows when the server closes after its answer says less.
    if (m_pending.tls.isEmpty() && m_pending.httpStatus == 0) {
        const QString text = Handshake::errorText(m_socket, m_spec);
        m_pending.httpStatus = Handshake::httpStatusFromError(text);
        m_pending.reason = text.isEmpty() ? u"socket error %1"_s.arg(int(error)) : text;
        // Qt 6.4 reports a refused upgrade as ConnectionRefusedError too: that is an answer,
        // not a server that does not listen.
        m_pending.refused = error == QAbstractSocket::ConnectionRefusedError && !m_connected
            && m_pending.httpStatus == 0;
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
    QMetaObject::invokeMethod(
        this,
        [this, socket] {
            if (!socket || socket != m_socket)
                return;
            Outcome outcome = m_pending;
            const int code = socket->closeCode();
            // Qt reports 1000 when the TCP connection ends without a close frame; only the
            // error that precedes it tells an abnormal closure (1006) from a clean one.
            if (outcome.tls.isEmpty()
                && (code != QWebSocketProtocol::CloseCodeNormal || !outcome.sawError)) {
                outcome.closeCode = code;
                const QString reason = socket->closeReason();
                outcome.reason = reason.isEmpty() ? u"closed with %1"_s.arg(code) : reason;
            }
            endAttempt(outcome);
        },
        Qt::QueuedConnection);
}

void FeedConnection::onConnectTimeout()
{
    Outcome timeout;
    timeout.reason =
        u"no handshake within %1 ms (connect.timeout_ms)"_s.arg(m_spec.settings.connectTimeoutMs);
    endAttempt(timeout);
}

void FeedConnection::endAttempt(const Outcome &outcome)
{
    discardSocket();
    AttemptEnd end;
    end.closeCode = outcome.closeCode;
    end.httpStatus = outcome.httpStatus;
    end.reason = outcome.reason;
    end.url = m_displayUrl;
    end.refused = outcome.refused;
    end.heartbeat = outcome.heartbeat;
    const Plan plan = m_planner->ended(end);

    m_lastCloseCode = outcome.httpStatus ? outcome.httpStatus : outcome.closeCode;
    // What the operator reads: the planner's sentence when it says more than the socket did (a
    // refused connection or upgrade); the server's own close reason or the TLS verdict otherwise.
    const bool explained = outcome.refused || outcome.httpStatus;
    m_lastError = Redaction::mask(explained ? plan.reason : outcome.reason, m_secretForms);
    const QString decision = CloseCodePolicy::actionName(plan.action);
    QJsonObject fields {{u"code"_s, outcome.closeCode},
                        {u"reason"_s, outcome.reason},
                        {u"uptime_ms"_s, double(plan.uptimeMs)},
                        {u"was_connected"_s, plan.wasConnected},
                        {u"decision"_s, decision}};
    if (outcome.httpStatus)
        fields.insert(u"http_status"_s, outcome.httpStatus);
    if (outcome.refused)
        fields.insert(u"refused"_s, true);
    countDisconnect(m_lastCloseCode, decision);
    emitEvent(u"disconnected"_s, fields);
    if (plan.wasConnected)
        m_health->linkLost(outcome.heartbeat);
    else
        m_health->attemptFailed();

    if (plan.kind == Plan::Kind::Stop) {
        stopFor(plan.stop, plan.reason, outcome.tls);
        return;
    }
    // No WebSocket data yet: fetch it over HTTP while retrying. (The one GET at start, HTTP
    // first, is not polling: a WebSocket snapshot that came first wins over its answer.)
    if (!m_everConnected)
        setDegraded(true);
    if (plan.kind == Plan::Kind::CircuitOpen) {
        emitEvent(u"circuit"_s,
                  {{u"state"_s, u"open"_s},
                   {u"failures"_s, m_planner->circuit().failures()},
                   {u"open_ms"_s, m_spec.settings.circuitOpenMs}});
        setState(Feed::State::CircuitOpen);
        setDegraded(true);
        scheduleRetry(plan.delayMs, plan.wait, u"circuit_open"_s);
        m_health->setCircuitOpen(true);
        return;
    }
    if (!m_online) {
        m_planner->cancelRetry();
        setState(Feed::State::Offline);
        return;
    }
    setState(Feed::State::ReconnectWait);
    scheduleRetry(plan.delayMs, plan.wait, plan.reason);
}

void FeedConnection::stopFor(Reconnect::StopReason reason, const QString &error,
                             const QJsonObject &tls)
{
    m_stopReason = reason;
    switch (reason) {
    case Reconnect::StopReason::Tls:
        // A configuration problem like a 404: retrying cannot change the certificate.
        m_lastTlsError = tls;
        emitEvent(u"tls_error"_s, tls);
        break;
    case Reconnect::StopReason::Auth:
    case Reconnect::StopReason::Refused:
        emitEvent(u"auth_error"_s, {{u"error"_s, error}});
        break;
    case Reconnect::StopReason::Config:
        emitEvent(u"config_error"_s, {{u"error"_s, error}});
        break;
    case Reconnect::StopReason::None:
    case Reconnect::StopReason::Manual:
        break;
    }
    setDegraded(false);
    setState(Feed::State::Stopped, Reconnect::stopReasonName(reason));
}

void FeedConnection::scheduleRetry(qint64 delayMs, Reconnect::Wait wait, const QString &reason)
{
    m_planner->schedule(delayMs, wait);
    emitEvent(u"retry_scheduled"_s,
              {{u"attempt"_s, m_planner->attempt() + 1},
               {u"delay_ms"_s, double(delayMs)},
               {u"reason"_s, reason},
               {u"wait"_s, Reconnect::waitName(wait)},
               {u"backoff_round_done"_s, m_planner->backoffRoundDone()}});
}

void FeedConnection::countDisconnect(int code, const QString &decision)
{
    ++m_disconnectsByCode[code];
    ++m_disconnectsByDecision[decision];
}

void FeedConnection::onTextMessage(const QString &message)
{
    ++m_messages;
    m_lastMessageWall = m_clock->wallMs();

    // A byte-identical snapshot is recognised without parsing it, and without measuring it: its
    // size on the wire is the last one's. (Counting a 64 KB message's UTF-8 bytes character by
    // character cost a third of the identical path.)
    if (!m_lastSnapshotText.isEmpty() && message == m_lastSnapshotText) {
        m_bytes += m_lastSnapshotBytes;
        ++m_snapshots;
        ++m_unchanged;
        m_wsDataSeen = true;
        m_dataSource = u"ws"_s;
        m_health->dataArrived(true);
        // Repeats in one read are one update event, like new snapshots (flushHeldSnapshot()).
        ++m_held.identical;
        queueFlush();
        return;
    }

    // A new snapshot of this feed is checked in full (valid JSON, its type, data an object or an
    // array) but only decoded once no newer one follows in the same read from the socket: under a
    // flood one decode, one diff and one rules pass per read, not per message. The UTF-8 the
    // check reads is also the size on the wire, and what decode() reads for any other message
    // (a held snapshot is converted again when it is decoded).
    QByteArray utf8;
    if (!m_messageTypeUtf8.isEmpty()) {
        const MessageDecoder::Peek peek = MessageDecoder::peekSnapshot(message, m_messageTypeUtf8);
        if (peek.isSnapshot) {
            holdSnapshot(message, peek.utf8.size());
            return;
        }
        utf8 = peek.utf8.toByteArray();
    } else {
        utf8 = message.toUtf8();
    }
    flushHeldSnapshot(); // whatever else came, it came after the held snapshot
    const qint64 bytes = utf8.size();
    m_bytes += bytes;
    dispatch(MessageDecoder::decode(utf8), message, bytes);
}

void FeedConnection::holdSnapshot(const QString &message, qint64 bytes)
{
    m_bytes += bytes;
    if (!m_held.text.isEmpty()) {
        ++m_snapshots; // superseded before it was decoded: counted, never shown
        ++m_superseded;
        ++m_held.superseded;
    }
    m_held.text = message;
    m_held.bytes = bytes;
    m_lastSnapshotText = message;
    m_lastSnapshotBytes = bytes;
    m_wsDataSeen = true;
    m_dataSource = u"ws"_s;
    m_health->dataArrived(true);
    queueFlush();
}

// Once the socket's read is done: QWebSocket delivers every frame of a read before the event
// loop runs anything posted meanwhile.
void FeedConnection::queueFlush()
{
    if (m_held.flushQueued)
        return;
    m_held.flushQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_held.flushQueued = false;
            flushHeldSnapshot();
        },
        Qt::QueuedConnection);
}

void FeedConnection::flushHeldSnapshot()
{
    if (m_held.text.isEmpty() && m_held.identical == 0)
        return;
    // Every message the update event stands for beyond its own.
    const int others = std::exchange(m_held.superseded, 0) + std::exchange(m_held.identical, 0);
    if (m_held.text.isEmpty()) {
        // Only repeats of the snapshot already shown.
        m_updateSuperseded = others - 1;
        emitEvent(u"update"_s, updateFields(m_updateType, m_lastSnapshotBytes, false, u"ws"_s));
        m_updateSuperseded = 0;
        return;
    }
    const QString message = std::exchange(m_held.text, {});
    m_updateSuperseded = others;
    // peekSnapshot() found a snapshot of this feed; decode() says the same unless the two
    // parsers disagree, and then the message goes wherever decode() sends it.
    const DecodedMessage decoded = MessageDecoder::decode(message.toUtf8());
    if (!MessageDecoder::isSnapshotFor(decoded, m_spec.messageType))
        m_lastSnapshotText.clear();
    dispatch(decoded, message, m_held.bytes);
    m_updateSuperseded = 0;
}

void FeedConnection::dispatch(const DecodedMessage &decoded, const QString &message, qint64 bytes)
{
    switch (decoded.kind) {
    case DecodedMessage::Kind::Invalid:
        protocolError(decoded.error, bytes);
        return;
    case DecodedMessage::Kind::Unknown:
        // A message of a type nobody here decodes: the engine decides whether another feed
        // of this backend takes it (broadcast everywhere) or it is ignored.
        emit foreignMessage(m_spec.id, decoded.type, decoded.object.value("data"_L1), bytes);
        return;
    case DecodedMessage::Kind::Snapshot:
        onSnapshot(decoded, message, bytes);
        return;
    case DecodedMessage::Kind::Hello:
        onHello(decoded);
        return;
    case DecodedMessage::Kind::Pong:
        m_probe->appPong(decoded.object);
        return;
    case DecodedMessage::Kind::Ack:
        emit ackReceived(m_spec.id, decoded.ackId, decoded.ackOutcome, decoded.ackError);
        return;
    case DecodedMessage::Kind::Error:
        emitEvent(u"server_error"_s,
                  {{u"message"_s, decoded.object.value("message"_L1).toString()}});
        return;
    }
}

void FeedConnection::onSnapshot(const DecodedMessage &decoded, const QString &message, qint64 bytes)
{
    if (!MessageDecoder::isSnapshotFor(decoded, m_spec.messageType)) {
        onForeignSnapshot(decoded, bytes);
        return;
    }
    m_lastSnapshotText = message;
    m_lastSnapshotBytes = bytes;
    applySnapshotData(decoded.type, decoded.data, bytes, u"ws"_s);
}

// A snapshot of another feed's type on this socket. Broadcast backends (tac-webbuilder) send
// every feed's snapshot on every socket; routing them to their feed happens here.
void FeedConnection::onForeignSnapshot(const DecodedMessage &decoded, qint64 bytes)
{
    // Broadcast-everywhere backends: another feed's data, routed by the engine (FeedEngine).
    emit foreignMessage(m_spec.id, decoded.type, decoded.data, bytes);
}

void FeedConnection::onHello(const DecodedMessage &decoded)
{
    const QString serverId = decoded.object.value("server_id"_L1).toString();
    const QJsonArray caps = decoded.object.value("capabilities"_L1).toArray();
    if (caps.contains(u"ping"_s))
        m_probe->serverAnswersAppPings();
    // A changed server_id is evidence of a restart; FeedEngine's RestartTracker compares it
    // across the backend's feeds and reports the restart once.
    emitEvent(u"hello"_s,
              {{u"server_id"_s, serverId},
               {u"connection_id"_s, decoded.object.value("connection_id"_L1)},
               {u"previous_server_id"_s, m_serverId}});
    if (!serverId.isEmpty())
        m_serverId = serverId;
}

// One path for snapshots from the WebSocket and from HTTP polling: the same diff, the same
// downstream signal, so switching between them never applies identical data twice.
void FeedConnection::applySnapshotData(const QString &type, const QJsonValue &data, qint64 bytes,
                                       const QString &source)
{
    flushHeldSnapshot(); // an HTTP page after a held WebSocket snapshot: in that order
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
    m_health->dataArrived(source == "ws"_L1);
    if (source == "ws"_L1)
        m_wsDataSeen = true;
    m_dataSource = source;
    emitEvent(u"update"_s, updateFields(type, bytes, changed, source));
}

bool FeedConnection::applyRoutedSnapshot(const QString &type, const QJsonValue &data, qint64 bytes,
                                         const QString &fromFeedId)
{
    flushHeldSnapshot();
    if (data == m_lastData)
        return false;
    ++m_snapshots;
    m_lastData = data;
    m_lastMessageWall = m_clock->wallMs();
    m_health->dataArrived(true);
    m_wsDataSeen = true;
    m_dataSource = u"ws"_s;
    emit snapshotReceived(m_spec.id, type, data);
    emitEvent(u"update"_s,
              {{u"type"_s, type},
               {u"bytes"_s, double(bytes)},
               {u"changed"_s, true},
               {u"source"_s, u"ws"_s},
               {u"routed"_s, fromFeedId}});
    return true;
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
        m_updateSupersededShown = 0;
    } else {
        if (bytes != m_updateBytes)
            m_updateFields.insert(u"bytes"_s, double(bytes));
        if (changed != m_updateChanged)
            m_updateFields.insert(u"changed"_s, changed);
    }
    // Snapshots this one replaced before they were decoded (flushHeldSnapshot()): only there
    // when there were some.
    if (m_updateSuperseded != m_updateSupersededShown) {
        if (m_updateSuperseded > 0)
            m_updateFields.insert(u"superseded"_s, m_updateSuperseded);
        else
            m_updateFields.remove(u"superseded"_s);
        m_updateSupersededShown = m_updateSuperseded;
    }
    m_updateBytes = bytes;
    m_updateChanged = changed;
    return m_updateFields;
}

QJsonObject FeedConnection::maskedFields(const QJsonObject &fields)
{
    if (m_secretForms.isEmpty())
        return fields;
    // With a token set, every field of every event is searched for it. A feed's `update` events
    // repeat the same fields object (updateFields), which compares equal by its shared data
    // without looking inside: masked once, reused.
    if (fields != m_maskedIn) {
        m_maskedIn = fields;
        m_maskedOut = Redaction::mask(fields, m_secretForms);
    }
    return m_maskedOut;
}

void FeedConnection::setDegraded(bool degraded)
{
    if (!m_poller)
        return;
    if (m_httpFirst) {
        // The first page's GET goes on while the link comes up; should the first attempt
        // fail, it simply becomes degraded-mode polling.
        if (!degraded)
            return;
        m_httpFirst = false;
        m_fallback = Feed::Fallback::Starting;
        m_fallbackError.clear();
        emitEvent(u"degraded"_s,
                  {{u"active"_s, true}, {u"url"_s, Redaction::displayUrl(m_spec.snapshotUrl)}});
        return;
    }
    if (m_poller->isActive() == degraded)
        return;
    m_fallback = Feed::Fallback::Starting;
    m_fallbackError.clear();
    if (degraded)
        m_poller->start();
    else
        m_poller->stop();
    emitEvent(u"degraded"_s,
              {{u"active"_s, degraded}, {u"url"_s, Redaction::displayUrl(m_spec.snapshotUrl)}});
}

void FeedConnection::onBinaryMessage(const QByteArray &message)
{
    flushHeldSnapshot();
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
    FeedEvent event {m_clock->wallMs(), m_spec.id, kind, maskedFields(fields)};
    m_ring.append(event);
    qCDebug(lcConnection).noquote() << event.toJsonLine();
    emit eventRaised(event);
    emit statsDirty(m_spec.id);
}
