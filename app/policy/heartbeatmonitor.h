#pragma once

#include <QtGlobal>

// Liveness bookkeeping for one connection. One ping in flight at a time (QWebSocket::ping()
// restarts a single internal timer, so overlapping pings would yield wrong RTTs); any pong,
// RFC 6455 or app-level, proves the link alive.
class HeartbeatMonitor final
{
public:
    HeartbeatMonitor(qint64 intervalMs, qint64 timeoutMs)
        : m_interval(intervalMs)
        , m_timeout(timeoutMs)
    { }

    // The first ping goes out `firstPingAfterMs` after start (default: one interval).
    void start(qint64 nowMs, qint64 firstPingAfterMs = -1);
    // True when a new ping round is due at `nowMs` (none in flight, interval elapsed).
    bool pingDue(qint64 nowMs) const;
    void pingSent(qint64 nowMs);
    // Returns the RTT of the round in flight (-1 if none was in flight).
    qint64 pongReceived(qint64 nowMs);
    bool timedOut(qint64 nowMs) const;
    qint64 intervalMs() const { return m_interval; }
    // A faster or normal heartbeat (HealthMonitor's remediation); the round in flight stays.
    void setIntervalMs(qint64 intervalMs) { m_interval = intervalMs; }
    bool pingInFlight() const { return m_inFlight; }
    qint64 waitedMs(qint64 nowMs) const { return m_inFlight ? nowMs - m_sentAt : 0; }
    // When the next check is needed (next ping or the timeout of the one in flight).
    qint64 nextDeadlineMs() const;

private:
    qint64 m_interval;
    qint64 m_timeout;
    qint64 m_lastRoundAt = 0;
    qint64 m_sentAt = 0;
    bool m_inFlight = false;
};
