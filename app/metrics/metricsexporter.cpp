#include "metricsexporter.h"

#include "connection/feedengine.h"
#include "core/tsan.h"
#include "dashboard/engineservices.h"
#include "dashboard/feedhub.h"
#include "metrics/feedmetrics.h"
#include "metrics/metricsserver.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

MetricsExporter::MetricsExporter(const Config &config, QObject *parent)
    : QObject(parent)
    , m_metrics(std::make_unique<FeedMetrics>(config))
{
    m_thread.setObjectName(u"feedwatch-metrics"_s);
}

MetricsExporter::~MetricsExporter()
{
    stopThread();
}

bool MetricsExporter::listen(const ListenAddress &address, QString *error)
{
    close();
    if (!address.enabled)
        return true;
    if (!m_thread.isRunning())
        m_thread.start();
    auto *server = new MetricsServer(m_metrics.get());
    server->setLimits(m_limits);
    server->moveToThread(&m_thread);
    bool ok = false;
    quint16 port = 0;
    QString why;
    // Each blocking call hands the server (and what the lambda reads and writes) between this
    // thread and the metrics thread; Qt orders that with a semaphore ThreadSanitizer cannot see
    // (core/tsan.h), so both directions are said out loud.
    Tsan::release(server);
    QMetaObject::invokeMethod(
        server,
        [server, &address, &ok, &port, &why] { // `server` by value: read before the acquire
            Tsan::acquire(server);
            ok = server->listen(address, &why);
            port = server->port();
            Tsan::release(server);
        },
        Qt::BlockingQueuedConnection);
    Tsan::acquire(server);
    FeedEvent event;
    event.wallMs = QDateTime::currentMSecsSinceEpoch();
    event.event = u"metrics"_s;
    if (!ok) {
        // Deleted before this returns, like close() does: a queued delete could still wait
        // when the exporter's thread quits, and the server would leak (LeakSanitizer saw it).
        Tsan::release(server);
        QMetaObject::invokeMethod(
            server,
            [server] {
                Tsan::acquire(server);
                delete server;
            },
            Qt::BlockingQueuedConnection);
        *error = u"cannot listen on %1: %2"_s.arg(address.toString(), why);
        event.fields = {{u"listen"_s, address.toString()}, {u"error"_s, why}};
        emit eventRaised(event);
        return false;
    }
    m_server = server;
    m_address = address;
    m_port = port;
    event.fields = {{u"listen"_s, address.toString(port)}, {u"url"_s, url()}};
    emit eventRaised(event);
    return true;
}

QString MetricsExporter::url() const
{
    return m_port ? u"http://%1/metrics"_s.arg(m_address.toString(m_port)) : QString();
}

void MetricsExporter::close()
{
    if (!m_server)
        return;
    MetricsServer *server = m_server;
    m_server = nullptr;
    m_port = 0;
    // Deleting it on its thread closes the listener and every client socket there.
    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
}

void MetricsExporter::stopThread()
{
    close();
    m_thread.quit();
    m_thread.wait();
}

void MetricsExporter::follow(FeedHub *hub)
{
    FeedMetrics *m = m_metrics.get();
    for (const QString &id : hub->feedIds())
        m->updateStats(hub->stats(id));
    connect(hub, &FeedHub::statsChanged, this, [m](const FeedStats &s) { m->updateStats(s); });
    connect(hub, &FeedHub::eventReceived, this, [m](const FeedEvent &e) { m->recordEvent(e); });
    connect(hub, &FeedHub::feedRemoved, this, [m](const QString &id) { m->removeFeed(id); });
    m->updateRules(hub->ruleStatuses());
    connect(hub, &FeedHub::ruleStatusesChanged, this,
            [m](const QList<RuleStatus> &statuses) { m->updateRules(statuses); });
}

void MetricsExporter::follow(FeedEngine *engine, EngineServices *services)
{
    FeedMetrics *m = m_metrics.get();
    connect(engine, &FeedEngine::statsChanged, this,
            [m](const FeedStats &s) { m->updateStats(s); });
    connect(engine, &FeedEngine::eventRaised, this, [m](const FeedEvent &e) { m->recordEvent(e); });
    connect(engine, &FeedEngine::feedRemoved, this, [m](const QString &id) { m->removeFeed(id); });
    if (services) {
        connect(services, &EngineServices::eventRaised, this,
                [m](const FeedEvent &e) { m->recordEvent(e); });
        connect(services, &EngineServices::ruleStatusesChanged, this,
                [m](const QList<RuleStatus> &statuses) { m->updateRules(statuses); });
    }
}

void MetricsExporter::setConfig(const Config &config)
{
    m_metrics->setConfig(config);
}
