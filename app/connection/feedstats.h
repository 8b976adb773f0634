#pragma once

#include "policy/circuitbreaker.h"
#include "policy/healthmonitor.h"
#include "policy/latencytracker.h"
#include "policy/reconnectplanner.h"

#include <QJsonObject>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace Feed {
Q_NAMESPACE
enum class State { Idle, Connecting, Connected, ReconnectWait, CircuitOpen, Offline, Stopped };
Q_ENUM_NS(State)
QString stateName(State state); // "idle", "connecting", ..., "reconnect_wait", ...
// HTTP snapshot polling (degraded mode): off, on but no answer yet, delivering, failing.
enum class Fallback { Off, Starting, Delivering, Failing };
Q_ENUM_NS(Fallback)
} // namespace Feed

// Everything the UI shows about one feed's connection; a value copied across threads.
struct FeedStats
{
    QString feedId;
    QString backend;
    Feed::State state = Feed::State::Idle;
    Reconnect::StopReason stopReason = Reconnect::StopReason::None; // when stopped
    int attempt = 0; // attempts since the last stable connection
    qint64 totalAttempts = 0;
    qint64 totalRetries = 0;
    qint64 successes = 0; // connections opened
    qint64 failures = 0;  // attempts or connections that ended before becoming stable
    QString lastError;
    int lastCloseCode = 0;
    qint64 connectedSinceWallMs = 0; // 0 when not connected
    qint64 downSinceWallMs = 0;      // when the feed last stopped being live; 0 when connected
    qint64 nextRetryWallMs = 0;      // 0 when no retry is scheduled
    Reconnect::Wait wait = Reconnect::Wait::None; // what the scheduled retry waits for
    double uptimePercent = 0;                     // connected time / time since the feed started
    qint64 messages = 0;
    qint64 bytes = 0;
    qint64 snapshots = 0;
    qint64 unchangedSnapshots = 0;
    // Replaced by a newer snapshot of the feed from the same socket read before they were
    // decoded: checked and counted in `snapshots`, never decoded or shown (FeedConnection).
    qint64 supersededSnapshots = 0;
    qint64 protocolErrors = 0;
    qint64 lastMessageWallMs = 0;
    Circuit::State circuit = Circuit::State::Closed;
    int circuitFailures = 0;
    int circuitThreshold = 0;
    qint64 halfOpenAtWallMs = 0; // when an open circuit admits its probe
    Quality::Tier quality = Quality::Tier::Disconnected;
    double lastRttMs = -1;
    double ewmaRttMs = -1;
    double p50RttMs = -1;
    double p95RttMs = -1;
    double p99RttMs = -1;
    // Pongs that answered none of our outstanding pings (unsolicited, or a foreign clock):
    // counted, never measured. Matched samples outside [0, heartbeat.timeout_ms] are rejected.
    qint64 unmatchedPongs = 0;
    qint64 rejectedRttSamples = 0;
    qint64 heartbeatTimeouts = 0;
    qint64 pingsSent = 0;
    qint64 matchedPongs = 0;
    // Disconnections by close code (the HTTP status for a refused upgrade) and by decision
    // ("retry", "retry_restart", ..., "operator"), since the feed started.
    QMap<int, qint64> disconnectsByCode;
    QMap<QString, qint64> disconnectsByDecision;
    QString serverId;
    bool degraded = false; // HTTP polling is on while the WebSocket cannot deliver
    // Whether that polling delivers: "degraded (HTTP)" only while the last poll succeeded.
    Feed::Fallback fallback = Feed::Fallback::Off;
    QString fallbackError;       // the last poll's error while failing
    qint64 lastPollOkWallMs = 0; // the last successful HTTP snapshot
    // Where the data the page shows came from last: "ws", "http" (HTTP first at start, or
    // degraded polling), empty before any.
    QString dataSource;
    QJsonObject tlsError; // the last tls_error's fields while stopped by it (certificate details)
    // The backend's restart incident (FeedEngine's RestartTracker), the same for every feed of
    // the backend: since when all its feeds are down (0: no incident), whether the server
    // announced it (1001/1012), how many of its feeds are back, and how many it has.
    qint64 restartSinceWallMs = 0;
    bool restartAnnounced = false;
    int restartFeedsBack = 0;
    int restartFeedsTotal = 0;
    // What the catalog made of the data (catalog/snapshotrouter.h): the rows the feed's table
    // holds (-1 before the first snapshot), why the rows were not where the profile says
    // (empty when they were), and broadcast routing: snapshots of this feed applied from
    // another feed's socket, snapshots on this socket handed to another feed, and snapshots on
    // this socket that no configured feed takes.
    int rows = -1;
    QString dataError;
    qint64 routedIn = 0;
    qint64 routedOut = 0;
    qint64 ignored = 0;
    // The quality score and the progressive health (policy/healthmonitor.h, docs/health.md).
    int qualityScore = -1; // 0..100; -1 before the feed started
    int qualityTrend = 0;  // the score now minus the score a minute ago
    Health::Level health = Health::Level::Healthy;
    QString healthReason; // "circuit_open", "no_data", "heartbeat_miss", ...; empty when healthy
    QString healthAction; // the remediation taken when the level was entered
    qint64 healthSinceWallMs = 0;
};

Q_DECLARE_METATYPE(FeedStats)
