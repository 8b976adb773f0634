#include "metrics/feedmetrics.h"
#include "metrics/httprequest.h"
#include "metrics/metricsexporter.h"
#include "metrics/metricsserver.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <QScopeGuard>

#include <arpa/inet.h>
#include <atomic>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace {
Config eightFeeds()
{
    return ConfigLoader::fromJson({}).config;
}

// A raw client: what it sends is exactly what the test wrote, what it got is every byte.
struct Client
{
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    QByteArray received;

    bool connectTo(quint16 port)
    {
        QObject::connect(socket.get(), &QTcpSocket::readyRead, socket.get(),
                         [this] { received += socket->readAll(); });
        socket->connectToHost(QHostAddress::LocalHost, port);
        return socket->waitForConnected(5000);
    }
    bool closed() const { return socket->state() == QAbstractSocket::UnconnectedState; }
    int status() const { return received.mid(9, 3).toInt(); }
    QByteArray body() const { return received.mid(received.indexOf("\r\n\r\n") + 4); }
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : received.left(received.indexOf("\r\n\r\n")).split('\n')) {
            if (line.toLower().startsWith(name.toLower() + ':'))
                return line.mid(name.size() + 1).trimmed();
        }
        return {};
    }
};

QByteArray gunzip(const QByteArray &data)
{
    z_stream stream {};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    char buffer[65536];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        rc = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    }
    inflateEnd(&stream);
    return rc == Z_STREAM_END ? out : QByteArray();
}
} // namespace

// The HTTP side of /metrics over real loopback sockets: only GET/HEAD of /metrics and /, every
// client bounded in size and time, and none of them able to hold up another or this thread.
class tst_MetricsServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void requestHeads_data();
    void requestHeads();
    void answers_data();
    void answers();
    void headAndIndex();
    void gzipWhenAsked();
    void slowHeadGets408();
    void oversizeHeadGets431();
    void tooManyClientsGet503();
    void stalledReaderHoldsUpNobody();
    void listenErrorsAreReported();
    void fedWhileScraped();

private:
    Client request(const QByteArray &raw);

    std::unique_ptr<MetricsExporter> m_exporter;
};

void tst_MetricsServer::init()
{
    m_exporter = std::make_unique<MetricsExporter>(eightFeeds());
    MetricsServer::Limits limits;
    limits.maxConnections = 4;
    limits.headTimeoutMs = 300;
    limits.exchangeTimeoutMs = 1500;
    m_exporter->setLimits(limits);
    QString error;
    QVERIFY2(m_exporter->listen(ListenAddress::parse(u"0"_s, &error), &error), qPrintable(error));
    QVERIFY(m_exporter->port() > 0);
    // Its own thread: nothing it does runs on this one.
    QVERIFY(m_exporter->server()->thread() != QThread::currentThread());
}

void tst_MetricsServer::cleanup()
{
    m_exporter.reset();
}

Client tst_MetricsServer::request(const QByteArray &raw)
{
    Client c;
    if (!c.connectTo(m_exporter->port()))
        qFatal("cannot connect");
    c.socket->write(raw);
    // A bounded wait (the server answers within its own limits), checked by the callers.
    for (QDeadlineTimer deadline(5000); !c.closed() && !deadline.hasExpired();)
        QTest::qWait(5);
    return c;
}

void tst_MetricsServer::requestHeads_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("gzip");
    QTest::addColumn<int>("error");
    QTest::newRow("prometheus") << QByteArray(
        "GET /metrics HTTP/1.1\r\nHost: h\r\nAccept-Encoding: "
        "gzip\r\nUser-Agent: Prometheus/2.42.0\r\n\r\n")
                                << QByteArray("GET") << QByteArray("/metrics") << true << 0;
    QTest::newRow("query ignored") << QByteArray("GET /metrics?x=1 HTTP/1.0\r\n\r\n")
                                   << QByteArray("GET") << QByteArray("/metrics") << false << 0;
    QTest::newRow("absolute form") << QByteArray("GET http://h:1/metrics HTTP/1.1\r\n\r\n")
                                   << QByteArray("GET") << QByteArray("/metrics") << false << 0;
    QTest::newRow("bare LF") << QByteArray("HEAD / HTTP/1.1\nAccept-Encoding: br, GZip\n\n")
                             << QByteArray("HEAD") << QByteArray("/") << true << 0;
    QTest::newRow("gzip refused") << QByteArray(
        "GET / HTTP/1.1\r\nAccept-Encoding: gzip;q=0\r\n\r\n")
                                  << QByteArray("GET") << QByteArray("/") << false << 0;
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << QByteArray() << QByteArray()
                            << false << 505;
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << QByteArray()
                                << QByteArray() << false << 400;
    QTest::newRow("no slash") << QByteArray("GET metrics HTTP/1.1\r\n\r\n") << QByteArray("GET")
                              << QByteArray() << false << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n")
                                   << QByteArray("GET") << QByteArray("/") << false << 400;
    QTest::newRow("not http") << QByteArray("\x16\x03\x01\x02\x01\r\n\r\n") << QByteArray()
                              << QByteArray() << false << 400;
}

