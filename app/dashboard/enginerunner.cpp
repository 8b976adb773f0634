#include "enginerunner.h"

#include "connection/feedengine.h"
#include "core/tsan.h"
#include "dashboard/engineservices.h"
#include "dashboard/feedhub.h"

#include <QNetworkInformation>

using namespace Qt::StringLiterals;

EngineRunner::EngineRunner(FeedHub *hub, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
{
    m_thread.setObjectName(u"feedwatch-engine"_s);
    // Reachability is watched here, on the GUI thread, and handed to each engine by value: the
    // engine thread never reads the QNetworkInformation object.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        m_network = QNetworkInformation::instance();
}

EngineRunner::~EngineRunner()
{
    stop();
}

FeedEngine *EngineRunner::createEngine(const Config &config)
{
    if (!m_thread.isRunning())
        m_thread.start();
    auto *engine = new FeedEngine(config);
    engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, engine, &QObject::deleteLater);
    // Built here, used on the engine thread from the first queued call on, which Qt's event
    // queue orders after this, invisibly to ThreadSanitizer (core/tsan.h): say so. Queued calls
    // to one object run in order, so this acquire comes before anything else the engine does.
    Tsan::release(engine);
    QMetaObject::invokeMethod(
        engine, [engine] { Tsan::acquire(engine); }, Qt::QueuedConnection);
    return engine;
}

void EngineRunner::followReachability(FeedEngine *engine)
{
    if (!m_network)
        return;
    const QString backend = m_network->backendName();
    const bool online =
        m_network->reachability() != QNetworkInformation::Reachability::Disconnected;
    QMetaObject::invokeMethod(
        engine, [engine, backend, online] { engine->useReachabilityBackend(backend, online); },
        Qt::QueuedConnection);
    // Context `engine`: runs on the engine thread, and ends with the engine.
    connect(m_network, &QNetworkInformation::reachabilityChanged, engine,
            [engine](QNetworkInformation::Reachability r) {
                engine->setOnline(r != QNetworkInformation::Reachability::Disconnected);
            });
}

void EngineRunner::start(const Config &config)
{
    if (m_engine) {
        replace(config);
        return;
    }
    if (!m_thread.isRunning())
        m_thread.start();
    if (!m_services) {
        m_services = new EngineServices;
        m_services->moveToThread(&m_thread);
        // Deleted on the engine thread once it finished, after stop() let go of it (the
        // acquire pairs with the release there: the ordering quit() gives is invisible to
        // ThreadSanitizer, which then saw the delete race the hub's last disconnect).
        EngineServices *owned = m_services;
        connect(&m_thread, &QThread::finished, m_services, [owned] {
            Tsan::acquire(owned);
            owned->deleteLater();
        });
        m_hub->attachServices(m_services);
        // SQLite connections belong to the thread that opens them: open on the engine thread.
        // Built here and used there from this first queued call on, like each engine
        // (createEngine): the hand-off is said to ThreadSanitizer.
        const QString path = m_dataPath;
        const Settings settings = config.settings;
        EngineServices *services = m_services;
        Tsan::release(services);
        QMetaObject::invokeMethod(
            m_services,
            [services, path, settings] {
                Tsan::acquire(services);
                services->open(path, settings);
            },
            Qt::QueuedConnection);
    }
    m_engine = createEngine(config);
    m_hub->attach(m_engine);
    startEngine();
}

void EngineRunner::startEngine()
{
    followReachability(m_engine);
    // Bound before it starts, in one step on the engine thread: no connect can slip past the
    // queue.
    EngineServices *services = m_services;
    FeedEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        m_services,
        [services, engine] {
            services->bindEngine(engine);
            engine->start();
        },
        Qt::QueuedConnection);
}

void EngineRunner::stopEngine()
{
    if (!m_engine)
        return;
    m_hub->detach();
    // Blocking: the old sockets must be closed before the new engine opens its own, or the
    // backend briefly sees every feed twice. Closing them hands sent commands back to the queue
    // (journaled) before it lets go of this engine.
    EngineServices *services = m_services;
    FeedEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        m_engine,
        [services, engine] {
            engine->stopAll();
            if (services)
                services->bindEngine(nullptr);
        },
        Qt::BlockingQueuedConnection);
    m_engine->deleteLater(); // runs on the engine thread
    m_engine = nullptr;
}

void EngineRunner::replace(const Config &config)
{
    stopEngine();
    m_engine = createEngine(config);
    m_hub->reattach(m_engine, config);
    startEngine();
    emit replaced();
}

void EngineRunner::stop()
{
    stopEngine();
    if (m_services && m_thread.isRunning()) {
        EngineServices *services = m_services;
        QMetaObject::invokeMethod(
            m_services, [services] { services->close(); }, Qt::BlockingQueuedConnection);
    }
    if (m_services) {
        m_hub->detachServices();
        Tsan::release(m_services); // the GUI thread's last use
        m_services = nullptr;      // deleted on the engine thread when it finishes
    }
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
}
