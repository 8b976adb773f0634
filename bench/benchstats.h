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
// Arithmetic mean; 0 for no samples. A cost that comes in occasional large steps (a chart's
// axis move every tenth update) is a mean, not a median, per second.
double mean(const QList<double> &values);
// One member of every record: values(rounds, &Round::rate).
template<typename T>
QList<double> values(const QList<T> &records, double T::*member)
{
    QList<double> out;
    out.reserve(records.size());
    for (const T &r : records)
        out.append(r.*member);
    return out;
}
} // namespace BenchStats
