#include "faultproxy.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

#include <algorithm>
#include <cmath>
#include <deque>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcFaultProxy, "feedwatch.test.proxy")

namespace {
constexpr int ToClient = 0;
constexpr int ToServer = 1;
// Bandwidth pacing writes at most 1/50 s worth of bytes at a time.
constexpr int PaceSlicesPerSecond = 50;
constexpr qsizetype MaxRequestHead = 16 * 1024;

bool appliesTo(FaultProxy::Direction direction, int side)
{
    return direction == FaultProxy::Direction::Both
        || (direction == FaultProxy::Direction::ToClient) == (side == ToClient);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 426:
        return QByteArrayLiteral("Upgrade Required");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Error");
    }
}
} // namespace

// One proxied client: its socket, its upstream socket (none when hanging or refusing) and a
// queue per direction. Faults are read from the proxy at every step, so switching them at run
// time reaches live connections.
class FaultProxy::Link final : public QObject
{
    Q_DISABLE_COPY_MOVE(Link)

public:
    enum class Mode { Forward, Hang, Refuse };

    Link(FaultProxy *proxy, QTcpSocket *client, Mode mode);
    ~Link() override;

    // Connects upstream; separate from the constructor so a failure finds the link listed.
    void start();

    void pumpAll();
    void discardQueues();
    void reset();
    void drop();

private:
    struct Chunk
    {
        QByteArray data;
        qint64 dueMs = 0;
    };
    struct Pipe
    {
        std::deque<Chunk> queue;
        QTimer *timer = nullptr;
        double paceAtMs = 0;
        qint64 lastDueMs = 0;
        bool sourceClosed = false;
    };

    void onClientReadyRead();
    void onUpstreamReadyRead();
    void onClientGone();
    void onUpstreamGone();
    void enqueue(int side, const QByteArray &data);
    void pump(int side);
    void closeTarget(int side);
    void hitLimit();
    void noteRequestHead(const QByteArray &data);
    void answerRefusal();
    void maybeFinish();
    void finish();
    void detachSockets();

    FaultProxy *m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream = nullptr;
    Mode m_mode;
    Pipe m_pipes[2];
    QByteArray m_head;
    bool m_pathSeen = false;
    bool m_answered = false;
    bool m_clientGone = false;
    bool m_upstreamGone = false;
    bool m_silenced = false;
    bool m_closingClient = false;
    bool m_finished = false;
    qint64 m_sentToClient = 0;
};

FaultProxy::Link::Link(FaultProxy *proxy, QTcpSocket *client, Mode mode)
    : QObject(proxy)
    , m_proxy(proxy)
    , m_client(client)
    , m_mode(mode)
{
    m_client->setParent(this);
    m_client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    for (int side : {ToClient, ToServer}) {
        m_pipes[side].timer = new QTimer(this);
        m_pipes[side].timer->setSingleShot(true);
        m_pipes[side].timer->setTimerType(Qt::PreciseTimer);
        connect(m_pipes[side].timer, &QTimer::timeout, this, [this, side] { pump(side); });
    }
    connect(m_client, &QTcpSocket::readyRead, this, &Link::onClientReadyRead);
    connect(m_client, &QTcpSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState)
            onClientGone();
    });

    if (m_mode != Mode::Forward)
        return;
    m_upstream = new QTcpSocket(this);
    connect(m_upstream, &QTcpSocket::connected, this, [this] {
        m_upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        pump(ToServer);
    });
    connect(m_upstream, &QTcpSocket::readyRead, this, &Link::onUpstreamReadyRead);
    connect(m_upstream, &QTcpSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState)
            onUpstreamGone();
    });
}

void FaultProxy::Link::start()
{
    if (m_upstream)
        m_upstream->connectToHost(m_proxy->m_upstreamHost, m_proxy->m_upstreamPort);
}

FaultProxy::Link::~Link()
{
    detachSockets();
}

void FaultProxy::Link::detachSockets()
{
    // Sockets report their own closing synchronously; none of that may reach a dying link.
    if (m_client)
        m_client->disconnect(this);
    if (m_upstream)
        m_upstream->disconnect(this);
}

