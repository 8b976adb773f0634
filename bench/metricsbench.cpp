#include "benchapplication.h"
#include "benchdashboard.h"
#include "benchstats.h"
#include "lagprobe.h"
#include "procstats.h"
#include "sections.h"
#include "serverprocess.h"

#include "metrics/metricsexporter.h"

#include <QHash>
#include <QJsonArray>

#include <arpa/inet.h>
#include <atomic>
#include <cstdio>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

// /metrics at scale: the scale section's 60 backends x 8 feeds in one windowed dashboard with the
// exporter following its hub, scraped back to back from another thread as Prometheus would
// (one connection per scrape, plain and gzip), while the GUI thread's event-loop lag is measured
// with and without the scraping.
namespace MetricsBench {

namespace {
struct Scrape
{
    double ms = -1; // connect to the last byte of the body
    qint64 bytes = 0;
};

// One blocking HTTP/1.1 scrape over loopback, like Prometheus's: a new connection each time.
Scrape scrape(quint16 port, bool gzip)
{
    Scrape out;
    const qint64 t0 = ProcStats::monotonicNs();
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return out;
    sockaddr_in to {};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QByteArray request = "GET /metrics HTTP/1.1\r\nHost: bench\r\n";
    if (gzip)
        request += "Accept-Encoding: gzip\r\n";
    request += "\r\n";
    QByteArray response;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&to), sizeof to) == 0
        && ::send(fd, request.constData(), size_t(request.size()), 0) == request.size()) {
        char buffer[65536];
        ssize_t n = 0;
        while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) // the server closes when done
            response.append(buffer, n);
    }
    ::close(fd);
    if (!response.startsWith("HTTP/1.1 200"))
        return out;
    out.ms = double(ProcStats::monotonicNs() - t0) / 1e6;
    out.bytes = response.size() - response.indexOf("\r\n\r\n") - 4;
    return out;
}
} // namespace

