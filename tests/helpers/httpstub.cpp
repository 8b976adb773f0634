#include "httpstub.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

HttpStub::HttpStub(int status, const QByteArray &body, QObject *parent)
    : QObject(parent)
    , m_status(status)
    , m_body(body)
{
    m_server.listen(QHostAddress::LocalHost);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QObject::destroyed, this,
                    [this, socket] { m_buffers.remove(socket); });
        }
    });
}

QUrl HttpStub::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
}

void HttpStub::setResponse(int status, const QByteArray &body)
{
    m_status = status;
    m_body = body;
}

void HttpStub::setEndless(int chunkBytes, int everyMs, bool chunked)
{
    m_chunkBytes = chunkBytes;
    m_everyMs = everyMs;
    m_chunked = chunked;
}

void HttpStub::streamForever(QTcpSocket *socket)
{
    socket->write(m_chunked ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Transfer-Encoding: chunked\r\n\r\n"
                            : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Connection: close\r\n\r\n");
    auto *timer = new QTimer(socket);
    const QByteArray piece(m_chunkBytes, ' ');
    const QByteArray chunk =
        m_chunked ? QByteArray::number(m_chunkBytes, 16) + "\r\n" + piece + "\r\n" : piece;
    QPointer<QTcpSocket> guard(socket);
    connect(timer, &QTimer::timeout, socket, [this, guard, chunk] {
        // Only as fast as the client reads: what sits in our buffer is not "sent".
        if (!guard || guard->state() != QAbstractSocket::ConnectedState
            || guard->bytesToWrite() > 4 * chunk.size())
            return;
        guard->write(chunk);
        m_sent += m_chunkBytes;
    });
    timer->start(m_everyMs);
}

void HttpStub::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    if (!buffer.contains("\r\n\r\n"))
        return;
    m_heads << std::exchange(buffer, {});
    if (m_status == 0)
        return; // accepted, read, never answered
    if (m_chunkBytes > 0) {
        streamForever(socket);
        return;
    }
    socket->write("HTTP/1.1 " + QByteArray::number(m_status)
                  + " Stub\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(m_body.size()) + "\r\nConnection: close\r\n\r\n" + m_body);
    socket->disconnectFromHost();
}
