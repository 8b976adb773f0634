#include "enginerunner.h"

#include "connection/feedengine.h"
#include "core/tsan.h"
#include "dashboard/feedhub.h"

using namespace Qt::StringLiterals;

EngineRunner::EngineRunner(FeedHub *hub, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
{
    m_thread.setObjectName(u"feedwatch-engine"_s);
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
    return engine;
}

void EngineRunner::start(const Config &config)
{
    if (m_engine) {
        replace(config);
        return;
    }
    m_engine = createEngine(config);
    m_hub->attach(m_engine);
    startEngine();
}

void EngineRunner::startEngine()
{
    // The engine was built on this thread and is first used on its own; the queued call orders
    // the two, invisibly to ThreadSanitizer (core/tsan.h).
    FeedEngine *engine = m_engine;
    Tsan::release(engine);
    QMetaObject::invokeMethod(
        engine,
        [engine] {
            Tsan::acquire(engine);
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
    startEngine();
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
