#include "benchserver.h"

#include "benchdata.h"
#include "procstats.h"
#include "wsframe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
// Flow control: keep this much queued per socket so the kernel never waits for the server, and
// no more, so a slow client never makes the server buffer a whole run.
constexpr qint64 kBlastHighWater = 4 * 1024 * 1024;
constexpr qint64 kRateHighWater = 1024 * 1024;
constexpr int kMaxCatchUp = 8; // rate mode: snapshots sent at most per connection and tick

QByteArray num(qint64 n)
{
    return QByteArray::number(n);
}
} // namespace

BenchServer::BenchServer(QObject *parent)
    : QObject(parent)
    , m_rateTimer(new QTimer(this))
{
    m_rateTimer->setTimerType(Qt::PreciseTimer);
    connect(m_rateTimer, &QTimer::timeout, this, &BenchServer::onRateTick);
}

BenchServer::~BenchServer()
{
    qDeleteAll(m_connections);
}

bool BenchServer::listen(int backends)
{
    for (int i = 0; i < backends; ++i) {
        auto *listener = new QTcpServer(this);
        listener->setMaxPendingConnections(1000);
        if (!listener->listen(QHostAddress::LocalHost, 0))
            return false;
        connect(listener, &QTcpServer::newConnection, this,
                [this, listener] { onNewConnection(listener); });
        m_listeners.append(listener);
        m_ports.append(listener->serverPort());
    }
    return true;
}

void BenchServer::prepareFeeds(int rows, int ring, int changedRows)
{
    for (const QString &feed : BenchData::servedFeeds()) {
        QList<QByteArray> frames;
        for (const QByteArray &json : BenchData::series(feed, rows, ring, changedRows))
            frames.append(WsFrame::serverFrame(WsFrame::Text, json));
        m_rings.insert(feed, frames);
        m_base.insert(feed, 0);
    }
}

void BenchServer::write(Connection *c, const QByteArray &bytes)
{
    // A connection being closed (restart, the peer's close frame) takes no more data.
    if (c->socket->state() == QAbstractSocket::ConnectedState)
        c->socket->write(bytes);
}

