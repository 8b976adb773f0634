#include "simconnection.h"

#include "feedsimulator.h"

#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

SimConnection::SimConnection(QWebSocket *socket, QTcpSocket *tcp, const QString &topic,
                             const QString &id, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_tcp(tcp)
    , m_topic(topic)
    , m_feed(FeedSimulator::feedOf(topic))
    , m_id(id)
    , m_pumpTimer(new QTimer(this))
{
    m_socket->setParent(this);
    m_clock.start();
    m_pumpTimer->setSingleShot(true);
    connect(m_pumpTimer, &QTimer::timeout, this, &SimConnection::pump);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &SimConnection::textReceived);
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        if (!m_gone) {
            m_gone = true;
            emit gone();
        }
    });
}

SimConnection::~SimConnection() = default;

void SimConnection::sendText(const QByteArray &json)
{
    enqueue(json, false);
}

void SimConnection::sendBinary(const QByteArray &bytes)
{
    enqueue(bytes, true);
}

void SimConnection::setLatency(int latencyMs, int jitterMs)
{
    m_latencyMs = qMax(0, latencyMs);
    m_jitterMs = qMax(0, jitterMs);
}

void SimConnection::setBandwidth(qint64 bytesPerSecond)
{
    m_bytesPerSecond = qMax<qint64>(0, bytesPerSecond);
    pump();
}

void SimConnection::setFrozen(bool frozen)
{
    if (m_frozen == frozen)
        return;
    m_frozen = frozen;
    // QWebSocket reads (and answers pings) from its QTcpSocket's readyRead. Blocking that
    // socket's signals stops all reading while the kernel keeps the TCP connection open; what
    // the peer sends meanwhile waits in the buffers and is processed after the thaw.
    if (m_tcp)
        m_tcp->blockSignals(frozen);
    if (frozen) {
        m_pumpTimer->stop();
        return;
    }
    if (!m_tcp || m_tcp->state() != QAbstractSocket::ConnectedState) {
        // The peer left while we were not listening.
        m_socket->abort();
        if (!m_gone) {
            m_gone = true;
            emit gone();
        }
        return;
    }
    if (m_tcp->bytesAvailable() > 0)
        emit m_tcp->readyRead();
    pump();
}

void SimConnection::closeWith(int code, const QString &reason)
{
    m_outbox.clear();
    m_closing = true;
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
    QTimer::singleShot(2000, this, [this] {
        if (!m_gone)
            m_socket->abort();
    });
}

void SimConnection::abort()
{
    m_outbox.clear();
    m_socket->abort();
}

void SimConnection::enqueue(const QByteArray &bytes, bool binary)
{
    if (m_frozen || m_gone || m_closing)
        return;
    const qint64 now = m_clock.elapsed();
    qint64 due = now;
    if (m_latencyMs > 0 || m_jitterMs > 0)
        due += m_latencyMs + (m_jitterMs > 0 ? m_jitter.bounded(m_jitterMs) : 0);
    // Jitter never reorders: a message is not due before the one queued ahead of it.
    due = qMax(due, m_lastDueMs);
    m_lastDueMs = due;
    m_outbox.enqueue({bytes, binary, due});
    pump();
}

void SimConnection::pump()
{
    if (m_frozen || m_gone)
        return;
    while (!m_outbox.isEmpty()) {
        const qint64 now = m_clock.elapsed();
        const Outgoing &head = m_outbox.head();
        qint64 ready = head.dueMs;
        if (m_bytesPerSecond > 0)
            ready = qMax(ready, m_lineFreeMs);
        if (ready > now) {
            m_pumpTimer->start(std::chrono::milliseconds(ready - now));
            return;
        }
        const Outgoing message = m_outbox.dequeue();
        if (m_bytesPerSecond > 0) {
            // Whole messages are paced: the line is busy for size / rate after each one.
            m_lineFreeMs = qMax(m_lineFreeMs, now) + message.bytes.size() * 1000 / m_bytesPerSecond;
        }
        write(message);
    }
}

void SimConnection::write(const Outgoing &message)
{
    if (message.binary)
        m_socket->sendBinaryMessage(message.bytes);
    else
        m_socket->sendTextMessage(QString::fromUtf8(message.bytes));
}
