#include "restarttracker.h"

#include "core/clock.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

struct RestartTracker::Incident
{
    bool active = false;
    bool announced = false;
    bool reported = false;  // server_restart said
    bool escalated = false; // server_down said
    qint64 sinceMs = 0;
    qint64 sinceWallMs = 0;
    qint64 backAtMs = -1;
    QString closeEvidence; // "close 1012 ..." or "8 of 8 live feeds dropped within 120 ms"
    QSet<QString> down;    // dropped in the incident and not back yet
    QSet<QString> dropped; // every feed that dropped in it
    QString serverId;
    QString previousServerId;
};

struct RestartTracker::Backend
{
    QString name;
    QStringList feeds;
    QSet<QString> live;
    QList<std::pair<QString, qint64>> recentDrops; // feed, monotonic ms
    QHash<QString, qint64> lastDropWall;           // feed -> when it last dropped
    QString serverId;                              // the last server_id a hello told
    Incident incident;
    std::unique_ptr<Timer> grace;
    std::unique_ptr<Timer> settle;
};

RestartTracker::RestartTracker(const Settings &settings, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
{ }

RestartTracker::~RestartTracker() = default;

void RestartTracker::addFeed(const QString &feedId, const QString &backend)
{
    auto &slot = m_backends[backend];
    if (!slot) {
        slot = std::make_unique<Backend>();
        Backend *b = slot.get();
        b->name = backend;
        b->grace = m_clock->createTimer([this, b] { escalate(*b); }, this);
        b->settle = m_clock->createTimer(
            [this, b] {
                reportBack(*b);
                completeIfBack(*b);
            },
            this);
    }
    if (!slot->feeds.contains(feedId))
        slot->feeds.append(feedId);
    m_backendOf.insert(feedId, backend);
}

void RestartTracker::removeFeed(const QString &feedId)
{
    Backend *b = backendOf(feedId);
    m_backendOf.remove(feedId);
    if (!b)
        return;
    b->feeds.removeAll(feedId);
    b->live.remove(feedId);
    b->incident.down.remove(feedId);
    completeIfBack(*b);
}

RestartTracker::Backend *RestartTracker::backendOf(const QString &feedId) const
{
    const auto it = m_backends.find(m_backendOf.value(feedId));
    return it == m_backends.end() ? nullptr : it->second.get();
}

bool RestartTracker::hasIncident(const QString &backend) const
{
    const auto it = m_backends.find(backend);
    return it != m_backends.end() && it->second->incident.active;
}

void RestartTracker::decorate(FeedStats &stats) const
{
    const Backend *b = backendOf(stats.feedId);
    if (!b || !b->incident.active)
        return;
    stats.restartSinceWallMs = b->incident.sinceWallMs;
    stats.restartAnnounced = b->incident.announced;
    stats.restartFeedsBack = int(b->live.size());
    stats.restartFeedsTotal = int(b->feeds.size());
}

void RestartTracker::observe(const FeedEvent &event)
{
    if (event.feed.isEmpty())
        return;
    Backend *b = backendOf(event.feed);
    if (!b)
        return;
    if (event.event == "disconnected"_L1) {
        onDisconnected(*b, event);
    } else if (event.event == "connected"_L1) {
        onConnected(*b, event);
    } else if (event.event == "hello"_L1) {
        onHello(*b, event);
    } else if (event.event == "state"_L1 && b->incident.active
               && event.fields.value("state"_L1).toString() == "stopped"_L1) {
        // A feed stopped (by the operator or a refusal) is not coming back by itself.
        b->incident.down.remove(event.feed);
        completeIfBack(*b);
    } else if (b->incident.active && b->incident.backAtMs >= 0 && !b->incident.reported
               && event.event == "update"_L1) {
        reportBack(*b); // the first message after the return: no hello is coming
        completeIfBack(*b);
    }
}

void RestartTracker::onDisconnected(Backend &b, const FeedEvent &event)
{
    const QJsonObject &f = event.fields;
    const bool wasLive = b.live.remove(event.feed);
    if (!f.value("was_connected"_L1).toBool() || f.value("decision"_L1).toString() == "operator"_L1)
        return;
    const qint64 now = m_clock->nowMs();
    b.lastDropWall.insert(event.feed, event.wallMs);
    b.recentDrops.removeIf([&](const auto &d) { return now - d.second > kDropWindowMs; });
    b.recentDrops.append({event.feed, now});
    Incident &in = b.incident;
    if (in.active) {
        in.down.insert(event.feed);
        in.dropped.insert(event.feed);
        emit incidentChanged(b.name);
        return;
    }
    if (f.value("decision"_L1).toString() == "retry_restart"_L1) {
        const int code = f.value("code"_L1).toInt();
        const QString evidence = code == 1002
            ? u"close 1002 \"%1\": Qt 6.4's report of a code in 1012-2999 (uvicorn sends 1012 "
              "on shutdown)"_s.arg(f.value("reason"_L1).toString())
            : code == 1001 ? u"close 1001 (going away)"_s
                           : u"close %1 (service restart)"_s.arg(code);
        open(b, true, evidence, {event.feed}, now, event.wallMs);
        return;
    }
    // Every feed that was live went within the window: one cause, most likely the server.
    if (wasLive && b.live.isEmpty() && b.recentDrops.size() >= 2) {
        QSet<QString> down;
        for (const auto &d : std::as_const(b.recentDrops))
            down.insert(d.first);
        const qint64 spread = now - b.recentDrops.first().second;
        const qint64 first = b.recentDrops.first().second;
        open(
            b, false,
            u"%1 of %1 live feeds dropped within %2 ms, none with a restart code"_s.arg(down.size())
                .arg(spread),
            down, first, event.wallMs - spread);
        for (const QString &feed : std::as_const(down))
            emit restartExpected(feed);
    }
}

void RestartTracker::open(Backend &b, bool announced, const QString &evidence,
                          const QSet<QString> &down, qint64 sinceMs, qint64 sinceWallMs)
{
    Incident &in = b.incident;
    in = Incident {};
    in.active = true;
    in.announced = announced;
    in.sinceMs = sinceMs;
    in.sinceWallMs = sinceWallMs;
    in.closeEvidence = evidence;
    in.down = down;
    in.dropped = down;
    in.previousServerId = b.serverId;
    b.grace->start(m_settings.reconnectRestartGraceMs - (m_clock->nowMs() - sinceMs));
    emitEvent(u"server_restarting"_s,
              {{u"backend"_s, b.name},
               {u"announced"_s, announced},
               {u"evidence"_s, evidence},
               {u"feeds_down"_s, int(down.size())},
               {u"feeds"_s, QJsonArray::fromStringList(b.feeds)}});
    emit incidentChanged(b.name);
}

void RestartTracker::onConnected(Backend &b, const FeedEvent &event)
{
    b.live.insert(event.feed);
    Incident &in = b.incident;
    if (!in.active)
        return;
    in.down.remove(event.feed);
    if (in.backAtMs < 0) {
        in.backAtMs = m_clock->nowMs();
        // Wait for the first message of the returning server: a hello names it.
        b.settle->start(kSettleMs);
        // The rest of its feeds get a grace of their own to follow.
        if (!b.grace->isActive())
            b.grace->start(m_settings.reconnectRestartGraceMs);
        emit serverBack(b.name);
    } else if (!in.reported) {
        reportBack(b); // a second feed is back: the server is, whatever it says
    }
    emit incidentChanged(b.name);
    completeIfBack(b);
}

void RestartTracker::onHello(Backend &b, const FeedEvent &event)
{
    const QString serverId = event.fields.value("server_id"_L1).toString();
    Incident &in = b.incident;
    if (in.active) {
        if (!serverId.isEmpty() && in.serverId.isEmpty())
            in.serverId = serverId;
        if (!serverId.isEmpty())
            b.serverId = serverId;
        if (in.backAtMs >= 0 && !in.reported) {
            reportBack(b);
            completeIfBack(b);
        }
        return;
    }
    const QString previous = b.serverId;
    if (!serverId.isEmpty())
        b.serverId = serverId;
    if (serverId.isEmpty() || previous.isEmpty() || serverId == previous)
        return;
    // A restart no drop pattern showed (one feed, or the others were down anyway).
    QJsonObject fields {
        {u"backend"_s, b.name},
        {u"server_id"_s, serverId},
        {u"previous_server_id"_s, previous},
        {u"evidence"_s, QJsonArray {u"hello.server_id %1 -> %2"_s.arg(previous, serverId)}}};
    const qint64 dropped = b.lastDropWall.value(event.feed, 0);
    if (dropped > 0)
        fields.insert(u"downtime_ms"_s, double(event.wallMs - dropped));
    emitEvent(u"server_restart"_s, fields);
}

QJsonArray RestartTracker::evidenceOf(const Backend &b) const
{
    const Incident &in = b.incident;
    QJsonArray evidence {in.closeEvidence};
    if (in.announced && in.dropped.size() > 1)
        evidence.append(u"%1 of %2 feeds closed"_s.arg(in.dropped.size()).arg(b.feeds.size()));
    if (!in.serverId.isEmpty() && !in.previousServerId.isEmpty()) {
        evidence.append(in.serverId != in.previousServerId
                            ? u"hello.server_id %1 -> %2"_s.arg(in.previousServerId, in.serverId)
                            : u"hello.server_id unchanged (%1): the link dropped, the server "
                              "process may not have restarted"_s.arg(in.serverId));
    }
    return evidence;
}

void RestartTracker::reportBack(Backend &b)
{
    Incident &in = b.incident;
    b.settle->stop();
    if (!in.active || in.reported || in.backAtMs < 0)
        return;
    in.reported = true;
    QJsonObject fields {{u"backend"_s, b.name},
                        {u"evidence"_s, evidenceOf(b)},
                        {u"downtime_ms"_s, double(in.backAtMs - in.sinceMs)},
                        {u"announced"_s, in.announced},
                        {u"feeds_back"_s, int(b.live.size())},
                        {u"feeds"_s, int(b.feeds.size())}};
    if (!in.serverId.isEmpty())
        fields.insert(u"server_id"_s, in.serverId);
    if (!in.previousServerId.isEmpty())
        fields.insert(u"previous_server_id"_s, in.previousServerId);
    if (in.escalated)
        fields.insert(u"escalated"_s, true);
    emitEvent(u"server_restart"_s, fields);
}

void RestartTracker::completeIfBack(Backend &b)
{
    // Not before the return is reported: the hello that names the new server may be on its way.
    if (b.incident.active && b.incident.down.isEmpty()
        && (b.incident.reported || !b.settle->isActive()))
        finish(b);
}

void RestartTracker::finish(Backend &b)
{
    Incident &in = b.incident;
    reportBack(b);
    QJsonObject fields {{u"backend"_s, b.name},
                        {u"recovered_ms"_s, double(m_clock->nowMs() - in.sinceMs)},
                        {u"feeds_back"_s, int(in.dropped.size() - in.down.size())}};
    if (!in.down.isEmpty()) {
        QStringList still(in.down.cbegin(), in.down.cend());
        still.sort();
        fields.insert(u"still_down"_s, QJsonArray::fromStringList(still));
    }
    emitEvent(u"restart_complete"_s, fields);
    b.grace->stop();
    b.settle->stop();
    in = Incident {};
    b.recentDrops.clear();
    emit incidentChanged(b.name);
}

void RestartTracker::escalate(Backend &b)
{
    Incident &in = b.incident;
    if (!in.active)
        return;
    // The server came back but some feeds did not within the grace: theirs is an outage of
    // their own (a refusal, a broken endpoint), not the restart's.
    if (in.backAtMs >= 0) {
        finish(b);
        return;
    }
    if (in.escalated)
        return;
    in.escalated = true;
    emitEvent(u"server_down"_s,
              {{u"backend"_s, b.name},
               {u"down_ms"_s, double(m_clock->nowMs() - in.sinceMs)},
               {u"feeds_down"_s, int(in.down.size())},
               {u"evidence"_s, in.closeEvidence}});
    emit incidentChanged(b.name);
}

void RestartTracker::emitEvent(const QString &kind, const QJsonObject &fields)
{
    emit eventRaised({m_clock->wallMs(), QString(), kind, fields});
}
