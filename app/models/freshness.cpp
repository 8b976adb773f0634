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

QString Freshness::stopText(Reconnect::StopReason reason)
{
    switch (reason) {
    case Reconnect::StopReason::Auth:
        return tr("stopped: not authorized");
    case Reconnect::StopReason::Refused:
        return tr("stopped: refused (unknown path, or credentials refused)");
    case Reconnect::StopReason::Config:
        return tr("stopped: configuration error");
    case Reconnect::StopReason::Tls:
        return tr("stopped: certificate not trusted");
    case Reconnect::StopReason::None:
    case Reconnect::StopReason::Manual:
        break;
    }
    return tr("stopped");
}

QString Freshness::waitText(Reconnect::Wait wait)
{
    switch (wait) {
    case Reconnect::Wait::Restart:
        return tr("server restarting");
    case Reconnect::Wait::TryLater:
        return tr("server asked to try later");
    case Reconnect::Wait::NotReady:
        return tr("server not ready yet");
    case Reconnect::Wait::NotAccepting:
        return tr("server not accepting connections yet");
    case Reconnect::Wait::None:
    case Reconnect::Wait::Backoff:
    case Reconnect::Wait::Circuit:
        break;
    }
    return {};
}

QString Freshness::restartText(const FeedStats &stats, qint64 nowWallMs)
{
    if (stats.restartSinceWallMs <= 0)
        return {};
    const QString down = duration(nowWallMs - stats.restartSinceWallMs);
    const QString back =
        tr("%1/%2 feeds back").arg(stats.restartFeedsBack).arg(stats.restartFeedsTotal);
    return stats.restartAnnounced
        ? tr("server restarting — down for %1 · %2").arg(down, back)
        : tr("server restarting or unreachable — down for %1 · %2").arg(down, back);
}

Freshness Freshness::of(const FeedStats &stats, qint64 nowWallMs)
{
    Freshness out;
    // HTTP first: the page shows the one snapshot fetched at start until the WebSocket's own.
    const QString httpFirst = stats.dataSource == QLatin1StringView("http")
            && stats.fallback == Feed::Fallback::Off && stats.lastPollOkWallMs > 0
        ? tr("showing the HTTP snapshot of %1")
              .arg(QDateTime::fromMSecsSinceEpoch(stats.lastPollOkWallMs)
                       .toString(QStringLiteral("HH:mm:ss")))
        : QString();
    if (stats.state == Feed::State::Connected) {
        out.live = true;
        // Data flows, but not in the shape the profile describes: never a plain "live".
        out.text = stats.dataError.isEmpty() ? tr("live") : tr("live, unexpected data");
        if (!httpFirst.isEmpty())
            out.text = tr("%1, %2 until the WebSocket sends its own").arg(out.text, httpFirst);
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
        if (const QString why = waitText(stats.wait); !why.isEmpty())
            next = tr("%1, %2").arg(why, next);
        break;
    case Feed::State::CircuitOpen:
        next = tr("circuit open, next try in %1").arg(duration(stats.halfOpenAtWallMs - nowWallMs));
        break;
    case Feed::State::Offline:
        next = tr("offline, waiting for the network");
        break;
    case Feed::State::Stopped:
        next = stopText(stats.stopReason);
        break;
    case Feed::State::Connected:
        break;
    }
    // "Stale" claims there was data once; a feed that never delivered says so.
    const bool neverHadData = stats.snapshots == 0 && stats.lastPollOkWallMs == 0;
    out.text = since.isEmpty() || neverHadData ? tr("no data (%1)").arg(next)
                                               : tr("stale since %1 (%2)").arg(since, next);
    // Degraded data only when HTTP actually delivers; a failing fallback is said as such.
    if (stats.fallback == Feed::Fallback::Delivering) {
        const QString polled = stats.lastPollOkWallMs > 0
            ? QDateTime::fromMSecsSinceEpoch(stats.lastPollOkWallMs)
                  .toString(QStringLiteral("HH:mm:ss"))
            : QString();
        out.text = tr("degraded (HTTP), last snapshot %1; WebSocket %2").arg(polled, next);
    } else if (stats.fallback == Feed::Fallback::Failing) {
        out.text = tr("%1; HTTP fallback failing: %2").arg(out.text, stats.fallbackError);
    } else if (!httpFirst.isEmpty()) {
        out.text = tr("%1; %2").arg(out.text, httpFirst);
    }
    return out;
}
