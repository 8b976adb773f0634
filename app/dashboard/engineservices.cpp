#include "engineservices.h"

#include "commands/commandjournal.h"
#include "commands/commandqueue.h"
#include "connection/feedengine.h"
#include "core/clock.h"
#include "events/alerttracker.h"
#include "history/historystore.h"
#include "rules/alertexec.h"
#include "rules/ruleengine.h"
#include "rules/rulestore.h"

using namespace Qt::StringLiterals;

namespace {
// Finished commands stay visible (and retryable) for a day, then leave the journal.
constexpr qint64 kKeepFinishedMs = 24 * 3600 * 1000;
} // namespace

EngineServices::EngineServices(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_alerts(new AlertTracker(m_clock, this))
    , m_rules(new RuleEngine(m_clock, this))
    , m_exec(new AlertExec(m_clock, this))
{
    qRegisterMetaType<QList<FeedEvent>>();
    connect(m_alerts, &AlertTracker::alertRaised, this, [this](const FeedEvent &event) {
        onOwnEvent(event);
        m_exec->deliver(event);
    });
    connect(m_rules, &RuleEngine::alertRaised, this, &EngineServices::onRuleAlert);
    connect(m_rules, &RuleEngine::eventRaised, this, &EngineServices::onOwnEvent);
    connect(m_rules, &RuleEngine::statusesChanged, this, &EngineServices::ruleStatusesChanged);
    connect(m_exec, &AlertExec::eventRaised, this, &EngineServices::onOwnEvent);
}

EngineServices::~EngineServices()
{
    close();
}

bool EngineServices::isJournaled() const
{
    return m_journal && m_journal->isOpen();
}

void EngineServices::open(const QString &path, const Settings &settings)
{
    if (m_queue)
        return;
    m_path = path;
    m_settings = settings;
    QList<FeedEvent> earlier;
    if (!path.isEmpty()) {
        auto journal = std::make_unique<CommandJournal>();
        QString error;
        if (journal->open(path, &error)) {
            journal->prune(m_clock->wallMs() - kKeepFinishedMs);
            m_journal = std::move(journal);
            auto history = std::make_unique<HistoryStore>();
            if (history->open(path, &error)) {
                earlier = history->load();
                m_history = std::move(history);
            } else {
                m_storageError = error;
            }
            // Rule state beside them: without it a restart fires every firing alert again.
            auto rules = std::make_unique<RuleStore>();
            QString rulesError;
            if (rules->open(path, &rulesError)) {
                m_ruleStore = std::move(rules);
                m_rules->setStore(m_ruleStore.get());
            } else if (m_storageError.isEmpty()) {
                m_storageError = rulesError;
            }
        } else {
            m_storageError = error;
        }
    }
    const bool journaled = isJournaled();
    m_queue = new CommandQueue(m_engine, m_journal.get(), settings, m_clock, this);
    connect(m_queue, &CommandQueue::eventRaised, this, &EngineServices::onOwnEvent);
    connect(m_queue, &CommandQueue::commandChanged, this, &EngineServices::commandChanged);
    connect(m_queue, &CommandQueue::commandsReset, this, &EngineServices::commandsReset);
    connect(m_queue, &CommandQueue::rejected, this, &EngineServices::commandRejected);
    connect(m_queue, &CommandQueue::journalStateChanged, this, [this](const QString &error) {
        // A write that failed (disk full) is what the operator must see until one succeeds.
        emit storageStateChanged(m_path, error.isEmpty() ? m_storageError : error, true);
    });
    if (!m_storageError.isEmpty()) {
        // The history may fail alone (its table unusable): the commands are journaled all the
        // same, and the event must not say otherwise.
        emit eventRaised({m_clock->wallMs(),
                          QString(),
                          u"storage"_s,
                          {{u"path"_s, path},
                           {u"error"_s, m_storageError},
                           {u"journaled"_s, journaled},
                           {u"history"_s, false},
                           {u"fallback"_s,
                            journaled ? u"commands journaled, no history"_s
                                      : u"commands in memory only, no history"_s}}});
    }
    emit storageStateChanged(path, m_storageError, journaled);
    // Earlier sessions first: the hub gets them before any event of this session.
    if (!earlier.isEmpty())
        emit historyLoaded(earlier);
    m_queue->recover();
    m_queue->publishAll();
}

void EngineServices::close()
{
    if (m_history)
        m_history->flush();
    delete m_queue;
    m_queue = nullptr;
    m_rules->setStore(nullptr);
    m_ruleStore.reset();
    m_history.reset();
    m_journal.reset();
}

void EngineServices::bindEngine(FeedEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    m_alerts->reset();
    if (engine) {
        connect(engine, &FeedEngine::eventRaised, this, &EngineServices::onEngineEvent);
        // Every snapshot, on this thread, before any coalescing: the window and --headless
        // evaluate the same data the same way.
        connect(engine, &FeedEngine::snapshotReceived, m_rules, &RuleEngine::observeSnapshot);
        m_settings = engine->config().settings;
        m_rules->setConfig(engine->config());
        m_exec->setCommand(engine->config().alertsExec, engine->config().alertsExecTimeoutMs);
        m_alerts->setTimings(engine->config().alertsReminderMs, engine->config().alertsQualityMs);
    }
    if (m_queue)
        m_queue->bindEngine(engine, m_settings);
}

void EngineServices::onEngineEvent(const FeedEvent &event)
{
    if (m_history)
        m_history->record(event);
    m_alerts->track(event);
}

void EngineServices::onOwnEvent(const FeedEvent &event)
{
    if (m_history)
        m_history->record(event);
    emit eventRaised(event);
}

void EngineServices::onRuleAlert(const FeedEvent &event, const RuleAlert &alert)
{
    onOwnEvent(event);
    emit ruleAlertRaised(alert);
    if (!alert.silenced)
        m_exec->deliver(event);
}

void EngineServices::silenceRule(const QString &ruleId, const QString &feedId, qint64 untilWallMs)
{
    m_rules->silence(ruleId, feedId, untilWallMs);
}

void EngineServices::submit(const QString &id, const QString &feedId, const QString &name,
                            const QJsonObject &args, const CommandRequest &request)
{
    if (m_queue)
        m_queue->submit(feedId, name, args, id, request);
    else
        emit commandRejected(id, feedId, name, u"commands are not available yet"_s);
}

void EngineServices::cancel(const QString &id)
{
    if (m_queue)
        m_queue->cancel(id);
}

void EngineServices::retry(const QString &id)
{
    if (m_queue)
        m_queue->retry(id);
}

void EngineServices::publishCommands()
{
    if (m_queue)
        m_queue->publishAll();
}
