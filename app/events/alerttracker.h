#pragma once

#include "events/feedevent.h"

#include <QHash>
#include <QObject>
#include <QSet>

// Turns the engine's events into the few an operator must not miss: a live feed went down or came
// back, a circuit opened, the server refused the credentials or the URL, the server is
// restarting (one alert for the backend, not one per feed: its feeds' downs and ups are part of
// the incident), the server did not come back, the server restarted.
// Each becomes an `alert` event ({"alert": kind, "message": text}); the last 50 are kept across
// restarts (HistoryStore).
class AlertTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertTracker)

public:
    explicit AlertTracker(QObject *parent = nullptr);

    static bool isAlert(const FeedEvent &event)
    {
        return event.event == QLatin1StringView("alert");
    }

public slots:
    void track(const FeedEvent &event);
    // A new engine starts with no links: forget who was up.
    void reset();

signals:
    void alertRaised(const FeedEvent &alert);

private:
    void raise(const FeedEvent &cause, const QString &kind, const QString &message);

    QHash<QString, qint64> m_downSince; // feeds that went down after being live
    QSet<QString> m_restartedTo;        // one alert per restart, not one per feed
    // Backends in a restart incident, with their feeds (whose downs and ups it covers).
    QHash<QString, QStringList> m_incidents;
    QSet<QString> m_escalated; // incidents that became outages (server_down)
};
