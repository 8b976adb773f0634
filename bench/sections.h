#pragma once

#include "benchenv.h"
#include "figure.h"

#include <QList>

// One function per section of the benchmark; each runs in its own process (feedwatch-bench
// --section NAME), starts its own bench server process and returns its figures.
namespace IngestBench {
QList<Figure> run(const BenchOptions &options);
}
namespace UiLagBench {
QList<Figure> run(const BenchOptions &options);
}
namespace DeadLinkBench {
QList<Figure> run(const BenchOptions &options);
}
namespace RecoveryBench {
QList<Figure> run(const BenchOptions &options);
}
namespace FootprintBench {
QList<Figure> run(const BenchOptions &options);
}
namespace ScaleBench {
QList<Figure> run(const BenchOptions &options);     // 480 feeds (--scale-backends 60)
QList<Figure> run1000(const BenchOptions &options); // 125 backends, 1000 feeds
} // namespace ScaleBench
namespace ChartBench {
QList<Figure> run(const BenchOptions &options);
}
namespace MetricsBench {
QList<Figure> run(const BenchOptions &options);
}
