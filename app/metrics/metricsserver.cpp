#include "metricsserver.h"

#include "metrics/exposition.h"
#include "metrics/feedmetrics.h"
#include "metrics/metricsconnection.h"
#include "metrics/processmetrics.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>

#include <zlib.h>

Q_LOGGING_CATEGORY(lcMetrics, "feedwatch.metrics", QtWarningMsg)

namespace {
const QByteArray kIndexPage = "<!DOCTYPE html>\n<html><head><title>Feedwatch</title></head><body>"
                              "<h1>Feedwatch</h1><p><a href=\"/metrics\">Metrics</a></p>"
                              "</body></html>\n";
} // namespace

MetricsServer::MetricsServer(const FeedMetrics *metrics, QObject *parent)
    : QObject(parent)
    , m_metrics(metrics)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &MetricsServer::onNewConnection);
}

MetricsServer::~MetricsServer() = default;

bool MetricsServer::listen(const ListenAddress &address, QString *error)
{
    if (m_server->listen(QHostAddress(address.host), address.port))
        return true;
    *error = m_server->errorString();
    return false;
}

quint16 MetricsServer::port() const
{
    return m_server->serverPort();
}

void MetricsServer::close()
{
    m_server->close();
}

void MetricsServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new MetricsConnection(socket, this);
        if (m_active >= m_limits.maxConnections) {
            qCDebug(lcMetrics) << "refusing a client: already" << m_active << "connected";
            connection->refuse(503);
            continue;
        }
        ++m_active;
        connect(connection, &MetricsConnection::finished, this, [this] { --m_active; });
    }
}

MetricsServer::Response MetricsServer::respond(const QByteArray &method, const QByteArray &path,
                                               bool acceptsGzip)
{
    Response r;
    const bool known = path == "/metrics" || path == "/";
    if (!known) {
        r.status = 404;
        r.contentType = "text/plain; charset=utf-8";
        r.body = "Not found. Metrics are at /metrics.\n";
        return r;
    }
    if (method != "GET" && method != "HEAD") {
        r.status = 405;
        r.contentType = "text/plain; charset=utf-8";
        r.body = "Only GET and HEAD.\n";
        r.extraHeaders = "Allow: GET, HEAD\r\n";
        return r;
    }
    if (path == "/") {
        r.contentType = "text/html; charset=utf-8";
        r.body = kIndexPage;
        return r;
    }
    r.contentType = Exposition::contentType.toByteArray();
    r.body = renderMetrics();
    if (acceptsGzip) {
        r.body = gzip(r.body);
        r.gzip = !r.body.isEmpty();
        if (!r.gzip)
            r.body = renderMetrics();
    }
    return r;
}

void MetricsServer::countResponse(int status)
{
    ++m_responses[status];
}

QByteArray MetricsServer::renderMetrics()
{
    QElapsedTimer timer;
    timer.start();
    // Sized like the last page: a 480-feed page is 2.3 MB, grown from nothing it is copied ~20
    // times on the way.
    Exposition out(m_lastRenderBytes + 64 * 1024);
    if (m_metrics)
        m_metrics->render(out);
    ProcessMetrics::render(out);
    out.family("feedwatch_metrics_responses_total", Exposition::Type::Counter,
               "Responses of the metrics endpoint by HTTP status (this one not yet counted).");
    for (const int status : {200, 400, 404, 405, 408, 431, 503, 505})
        m_responses.insert(status, m_responses.value(status));
    for (auto it = m_responses.cbegin(); it != m_responses.cend(); ++it)
        out.sample("feedwatch_metrics_responses_total",
                   "code=\"" + QByteArray::number(it.key()) + '"', it.value());
    out.family("feedwatch_metrics_clients", Exposition::Type::Gauge,
               "Clients of the metrics endpoint connected now.");
    out.sample("feedwatch_metrics_clients", {}, qint64(m_active.load()));
    out.family("feedwatch_metrics_render_seconds", Exposition::Type::Gauge,
               "How long the previous render of this page took.");
    out.sample("feedwatch_metrics_render_seconds", {}, m_lastRenderSeconds);
    m_lastRenderSeconds = double(timer.nsecsElapsed()) / 1e9;
    m_lastRenderBytes = out.text().size();
    return out.take();
}

QByteArray MetricsServer::gzip(const QByteArray &data)
{
    z_stream stream {};
    // 15 window bits + 16: a gzip header and trailer, which is what Content-Encoding: gzip means
    // (qCompress writes zlib's own format). Level 1: a 2 MB page compresses ~10x in a few ms.
    if (deflateInit2(&stream, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    const qsizetype size = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (rc != Z_STREAM_END)
        return {};
    out.truncate(size);
    return out;
}
