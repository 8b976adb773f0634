#include "herdcontrol.h"

#include "core/clock.h"

#include <algorithm>
#include <cmath>

HerdControl::HerdControl(const Settings &settings, RandomSource *random)
    : m_minGap(settings.reconnectMinGapMs)
    , m_restartMin(settings.reconnectRestartMinMs)
    , m_restartMax(std::max(settings.reconnectRestartMinMs, settings.reconnectRestartMaxMs))
    , m_step(settings.staggerStepMs)
    , m_random(random)
{ }

qint64 HerdControl::restartSlotMs(int rank, qint64 nowMs)
{
    rank = std::max(0, rank);
    // A wave lasts until its last slot (of the highest rank seen): a feed that drops later
    // belongs to a new one. A drop seen late (a busy event loop reads the close frames of one
    // restart tens of ms apart) still joins its wave: the most important feed then goes at
    // once, ahead of the others' slots, instead of starting a wave of its own behind them.
    m_maxRank = std::max(m_maxRank, rank);
    if (m_waveStart < 0 || nowMs > m_waveStart + m_waveBase + qint64(m_maxRank) * m_step) {
        m_waveStart = nowMs;
        m_waveBase = m_restartMin
            + qint64(std::llround(m_random->uniform() * double(m_restartMax - m_restartMin)));
    }
    return std::max(nowMs, m_waveStart + m_waveBase + qint64(rank) * m_step);
}

qint64 HerdControl::book(qint64 wantedMs, qint64 nowMs)
{
    const auto stale = std::lower_bound(m_booked.begin(), m_booked.end(), nowMs - m_minGap);
    m_booked.erase(m_booked.begin(), stale);
    qint64 at = std::max(wantedMs, nowMs);
    if (m_minGap > 0) {
        // Walk the sorted bookings: each one too close pushes the candidate past it.
        for (const qint64 booked : std::as_const(m_booked)) {
            if (booked <= at - m_minGap)
                continue;
            if (booked >= at + m_minGap)
                break;
            at = booked + m_minGap;
        }
    }
    m_booked.insert(std::upper_bound(m_booked.begin(), m_booked.end(), at), at);
    return at;
}

void HerdControl::release(qint64 bookedMs)
{
    m_booked.removeOne(bookedMs);
}