void FaultProxy::Link::onClientReadyRead()
{
    const QByteArray data = m_client->readAll();
    if (data.isEmpty())
        return;
    noteRequestHead(data);
    switch (m_mode) {
    case Mode::Hang:
        return;
    case Mode::Refuse:
        answerRefusal();
        return;
    case Mode::Forward:
        break;
    }
    if (m_proxy->m_frozen && m_proxy->m_freezeMode == FaultProxy::FreezeMode::Drop)
        return;
    enqueue(ToServer, data);
}

void FaultProxy::Link::onUpstreamReadyRead()
{
    const QByteArray data = m_upstream->readAll();
    if (data.isEmpty() || m_silenced)
        return;
    if (m_proxy->m_frozen && m_proxy->m_freezeMode == FaultProxy::FreezeMode::Drop)
        return;
    enqueue(ToClient, data);
}

void FaultProxy::Link::noteRequestHead(const QByteArray &data)
{
    if (m_head.size() < MaxRequestHead)
        m_head += data;
    if (m_pathSeen)
        return;
    const qsizetype eol = m_head.indexOf("\r\n");
    if (eol < 0)
        return;
    m_pathSeen = true;
    // "GET /api/v1/ws/queue?x=1 HTTP/1.1"
    const QList<QByteArray> parts = m_head.left(eol).split(' ');
    QByteArray target = parts.size() >= 2 ? parts.at(1) : QByteArray();
    const qsizetype query = target.indexOf('?');
    if (query >= 0)
        target.truncate(query);
    m_proxy->m_requestPaths.append(QString::fromUtf8(target));
}

void FaultProxy::Link::answerRefusal()
{
    if (m_answered || !m_head.contains("\r\n\r\n"))
        return;
    m_answered = true;
    const int status = m_proxy->m_refusalStatus;
    const bool keepOpen = m_proxy->m_refusalKeepOpen;
    const QByteArray reason = reasonPhrase(status);
    const QByteArray body = QByteArray::number(status) + ' ' + reason + '\n';
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n"
        + "Content-Type: text/plain\r\n" + "Content-Length: " + QByteArray::number(body.size())
        + "\r\n" + (keepOpen ? "Connection: keep-alive\r\n" : "Connection: close\r\n") + "\r\n"
        + body;
    m_client->write(response);
    m_proxy->m_bytesToClient += response.size();
    if (!keepOpen)
        m_client->disconnectFromHost();
}

void FaultProxy::Link::enqueue(int side, const QByteArray &data)
{
    const FaultProxy::PipeFaults &faults = m_proxy->m_faults[side];
    Pipe &pipe = m_pipes[side];
    qint64 due = m_proxy->nowMs() + faults.latencyMs;
    if (faults.jitterMs > 0)
        due += QRandomGenerator::global()->bounded(faults.jitterMs + 1);
    // Jitter must never reorder: a chunk is not due before the one in front of it.
    due = std::max(due, pipe.lastDueMs);
    pipe.lastDueMs = due;
    pipe.queue.push_back({data, due});
    pump(side);
}

void FaultProxy::Link::pump(int side)
{
    Pipe &pipe = m_pipes[side];
    if (m_finished || m_proxy->m_frozen)
        return;
    if ((side == ToClient && m_clientGone) || (side == ToServer && m_upstreamGone)) {
        pipe.queue.clear();
        return;
    }
    QTcpSocket *target = side == ToClient ? m_client : m_upstream;
    if (target->state() != QAbstractSocket::ConnectedState)
        return; // the upstream is still connecting; its connected() pumps again

    const qint64 now = m_proxy->nowMs();
    const int bandwidth = m_proxy->m_faults[side].bytesPerSecond;
    const int slice = side == ToClient ? m_proxy->m_sliceBytes : 0;
    const qint64 limit = side == ToClient ? m_proxy->m_limitBytes : 0;
    while (!pipe.queue.empty()) {
        Chunk &chunk = pipe.queue.front();
        const qint64 wait = std::max(chunk.dueMs - now, qint64(std::ceil(pipe.paceAtMs)) - now);
        if (wait > 0) {
            pipe.timer->start(int(wait));
            return;
        }
        if (limit > 0 && m_sentToClient >= limit) {
            hitLimit();
            return;
        }
        qsizetype n = chunk.data.size();
        if (slice > 0)
            n = std::min<qsizetype>(n, slice);
        if (bandwidth > 0)
            n = std::min<qsizetype>(n, std::max(1, bandwidth / PaceSlicesPerSecond));
        if (limit > 0)
            n = std::min<qsizetype>(n, limit - m_sentToClient);

        target->write(chunk.data.constData(), n);
        if (side == ToClient) {
            m_sentToClient += n;
            m_proxy->m_bytesToClient += n;
        } else {
            m_proxy->m_bytesToServer += n;
        }
        chunk.data.remove(0, n);
        if (chunk.data.isEmpty())
            pipe.queue.pop_front();

        if (bandwidth > 0)
            pipe.paceAtMs = std::max(pipe.paceAtMs, double(now)) + n * 1000.0 / bandwidth;
        if (limit > 0 && m_sentToClient >= limit) {
            hitLimit();
            return;
        }
        if (slice > 0) {
            // Each segment leaves in its own write; going back to the event loop between them
            // (even with no delay) stops Qt from coalescing them into one send().
            target->flush();
            pipe.paceAtMs = std::max(pipe.paceAtMs, double(now + m_proxy->m_sliceDelayMs));
            pipe.timer->start(std::max(0, int(std::ceil(pipe.paceAtMs)) - int(now)));
            return;
        }
    }
    if (pipe.sourceClosed)
        closeTarget(side);
}

