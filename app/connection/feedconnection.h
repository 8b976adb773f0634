#pragma once

#include "config/config.h"
#include "connection/feedstats.h"
#include "events/feedevent.h"
#include "policy/backoffpolicy.h"
#include "policy/circuitbreaker.h"
#include "policy/heartbeatmonitor.h"
#include "policy/latencytracker.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QSslError>

class Clock;
class QTimer;
class QWebSocket;
class RandomSource;
class SnapshotPoller;

// The connection manager of one feed: connect, watch, measure, back off, reconnect. One class
// serves every feed; the FeedSpec is all that differs.
class FeedConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedConnection)

public:
    FeedConnection(const FeedSpec &spec, const Clock *clock, RandomSource *random,
                   QObject *parent = nullptr);
    ~FeedConnection() override;

    const FeedSpec &spec() const { return m_spec; }
    QString id() const { return m_spec.id; }
    Feed::State state() const { return m_state; }
    bool isConnected() const { return m_connected; }
    FeedStats stats() const;
    QList<FeedEvent> recentEvents() const { return m_ring.events(); }
    // Sends a text message on the live link; false (nothing sent) when not connected.
    bool sendText(const QByteArray &utf8);

public slots:
    // Starts connecting now (the engine staggers these calls).
    void start();
    // Stops and stays stopped until start() or reconnectNow().
    void stop();
    // Operator's "Reconnect": resets backoff and circuit, drops the link, connects now.
    void reconnectNow();
    // Back online, a feed waiting in Offline connects at once, or, with `resume` false, when
    // start() is called (the engine staggers that).
    void setOnline(bool online, bool resume = true);

signals:
    void eventRaised(const FeedEvent &event);
    void snapshotReceived(const QString &feedId, const QString &type, const QJsonValue &data);
    void ackReceived(const QString &feedId, const QString &commandId, bool ok,
                     const QString &error);
    void connectedChanged(const QString &feedId, bool connected);
    void statsDirty(const QString &feedId);

private:
    struct Outcome
    {
        int closeCode = 1006;
        int httpStatus = 0;
        QString reason;
        bool sawError = false;
        QJsonObject tls {}; // the refused certificate (Tls::Verdict::problem); empty otherwise
    };

    void connectNow();
    void openSocket();
    enum class Close { Abort, Polite, PoliteNoWait };
    void discardSocket(Close how = Close::Abort, const QString &closeReason = {});
    void reportOperatorClose(const QString &reason);
    void onConnected();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);
    void onTextMessage(const QString &message);
    void onBinaryMessage(const QByteArray &message);
    void onPong(quint64 elapsedMs, const QByteArray &payload);
    void onConnectTimeout();
    void onHeartbeatTick();
    void onPongOverdue();
    Quality::Tier effectiveQuality() const;
    void onStable();
    void finishAttempt();
    void endAttempt(const Outcome &outcome);
    void scheduleRetry(qint64 delayMs, const QString &reason);
    void recordRtt(double rttMs, const QString &source);
    void armHeartbeat();
    void setState(Feed::State state, const QString &detail = {});
    void emitEvent(const QString &kind, const QJsonObject &fields = {});
    void protocolError(const QString &error, qint64 bytes);
    void accumulateUptime();
    void setDegraded(bool degraded);
    void applySnapshotData(const QString &type, const QJsonValue &data, qint64 bytes,
                           const QString &source);
    QJsonObject updateFields(const QString &type, qint64 bytes, bool changed,
                             const QString &source);

    FeedSpec m_spec;
    QStringList m_secretForms; // the token as it may appear in text (Redaction::forms)
    const Clock *m_clock;
    RandomSource *m_random;
    BackoffPolicy m_backoff;
    CircuitBreaker m_circuit;
    HeartbeatMonitor m_heartbeat;
    LatencyTracker m_latency;
    EventRing m_ring;

    QPointer<QWebSocket> m_socket;
    SnapshotPoller *m_poller = nullptr; // degraded mode over HTTP; null without a snapshot URL
    Feed::Fallback m_fallback = Feed::Fallback::Starting; // while the poller is active
    QString m_fallbackError;
    qint64 m_lastPollOkWall = 0;
    bool m_everConnected = false;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_connectTimer = nullptr;
    QTimer *m_heartbeatTimer = nullptr;
    QTimer *m_stableTimer = nullptr;
    QTimer *m_overdueTimer = nullptr; // re-rates quality while a pong is late

    Feed::State m_state = Feed::State::Idle;
    QString m_stopReason;
    bool m_online = true;
    bool m_connected = false;
    bool m_finishQueued = false;
    bool m_appPings = false;      // the server answers {"type":"ping"}
    bool m_appPingProbed = false; // one probe per connection tells us
    int m_samplesThisConnection = 0;
    // A pong that is late bounds the RTT from below: the tier that bound implies, or Unknown.
    Quality::Tier m_overdueTier = Quality::Tier::Unknown;
    Outcome m_pending; // what the socket told us about the attempt ending

    int m_attempt = 0;
    qint64 m_totalAttempts = 0;
    qint64 m_totalRetries = 0;
    qint64 m_successes = 0;
    qint64 m_failures = 0;
    QString m_lastError;
    QJsonObject m_lastTlsError;
    int m_lastCloseCode = 0;
    qint64 m_attemptStartedAt = 0;
    qint64 m_connectedAt = 0;
    qint64 m_connectedSinceWall = 0;
    qint64 m_downSinceWall = 0;
    qint64 m_nextRetryAt = -1;
    qint64 m_startedAt = -1;
    qint64 m_connectedTotalMs = 0;

    qint64 m_messages = 0;
    qint64 m_bytes = 0;
    qint64 m_snapshots = 0;
    qint64 m_unchanged = 0;
    qint64 m_protocolErrors = 0;
    qint64 m_lastMessageWall = 0;
    QString m_lastSnapshotText;
    QJsonValue m_lastData;
    // The last "update" event's fields, the template for the next (see updateFields()).
    QJsonObject m_updateFields;
    QString m_updateType;
    QString m_updateSource;
    qint64 m_updateBytes = -1;
    bool m_updateChanged = false;
    QString m_serverId;
    // RTT needs sub-millisecond resolution on a LAN; Qt's pong() reports whole milliseconds.
    QElapsedTimer m_rttTimer;
    qint64 m_wsPingSentNs = -1;
    qint64 m_appPingSentNs = -1;
    double m_appPingTimestamp = -1;
};
