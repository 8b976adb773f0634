#pragma once

#include "events/feedevent.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class Clock;
class Timer;

// Turns the engine's events into the few an operator must not miss: a live feed went down or came
// back, a circuit opened, the server refused the credentials or the URL, the server is
// restarting (one alert for the backend, not one per feed: its feeds' downs and ups are part of
// the incident), the server did not come back, the server restarted.
// Over time, what an operator on a night shift must be told again or at last: a feed that never
// came up through its first full backoff round (feed_never_up) and its first connect after that
// (feed_up), a reminder every alerts.reminder_ms while a feed stays down (feed_still_down), a
// latency tier that stays poor or bad for alerts.quality_ms (quality_poor) and its return to
// good (quality_ok). Those wait on one single-shot timer on the injected clock, armed only while
// something is due, so an idle dashboard has no tick here.
// Each becomes an `alert` event ({"alert": kind, "message": text}); the last 50 are kept across
// restarts (HistoryStore).
class AlertTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertTracker)

public:
    explicit AlertTracker(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~AlertTracker() override;

    // alerts.reminder_ms and alerts.quality_ms; 0 turns that alert off.
    void setTimings(qint64 reminderMs, qint64 qualityMs);

    static bool isAlert(const FeedEvent &event)
    {
        return event.event == QLatin1StringView("alert");
    }

public slots:
    void track(const FeedEvent &event);
    // Raises what is due now (reminders, sustained poor quality). The timer calls it.
    void poll();
    // A new engine starts with no links: forget who was up.
    void reset();

signals:
    void alertRaised(const FeedEvent &alert);

private:
    // A feed that is down as far as the operator was told (feed_down or feed_never_up).
    struct Down
    {
        qint64 sinceMs = 0; // monotonic: first drop, or the first attempt of a never-up feed
        qint64 nextRemindMs = 0;
        int reminders = 0;
    };
    struct Poor
    {
        qint64 sinceMs = 0; // monotonic: the tier went poor or bad
        QString tier;
        double rttMs = -1;
        bool alerted = false;
    };

    void raise(const FeedEvent &cause, const QString &kind, const QString &message,
               const QJsonObject &extra = {});
    void raiseNow(const QString &feed, const QString &kind, const QString &message);
    void trackLink(const FeedEvent &event);
    void trackQuality(const FeedEvent &event);
    void markDown(const QString &feed, qint64 sinceMs);
    void forget(const QString &feed);
    void rearm();

    const Clock *m_clock;
    std::unique_ptr<Timer> m_timer;
    qint64 m_reminderMs = 15 * 60 * 1000;
    qint64 m_qualityMs = 5 * 60 * 1000;

    QHash<QString, qint64> m_downSince; // feeds that went down after being live
    QSet<QString> m_restartedTo;        // one alert per restart, not one per feed
    // Backends in a restart incident, with their feeds (whose downs and ups it covers).
    QHash<QString, QStringList> m_incidents;
    QSet<QString> m_escalated; // incidents that became outages (server_down)
    QHash<QString, Down> m_down;
    QHash<QString, Down> m_backendDown; // backends whose restart became an outage
    QHash<QString, Poor> m_poor;
    QSet<QString> m_everUp;
    struct NotUp
    {
        qint64 sinceMs = 0; // monotonic: the first attempt
        int attempts = 0;
    };
    QHash<QString, NotUp> m_notUp;       // feeds not up yet since they started
    QHash<QString, QString> m_lastError; // of each feed's last failed attempt or drop
    QSet<QString> m_neverUp;             // feed_never_up said, no connect since
};
