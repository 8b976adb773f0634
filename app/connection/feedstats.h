#pragma once

#include "policy/circuitbreaker.h"
#include "policy/latencytracker.h"

#include <QJsonObject>
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
    QString stopReason; // "manual", "auth", "config", "tls" when stopped
    int attempt = 0;    // attempts since the last stable connection
    qint64 totalAttempts = 0;
    qint64 totalRetries = 0;
    qint64 successes = 0; // connections opened
    qint64 failures = 0;  // attempts or connections that ended before becoming stable
    QString lastError;
    int lastCloseCode = 0;
    qint64 connectedSinceWallMs = 0; // 0 when not connected
    qint64 downSinceWallMs = 0;      // when the feed last stopped being live; 0 when connected
    qint64 nextRetryWallMs = 0;      // 0 when no retry is scheduled
    double uptimePercent = 0;        // connected time / time since the feed started
    qint64 messages = 0;
    qint64 bytes = 0;
    qint64 snapshots = 0;
    qint64 unchangedSnapshots = 0;
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
    QString serverId;
    bool degraded = false; // HTTP polling is on while the WebSocket cannot deliver
    // Whether that polling delivers: "degraded (HTTP)" only while the last poll succeeded.
    Feed::Fallback fallback = Feed::Fallback::Off;
    QString fallbackError;       // the last poll's error while failing
    qint64 lastPollOkWallMs = 0; // the last successful HTTP snapshot
    QJsonObject tlsError; // the last tls_error's fields while stopped by it (certificate details)
};

Q_DECLARE_METATYPE(FeedStats)