void FaultProxy::Link::closeTarget(int side)
{
    if (side == ToServer) {
        m_upstream->disconnectFromHost();
        return;
    }
    if (m_closingClient)
        return;
    m_closingClient = true;
    if (m_proxy->m_slowCloseMs > 0) {
        QTimer::singleShot(m_proxy->m_slowCloseMs, Qt::PreciseTimer, this,
                           [this] { m_client->disconnectFromHost(); });
    } else {
        m_client->disconnectFromHost();
    }
}

void FaultProxy::Link::hitLimit()
{
    m_pipes[ToClient].queue.clear();
    if (m_proxy->m_limitAction == FaultProxy::LimitAction::Silence) {
        m_silenced = true;
        return;
    }
    qCDebug(lcFaultProxy) << "data limit reached, closing" << m_sentToClient;
    m_pipes[ToServer].queue.clear();
    m_client->disconnectFromHost();
    if (m_upstream)
        m_upstream->disconnectFromHost();
}

void FaultProxy::Link::onClientGone()
{
    if (m_clientGone)
        return;
    m_clientGone = true;
    m_pipes[ToClient].queue.clear();
    if (m_upstream && !m_upstreamGone) {
        if (m_upstream->state() == QAbstractSocket::ConnectedState) {
            // Deliver what the client sent before closing, then close the upstream.
            m_pipes[ToServer].sourceClosed = true;
            pump(ToServer);
        } else {
            m_upstream->abort();
        }
    }
    maybeFinish();
}

void FaultProxy::Link::onUpstreamGone()
{
    if (m_upstreamGone)
        return;
    m_upstreamGone = true;
    m_pipes[ToServer].queue.clear();
    if (!m_clientGone) {
        m_pipes[ToClient].sourceClosed = true;
        pump(ToClient);
    }
    maybeFinish();
}

void FaultProxy::Link::maybeFinish()
{
    if (m_clientGone && (m_upstreamGone || !m_upstream))
        finish();
}

void FaultProxy::Link::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    detachSockets();
    for (Pipe &pipe : m_pipes) {
        pipe.timer->stop();
        pipe.queue.clear();
    }
    m_proxy->removeLink(this);
}

void FaultProxy::Link::pumpAll()
{
    pump(ToServer);
    pump(ToClient);
}

void FaultProxy::Link::discardQueues()
{
    for (Pipe &pipe : m_pipes)
        pipe.queue.clear();
}

