#include "alerttracker.h"

using namespace Qt::StringLiterals;

AlertTracker::AlertTracker(QObject *parent)
    : QObject(parent)
{ }

void AlertTracker::reset()
{
    m_downSince.clear();
    m_restartedTo.clear();
}

void AlertTracker::track(const FeedEvent &event)
{
    const QJsonObject &f = event.fields;
    if (event.event == "disconnected"_L1) {
        // The operator's Stop or Reconnect (and closing the window) is not an outage.
        if (!f.value("was_connected"_L1).toBool() || m_downSince.contains(event.feed)
            || f.value("decision"_L1).toString() == "operator"_L1)
            return;
        m_downSince.insert(event.feed, event.wallMs);
        const int code = f.value("http_status"_L1).toInt(f.value("code"_L1).toInt());
        raise(
            event, u"feed_down"_s,
            u"%1 went down: %2 (%3)"_s.arg(event.feed, f.value("reason"_L1).toString()).arg(code));
    } else if (event.event == "connected"_L1) {
        // Coming up for the first time is not news; coming back after a loss is.
        const auto it = m_downSince.constFind(event.feed);
        if (it == m_downSince.cend())
            return;
        const qint64 downMs = event.wallMs - it.value();
        m_downSince.erase(it);
        raise(event, u"feed_up"_s,
              u"%1 is back after %2 s"_s.arg(event.feed).arg(double(downMs) / 1000.0, 0, 'f', 1));
    } else if (event.event == "circuit"_L1 && f.value("state"_L1).toString() == "open"_L1) {
        raise(event, u"circuit_open"_s,
              u"%1: circuit opened after %2 failures; no attempts for %3 s"_s.arg(event.feed)
                  .arg(f.value("failures"_L1).toInt())
                  .arg(f.value("open_ms"_L1).toDouble() / 1000.0));
    } else if (event.event == "auth_error"_L1) {
        raise(event, u"auth_error"_s,
              u"%1: not authorized, %2; stopped until reconnected by hand"_s.arg(
                  event.feed, f.value("error"_L1).toString()));
    } else if (event.event == "config_error"_L1) {
        raise(event, u"config_error"_s,
              u"%1: %2; stopped until reconnected by hand"_s.arg(event.feed,
                                                                 f.value("error"_L1).toString()));
    } else if (event.event == "server_restart"_L1) {
        const QString serverId = f.value("server_id"_L1).toString();
        if (m_restartedTo.contains(serverId))
            return;
        m_restartedTo.insert(serverId);
        raise(event, u"server_restart"_s,
              u"%1: the server restarted (%2, was %3)"_s.arg(
                  event.feed, f.value("server_id"_L1).toString(),
                  f.value("previous_server_id"_L1).toString()));
    }
}

void AlertTracker::raise(const FeedEvent &cause, const QString &kind, const QString &message)
{
    emit alertRaised(
        {cause.wallMs, cause.feed, u"alert"_s, {{u"alert"_s, kind}, {u"message"_s, message}}});
}
