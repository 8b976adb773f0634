#include "feedengine.h"

#include "connection/feedconnection.h"
#include "connection/restarttracker.h"
#include "core/clock.h"
#include "core/tsan.h"
#include "policy/herdcontrol.h"

#include <QMetaMethod>
#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QTimer>

using namespace Qt::StringLiterals;

FeedEngine::FeedEngine(const Config &config, const Clock *clock, RandomSource *random,
                       QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_random(random ? random : systemRandom())
    , m_staggerTimer(new QTimer(this))
    , m_statsTimer(new QTimer(this))
    , m_batchTimer(new QTimer(this))
{
    m_network = new QNetworkAccessManager(this);
    qRegisterMetaType<FeedEvent>();
    qRegisterMetaType<FeedStats>();
    qRegisterMetaType<TestResult>();
    qRegisterMetaType<FeedSnapshot>();
    qRegisterMetaType<QList<FeedEvent>>();
    qRegisterMetaType<QList<FeedSnapshot>>();
    // Single-shot, re-armed after each start: a late tick never shortens the next gap.
    m_staggerTimer->setSingleShot(true);
    m_staggerTimer->setInterval(m_config.settings.staggerStepMs);
    m_staggerTimer->setTimerType(Qt::PreciseTimer);
    connect(m_staggerTimer, &QTimer::timeout, this, &FeedEngine::startNextStaggered);
    // Stats reach the UI at most a few times a second, however busy the feeds are.
    m_statsTimer->setSingleShot(true);
    m_statsTimer->setInterval(200);
    connect(m_statsTimer, &QTimer::timeout, this, &FeedEngine::flushStats);
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(batchIntervalMs);
    connect(m_batchTimer, &QTimer::timeout, this, &FeedEngine::flushBatch);
    m_restarts = new RestartTracker(m_config.settings, m_clock, this);
    connect(m_restarts, &RestartTracker::eventRaised, this, &FeedEngine::forwardEvent);
    connect(m_restarts, &RestartTracker::restartExpected, this, [this](const QString &id) {
        if (FeedConnection *feed = m_feeds.value(id))
            feed->expectRestart();
    });
    connect(m_restarts, &RestartTracker::incidentChanged, this, &FeedEngine::markBackendDirty);
    // The server accepts again: the feeds still waiting out a backoff follow now, in priority
    // order, a stagger step apart, instead of each at the end of its own jittered wait.
    connect(m_restarts, &RestartTracker::serverBack, this, [this](const QString &backend) {
        QStringList waiting;
        for (const QString &id : std::as_const(m_order)) {
            const FeedConnection *feed = m_feeds.value(id);
            if (feed->spec().backend == backend && feed->state() == Feed::State::ReconnectWait)
                waiting << id;
        }
        if (!waiting.isEmpty())
            enqueueStaggered(waiting, false, true);
    });
    for (const FeedSpec &spec : std::as_const(m_config.feeds))
        createFeed(spec);
}

FeedEngine::~FeedEngine()
{
    // The feeds' pollers hold replies of m_network, which as the older child would go first.
    // Disconnected first, as ~QObject would: nothing a dying feed says reaches this engine.
    const QList<FeedConnection *> feeds = m_feeds.values();
    m_feeds.clear();
    for (FeedConnection *feed : feeds) {
        disconnect(feed, nullptr, this, nullptr);
        delete feed;
    }
}

FeedConnection *FeedEngine::createFeed(const FeedSpec &spec)
{
    auto *feed = new FeedConnection(spec, m_clock, m_random, this);
    feed->setNetworkAccess(m_network);
    // Rank within the backend, in priority order (m_order is sorted): the most important feed
    // reconnects first after a restart.
    int rank = 0;
    for (const QString &id : std::as_const(m_order))
        rank += m_feeds.value(id)->spec().backend == spec.backend ? 1 : 0;
    auto &herd = m_herds[spec.backend];
    if (!herd)
        herd = std::make_unique<HerdControl>(spec.settings, m_random);
    feed->setHerd(herd.get(), rank);
    m_feeds.insert(spec.id, feed);
    m_order.append(spec.id);
    m_restarts->addFeed(spec.id, spec.backend);
    m_router.addFeed(spec);
    // The restart inference sees each event first, so an incident it opens is said before the
    // event that opened it (an alert tracker then knows not to call that drop an outage).
    connect(feed, &FeedConnection::eventRaised, this, [this](const FeedEvent &event) {
        m_restarts->observe(event);
        forwardEvent(event);
    });
    connect(feed, &FeedConnection::snapshotReceived, this, &FeedEngine::forwardSnapshot);
    connect(feed, &FeedConnection::foreignMessage, this, &FeedEngine::onForeignMessage);
    connect(feed, &FeedConnection::ackReceived, this,
            [this](const QString &feedId, const QString &commandId, AckOutcome outcome,
                   const QString &error) {
                flushBatch();
                emit ackReceived(feedId, commandId, outcome, error);
            });
    connect(feed, &FeedConnection::connectedChanged, this, [this](const QString &id, bool up) {
        flushBatch();
        emit connectedChanged(id, up);
    });
    connect(feed, &FeedConnection::statsDirty, this, [this, feed](const QString &id) {
        // A state change goes out at once, ahead of any snapshot that follows it: a panel must
        // not show fresh rows as stale (or dead rows as live) for a coalescing period.
        if (feed->state() != m_emittedState.value(id, Feed::State::Idle)) {
            m_dirty.remove(id);
            m_emittedState.insert(id, feed->state());
            flushBatch();
            emit statsChanged(statsOf(feed));
            return;
        }
        m_dirty.insert(id);
        if (!m_statsTimer->isActive())
            m_statsTimer->start();
    });
    if (!m_online)
        feed->setOnline(false);
    return feed;
}

QList<FeedStats> FeedEngine::allStats() const
{
    QList<FeedStats> out;
    for (const QString &id : m_order)
        out.append(statsOf(m_feeds.value(id)));
    return out;
}

FeedStats FeedEngine::stats(const QString &feedId) const
{
    const FeedConnection *feed = m_feeds.value(feedId);
    return feed ? statsOf(feed) : FeedStats {};
}

FeedStats FeedEngine::statsOf(const FeedConnection *feed) const
{
    FeedStats stats = feed->stats();
    m_restarts->decorate(stats);
    m_router.addTo(stats);
    return stats;
}

void FeedEngine::markBackendDirty(const QString &backend)
{
    for (const QString &id : std::as_const(m_order)) {
        if (m_feeds.value(id)->spec().backend == backend)
            m_dirty.insert(id);
    }
    if (!m_statsTimer->isActive())
        m_statsTimer->start();
}

void FeedEngine::onForeignMessage(const QString &feedId, const QString &type,
                                  const QJsonValue &data, qint64 bytes)
{
    const SnapshotRouter::Decision decision =
        m_router.route(feedId, type, data, [this](const QString &id) { return isConnected(id); });
    if (decision.route == SnapshotRouter::Route::Apply) {
        if (FeedConnection *target = m_feeds.value(decision.target);
            target && target->applyRoutedSnapshot(type, data, bytes, feedId))
            m_router.routedApplied(decision.target);
    }
    // Counted in the stats (routed, ignored), not an event each: the real server sends about
    // 90 of these a minute on eight sockets.
    m_dirty.insert(feedId);
    if (!m_statsTimer->isActive())
        m_statsTimer->start();
}

bool FeedEngine::followSystemReachability()
{
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return false;
    QNetworkInformation *info = QNetworkInformation::instance();
    // Only a definite "Disconnected" pauses retries; Unknown must not strand the operator.
    auto apply = [this](QNetworkInformation::Reachability r) {
        setOnline(r != QNetworkInformation::Reachability::Disconnected);
    };
    connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
    useReachabilityBackend(info->backendName(),
                           info->reachability() != QNetworkInformation::Reachability::Disconnected);
    return true;
}

void FeedEngine::useReachabilityBackend(const QString &backend, bool online)
{
    emitAppEvent(u"network_backend"_s, {{u"backend"_s, backend}});
    setOnline(online);
}

void FeedEngine::start()
{
    if (m_started)
        return;
    m_started = true;
    emitAppEvent(
        u"engine_started"_s,
        {{u"feeds"_s, int(m_order.size())}, {u"stagger_ms"_s, m_config.settings.staggerStepMs}});
    enqueueStaggered(m_order, false);
}

void FeedEngine::enqueueStaggered(const QStringList &ids, bool manual, bool retry)
{
    // Feeds start in priority order (m_order is sorted), one step apart: never all at once.
    for (const QString &id : ids) {
        if (!m_staggerQueue.contains(id))
            m_staggerQueue.append(id);
        if (manual)
            m_manualInQueue.insert(id);
        else if (retry && !m_manualInQueue.contains(id))
            m_retryInQueue.insert(id);
        else if (!retry)
            m_retryInQueue.remove(id); // a start asked for since wins over a retry
    }
    if (!m_staggerTimer->isActive())
        startNextStaggered();
}

void FeedEngine::startNextStaggered()
{
    if (m_staggerQueue.isEmpty()) {
        m_staggerTimer->stop();
        return;
    }
    const QString id = m_staggerQueue.takeFirst();
    if (FeedConnection *feed = m_feeds.value(id)) {
        const bool retry = m_retryInQueue.remove(id);
        if (m_manualInQueue.remove(id))
            feed->reconnectNow();
        else if (retry)
            feed->retryNow();
        else
            feed->start();
    }
    if (!m_staggerQueue.isEmpty())
        m_staggerTimer->start();
}

void FeedEngine::stopAll()
{
    m_staggerQueue.clear();
    m_manualInQueue.clear();
    m_retryInQueue.clear();
    m_staggerTimer->stop();
    for (FeedConnection *feed : std::as_const(m_feeds))
        feed->stop();
    emitAppEvent(u"engine_stopped"_s, {});
}

void FeedEngine::reconnect(const QString &feedId)
{
    if (FeedConnection *feed = m_feeds.value(feedId))
        feed->reconnectNow();
}

void FeedEngine::reconnectAll()
{
    m_started = true;
    enqueueStaggered(m_order, true);
}

void FeedEngine::stopFeed(const QString &feedId)
{
    m_staggerQueue.removeAll(feedId);
    m_retryInQueue.remove(feedId);
    if (FeedConnection *feed = m_feeds.value(feedId))
        feed->stop();
}

void FeedEngine::startFeed(const QString &feedId)
{
    if (FeedConnection *feed = m_feeds.value(feedId))
        feed->start();
}

void FeedEngine::testConnection(const QString &feedId)
{
    FeedConnection *feed = m_feeds.value(feedId);
    if (!feed) {
        TestResult unknown;
        unknown.feedId = feedId;
        unknown.error = u"no such feed"_s;
        flushBatch();
        emit testFinished(unknown);
        return;
    }
    auto *tester = new ConnectionTester(feed->spec(), m_clock, this);
    connect(tester, &ConnectionTester::finished, this, [this, tester](const TestResult &result) {
        QJsonObject fields {{u"ok"_s, result.ok}};
        if (result.ok) {
            fields.insert(u"rtt_ms"_s, result.rttMs);
            fields.insert(u"connect_ms"_s, result.connectMs);
        } else {
            fields.insert(u"error"_s, result.error);
            if (!result.tls.isEmpty())
                fields.insert(u"tls"_s, result.tls);
        }
        forwardEvent({m_clock->wallMs(), result.feedId, u"test_connection"_s, fields});
        flushBatch();
        emit testFinished(result);
        tester->deleteLater();
    });
    tester->start();
}

void FeedEngine::openFeed(const QString &feedName, const QString &backend)
{
    if (m_config.backends.isEmpty() || feedName.isEmpty())
        return;
    const QString backendName = backend.isEmpty() ? m_config.backends.first().name : backend;
    const QString id = m_config.backends.size() > 1 ? backendName + u'/' + feedName : feedName;
    const std::optional<FeedSpec> found = ConfigLoader::specFor(m_config, id);
    if (!found || m_feeds.contains(id))
        return;
    const FeedSpec &feedSpec = *found;
    FeedConnection *feed = createFeed(feedSpec);
    flushBatch();
    emit feedAdded(feedSpec.id);
    if (m_started)
        enqueueStaggered({feed->id()}, false);
}

void FeedEngine::removeFeed(const QString &feedId)
{
    FeedConnection *feed = m_feeds.take(feedId);
    if (!feed)
        return;
    m_order.removeAll(feedId);
    m_staggerQueue.removeAll(feedId);
    m_dirty.remove(feedId);
    m_emittedState.remove(feedId);
    m_restarts->removeFeed(feedId);
    m_router.removeFeed(feedId);
    feed->stop();
    feed->deleteLater();
    flushBatch();
    emit feedRemoved(feedId);
}

void FeedEngine::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emitAppEvent(u"network"_s, {{u"online"_s, online}});
    // Back online, the waiting feeds go through the stagger like at start: the first at once,
    // then one step apart, never a burst of sockets.
    QStringList waiting;
    for (const QString &id : std::as_const(m_order)) {
        FeedConnection *feed = m_feeds.value(id);
        if (online && feed->state() == Feed::State::Offline)
            waiting << id;
        feed->setOnline(online, false);
    }
    if (!waiting.isEmpty())
        enqueueStaggered(waiting, false);
}

