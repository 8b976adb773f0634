#include "enginerunner.h"

#include "connection/feedengine.h"
#include "core/tsan.h"
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
    m_engine = createEngine(config);
    m_hub->attach(m_engine);
    followReachability(m_engine);
    QMetaObject::invokeMethod(m_engine, &FeedEngine::start, Qt::QueuedConnection);
}

void EngineRunner::stopEngine()
{
    if (!m_engine)
        return;
    m_hub->detach();
    // Blocking: the old sockets must be closed before the new engine opens its own, or the
    // backend briefly sees every feed twice.
    QMetaObject::invokeMethod(m_engine, &FeedEngine::stopAll, Qt::BlockingQueuedConnection);
    m_engine->deleteLater(); // runs on the engine thread
    m_engine = nullptr;
}

void EngineRunner::replace(const Config &config)
{
    stopEngine();
    m_engine = createEngine(config);
    m_hub->reattach(m_engine, config);
    followReachability(m_engine);
    QMetaObject::invokeMethod(m_engine, &FeedEngine::start, Qt::QueuedConnection);
    emit replaced();
}

void EngineRunner::stop()
{
    stopEngine();
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
}
