#include "engineservices.h"

#include "commands/commandjournal.h"
#include "commands/commandqueue.h"
#include "connection/feedengine.h"
#include "core/clock.h"
#include "events/alerttracker.h"
#include "history/historystore.h"

using namespace Qt::StringLiterals;

namespace {
// Finished commands stay visible (and retryable) for a day, then leave the journal.
constexpr qint64 kKeepFinishedMs = 24 * 3600 * 1000;
} // namespace

EngineServices::EngineServices(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_alerts(new AlertTracker(this))
{
    qRegisterMetaType<QList<FeedEvent>>();
    connect(m_alerts, &AlertTracker::alertRaised, this, &EngineServices::onOwnEvent);
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
        } else {
            m_storageError = error;
        }
    }
    m_queue = new CommandQueue(m_engine, m_journal.get(), settings, m_clock, this);
    connect(m_queue, &CommandQueue::eventRaised, this, &EngineServices::onOwnEvent);
    connect(m_queue, &CommandQueue::commandChanged, this, &EngineServices::commandChanged);
    connect(m_queue, &CommandQueue::commandsReset, this, &EngineServices::commandsReset);
    connect(m_queue, &CommandQueue::rejected, this, &EngineServices::commandRejected);
    if (!m_storageError.isEmpty()) {
        emit eventRaised({m_clock->wallMs(),
                          QString(),
                          u"storage"_s,
                          {{u"path"_s, path},
                           {u"error"_s, m_storageError},
                           {u"fallback"_s, u"commands in memory only, no history"_s}}});
    }
    emit storageStateChanged(path, m_storageError);
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
    m_history.reset();
    m_journal.reset();
}

void EngineServices::bindEngine(FeedEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    m_alerts->reset();
    if (engine)
        connect(engine, &FeedEngine::eventRaised, this, &EngineServices::onEngineEvent);
    if (engine)
        m_settings = engine->config().settings;
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

void EngineServices::submit(const QString &id, const QString &feedId, const QString &name,
                            const QJsonObject &args)
{
    if (m_queue)
        m_queue->submit(feedId, name, args, id);
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
