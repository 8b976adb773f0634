#include "demoserver.h"

#include "simconnection.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSim, "feedwatch.sim", QtInfoMsg)

namespace {
constexpr qsizetype maxHeadBytes = 16 * 1024;
constexpr qint64 maxBodyBytes = 64 * 1024;
const QString wsPrefix = u"/api/v1/ws/"_s;
const QString httpPrefix = u"/api/v1/"_s;

QByteArray compact(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 422:
        return "Unprocessable Entity";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

QByteArray detail(int status)
{
    return "{\"detail\":\"" + reasonPhrase(status) + "\"}";
}

QByteArray detailJson(const QString &text)
{
    return QJsonDocument(QJsonObject {{u"detail"_s, text}}).toJson(QJsonDocument::Compact);
}

// The real server's action routes: method, path pattern, command name, the feed it belongs to.
struct ActionRoute
{
    QByteArray method;
    QRegularExpression path;
    QString name;
    QString argument; // the path's field, if any
    QString feed;
};

const QList<ActionRoute> &actionRoutes()
{
    static const QList<ActionRoute> routes = {
        {"POST",
         QRegularExpression(u"^/api/v1/queue/config/pause$"_s),
         u"queue.pause"_s,
         {},
         u"queue"_s},
        {"POST", QRegularExpression(u"^/api/v1/queue/resume/([^/]+)$"_s), u"workflow.resume"_s,
         u"adw_id"_s, u"adw-monitor"_s},
        {"POST", QRegularExpression(u"^/api/v1/queue/([^/]+)/execute$"_s), u"queue.execute"_s,
         u"queue_id"_s, u"queue"_s},
        {"DELETE", QRegularExpression(u"^/api/v1/queue/([^/]+)$"_s), u"queue.remove"_s,
         u"queue_id"_s, u"queue"_s},
        {"POST",
         QRegularExpression(u"^/api/v1/services/webhook/start$"_s),
         u"webhook.start"_s,
         {},
         u"webhook-status"_s},
        {"POST",
         QRegularExpression(u"^/api/v1/workflow-history/resync$"_s),
         u"history.resync"_s,
         {},
         u"workflow-history"_s},
    };
    return routes;
}

QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}
} // namespace

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
    , m_tcpServer(new QTcpServer(this))
    , m_wsServer(new QWebSocketServer(u"feedwatch-sim"_s, QWebSocketServer::NonSecureMode, this))
    , m_faults(new FaultController(this))
    , m_seed(QRandomGenerator::global()->generate64())
    , m_idBase(QString::number(QRandomGenerator::global()->generate(), 16))
    , m_epochMs(QDateTime::currentMSecsSinceEpoch())
{
    rebuildSimulator();
    connect(m_tcpServer, &QTcpServer::newConnection, this, &DemoServer::onTcpConnection);
    connect(m_wsServer, &QWebSocketServer::newConnection, this, &DemoServer::onWebSocketConnection);
    connect(m_faults, &FaultController::changed, this, &DemoServer::onFaultChanged);
}

DemoServer::~DemoServer()
{
    stop();
}

bool DemoServer::start(quint16 port, const QHostAddress &address)
{
    stop();
    m_port = port;
    m_address = address;
    if (!listen())
        return false;
    m_running = true;
    restartTimers();
    qCInfo(lcSim) << "listening on" << baseUrl().toString() << "server_id" << serverId();
    return true;
}

bool DemoServer::listen()
{
    if (!m_tcpServer->listen(m_address, m_port)) {
        m_error = m_tcpServer->errorString();
        qCWarning(lcSim) << "cannot listen on port" << m_port << m_error;
        return false;
    }
    m_port = m_tcpServer->serverPort();
    return true;
}

void DemoServer::stop()
{
    m_running = false;
    for (QTimer *timer : std::as_const(m_tickTimers))
        timer->stop();
    abortRawSockets();
    const QList<SimConnection *> connections = m_connections;
    m_connections.clear();
    for (SimConnection *connection : connections) {
        connection->abort();
        connection->deleteLater();
    }
    m_tcpServer->close();
}

