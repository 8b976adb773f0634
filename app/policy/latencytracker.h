#pragma once

#include "config/settings.h"

#include <QList>
#include <QObject>

namespace Quality {
Q_NAMESPACE
// Unknown: connected, but no RTT measured yet. Nothing is "excellent" without a measurement.
enum class Tier { Disconnected, Unknown, Excellent, Good, Poor, Bad };
Q_ENUM_NS(Tier)
QString name(Tier tier); // "excellent", "good", ...
Tier forRtt(double rttMs, const Settings &settings);
} // namespace Quality

// RTT samples of one feed: last value, EWMA and percentiles over a sliding window.
class LatencyTracker final
{
public:
    explicit LatencyTracker(const Settings &settings);

    void addSample(double rttMs);
    void clear();

    int count() const { return int(m_window.size()); }
    qint64 totalSamples() const { return m_total; }
    double last() const { return m_last; }
    double ewma() const { return m_ewma; }
    // Nearest-rank percentile over the window, p in (0, 100]; -1 with no samples.
    double percentile(double p) const;
    Quality::Tier quality() const;

private:
    Settings m_settings;
    QList<double> m_window; // oldest first
    qint64 m_total = 0;
    double m_last = -1;
    double m_ewma = -1;
};
