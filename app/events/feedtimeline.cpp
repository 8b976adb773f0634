#include "feedtimeline.h"

#include <QSet>

using namespace Qt::StringLiterals;

bool FeedTimeline::isLinkEvent(const QString &kind)
{
    static const QSet<QString> kinds {
        u"connected"_s,       u"stable"_s,         u"disconnected"_s,
        u"retry_scheduled"_s, u"circuit"_s,        u"heartbeat_timeout"_s,
        u"quality"_s,         u"health"_s,         u"degraded"_s,
        u"poll_error"_s,      u"protocol_error"_s, u"hello"_s,
        u"server_error"_s,    u"auth_error"_s,     u"config_error"_s,
        u"tls_error"_s,       u"tls_pinned"_s,     u"manual_reconnect"_s,
        u"alert"_s,           u"state"_s};
    return kinds.contains(kind);
}

bool FeedTimeline::add(const FeedEvent &event)
{
    if (event.feed.isEmpty() || !isLinkEvent(event.event))
        return false;
    QList<FeedEvent> &list = m_events[event.feed];
    list.append(event);
    if (list.size() > m_capacity)
        list.remove(0, list.size() - m_capacity);
    return true;
}