bool DemoServer::isListening() const
{
    return m_tcpServer->isListening();
}

QUrl DemoServer::baseUrl() const
{
    QUrl url;
    url.setScheme(u"ws"_s);
    url.setHost(m_address == QHostAddress(QHostAddress::Any) ? u"127.0.0.1"_s
                                                             : m_address.toString());
    url.setPort(m_port);
    return url;
}

QString DemoServer::serverId() const
{
    return u"sim-%1-r%2"_s.arg(m_idBase).arg(m_restartCount);
}

void DemoServer::setSeed(quint64 seed)
{
    m_seed = seed;
    m_seeded = true;
    // The data follows the seed; the server id does not: two processes started with the same
    // seed are still two servers, and a client must see the restart between them.
    rebuildSimulator();
}

void DemoServer::setRate(double hz)
{
    m_rate = qMax(0.0, hz);
    if (m_running)
        restartTimers();
}

void DemoServer::setRows(int rows)
{
    m_rows = qBound(3, rows, 100000);
    rebuildSimulator();
}

void DemoServer::setEpochMs(qint64 epochMs)
{
    m_epochMs = epochMs;
    rebuildSimulator();
}

int DemoServer::tickIntervalMs(const QString &feed) const
{
    if (m_rate > 0)
        return qMax(1, int(1000.0 / m_rate));
    return FeedSimulator::defaultIntervalMs(feed);
}

void DemoServer::rebuildSimulator()
{
    m_sim = std::make_unique<FeedSimulator>(m_seed, m_rows, m_epochMs);
}

void DemoServer::restartTimers()
{
    const QStringList feeds = FeedSimulator::feedIds();
    for (const QString &feed : feeds) {
        QTimer *&timer = m_tickTimers[feed];
        if (!timer) {
            timer = new QTimer(this);
            connect(timer, &QTimer::timeout, this, [this, feed] {
                m_sim->tick(feed);
                broadcast(feed);
            });
        }
        timer->start(tickIntervalMs(feed));
    }
}

int DemoServer::connectionCount(const QString &feed) const
{
    return int(matching(feed).size());
}

bool DemoServer::isFaultActive(Sim::Fault fault, const QString &feed) const
{
    return m_faults->isSet(fault, feed);
}

// --- accepting --------------------------------------------------------------------------------

void DemoServer::onTcpConnection()
{
    while (m_tcpServer->hasPendingConnections()) {
        QTcpSocket *socket = m_tcpServer->nextPendingConnection();
        socket->setParent(this);
        m_rawSockets.append(socket);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspectHead(socket); });
        if (socket->bytesAvailable() > 0)
            inspectHead(socket);
    }
}

void DemoServer::inspectHead(QTcpSocket *socket)
{
    // Peek, never read: QWebSocketServer::handleConnection() must still find the request.
    const QByteArray head = socket->peek(maxHeadBytes + maxBodyBytes);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= maxHeadBytes) {
            disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            respond(socket, head.size(), 431, detail(431), "application/json", false);
        }
        return;
    }
    const qsizetype headLength = end + 4;
    const QList<QByteArray> lines = head.left(end).split('\n');
    const QList<QByteArray> request = lines.value(0).trimmed().split(' ');
    const QByteArray method = request.value(0);
    QByteArray target = request.value(1);
    if (const qsizetype query = target.indexOf('?'); query >= 0)
        target.truncate(query);
    const QString path = QUrl::fromPercentEncoding(target);
    bool upgrade = false;
    qint64 contentLength = 0;
    QByteArray key;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const QByteArray lower = line.toLower();
        if (lower.startsWith("upgrade:") && lower.contains("websocket"))
            upgrade = true;
        else if (lower.startsWith("content-length:"))
            contentLength = lower.mid(15).trimmed().toLongLong();
        else if (lower.startsWith("idempotency-key:"))
            key = line.mid(16).trimmed();
    }

    if (path.startsWith(wsPrefix)) {
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        const QString topic = path.mid(wsPrefix.size());
        if (FeedSimulator::isKnownTopic(topic)) {
            routeFeedRequest(socket, headLength, topic, upgrade);
        } else if (topic == u"qc-metrics"_s) {
            // The real server at the checked commit fails building its QC metrics and refuses
            // the upgrade; the demo shows the same, so the page for it can be seen as it is.
            respond(socket, headLength, 500, "Internal Server Error", "text/plain", false);
        } else {
            qCDebug(lcSim) << "404 for" << method << path;
            respond(socket, headLength, 404, detail(404), "application/json", false);
        }
        return;
    }
    if (contentLength < 0 || contentLength > maxBodyBytes) {
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        respond(socket, head.size(), 413, detailJson(u"Request body too large"_s),
                "application/json", false);
        return;
    }
    if (head.size() < headLength + contentLength)
        return; // the body is still on its way
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    serveHttp(socket, headLength, method, path, head.mid(headLength, contentLength), key);
}

