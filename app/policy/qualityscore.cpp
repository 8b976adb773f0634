#include "qualityscore.h"

#include <algorithm>
#include <cmath>

namespace {

// Linear between (x0, y0) and (x1, y1), for x in [x0, x1].
double lerp(double x, double x0, double y0, double x1, double y1)
{
    if (x1 <= x0)
        return y1;
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
}

} // namespace

double QualityScore::latencyPart(double ewmaRttMs, const Settings &s)
{
    if (ewmaRttMs < 0)
        return -1;
    const double excellent = s.qualityExcellentMs;
    const double good = s.qualityGoodMs;
    const double poor = s.qualityPoorMs;
    const double zero = std::max<double>(s.heartbeatTimeoutMs, 2.0 * poor);
    if (ewmaRttMs <= excellent)
        return 1.0;
    if (ewmaRttMs <= good)
        return lerp(ewmaRttMs, excellent, 1.0, good, 0.8);
    if (ewmaRttMs <= poor)
        return lerp(ewmaRttMs, good, 0.8, poor, 0.5);
    if (ewmaRttMs < zero)
        return lerp(ewmaRttMs, poor, 0.5, zero, 0.0);
    return 0.0;
}

double QualityScore::freshnessPart(qint64 dataAgeMs, const Settings &s)
{
    const double stale = std::max(1, s.healthStaleMs);
    const double age = double(std::max<qint64>(0, dataAgeMs));
    if (age <= stale / 2)
        return 1.0;
    if (age >= stale)
        return 0.0;
    return lerp(age, stale / 2, 1.0, stale, 0.0);
}

QualityScore::Result QualityScore::compute(const Inputs &in, const Settings &s)
{
    Result r;
    r.latency = latencyPart(in.ewmaRttMs, s);
    // No attempt in the window: none failed.
    r.success = in.attempts > 0 ? std::clamp(double(in.successes) / in.attempts, 0.0, 1.0) : 1.0;
    r.uptime = std::clamp(in.uptimeShare, 0.0, 1.0);
    r.freshness = freshnessPart(in.dataAgeMs, s);
    double sum =
        kSuccessWeight * r.success + kUptimeWeight * r.uptime + kFreshnessWeight * r.freshness;
    double weights = kSuccessWeight + kUptimeWeight + kFreshnessWeight;
    if (r.latency >= 0) {
        sum += kLatencyWeight * r.latency;
        weights += kLatencyWeight;
    }
    r.score = int(std::lround(100.0 * sum / weights));
    return r;
}

int QualityScore::backend(const QList<int> &feedScores)
{
    qint64 sum = 0;
    int n = 0;
    for (const int score : feedScores) {
        if (score < 0)
            continue;
        sum += score;
        ++n;
    }
    return n ? int(std::lround(double(sum) / n)) : -1;
}
