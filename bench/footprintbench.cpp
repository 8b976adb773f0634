#include "benchstats.h"
#include "procstats.h"
#include "sections.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

// Footprint of the real application: build-bench/feedwatch (Release), 8 feeds connected to the
// bench server, the Connections page (table and latency chart) on screen, nothing flowing but
// heartbeats. CPU and RSS are read from /proc/<pid> of that process.
namespace FootprintBench {

QList<Figure> run(const BenchOptions &options)
{
    QList<Figure> figures;
    ServerProcess server;
    if (!server.start({u"--rows"_s, u"20"_s, u"--ring"_s, u"4"_s})) {
        std::fprintf(stderr, "footprint: %s\n", qPrintable(server.error()));
        return figures;
    }
    QTemporaryDir home;
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home.path());
    env.insert(u"FEEDWATCH_PANEL"_s, u"connections"_s); // the page with the latency chart
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.setStandardOutputFile(QProcess::nullDevice());
    app.start(QStringLiteral(FEEDWATCH_APP),
              {u"--server"_s, u"ws://127.0.0.1:%1"_s.arg(server.ports().first())});
    if (!app.waitForStarted(10000)) {
        std::fprintf(stderr, "footprint: cannot start %s\n", FEEDWATCH_APP);
        return figures;
    }
    const qint64 pid = app.processId();
    const bool up = server.waitForReady(8, 60000);
    // Let start-up work (first pongs, first layouts, font caches) finish before measuring.
    BenchEnv::spinFor(options.quick ? 300 : 5000);
    const qint64 rssStart = ProcStats::rssKb(pid);
    const int idleSeconds = options.quick ? 1 : 60;
    const int totalSeconds = options.longRun ? 600 : idleSeconds;
    const qint64 cpu0 = ProcStats::cpuUsOf(pid);
    const qint64 t0 = ProcStats::monotonicNs();
    double idleCpu = NAN;
    QJsonArray rssSeries {double(rssStart) / 1024};
    for (int elapsed = 0; elapsed < totalSeconds;) {
        const int step = std::min(idleSeconds, totalSeconds - elapsed);
        BenchEnv::spinFor(step * 1000);
        elapsed += step;
        if (std::isnan(idleCpu)) {
            idleCpu = 100.0 * double(ProcStats::cpuUsOf(pid) - cpu0) / 1e6
                / (double(ProcStats::monotonicNs() - t0) / 1e9);
        }
        rssSeries.append(double(ProcStats::rssKb(pid)) / 1024);
    }
    const qint64 rssEnd = ProcStats::rssKb(pid);
    const bool stillConnected = ServerProcess::field(server.command("stats"), "ready") == 8;
    app.terminate();
    if (!app.waitForFinished(5000))
        app.kill();
    app.waitForFinished(3000);

    const bool ok = up && stillConnected && rssStart > 0 && rssEnd > 0;
    const QString endName = options.longRun ? u"after 10 min"_s : u"after %1 s"_s.arg(totalSeconds);
    Figure cpu = Figure::make(u"footprint.idle_cpu"_s, u"idle CPU, 8 feeds, charts visible"_s,
                              idleCpu, u"%"_s, 1)
                     .goalOnValue(Figure::Op::AtMost, 1.0);
    cpu.failed = !ok;
    cpu.note = u"feedwatch process (all threads) over %1 s, % of one core, Connections page "
               "shown"_s.arg(idleSeconds);
    figures.append(cpu);

    Figure start = Figure::make(u"footprint.rss_start"_s, u"RSS after start"_s,
                                double(rssStart) / 1024, u"MiB"_s, 1)
                       .goalOnValue(Figure::Op::AtMost, 100);
    start.failed = !ok;
    start.note = u"VmRSS once 8 feeds are connected + 5 s"_s;
    figures.append(start);

    Figure end = start;
    end.id = options.longRun ? u"footprint.rss_10min"_s : u"footprint.rss_end"_s;
    end.title = u"RSS "_s + endName;
    end.value = double(rssEnd) / 1024;
    end.note = u"VmRSS sampled every %1 s"_s.arg(idleSeconds);
    end.detail = {{u"rss_mib"_s, rssSeries}};
    figures.append(end);

    // "Flat": at most 5 MiB more than after start.
    Figure growth = Figure::make(u"footprint.rss_growth"_s, u"  RSS growth "_s + endName,
                                 double(rssEnd - rssStart) / 1024, u"MiB"_s, 1)
                        .goalOnValue(Figure::Op::AtMost, 5);
    growth.failed = !ok;
    growth.note = u"flat: at most 5 MiB more than after start"_s;
    figures.append(growth);
    return figures;
}

} // namespace FootprintBench