void DemoServer::serveHttp(QTcpSocket *socket, qsizetype headLength, const QByteArray &method,
                           const QString &path, const QByteArray &body, const QByteArray &key)
{
    const qsizetype total = headLength + body.size();
    for (const ActionRoute &route : actionRoutes()) {
        const QRegularExpressionMatch match = route.path.match(path);
        if (!match.hasMatch())
            continue;
        if (route.method != method) {
            if (route.name == u"queue.remove"_s)
                continue; // GET /api/v1/queue/{parent_issue} is another route
            respond(socket, total, 405, detail(405), "application/json", false);
            return;
        }
        QJsonObject args;
        QString name = route.name;
        if (!route.argument.isEmpty())
            args.insert(route.argument, match.captured(1));
        if (name == u"queue.pause"_s) {
            const QJsonValue paused = QJsonDocument::fromJson(body).object().value("paused"_L1);
            if (!paused.isBool()) {
                respond(
                    socket, total, 422,
                    R"({"detail":[{"loc":["body","paused"],"msg":"field required","type":"value_error.missing"}]})",
                    "application/json", false);
                return;
            }
            name = paused.toBool() ? u"queue.pause"_s : u"queue.resume"_s;
        }
        serveAction(socket, total, name, args, route.feed, key);
        return;
    }
    const QString topic = path.mid(httpPrefix.size());
    if (m_faults->effective(Sim::Fault::Freeze,
                            FeedSimulator::feedOf(topic).isEmpty() ? QString() : topic)) {
        m_held.append(socket); // a frozen server answers nothing
        return;
    }
    int status = 200;
    QJsonValue answer;
    QString location;
    if (method == "GET" && m_sim->httpGet(path, &status, &answer, &location)) {
        respond(socket, total, status, answer.isNull() ? QByteArray() : compact(answer),
                "application/json", false,
                location.isEmpty() ? QByteArray() : "Location: " + location.toUtf8() + "\r\n");
        return;
    }
    qCDebug(lcSim) << "404 for" << method << path;
    respond(socket, total, 404, detail(404), "application/json", false);
}

void DemoServer::serveAction(QTcpSocket *socket, qsizetype total, const QString &name,
                             const QJsonObject &args, const QString &feed, const QByteArray &key)
{
    if (m_faults->effective(Sim::Fault::Freeze, feed)) {
        m_held.append(socket);
        return;
    }
    const bool lost = m_faults->effective(Sim::Fault::DropAcks, feed).has_value();
    // A key seen before is a client's resend: the first answer again, nothing applied twice.
    if (!key.isEmpty()) {
        if (const auto it = m_httpAnswers.constFind(key); it != m_httpAnswers.cend()) {
            m_commandLog.append({QString::fromUtf8(key), name, it->first / 100 == 2, {}, true});
            if (lost) {
                socket->abort();
                return;
            }
            respond(socket, total, it->first, it->second, "application/json", false);
            return;
        }
    }
    const FeedSimulator::CommandResult result = m_sim->applyCommand(name, args);
    const QByteArray body = result.ok ? compact(result.answer) : detailJson(result.error);
    const QString id = key.isEmpty() ? QString() : QString::fromUtf8(key);
    record(id, name, result, false);
    if (!key.isEmpty())
        m_httpAnswers.insert(key, {result.status, body});
    qCDebug(lcSim) << "action" << name << id << result.status << result.error
                   << (lost ? "(answer lost)" : "");
    if (lost)
        socket->abort(); // applied; the answer never leaves
    else
        respond(socket, total, result.status, body, "application/json", false);
    broadcastChanged(result.changed);
}

