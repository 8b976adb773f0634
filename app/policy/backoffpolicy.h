#pragma once

#include "config/settings.h"

// delay(n) = min(max, initial * multiplier^(n-1)) * factor, factor uniform in [1-jitter, 1].
// Pure: the random draw is passed in, so callers decide where randomness comes from.
class BackoffPolicy final
{
public:
    explicit BackoffPolicy(const Settings &settings);
    // Un-jittered delay for the 1-based attempt number.
    qint64 baseDelayMs(int attempt) const;
    // `uniform` is a draw in [0, 1); 0 gives the full delay, close to 1 the shortest.
    qint64 delayMs(int attempt, double uniform) const;

private:
    double m_initial;
    double m_multiplier;
    double m_max;
    double m_jitter;
};
