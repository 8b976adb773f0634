#include "sinkclient.h"

#include "procstats.h"

SinkClient::SinkClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &SinkClient::onReadyRead);
}

void SinkClient::open(quint16 port, const QByteArray &path)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.write("GET " + path
                   + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Key: ZmVlZHdhdGNoLWJlbmNoIQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n");
}

void SinkClient::expect(const QByteArray &marker)
{
    m_marker = marker;
    m_tail.clear();
    m_bytes = 0;
    m_finishedAtNs = 0;
}

void SinkClient::onReadyRead()
{
    QByteArray chunk = m_socket.readAll();
    if (!m_upgraded) {
        m_head.append(chunk);
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_upgraded = true;
        chunk = m_head.mid(end + 4);
        m_head.clear();
    }
    m_bytes += chunk.size();
    if (m_marker.isEmpty() || m_finishedAtNs != 0)
        return;
    const QByteArray window = m_tail + chunk.right(m_marker.size() + 256);
    if (window.contains(m_marker)) {
        m_finishedAtNs = ProcStats::monotonicNs();
        emit finished();
    }
    m_tail = chunk.right(m_marker.size());
}