bool FeedEngine::isConnected(const QString &feedId) const
{
    const FeedConnection *feed = m_feeds.value(feedId);
    return feed && feed->isConnected();
}

bool FeedEngine::sendText(const QString &feedId, const QByteArray &utf8)
{
    FeedConnection *feed = m_feeds.value(feedId);
    return feed && feed->sendText(utf8);
}

void FeedEngine::publishStats()
{
    m_statsTimer->stop();
    flushStats();
}

void FeedEngine::flushStats()
{
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    flushBatch();
    for (const QString &id : m_order) {
        if (dirty.contains(id)) {
            FeedConnection *feed = m_feeds.value(id);
            m_emittedState.insert(id, feed->state());
            emit statsChanged(statsOf(feed));
        }
    }
}

void FeedEngine::emitAppEvent(const QString &kind, const QJsonObject &fields)
{
    forwardEvent({m_clock->wallMs(), QString(), kind, fields});
}

bool FeedEngine::batching() const
{
    static const QMetaMethod batch = QMetaMethod::fromSignal(&FeedEngine::batchReady);
    return isSignalConnected(batch);
}

void FeedEngine::forwardEvent(const FeedEvent &raised)
{
    m_router.observe(raised);
    const FeedEvent event = raised.event == "update"_L1 ? m_router.annotate(raised) : raised;
    emit eventRaised(event);
    if (!batching())
        return;
    m_batchEvents.append(event);
    if (!m_batchTimer->isActive())
        m_batchTimer->start();
}