void BenchServer::onNewConnection(QTcpServer *listener)
{
    while (listener->hasPendingConnections()) {
        QTcpSocket *socket = listener->nextPendingConnection();
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *c = new Connection;
        c->socket = socket;
        m_connections.insert(socket, c);
        connect(socket, &QTcpSocket::readyRead, this, [this, c] { onReadyRead(c); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, c] {
            if (c->blasting)
                pumpBlast(c);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            Connection *gone = m_connections.take(socket);
            const bool wasBlasting = gone && gone->blasting;
            if (wasBlasting)
                --m_blastsRunning;
            delete gone;
            if (wasBlasting)
                finishBlastIfDone();
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(c);
    }
}

void BenchServer::onReadyRead(Connection *c)
{
    c->in.append(c->socket->readAll());
    if (c->frozen)
        return; // a frozen peer reads nothing, so even ping frames go unanswered
    if (!c->upgraded)
        handshake(c);
    if (c->upgraded)
        processFrames(c);
}

void BenchServer::handshake(Connection *c)
{
    const qsizetype end = c->in.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = c->in.left(end).split('\n');
    c->in.remove(0, end + 4);
    const QList<QByteArray> request = lines.value(0).trimmed().split(' ');
    QByteArray path = request.value(1);
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path.truncate(q);
    QByteArray key;
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("sec-websocket-key:"))
            key = line.mid(18).trimmed();
    }
    const QString p = QString::fromLatin1(path);
    if (p.startsWith("/api/v1/ws/"_L1)) {
        c->role = Role::Feedwatch;
        c->feed = p.mid(11);
    } else if (p.startsWith("/bare/"_L1)) {
        c->role = Role::Bare;
        c->feed = p.mid(6);
    } else if (p.startsWith("/sink/"_L1)) {
        c->role = Role::Sink;
        c->feed = p.mid(6);
    }
    if (key.isEmpty() || !m_rings.contains(c->feed)) {
        write(c, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        c->socket->disconnectFromHost();
        return;
    }
    write(c,
          "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
          "Connection: Upgrade\r\nSec-WebSocket-Accept: "
              + WsFrame::acceptKey(key) + "\r\n\r\n");
    c->upgraded = true;
    if (c->role == Role::Feedwatch) {
        const QJsonObject hello {{u"type"_s, u"hello"_s},
                                 {u"server_id"_s, u"bench-g%1"_s.arg(m_generation)},
                                 {u"connection_id"_s, u"c%1"_s.arg(m_nextConnection++)},
                                 {u"capabilities"_s, QJsonArray {u"ping"_s}}};
        write(c,
              WsFrame::serverFrame(WsFrame::Text,
                                   QJsonDocument(hello).toJson(QJsonDocument::Compact)));
    }
}

void BenchServer::processFrames(Connection *c)
{
    WsFrame::Frame frame;
    while (!c->frozen && WsFrame::takeFrame(c->in, &frame)) {
        switch (frame.opcode) {
        case WsFrame::Text:
            onText(c, frame.payload);
            break;
        case WsFrame::Ping:
            write(c, WsFrame::serverFrame(WsFrame::Pong, frame.payload));
            break;
        case WsFrame::Close:
            write(c, WsFrame::serverFrame(WsFrame::Close, frame.payload.left(2)));
            c->socket->disconnectFromHost();
            return;
        default:
            break;
        }
    }
}

void BenchServer::onText(Connection *c, const QByteArray &payload)
{
    if (payload.contains("\"client_ready\"")) {
        c->ready = true;
        c->position = m_base.value(c->feed);
        sendSnapshot(c, c->position);
        return;
    }
    if (payload.contains("\"ping\"")) {
        const QJsonObject ping = QJsonDocument::fromJson(payload).object();
        const QJsonObject pong {{u"type"_s, u"pong"_s},
                                {u"timestamp"_s, ping.value("timestamp"_L1)}};
        write(c,
              WsFrame::serverFrame(WsFrame::Text,
                                   QJsonDocument(pong).toJson(QJsonDocument::Compact)));
    }
}

void BenchServer::sendSnapshot(Connection *c, qint64 position)
{
    const QList<QByteArray> &ring = m_rings[c->feed];
    write(c, ring.at(position % ring.size()));
    qint64 &base = m_base[c->feed];
    base = std::max(base, position);
    ++m_sent;
}

void BenchServer::onRateTick()
{
    const qint64 now = ProcStats::monotonicNs();
    for (Connection *c : std::as_const(m_connections)) {
        if (c->role != Role::Feedwatch || !c->ready || c->frozen)
            continue;
        if (c->nextDueNs == 0) // a random phase, so many connections do not tick in step
            c->nextDueNs = now + qint64(QRandomGenerator::global()->bounded(double(m_periodNs)));
        int sent = 0;
        while (c->nextDueNs <= now && sent < kMaxCatchUp) {
            if (c->socket->bytesToWrite() > kRateHighWater)
                ++m_skipped; // the client is not reading: skip rather than buffer
            else
                sendSnapshot(c, ++c->position);
            c->nextDueNs += m_periodNs;
            ++sent;
        }
        if (c->nextDueNs <= now) {
            ++m_late;
            c->nextDueNs = now + m_periodNs;
        }
    }
}

void BenchServer::pumpBlast(Connection *c)
{
    while (c->blastLeft > 0 && c->socket->bytesToWrite() < kBlastHighWater) {
        const QByteArray &frame = c->blastLeft == 1
            ? m_marker
            : m_ingest.at((m_ingestCount - c->blastLeft) % m_ingest.size());
        write(c, frame);
        --c->blastLeft;
        ++m_blastSent;
    }
    // Done once the last byte went to the kernel.
    if (c->blastLeft == 0 && c->socket->bytesToWrite() == 0) {
        c->blasting = false;
        --m_blastsRunning;
        finishBlastIfDone();
    }
}

void BenchServer::finishBlastIfDone()
{
    if (!m_blastReplyPending || m_blastsRunning > 0)
        return;
    m_blastReplyPending = false;
    const qint64 wallUs = (ProcStats::monotonicNs() - m_blastStartNs) / 1000;
    emit reply("blast sent=" + num(m_blastSent) + " wall_us=" + num(wallUs)
               + " cpu_us=" + num(ProcStats::cpuUs() - m_blastCpuStartUs));
}

void BenchServer::restart(int downMs)
{
    m_rateTimer->stop();
    const QList<Connection *> open = m_connections.values();
    for (Connection *c : open) {
        if (c->upgraded && !c->frozen)
            write(c, WsFrame::closeFrame(1001, "server restarting"));
        c->socket->disconnectFromHost();
    }
    for (QTcpServer *listener : std::as_const(m_listeners))
        listener->close();
    emit reply("down " + num(ProcStats::monotonicNs()));
    QTimer::singleShot(downMs, Qt::PreciseTimer, this, &BenchServer::relisten);
}

void BenchServer::relisten()
{
    ++m_generation;
    for (auto it = m_base.begin(); it != m_base.end(); ++it)
        ++it.value(); // the backend moved on while it was down: the next snapshot differs
    int failed = 0;
    for (int i = 0; i < m_listeners.size(); ++i) {
        if (!m_listeners.at(i)->listen(QHostAddress::LocalHost, m_ports.at(i)))
            ++failed;
    }
    if (m_periodNs > 0)
        m_rateTimer->start();
    emit reply("listening " + num(ProcStats::monotonicNs()) + " failed=" + num(failed));
}

QByteArray BenchServer::statsLine() const
{
    int upgraded = 0;
    int ready = 0;
    for (const Connection *c : std::as_const(m_connections)) {
        if (c->role == Role::Feedwatch && c->upgraded)
            ++upgraded;
        if (c->role == Role::Feedwatch && c->ready)
            ++ready;
    }
    return "stats conns=" + num(upgraded) + " ready=" + num(ready) + " sent=" + num(m_sent)
        + " skipped=" + num(m_skipped) + " late=" + num(m_late)
        + " cpu_us=" + num(ProcStats::cpuUs()) + " rss_kb=" + num(ProcStats::rssKb())
        + " now_ns=" + num(ProcStats::monotonicNs());
}

void BenchServer::execute(const QByteArray &line)
{
    const QList<QByteArray> args = line.simplified().split(' ');
    const QByteArray command = args.value(0);
    if (command == "stats") {
        emit reply(statsLine());
    } else if (command == "rate") {
        const double hz = args.value(1).toDouble();
        m_periodNs = hz > 0 ? qint64(1e9 / hz) : 0;
        for (Connection *c : std::as_const(m_connections))
            c->nextDueNs = 0;
        if (m_periodNs > 0)
            m_rateTimer->start(int(std::clamp<qint64>(m_periodNs / 2'000'000, 1, 20)));
        else
            m_rateTimer->stop();
        emit reply("rate " + num(m_periodNs));
    } else if (command == "ingest") {
        m_ingestBytes = args.value(1).toInt();
        m_ingestChanging = args.value(2) != "identical";
        m_ingestCount = std::max(2, args.value(3).toInt());
        m_ingest.clear();
        const int distinct = m_ingestChanging ? 64 : 1;
        for (int v = 1; v <= distinct; ++v)
            m_ingest.append(WsFrame::serverFrame(
                WsFrame::Text, BenchData::sizedQueue(m_ingestBytes, m_ingestChanging ? v : 0)));
        emit reply("ingest frame_bytes=" + num(m_ingest.first().size())
                   + " distinct=" + num(distinct) + " count=" + num(m_ingestCount));
    } else if (command == "blast") {
        const QByteArray target = args.value(1);
        const Role role = target == "bare" ? Role::Bare
            : target == "sink"             ? Role::Sink
                                           : Role::Feedwatch;
        if (m_ingest.isEmpty() || m_blastReplyPending) {
            emit reply("blast error=" + QByteArray(m_ingest.isEmpty() ? "no-ingest" : "busy"));
            return;
        }
        // The client names the round, so it knows the marker before the first byte arrives.
        m_round = args.value(2).toInt();
        m_marker = WsFrame::serverFrame(WsFrame::Text,
                                        BenchData::sizedQueue(m_ingestBytes,
                                                              m_ingestChanging ? 1000 + m_round : 0,
                                                              u"end-%1"_s.arg(m_round)));
        m_blastSent = 0;
        m_blastStartNs = ProcStats::monotonicNs();
        m_blastCpuStartUs = ProcStats::cpuUs();
        QList<Connection *> targets;
        for (Connection *c : std::as_const(m_connections)) {
            if (c->role == role && c->upgraded && c->feed == "queue"_L1)
                targets.append(c);
        }
        if (targets.isEmpty()) {
            emit reply("blast error=no-client");
            return;
        }
        m_blastsRunning = int(targets.size());
        m_blastReplyPending = true;
        for (Connection *c : targets) {
            c->blastLeft = m_ingestCount;
            c->blasting = true;
        }
        for (Connection *c : targets)
            pumpBlast(c);
    } else if (command == "freeze" || command == "thaw") {
        const bool freeze = command == "freeze";
        const QList<Connection *> open = m_connections.values();
        for (Connection *c : open) {
            if (!c->upgraded)
                continue;
            c->frozen = freeze;
            if (!freeze)
                onReadyRead(c);
        }
        emit reply(command + ' ' + num(ProcStats::monotonicNs()));
    } else if (command == "restart") {
        restart(std::max(0, args.value(1).toInt()));
    } else if (command == "drop") {
        const QList<Connection *> open = m_connections.values();
        for (Connection *c : open)
            c->socket->abort();
        emit reply("drop " + num(ProcStats::monotonicNs()));
    } else if (command == "quit") {
        emit reply("quit");
        emit quitRequested();
    } else {
        emit reply("error unknown command " + command);
    }
}
