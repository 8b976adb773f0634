#pragma once

#include "metrics/listenaddress.h"

#include <QByteArray>
#include <QMap>
#include <QObject>

#include <atomic>

class FeedMetrics;
class MetricsConnection;
class QTcpServer;

// The HTTP side of /metrics: GET (and HEAD) /metrics and /, 404 or 405 for anything else. Lives
// on a thread of its own (MetricsExporter), so neither a stalled client nor a 480-feed render
// ever runs on the GUI thread or the engine's. Every client is bounded: the request head in
// size and time, the whole exchange in time, the number of clients at once, and what is queued
// in the socket at a time.
class MetricsServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsServer)

public:
    struct Limits
    {
        int maxConnections = 16;         // more at once get 503 and are closed
        int maxHeadBytes = 8192;         // request line + headers; more gets 431
        int headTimeoutMs = 5000;        // the head must arrive within this, or 408
        int exchangeTimeoutMs = 30000;   // accept to last byte written, or the socket is aborted
        int writeChunkBytes = 64 * 1024; // queued in the socket at a time
    };
    struct Response
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QByteArray extraHeaders; // "Allow: GET, HEAD\r\n"
        bool gzip = false;
    };

    explicit MetricsServer(const FeedMetrics *metrics, QObject *parent = nullptr);
    ~MetricsServer() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }
    bool listen(const ListenAddress &address, QString *error);
    quint16 port() const;
    void close();
    // Readable from any thread (tests, the bench).
    int activeConnections() const { return m_active.load(); }

    // The whole exposition: feeds, process, and this server's own counters.
    QByteArray renderMetrics();
    // What a finished request head is answered with.
    Response respond(const QByteArray &method, const QByteArray &path, bool acceptsGzip);
    void countResponse(int status);
    static QByteArray gzip(const QByteArray &data);

private:
    void onNewConnection();

    const FeedMetrics *m_metrics;
    QTcpServer *m_server;
    Limits m_limits;
    std::atomic<int> m_active = 0;
    QMap<int, qint64> m_responses; // status -> count
    double m_lastRenderSeconds = 0;
    qsizetype m_lastRenderBytes = 0;
};
