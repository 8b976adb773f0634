#pragma once

#include "config/settings.h"

#include <QList>
#include <QtGlobal>

// The quality score of a feed, 0-100, from four parts over `quality.window_ms` (docs/health.md):
// latency (the RTT EWMA against the quality tiers), the success rate of connection attempts, the
// share of the window the feed was connected, and how fresh its data is. Pure arithmetic, so the
// formula is tested row by row (tst_qualityscore) and read in one place.
class QualityScore final
{
public:
    struct Inputs
    {
        double ewmaRttMs = -1;  // of the current connection; -1: no sample (the part is left out)
        int attempts = 0;       // attempts that ended or connected within the window
        int successes = 0;      // of those, the ones that connected
        double uptimeShare = 0; // connected time / observed time in the window, 0..1
        qint64 dataAgeMs = 0;   // since the last data (or since the start, before any)
    };

    struct Result
    {
        int score = -1;      // 0..100; -1: not started
        double latency = -1; // each part 0..1; latency -1 when left out
        double success = 0;
        double uptime = 0;
        double freshness = 0;
    };

    // Weights of the parts; without a latency sample the others share its weight.
    static constexpr double kLatencyWeight = 0.25;
    static constexpr double kSuccessWeight = 0.25;
    static constexpr double kUptimeWeight = 0.30;
    static constexpr double kFreshnessWeight = 0.20;

    static Result compute(const Inputs &inputs, const Settings &settings);
    // 1 up to quality.excellent_ms, 0.8 at good_ms, 0.5 at poor_ms, 0 at heartbeat.timeout_ms
    // (or twice poor_ms when that is later), linear in between.
    static double latencyPart(double ewmaRttMs, const Settings &settings);
    // 1 up to half of health.stale_ms, 0 from health.stale_ms on, linear in between.
    static double freshnessPart(qint64 dataAgeMs, const Settings &settings);
    // A backend's score: the mean of its feeds' scores (those >= 0); -1 with none.
    static int backend(const QList<int> &feedScores);
};
