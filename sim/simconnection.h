#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QRandomGenerator>

class QTcpSocket;
class QTimer;
class QWebSocket;

// One accepted feed socket and everything the server does to its outgoing side: latency and
// bandwidth shaping (order preserved) and freezing. Owned by DemoServer; owns the QWebSocket.
class SimConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimConnection)

public:
    SimConnection(QWebSocket *socket, QTcpSocket *tcp, const QString &topic, const QString &id,
                  QObject *parent = nullptr);
    ~SimConnection() override;

    QString topic() const { return m_topic; }
    QString feed() const { return m_feed; }
    QString id() const { return m_id; }
    QWebSocket *socket() const { return m_socket; }

    // Snapshot bookkeeping for only-on-change broadcasts.
    bool isReady() const { return m_ready; }
    void setReady(bool ready) { m_ready = ready; }
    QByteArray lastData() const { return m_lastData; }
    void setLastData(const QByteArray &data) { m_lastData = data; }

    void sendText(const QByteArray &json);
    void sendBinary(const QByteArray &bytes);
    void setLatency(int latencyMs, int jitterMs);
    void setBandwidth(qint64 bytesPerSecond);
    // Frozen: nothing is written and nothing is read, so even ping frames go unanswered.
    void setFrozen(bool frozen);
    bool isFrozen() const { return m_frozen; }
    int pendingMessages() const { return int(m_outbox.size()); }

    // Sends a close frame; TCP is aborted if the peer does not finish the close within 2 s.
    void closeWith(int code, const QString &reason);
    bool isClosing() const { return m_closing; }
    // Kills TCP without a close frame: the peer sees 1006.
    void abort();

signals:
    void textReceived(const QString &message);
    void gone();

private:
    struct Outgoing
    {
        QByteArray bytes;
        bool binary = false;
        qint64 dueMs = 0;
    };
    void enqueue(const QByteArray &bytes, bool binary);
    void pump();
    void write(const Outgoing &message);

    QWebSocket *m_socket = nullptr;
    QPointer<QTcpSocket> m_tcp;
    QString m_topic;
    QString m_feed;
    QString m_id;
    bool m_ready = false;
    QByteArray m_lastData;

    QQueue<Outgoing> m_outbox;
    QTimer *m_pumpTimer = nullptr;
    QElapsedTimer m_clock;
    int m_latencyMs = 0;
    int m_jitterMs = 0;
    qint64 m_bytesPerSecond = 0;
    qint64 m_lastDueMs = 0;
    qint64 m_lineFreeMs = 0; // when the shaped "line" has sent the previous message
    bool m_frozen = false;
    bool m_gone = false;
    bool m_closing = false;
    QRandomGenerator m_jitter {42};
};