void tst_MetricsServer::requestHeads()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(bool, gzip);
    QFETCH(int, error);
    QCOMPARE(HttpRequest::headEnd(head), head.size());
    QCOMPARE(HttpRequest::headEnd(head.chopped(1)), -1);
    const HttpRequest r = HttpRequest::parse(head);
    QCOMPARE(r.error, error);
    if (error)
        return;
    QCOMPARE(r.method, method);
    QCOMPARE(r.path, path);
    QCOMPARE(r.acceptsGzip, gzip);
}

void tst_MetricsServer::answers_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::newRow("GET /metrics") << QByteArray("GET /metrics HTTP/1.1\r\n\r\n") << 200;
    QTest::newRow("GET /metrics/") << QByteArray("GET /metrics/ HTTP/1.1\r\n\r\n") << 404;
    QTest::newRow("GET /favicon.ico") << QByteArray("GET /favicon.ico HTTP/1.1\r\n\r\n") << 404;
    QTest::newRow("POST /metrics")
        << QByteArray("POST /metrics HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc") << 405;
    QTest::newRow("DELETE /") << QByteArray("DELETE / HTTP/1.1\r\n\r\n") << 405;
    QTest::newRow("PUT /admin") << QByteArray("PUT /admin HTTP/1.1\r\n\r\n") << 404;
    QTest::newRow("garbage") << QByteArray("hello\r\n\r\n") << 400;
}

void tst_MetricsServer::answers()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    const Client c = request(raw);
    QCOMPARE(c.status(), status);
    QCOMPARE(c.header("Connection"), QByteArray("close"));
    QCOMPARE(c.header("Content-Length").toInt(), c.body().size());
    if (status == 405)
        QCOMPARE(c.header("Allow"), QByteArray("GET, HEAD"));
    if (status == 200) {
        QCOMPARE(c.header("Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(c.body().contains("\nfeedwatch_feed_up{backend=\"default\",feed=\"queue\"} 0\n"));
        QVERIFY(c.body().contains("\nprocess_resident_memory_bytes "));
        QVERIFY(c.body().endsWith('\n'));
    } else {
        QVERIFY(!c.body().contains("feedwatch_"));
    }
    // Every answer is counted, and the next scrape says so.
    const Client next = request("GET /metrics HTTP/1.1\r\n\r\n");
    QVERIFY2(next.body().contains("feedwatch_metrics_responses_total{code=\""
                                  + QByteArray::number(status) + "\"} 1\n"),
             next.body().constData());
}

void tst_MetricsServer::headAndIndex()
{
    const Client get = request("GET /metrics HTTP/1.1\r\n\r\n");
    const Client head = request("HEAD /metrics HTTP/1.1\r\n\r\n");
    QCOMPARE(head.status(), 200);
    QVERIFY(head.body().isEmpty());
    QVERIFY(head.header("Content-Length").toInt() > 1000);
    const Client index = request("GET / HTTP/1.1\r\n\r\n");
    QCOMPARE(index.status(), 200);
    QVERIFY(index.header("Content-Type").startsWith("text/html"));
    QVERIFY(index.body().contains("<a href=\"/metrics\">"));
}

