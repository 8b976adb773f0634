#include "healthmonitor.h"

#include "core/clock.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHealth, "feedwatch.health", QtWarningMsg)

namespace {
constexpr qint64 kTickMs = 1000;
constexpr qint64 kTrendMs = 60000;
// The score moves this much before a new `score` event: a wobble of a point is not news.
constexpr int kScoreStep = 5;
// Back from a low score only at degraded_score + this, so a score near the line does not flap.
constexpr int kScoreHysteresis = 10;
} // namespace

QString Health::name(Level level)
{
    switch (level) {
    case Level::Healthy:
        return u"healthy"_s;
    case Level::Degraded:
        return u"degraded"_s;
    case Level::Unhealthy:
        return u"unhealthy"_s;
    case Level::Critical:
        return u"critical"_s;
    }
    return {};
}

HealthMonitor::HealthMonitor(const Settings &settings, const Clock *clock, bool hasFallback,
                             QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_hasFallback(hasFallback)
    // On whole seconds: every feed's tick in the same wake-up of the engine thread.
    , m_tick(clock->createTimer(
          [this] {
              evaluate();
              if (m_running)
                  m_tick->start(kTickMs);
          },
          this, Timer::Slack::Second))
{ }

HealthMonitor::~HealthMonitor() = default;

void HealthMonitor::start()
{
    const qint64 now = m_clock->nowMs();
    if (m_startedAt < 0) {
        m_startedAt = now;
        m_sinceMs = now;
    }
    m_running = true;
    m_tick->start(kTickMs);
}

void HealthMonitor::stop()
{
    // A stopped feed is the operator's choice: nothing to remedy until it runs again.
    m_running = false;
    m_tick->stop();
    if (m_connectedAt >= 0) {
        m_upIntervals.append({m_connectedAt, m_clock->nowMs()});
        m_connectedAt = -1;
    }
    m_betterSinceMs = -1;
    m_pongLate = false;
    if (m_fastHeartbeat) {
        m_fastHeartbeat = false;
        emit fastHeartbeatDue(false);
    }
    m_fallback = false;
}

void HealthMonitor::attemptFailed()
{
    m_attempts.append({m_clock->nowMs(), false});
    evaluate();
}

void HealthMonitor::connected()
{
    const qint64 now = m_clock->nowMs();
    m_attempts.append({now, true});
    m_connectedAt = now;
    m_pongLate = false;
    // A new link ends degraded polling (FeedConnection); critical starts it again if needed.
    m_fallback = false;
}

void HealthMonitor::linkLost(bool heartbeat)
{
    const qint64 now = m_clock->nowMs();
    if (m_connectedAt >= 0) {
        m_upIntervals.append({m_connectedAt, now});
        m_connectedAt = -1;
    }
    m_drops.append(now);
    if (heartbeat)
        m_misses.append(now);
    m_pongLate = false;
    m_ewmaRttMs = -1;
    evaluate();
}

void HealthMonitor::dataArrived(bool ws)
{
    m_lastDataMs = m_clock->nowMs();
    if (ws)
        m_lastWsDataMs = m_lastDataMs;
}

void HealthMonitor::setPongLate(bool late)
{
    if (m_pongLate == late)
        return;
    m_pongLate = late;
    evaluate();
}

void HealthMonitor::setCircuitOpen(bool open)
{
    if (m_circuitOpen == open)
        return;
    m_circuitOpen = open;
    evaluate();
}

double HealthMonitor::uptimeShare(qint64 now) const
{
    const qint64 from = std::max(m_startedAt, now - qint64(m_settings.qualityWindowMs));
    const qint64 span = now - from;
    if (span <= 0)
        return m_connectedAt >= 0 ? 1.0 : 0.0;
    qint64 up = 0;
    for (const auto &[begin, end] : m_upIntervals)
        up += std::max<qint64>(0, end - std::max(begin, from));
    if (m_connectedAt >= 0)
        up += now - std::max(m_connectedAt, from);
    return double(up) / double(span);
}

QualityScore::Inputs HealthMonitor::inputs() const
{
    const qint64 now = m_clock->nowMs();
    const qint64 from = now - m_settings.qualityWindowMs;
    QualityScore::Inputs in;
    in.ewmaRttMs = m_connectedAt >= 0 ? m_ewmaRttMs : -1;
    for (const auto &[when, ok] : m_attempts) {
        if (when < from)
            continue;
        ++in.attempts;
        in.successes += ok ? 1 : 0;
    }
    in.uptimeShare = uptimeShare(now);
    in.dataAgeMs = now - (m_lastDataMs >= 0 ? m_lastDataMs : std::max<qint64>(m_startedAt, 0));
    return in;
}

int HealthMonitor::trend() const
{
    if (m_history.isEmpty() || m_score.score < 0)
        return 0;
    return m_score.score - m_history.first().second;
}

void HealthMonitor::trim(qint64 now)
{
    const qint64 from = now - m_settings.qualityWindowMs;
    m_attempts.removeIf([&](const auto &a) { return a.first < from; });
    m_upIntervals.removeIf([&](const auto &i) { return i.second < from; });
    m_drops.removeIf([&](qint64 t) { return t < from; });
    m_misses.removeIf([&](qint64 t) { return t < now - m_settings.healthRecoverMs; });
    m_history.removeIf([&](const auto &h) { return h.first < now - kTrendMs; });
}

HealthMonitor::Target HealthMonitor::target(qint64 now) const
{
    using Health::Level;
    if (m_circuitOpen)
        return {Level::Critical, u"circuit_open"_s};
    const qint64 wsData = m_lastWsDataMs >= 0 ? m_lastWsDataMs : m_startedAt;
    if (now - wsData > m_settings.healthStaleMs)
        return {Level::Critical, u"no_data"_s};
    if (!m_misses.isEmpty())
        return {Level::Unhealthy, u"heartbeat_miss"_s};
    if (m_drops.size() >= m_settings.healthMaxDrops)
        return {Level::Unhealthy, u"repeated_drops"_s};
    if (m_connectedAt >= 0 && m_pongLate)
        return {Level::Degraded, u"pong_late"_s};
    // A score needs some history: right after the start the uptime share says little.
    if (m_scoreLow && now - m_startedAt >= m_settings.healthRecoverMs)
        return {Level::Degraded, u"low_score"_s};
    return {Level::Healthy, {}};
}

void HealthMonitor::evaluate()
{
    if (!m_running)
        return;
    const qint64 now = m_clock->nowMs();
    trim(now);
    m_score = QualityScore::compute(inputs(), m_settings);
    if (m_score.score < m_settings.healthDegradedScore)
        m_scoreLow = true;
    else if (m_score.score >= m_settings.healthDegradedScore + kScoreHysteresis)
        m_scoreLow = false;
    if (m_history.isEmpty() || now - m_history.last().first >= kTickMs)
        m_history.append({now, m_score.score});
    if (m_lastEmittedScore < 0 || std::abs(m_score.score - m_lastEmittedScore) >= kScoreStep) {
        m_lastEmittedScore = m_score.score;
        emit scoreChanged(m_score, trend());
    }
    apply(target(now));
}

void HealthMonitor::apply(const Target &t)
{
    using Health::Level;
    const qint64 now = m_clock->nowMs();
    if (t.level == m_level) {
        m_betterSinceMs = -1;
        if (!t.reason.isEmpty())
            m_reason = t.reason;
        if (m_level == Health::Level::Critical && m_hasFallback && !m_fallback) {
            m_fallback = true;
            emit fallbackDue(true);
        }
        return;
    }
    Target next = t;
    if (t.level < m_level) {
        // Better: only once it held health.recover_ms; the worst level seen meanwhile wins.
        if (m_betterSinceMs < 0) {
            m_betterSinceMs = now;
            m_betterTarget = t;
        } else if (t.level > m_betterTarget.level) {
            m_betterTarget = t;
        }
        if (now - m_betterSinceMs < m_settings.healthRecoverMs)
            return;
        next = m_betterTarget;
        if (next.level == m_level) {
            m_betterSinceMs = -1;
            return;
        }
    }
    m_betterSinceMs = -1;
    const Level before = m_level;
    const bool worse = next.level > before;
    QStringList actions;
    switch (next.level) {
    case Level::Healthy:
        if (m_fastHeartbeat) {
            m_fastHeartbeat = false;
            emit fastHeartbeatDue(false);
            actions << u"normal_heartbeat"_s;
        }
        break;
    case Level::Degraded:
        if (!m_fastHeartbeat) {
            m_fastHeartbeat = true;
            emit fastHeartbeatDue(true);
            actions << u"fast_heartbeat"_s;
        }
        break;
    case Level::Unhealthy:
        if (!m_fastHeartbeat && m_connectedAt >= 0) {
            m_fastHeartbeat = true;
            emit fastHeartbeatDue(true);
        }
        // The heartbeat ended the dead link, or the link dropped: the planner's retry (with
        // backoff) is the reconnect; an extra attempt would be the retry storm. Ending a link
        // early on a late pong was tried and dropped: a slow but working link (an RTT between
        // half the timeout and the timeout) would be cut again and again.
        if (worse)
            actions << u"await_retry"_s;
        break;
    case Level::Critical:
        if (m_hasFallback && !m_fallback) {
            m_fallback = true;
            actions << u"http_fallback"_s;
        }
        actions << u"alert"_s;
        break;
    }
    if (next.level < Level::Critical && m_fallback) {
        m_fallback = false;
        actions << u"stop_fallback"_s;
    }
    m_level = next.level;
    m_reason = next.reason;
    m_sinceMs = now;
    m_action = actions.isEmpty() ? u"none"_s : actions.join(u'+');
    qCInfo(lcHealth) << Health::name(before) << "->" << Health::name(m_level) << m_reason
                     << m_action;
    emit changed(m_level, m_score.score, m_reason, m_action);
    // The remediations that act on the link go after the event, so the stream says why first.
    if (actions.contains(u"http_fallback"_s))
        emit fallbackDue(true);
    if (actions.contains(u"stop_fallback"_s))
        emit fallbackDue(false);
}
