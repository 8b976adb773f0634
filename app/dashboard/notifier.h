#pragma once

#include "connection/feedstats.h"
#include "events/feedevent.h"
#include "rules/rulestatus.h"

#include <QHash>
#include <QObject>
#include <QStringList>

class Clock;
class QTimer;

// Decides which feed outages deserve a desktop notification. A feed that was live and stops
// being live is "down"; one that comes back after a notified outage is "back". Changes are held
// for a short burst window so a storm becomes one message ("3 feeds down") and a blip that heals
// within the window says nothing; each feed is announced at most once per `minIntervalMs`, and
// what was held back is announced later if it is still true then.
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    explicit Notifier(const Clock *clock = nullptr, QObject *parent = nullptr);

    bool isSilenced() const { return m_silenced; }
    qint64 burstWindowMs() const { return m_burstWindowMs; }
    void setBurstWindowMs(qint64 ms) { m_burstWindowMs = ms; }
    qint64 minIntervalMs() const { return m_minIntervalMs; }
    void setMinIntervalMs(qint64 ms) { m_minIntervalMs = ms; }
    // Feeds known to be down (announced or not), for tooltips.
    QStringList downFeeds() const;

public slots:
    void updateStats(const FeedStats &stats);
    void removeFeed(const QString &feedId);
    // Silencing drops what is pending; state is still followed, so un-silencing does not
    // replay old news.
    void setSilenced(bool silenced);
    // Announces what is due. Called by an internal timer; tests call it after moving the clock.
    void poll();
    // A data alert (RuleEngine): said at once, one message per alert (rules fire on transitions,
    // so there is no storm to fold), unless notifications or the rule are silenced. Info alerts
    // and resolutions are good news.
    void ruleAlert(const RuleAlert &alert);
    // The link alerts that are news by themselves (AlertTracker): a feed that never came up and
    // its first connect, the reminders while a feed or a server stays down, sustained poor
    // quality and its recovery. Said at once, one message each (they are rare by design: at
    // most one per feed per alerts.reminder_ms), unless silenced. Other events are ignored;
    // downs and returns come from updateStats(), folded.
    void linkAlert(const FeedEvent &event);

signals:
    // `down` is true when the news is bad (at least one feed went down).
    void notify(const QString &title, const QString &message, bool down);
    void silencedChanged(bool silenced);

private:
    struct FeedState
    {
        bool everLive = false;
        bool live = false;
        bool announcedDown = false; // what the operator was last told
        qint64 changedAtMs = -1;    // pending change since (monotonic), -1: nothing pending
        qint64 lastAnnouncedMs = -1;
    };

    const Clock *m_clock;
    QHash<QString, FeedState> m_feeds;
    QStringList m_order; // feeds in the order they were seen, for stable messages
    QTimer *m_timer = nullptr;
    qint64 m_burstWindowMs = 3000;
    qint64 m_minIntervalMs = 30000;
    bool m_silenced = false;
};
