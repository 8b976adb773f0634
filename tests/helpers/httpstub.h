#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// A bare HTTP server on 127.0.0.1 for snapshot polling tests: records every request head and
// answers each with `status` and `body`, or, with status 0, reads the request and never answers.
class HttpStub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpStub)

public:
    explicit HttpStub(int status = 200, const QByteArray &body = "{\"phases\":[]}",
                      QObject *parent = nullptr);

    bool isListening() const { return m_server.isListening(); }
    QUrl url(const QString &path = QStringLiteral("/api/v1/queue")) const;
    void setResponse(int status, const QByteArray &body);
    // Answers 200 with a body that never ends: `chunkBytes` every `everyMs`, chunked transfer
    // encoding (or no length at all, until the client gives up).
    void setEndless(int chunkBytes, int everyMs, bool chunked = true);
    // Body bytes written to clients so far (endless mode).
    qint64 bodyBytesSent() const { return m_sent; }
    QList<QByteArray> heads() const { return m_heads; }

private:
    void onReadyRead(QTcpSocket *socket);
    void streamForever(QTcpSocket *socket);

    int m_status;
    QByteArray m_body;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_heads;
    int m_chunkBytes = 0; // > 0: endless mode
    int m_everyMs = 0;
    bool m_chunked = true;
    qint64 m_sent = 0;
    QTcpServer m_server; // last: its sockets go first, while m_buffers still exists
};
