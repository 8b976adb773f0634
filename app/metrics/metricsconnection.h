#pragma once

#include "metrics/metricsserver.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

// One client of MetricsServer, on the server's thread: reads the request head within its limits,
// answers once and closes (Connection: close). The body goes out a chunk at a time as the client
// reads it, so a client that stops reading holds one chunk, not the whole body, in the socket.
class MetricsConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsConnection)

public:
    MetricsConnection(QTcpSocket *socket, MetricsServer *server);
    ~MetricsConnection() override;

    // Answers at once with `status` (503 when too many clients are connected).
    void refuse(int status);

signals:
    void finished();

private:
    void onReadyRead();
    void send(const MetricsServer::Response &response, bool withBody);
    void writeMore();
    void finish();

    QTcpSocket *m_socket;
    MetricsServer *m_server;
    QByteArray m_head;
    QByteArray m_body;
    qsizetype m_written = 0;
    bool m_answered = false;
    bool m_finished = false;
    QTimer m_headTimer;
    QTimer m_exchangeTimer;
};
