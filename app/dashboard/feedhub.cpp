#include "feedhub.h"

#include "connection/feedengine.h"
#include "core/tsan.h"
#include "dashboard/engineservices.h"
#include "models/commandsmodel.h"
#include "models/connectionsmodel.h"
#include "models/eventlogmodel.h"
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
        ensureTable(spec.id);
        FeedStats initial;
        initial.feedId = spec.id;
        initial.backend = spec.backend;
        initial.circuitThreshold = spec.settings.circuitFailureThreshold;
        m_stats.insert(spec.id, initial);
        m_connections->updateStats(initial);
    }
}

FeedHub::~FeedHub() = default;

void FeedHub::setClock(const Clock *clock)
{
    m_connections->setClock(clock);
}

void FeedHub::attach(FeedEngine *engine)
{
    detach();
    m_engine = engine;
    // Signals an engine queued before it was detached still arrive afterwards (disconnect()
    // does not recall posted events): each is tagged with the engine's generation and dropped
    // when it is not the current one, or a removed feed would come back as a ghost row that
    // counts in "live" and "worst quality" forever.
    const quint64 generation = ++m_generation;
    auto current = [this, generation] {
        return generation == m_generation;
    };
    // Events and snapshots come in batches: one queued call per message would wake this thread
    // for every message of a flood.
    connect(engine, &FeedEngine::batchReady, this,
            [this, current](const QList<FeedEvent> &events, const QList<FeedSnapshot> &snapshots) {
                // Written on the engine thread (FeedEngine::flushBatch); freed here even if late.
                Tsan::acquire(events.constData());
                Tsan::acquire(snapshots.constData());
                if (current())
                    onBatch(events, snapshots);
            });
    connect(engine, &FeedEngine::statsChanged, this, [this, current](const FeedStats &stats) {
        if (current())
            onStats(stats);
    });
    connect(engine, &FeedEngine::testFinished, this, [this, current](const TestResult &result) {
        if (current())
            emit testFinished(result);
    });
    connect(engine, &FeedEngine::feedAdded, this, [this, current](const QString &id) {
        if (current())
            onFeedAdded(id);
    });
    connect(engine, &FeedEngine::feedRemoved, this, [this, current](const QString &id) {
        if (current())
            onFeedRemoved(id);
    });
    connect(this, &FeedHub::reconnectRequested, engine, &FeedEngine::reconnect);
    connect(this, &FeedHub::reconnectAllRequested, engine, &FeedEngine::reconnectAll);
    connect(this, &FeedHub::stopRequested, engine, &FeedEngine::stopFeed);
    connect(this, &FeedHub::startRequested, engine, &FeedEngine::startFeed);
    connect(this, &FeedHub::testRequested, engine, &FeedEngine::testConnection);
    connect(this, &FeedHub::openFeedRequested, engine, &FeedEngine::openFeed);
    connect(this, &FeedHub::closeFeedRequested, engine, &FeedEngine::removeFeed);
}

FeedDefinition FeedHub::definition(const QString &feedId) const
{
    if (const std::optional<FeedSpec> spec = ConfigLoader::specFor(m_config, feedId))
        return spec->definition();
    return FeedDefinition::generic(ConfigLoader::splitFeedId(m_config, feedId).second);
}

QList<CommandAction> FeedHub::actions(const QString &feedId) const
{
    const auto [backend, name] = ConfigLoader::splitFeedId(m_config, feedId);
    return ConfigLoader::actionsOf(m_config, backend).forFeed(name);
}

bool FeedHub::isOpenedAtRunTime(const QString &feedId) const
{
    return m_feedIds.contains(feedId)
        && std::none_of(m_config.feeds.begin(), m_config.feeds.end(),
                        [&](const FeedSpec &f) { return f.id == feedId; });
}

QString FeedHub::openFeed(const QString &feedName, const QString &backend)
{
    if (m_config.backends.isEmpty())
        return {};
    const QString backendName = backend.isEmpty() ? m_config.backends.first().name : backend;
    const QString id = m_config.backends.size() > 1 ? backendName + u'/' + feedName : feedName;
    if (!ConfigLoader::specFor(m_config, id))
        return {};
    emit openFeedRequested(feedName, backendName);
    return id;
}

void FeedHub::closeFeed(const QString &feedId)
{
    if (isOpenedAtRunTime(feedId))
        emit closeFeedRequested(feedId);
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
            [this](const QString &path, const QString &error, bool journaled) {
                m_storagePath = path;
                m_storageError = error;
                m_journaled = journaled;
                emit storageChanged();
            });
    connect(this, &FeedHub::commandSubmitRequested, services, &EngineServices::submit);
    connect(this, &FeedHub::commandCancelRequested, services, &EngineServices::cancel);
    connect(this, &FeedHub::commandRetryRequested, services, &EngineServices::retry);
    connect(services, &EngineServices::ruleAlertRaised, this, &FeedHub::ruleAlertRaised);
    connect(services, &EngineServices::ruleStatusesChanged, this,
            [this](const QList<RuleStatus> &statuses) {
                m_ruleStatuses = statuses;
                markAlertedRows();
                emit ruleStatusesChanged(statuses);
            });
    connect(this, &FeedHub::ruleSilenceRequested, services, &EngineServices::silenceRule);
}

