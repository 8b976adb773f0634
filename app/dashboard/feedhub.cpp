#include "feedhub.h"

#include "connection/feedengine.h"
#include "core/tsan.h"
#include "dashboard/engineservices.h"
#include "models/commandsmodel.h"
#include "models/connectionsmodel.h"
#include "models/eventlogmodel.h"
#include "models/feedschemas.h"
#include "models/feedtablemodel.h"
#include "models/snapshotcoalescer.h"

#include <QDateTime>
#include <QUuid>

using namespace Qt::StringLiterals;

FeedHub::FeedHub(const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_connections(new ConnectionsModel(nullptr, this))
    , m_eventLog(new EventLogModel(10000, this))
    , m_commands(new CommandsModel(nullptr, this))
{
    connect(m_commands, &CommandsModel::pendingChanged, this, [this](const QString &feedId) {
        const int pending = m_commands->pendingCount(feedId);
        m_connections->setPendingCommands(feedId, pending);
        emit pendingCommandsChanged(feedId, pending);
    });
    for (const FeedSpec &spec : std::as_const(m_config.feeds)) {
        m_feedIds.append(spec.id);
        ensureTable(spec.id, spec.messageType);
        FeedStats initial;
        initial.feedId = spec.id;
        initial.backend = spec.backend;
        initial.circuitThreshold = spec.settings.circuitFailureThreshold;
        m_stats.insert(spec.id, initial);
        m_connections->updateStats(initial);
    }
}

FeedHub::~FeedHub() = default;

void FeedHub::attach(FeedEngine *engine)
{
    detach();
    m_engine = engine;
    // Events and snapshots come in batches: one queued call per message would wake this thread
    // for every message of a flood.
    connect(engine, &FeedEngine::batchReady, this, &FeedHub::onBatch);
    connect(engine, &FeedEngine::statsChanged, this, &FeedHub::onStats);
    connect(engine, &FeedEngine::testFinished, this, &FeedHub::testFinished);
    connect(engine, &FeedEngine::feedAdded, this, &FeedHub::onFeedAdded);
    connect(engine, &FeedEngine::feedRemoved, this, &FeedHub::onFeedRemoved);
    connect(this, &FeedHub::reconnectRequested, engine, &FeedEngine::reconnect);
    connect(this, &FeedHub::reconnectAllRequested, engine, &FeedEngine::reconnectAll);
    connect(this, &FeedHub::stopRequested, engine, &FeedEngine::stopFeed);
    connect(this, &FeedHub::startRequested, engine, &FeedEngine::startFeed);
    connect(this, &FeedHub::testRequested, engine, &FeedEngine::testConnection);
}

FeedEngine *FeedHub::engine() const
{
    return m_engine;
}

void FeedHub::attachServices(EngineServices *services)
{
    detachServices();
    m_services = services;
    connect(services, &EngineServices::eventRaised, this, &FeedHub::onEvent);
    connect(services, &EngineServices::commandChanged, this, &FeedHub::onCommandChanged);
    connect(services, &EngineServices::commandsReset, m_commands, &CommandsModel::reset);
    connect(services, &EngineServices::commandRejected, this, &FeedHub::commandRejected);
    connect(services, &EngineServices::historyLoaded, m_eventLog, &EventLogModel::appendEarlier);
    connect(services, &EngineServices::storageStateChanged, this,
            [this](const QString &path, const QString &error) {
                m_storagePath = path;
                m_storageError = error;
                emit storageChanged();
            });
    connect(this, &FeedHub::commandSubmitRequested, services, &EngineServices::submit);
    connect(this, &FeedHub::commandCancelRequested, services, &EngineServices::cancel);
    connect(this, &FeedHub::commandRetryRequested, services, &EngineServices::retry);
}

bool FeedHub::hasCommands() const
{
    return !m_services.isNull();
}

void FeedHub::detachServices()
{
    if (!m_services)
        return;
    disconnect(m_services, nullptr, this, nullptr);
    disconnect(m_services, nullptr, m_commands, nullptr);
    disconnect(m_services, nullptr, m_eventLog, nullptr);
    disconnect(this, nullptr, m_services, nullptr);
    m_services = nullptr;
}

QString FeedHub::commandFeed(const QString &commandName, const QString &backend) const
{
    const QString name = Command::ownerFeed(commandName);
    if (name.isEmpty())
        return {};
    const QString id =
        backend.isEmpty() || m_config.backends.size() < 2 ? name : backend + u'/' + name;
    return m_feedIds.contains(id) ? id : QString();
}

QString FeedHub::submitCommand(const QString &feedId, const QString &name, const QJsonObject &args)
{
    if (!m_services) {
        emit commandRejected({}, feedId, name, tr("Commands are not available in this session."));
        return {};
    }
    if (feedId.isEmpty() || !m_feedIds.contains(feedId)) {
        const QString owner = Command::ownerFeed(name);
        emit commandRejected(
            {}, feedId, name,
            feedId.isEmpty() && !owner.isEmpty()
                ? tr("%1 goes out on the %2 feed, which is not configured.").arg(name, owner)
                : tr("There is no feed \"%1\" to send %2 on.").arg(feedId, name));
        return {};
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    emit commandSubmitRequested(id, feedId, name, args);
    return id;
}

void FeedHub::cancelCommand(const QString &id)
{
    emit commandCancelRequested(id);
}

void FeedHub::retryCommand(const QString &id)
{
    emit commandRetryRequested(id);
}

void FeedHub::onCommandChanged(const CommandRecord &record)
{
    m_commands->upsert(record);
    emit commandChanged(record);
}

void FeedHub::detach()
{
    if (!m_engine)
        return;
    disconnect(m_engine, nullptr, this, nullptr);
    disconnect(this, nullptr, m_engine, nullptr);
    m_engine = nullptr;
}

void FeedHub::reattach(FeedEngine *engine, const Config &config)
{
    detach();
    m_config = config;
    QStringList wanted;
    for (const FeedSpec &spec : std::as_const(m_config.feeds))
        wanted << spec.id;
    const QStringList current = m_feedIds;
    for (const QString &id : current) {
        if (!wanted.contains(id))
            onFeedRemoved(id);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const FeedSpec &spec : std::as_const(m_config.feeds)) {
        ensureTable(spec.id, spec.messageType);
        onFeedAdded(spec.id);
        // The old engine is gone: whatever it said about the link no longer holds.
        FeedStats reset = m_stats.value(spec.id);
        if (reset.state == Feed::State::Connected)
            reset.downSinceWallMs = now;
        reset.backend = spec.backend;
        reset.state = Feed::State::Idle;
        reset.connectedSinceWallMs = 0;
        reset.nextRetryWallMs = 0;
        reset.quality = Quality::Tier::Disconnected;
        reset.circuitThreshold = spec.settings.circuitFailureThreshold;
        m_stats.insert(spec.id, reset);
        m_connections->updateStats(reset);
        emit statsChanged(reset);
    }
    m_feedIds = wanted;
    emit overallChanged();
    attach(engine);
}

FeedTableModel *FeedHub::ensureTable(const QString &feedId, const QString &snapshotType)
{
    if (FeedTableModel *existing = m_tables.value(feedId))
        return existing;
    auto *model = new FeedTableModel(FeedSchemas::forSnapshotType(snapshotType), this);
    auto *coalescer = new SnapshotCoalescer(nullptr, this);
    connect(coalescer, &SnapshotCoalescer::snapshotReady, model, &FeedTableModel::applySnapshot);
    connect(coalescer, &SnapshotCoalescer::snapshotReady, this,
            [this, feedId] { emit feedDataChanged(feedId); });
    m_tables.insert(feedId, model);
    m_coalescers.insert(feedId, coalescer);
    return model;
}

void FeedHub::onBatch(const QList<FeedEvent> &events, const QList<FeedSnapshot> &snapshots)
{
    Tsan::acquire(events.constData()); // written on the engine thread (FeedEngine::flushBatch)
    Tsan::acquire(snapshots.constData());
    for (const FeedEvent &event : events)
        onEvent(event);
    // Each feed's table is updated in an event of its own: eight 100-row diffs in one go would
    // block the loop for a frame or two, one at a time lets it paint and run timers in between.
    for (const FeedSnapshot &snapshot : snapshots) {
        QMetaObject::invokeMethod(
            this, [this, snapshot] { onSnapshot(snapshot.feedId, snapshot.type, snapshot.data); },
            Qt::QueuedConnection);
    }
}

void FeedHub::onSnapshot(const QString &feedId, const QString &type, const QJsonValue &data)
{
    ensureTable(feedId, type);
    m_coalescers.value(feedId)->submit(data);
}

const FeedStats &FeedHub::stats(const QString &feedId) const
{
    // By reference: the summaries look at every feed's state on each change, and a FeedStats
    // copy is a dozen strings.
    static const FeedStats unknown;
    const auto it = m_stats.constFind(feedId);
    return it == m_stats.cend() ? unknown : *it;
}

int FeedHub::liveCount() const
{
    int live = 0;
    for (const FeedStats &s : m_stats)
        live += s.state == Feed::State::Connected ? 1 : 0;
    return live;
}

Quality::Tier FeedHub::worstQuality() const
{
    // Order of badness: disconnected beats bad beats poor ... ; unknown only if nothing else.
    auto rank = [](Quality::Tier t) {
        switch (t) {
        case Quality::Tier::Disconnected:
            return 5;
        case Quality::Tier::Bad:
            return 4;
        case Quality::Tier::Poor:
            return 3;
        case Quality::Tier::Good:
            return 2;
        case Quality::Tier::Unknown:
            return 1;
        case Quality::Tier::Excellent:
            return 0;
        }
        return 0;
    };
    Quality::Tier worst = Quality::Tier::Excellent;
    if (m_stats.isEmpty())
        return Quality::Tier::Disconnected;
    for (const FeedStats &s : m_stats) {
        if (rank(s.quality) > rank(worst))
            worst = s.quality;
    }
    return worst;
}

void FeedHub::onStats(const FeedStats &stats)
{
    if (!m_stats.contains(stats.feedId))
        onFeedAdded(stats.feedId);
    const FeedStats before = m_stats.value(stats.feedId);
    m_stats.insert(stats.feedId, stats);
    m_connections->updateStats(stats);
    emit statsChanged(stats);
    if (before.state != stats.state || before.quality != stats.quality)
        emit overallChanged();
}

void FeedHub::onEvent(const FeedEvent &event)
{
    m_eventLog->append(event);
    if (event.event == "latency"_L1) {
        const double rtt = event.fields.value("rtt_ms"_L1).toDouble();
        QList<QPointF> &samples = m_latency[event.feed];
        samples.append(QPointF(double(event.wallMs), rtt));
        const double cutoff = double(event.wallMs - m_latencyWindowMs);
        qsizetype drop = 0;
        while (drop < samples.size() && samples.at(drop).x() < cutoff)
            ++drop;
        if (drop > 0)
            samples.remove(0, drop);
        emit latencySample(event.feed, event.wallMs, rtt);
    }
    emit eventReceived(event);
}

void FeedHub::onFeedAdded(const QString &feedId)
{
    if (m_feedIds.contains(feedId))
        return;
    m_feedIds.append(feedId);
    FeedStats initial;
    initial.feedId = feedId;
    m_stats.insert(feedId, initial);
    m_connections->updateStats(initial);
    emit feedAdded(feedId);
}

void FeedHub::onFeedRemoved(const QString &feedId)
{
    m_feedIds.removeAll(feedId);
    m_stats.remove(feedId);
    m_latency.remove(feedId);
    m_connections->removeFeed(feedId);
    emit feedRemoved(feedId);
    emit overallChanged();
}
