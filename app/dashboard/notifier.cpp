#include "notifier.h"

#include "core/clock.h"

#include <QTimer>

Notifier::Notifier(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &Notifier::poll);
}

QStringList Notifier::downFeeds() const
{
    QStringList out;
    for (const QString &id : m_order) {
        const FeedState &s = m_feeds[id];
        if (s.everLive && !s.live)
            out << id;
    }
    return out;
}

void Notifier::updateStats(const FeedStats &stats)
{
    if (!m_feeds.contains(stats.feedId))
        m_order << stats.feedId;
    FeedState &s = m_feeds[stats.feedId];
    const bool live = stats.state == Feed::State::Connected;
    if (live == s.live)
        return;
    s.live = live;
    if (live && !s.everLive) {
        // Coming up for the first time is not news.
        s.everLive = true;
        return;
    }
    if (m_silenced) {
        s.announcedDown = !live; // silenced news counts as told
        s.changedAtMs = -1;
        return;
    }
    // Pending only while the state differs from what the operator was last told.
    const bool differsFromAnnounced = (!live) != s.announcedDown;
    s.changedAtMs = differsFromAnnounced ? m_clock->nowMs() : -1;
    if (differsFromAnnounced && !m_timer->isActive())
        m_timer->start();
}

void Notifier::removeFeed(const QString &feedId)
{
    m_feeds.remove(feedId);
    m_order.removeAll(feedId);
}

void Notifier::ruleAlert(const RuleAlert &alert)
{
    if (m_silenced || alert.silenced)
        return;
    if (alert.firing)
        emit notify(alert.title, alert.text, alert.severity != QLatin1StringView("info"));
    else
        emit notify(tr("Resolved: %1").arg(alert.title), alert.text, false);
}

void Notifier::linkAlert(const FeedEvent &event)
{
    if (m_silenced || event.event != QLatin1StringView("alert"))
        return;
    const QString kind = event.fields.value(QLatin1StringView("alert")).toString();
    const QString message = event.fields.value(QLatin1StringView("message")).toString();
    if (kind == QLatin1StringView("feed_never_up"))
        emit notify(tr("Feed never came up"), message, true);
    else if (kind == QLatin1StringView("feed_still_down"))
        emit notify(tr("Feed still down"), message, true);
    else if (kind == QLatin1StringView("server_still_down"))
        emit notify(tr("Server still down"), message, true);
    else if (kind == QLatin1StringView("quality_poor"))
        emit notify(tr("Poor link quality"), message, true);
    else if (kind == QLatin1StringView("quality_ok"))
        emit notify(tr("Link quality recovered"), message, false);
    else if (kind == QLatin1StringView("feed_up")
             && event.fields.value(QLatin1StringView("after_never_up")).toBool())
        emit notify(tr("Feed up"), message, false);
}

void Notifier::setSilenced(bool silenced)
{
    if (silenced == m_silenced)
        return;
    m_silenced = silenced;
    if (silenced) {
        m_timer->stop();
        // What happened while silenced counts as told: no replay when sound comes back.
        for (FeedState &s : m_feeds) {
            s.announcedDown = s.everLive && !s.live;
            s.changedAtMs = -1;
        }
    }
    emit silencedChanged(silenced);
}

void Notifier::poll()
{
    if (m_silenced)
        return;
    const qint64 now = m_clock->nowMs();
    QStringList down;
    QStringList back;
    bool waiting = false;
    for (const QString &id : std::as_const(m_order)) {
        FeedState &s = m_feeds[id];
        if (s.changedAtMs < 0)
            continue;
        const bool burstOver = now - s.changedAtMs >= m_burstWindowMs;
        const bool intervalOver =
            s.lastAnnouncedMs < 0 || now - s.lastAnnouncedMs >= m_minIntervalMs;
        if (!burstOver || !intervalOver) {
            waiting = true;
            continue;
        }
        s.announcedDown = !s.live;
        s.lastAnnouncedMs = now;
        s.changedAtMs = -1;
        (s.live ? back : down) << id;
    }
    if (!waiting)
        m_timer->stop();
    if (down.isEmpty() && back.isEmpty())
        return;

    if (down.size() == 1 && back.isEmpty()) {
        emit notify(tr("Feed down"), tr("%1 stopped delivering live data.").arg(down.first()),
                    true);
    } else if (back.size() == 1 && down.isEmpty()) {
        emit notify(tr("Feed back"), tr("%1 is live again.").arg(back.first()), false);
    } else if (back.isEmpty()) { // two or more
        emit notify(tr("%n feeds down", nullptr, int(down.size())), down.join(QStringLiteral(", ")),
                    true);
    } else if (down.isEmpty()) {
        emit notify(tr("%n feeds back", nullptr, int(back.size())), back.join(QStringLiteral(", ")),
                    false);
    } else {
        emit notify(tr("%1 down, %2 back").arg(down.size()).arg(back.size()),
                    tr("Down: %1. Back: %2.")
                        .arg(down.join(QStringLiteral(", ")), back.join(QStringLiteral(", "))),
                    true);
    }
}
