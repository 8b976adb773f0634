#include "metricsconnection.h"

#include "metrics/httprequest.h"

#include <QTcpSocket>

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    }
    return "Error";
}

MetricsServer::Response plain(int status, const QByteArray &text)
{
    MetricsServer::Response r;
    r.status = status;
    r.contentType = "text/plain; charset=utf-8";
    r.body = text;
    return r;
}
} // namespace

MetricsConnection::MetricsConnection(QTcpSocket *socket, MetricsServer *server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
{
    m_socket->setParent(this);
    // Qt reads ahead into its own buffer; bounded here, a client sending without end costs
    // one head's worth of memory until it is answered.
    m_socket->setReadBufferSize(server->limits().maxHeadBytes + 1);
    m_headTimer.setSingleShot(true);
    m_exchangeTimer.setSingleShot(true);
    connect(&m_headTimer, &QTimer::timeout, this, [this] {
        if (!m_answered)
            send(plain(408, "The request did not arrive in time.\n"), true);
    });
    connect(&m_exchangeTimer, &QTimer::timeout, this, [this] {
        m_socket->abort(); // a reader too slow for the whole exchange
        finish();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &MetricsConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &MetricsConnection::writeMore);
    connect(m_socket, &QTcpSocket::disconnected, this, &MetricsConnection::finish);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            finish();
    });
    m_headTimer.start(server->limits().headTimeoutMs);
    m_exchangeTimer.start(server->limits().exchangeTimeoutMs);
}

MetricsConnection::~MetricsConnection() = default;

void MetricsConnection::refuse(int status)
{
    send(plain(status, "Too many clients; try again.\n"), true);
}

void MetricsConnection::onReadyRead()
{
    if (m_answered) {
        m_socket->skip(m_socket->bytesAvailable()); // a request body we do not read
        return;
    }
    const int limit = m_server->limits().maxHeadBytes;
    m_head.append(m_socket->read(limit + 1 - m_head.size()));
    const qsizetype end = HttpRequest::headEnd(m_head);
    if (end < 0) {
        if (m_head.size() > limit)
            send(plain(431, "The request head is too large.\n"), true);
        return;
    }
    if (end > limit) {
        send(plain(431, "The request head is too large.\n"), true);
        return;
    }
    const HttpRequest request = HttpRequest::parse(m_head.left(end));
    if (request.error) {
        send(plain(request.error, "Not a request this server understands.\n"), true);
        return;
    }
    send(m_server->respond(request.method, request.path, request.acceptsGzip),
         request.method != "HEAD");
}

void MetricsConnection::send(const MetricsServer::Response &response, bool withBody)
{
    if (m_answered)
        return;
    m_answered = true;
    m_headTimer.stop();
    m_server->countResponse(response.status);
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status) + "\r\nContent-Type: " + response.contentType
        + "\r\nContent-Length: " + QByteArray::number(response.body.size())
        + "\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n";
    if (response.gzip)
        head += "Content-Encoding: gzip\r\n";
    if (response.status == 200)
        head += "Vary: Accept-Encoding\r\n";
    head += response.extraHeaders + "\r\n";
    m_socket->write(head);
    if (withBody)
        m_body = response.body;
    writeMore();
}

void MetricsConnection::writeMore()
{
    if (!m_answered || m_finished)
        return;
    const qsizetype chunk = m_server->limits().writeChunkBytes;
    if (m_socket->bytesToWrite() > chunk / 2)
        return;
    if (m_written < m_body.size()) {
        const qsizetype n = std::min<qsizetype>(chunk, m_body.size() - m_written);
        m_socket->write(m_body.constData() + m_written, n);
        m_written += n;
        return;
    }
    if (m_socket->bytesToWrite() == 0) {
        m_body.clear();
        // Closes after the queue drained; `disconnected` then finishes this connection.
        m_socket->disconnectFromHost();
    }
}

void MetricsConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_headTimer.stop();
    m_exchangeTimer.stop();
    emit finished();
    deleteLater();
}