void DemoServer::record(const QString &id, const QString &name,
                        const FeedSimulator::CommandResult &r, bool duplicate)
{
    m_commandLog.append({id, name, r.ok, r.error, duplicate});
    if (r.ok)
        ++m_applied[name];
}

void DemoServer::routeFeedRequest(QTcpSocket *socket, qsizetype headLength, const QString &topic,
                                  bool upgrade)
{
    if (m_faults->effective(Sim::Fault::Freeze, topic)) {
        // A frozen server answers nothing, handshakes and HTTP alike; they resume on the thaw.
        m_held.append(socket);
        return;
    }
    if (m_faults->effective(Sim::Fault::Hang, topic)) {
        // Accepted by the kernel, never answered: the socket just sits in m_rawSockets.
        qCDebug(lcSim) << "hanging a request for" << topic;
        return;
    }
    if (const auto refuse = m_faults->effective(Sim::Fault::Refuse, topic)) {
        respond(socket, headLength, refuse->httpStatus, detail(refuse->httpStatus),
                "application/json", refuse->keepOpen);
        return;
    }
    if (!upgrade) {
        respond(socket, headLength, 426, detail(426), "application/json", false);
        return;
    }
    m_rawSockets.removeAll(socket);
    m_handshakes.insert(peerKey(socket->peerAddress(), socket->peerPort()), {socket, topic});
    m_wsServer->handleConnection(socket);
}

void DemoServer::respond(QTcpSocket *socket, qsizetype headLength, int status,
                         const QByteArray &body, const QByteArray &contentType, bool keepOpen,
                         const QByteArray &extraHeaders)
{
    socket->read(headLength);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nServer: feedwatch-sim\r\n" + extraHeaders + "Content-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size())
        + (keepOpen ? "\r\n\r\n" : "\r\nConnection: close\r\n\r\n") + body;
    socket->write(response);
    if (!keepOpen)
        socket->disconnectFromHost();
}

void DemoServer::onWebSocketConnection()
{
    while (m_wsServer->hasPendingConnections()) {
        QWebSocket *ws = m_wsServer->nextPendingConnection();
        const Handshake handshake = m_handshakes.take(peerKey(ws->peerAddress(), ws->peerPort()));
        const QString topic = handshake.topic.isEmpty()
            ? ws->requestUrl().path().mid(wsPrefix.size())
            : handshake.topic;
        auto *connection =
            new SimConnection(ws, handshake.socket, topic, u"c%1"_s.arg(m_nextConnection++), this);
        m_connections.append(connection);
        connect(connection, &SimConnection::textReceived, this,
                [this, connection](const QString &message) { onText(connection, message); });
        connect(connection, &SimConnection::gone, this, [this, connection] {
            m_connections.removeAll(connection);
            emit clientDisconnected(connection->topic(), connection->id());
            connection->deleteLater();
        });
        applyShaping(connection);
        if (m_hello) {
            QJsonArray capabilities {u"ping"_s};
            if (m_webSocketCommands)
                capabilities.append(u"commands"_s);
            const QJsonObject hello {{u"type"_s, u"hello"_s},
                                     {u"server_id"_s, serverId()},
                                     {u"connection_id"_s, connection->id()},
                                     {u"capabilities"_s, capabilities}};
            connection->sendText(QJsonDocument(hello).toJson(QJsonDocument::Compact));
        }
        // Clients that never say client_ready still get their first message, as upstream does
        // after waiting 2 s.
        QTimer::singleShot(m_readyTimeoutMs, connection, [this, connection] {
            if (!connection->isReady())
                markReady(connection);
        });
        qCDebug(lcSim) << "connected" << connection->id() << topic;
        emit clientConnected(topic, connection->id());
    }
}

