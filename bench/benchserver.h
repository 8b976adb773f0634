#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QTcpServer;
class QTcpSocket;
class QTimer;

// The backend of the benchmarks, run as its own process (feedwatch-bench-server) so it never
// shares a thread or a core's time slice with the client it measures. It speaks just enough of
// RFC 6455 (handshake, ping/pong, close) and of docs/protocol.md (hello, client_ready, app
// pings) for Feedwatch, and sends snapshots that were framed before the run: a send is a memcpy.
// It is driven by one-line commands on stdin and answers each on stdout (see execute()).
class BenchServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BenchServer)

public:
    explicit BenchServer(QObject *parent = nullptr);
    ~BenchServer() override;

    // One listener per simulated backend, on 127.0.0.1 with OS-chosen ports.
    bool listen(int backends);
    QList<quint16> ports() const { return m_ports; }
    // Frames `ring` consecutive snapshots of `rows` rows for each of the eight feeds.
    void prepareFeeds(int rows, int ring, int changedRows);

    // Commands (one reply line each, starting with the command's name):
    //   stats                          counters, CPU and RSS of this process
    //   rate HZ                        every feed connection gets HZ snapshots/s (0 stops)
    //   ingest BYTES changing|identical COUNT   prepares queue snapshots of BYTES for blast
    //   blast fw|bare|sink ROUND       sends COUNT of them to those connections, flow-controlled;
    //                                  the last one holds a row keyed "end-ROUND"
    //   freeze / thaw                  stop / resume reading and writing every open connection
    //   restart DOWN_MS                close 1001 to all, stop listening, listen again (2 replies)
    //   drop                           abort every connection (TCP RST-free FIN, no close frame)
    //   quit
    void execute(const QByteArray &line);

signals:
    void reply(const QByteArray &line);
    void quitRequested();

private:
    enum class Role { Feedwatch, Bare, Sink };
    struct Connection
    {
        QTcpSocket *socket = nullptr;
        Role role = Role::Feedwatch;
        QString feed;
        QByteArray in;
        bool upgraded = false;
        bool ready = false; // sent client_ready; snapshots may flow
        bool frozen = false;
        qint64 position = 0;  // ring index of the last snapshot sent
        qint64 nextDueNs = 0; // rate mode
        int blastLeft = 0;
        bool blasting = false;
    };

    void write(Connection *c, const QByteArray &bytes);
    void onNewConnection(QTcpServer *listener);
    void onReadyRead(Connection *c);
    void handshake(Connection *c);
    void processFrames(Connection *c);
    void onText(Connection *c, const QByteArray &payload);
    void sendSnapshot(Connection *c, qint64 position);
    void onRateTick();
    void pumpBlast(Connection *c);
    void finishBlastIfDone();
    void restart(int downMs);
    void relisten();
    QByteArray statsLine() const;

    QList<QTcpServer *> m_listeners;
    QList<quint16> m_ports;
    QHash<QTcpSocket *, Connection *> m_connections;
    QHash<QString, QList<QByteArray>> m_rings; // feed -> framed snapshots
    QHash<QString, qint64> m_base;             // feed -> newest ring position sent
    int m_generation = 1;
    int m_nextConnection = 1;

    QTimer *m_rateTimer = nullptr;
    qint64 m_periodNs = 0;
    qint64 m_sent = 0;
    qint64 m_skipped = 0;
    qint64 m_late = 0;

    QList<QByteArray> m_ingest; // framed
    int m_ingestBytes = 0;
    bool m_ingestChanging = true;
    int m_ingestCount = 0;
    int m_round = 0;
    QByteArray m_marker;     // framed, the last message of a blast
    int m_blastsRunning = 0; // connections still sending the current blast
    bool m_blastReplyPending = false;
    qint64 m_blastStartNs = 0;
    qint64 m_blastCpuStartUs = 0;
    qint64 m_blastSent = 0;
};
