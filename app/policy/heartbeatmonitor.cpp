#include "heartbeatmonitor.h"

#include <algorithm>

void HeartbeatMonitor::start(qint64 nowMs, qint64 firstPingAfterMs)
{
    const qint64 first = firstPingAfterMs < 0 ? m_interval : std::min(firstPingAfterMs, m_interval);
    m_lastRoundAt = nowMs - (m_interval - first);
    m_inFlight = false;
}

bool HeartbeatMonitor::pingDue(qint64 nowMs) const
{
    return !m_inFlight && nowMs - m_lastRoundAt >= m_interval;
}

void HeartbeatMonitor::pingSent(qint64 nowMs)
{
    m_sentAt = nowMs;
    m_lastRoundAt = nowMs;
    m_inFlight = true;
}

qint64 HeartbeatMonitor::pongReceived(qint64 nowMs)
{
    if (!m_inFlight)
        return -1;
    m_inFlight = false;
    return nowMs - m_sentAt;
}

bool HeartbeatMonitor::timedOut(qint64 nowMs) const
{
    return m_inFlight && nowMs - m_sentAt >= m_timeout;
}

qint64 HeartbeatMonitor::nextDeadlineMs() const
{
    return m_inFlight ? m_sentAt + m_timeout : m_lastRoundAt + m_interval;
}
