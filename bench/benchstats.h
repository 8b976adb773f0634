#pragma once

#include <QList>

// Order statistics over a run's samples.
namespace BenchStats {
// Nearest-rank percentile (p in [0, 100]); 0 for no samples.
double percentile(QList<double> values, double p);
inline double median(const QList<double> &values)
{
    return percentile(values, 50);
}
double maximum(const QList<double> &values);
} // namespace BenchStats
