#include "benchdashboard.h"
#include "benchdata.h"
#include "benchstats.h"
#include "procstats.h"
#include "sections.h"
#include "serverprocess.h"

#include "dashboard/feedhub.h"
#include "mainwindow.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

// Footprint of the real application: build-bench/feedwatch (Release), the profile's nine default
// feeds connected to the bench server, the Connections page (table and latency chart) on
// screen, nothing flowing but heartbeats. CPU and RSS are read from /proc/<pid> of that process.
namespace {

// The dashboard in this process, heartbeats only, Connections page: on screen, minimised, and
// hidden (closed to the tray), in that order, in windows of the same length. Nobody sees a
// minimised or hidden window: #17 wants it near zero.
QList<Figure> windowStates(quint16 port, const BenchOptions &options)
{
    QList<Figure> figures;
    BenchDashboard dashboard(BenchEnv::config(port), true);
    dashboard.window()->showPanel(u"connections"_s);
    dashboard.start();
    const bool up = BenchEnv::spinUntil([&] { return dashboard.connectedCount() == 8; }, 30000);
    BenchEnv::spinFor(options.quick ? 300 : 3000);
    const int windows = options.quick ? 1 : 4;
    const int seconds = options.quick ? 1 : 10;
    // Windows of one state, and that state's CPU by thread over all of them.
    auto measure = [&](QString *threads) {
        const QHash<QString, qint64> before = ProcStats::threadCpuUsByName();
        const qint64 t0 = ProcStats::monotonicNs();
        const QList<double> samples = BenchEnv::cpuWindows(windows, seconds * 1000);
        *threads = BenchEnv::threadShares(before, ProcStats::threadCpuUsByName(),
                                          ProcStats::monotonicNs() - t0);
        return samples;
    };
    QString visibleThreads, minimisedThreads, hiddenThreads;
    const QList<double> visible = measure(&visibleThreads);
    dashboard.window()->showMinimized();
    BenchEnv::spinFor(options.quick ? 100 : 1000);
    const QList<double> minimised = measure(&minimisedThreads);
    dashboard.window()->showNormal();
    dashboard.window()->hide();
    BenchEnv::spinFor(options.quick ? 100 : 1000);
    const QList<double> hidden = measure(&hiddenThreads);
    const bool ok = up && dashboard.connectedCount() == 8;

    const double visibleCpu = BenchStats::median(visible);
    auto figure = [&](const QString &id, const QString &title, const QList<double> &samples,
                      const QString &threads) {
        const double value = BenchStats::median(samples);
        Figure f = Figure::make(id, title, value, u"%"_s, int(samples.size()))
                       .withPeer(visibleCpu, u"same dashboard on screen, this process"_s,
                                 visibleCpu > 0 ? value / visibleCpu : NAN)
                       .goalOnValue(Figure::Op::AtMost, 0.2) // #17
                       .withSpread(samples);
        f.failed = !ok;
        f.note = u"the bench process itself (8 feeds, Connections page, heartbeats only; its "
                 "memory guard left out), median of %1 windows of %2 s; by thread: %3; on "
                 "screen: %4 % (%5; %6)"_s.arg(samples.size())
                     .arg(seconds)
                     .arg(threads)
                     .arg(visibleCpu, 0, 'f', 2)
                     .arg(Figure().withSpread(visible).spreadText(), visibleThreads);
        return f;
    };
    figures.append(figure(u"footprint.minimised_cpu"_s, u"  idle CPU, window minimised"_s,
                          minimised, minimisedThreads));
    figures.append(figure(u"footprint.hidden_cpu"_s, u"  idle CPU, window hidden (tray)"_s, hidden,
                          hiddenThreads));
    return figures;
}

} // namespace

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
    const int feeds = int(BenchData::servedFeeds().size());
    const bool up = server.waitForReady(feeds, 60000);
    // Let start-up work (first pongs, first layouts, font caches) finish before measuring.
    BenchEnv::spinFor(options.quick ? 300 : 5000);
    const qint64 rssStart = ProcStats::rssKb(pid);
    const int idleSeconds = options.quick ? 1 : 60;
    const int totalSeconds = options.longRun ? 600 : idleSeconds;
    // The idle minute in windows of 10 s: the median is the figure, min-max its spread (a
    // neighbour's build moves single windows, not all of them).
    const int windowSeconds = options.quick ? 1 : 10;
    QList<double> idleWindows;
    QJsonArray rssSeries {double(rssStart) / 1024};
    for (int elapsed = 0; elapsed < totalSeconds;) {
        const int step = std::min(idleSeconds, totalSeconds - elapsed);
        for (int w = 0; w * windowSeconds < step; ++w) {
            const qint64 cpu0 = ProcStats::cpuUsOf(pid);
            const qint64 t0 = ProcStats::monotonicNs();
            BenchEnv::spinFor(std::min(windowSeconds, step - w * windowSeconds) * 1000);
            if (elapsed < idleSeconds) {
                idleWindows.append(100.0 * double(ProcStats::cpuUsOf(pid) - cpu0) / 1e6
                                   / (double(ProcStats::monotonicNs() - t0) / 1e9));
            }
        }
        elapsed += step;
        rssSeries.append(double(ProcStats::rssKb(pid)) / 1024);
    }
    const double idleCpu = idleWindows.isEmpty() ? NAN : BenchStats::median(idleWindows);
    const qint64 rssEnd = ProcStats::rssKb(pid);
    const bool stillConnected = ServerProcess::field(server.command("stats"), "ready") == feeds;
    app.terminate();
    if (!app.waitForFinished(5000))
        app.kill();
    app.waitForFinished(3000);

    const bool ok = up && stillConnected && rssStart > 0 && rssEnd > 0;
    const QString endName = options.longRun ? u"after 10 min"_s : u"after %1 s"_s.arg(totalSeconds);
    Figure cpu =
        Figure::make(u"footprint.idle_cpu"_s, u"idle CPU, %1 feeds, charts visible"_s.arg(feeds),
                     idleCpu, u"%"_s, int(idleWindows.size()))
            .goalOnValue(Figure::Op::AtMost, 0.5) // #17
            .withSpread(idleWindows);
    cpu.failed = !ok;
    cpu.note = u"feedwatch process (all threads), median of %1 windows of %2 s, % of one core, "
               "Connections page shown"_s.arg(idleWindows.size())
                   .arg(windowSeconds);
    figures.append(cpu);

    Figure start = Figure::make(u"footprint.rss_start"_s, u"RSS after start"_s,
                                double(rssStart) / 1024, u"MiB"_s, 1)
                       .goalOnValue(Figure::Op::AtMost, 100);
    start.failed = !ok;
    start.note = u"VmRSS once %1 feeds are connected + 5 s"_s.arg(feeds);
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
    figures.append(windowStates(server.ports().first(), options));
    return figures;
}

} // namespace FootprintBench
