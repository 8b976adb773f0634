#include "benchapplication.h"
#include "benchdashboard.h"
#include "benchstats.h"
#include "lagprobe.h"
#include "procstats.h"
#include "sections.h"
#include "serverprocess.h"

#include <QJsonArray>

#include <cstdio>

using namespace Qt::StringLiterals;

// UI responsiveness: the GUI thread's event-loop lag while 8 feeds each receive 200 snapshots/s
// of 100 rows into the visible main window. The peer is the same window with no data flowing,
// measured first in the same run.
namespace {
struct Window
{
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double ownP99Ms = 0;
    double ownMaxMs = 0;
    double waitShare = 0;      // GUI thread runnable but without a CPU
    double longestEventMs = 0; // GUI-thread CPU of the longest single event dispatch
    double p99EventMs = 0;
    QString longestWhat;
    double deliveredPerS = 0;
    double cpuPercent = 0;
};

Window measure(BenchDashboard &dashboard, int ms)
{
    LagProbe probe(10);
    const qint64 messages0 = dashboard.messages();
    const qint64 cpu0 = ProcStats::cpuUs();
    const qint64 t0 = ProcStats::monotonicNs();
    probe.start();
    BenchApplication::instance()->startRecording();
    BenchEnv::spinFor(ms);
    const QList<double> dispatches = BenchApplication::instance()->stopRecording();
    probe.stop();
    const double seconds = double(ProcStats::monotonicNs() - t0) / 1e9;
    Window w;
    const QList<double> lag = probe.samplesUs();
    w.p50Ms = BenchStats::percentile(lag, 50) / 1000.0;
    w.p99Ms = BenchStats::percentile(lag, 99) / 1000.0;
    w.maxMs = BenchStats::maximum(lag) / 1000.0;
    w.ownP99Ms = BenchStats::percentile(probe.ownSamplesUs(), 99) / 1000.0;
    w.ownMaxMs = BenchStats::maximum(probe.ownSamplesUs()) / 1000.0;
    w.waitShare = probe.runQueueShare();
    w.longestEventMs = BenchStats::maximum(dispatches);
    w.p99EventMs = BenchStats::percentile(dispatches, 99);
    const QList<BenchApplication::Slowest> slowest = BenchApplication::instance()->slowest();
    if (!slowest.isEmpty())
        w.longestWhat = slowest.first().what;
    w.cpuPercent = 100.0 * double(ProcStats::cpuUs() - cpu0) / 1e6 / seconds;
    // Stats reach the hub every 200 ms, so the count lags the window by at most that much.
    w.deliveredPerS = double(dashboard.messages() - messages0) / seconds;
    return w;
}

} // namespace

