#pragma once

#include "catalog/feeddefinition.h"
#include "commands/commandaction.h"
#include "commands/commandrecord.h"
#include "config/config.h"
#include "connection/connectiontester.h"
#include "connection/feedsnapshot.h"
#include "connection/feedstats.h"
#include "events/feedevent.h"
#include "events/feedtimeline.h"
#include "rules/rulestatus.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QPointF>
#include <QPointer>

class Clock;
class CommandsModel;
class ConnectionsModel;
class EngineServices;
class EventLogModel;
class FeedEngine;
class FeedTableModel;
class SnapshotCoalescer;

// The dashboard's side of the engine, on the GUI thread. Engine signals arrive here (queued
// across threads) and become models the widgets bind to; operator actions leave as requests to
// the engine. Widgets talk to this object and never to the engine.
class FeedHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedHub)

public:
    explicit FeedHub(const Config &config, QObject *parent = nullptr);
    ~FeedHub() override;

    // Connects both ways; the engine may live on another thread.
    void attach(FeedEngine *engine);
    // Cuts every connection to the attached engine; late signals from it are ignored.
    void detach();
    // Switches to a new engine built from `config` (settings applied without restart). Tables,
    // rows and the event log are kept; feeds the new config lacks are removed, new ones added,
    // and no kept feed looks live until the new engine says so.
    void reattach(FeedEngine *engine, const Config &config);
    FeedEngine *engine() const;
    // The command queue, alerts and history beside the engine (they may live on its thread).
    // They stay attached across engine swaps.
    void attachServices(EngineServices *services);
    void detachServices();
    bool hasCommands() const;
    // Where commands are journaled, and why not when they are not (empty: all well).
    QString storagePath() const { return m_storagePath; }
    QString storageError() const { return m_storageError; }
    // Whether commands are written to the journal file (storageError() may then be about the
    // history, or about one write that failed).
    bool isJournaled() const { return m_journaled; }

    const Config &config() const { return m_config; }
    QStringList feedIds() const { return m_feedIds; }
    // The table of a feed; created when the feed is known, null for an unknown id.
    FeedTableModel *tableModel(const QString &feedId) const { return m_tables.value(feedId); }
    // What the feed's page shows (its profile entry); a generic one for an unknown id.
    FeedDefinition definition(const QString &feedId) const;
    // Whether the feed was opened at run time (from a row) rather than configured: its page
    // can be closed.
    bool isOpenedAtRunTime(const QString &feedId) const;
    // The operator actions its backend's profile offers on the feed's page.
    QList<CommandAction> actions(const QString &feedId) const;
    ConnectionsModel *connections() const { return m_connections; }
    // The engine's clock, for the countdowns the models compute (tests drive it by hand).
    void setClock(const Clock *clock);
    // The feed's data as its table last applied it (for a feed action's rules); undefined before
    // the first snapshot.
    QJsonValue latestData(const QString &feedId) const
    {
        return m_latestData.value(feedId, QJsonValue(QJsonValue::Undefined));
    }
    CommandsModel *commands() const { return m_commands; }
    // The feed a command goes out on, for the given backend (empty: the current single one);
    // empty when that feed is not configured.
    QString commandFeed(const QString &commandName, const QString &backend = {}) const;
    EventLogModel *eventLog() const { return m_eventLog; }
    // Valid until the hub next takes stats (copy it to keep it); default stats for an unknown id.
    const FeedStats &stats(const QString &feedId) const;
    int liveCount() const;
    Quality::Tier worstQuality() const;
    // (wall ms, RTT ms) samples of the last `latencyWindowMs`, oldest first.
    QList<QPointF> latencySamples(const QString &feedId) const { return m_latency.value(feedId); }
    qint64 latencyWindowMs() const { return m_latencyWindowMs; }
    // Every alert rule on every feed, as the engine last evaluated them (the Rules page).
    QList<RuleStatus> ruleStatuses() const { return m_ruleStatuses; }
    // The feed's last link events (FeedTimeline: no updates, latencies or scores), oldest first.
    QList<FeedEvent> timeline(const QString &feedId) const { return m_timeline.events(feedId); }
    void setLatencyWindowMs(qint64 ms) { m_latencyWindowMs = ms; }