void tst_MetricsServer::gzipWhenAsked()
{
    const Client plain = request("GET /metrics HTTP/1.1\r\n\r\n");
    const Client zipped = request("GET /metrics HTTP/1.1\r\nAccept-Encoding: gzip\r\n\r\n");
    QCOMPARE(zipped.header("Content-Encoding"), QByteArray("gzip"));
    QCOMPARE(zipped.header("Content-Length").toInt(), zipped.body().size());
    const QByteArray unpacked = gunzip(zipped.body());
    QVERIFY(!unpacked.isEmpty());
    // The same families, a fraction of the bytes.
    QCOMPARE(unpacked.count("# TYPE "), plain.body().count("# TYPE "));
    QVERIFY(zipped.body().size() * 4 < plain.body().size());
    qInfo("8 feeds: %lld bytes, %lld gzipped", qlonglong(plain.body().size()),
          qlonglong(zipped.body().size()));
}

void tst_MetricsServer::slowHeadGets408()
{
    Client c;
    QVERIFY(c.connectTo(m_exporter->port()));
    c.socket->write("GET /metrics HTTP/1.1\r\nHost"); // and then nothing
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 5000);
    QCOMPARE(c.status(), 408);
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
}

void tst_MetricsServer::oversizeHeadGets431()
{
    const QByteArray big = "GET /metrics HTTP/1.1\r\nX-Pad: " + QByteArray(9000, 'a') + "\r\n\r\n";
    const Client c = request(big);
    QCOMPARE(c.status(), 431);
    // Endless headers without a blank line: the same answer, not a growing buffer.
    Client endless;
    QVERIFY(endless.connectTo(m_exporter->port()));
    for (int i = 0; i < 20 && !endless.closed(); ++i) {
        endless.socket->write("X-More: " + QByteArray(1000, 'b') + "\r\n");
        endless.socket->waitForBytesWritten(1000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(endless.closed(), 5000);
    QCOMPARE(endless.status(), 431);
}

void tst_MetricsServer::tooManyClientsGet503()
{
    std::vector<std::unique_ptr<Client>> idle;
    for (int i = 0; i < 4; ++i) {
        idle.push_back(std::make_unique<Client>());
        QVERIFY(idle.back()->connectTo(m_exporter->port()));
    }
    QTRY_COMPARE(m_exporter->server()->activeConnections(), 4);
    Client extra;
    QVERIFY(extra.connectTo(m_exporter->port()));
    QTRY_VERIFY_WITH_TIMEOUT(extra.closed(), 5000);
    QCOMPARE(extra.status(), 503);
    // The idle ones time out (408) and the slots free up again.
    for (const auto &c : idle)
        QTRY_VERIFY_WITH_TIMEOUT(c->closed(), 5000);
    QCOMPARE(idle.front()->status(), 408);
    QCOMPARE(request("GET /metrics HTTP/1.1\r\n\r\n").status(), 200);
}

void tst_MetricsServer::stalledReaderHoldsUpNobody()
{
    // 60 backends x the profile's default feeds: a body of megabytes, far more than the socket
    // takes at once.
    QJsonObject backends;
    for (int b = 0; b < 60; ++b)
        backends.insert(u"b%1"_s.arg(b, 2, 10, QChar(u'0')),
                        QJsonObject {{u"server"_s, u"ws://127.0.0.1:%1"_s.arg(20000 + b)}});
    m_exporter.reset();
    m_exporter = std::make_unique<MetricsExporter>(
        ConfigLoader::fromJson({{u"backends"_s, backends}}).config);
    MetricsServer::Limits limits;
    limits.exchangeTimeoutMs = 1500;
    m_exporter->setLimits(limits);
    QString error;
    QVERIFY(m_exporter->listen(ListenAddress::parse(u"0"_s, &error), &error));

    // A client that asks and never reads, with a receive window of a few KB set before the
    // connection exists (after it, the kernel has already offered a larger one).
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    const int window = 4096;
    QCOMPARE(::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &window, sizeof window), 0);
    sockaddr_in to {};
    to.sin_family = AF_INET;
    to.sin_port = htons(m_exporter->port());
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&to), sizeof to), 0);
    const QByteArray ask = "GET /metrics HTTP/1.1\r\n\r\n";
    QCOMPARE(::send(fd, ask.constData(), size_t(ask.size()), 0), ssize_t(ask.size()));
    QTRY_COMPARE(m_exporter->server()->activeConnections(), 1);

    // Meanwhile other clients are answered in full, and this thread stays free.
    QElapsedTimer timer;
    timer.start();
    const Client other = request("GET /metrics HTTP/1.1\r\n\r\n");
    QCOMPARE(other.status(), 200);
    QCOMPARE(other.header("Content-Length").toInt(), other.body().size());
    QVERIFY2(other.body().size() > 1'000'000, qPrintable(QString::number(other.body().size())));
    QCOMPARE(other.body().count("feedwatch_feed_up{"),
             60 * ConfigLoader::defaultFeedNames().size());
    const qint64 answeredMs = timer.elapsed();
    qInfo("60 backends: %lld bytes answered in %lld ms while another client stalled",
          qlonglong(other.body().size()), answeredMs);
    // The stalled one is still held (its body does not fit the window) ...
    QCOMPARE(m_exporter->server()->activeConnections(), 1);
    // ... until the exchange limit cuts it off.
    QTRY_COMPARE_WITH_TIMEOUT(m_exporter->server()->activeConnections(), 0, 5000);
    QVERIFY2(timer.elapsed() >= 1000, qPrintable(QString::number(timer.elapsed())));
}