void FaultProxy::Link::reset()
{
    detachSockets();
    // SO_LINGER {on, 0 s}: close() sends RST instead of FIN and drops unsent data.
    const linger hard {1, 0};
    if (m_client->socketDescriptor() != -1)
        ::setsockopt(int(m_client->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    m_client->abort();
    if (m_upstream)
        m_upstream->abort();
    m_clientGone = m_upstreamGone = true;
    finish();
}

void FaultProxy::Link::drop()
{
    detachSockets();
    discardQueues();
    // Unread input left in the kernel would turn the close into an RST.
    m_client->readAll();
    m_client->disconnectFromHost();
    if (m_upstream) {
        m_upstream->readAll();
        m_upstream->disconnectFromHost();
    }
    m_clientGone = m_upstreamGone = true;
    finish();
}

FaultProxy::FaultProxy(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_clock.start();
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    const QList<Link *> links = std::exchange(m_links, {});
    qDeleteAll(links);
}

bool FaultProxy::listen(quint16 upstreamPort, const QHostAddress &upstreamHost)
{
    m_upstreamHost = upstreamHost;
    m_upstreamPort = upstreamPort;
    if (!m_server->listen(QHostAddress::LocalHost, m_port)) {
        qCWarning(lcFaultProxy) << "cannot listen:" << m_server->errorString();
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

QUrl FaultProxy::wsUrl(const QString &path) const
{
    QUrl url;
    url.setScheme(u"ws"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

void FaultProxy::setLatency(int ms, int jitterMs, Direction direction)
{
    for (int side : {ToClient, ToServer}) {
        if (appliesTo(direction, side)) {
            m_faults[side].latencyMs = std::max(0, ms);
            m_faults[side].jitterMs = std::max(0, jitterMs);
        }
    }
}

void FaultProxy::setBandwidth(int bytesPerSecond, Direction direction)
{
    for (int side : {ToClient, ToServer}) {
        if (appliesTo(direction, side))
            m_faults[side].bytesPerSecond = std::max(0, bytesPerSecond);
    }
    for (Link *link : std::as_const(m_links))
        link->pumpAll();
}

void FaultProxy::setFrozen(bool frozen, FreezeMode mode)
{
    m_frozen = frozen;
    m_freezeMode = mode;
    if (frozen && mode == FreezeMode::Drop) {
        for (Link *link : std::as_const(m_links))
            link->discardQueues();
    }
    if (!frozen) {
        const QList<Link *> links = m_links;
        for (Link *link : links)
            link->pumpAll();
    }
}

void FaultProxy::setSlicer(int maxSegmentBytes, int delayMs)
{
    m_sliceBytes = std::max(0, maxSegmentBytes);
    m_sliceDelayMs = std::max(0, delayMs);
}

void FaultProxy::setLimitData(qint64 bytes, LimitAction action)
{
    m_limitBytes = std::max<qint64>(0, bytes);
    m_limitAction = action;
}

void FaultProxy::setSlowClose(int delayMs)
{
    m_slowCloseMs = std::max(0, delayMs);
}

void FaultProxy::setHandshakeHang(bool hang)
{
    m_handshakeHang = hang;
}

void FaultProxy::setHttpRefusal(int status, bool keepOpen)
{
    m_refusalStatus = status;
    m_refusalKeepOpen = keepOpen;
}

bool FaultProxy::setRefusing(bool refusing)
{
    if (refusing) {
        m_server->close();
        return true;
    }
    if (m_server->isListening())
        return true;
    // QTcpServer sets SO_REUSEADDR, so the same port is free again at once.
    if (!m_server->listen(QHostAddress::LocalHost, m_port)) {
        qCWarning(lcFaultProxy) << "cannot listen again on" << m_port << m_server->errorString();
        return false;
    }
    return true;
}

void FaultProxy::clearFaults()
{
    m_faults[ToClient] = {};
    m_faults[ToServer] = {};
    m_sliceBytes = m_sliceDelayMs = 0;
    m_limitBytes = 0;
    m_slowCloseMs = 0;
    m_handshakeHang = false;
    m_refusalStatus = 0;
    setFrozen(false);
}

void FaultProxy::resetAll()
{
    const QList<Link *> links = m_links;
    for (Link *link : links)
        link->reset();
}

void FaultProxy::dropAll()
{
    const QList<Link *> links = m_links;
    for (Link *link : links)
        link->drop();
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        ++m_accepted;
        Link::Mode mode = Link::Mode::Forward;
        if (m_handshakeHang)
            mode = Link::Mode::Hang;
        else if (m_refusalStatus > 0)
            mode = Link::Mode::Refuse;
        auto *link = new Link(this, client, mode);
        m_links.append(link);
        link->start();
        emit clientAccepted();
    }
}

void FaultProxy::removeLink(Link *link)
{
    if (!m_links.removeOne(link))
        return;
    link->deleteLater();
    emit connectionClosed();
}
