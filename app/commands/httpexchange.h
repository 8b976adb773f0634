#pragma once

#include "config/tlsconfig.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QSslSocket;
class QTimer;

// One HTTP/1.1 request and its answer on a connection of its own (`Connection: close`): written
// once, never again by anyone. Bodies by Content-Length, chunked, or up to the close; the answer
// is read up to a cap and within a total deadline. Plain or TLS (Tls::configuration, pins as
// everywhere else).
class HttpExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExchange)

public:
    // How far it got: what an error means depends on it.
    enum class Stage { Connecting, Sent, Answered };
    Q_ENUM(Stage)

    struct Request
    {
        QByteArray method;
        QUrl url; // http(s)://host:port/path?query
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    HttpExchange(const Request &request, const TlsSpec &tls, int timeoutMs, qint64 maxBodyBytes,
                 QObject *parent = nullptr);
    ~HttpExchange() override;

    void start();
    void abort();

    Stage stage() const { return m_stage; }
    int status() const { return m_status; }
    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return m_headers.value(lowerCaseName);
    }
    QByteArray body() const { return m_body; }
    bool timedOut() const { return m_timedOut; }
    bool oversize() const { return m_oversize; }
    // Why it ended without a complete answer (socket error, TLS problem, malformed answer).
    QString error() const { return m_error; }
    bool tlsRefused() const { return m_tlsRefused; }
    QString tag() const { return m_tag; }
    void setTag(const QString &tag) { m_tag = tag; }

signals:
    void finished();

private:
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void parse();
    bool parseHead(qsizetype end);
    bool parseChunks();
    void finish(const QString &error = {});

    Request m_request;
    TlsSpec m_tls;
    int m_timeoutMs;
    qint64 m_maxBody;
    QSslSocket *m_socket = nullptr;
    QTimer *m_deadline = nullptr;
    Stage m_stage = Stage::Connecting;
    QByteArray m_buffer;
    int m_status = 0;
    QHash<QByteArray, QByteArray> m_headers;
    QByteArray m_body;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    bool m_headDone = false;
    bool m_timedOut = false;
    bool m_oversize = false;
    bool m_tlsRefused = false;
    bool m_finished = false;
    QString m_error;
    QString m_tag;
};
