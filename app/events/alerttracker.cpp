#include "alerttracker.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

AlertTracker::AlertTracker(QObject *parent)
    : QObject(parent)
{ }

void AlertTracker::reset()
{
    m_downSince.clear();
    m_restartedTo.clear();
    m_incidents.clear();
    m_escalated.clear();
}

namespace {
// "prod: " with several backends; nothing for the one default backend.
QString backendPrefix(const QString &backend)
{
    return backend.isEmpty() || backend == "default"_L1 ? QString() : backend + u": "_s;
}
} // namespace

void AlertTracker::track(const FeedEvent &event)
{
    const QJsonObject &f = event.fields;
    const auto inIncident = [this](const QString &feed) {
        return std::any_of(m_incidents.cbegin(), m_incidents.cend(),
                           [&](const QStringList &feeds) { return feeds.contains(feed); });
    };
    if (event.event == "server_restarting"_L1) {
        const QString backend = f.value("backend"_L1).toString();
        QStringList feeds;
        for (const QJsonValue &v : f.value("feeds"_L1).toArray())
            feeds << v.toString();
        m_incidents.insert(backend, feeds);
        raise(event, u"server_restarting"_s,
              f.value("announced"_L1).toBool()
                  ? u"%1the server is restarting (%2); its feeds reconnect as it comes back"_s.arg(
                      backendPrefix(backend), f.value("evidence"_L1).toString())
                  : u"%1the server is restarting or unreachable: %2"_s.arg(
                      backendPrefix(backend), f.value("evidence"_L1).toString()));
        return;
    }
    if (event.event == "server_down"_L1) {
        const QString backend = f.value("backend"_L1).toString();
        m_escalated.insert(backend);
        raise(event, u"server_down"_s,
              u"%1the server is not back %2 s after it went down; %3 feed(s) down"_s
                  .arg(backendPrefix(backend))
                  .arg(f.value("down_ms"_L1).toDouble() / 1000.0, 0, 'f', 0)
                  .arg(f.value("feeds_down"_L1).toInt()));
        return;
    }
    if (event.event == "restart_complete"_L1) {
        const QString backend = f.value("backend"_L1).toString();
        for (const QString &feed : m_incidents.value(backend))
            m_downSince.remove(feed);
        m_incidents.remove(backend);
        m_escalated.remove(backend);
        return;
    }
    if (event.event == "server_restart"_L1 && f.contains("backend"_L1)) {
        // The engine's inference: its incident already raised the alert, unless it became an
        // outage (then the return is news) or there was no incident (a hello told it).
        const QString backend = f.value("backend"_L1).toString();
        const double downS = f.value("downtime_ms"_L1).toDouble() / 1000.0;
        if (m_incidents.contains(backend)) {
            if (m_escalated.contains(backend))
                raise(event, u"server_restart"_s,
                      u"%1the server is back after %2 s"_s.arg(backendPrefix(backend))
                          .arg(downS, 0, 'f', 1));
            return;
        }
        const QString serverId = f.value("server_id"_L1).toString();
        if (!serverId.isEmpty() && m_restartedTo.contains(serverId))
            return;
        m_restartedTo.insert(serverId);
        raise(event, u"server_restart"_s,
              u"%1the server restarted (%2, was %3)"_s.arg(
                  backendPrefix(backend), serverId, f.value("previous_server_id"_L1).toString()));
        return;
    }
    if ((event.event == "disconnected"_L1 || event.event == "connected"_L1)
        && inIncident(event.feed)) {
        // Part of the restart: said once for the backend. A down raised before the incident
        // was known (the first drops of an unannounced one) gets no "back" of its own either.
        if (event.event == "connected"_L1)
            m_downSince.remove(event.feed);
        return;
    }
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
    } else if (event.event == "health"_L1 && f.value("level"_L1).toString() == "critical"_L1
               && f.value("reason"_L1).toString() != "circuit_open"_L1) {
        // Health's "alert" remediation; an open circuit already raised circuit_open.
        const bool fallback = f.value("action"_L1).toString().contains("http_fallback"_L1);
        raise(event, u"health_critical"_s,
              u"%1: critical (%2, score %3)%4"_s.arg(event.feed, f.value("reason"_L1).toString())
                  .arg(f.value("score"_L1).toInt())
                  .arg(fallback ? u"; its page comes over HTTP meanwhile"_s : QString()));
    } else if (event.event == "auth_error"_L1) {
        raise(event, u"auth_error"_s,
              u"%1: %2; stopped until reconnected by hand"_s.arg(event.feed,
                                                                 f.value("error"_L1).toString()));
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
