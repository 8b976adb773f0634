#pragma once

#include "config/config.h"
#include "connection/feedstats.h"
#include "events/feedevent.h"
#include "protocol/messagedecoder.h"

#include <QAbstractSocket>
#include <QJsonValue>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSslError>

#include <memory>

class Clock;
class HealthMonitor;
class HerdControl;
class LinkProbe;
class QNetworkAccessManager;
class QWebSocket;
class RandomSource;
class ReconnectPlanner;
class SnapshotPoller;
class Timer;
struct DecodedMessage;

// The connection of one feed: wires a QWebSocket, the ReconnectPlanner (when to try again), the
// LinkProbe (is the link alive, how fast) and the HTTP SnapshotPoller (degraded mode) together,
// and turns what happens into events and stats. One class serves every feed; the FeedSpec is
// all that differs. The rules live in the planner and the probe (docs/protocol.md,
// "Connection design"); this class only does what they decide.
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
    // The backend's herd control and this feed's rank in it (FeedEngine; optional).
    void setHerd(HerdControl *herd, int rank);
    // The network manager this feed's HTTP snapshots share with the engine's other feeds
    // (FeedEngine; without it the feed makes its own).
    void setNetworkAccess(QNetworkAccessManager *network);
    // Whether "offline" pauses this feed (network.offline_pauses; loopback, private and
    // link-local hosts stay reachable without a default route).
    static bool pausesWhenOffline(const FeedSpec &spec);

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
    // The engine inferred that the backend is restarting (its RestartTracker): waits stay short.
    void expectRestart();
    // The server is back (another feed of the backend connected): a feed waiting for its retry
    // tries now. Nothing in any other state.
    void retryNow();
    // A snapshot of this feed that came on another feed's socket (a backend that broadcasts
    // every feed on every socket; the engine routes it). Applied like one of ours unless it
    // is the data we have: returns whether it was new here.
    bool applyRoutedSnapshot(const QString &type, const QJsonValue &data, qint64 bytes,
                             const QString &fromFeedId);

signals:
    void eventRaised(const FeedEvent &event);
    void snapshotReceived(const QString &feedId, const QString &type, const QJsonValue &data);
    // A message whose type is not this feed's (another feed's snapshot, an unknown type): the
    // engine decides whose it is. Not a protocol error.
    void foreignMessage(const QString &feedId, const QString &type, const QJsonValue &data,
                        qint64 bytes);
    void ackReceived(const QString &feedId, const QString &commandId, AckOutcome outcome,
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
        bool refused = false;   // TCP connection refused
        bool heartbeat = false; // our heartbeat declared the link dead
        QJsonObject tls {};     // the refused certificate (Tls::Verdict::problem); empty otherwise
    };

    void wirePlanner();
    void wireProbe();
    void wirePoller();
    void pollFailed(const QString &error);
    void wireHealth();
    void fetchFirstPage();
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
    // A snapshot of this feed held until the socket's read is done (see onTextMessage()).
    void holdSnapshot(const QString &message, qint64 bytes);
    void flushHeldSnapshot();
    void queueFlush();
    void dispatch(const DecodedMessage &decoded, const QString &message, qint64 bytes);
    void onBinaryMessage(const QByteArray &message);
    void onSnapshot(const DecodedMessage &decoded, const QString &message, qint64 bytes);
    void onForeignSnapshot(const DecodedMessage &decoded, qint64 bytes);
    void onHello(const DecodedMessage &decoded);
    void onConnectTimeout();
    void finishAttempt();
    void endAttempt(const Outcome &outcome);
    void stopFor(Reconnect::StopReason reason, const QString &error, const QJsonObject &tls);
    void scheduleRetry(qint64 delayMs, Reconnect::Wait wait, const QString &reason);
    void countDisconnect(int code, const QString &decision);
    void setState(Feed::State state, const QString &detail = {});
    void emitEvent(const QString &kind, const QJsonObject &fields = {});
    void protocolError(const QString &error, qint64 bytes);
    void accumulateUptime();
    void setDegraded(bool degraded);
    bool canWrite() const;
    void applySnapshotData(const QString &type, const QJsonValue &data, qint64 bytes,
                           const QString &source);
    // `fields` with the token masked; the last answer reused for the same fields.
    QJsonObject maskedFields(const QJsonObject &fields);
    QJsonObject updateFields(const QString &type, qint64 bytes, bool changed,
                             const QString &source);

    FeedSpec m_spec;
    QString m_displayUrl;      // the URL without credentials, for events and texts
    QStringList m_secretForms; // the token as it may appear in text (Redaction::forms)
    const Clock *m_clock;
    ReconnectPlanner *m_planner;
    LinkProbe *m_probe;
    HealthMonitor *m_health;
    std::unique_ptr<Timer> m_connectTimer;
    EventRing m_ring;

    QPointer<QWebSocket> m_socket;
    SnapshotPoller *m_poller = nullptr; // degraded mode over HTTP; null without a snapshot URL
    Feed::Fallback m_fallback = Feed::Fallback::Starting; // while the poller is active
    QString m_fallbackError;
    qint64 m_lastPollOkWall = 0;
    bool m_everConnected = false;
    // The one HTTP GET at start (HTTP first) is in flight; not degraded-mode polling.
    bool m_httpFirst = false;
    bool m_wsDataSeen = false; // a snapshot came over the WebSocket: newer than any first GET
    QString m_dataSource;      // where the data on the page came from last: "ws" or "http"

    Feed::State m_state = Feed::State::Idle;
    Reconnect::StopReason m_stopReason = Reconnect::StopReason::None;
    bool m_online = true;
    const bool m_pausesOffline;
    bool m_connected = false;
    bool m_finishQueued = false;
    Outcome m_pending; // what the socket told us about the attempt ending

    qint64 m_successes = 0;
    QString m_lastError;
    QJsonObject m_lastTlsError;
    int m_lastCloseCode = 0;
    qint64 m_attemptStartedAt = 0;
    qint64 m_connectedAt = 0;
    qint64 m_connectedSinceWall = 0;
    qint64 m_downSinceWall = 0;
    qint64 m_startedAt = -1;
    qint64 m_connectedTotalMs = 0;
    QMap<int, qint64> m_disconnectsByCode;
    QMap<QString, qint64> m_disconnectsByDecision;

    qint64 m_messages = 0;
    qint64 m_bytes = 0;
    qint64 m_snapshots = 0;
    qint64 m_unchanged = 0;
    qint64 m_superseded = 0;
    qint64 m_protocolErrors = 0;
    qint64 m_lastMessageWall = 0;
    QString m_lastSnapshotText;
    QByteArray m_messageTypeUtf8; // m_spec.messageType, for MessageDecoder::peekSnapshot()
    struct Held
    {
        QString text; // a new snapshot, to decode; empty: none
        qint64 bytes = 0;
        int superseded = 0; // new snapshots it replaced before they were decoded
        int identical = 0;  // repeats of the last snapshot taken in since the last update event
        bool flushQueued = false;
    } m_held;
    qint64 m_lastSnapshotBytes = 0; // its UTF-8 size
    QJsonValue m_lastData;
    // The last "update" event's fields, the template for the next (see updateFields()).
    QJsonObject m_updateFields;
    QJsonObject m_maskedIn; // maskedFields(): the last fields masked, and the result
    QJsonObject m_maskedOut;
    QString m_updateType;
    QString m_updateSource;
    qint64 m_updateBytes = -1;
    bool m_updateChanged = false;
    int m_updateSuperseded = 0; // for the update event being built (flushHeldSnapshot())
    int m_updateSupersededShown = 0;
    QString m_serverId;
};
