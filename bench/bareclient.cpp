#include "bareclient.h"

#include "procstats.h"

#include <QJsonDocument>

BareClient::BareClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BareClient::onText);
}

void BareClient::open(const QUrl &url)
{
    // The same limits Feedwatch sets (connection/handshake.cpp), so both read alike.
    m_socket.setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
    m_socket.setMaxAllowedIncomingFrameSize(16 * 1024 * 1024);
    m_socket.open(url);
}

void BareClient::expect(int count)
{
    m_expected = count;
    m_received = 0;
    m_invalid = 0;
    m_finishedAtNs = 0;
}

void BareClient::onText(const QString &message)
{
    const QJsonDocument doc = QJsonDocument::fromJson(message.toUtf8());
    if (!doc.isObject())
        ++m_invalid;
    if (++m_received == m_expected) {
        m_finishedAtNs = ProcStats::monotonicNs();
        emit finished();
    }
}
