#pragma once

#include "config/settings.h"
#include "policy/qualityscore.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class Clock;
class Timer;

namespace Health {
Q_NAMESPACE
// Worst last, so std::max picks the worse of two.
enum class Level { Healthy, Degraded, Unhealthy, Critical };
Q_ENUM_NS(Level)
QString name(Level level); // "healthy", "degraded", "unhealthy", "critical"
} // namespace Health

// The progressive health of one feed (docs/health.md): keeps the quality score's window
// (attempts, connected time, drops, heartbeat misses, data) on the injected clock, computes the
// score, and moves the feed between HEALTHY, DEGRADED, UNHEALTHY and CRITICAL with hysteresis:
// a worse level is taken at once, a better one only after it held `health.recover_ms`. Each
// change asks for its remediation through a signal; FeedConnection does it.
class HealthMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthMonitor)

public:
    // `hasFallback`: the feed has an HTTP snapshot URL (critical can start polling it).
    HealthMonitor(const Settings &settings, const Clock *clock, bool hasFallback,
                  QObject *parent = nullptr);
    ~HealthMonitor() override;

    void start();
    void stop();
    void attemptFailed();
    void connected();
    // A live link ended; `heartbeat`: our heartbeat declared it dead.
    void linkLost(bool heartbeat);
    // `ws`: on the feed's WebSocket (HTTP data keeps the page fresh but does not heal the link).
    void dataArrived(bool ws);
    void setRtt(double ewmaMs) { m_ewmaRttMs = ewmaMs; }
    // A pong is late enough to lower the quality tier to poor or worse (LinkProbe's quality
    // event with pong_overdue); cleared by the next answer.
    void setPongLate(bool late);
    void setCircuitOpen(bool open);
    // Evaluates now (the internal timer does it every second).
    void evaluate();

    Health::Level level() const { return m_level; }
    QString reason() const { return m_reason; }
    QString action() const { return m_action; }
    qint64 sinceMs() const { return m_sinceMs; }
    QualityScore::Result score() const { return m_score; }
    // The score now minus the score a minute ago (or since the start, if shorter).
    int trend() const;
    bool fastHeartbeat() const { return m_fastHeartbeat; }
    bool fallbackActive() const { return m_fallback; }
    QualityScore::Inputs inputs() const;

signals:
    // level, score, reason, action: FeedConnection turns it into a `health` event.
    void changed(Health::Level level, int score, const QString &reason, const QString &action);
    // The score moved by 5 points or more since the last `score` event.
    void scoreChanged(const QualityScore::Result &score, int trend);
    void fastHeartbeatDue(bool on);
    void fallbackDue(bool on);

private:
    struct Target
    {
        Health::Level level = Health::Level::Healthy;
        QString reason;
    };
    Target target(qint64 now) const;
    void apply(const Target &target);
    void trim(qint64 now);
    double uptimeShare(qint64 now) const;

    Settings m_settings;
    const Clock *m_clock;
    const bool m_hasFallback;
    std::unique_ptr<Timer> m_tick;
    bool m_running = false;
    qint64 m_startedAt = -1;
    QList<std::pair<qint64, bool>> m_attempts; // (when it ended or connected, connected)
    QList<std::pair<qint64, qint64>> m_upIntervals;
    qint64 m_connectedAt = -1; // -1 while not connected
    QList<qint64> m_drops;
    QList<qint64> m_misses; // heartbeat timeouts
    qint64 m_lastDataMs = -1;
    qint64 m_lastWsDataMs = -1;
    double m_ewmaRttMs = -1;
    bool m_pongLate = false;
    bool m_circuitOpen = false;

    Health::Level m_level = Health::Level::Healthy;
    QString m_reason;
    QString m_action;
    qint64 m_sinceMs = 0;
    qint64 m_betterSinceMs = -1; // since when a better level holds
    Target m_betterTarget;       // the worst of the better levels seen since then
    bool m_scoreLow = false;     // score hysteresis: below degraded_score, until it is +10
    bool m_fastHeartbeat = false;
    bool m_fallback = false;
    QualityScore::Result m_score;
    int m_lastEmittedScore = -1;
    QList<std::pair<qint64, int>> m_history; // (when, score), a minute of it
};
