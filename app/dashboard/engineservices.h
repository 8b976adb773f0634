#pragma once

#include "commands/commandrecord.h"
#include "config/settings.h"
#include "events/feedevent.h"
#include "rules/rulestatus.h"

#include <QObject>
#include <QPointer>

#include <memory>

class AlertExec;
class AlertTracker;
class Clock;
class CommandJournal;
class CommandQueue;
class FeedEngine;
class HistoryStore;
class RuleEngine;
class RuleStore;

// What lives beside the engine and outlives it: the command queue with its SQLite journal, the
// alert tracker, the alert rules over the feeds' data (RuleEngine, their state in RuleStore) and
// the persistent history (same SQLite file). Link alerts and data alerts take one path: the
// history, the event stream, the hub (notifier, tray), alerts.exec. Lives on the engine's thread,
// so every SQLite connection is opened, used and closed there; the GUI reaches it through queued
// signals and slots only (FeedHub). The window and --headless build the same object.
class EngineServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineServices)

public:
    explicit EngineServices(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~EngineServices() override;

    // Call on the owning thread. `path` is the SQLite file (journal and history); empty keeps
    // commands in memory only and no history. A file that cannot be used (locked by another
    // Feedwatch, unwritable) is reported by a `storage` event and the same in-memory fallback;
    // a history that cannot be kept while the journal works only loses the history.
    void open(const QString &path, const Settings &settings);
    // Flushes the history and closes the SQLite connections (on the owning thread).
    void close();
    QString storageError() const { return m_storageError; }
    bool isJournaled() const;

    // The queue follows `engine` (null: none); alerts and history listen to its events.
    void bindEngine(FeedEngine *engine);
    CommandQueue *queue() const { return m_queue; }
    HistoryStore *history() const { return m_history.get(); }
    RuleEngine *rules() const { return m_rules; }
    AlertExec *alertExec() const { return m_exec; }

public slots:
    void submit(const QString &id, const QString &feedId, const QString &name,
                const QJsonObject &args, const CommandRequest &request = {});
    void cancel(const QString &id);
    void retry(const QString &id);
    void publishCommands();
    // No desktop notification (nor alerts.exec) for the rule on the feed until `untilWallMs`.
    void silenceRule(const QString &ruleId, const QString &feedId, qint64 untilWallMs);

signals:
    // Command, alert and storage events (the engine's own come from the engine).
    void eventRaised(const FeedEvent &event);
    void commandChanged(const CommandRecord &record);
    void commandsReset(const QList<CommandRecord> &records);
    void commandRejected(const QString &id, const QString &feedId, const QString &name,
                         const QString &reason);
    // Alerts and events kept from earlier sessions, oldest first; once, from open().
    void historyLoaded(const QList<FeedEvent> &events);
    // `error` empty: all well; `journaled`: commands are written to the file (the error is then
    // about the history, or a single write that failed).
    void storageStateChanged(const QString &path, const QString &error, bool journaled);
    // A data alert fired or resolved (its `alert` event went out through eventRaised).
    void ruleAlertRaised(const RuleAlert &alert);
    void ruleStatusesChanged(const QList<RuleStatus> &statuses);

private:
    void onEngineEvent(const FeedEvent &event);
    void onOwnEvent(const FeedEvent &event);
    void onRuleAlert(const FeedEvent &event, const RuleAlert &alert);

    const Clock *m_clock;
    std::unique_ptr<CommandJournal> m_journal;
    std::unique_ptr<HistoryStore> m_history;
    CommandQueue *m_queue = nullptr;
    AlertTracker *m_alerts = nullptr;
    std::unique_ptr<RuleStore> m_ruleStore;
    RuleEngine *m_rules = nullptr;
    AlertExec *m_exec = nullptr;
    QPointer<FeedEngine> m_engine;
    Settings m_settings;
    QString m_path;
    QString m_storageError;
};
