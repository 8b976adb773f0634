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

// The demo backend: serves docs/protocol.md on loopback WebSockets with simulated data, and
// breaks on request. TCP is accepted here so the server can answer plain HTTP (snapshots,
// refusals, 404) or never answer at all; only healthy upgrades go to QWebSocketServer.
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
    void routeFeedRequest(QTcpSocket *socket, qsizetype headLength, const QString &topic,
                          bool webSocket, bool upgrade);
    void respond(QTcpSocket *socket, qsizetype headLength, int status, const QByteArray &body,
                 const QByteArray &contentType, bool keepOpen);
    void onWebSocketConnection();
    void onText(SimConnection *connection, const QString &message);
    void handleCommand(SimConnection *connection, const QJsonObject &command);
    void markReady(SimConnection *connection);
    void sendSnapshot(SimConnection *connection, bool force);
    void broadcast(const QString &feed);
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

    QHash<QString, QByteArray> m_acks; // command id -> the ack sent for it
    QHash<QString, int> m_applied;
    QList<CommandRecord> m_commandLog;
};
