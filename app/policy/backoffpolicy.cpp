#include "backoffpolicy.h"

#include <algorithm>
#include <cmath>

BackoffPolicy::BackoffPolicy(const Settings &settings)
    : m_initial(settings.backoffInitialMs)
    , m_multiplier(settings.backoffMultiplier)
    , m_max(settings.backoffMaxMs)
    , m_jitter(settings.backoffJitter)
{ }

qint64 BackoffPolicy::baseDelayMs(int attempt) const
{
    const int n = std::max(1, attempt);
    // pow() overflows to inf for large n, which min() turns into the cap.
    const double raw = m_initial * std::pow(m_multiplier, n - 1);
    return static_cast<qint64>(std::llround(std::min(m_max, raw)));
}

qint64 BackoffPolicy::delayMs(int attempt, double uniform) const
{
    const double u = std::clamp(uniform, 0.0, 1.0);
    const double factor = 1.0 - m_jitter * u;
    return static_cast<qint64>(std::llround(baseDelayMs(attempt) * factor));
}
