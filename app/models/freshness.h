#pragma once

#include "connection/feedstats.h"

#include <QCoreApplication>
#include <QString>

// What a panel says about its data: "live", or since when it is stale and what happens next.
// Nothing may look live that is not, so "live" needs a connected feed.
struct Freshness
{
    Q_DECLARE_TR_FUNCTIONS(Freshness)

public:
    bool live = false;
    QString text; // "live", "stale since 12:03:41 (reconnecting in 4 s)", ...

    static Freshness of(const FeedStats &stats, qint64 nowWallMs);
    // "4 s", "2 min 5 s", "1 h 3 min"
    static QString duration(qint64 ms);
    // "stopped: not authorized", ... for a stopped feed.
    static QString stopText(Reconnect::StopReason reason);
    // What a reconnect waits for, when it is more than the backoff: "server restarting", ...
    static QString waitText(Reconnect::Wait wait);
    // The backend's restart incident that `stats` carries: "server restarting — down for 12 s ·
    // 3/8 feeds back"; empty without one.
    static QString restartText(const FeedStats &stats, qint64 nowWallMs);
};
