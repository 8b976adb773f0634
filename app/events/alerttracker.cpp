#include "alerttracker.h"

#include "core/clock.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

AlertTracker::AlertTracker(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_timer(m_clock->createTimer([this] { poll(); }, this))
{ }

AlertTracker::~AlertTracker() = default;

void AlertTracker::setTimings(qint64 reminderMs, qint64 qualityMs)
{
    m_reminderMs = std::max<qint64>(0, reminderMs);
    m_qualityMs = std::max<qint64>(0, qualityMs);
    const qint64 now = m_clock->nowMs();
    for (Down &down : m_down)
        down.nextRemindMs = now + m_reminderMs;
    for (Down &down : m_backendDown)
        down.nextRemindMs = now + m_reminderMs;
    rearm();
}

void AlertTracker::reset()
{
    m_downSince.clear();
    m_restartedTo.clear();
    m_incidents.clear();
    m_escalated.clear();
    m_down.clear();
    m_backendDown.clear();
    m_poor.clear();
    m_everUp.clear();
    m_notUp.clear();
    m_lastError.clear();
    m_neverUp.clear();
    rearm();
}

namespace {
// "prod: " with several backends; nothing for the one default backend.
QString backendPrefix(const QString &backend)
{
    return backend.isEmpty() || backend == "default"_L1 ? QString() : backend + u": "_s;
}

// "45 s", "12 min", "3 h 20 min": how long, as a night-shift operator reads it.
QString duration(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s < 120)
        return u"%1 s"_s.arg(s);
    if (s < 2 * 3600)
        return u"%1 min"_s.arg(s / 60);
    return u"%1 h %2 min"_s.arg(s / 3600).arg(s / 60 % 60);
}

bool isPoorTier(const QString &tier)
{
    return tier == "poor"_L1 || tier == "bad"_L1;
}
} // namespace