void FeedEngine::forwardSnapshot(const QString &feedId, const QString &type, const QJsonValue &data)
{
    const SnapshotRouter::Inspection inspection = m_router.inspect(feedId, data);
    if (!inspection.problem.isNull()) {
        // The page shows a banner and what arrived; the stream says what was expected where.
        forwardEvent({m_clock->wallMs(),
                      feedId,
                      u"protocol_error"_s,
                      {{u"error"_s, inspection.problem.englishText()},
                       {u"path"_s, inspection.problem.path},
                       {u"type"_s, type}}});
    }
    emit snapshotReceived(feedId, type, data);
    if (!batching())
        return;
    const qsizetype at = m_batchSnapshotAt.value(feedId, -1);
    if (at >= 0) {
        m_batchSnapshots[at].type = type;
        m_batchSnapshots[at].data = data; // the superseded data is freed here, not in the GUI
    } else {
        m_batchSnapshotAt.insert(feedId, m_batchSnapshots.size());
        m_batchSnapshots.append({feedId, type, data});
    }
    if (!m_batchTimer->isActive())
        m_batchTimer->start();
}

void FeedEngine::flushBatch()
{
    m_batchTimer->stop();
    if (m_batchEvents.isEmpty() && m_batchSnapshots.isEmpty())
        return;
    const QList<FeedEvent> events = std::exchange(m_batchEvents, {});
    const QList<FeedSnapshot> snapshots = std::exchange(m_batchSnapshots, {});
    m_batchSnapshotAt.clear();
    // Both lists reach the GUI thread shared, not copied, through Qt's event queue, which
    // ThreadSanitizer cannot see: FeedHub::onBatch acquires what is released here.
    Tsan::release(events.constData());
    Tsan::release(snapshots.constData());
    emit batchReady(events, snapshots);
}
