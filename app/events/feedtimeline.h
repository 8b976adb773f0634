#pragma once

#include "events/feedevent.h"

#include <QHash>
#include <QList>
#include <QString>

// The last events of each feed's link, for the timeline in the Connections detail pane: what
// happened to the connection (connected, dropped with which code, retried, circuit, health,
// HTTP fallback, errors), not the data and measurement stream (`update`, `latency`, `score`,
// which would push a disconnect out of view within seconds).
class FeedTimeline final
{
public:
    static constexpr qsizetype kDefaultCapacity = 20;
    explicit FeedTimeline(qsizetype capacity = kDefaultCapacity)
        : m_capacity(capacity)
    { }

    // Keeps `event` if it is a link event of a feed; returns whether it did.
    bool add(const FeedEvent &event);
    // Oldest first, at most capacity().
    QList<FeedEvent> events(const QString &feedId) const { return m_events.value(feedId); }
    void remove(const QString &feedId) { m_events.remove(feedId); }
    qsizetype capacity() const { return m_capacity; }
    static bool isLinkEvent(const QString &kind);

private:
    qsizetype m_capacity;
    QHash<QString, QList<FeedEvent>> m_events;
};
