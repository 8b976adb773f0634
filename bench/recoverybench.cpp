#include "benchdashboard.h"
#include "benchstats.h"
#include "procstats.h"
#include "sections.h"
#include "serverprocess.h"

#include "dashboard/feedhub.h"

#include <QHash>
#include <QJsonArray>

#include <cstdio>

using namespace Qt::StringLiterals;

// Recovery after a server restart: every connection gets close 1001, the server stops
// listening for a second (connection refused meanwhile) and listens again on the same ports
// with new data. Measured per feed from "listening again" to its panel's model holding the new
// snapshot, in the visible window.
namespace {
struct FeedTimes
{
    qint64 lastAttemptNs = 0;
    qint64 connectedNs = 0;
    qint64 panelNs = 0;
};
} // namespace

namespace RecoveryBench {

QList<Figure> run(const BenchOptions &options)
{
    QList<Figure> figures;
    ServerProcess server;
    if (!server.start({u"--rows"_s, u"20"_s, u"--ring"_s, u"8"_s})) {
        std::fprintf(stderr, "recovery: %s\n", qPrintable(server.error()));
        return figures;
    }
    const int downMs = options.quick ? 200 : 1000;
    QStringList sets;
    if (options.quick)
        sets = {u"backoff.initial_ms=100"_s, u"connection.stable_ms=200"_s};
    const Config config = BenchEnv::config(server.ports().first(), {}, sets);
    BenchDashboard dashboard(config, true);
    FeedHub *hub = dashboard.hub();
    QHash<QString, FeedTimes> times;
    QHash<QString, int> stable;
    bool recording = false;
    QObject::connect(hub, &FeedHub::eventReceived, hub, [&](const FeedEvent &e) {
        if (e.feed.isEmpty())
            return;
        if (e.event == "stable"_L1)
            ++stable[e.feed];
        if (!recording)
            return;
        FeedTimes &t = times[e.feed];
        if (e.event == "attempt"_L1 && t.connectedNs == 0)
            t.lastAttemptNs = ProcStats::monotonicNs();
        else if (e.event == "connected"_L1 && t.connectedNs == 0)
            t.connectedNs = ProcStats::monotonicNs();
    });
    QObject::connect(hub, &FeedHub::feedDataChanged, hub, [&](const QString &feed) {
        FeedTimes &t = times[feed];
        if (recording && t.connectedNs != 0 && t.panelNs == 0)
            t.panelNs = ProcStats::monotonicNs();
    });
    dashboard.start();
    const int runs = options.quick ? 1 : 3;
    QList<double> runMax;
    QList<double> all;
    QList<double> own; // attempt that succeeded -> panel updated
    int missing = 0;
    for (int run = 0; run < runs; ++run) {
        // Stable connections first, so each run starts from a reset backoff like a day's run.
        stable.clear();
        if (!BenchEnv::spinUntil(
                [&] { return dashboard.connectedCount() == 8 && stable.size() == 8; }, 60000)) {
            std::fprintf(stderr, "recovery: feeds did not become stable\n");
            break;
        }
        times.clear();
        recording = true;
        server.send("restart " + QByteArray::number(downMs));
        const qint64 listeningNs = ServerProcess::argument(server.waitFor("listening", 10000));
        BenchEnv::spinUntil(
            [&] {
                int done = 0;
                for (const FeedTimes &t : std::as_const(times))
                    done += t.panelNs != 0 ? 1 : 0;
                return done == 8;
            },
            30000);
        recording = false;
        QList<double> thisRun;
        for (auto it = times.cbegin(); it != times.cend(); ++it) {
            if (it->panelNs == 0)
                continue;
            thisRun.append(double(it->panelNs - listeningNs) / 1e6);
            own.append(double(it->panelNs - it->lastAttemptNs) / 1e6);
        }
        missing += 8 - int(thisRun.size());
        all += thisRun;
        runMax.append(BenchStats::maximum(thisRun));
    }
    QJsonArray samples;
    for (double s : all)
        samples.append(std::round(s));
    const Settings &s = config.settings;
    // A feed's first retry (initial delay, jittered) lands while the server is still down; the
    // second comes at most initial x multiplier later.
    const double bound = s.backoffInitialMs * s.backoffMultiplier + 250;

    Figure f =
        Figure::make(u"recovery.max"_s, u"recovery: listening again -> all 8 panels updated"_s,
                     BenchStats::median(runMax), u"ms"_s, runs)
            .goalOnValue(Figure::Op::AtMost, bound);
    f.failed = missing > 0 || all.isEmpty();
    f.note = u"restart with %1 ms down; slowest of 8 feeds, median of %2 runs; goal: second "
             "retry delay (%3 ms) + 250 ms"_s.arg(downMs)
                 .arg(runs)
                 .arg(s.backoffInitialMs * s.backoffMultiplier);
    f.detail = {{u"samples_ms"_s, samples},
                {u"p50_ms"_s, BenchStats::median(all)},
                {u"down_ms"_s, downMs},
                {u"feeds_not_recovered"_s, missing}};
    figures.append(f);

    Figure o = Figure::make(u"recovery.attempt_to_panel"_s,
                            u"  successful attempt -> panel updated (max)"_s,
                            BenchStats::maximum(own), u"ms"_s, runs)
                   .goalOnValue(Figure::Op::AtMost, 250);
    o.failed = f.failed;
    o.note = u"handshake, hello, client_ready, snapshot, decode, model; p50 %1 ms"_s.arg(
        BenchStats::median(own), 0, 'f', 1);
    figures.append(o);
    return figures;
}

} // namespace RecoveryBench
