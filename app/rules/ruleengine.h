#pragma once

#include "config/config.h"
#include "events/feedevent.h"
#include "models/feedschema.h"
#include "rules/rule.h"
#include "rules/rulestatus.h"
#include "rules/rulestore.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QTimeZone>

#include <memory>

class Clock;
class Timer;

// Evaluates the alert rules (docs/alerts.md) on the engine's thread, where snapshots are decoded:
// the window and --headless share this one path, and the GUI thread only receives the outcome
// (statuses for the Rules page and the marks, alerts for the notifier). Each changed snapshot of
// a feed (the newest of a socket read: FeedConnection) is decoded with the feed's schema (the rows
// its table shows, keyed the same way) and every rule of the feed tested on each row, or on the
// data as a whole; a tick on the injected clock re-tests what depends on time (`for`, older_than,
// unchanged_for) without new data.
//
// Transitions, not repetition: a row that enters the condition is pending, then firing once its
// `for` has passed (one `alert` event, state "firing"); leaving the condition, or vanishing from
// the data, resolves it (one event, state "resolved"). Identical data changes nothing; the same
// snapshot arriving again (another socket, a reconnect) tests the same rows with the same result;
// the state lives in RuleStore, so a restart of Feedwatch continues where it was.
class RuleEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleEngine)

public:
    // statusesChanged at most this often (the first change at once, the last one at the end of
    // the hold): a feed whose rows flap hundreds of times a second repaints the Rules page and
    // the row marks four times a second, not per snapshot. statuses() is always current.
    static constexpr int statusesHoldMs = 250;

    explicit RuleEngine(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~RuleEngine() override;

    // Where the state is kept (null: memory only); its saved state is taken over at once.
    void setStore(RuleStore *store);
    // The rules of every backend (their profile's, with the configuration's changes) on the
    // configured feeds. Kept rules keep their state.
    void setConfig(const Config &config);
    QList<RuleStatus> statuses() const;

public slots:
    void observeSnapshot(const QString &feedId, const QString &type, const QJsonValue &data);
    // Re-tests the rules whose outcome time alone can have changed by now (a pending row's
    // "for", a time getting older than its limit, a value unchanged long enough) and ends
    // silences that ran out. The timer calls it at the earliest such moment, not on a beat:
    // an idle dashboard with rules on every feed tests nothing between those moments.
    void evaluateTime();
    // No notification (and no alerts.exec) for this rule on this feed until `untilWallMs`
    // (0: now); its alerts still reach the event stream and the history.
    void silence(const QString &ruleId, const QString &feedId, qint64 untilWallMs);

signals:
    // An `alert` event (the stream's contract) and what the desktop says about it.
    void alertRaised(const FeedEvent &event, const RuleAlert &alert);
    // `rule_error` events: a rule that cannot be evaluated, once per reason.
    void eventRaised(const FeedEvent &event);
    void statusesChanged(const QList<RuleStatus> &statuses);

private:
    struct Instance
    {
        QString key;
        int state = 0; // 0 remembered only, 1 pending, 2 firing
        qint64 sinceMs = 0;
        qint64 firedMs = 0;
        QString message;
        QString text;
        QJsonObject memo;
    };
    struct Binding
    {
        Rule rule;
        QString feedId;
        QString backend;
        FeedSchema schema;
        QTimeZone zone;
        bool decodes = false; // per-row rule, or one that counts rows
        QString description;  // rule.describe(), once
        QString setupError;   // the rule cannot be read, or its feed is not there
        QString dataError;    // the last data could not be tested
        QString lastReported; // the error last said in a rule_error event
        bool hasData = false;
        QJsonValue data;
        QList<DecodedSnapshot::Row> rows;
        QString rowsProblem;
        QHash<QString, Instance> instances; // by row identity
        RuleStatus::State lastState = RuleStatus::State::Ok;
        qint64 stateSinceMs = 0;
        qint64 silencedUntilMs = 0;
        RuleStatus status;       // as last published
        bool statusDirty = true; // something status() shows may have changed since
        // The earliest wall time at which time alone can change an outcome (a pending row
        // reaching its "for", a condition on time that starts to hold); 0: only new data can.
        qint64 dueMs = 0;
    };
    struct Outcome
    {
        bool holds = false;
        QString error;
        QJsonValue value; // what the last test looked at ({$value})
    };

    static QString bindingKey(const QString &rule, const QString &feed)
    {
        return RuleStore::silenceKey(rule, feed);
    }
    void buildBinding(Binding &b, const Config &config, const BackendSpec &backend,
                      const Rule &rule) const;
    void takeRestored(Binding &b);
    void load(Binding &b, const QJsonValue &data, const Binding *decodedAlike = nullptr);
    void evaluate(Binding &b, bool timeOnly);
    // `due`: lowered to the moment a condition on time that does not hold yet will hold.
    Outcome test(const Binding &b, const DecodedSnapshot::Row *row, const QJsonObject &memo,
                 qint64 now, QList<int> *missingField, qint64 *due) const;
    bool testOne(const Binding &b, const RuleCondition &c, int index,
                 const DecodedSnapshot::Row *row, const QJsonObject &memo, qint64 now,
                 QJsonValue *value, QString *error, qint64 *due) const;
    static void remember(const RuleCondition &c, int index, const QJsonValue &value, qint64 now,
                         QJsonObject &memo);
    QString fill(const QString &text, const Binding &b, const DecodedSnapshot::Row *row,
                 const QJsonValue &value) const;
    void raise(Binding &b, const Instance &instance, bool firing);
    void persist(Binding &b, const QString &id, const Instance *instance);
    // Brings statuses() up to date (only the bindings that changed are looked at again) and
    // announces a change: through the hold when data caused it, at once for what the operator
    // or the configuration did.
    enum class Announce { Held, Now };
    void publish(Announce when = Announce::Held);
    void announce(Announce when);
    // Builds m_statuses from the bindings when one changed since.
    void refreshStatuses() const;
    // Starts the timer for the earliest due binding or silence end; stops it when none.
    void armTick();
    RuleStatus statusOf(const Binding &b) const;

    const Clock *m_clock;
    std::unique_ptr<Timer> m_tick;
    qint64 m_tickDueMs = 0; // the wall time m_tick was started for
    std::unique_ptr<Timer> m_statusesHold;
    bool m_announcePending = false;
    RuleStore *m_store = nullptr;
    QList<std::shared_ptr<Binding>> m_bindings;
    QHash<QString, QList<RuleStore::Entry>> m_restored; // by binding key, not yet bound
    QHash<QString, qint64> m_silences;                  // by binding key
    mutable QList<RuleStatus> m_statuses;               // as last announced or asked for
    mutable bool m_statusesStale = false;       // a binding's status changed since m_statuses
    mutable bool m_statusesUnannounced = false; // m_statuses changed since statusesChanged
    QList<RuleStore::Entry> m_pendingWrites;
    QList<RuleStore::Id> m_pendingRemovals;
};
