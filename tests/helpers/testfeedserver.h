#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>
#include <QUrl>
#include <QWebSocketProtocol>

class QWebSocket;
class QWebSocketServer;

// An in-process feed backend for tests: a QWebSocketServer on 127.0.0.1 with an OS-chosen port
// that records what it sees and can be told how to behave. NonSecureMode (ws://), or SecureMode
// (wss://) when built with a server TLS configuration (TestTls::serverConfiguration()).
class TestFeedServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestFeedServer)

public:
    explicit TestFeedServer(QObject *parent = nullptr);
    explicit TestFeedServer(const QSslConfiguration &tls, QObject *parent = nullptr);
    ~TestFeedServer() override;

    bool listen(quint16 port = 0);
    // Stops listening and aborts every connection, like a server process going away.
    void close();
    // close(), then listen again on the same port.
    bool restart();
    bool isListening() const;
    quint16 port() const { return m_port; }
    QUrl url(const QString &path = QStringLiteral("/api/v1/ws/queue")) const;
    QUrl baseUrl() const;

    // Sent on connect, or after the client's {"type":"client_ready"} when waiting for it.
    void setInitialSnapshot(const QByteArray &json) { m_snapshot = json; }
    void setWaitForClientReady(bool wait) { m_waitForClientReady = wait; }
    // A non-empty id makes the server send a hello first; empty turns it off.
    void setHello(const QString &serverId) { m_serverId = serverId; }
    void setAnswerAppPings(bool answer) { m_answerAppPings = answer; }

    void sendToAll(const QByteArray &text);
    void sendBinaryToAll(const QByteArray &data);
    void closeAll(QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal,
                  const QString &reason = {});
    void abortAll();

    int connectionCount() const { return m_connectionCount; }
    int activeCount() const { return int(m_clients.size()); }
    QStringList receivedMessages() const { return m_received; }
    QStringList requestPaths() const { return m_requestPaths; }
    // Each upgrade request as the server saw it: URL with its query, and the headers
    // (Authorization, Sec-WebSocket-Protocol, ...) as raw headers.
    QList<QNetworkRequest> requests() const { return m_requests; }

signals:
    void clientConnected();
    void clientDisconnected();
    void messageReceived(const QString &message);

private:
    void onNewConnection();
    void onTextMessage(QWebSocket *socket, const QString &message);
    void sendSnapshot(QWebSocket *socket);

    QWebSocketServer *m_server = nullptr;
    QList<QWebSocket *> m_clients;
    QStringList m_received;
    QStringList m_requestPaths;
    QList<QNetworkRequest> m_requests;
    QByteArray m_snapshot;
    QString m_serverId;
    quint16 m_port = 0;
    bool m_secure = false;
    int m_connectionCount = 0;
    bool m_waitForClientReady = false;
    bool m_answerAppPings = false;
};
