#pragma once

#include "config/settings.h"

#include <QList>

class RandomSource;

// Spreads the automatic reconnects of one backend's feeds, so a restart of the server is not
// answered by all of them at once (nor by every operator's window at the same instant).
// Shared by the feeds of one backend (FeedEngine owns one per backend); pure, on the caller's
// clock.
//
// - After a restart close, the feeds of one wave (those that drop before its last slot) get
//   slots `base + rank * stagger.step_ms` after the first drop: `base` is drawn once per wave in
//   [reconnect.restart_min_ms, reconnect.restart_max_ms], so the most important feed (rank 0)
//   goes first and windows of different operators are spread over that range.
// - Every automatic attempt is booked: two attempts of one backend start at least
//   `reconnect.min_gap_ms` apart (at most 4 in any 100 ms with the default 30 ms, a little
//   timer lateness included).
class HerdControl final
{
public:
    HerdControl(const Settings &settings, RandomSource *random);

    // When (ms on the caller's monotonic clock) the feed of `rank` (0: most important) may try
    // first after a restart close at `nowMs`. Not booked; pass it through book().
    qint64 restartSlotMs(int rank, qint64 nowMs);
    // The earliest time at or after `wantedMs` that keeps min_gap_ms to every booked attempt;
    // books it. Bookings before `nowMs - min_gap_ms` are forgotten.
    qint64 book(qint64 wantedMs, qint64 nowMs);
    // Forgets a booking that will not be used (the retry was cancelled).
    void release(qint64 bookedMs);

private:
    qint64 m_minGap;
    qint64 m_restartMin;
    qint64 m_restartMax;
    qint64 m_step;
    RandomSource *m_random;
    qint64 m_waveStart = -1;
    qint64 m_waveBase = 0;
    int m_maxRank = 0;      // the highest rank seen: the wave's last slot
    QList<qint64> m_booked; // sorted
};