// --- protocol ---------------------------------------------------------------------------------

void DemoServer::onText(SimConnection *connection, const QString &message)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(message.toUtf8(), &error);
    const QJsonObject object = doc.object();
    const QString type = object.value(u"type"_s).toString();
    if (type == u"client_ready"_s) {
        if (!connection->isReady())
            markReady(connection);
    } else if (type == u"ping"_s) {
        // The echo, nothing more: upstream's pong carries the client's timestamp only.
        const QJsonObject pong {{u"type"_s, u"pong"_s},
                                {u"timestamp"_s, object.value(u"timestamp"_s)}};
        connection->sendText(QJsonDocument(pong).toJson(QJsonDocument::Compact));
    } else if (type == u"command"_s && m_webSocketCommands) {
        handleCommand(connection, object);
    }
    // Everything else is ignored, as upstream does (it only logs it).
}

void DemoServer::handleCommand(SimConnection *connection, const QJsonObject &command)
{
    const QString id = command.value(u"id"_s).toString();
    const QString name = command.value(u"name"_s).toString();
    const bool silent = m_faults->effective(Sim::Fault::DropAcks, connection->topic()).has_value();
    auto reply = [connection, silent](const QByteArray &ack) {
        if (!silent)
            connection->sendText(ack);
    };
    if (id.isEmpty()) {
        reply(QJsonDocument(QJsonObject {{u"type"_s, u"ack"_s},
                                         {u"id"_s, QJsonValue(QJsonValue::Null)},
                                         {u"ok"_s, false},
                                         {u"error"_s, u"missing id"_s}})
                  .toJson(QJsonDocument::Compact));
        return;
    }
    // A repeated id is a client retry: answer it again, never apply it twice.
    if (const auto it = m_acks.constFind(id); it != m_acks.cend()) {
        m_commandLog.append({id, name, true, {}, true});
        reply(*it);
        return;
    }
    const FeedSimulator::CommandResult result =
        m_sim->applyCommand(name, command.value(u"args"_s).toObject());
    record(id, name, result, false);
    const QByteArray ack = QJsonDocument(QJsonObject {{u"type"_s, u"ack"_s},
                                                      {u"id"_s, id},
                                                      {u"ok"_s, result.ok},
                                                      {u"error"_s,
                                                       result.ok ? QJsonValue(QJsonValue::Null)
                                                                 : QJsonValue(result.error)}})
                               .toJson(QJsonDocument::Compact);
    m_acks.insert(id, ack);
    qCDebug(lcSim) << "command" << name << id << (result.ok ? "ok" : "failed") << result.error
                   << (silent ? "(ack dropped)" : "");
    reply(ack);
    broadcastChanged(result.changed);
}

void DemoServer::markReady(SimConnection *connection)
{
    connection->setReady(true);
    sendSnapshot(connection, true);
}

void DemoServer::sendSnapshot(SimConnection *connection, bool force)
{
    if (!connection->isReady() || connection->isFrozen() || connection->isClosing())
        return;
    const QString topic = connection->topic();
    const QByteArray data = compact(m_sim->data(topic));
    if (!force && data == connection->lastData())
        return;
    connection->setLastData(data);
    connection->sendText(m_sim->snapshot(topic));
}

void DemoServer::broadcast(const QString &feed)
{
    if (!FeedSimulator::broadcasts(feed))
        return; // sent once on connect, like upstream's system and webhook status
    const QByteArray data = compact(m_sim->data(feed));
    // The watcher compares with what it broadcast last, not with what each socket has.
    if (m_lastBroadcast.value(feed) == data)
        return;
    m_lastBroadcast.insert(feed, data);
    const QByteArray message = m_sim->snapshot(feed);
    for (SimConnection *connection : std::as_const(m_connections)) {
        if (!connection->isReady() || connection->isFrozen() || connection->isClosing())
            continue;
        if (connection->topic() == feed) {
            connection->setLastData(data);
            connection->sendText(message);
        } else if (m_broadcastAll) {
            connection->sendText(message);
        }
    }
}

