#include "testfeedserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTestFeedServer, "feedwatch.test.server")

TestFeedServer::TestFeedServer(QObject *parent)
    : QObject(parent)
    , m_server(new QWebSocketServer(u"feedwatch-test"_s, QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &TestFeedServer::onNewConnection);
}

TestFeedServer::TestFeedServer(const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
    , m_server(new QWebSocketServer(u"feedwatch-test"_s, QWebSocketServer::SecureMode, this))
    , m_secure(true)
{
    m_server->setSslConfiguration(tls);
    connect(m_server, &QWebSocketServer::newConnection, this, &TestFeedServer::onNewConnection);
}

TestFeedServer::~TestFeedServer()
{
    abortAll();
}

bool TestFeedServer::listen(quint16 port)
{
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        qCWarning(lcTestFeedServer) << "cannot listen on" << port << m_server->errorString();
        return false;
    }
    m_port = m_server->serverPort();
    return true;
}

void TestFeedServer::close()
{
    m_server->close();
    abortAll();
}

bool TestFeedServer::restart()
{
    close();
    return listen(m_port);
}

bool TestFeedServer::isListening() const
{
    return m_server->isListening();
}

QUrl TestFeedServer::url(const QString &path) const
{
    QUrl result = baseUrl();
    result.setPath(path);
    return result;
}

QUrl TestFeedServer::baseUrl() const
{
    QUrl result;
    result.setScheme(m_secure ? u"wss"_s : u"ws"_s);
    result.setHost(u"127.0.0.1"_s);
    result.setPort(m_port);
    return result;
}

void TestFeedServer::sendToAll(const QByteArray &text)
{
    const QString message = QString::fromUtf8(text);
    for (QWebSocket *socket : std::as_const(m_clients))
        socket->sendTextMessage(message);
}

void TestFeedServer::sendBinaryToAll(const QByteArray &data)
{
    for (QWebSocket *socket : std::as_const(m_clients))
        socket->sendBinaryMessage(data);
}

void TestFeedServer::closeAll(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    const QList<QWebSocket *> clients = m_clients;
    for (QWebSocket *socket : clients)
        socket->close(code, reason);
}

void TestFeedServer::abortAll()
{
    // abort() emits disconnected() synchronously, which removes the socket from m_clients.
    const QList<QWebSocket *> clients = m_clients;
    for (QWebSocket *socket : clients)
        socket->abort();
}

void TestFeedServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        ++m_connectionCount;
        socket->setParent(this);
        m_clients.append(socket);
        m_requestPaths.append(socket->requestUrl().path());
        m_requests.append(socket->request());
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &message) { onTextMessage(socket, message); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            if (!m_clients.removeOne(socket))
                return;
            socket->deleteLater();
            emit clientDisconnected();
        });

        if (!m_serverId.isEmpty()) {
            const QJsonObject hello {
                {u"type"_s, u"hello"_s},
                {u"server_id"_s, m_serverId},
                {u"connection_id"_s, u"conn-%1"_s.arg(m_connectionCount)},
                {u"capabilities"_s, QJsonArray {u"ping"_s, u"commands"_s}},
            };
            socket->sendTextMessage(
                QString::fromUtf8(QJsonDocument(hello).toJson(QJsonDocument::Compact)));
        }
        if (!m_waitForClientReady)
            sendSnapshot(socket);
        emit clientConnected();
    }
}

void TestFeedServer::onTextMessage(QWebSocket *socket, const QString &message)
{
    m_received.append(message);
    const QJsonObject json = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = json.value(u"type"_s).toString();
    if (type == u"client_ready"_s && m_waitForClientReady) {
        sendSnapshot(socket);
    } else if (type == u"ping"_s && m_answerAppPings) {
        const QJsonObject pong {
            {u"type"_s, u"pong"_s},
            {u"timestamp"_s, json.value(u"timestamp"_s)},
            {u"server_time"_s, QDateTime::currentMSecsSinceEpoch()},
        };
        socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(pong).toJson(QJsonDocument::Compact)));
    }
    emit messageReceived(message);
}

void TestFeedServer::sendSnapshot(QWebSocket *socket)
{
    if (!m_snapshot.isEmpty())
        socket->sendTextMessage(QString::fromUtf8(m_snapshot));
}
