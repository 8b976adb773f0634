#include "benchstats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace BenchStats {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

double maximum(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
}

double mean(const QList<double> &values)
{
    return values.isEmpty() ? 0
                            : std::accumulate(values.begin(), values.end(), 0.0) / values.size();
}

} // namespace BenchStats
