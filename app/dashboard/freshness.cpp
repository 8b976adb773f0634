#include "freshness.h"

#include <QDateTime>

QString Freshness::duration(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, (ms + 999) / 1000);
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

Freshness Freshness::of(const FeedStats &stats, qint64 nowWallMs)
{
    Freshness out;
    if (stats.state == Feed::State::Connected) {
        out.live = true;
        out.text = tr("live");
        return out;
    }
    const QString since = stats.downSinceWallMs > 0
        ? QDateTime::fromMSecsSinceEpoch(stats.downSinceWallMs).toString(QStringLiteral("HH:mm:ss"))
        : QString();
    QString next;
    switch (stats.state) {
    case Feed::State::Idle:
        next = tr("not started");
        break;
    case Feed::State::Connecting:
        next = tr("connecting");
        break;
    case Feed::State::ReconnectWait:
        next = stats.nextRetryWallMs > 0
            ? tr("reconnecting in %1").arg(duration(stats.nextRetryWallMs - nowWallMs))
            : tr("reconnecting");
        break;
    case Feed::State::CircuitOpen:
        next = tr("circuit open, next try in %1").arg(duration(stats.halfOpenAtWallMs - nowWallMs));
        break;
    case Feed::State::Offline:
        next = tr("offline, waiting for the network");
        break;
    case Feed::State::Stopped:
        next = stats.stopReason == QLatin1StringView("auth")  ? tr("stopped: not authorized")
            : stats.stopReason == QLatin1StringView("config") ? tr("stopped: configuration error")
            : stats.stopReason == QLatin1StringView("tls") ? tr("stopped: certificate not trusted")
                                                           : tr("stopped");
        break;
    case Feed::State::Connected:
        break;
    }
    out.text =
        since.isEmpty() ? tr("no data (%1)").arg(next) : tr("stale since %1 (%2)").arg(since, next);
    // Degraded data only when HTTP actually delivers; a failing fallback is said as such.
    if (stats.fallback == Feed::Fallback::Delivering) {
        const QString polled = stats.lastPollOkWallMs > 0
            ? QDateTime::fromMSecsSinceEpoch(stats.lastPollOkWallMs)
                  .toString(QStringLiteral("HH:mm:ss"))
            : QString();
        out.text = tr("degraded (HTTP), last snapshot %1; WebSocket %2").arg(polled, next);
    } else if (stats.fallback == Feed::Fallback::Failing) {
        out.text = tr("%1; HTTP fallback failing: %2").arg(out.text, stats.fallbackError);
    }
    return out;
}