void FeedHub::markAlertedRows()
{
    // Rows of a rule over rows carry their table's identity (the same schema decodes both).
    QHash<QString, QHash<QString, QString>> byFeed;
    for (const RuleStatus &s : std::as_const(m_ruleStatuses)) {
        for (const RuleRow &r : s.rows) {
            if (!r.firing || r.id.isEmpty())
                continue;
            QString &text = byFeed[s.feedId][r.id];
            text += (text.isEmpty() ? QString() : u"\n"_s) + r.text;
        }
    }
    for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it)
        it.value()->setAlerts(byFeed.value(it.key()));
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

QString FeedHub::submitCommand(const QString &feedId, const QString &name, const QJsonObject &args,
                               const CommandRequest &request)
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
    emit commandSubmitRequested(id, feedId, name, args, request);
    return id;
}

QString FeedHub::actionFeed(const CommandAction &action, const QString &backend) const
{
    const bool several = m_config.backends.size() > 1;
    QString name = backend;
    if (name.isEmpty() && !m_config.backends.isEmpty())
        name = m_config.backends.first().name;
    const QString id = several ? name + u'/' + action.feed : action.feed;
    return m_feedIds.contains(id) ? id : QString();
}

QString FeedHub::submitAction(const CommandAction &action, const QJsonObject &context,
                              const QString &backend)
{
    CommandRequest request;
    QJsonObject args;
    QString error;
    if (!action.fill(context, &request, &args, &error)) {
        emit commandRejected({}, actionFeed(action, backend), action.name, error);
        return {};
    }
    const QString feed = actionFeed(action, backend);
    if (feed.isEmpty()) {
        emit commandRejected({}, QString(), action.name,
                             tr("%1 goes out on the %2 feed, which is not configured.")
                                 .arg(action.label, action.feed));
        return {};
    }
    return submitCommand(feed, action.name, args, request);
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
    ++m_generation; // whatever it queued is late now
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
        ensureTable(spec.id);
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

FeedTableModel *FeedHub::ensureTable(const QString &feedId)
{
    if (FeedTableModel *existing = m_tables.value(feedId))
        return existing;
    auto *model = new FeedTableModel(definition(feedId).schema, this);
    auto *coalescer = new SnapshotCoalescer(nullptr, this);
    connect(coalescer, &SnapshotCoalescer::snapshotReady, model, &FeedTableModel::applySnapshot);
    connect(coalescer, &SnapshotCoalescer::snapshotReady, this,
            [this, feedId](const QJsonValue &data) {
                m_latestData.insert(feedId, data);
                emit feedDataChanged(feedId);
            });
    m_tables.insert(feedId, model);
    m_coalescers.insert(feedId, coalescer);
    return model;
}

void FeedHub::onBatch(const QList<FeedEvent> &events, const QList<FeedSnapshot> &snapshots)
{
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

void FeedHub::onSnapshot(const QString &feedId, const QString &, const QJsonValue &data)
{
    ensureTable(feedId);
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
    // The nav dots also say when a live feed's data is not what its profile describes.
    if (before.state != stats.state || before.quality != stats.quality
        || before.restartSinceWallMs != stats.restartSinceWallMs
        || before.restartFeedsBack != stats.restartFeedsBack
        || before.dataError.isEmpty() != stats.dataError.isEmpty())
        emit overallChanged();
}

void FeedHub::onEvent(const FeedEvent &event)
{
    m_eventLog->append(event);
    m_timeline.add(event);
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
    ensureTable(feedId); // before the page that shows it is built
    FeedStats initial;
    initial.feedId = feedId;
    m_stats.insert(feedId, initial);
    m_connections->updateStats(initial);
    emit feedAdded(feedId);
}

void FeedHub::onFeedRemoved(const QString &feedId)
{
    // A feed opened from a row starts afresh when it is opened again.
    if (isOpenedAtRunTime(feedId)) {
        m_timeline.remove(feedId);
        if (FeedTableModel *table = m_tables.take(feedId))
            table->deleteLater();
        if (SnapshotCoalescer *coalescer = m_coalescers.take(feedId))
            coalescer->deleteLater();
    }
    m_feedIds.removeAll(feedId);
    m_stats.remove(feedId);
    m_latency.remove(feedId);
    m_latestData.remove(feedId);
    m_connections->removeFeed(feedId);
    emit feedRemoved(feedId);
    emit overallChanged();
}
