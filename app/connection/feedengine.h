#pragma once

#include "catalog/snapshotrouter.h"
#include "config/config.h"
#include "connection/connectiontester.h"
#include "connection/feedsnapshot.h"
#include "connection/feedstats.h"
#include "events/feedevent.h"
#include "protocol/messagedecoder.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QSet>

#include <map>
#include <memory>

class Clock;
class FeedConnection;
class HerdControl;
class QNetworkAccessManager;
class QTimer;
class RandomSource;
class RestartTracker;

// Owns one FeedConnection per configured feed and everything that spans feeds: staggered start,
// herd control and restart inference per backend (HerdControl, RestartTracker), network
// reachability, manual control and the merged event/stat streams. Talk to it through
// its slots and signals only, so it can live on its own thread.
class FeedEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedEngine)

public:
    // How long events and snapshots gather before batchReady() carries them.
    static constexpr int batchIntervalMs = 10;

    explicit FeedEngine(const Config &config, const Clock *clock = nullptr,
                        RandomSource *random = nullptr, QObject *parent = nullptr);
    ~FeedEngine() override;

    const Config &config() const { return m_config; }
    QStringList feedIds() const { return m_order; }
    bool hasFeed(const QString &feedId) const { return m_feeds.contains(feedId); }
    // The feed's stats now, as statsChanged() would carry them (default stats for an unknown
    // feed). Call it on the engine's thread.
    FeedStats stats(const QString &feedId) const;
    // Whether the feed's WebSocket is open now (commands can go out on it).
    bool isConnected(const QString &feedId) const;
    QList<FeedStats> allStats() const;
    // Follows QNetworkInformation's reachability when a backend loads; otherwise always online.
    // Returns whether a backend was found. Call it on the engine's thread; an engine on another
    // thread gets reachability through setOnline() and useReachabilityBackend() instead.
    bool followSystemReachability();

public slots:
    void start();
    // Sends the stats that changed since the last batch now, not at the next 200 ms tick.
    void publishStats();
    void stopAll();
    void reconnect(const QString &feedId);
    void reconnectAll();
    void stopFeed(const QString &feedId);
    void startFeed(const QString &feedId);
    void testConnection(const QString &feedId);
    // Opens a feed the backend's profile describes but the configuration does not start, such
    // as "adw-state/e5f6a7b8" (an instance of "adw-state/{adw_id}"), on the first (or named)
    // backend, and starts it. An unknown name or one already open does nothing.
    void openFeed(const QString &feedName, const QString &backend = {});
    void removeFeed(const QString &feedId);
    void setOnline(bool online);
    // Says which reachability backend drives setOnline() from now on, and its current answer.
    void useReachabilityBackend(const QString &backend, bool online);
    // Sends a text message on the feed's live link; false when it is not connected.
    bool sendText(const QString &feedId, const QByteArray &utf8);

signals:
    void eventRaised(const FeedEvent &event);
    void snapshotReceived(const QString &feedId, const QString &type, const QJsonValue &data);
    // The same events and changed snapshots, gathered for a consumer on another thread (the
    // dashboard): a queued call per message costs a post and a wake-up of that thread, which
    // under a flood outweighs the parsing. Only each feed's newest snapshot is carried; the ones
    // it superseded would have been dropped by the consumer's coalescer. Pending items go out
    // before any other signal, so the order between signals stays as emitted.
    void batchReady(const QList<FeedEvent> &events, const QList<FeedSnapshot> &snapshots);
    void statsChanged(const FeedStats &stats);
    void testFinished(const TestResult &result);
    void ackReceived(const QString &feedId, const QString &commandId, AckOutcome outcome,
                     const QString &error);
    void connectedChanged(const QString &feedId, bool connected);
    void feedAdded(const QString &feedId);
    void feedRemoved(const QString &feedId);

private:
    FeedConnection *createFeed(const FeedSpec &spec);
    // The feed's stats with its backend's restart incident.
    FeedStats statsOf(const FeedConnection *feed) const;
    void markBackendDirty(const QString &backend);
    // `manual`: reconnectNow(); `retry`: retryNow() (the server is back); else start().
    void enqueueStaggered(const QStringList &ids, bool manual, bool retry = false);
    void onForeignMessage(const QString &feedId, const QString &type, const QJsonValue &data,
                          qint64 bytes);
    void startNextStaggered();
    void flushStats();
    void emitAppEvent(const QString &kind, const QJsonObject &fields);
    void forwardEvent(const FeedEvent &event);
    void forwardSnapshot(const QString &feedId, const QString &type, const QJsonValue &data);
    bool batching() const;
    void flushBatch();

    Config m_config;
    const Clock *m_clock;
    RandomSource *m_random;
    QHash<QString, FeedConnection *> m_feeds;
    RestartTracker *m_restarts = nullptr;
    // Every feed's HTTP snapshots: one manager, so one HTTP thread, for the whole engine.
    QNetworkAccessManager *m_network = nullptr;
    std::map<QString, std::unique_ptr<HerdControl>> m_herds; // per backend
    QStringList m_order;
    QStringList m_staggerQueue;
    QSet<QString> m_manualInQueue;
    QSet<QString> m_retryInQueue;
    QTimer *m_staggerTimer = nullptr;
    QTimer *m_statsTimer = nullptr;
    QTimer *m_batchTimer = nullptr;
    QList<FeedEvent> m_batchEvents;
    QList<FeedSnapshot> m_batchSnapshots;        // one per feed, newest data
    QHash<QString, qsizetype> m_batchSnapshotAt; // feed -> index in m_batchSnapshots
    QSet<QString> m_dirty;
    QHash<QString, Feed::State> m_emittedState; // the state each feed's last stats carried
    SnapshotRouter m_router; // broadcast routing and what each feed's table holds
    bool m_online = true;
    bool m_started = false;
};