void tst_MetricsServer::listenErrorsAreReported()
{
    MetricsExporter second(eightFeeds());
    QSignalSpy events(&second, &MetricsExporter::eventRaised);
    QString error;
    const ListenAddress taken =
        ListenAddress::parse(u"127.0.0.1:%1"_s.arg(m_exporter->port()), &error);
    QVERIFY(!second.listen(taken, &error));
    QVERIFY2(error.contains(u"cannot listen on 127.0.0.1:%1"_s.arg(m_exporter->port())),
             qPrintable(error));
    QCOMPARE(events.size(), 1);
    const FeedEvent e = events.first().first().value<FeedEvent>();
    QCOMPARE(e.event, u"metrics"_s);
    QVERIFY(e.fields.contains("error"_L1));
    QVERIFY(!second.isListening());
}

// The feeding thread (here this one, the GUI thread in the window) and the metrics thread touch
// the same table: under ThreadSanitizer this is the test that says the mutex covers it.
void tst_MetricsServer::fedWhileScraped()
{
    std::atomic<int> scrapes = 0;
    std::atomic<bool> stop = false;
    const quint16 port = m_exporter->port();
    std::thread scraper([&] {
        while (!stop.load()) {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in to {};
            to.sin_family = AF_INET;
            to.sin_port = htons(port);
            to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            const QByteArray ask = "GET /metrics HTTP/1.1\r\n\r\n";
            if (::connect(fd, reinterpret_cast<const sockaddr *>(&to), sizeof to) == 0
                && ::send(fd, ask.constData(), size_t(ask.size()), 0) == ask.size()) {
                char buffer[65536];
                while (::recv(fd, buffer, sizeof buffer, 0) > 0) { }
                ++scrapes;
            }
            ::close(fd);
        }
    });
    FeedMetrics *metrics = m_exporter->metrics();
    FeedStats s;
    s.feedId = u"queue"_s;
    s.backend = u"default"_s;
    for (int i = 0; i < 2000 && (i < 200 || scrapes.load() < 5); ++i) {
        s.messages = i + 1;
        s.state = i % 2 ? Feed::State::Connected : Feed::State::ReconnectWait;
        metrics->updateStats(s);
        metrics->recordEvent({i, u"queue"_s, u"heartbeat_timeout"_s, {}});
        metrics->recordEvent({i, u"adw-state/%1"_s.arg(i % 7), u"latency"_s, {{u"rtt_ms"_s, i}}});
        if (i % 5 == 0)
            metrics->removeFeed(u"adw-state/%1"_s.arg((i + 3) % 7));
        QTest::qWait(1);
    }
    stop = true;
    scraper.join();
    QVERIFY(scrapes.load() >= 5);
    const Client last = request("GET /metrics HTTP/1.1\r\n\r\n");
    QCOMPARE(last.status(), 200);
    QVERIFY(
        last.body().contains("feedwatch_feed_messages_total{backend=\"default\",feed=\"queue\"} "
                             + QByteArray::number(s.messages) + '\n'));
    qInfo("%d scrapes while the table changed %lld times", scrapes.load(), qlonglong(s.messages));
}

QTEST_GUILESS_MAIN(tst_MetricsServer)
#include "tst_metricsserver.moc"