namespace UiLagBench {

QList<Figure> run(const BenchOptions &options)
{
    QList<Figure> figures;
    const int rows = 100;
    const double rate = options.quick ? 20 : 200;
    const int windowMs = options.quick ? 300 : 5000;
    const int windows = options.quick ? 1 : 3;
    ServerProcess server;
    if (!server.start(
            {u"--rows"_s, QString::number(rows), u"--ring"_s, u"32"_s, u"--changed"_s, u"5"_s})) {
        std::fprintf(stderr, "ui-lag: %s\n", qPrintable(server.error()));
        return figures;
    }
    BenchDashboard dashboard(BenchEnv::config(server.ports().first()), true);
    dashboard.start();
    if (!BenchEnv::spinUntil(
            [&] { return dashboard.connectedCount() == 8 && dashboard.feedsWithRows() == 8; },
            30000)) {
        std::fprintf(stderr, "ui-lag: feeds did not connect\n");
        return figures;
    }
    BenchEnv::spinFor(options.quick ? 100 : 1500);
    const Window idle = measure(dashboard, windowMs);

    const qint64 rss0 = ProcStats::rssKb();
    const QByteArray before = server.command("stats");
    server.command("rate " + QByteArray::number(rate));
    BenchEnv::spinFor(options.quick ? 100 : 2000); // warm-up: tables fill, caches settle
    QList<Window> busy;
    for (int i = 0; i < windows; ++i)
        busy.append(measure(dashboard, windowMs));
    const QByteArray after = server.command("stats");
    server.command("rate 0");
    const qint64 rss1 = ProcStats::rssKb();

    const qint64 sent = ServerProcess::field(after, "sent") - ServerProcess::field(before, "sent");
    const qint64 skipped =
        ServerProcess::field(after, "skipped") - ServerProcess::field(before, "skipped");
    const double offered = 8 * rate;
    QJsonArray perWindow;
    for (const Window &w : busy) {
        perWindow.append(QJsonObject {{u"p50_ms"_s, w.p50Ms},
                                      {u"p99_ms"_s, w.p99Ms},
                                      {u"max_ms"_s, w.maxMs},
                                      {u"own_p99_ms"_s, w.ownP99Ms},
                                      {u"own_max_ms"_s, w.ownMaxMs},
                                      {u"gui_thread_waiting_for_cpu"_s, w.waitShare},
                                      {u"longest_event_cpu_ms"_s, w.longestEventMs},
                                      {u"longest_event"_s, w.longestWhat},
                                      {u"p99_event_cpu_ms"_s, w.p99EventMs},
                                      {u"delivered_per_s"_s, w.deliveredPerS},
                                      {u"cpu_percent"_s, w.cpuPercent}});
    }
    const QJsonObject detail {{u"windows"_s, perWindow},
                              {u"window_ms"_s, windowMs},
                              {u"feeds"_s, 8},
                              {u"rows"_s, rows},
                              {u"offered_per_s"_s, offered},
                              {u"server_sent"_s, sent},
                              {u"server_skipped_backpressure"_s, skipped},
                              {u"rss_before_mib"_s, double(rss0) / 1024},
                              {u"rss_after_mib"_s, double(rss1) / 1024}};
    const QString note = u"8 feeds x %1/s x %2 rows into the visible window; median of %3 "
                         "windows of %4 s; peer: same window, no data"_s.arg(rate)
                             .arg(rows)
                             .arg(windows)
                             .arg(windowMs / 1000.0);

    auto lagFigure = [&](const QString &id, const QString &title, double Window::*member,
                         double idleValue, bool withGoal) {
        Figure f = Figure::make(id, title, BenchStats::median(BenchStats::values(busy, member)),
                                u"ms"_s, windows)
                       .withPeer(idleValue, u"same window, idle"_s)
                       .withSpread(BenchStats::values(busy, member));
        if (withGoal)
            f.goalOnValue(Figure::Op::AtMost, 8); // #17: p99 and the longest event
        f.note = note;
        f.detail = detail;
        return f;
    };
    figures.append(
        lagFigure(u"ui_lag.p50"_s, u"UI event-loop lag p50"_s, &Window::p50Ms, idle.p50Ms, false));
    figures.append(
        lagFigure(u"ui_lag.p99"_s, u"UI event-loop lag p99"_s, &Window::p99Ms, idle.p99Ms, true));
    figures.append(
        lagFigure(u"ui_lag.max"_s, u"UI event-loop lag max"_s, &Window::maxMs, idle.maxMs, false));
    Figure own = lagFigure(u"ui_lag.longest_event"_s, u"  longest single event (GUI CPU)"_s,
                           &Window::longestEventMs, idle.longestEventMs, true);
    own.note =
        u"GUI-thread CPU time of the longest event dispatch (%1): what Feedwatch's own "
        "work blocks the loop for; the GUI thread waited for a CPU %2 % of the time "
        "(idle window: %3 %)"_s.arg(busy.isEmpty() ? QString() : busy.last().longestWhat)
            .arg(100 * BenchStats::median(BenchStats::values(busy, &Window::waitShare)), 0, 'f', 0)
            .arg(100 * idle.waitShare, 0, 'f', 0);
    figures.append(own);

    Figure d = Figure::make(u"ui_lag.delivered"_s, u"  snapshots/s taken in during the flood"_s,
                            BenchStats::median(BenchStats::values(busy, &Window::deliveredPerS)),
                            u"msg/s"_s, windows)
                   .withPeer(offered, u"offered by the server"_s,
                             BenchStats::median(BenchStats::values(busy, &Window::deliveredPerS))
                                 / offered)
                   .goalOnRatio(Figure::Op::AtLeast, 0.95)
                   .withSpread(BenchStats::values(busy, &Window::deliveredPerS));
    d.note =
        u"server skips a snapshot when >1 MiB is queued for a socket (%1 skipped)"_s.arg(skipped);
    figures.append(d);

    Figure c = Figure::make(u"ui_lag.cpu"_s, u"  process CPU during the flood"_s,
                            BenchStats::median(BenchStats::values(busy, &Window::cpuPercent)),
                            u"%"_s, windows)
                   .withPeer(idle.cpuPercent, u"same window, idle"_s)
                   .withSpread(BenchStats::values(busy, &Window::cpuPercent));
    c.note = u"all threads, % of one core"_s;
    figures.append(c);
    return figures;
}

} // namespace UiLagBench