void DemoServer::broadcastChanged(const QStringList &feeds)
{
    for (const QString &feed : feeds)
        broadcast(feed);
}

// --- faults -----------------------------------------------------------------------------------

void DemoServer::setFault(Sim::Fault fault, const QString &feed, const Sim::FaultParams &params)
{
    switch (fault) {
    case Sim::Fault::Restart:
        restart(params.durationMs);
        return;
    case Sim::Fault::Drop:
        dropAll(feed);
        return;
    case Sim::Fault::Close:
        closeWith(feed, params.closeCode);
        return;
    case Sim::Fault::Malformed:
        sendMalformed(feed);
        return;
    case Sim::Fault::Oversize:
        sendOversize(feed, params.sizeBytes);
        return;
    case Sim::Fault::Binary:
        sendBinary(feed);
        return;
    case Sim::Fault::Flood:
        flood(feed, params.count);
        return;
    default:
        qCInfo(lcSim).noquote() << "fault on:" << Sim::describe(fault, params) << "feed"
                                << (feed.isEmpty() ? u"all"_s : feed);
        m_faults->set(fault, feed, params);
    }
}

void DemoServer::clearFault(Sim::Fault fault, const QString &feed)
{
    m_faults->clear(fault, feed);
}

void DemoServer::clearAllFaults()
{
    m_faults->clearAll();
}

void DemoServer::onFaultChanged(Sim::Fault fault, const QString &feed, bool active)
{
    if (!active) {
        qCInfo(lcSim).noquote() << "fault off:" << Sim::faultKey(fault) << "feed"
                                << (feed.isEmpty() ? u"all"_s : feed);
    }
    for (SimConnection *connection : std::as_const(m_connections))
        applyShaping(connection);
    if (fault == Sim::Fault::Freeze && !active)
        releaseHeld();
    emit faultChanged(fault, feed, active);
}

void DemoServer::applyShaping(SimConnection *connection)
{
    const QString topic = connection->topic();
    const auto latency = m_faults->effective(Sim::Fault::Latency, topic);
    connection->setLatency(latency ? latency->latencyMs : 0, latency ? latency->jitterMs : 0);
    const auto bandwidth = m_faults->effective(Sim::Fault::Bandwidth, topic);
    connection->setBandwidth(bandwidth ? bandwidth->bytesPerSecond : 0);
    const bool frozen = m_faults->effective(Sim::Fault::Freeze, topic).has_value();
    const bool wasFrozen = connection->isFrozen();
    connection->setFrozen(frozen);
    // After a freeze the client gets the current state once; the snapshots it missed are
    // not replayed (a snapshot supersedes the ones before it).
    if (wasFrozen && !frozen)
        sendSnapshot(connection, false);
}

void DemoServer::releaseHeld()
{
    const QList<QPointer<QTcpSocket>> held = m_held;
    m_held.clear();
    for (const QPointer<QTcpSocket> &socket : held) {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            inspectHead(socket);
    }
}

void DemoServer::abortRawSockets()
{
    const QList<QPointer<QTcpSocket>> raw = m_rawSockets + m_held;
    m_rawSockets.clear();
    m_held.clear();
    for (const QPointer<QTcpSocket> &socket : raw) {
        if (socket)
            socket->abort();
    }
    for (const Handshake &handshake : std::as_const(m_handshakes)) {
        if (handshake.socket)
            handshake.socket->abort();
    }
    m_handshakes.clear();
}

void DemoServer::restart(qint64 downtimeMs)
{
    ++m_restartCount;
    qCInfo(lcSim) << "restart: new server_id" << serverId() << "downtime" << downtimeMs << "ms";
    abortRawSockets();
    const QList<SimConnection *> connections = m_connections;
    for (SimConnection *connection : connections) {
        if (!connection->isClosing())
            connection->closeWith(1001, u"server restarting"_s);
    }
    m_tcpServer->close();
    if (downtimeMs > 0) {
        QTimer::singleShot(downtimeMs, this, [this] {
            if (m_running)
                listen();
        });
    } else {
        listen();
    }
    emit faultTriggered(Sim::Fault::Restart, {});
    emit restarted(serverId());
}