QList<Figure> run(const BenchOptions &options)
{
    QList<Figure> figures;
    const int backends = options.quick ? 2 : options.scaleBackends;
    const int feeds = backends * 8;
    ServerProcess server;
    if (!server.start({u"--backends"_s, QString::number(backends), u"--rows"_s, u"10"_s,
                       u"--ring"_s, u"8"_s, u"--changed"_s, u"2"_s})) {
        std::fprintf(stderr, "metrics: %s\n", qPrintable(server.error()));
        return figures;
    }
    const Config config = BenchEnv::multiBackendConfig(server.ports(), {u"stagger.step_ms=10"_s});
    BenchDashboard dashboard(config, true);
    MetricsExporter exporter(config);
    exporter.follow(dashboard.hub());
    QString error;
    if (!exporter.listen(ListenAddress::parse(u"0"_s, &error), &error)) {
        std::fprintf(stderr, "metrics: %s\n", qPrintable(error));
        return figures;
    }
    const quint16 port = exporter.port();
    dashboard.start();
    if (!BenchEnv::spinUntil([&] { return dashboard.connectedCount() == feeds; }, 180000)) {
        std::fprintf(stderr, "metrics: only %d of %d feeds connected\n", dashboard.connectedCount(),
                     feeds);
        return figures;
    }
    server.command("rate 0.5");
    BenchEnv::spinFor(options.quick ? 200 : 4000); // pongs and snapshots for every feed

    const int windowMs = options.quick ? 500 : 10000;
    // Scrapes back to back (plain and gzip in turn) from another thread: the scrape time, and
    // the metrics thread's CPU per scrape, which the machine's load does not stretch.
    QList<Scrape> plain;
    QList<Scrape> gzipped;
    auto metricsThreadCpuUs = [] {
        qint64 us = 0;
        const QHash<QString, qint64> threads = ProcStats::threadCpuUsByName();
        for (auto it = threads.cbegin(); it != threads.cend(); ++it)
            us += it.key().startsWith("feedwatch-metr"_L1) ? it.value() : 0;
        return us;
    };
    {
        std::atomic<bool> stop = false;
        const qint64 cpu0 = metricsThreadCpuUs();
        std::thread scraper([&] {
            for (bool zip = false; !stop.load(); zip = !zip)
                (zip ? gzipped : plain).append(scrape(port, zip));
        });
        BenchEnv::spinFor(windowMs);
        stop = true;
        scraper.join();
        const double cpuMs = double(metricsThreadCpuUs() - cpu0) / 1000.0;
        const qsizetype total = plain.size() + gzipped.size();
        Figure cpu = Figure::make(u"metrics.scrape.cpu"_s, u"  metrics thread CPU per scrape"_s,
                                  total ? cpuMs / double(total) : NAN, u"ms"_s, int(total));
        cpu.note =
            u"CPU time of the feedwatch-metrics thread (render, gzip for half, writes) "
            "over %1 scrapes; the scrape's wall time above adds waiting for a CPU"_s.arg(total);
        figures.append(cpu);
    }

    // The GUI thread while Prometheus scrapes once a second (its shortest usual interval),
    // against the same dashboard not scraped.
    auto measureLag = [&](bool scraping) {
        std::atomic<bool> stop = false;
        std::thread scraper;
        if (scraping) {
            scraper = std::thread([&] {
                for (bool zip = true; !stop.load(); zip = !zip) {
                    scrape(port, zip);
                    for (int i = 0; i < 100 && !stop.load(); ++i)
                        std::this_thread::sleep_for(std::chrono::milliseconds(10));
                }
            });
        }
        LagProbe probe(10);
        probe.start();
        BenchApplication::instance()->startRecording();
        BenchEnv::spinFor(windowMs);
        const QList<double> dispatches = BenchApplication::instance()->stopRecording();
        probe.stop();
        stop = true;
        if (scraper.joinable())
            scraper.join();
        return std::make_pair(probe.samplesUs(), dispatches);
    };
    const auto [quietLag, quietDispatches] = measureLag(false);
    const auto [busyLag, busyDispatches] = measureLag(true);

    auto times = [](const QList<Scrape> &scrapes, int *failed) {
        QList<double> ms;
        for (const Scrape &s : scrapes) {
            if (s.ms >= 0)
                ms << s.ms;
            else
                ++*failed;
        }
        return ms;
    };
    int failed = 0;
    const QList<double> plainMs = times(plain, &failed);
    const QList<double> gzipMs = times(gzipped, &failed);
    const qint64 plainBytes = plain.isEmpty() ? 0 : plain.last().bytes;
    const qint64 gzipBytes = gzipped.isEmpty() ? 0 : gzipped.last().bytes;
    std::fprintf(stderr,
                 "metrics: %lld plain scrapes of %lld bytes (p50 %.1f ms, max %.1f ms), %lld gzip "
                 "of %lld bytes (p50 %.1f ms, max %.1f ms), %d failed\n",
                 qlonglong(plainMs.size()), qlonglong(plainBytes), BenchStats::median(plainMs),
                 BenchStats::maximum(plainMs), qlonglong(gzipMs.size()), qlonglong(gzipBytes),
                 BenchStats::median(gzipMs), BenchStats::maximum(gzipMs), failed);

    const QString note = u"%1 feeds (%2 backends x 8), a changed snapshot per feed every 2 s, "
                         "window visible; scraped back to back from another thread for %3 s, "
                         "a new connection each"_s.arg(feeds)
                             .arg(backends)
                             .arg(windowMs / 1000);
    Figure p50 =
        Figure::make(u"metrics.scrape.p50"_s, u"/metrics scrape, %1 feeds (p50)"_s.arg(feeds),
                     BenchStats::median(plainMs), u"ms"_s, int(plainMs.size()));
    p50.note = note;
    p50.failed = plainMs.isEmpty() || failed > 0;
    p50.detail = {{u"bytes"_s, plainBytes}, {u"scrapes"_s, plainMs.size()}};
    figures.insert(0, p50);
    Figure max = Figure::make(u"metrics.scrape.max"_s, u"  scrape (max)"_s,
                              BenchStats::maximum(plainMs), u"ms"_s, int(plainMs.size()))
                     .goalOnValue(Figure::Op::AtMost, 50);
    max.note = u"%1 bytes per scrape, text format 0.0.4"_s.arg(plainBytes);
    max.failed = p50.failed;
    figures.insert(1, max);
    Figure zip = Figure::make(u"metrics.scrape.gzip.max"_s, u"  scrape with gzip (max)"_s,
                              BenchStats::maximum(gzipMs), u"ms"_s, int(gzipMs.size()))
                     .goalOnValue(Figure::Op::AtMost, 50);
    zip.note =
        u"Accept-Encoding: gzip, as Prometheus sends it: %1 bytes; p50 %2 ms"_s.arg(gzipBytes).arg(
            BenchStats::median(gzipMs), 0, 'f', 1);
    zip.failed = gzipMs.isEmpty() || failed > 0;
    figures.insert(2, zip);

    const double busyP99 = BenchStats::percentile(busyLag, 99) / 1000.0;
    const double quietP99 = BenchStats::percentile(quietLag, 99) / 1000.0;
    Figure lag = Figure::make(u"metrics.lag.p99"_s, u"  GUI event-loop lag p99, scraped 1/s"_s,
                              busyP99, u"ms"_s, 1)
                     .goalOnValue(Figure::Op::AtMost, 16)
                     .withPeer(quietP99, u"the same dashboard, not scraped"_s);
    lag.note = u"over %1 s each; max %2 ms scraped, %3 ms not"_s.arg(windowMs / 1000)
                   .arg(BenchStats::maximum(busyLag) / 1000.0, 0, 'f', 1)
                   .arg(BenchStats::maximum(quietLag) / 1000.0, 0, 'f', 1);
    figures.append(lag);
    Figure own =
        Figure::make(u"metrics.longest_event"_s, u"  longest single event (GUI CPU)"_s,
                     BenchStats::maximum(busyDispatches), u"ms"_s, 1)
            .goalOnValue(Figure::Op::AtMost, 16)
            .withPeer(BenchStats::maximum(quietDispatches), u"the same dashboard, not scraped"_s);
    own.note = u"GUI-thread CPU of the longest event dispatch while scraped 1/s"_s;
    figures.append(own);
    return figures;
}

} // namespace MetricsBench
