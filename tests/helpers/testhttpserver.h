#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

// A minimal HTTP/1.1 server on 127.0.0.1 (OS-chosen port) for the degraded-mode poller: answers
// every GET with one status and body, then closes. HTTPS with a server configuration
// (QSslServer). Records each request line and its headers.
class TestHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestHttpServer)

public:
    struct Request
    {
        QByteArray method;
        QByteArray target;                     // path and query as sent
        QHash<QByteArray, QByteArray> headers; // names in lower case
    };

    explicit TestHttpServer(QObject *parent = nullptr);
    explicit TestHttpServer(const QSslConfiguration &tls, QObject *parent = nullptr);
    ~TestHttpServer() override;

    bool listen();
    quint16 port() const;
    QUrl url(const QString &path = QStringLiteral("/api/v1/queue")) const;
    void setResponse(int status, const QByteArray &body);

    QList<Request> requests() const { return m_requests; }

signals:
    void requestReceived();

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    bool m_secure = false;
    int m_status = 200;
    QByteArray m_body = "{}";
    QList<Request> m_requests;
};
