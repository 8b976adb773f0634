#pragma once

#include "config/config.h"
#include "events/feedevent.h"
#include "metrics/listenaddress.h"
#include "metrics/metricsserver.h"

#include <QObject>
#include <QThread>

#include <memory>

class EngineServices;
class FeedEngine;
class FeedHub;
class FeedMetrics;

// /metrics for the window and --headless alike: the metrics (FeedMetrics) fed on the thread
// that owns the state they read, the HTTP side (MetricsServer) on a thread of its own, started
// here and stopped with this object.
class MetricsExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsExporter)

public:
    explicit MetricsExporter(const Config &config, QObject *parent = nullptr);
    ~MetricsExporter() override;

    // Binds on the metrics thread and waits for the answer. False with the reason in `error`
    // (address in use, not an address of this machine); a `metrics` event says the same.
    bool listen(const ListenAddress &address, QString *error);
    void close();
    // For the next listen(): how much a client may take (tests shorten the timeouts).
    void setLimits(const MetricsServer::Limits &limits) { m_limits = limits; }
    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    // http://127.0.0.1:9464/metrics
    QString url() const;

    // The window: what FeedHub holds and shows (its stats and its event log's events).
    void follow(FeedHub *hub);
    // --headless: the engine's stats and events and the services' events, as the stream writes.
    void follow(FeedEngine *engine, EngineServices *services);
    void setConfig(const Config &config);
    FeedMetrics *metrics() const { return m_metrics.get(); }
    MetricsServer *server() const { return m_server; }

signals:
    // `metrics` events (listening, or why not) for the event stream.
    void eventRaised(const FeedEvent &event);

private:
    void stopThread();

    std::unique_ptr<FeedMetrics> m_metrics;
    QThread m_thread;
    MetricsServer *m_server = nullptr;
    MetricsServer::Limits m_limits;
    ListenAddress m_address;
    quint16 m_port = 0;
};
