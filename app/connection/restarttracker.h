#pragma once

#include "config/settings.h"
#include "connection/feedstats.h"
#include "events/feedevent.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <map>
#include <memory>

class Clock;
class Timer;

// Infers "the server is restarting" for each backend from its feeds' events, and reports it as
// one incident instead of one outage per feed (the one implementation of #14 item 7 and #20
// item 2; docs/protocol.md, "Connection design").
//
// An incident opens when a feed of the backend is closed with a restart code (1001, 1012, or
// Qt 6.4's masked 1002: "announced"), or when every live feed of the backend dropped within
// kDropWindowMs (at least two; no code needed: tac-webbuilder behind a relay, a killed process).
// It says `server_restarting` once; `server_restart` (evidence, downtime_ms, and the new
// server_id when a hello tells it) when the first feed is back; `restart_complete` when every
// feed that dropped is back; `server_down` if the server is not back within
// reconnect.restart_grace_ms, after which it is an outage like any other. A hello with a new
// server_id outside an incident is a restart too (reported once per server_id).
class RestartTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestartTracker)

public:
    static constexpr qint64 kDropWindowMs = 2000;
    // How long the server's return waits for a first message (a hello names the new server).
    static constexpr qint64 kSettleMs = 500;

    RestartTracker(const Settings &settings, const Clock *clock, QObject *parent = nullptr);
    ~RestartTracker() override;

    void addFeed(const QString &feedId, const QString &backend);
    void removeFeed(const QString &feedId);
    // Sees every event of the feeds before it is passed on, so what it raises comes first.
    void observe(const FeedEvent &event);
    // The backend's incident, in the fields FeedStats carries for it.
    void decorate(FeedStats &stats) const;
    bool hasIncident(const QString &backend) const;

signals:
    // App-wide events (feed empty) with a `backend` field.
    void eventRaised(const FeedEvent &event);
    // The feed is down in an inferred incident: its planner should expect the restart.
    void restartExpected(const QString &feedId);
    // The incident of `backend` opened, changed or closed: its feeds' stats changed.
    void incidentChanged(const QString &backend);
    // The first feed of `backend` is connected again: the server accepts. The others need not
    // wait for their backoff any more.
    void serverBack(const QString &backend);

private:
    struct Incident;
    struct Backend;

    Backend *backendOf(const QString &feedId) const;
    void onDisconnected(Backend &b, const FeedEvent &event);
    void onConnected(Backend &b, const FeedEvent &event);
    void onHello(Backend &b, const FeedEvent &event);
    void open(Backend &b, bool announced, const QString &evidence, const QSet<QString> &down,
              qint64 sinceMs, qint64 sinceWallMs);
    void reportBack(Backend &b);
    void completeIfBack(Backend &b);
    void finish(Backend &b);
    void escalate(Backend &b);
    void emitEvent(const QString &kind, const QJsonObject &fields);
    QJsonArray evidenceOf(const Backend &b) const;

    Settings m_settings;
    const Clock *m_clock;
    std::map<QString, std::unique_ptr<Backend>> m_backends;
    QHash<QString, QString> m_backendOf; // feed -> backend
};
