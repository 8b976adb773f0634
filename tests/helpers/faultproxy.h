#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QTcpServer;

// A toxiproxy-like TCP proxy on 127.0.0.1 for network tests. Every accepted client gets its own
// upstream connection; faults can be switched at any time and apply to existing and new
// connections alike. All delays run on QTimer, so the proxy never blocks the event loop it
// shares with the test.
class FaultProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultProxy)

public:
    enum class Direction { ToClient, ToServer, Both };
    Q_ENUM(Direction)
    // Hold keeps everything that arrives while frozen and delivers it on unfreeze; Drop
    // discards it (and whatever was still queued when the freeze started).
    enum class FreezeMode { Hold, Drop };
    Q_ENUM(FreezeMode)
    // What happens once a connection has sent its data limit to the client: Close ends both
    // sides with a FIN, Silence keeps both open and discards everything further.
    enum class LimitAction { Close, Silence };
    Q_ENUM(LimitAction)

    explicit FaultProxy(QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen(quint16 upstreamPort, const QHostAddress &upstreamHost = QHostAddress::LocalHost);
    quint16 port() const { return m_port; }
    QUrl wsUrl(const QString &path) const;

    // Latency is a floor: each chunk waits ms plus a random 0..jitterMs, never reordered.
    void setLatency(int ms, int jitterMs = 0, Direction direction = Direction::ToClient);
    // Bytes per second, 0 = unlimited.
    void setBandwidth(int bytesPerSecond, Direction direction = Direction::ToClient);
    void setFrozen(bool frozen, FreezeMode mode = FreezeMode::Hold);
    // Server -> client data in segments of at most maxSegmentBytes (0 = off), delayMs apart.
    void setSlicer(int maxSegmentBytes, int delayMs = 0);
    // Per connection, after `bytes` server -> client (HTTP response included); 0 = off.
    void setLimitData(qint64 bytes, LimitAction action = LimitAction::Close);
    // When the upstream closes, wait this long before closing the client side.
    void setSlowClose(int delayMs);
    // New clients are accepted but never connected upstream nor answered.
    void setHandshakeHang(bool hang);
    // New clients get "HTTP/1.1 <status> <reason>" instead of the upstream; 0 = off.
    void setHttpRefusal(int status, bool keepOpen = true);
    // Stops listening (new connections are refused); false listens again on the same port.
    bool setRefusing(bool refusing);
    // Back to a plain forwarding proxy (existing connections stay).
    void clearFaults();

    // Every connection: TCP RST to the client (SO_LINGER {1,0}), upstream aborted.
    void resetAll();
    // Every connection: plain FIN on both sides, no WebSocket close frame.
    void dropAll();

    int acceptedCount() const { return m_accepted; }
    int activeCount() const { return int(m_links.size()); }
    qint64 bytesToClient() const { return m_bytesToClient; }
    qint64 bytesToServer() const { return m_bytesToServer; }
    // The path of each HTTP request line seen, in accept order (query stripped).
    QStringList requestPaths() const { return m_requestPaths; }

signals:
    void clientAccepted();
    void connectionClosed();

private:
    class Link;
    void onNewConnection();
    void removeLink(Link *link);
    qint64 nowMs() const { return m_clock.elapsed(); }

    struct PipeFaults
    {
        int latencyMs = 0;
        int jitterMs = 0;
        int bytesPerSecond = 0;
    };

    QTcpServer *m_server = nullptr;
    QElapsedTimer m_clock;
    QHostAddress m_upstreamHost;
    quint16 m_upstreamPort = 0;
    quint16 m_port = 0;
    QList<Link *> m_links;
    QStringList m_requestPaths;
    int m_accepted = 0;
    qint64 m_bytesToClient = 0;
    qint64 m_bytesToServer = 0;

    PipeFaults m_faults[2]; // indexed by Direction::ToClient / ToServer
    bool m_frozen = false;
    FreezeMode m_freezeMode = FreezeMode::Hold;
    int m_sliceBytes = 0;
    int m_sliceDelayMs = 0;
    qint64 m_limitBytes = 0;
    LimitAction m_limitAction = LimitAction::Close;
    int m_slowCloseMs = 0;
    bool m_handshakeHang = false;
    int m_refusalStatus = 0;
    bool m_refusalKeepOpen = true;
};