void DemoServer::dropAll(const QString &feed)
{
    const QList<SimConnection *> doomed = matching(feed);
    qCInfo(lcSim) << "drop" << doomed.size() << "connections, feed"
                  << (feed.isEmpty() ? u"all"_s : feed);
    if (feed.isEmpty())
        abortRawSockets();
    for (SimConnection *connection : doomed)
        connection->abort();
    emit faultTriggered(Sim::Fault::Drop, feed);
}

void DemoServer::closeWith(const QString &feed, int code)
{
    const QList<SimConnection *> targets = matching(feed);
    qCInfo(lcSim) << "close" << targets.size() << "connections with" << code;
    for (SimConnection *connection : targets)
        connection->closeWith(code, u"closed by feedwatch-sim"_s);
    emit faultTriggered(Sim::Fault::Close, feed);
}

void DemoServer::sendMalformed(const QString &feed)
{
    const QList<SimConnection *> targets = matching(feed);
    qCInfo(lcSim) << "malformed JSON to" << targets.size() << "connections";
    for (SimConnection *connection : targets) {
        const QByteArray type = FeedSimulator::snapshotType(connection->feed()).toUtf8();
        connection->sendText("{\"type\":\"" + type + "\",\"data\":{\"phases\":[{\"queue_id\":");
    }
    emit faultTriggered(Sim::Fault::Malformed, feed);
}

void DemoServer::sendOversize(const QString &feed, qint64 bytes)
{
    const QList<SimConnection *> targets = matching(feed);
    qCInfo(lcSim) << "over-size message of" << bytes << "bytes to" << targets.size()
                  << "connections";
    for (SimConnection *connection : targets) {
        // A valid snapshot padded to exactly `bytes`, so only its size is wrong.
        const QByteArray type = FeedSimulator::snapshotType(connection->feed()).toUtf8();
        QByteArray message = "{\"type\":\"" + type
            + "\",\"data\":" + compact(m_sim->data(connection->topic())) + ",\"padding\":\"";
        const qint64 padding = qMax<qint64>(0, bytes - message.size() - 2);
        message.append(QByteArray(padding, 'x'));
        message.append("\"}");
        connection->sendText(message);
    }
    emit faultTriggered(Sim::Fault::Oversize, feed);
}

void DemoServer::sendBinary(const QString &feed)
{
    const QList<SimConnection *> targets = matching(feed);
    qCInfo(lcSim) << "binary frame to" << targets.size() << "connections";
    static const QByteArray payload("\x00\x01\x02\xff feedwatch-sim binary frame", 31);
    for (SimConnection *connection : targets)
        connection->sendBinary(payload);
    emit faultTriggered(Sim::Fault::Binary, feed);
}

void DemoServer::flood(const QString &feed, int count)
{
    const QList<SimConnection *> targets = matching(feed);
    qCInfo(lcSim) << "flood of" << count << "snapshots to" << targets.size() << "connections";
    QStringList sources;
    for (SimConnection *connection : targets) {
        const QString source = FeedSimulator::sourceFeed(connection->feed());
        if (!sources.contains(source))
            sources.append(source);
    }
    for (int i = 0; i < count; ++i) {
        for (const QString &source : std::as_const(sources))
            m_sim->tick(source);
        for (SimConnection *connection : targets) {
            if (connection->isReady())
                sendSnapshot(connection, true);
        }
    }
    emit faultTriggered(Sim::Fault::Flood, feed);
}

bool DemoServer::matches(const QString &feed, const QString &topic)
{
    return feed.isEmpty() || topic == feed || FeedSimulator::feedOf(topic) == feed;
}

QList<SimConnection *> DemoServer::matching(const QString &feed) const
{
    QList<SimConnection *> result;
    for (SimConnection *connection : m_connections) {
        if (!connection->isClosing() && matches(feed, connection->topic()))
            result.append(connection);
    }
    return result;
}
