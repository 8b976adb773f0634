#pragma once

#include "fault.h"
#include "faultcontroller.h"
#include "feedsimulator.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QTcpServer;
class QTcpSocket;
class QTimer;
class QWebSocketServer;
class SimConnection;

Q_DECLARE_LOGGING_CATEGORY(lcSim)

// The demo backend: speaks as the real tac-webbuilder server does (its snapshot shapes, its
// HTTP actions and REST snapshots, no hello, client_ready then the first message, every change
// broadcast on every socket) with simulated data, and breaks on request. TCP is accepted here so
// the server can answer plain HTTP (snapshots, actions, refusals, 404) or never answer at all;
// only healthy upgrades go to QWebSocketServer. The options that differ from the real server
// (hello, WebSocket commands, per-feed sockets) are off or on as the tests and docs/demo.md say.
class DemoServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoServer)

public:
    struct CommandRecord
    {
        QString id;
        QString name;
        bool ok = false;
        QString error;
        bool duplicate = false;
    };

    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    bool start(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    void stop();
    bool isListening() const;
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // ws://127.0.0.1:<port>
    QString serverId() const;
    QString errorString() const { return m_error; }
    int restartCount() const { return m_restartCount; }

    // Seed and rows rebuild the simulated data; rate restarts the feed timers.
    void setSeed(quint64 seed);
    quint64 seed() const { return m_seed; }
    void setRate(double hz); // 0: each feed at its realistic interval
    double rate() const { return m_rate; }
    void setRows(int rows);
    int rows() const { return m_rows; }
    void setEpochMs(qint64 epochMs);
    int tickIntervalMs(const QString &feed) const;

    // The real server broadcasts every change on every open socket, whatever its path. Off: each
    // socket gets its own feed only. The class starts off (tests pin one feed per socket);
    // `feedwatch --demo` and feedwatch-sim turn it on.
    void setBroadcastAll(bool all) { m_broadcastAll = all; }
    bool broadcastAll() const { return m_broadcastAll; }
    // A `hello` with server_id first on every socket (the real server sends none).
    void setHello(bool hello) { m_hello = hello; }
    bool hello() const { return m_hello; }
    // Answer {"type":"command"} with an ack (the real server ignores it; commands go over HTTP).
    void setWebSocketCommands(bool on) { m_webSocketCommands = on; }
    bool webSocketCommands() const { return m_webSocketCommands; }
    // How long a new socket waits for client_ready before its first message (real: 2 s).
    void setReadyTimeoutMs(int ms) { m_readyTimeoutMs = ms; }

    int connectionCount(const QString &feed = {}) const;
    const FeedSimulator &simulator() const { return *m_sim; }
    int appliedCount(const QString &commandName) const { return m_applied.value(commandName); }
    QList<CommandRecord> commandLog() const { return m_commandLog; }

    static QList<Sim::FaultDescriptor> faultDescriptors() { return Sim::faultDescriptors(); }
    bool isFaultActive(Sim::Fault fault, const QString &feed = {}) const;
    QList<FaultController::Entry> activeFaults() const { return m_faults->entries(); }

public slots:
    // Switchable faults go on (params.durationMs > 0: for that long); one-shot faults run now.
    void setFault(Sim::Fault fault, const QString &feed = {}, const Sim::FaultParams &params = {});
    // An empty feed clears the fault for every feed.
    void clearFault(Sim::Fault fault, const QString &feed = {});
    void clearAllFaults();

    void restart(qint64 downtimeMs = 0);
    void dropAll(const QString &feed = {});
    void closeWith(const QString &feed, int code);
    void sendMalformed(const QString &feed = {});
    void sendOversize(const QString &feed = {}, qint64 bytes = Sim::defaultOversizeBytes);
    void sendBinary(const QString &feed = {});
    void flood(const QString &feed, int count);

signals:
    void faultChanged(Sim::Fault fault, const QString &feed, bool active);
    void faultTriggered(Sim::Fault fault, const QString &feed);
    void restarted(const QString &serverId);
    void clientConnected(const QString &topic, const QString &connectionId);
    void clientDisconnected(const QString &topic, const QString &connectionId);

private:
    struct Handshake
    {
        QPointer<QTcpSocket> socket;
        QString topic;
    };

    bool listen();
    void rebuildSimulator();
    void restartTimers();
    void onTcpConnection();
    void inspectHead(QTcpSocket *socket);
    void serveHttp(QTcpSocket *socket, qsizetype headLength, const QByteArray &method,
                   const QString &path, const QByteArray &body, const QByteArray &key);
    // An operator action over HTTP: the route's command, applied once per Idempotency-Key.
    void serveAction(QTcpSocket *socket, qsizetype total, const QString &name,
                     const QJsonObject &args, const QString &feed, const QByteArray &key);
    void record(const QString &id, const QString &name, const FeedSimulator::CommandResult &r,
                bool duplicate);
    void routeFeedRequest(QTcpSocket *socket, qsizetype headLength, const QString &topic,
                          bool upgrade);
    void respond(QTcpSocket *socket, qsizetype headLength, int status, const QByteArray &body,
                 const QByteArray &contentType, bool keepOpen, const QByteArray &extraHeaders = {});
    void onWebSocketConnection();
    void onText(SimConnection *connection, const QString &message);
    void handleCommand(SimConnection *connection, const QJsonObject &command);
    void markReady(SimConnection *connection);
    void sendSnapshot(SimConnection *connection, bool force);
    // A watcher's change: to every socket (broadcastAll) or to the feed's own, once per change.
    void broadcast(const QString &feed);
    void broadcastChanged(const QStringList &feeds);
    void onFaultChanged(Sim::Fault fault, const QString &feed, bool active);
    void applyShaping(SimConnection *connection);
    void releaseHeld();
    void abortRawSockets();
    QList<SimConnection *> matching(const QString &feed) const;
    static bool matches(const QString &feed, const QString &topic);

    QTcpServer *m_tcpServer = nullptr;
    QWebSocketServer *m_wsServer = nullptr;
    FaultController *m_faults = nullptr;
    std::unique_ptr<FeedSimulator> m_sim;
    QHash<QString, QTimer *> m_tickTimers;
    QList<SimConnection *> m_connections;
    QHash<QString, Handshake> m_handshakes;   // by peer "address:port"
    QList<QPointer<QTcpSocket>> m_rawSockets; // heads, hanging, refused-but-open
    QList<QPointer<QTcpSocket>> m_held;       // waiting for a freeze to end

    QHostAddress m_address = QHostAddress(QHostAddress::LocalHost);
    quint16 m_port = 0;
    QString m_error;
    quint64 m_seed = 1;
    bool m_seeded = false;
    QString m_idBase;
    int m_restartCount = 0;
    int m_nextConnection = 1;
    double m_rate = 0;
    int m_rows = 12;
    qint64 m_epochMs = 0;
    bool m_running = false;

    bool m_broadcastAll = false;
    bool m_hello = false;
    bool m_webSocketCommands = false;
    int m_readyTimeoutMs = 2000;
    QHash<QString, QByteArray> m_lastBroadcast; // feed -> data of its last broadcast
    QHash<QByteArray, std::pair<int, QByteArray>> m_httpAnswers; // Idempotency-Key -> answer
    QHash<QString, QByteArray> m_acks; // command id -> the ack sent for it
    QHash<QString, int> m_applied;
    QList<CommandRecord> m_commandLog;
};
