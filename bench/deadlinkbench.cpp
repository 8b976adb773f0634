#include "benchdashboard.h"
#include "benchstats.h"
#include "procstats.h"
#include "sections.h"
#include "serverprocess.h"

#include "dashboard/feedhub.h"

#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>

#include <cstdio>

using namespace Qt::StringLiterals;

// Dead-link detection: the server stops reading and writing every open connection (TCP stays
// up, so only the heartbeat can tell); the figure is the time from the freeze to the
// heartbeat_timeout event reaching the dashboard, for every feed.
namespace {
struct Variant
{
    QString id;
    QString title;
    int intervalMs;
    int timeoutMs;
};
} // namespace

namespace DeadLinkBench {

QList<Figure> run(const BenchOptions &options)
{
    QList<Figure> figures;
    ServerProcess server;
    if (!server.start({u"--rows"_s, u"10"_s, u"--ring"_s, u"4"_s})) {
        std::fprintf(stderr, "dead-link: %s\n", qPrintable(server.error()));
        return figures;
    }
    QList<Variant> variants;
    if (options.quick) {
        variants.append({u"quick"_s, u"dead link, 100 + 200 ms (smoke)"_s, 100, 200});
    } else {
        variants.append({u"default"_s, u"dead link detected, default settings"_s, 5000, 5000});
        variants.append({u"fast"_s, u"dead link detected, fast settings"_s, 1000, 1000});
    }
    QRandomGenerator random(8);
    for (const Variant &v : variants) {
        const QStringList sets = {u"heartbeat.interval_ms=%1"_s.arg(v.intervalMs),
                                  u"heartbeat.timeout_ms=%1"_s.arg(v.timeoutMs)};
        BenchDashboard dashboard(BenchEnv::config(server.ports().first(), {}, sets), false);
        FeedHub *hub = dashboard.hub();
        QHash<QString, qint64> verdictNs;
        QHash<QString, int> rtts;
        QObject::connect(hub, &FeedHub::eventReceived, hub, [&](const FeedEvent &e) {
            if (e.event == "heartbeat_timeout"_L1 && !verdictNs.contains(e.feed))
                verdictNs.insert(e.feed, ProcStats::monotonicNs());
        });
        QObject::connect(hub, &FeedHub::latencySample, hub,
                         [&](const QString &feed, qint64, double) { ++rtts[feed]; });
        dashboard.start();
        const int runs = options.quick ? 1 : 3;
        QList<double> samples;
        QList<double> runMedians;
        QList<double> runMaxima;
        int missed = 0;
        for (int run = 0; run < runs; ++run) {
            rtts.clear();
            // Every feed live and measured at least once on this connection.
            if (!BenchEnv::spinUntil(
                    [&] { return dashboard.connectedCount() == 8 && rtts.size() == 8; }, 60000)) {
                std::fprintf(stderr, "dead-link: feeds did not come up\n");
                break;
            }
            // Freeze at a random point of the heartbeat cycle.
            BenchEnv::spinFor(int(random.bounded(v.intervalMs)));
            verdictNs.clear();
            const qint64 frozenNs = ServerProcess::argument(server.command("freeze"));
            BenchEnv::spinUntil([&] { return verdictNs.size() == 8; },
                                v.intervalMs + v.timeoutMs + 5000);
            QList<double> run_;
            for (auto it = verdictNs.cbegin(); it != verdictNs.cend(); ++it)
                run_.append(double(it.value() - frozenNs) / 1e6);
            missed += 8 - int(run_.size());
            samples += run_;
            runMedians.append(BenchStats::median(run_));
            runMaxima.append(BenchStats::maximum(run_));
            server.command("thaw");
        }
        QJsonArray all;
        for (double s : samples)
            all.append(std::round(s));
        const double bound = v.intervalMs + v.timeoutMs;
        const QJsonObject detail {{u"samples_ms"_s, all},
                                  {u"interval_ms"_s, v.intervalMs},
                                  {u"timeout_ms"_s, v.timeoutMs},
                                  {u"feeds_not_detected"_s, missed}};
        Figure p50 = Figure::make(u"dead_link.%1.p50"_s.arg(v.id), v.title + u" (p50)"_s,
                                  BenchStats::median(runMedians), u"ms"_s, runs);
        p50.note = u"heartbeat %1 + %2 ms; freeze at a random point of the cycle; 8 feeds per "
                   "run, median of %3 runs"_s.arg(v.intervalMs)
                       .arg(v.timeoutMs)
                       .arg(runs);
        p50.detail = detail;
        figures.append(p50);
        Figure max = p50;
        max.id = u"dead_link.%1.max"_s.arg(v.id);
        max.title = v.title + u" (max)"_s;
        max.value = BenchStats::maximum(runMaxima);
        max.failed = missed > 0 || samples.isEmpty();
        // The contract: a ping is due one interval after the last round, and its pong has
        // timeout_ms to arrive. 5 % slack for timers on a loaded machine.
        max.goalOnValue(Figure::Op::AtMost, bound * 1.05);
        max.note =
            u"goal: interval + timeout (+5 %); max over all %1 samples"_s.arg(samples.size());
        figures.append(max);
    }
    return figures;
}

} // namespace DeadLinkBench