void AlertTracker::track(const FeedEvent &event)
{
    const QJsonObject &f = event.fields;
    const auto inIncident = [this](const QString &feed) {
        return std::any_of(m_incidents.cbegin(), m_incidents.cend(),
                           [&](const QStringList &feeds) { return feeds.contains(feed); });
    };
    trackLink(event);
    trackQuality(event);
    if (event.event == "retry_scheduled"_L1 || event.event == "circuit"_L1) {
        // The first full backoff round (its delay reached backoff.max_ms) or the circuit
        // opening, and the feed was never up: it is not coming up by itself soon.
        const bool roundDone = event.event == "circuit"_L1
            ? f.value("state"_L1).toString() == "open"_L1
            : f.value("backoff_round_done"_L1).toBool();
        const auto notUp = m_notUp.constFind(event.feed);
        if (roundDone && notUp != m_notUp.cend() && !m_neverUp.contains(event.feed)
            && !inIncident(event.feed)) {
            m_neverUp.insert(event.feed);
            const qint64 since = notUp->sinceMs;
            const QString error = m_lastError.value(event.feed);
            raise(event, u"feed_never_up"_s,
                  u"%1 has not come up in %2 (attempts: %3)%4"_s
                      .arg(event.feed, duration(m_clock->nowMs() - since))
                      .arg(notUp->attempts)
                      .arg(error.isEmpty() ? QString() : u"; last error: "_s + error));
            markDown(event.feed, since);
        }
        if (event.event == "retry_scheduled"_L1)
            return;
    }
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
        m_backendDown.insert(backend,
                             {m_clock->nowMs() - qint64(f.value("down_ms"_L1).toDouble()),
                              m_clock->nowMs() + m_reminderMs, 0});
        rearm();
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
        m_backendDown.remove(backend);
        rearm();
        return;
    }
    if (event.event == "server_restart"_L1 && f.contains("backend"_L1)) {
        // The engine's inference: its incident already raised the alert, unless it became an
        // outage (then the return is news) or there was no incident (a hello told it).
        const QString backend = f.value("backend"_L1).toString();
        const double downS = f.value("downtime_ms"_L1).toDouble() / 1000.0;
        if (m_incidents.contains(backend)) {
            m_backendDown.remove(backend);
            rearm();
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
        if (event.event == "connected"_L1) {
            m_downSince.remove(event.feed);
            forget(event.feed);
        }
        return;
    }
    if (event.event == "disconnected"_L1) {
        // The operator's Stop or Reconnect (and closing the window) is not an outage.
        if (!f.value("was_connected"_L1).toBool() || m_downSince.contains(event.feed)
            || f.value("decision"_L1).toString() == "operator"_L1)
            return;
        m_downSince.insert(event.feed, event.wallMs);
        markDown(event.feed, m_clock->nowMs());
        const int code = f.value("http_status"_L1).toInt(f.value("code"_L1).toInt());
        raise(
            event, u"feed_down"_s,
            u"%1 went down: %2 (%3)"_s.arg(event.feed, f.value("reason"_L1).toString()).arg(code));
    } else if (event.event == "connected"_L1) {
        // Coming up for the first time is not news, unless it was announced as never up;
        // coming back after a loss is.
        const bool wasNeverUp = m_neverUp.remove(event.feed);
        const qint64 downForMs =
            m_down.contains(event.feed) ? m_clock->nowMs() - m_down.value(event.feed).sinceMs : 0;
        forget(event.feed);
        if (wasNeverUp) {
            raise(event, u"feed_up"_s,
                  u"%1 is up at last, %2 after its first attempt"_s.arg(event.feed,
                                                                        duration(downForMs)),
                  {{u"after_never_up"_s, true}});
            return;
        }
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

void AlertTracker::raise(const FeedEvent &cause, const QString &kind, const QString &message,
                         const QJsonObject &extra)
{
    QJsonObject fields = extra;
    fields.insert(u"alert"_s, kind);
    fields.insert(u"message"_s, message);
    emit alertRaised({cause.wallMs, cause.feed, u"alert"_s, fields});
}

void AlertTracker::raiseNow(const QString &feed, const QString &kind, const QString &message)
{
    raise({m_clock->wallMs(), feed, QString(), {}}, kind, message);
}

// The bookkeeping of attempts and errors the timed alerts need.
void AlertTracker::trackLink(const FeedEvent &event)
{
    const QJsonObject &f = event.fields;
    if (event.event == "attempt"_L1) {
        if (m_everUp.contains(event.feed))
            return;
        auto it = m_notUp.find(event.feed);
        if (it == m_notUp.end())
            it = m_notUp.insert(event.feed, {m_clock->nowMs(), 0});
        ++it->attempts;
    } else if (event.event == "connected"_L1) {
        m_everUp.insert(event.feed);
        m_notUp.remove(event.feed);
    } else if (event.event == "disconnected"_L1) {
        const QString reason = f.value("reason"_L1).toString();
        if (!reason.isEmpty())
            m_lastError.insert(event.feed, reason);
        // The link is gone: its latency says nothing more (the drop has alerts of its own).
        if (m_poor.remove(event.feed))
            rearm();
    } else if (event.event == "state"_L1 && f.value("state"_L1).toString() == "stopped"_L1) {
        // The operator's Stop, or a stop for a reason that was alerted (auth, config, TLS):
        // nothing to remind of. A later start counts its time afresh.
        m_downSince.remove(event.feed);
        m_neverUp.remove(event.feed);
        m_notUp.remove(event.feed);
        forget(event.feed);
    }
}

// Sustained poor quality: the tier (an EWMA of the RTTs, or a pong overdue) stays poor or bad.
void AlertTracker::trackQuality(const FeedEvent &event)
{
    if (event.event != "latency"_L1 && event.event != "quality"_L1)
        return;
    const QJsonObject &f = event.fields;
    const QString tier = f.value("quality"_L1).toString();
    if (tier.isEmpty())
        return;
    const double rtt = f.value("rtt_ms"_L1).toDouble(f.value("waited_ms"_L1).toDouble(-1));
    auto it = m_poor.find(event.feed);
    if (isPoorTier(tier)) {
        if (it == m_poor.end()) {
            m_poor.insert(event.feed, {m_clock->nowMs(), tier, rtt, false});
            rearm();
        } else {
            it->tier = tier;
            it->rttMs = rtt;
        }
        return;
    }
    if (it == m_poor.end())
        return;
    const Poor poor = *it;
    m_poor.erase(it);
    rearm();
    if (poor.alerted)
        raise(event, u"quality_ok"_s,
              u"%1: link quality %2 again after %3 %4 (RTT %5 ms)"_s
                  .arg(event.feed, tier, duration(m_clock->nowMs() - poor.sinceMs), poor.tier)
                  .arg(rtt, 0, 'f', 1));
}

void AlertTracker::markDown(const QString &feed, qint64 sinceMs)
{
    m_down.insert(feed, {sinceMs, m_clock->nowMs() + m_reminderMs, 0});
    rearm();
}

void AlertTracker::forget(const QString &feed)
{
    const bool wasDown = m_down.remove(feed);
    const bool wasPoor = m_poor.remove(feed);
    if (wasDown || wasPoor)
        rearm();
}

void AlertTracker::poll()
{
    const qint64 now = m_clock->nowMs();
    if (m_reminderMs > 0) {
        for (auto it = m_down.begin(); it != m_down.end(); ++it) {
            if (it->nextRemindMs > now)
                continue;
            ++it->reminders;
            it->nextRemindMs = now + m_reminderMs;
            const QString error = m_lastError.value(it.key());
            raiseNow(it.key(), u"feed_still_down"_s,
                     u"%1 is still down after %2%3"_s.arg(
                         it.key(), duration(now - it->sinceMs),
                         error.isEmpty() ? QString() : u" (last error: "_s + error + u')'));
        }
        for (auto it = m_backendDown.begin(); it != m_backendDown.end(); ++it) {
            if (it->nextRemindMs > now)
                continue;
            ++it->reminders;
            it->nextRemindMs = now + m_reminderMs;
            raiseNow(QString(), u"server_still_down"_s,
                     u"%1the server is still down after %2"_s.arg(backendPrefix(it.key()),
                                                                  duration(now - it->sinceMs)));
        }
    }
    if (m_qualityMs > 0) {
        for (auto it = m_poor.begin(); it != m_poor.end(); ++it) {
            if (it->alerted || now - it->sinceMs < m_qualityMs)
                continue;
            it->alerted = true;
            raiseNow(it.key(), u"quality_poor"_s,
                     u"%1: link quality %2 for %3 (RTT %4 ms)"_s
                         .arg(it.key(), it->tier, duration(now - it->sinceMs))
                         .arg(it->rttMs, 0, 'f', 1));
        }
    }
    rearm();
}

// One single-shot timer for the earliest thing due; none while nothing is.
void AlertTracker::rearm()
{
    qint64 next = -1;
    const auto consider = [&next](qint64 at) {
        if (next < 0 || at < next)
            next = at;
    };
    if (m_reminderMs > 0) {
        for (const Down &down : std::as_const(m_down))
            consider(down.nextRemindMs);
        for (const Down &down : std::as_const(m_backendDown))
            consider(down.nextRemindMs);
    }
    if (m_qualityMs > 0) {
        for (const Poor &poor : std::as_const(m_poor))
            if (!poor.alerted)
                consider(poor.sinceMs + m_qualityMs);
    }
    if (next < 0) {
        m_timer->stop();
        return;
    }
    m_timer->start(std::max<qint64>(0, next - m_clock->nowMs()));
}