public slots:
    void reconnect(const QString &feedId) { emit reconnectRequested(feedId); }
    void reconnectAll() { emit reconnectAllRequested(); }
    void stopFeed(const QString &feedId) { emit stopRequested(feedId); }
    void startFeed(const QString &feedId) { emit startRequested(feedId); }
    void testConnection(const QString &feedId) { emit testRequested(feedId); }
    // Opens a feed the backend's profile describes ("adw-state/e5f6a7b8") on `backend` (empty:
    // the first); returns its id, or empty when the profile has no such feed.
    QString openFeed(const QString &feedName, const QString &backend = {});
    // Closes a feed opened at run time (its page closes with it); configured feeds stay.
    void closeFeed(const QString &feedId);
    // Hands an operator command to the queue (on the engine thread) and returns its id. A
    // command that cannot go anywhere (unknown feed, no queue) returns an empty id and is
    // reported at once by commandRejected(); the queue reports a full queue the same way.
    QString submitCommand(const QString &feedId, const QString &name, const QJsonObject &args = {},
                          const CommandRequest &request = {});
    // A profile action on `context` (the row, or the feed's snapshot for a feed action), on the
    // action's feed of `backend`: filled in and submitted. Empty id when it cannot be (a field
    // the templates need is missing, the feed is not configured): commandRejected() says why.
    QString submitAction(const CommandAction &action, const QJsonObject &context,
                         const QString &backend = {});
    // The feed id that carries `action` on `backend` ("queue", or "prod/queue"); empty when that
    // feed is not configured.
    QString actionFeed(const CommandAction &action, const QString &backend = {}) const;
    void cancelCommand(const QString &id);
    void retryCommand(const QString &id);
    // No desktop notification for the rule on the feed until `untilWallMs` (0: now).
    void silenceRule(const QString &ruleId, const QString &feedId, qint64 untilWallMs)
    {
        emit ruleSilenceRequested(ruleId, feedId, untilWallMs);
    }

signals:
    // Requests, wired to the engine by attach().
    void reconnectRequested(const QString &feedId);
    void reconnectAllRequested();
    void stopRequested(const QString &feedId);
    void startRequested(const QString &feedId);
    void testRequested(const QString &feedId);
    void openFeedRequested(const QString &feedName, const QString &backend);
    void closeFeedRequested(const QString &feedId);
    void commandSubmitRequested(const QString &id, const QString &feedId, const QString &name,
                                const QJsonObject &args, const CommandRequest &request);
    void commandCancelRequested(const QString &id);
    void commandRetryRequested(const QString &id);
    void ruleSilenceRequested(const QString &ruleId, const QString &feedId, qint64 untilWallMs);

    // Notifications for widgets.
    void statsChanged(const FeedStats &stats);
    void overallChanged(); // live count, worst quality or a restart incident may have changed
    void eventReceived(const FeedEvent &event);
    void latencySample(const QString &feedId, qint64 wallMs, double rttMs);
    void testFinished(const TestResult &result);
    void feedAdded(const QString &feedId);
    void feedRemoved(const QString &feedId);
    // A panel's data changed (after coalescing).
    void feedDataChanged(const QString &feedId);
    void commandChanged(const CommandRecord &record);
    // A submit, cancel or retry was refused; `id` is empty when it never reached the queue.
    void commandRejected(const QString &id, const QString &feedId, const QString &name,
                         const QString &reason);
    void pendingCommandsChanged(const QString &feedId, int pending);
    void storageChanged();
    // A data alert fired or resolved (its `alert` event arrives through eventReceived too).
    void ruleAlertRaised(const RuleAlert &alert);
    void ruleStatusesChanged(const QList<RuleStatus> &statuses);

private:
    void onBatch(const QList<FeedEvent> &events, const QList<FeedSnapshot> &snapshots);
    void onSnapshot(const QString &feedId, const QString &type, const QJsonValue &data);
    void onStats(const FeedStats &stats);
    void onEvent(const FeedEvent &event);
    void onFeedAdded(const QString &feedId);
    void onFeedRemoved(const QString &feedId);
    void onCommandChanged(const CommandRecord &record);
    FeedTableModel *ensureTable(const QString &feedId);
    void markAlertedRows();

    Config m_config;
    QPointer<FeedEngine> m_engine;
    quint64 m_generation = 0; // of the attached engine; late signals of earlier ones are dropped
    QPointer<EngineServices> m_services;
    QList<RuleStatus> m_ruleStatuses;
    QString m_storagePath;
    QString m_storageError;
    bool m_journaled = false;
    QStringList m_feedIds;
    QHash<QString, FeedTableModel *> m_tables;
    QHash<QString, SnapshotCoalescer *> m_coalescers;
    QHash<QString, FeedStats> m_stats;
    QHash<QString, QList<QPointF>> m_latency;
    QHash<QString, QJsonValue> m_latestData;
    qint64 m_latencyWindowMs = 10 * 60 * 1000;
    FeedTimeline m_timeline;
    ConnectionsModel *m_connections = nullptr;
    EventLogModel *m_eventLog = nullptr;
    CommandsModel *m_commands = nullptr;
};
