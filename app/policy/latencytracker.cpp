#include "latencytracker.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

QString Quality::name(Tier tier)
{
    switch (tier) {
    case Tier::Disconnected:
        return u"disconnected"_s;
    case Tier::Unknown:
        return u"unknown"_s;
    case Tier::Excellent:
        return u"excellent"_s;
    case Tier::Good:
        return u"good"_s;
    case Tier::Poor:
        return u"poor"_s;
    case Tier::Bad:
        return u"bad"_s;
    }
    return {};
}

Quality::Tier Quality::forRtt(double rttMs, const Settings &settings)
{
    if (rttMs < 0)
        return Tier::Unknown;
    if (rttMs < settings.qualityExcellentMs)
        return Tier::Excellent;
    if (rttMs < settings.qualityGoodMs)
        return Tier::Good;
    if (rttMs < settings.qualityPoorMs)
        return Tier::Poor;
    return Tier::Bad;
}

LatencyTracker::LatencyTracker(const Settings &settings)
    : m_settings(settings)
{ }

void LatencyTracker::addSample(double rttMs)
{
    m_last = rttMs;
    const double alpha = m_settings.latencyEwmaAlpha;
    m_ewma = m_ewma < 0 ? rttMs : alpha * rttMs + (1.0 - alpha) * m_ewma;
    m_window.append(rttMs);
    if (m_window.size() > m_settings.latencyWindow)
        m_window.removeFirst();
    ++m_total;
}

void LatencyTracker::clear()
{
    m_window.clear();
    m_last = -1;
    m_ewma = -1;
}

double LatencyTracker::percentile(double p) const
{
    if (m_window.isEmpty())
        return -1;
    QList<double> sorted = m_window;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = static_cast<qsizetype>(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

Quality::Tier LatencyTracker::quality() const
{
    // The smoothed value decides the tier, so one slow pong does not flip the badge.
    return Quality::forRtt(m_ewma, m_settings);
}
