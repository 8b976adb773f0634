#include "benchstats.h"
#include "procstats.h"
#include "sections.h"

#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "latencychart.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLineSeries>

using namespace Qt::StringLiterals;

// Chart: what one latency-chart update costs with 8 feeds x 10 samples/s and the full 10-minute
// window held: the flush (decimate, replace series, move axes) plus the repaint it causes, in
// CPU time of the GUI thread (a loaded machine stretches wall time, not CPU time).
namespace ChartBench {

QList<Figure> run(const BenchOptions &options)
{
    QList<Figure> figures;
    FeedHub hub(BenchEnv::config(1));
    LatencyChart chart(&hub);
    ManualClock clock(0, QDateTime::currentMSecsSinceEpoch());
    chart.setClock(&clock);
    chart.resize(1000, 320); // about its size on the Connections page of a 1280x760 window
    chart.show();
    BenchEnv::spinFor(200);
    const QStringList feeds = hub.feedIds();
    const qint64 windowMs = 10 * 60 * 1000;
    auto rtt = [](qint64 t, int feed) {
        return 0.3 + double((t / 100 + feed * 37) % 700) / 1000.0;
    };
    const qint64 start = clock.wallMs();
    for (qint64 t = start - windowMs; t < start; t += 100) {
        for (int i = 0; i < feeds.size(); ++i)
            emit hub.latencySample(feeds.at(i), t, rtt(t, i));
    }
    chart.flush();
    QCoreApplication::sendPostedEvents();
    chart.repaint();

    const int updates = options.quick ? 5 : 120;
    QList<double> costMs;
    QList<double> flushMs;
    qint64 nextSample = start;
    for (int u = 0; u < updates; ++u) {
        clock.advance(chart.flushIntervalMs());
        for (; nextSample <= clock.wallMs(); nextSample += 100) {
            for (int i = 0; i < feeds.size(); ++i)
                emit hub.latencySample(feeds.at(i), nextSample, rtt(nextSample, i));
        }
        const qint64 c0 = ProcStats::threadCpuNs();
        chart.flush();
        const qint64 c1 = ProcStats::threadCpuNs();
        QCoreApplication::sendPostedEvents();
        chart.repaint();
        const qint64 c2 = ProcStats::threadCpuNs();
        flushMs.append(double(c1 - c0) / 1e6);
        costMs.append(double(c2 - c0) / 1e6);
    }
    const qsizetype points = chart.series(feeds.first())->count();

    // Goal: one frame, so an update never makes the window stutter.
    Figure f = Figure::make(u"chart.update"_s, u"latency chart update, 8 feeds x 10/s, 10 min"_s,
                            BenchStats::median(costMs), u"ms"_s, updates)
                   .goalOnValue(Figure::Op::AtMost, 16);
    f.note = u"GUI-thread CPU per flush + repaint, median of %1 updates; flush alone %2 ms; "
             "%3 points drawn per line"_s.arg(updates)
                 .arg(BenchStats::median(flushMs), 0, 'f', 2)
                 .arg(points);
    f.detail = {{u"p90_ms"_s, BenchStats::percentile(costMs, 90)},
                {u"flush_ms"_s, BenchStats::median(flushMs)},
                {u"points_per_line"_s, points},
                {u"buffered_per_line"_s, chart.bufferedPoints(feeds.first())}};
    figures.append(f);

    const double perSecond = 1000.0 / chart.flushIntervalMs();
    Figure share = Figure::make(u"chart.cpu"_s, u"  chart CPU at %1 updates/s"_s.arg(perSecond),
                                BenchStats::mean(costMs) * perSecond / 10.0, u"%"_s, updates);
    share.note = u"mean update cost x %1 per second (the timer's rate at 10 min), % of one core; "
                 "the axis moves every tenth update"_s.arg(perSecond);
    figures.append(share);
    return figures;
}

} // namespace ChartBench
