#pragma once

#include "config/settings.h"
#include "policy/backoffpolicy.h"
#include "policy/circuitbreaker.h"
#include "policy/closecodepolicy.h"

#include <QObject>

#include <memory>

class Clock;
class HerdControl;
class RandomSource;
class Timer;

namespace Reconnect {
Q_NAMESPACE
// Why a feed is stopped (it stays stopped until the operator starts or reconnects it).
enum class StopReason { None, Manual, Auth, Refused, Config, Tls };
Q_ENUM_NS(StopReason)
// "", "manual", "auth", "refused", "config", "tls": the `reason` of the `state` event.
QString stopReasonName(StopReason reason);

// What the wait before the next attempt is for, so the screen can say it.
enum class Wait { None, Backoff, Restart, TryLater, NotReady, NotAccepting, Circuit };
Q_ENUM_NS(Wait)
// "", "backoff", "restart", "try_later", "not_ready", "not_accepting", "circuit_open"
QString waitName(Wait wait);
} // namespace Reconnect

// What ended an attempt or a connection, as the socket told it.
struct AttemptEnd
{
    int closeCode = 1006;
    int httpStatus = 0;     // a refused upgrade's status, 0 otherwise
    QString reason {};      // the close reason or Qt's error text (already masked)
    QString url {};         // the feed's URL without credentials, for refusal texts
    QString body {};        // what the server sent with a refused upgrade
    bool refused = false;   // the TCP connection was refused: nothing listens (yet)
    bool heartbeat = false; // ended by our heartbeat timeout (the link was dead)
};

// The planner's answer to an ended attempt.
struct Plan
{
    enum class Kind { Retry, Stop, CircuitOpen };
    Kind kind = Kind::Retry;
    CloseCodePolicy::Action action = CloseCodePolicy::Action::Retry;
    qint64 delayMs = 0;
    Reconnect::Wait wait = Reconnect::Wait::Backoff;
    Reconnect::StopReason stop = Reconnect::StopReason::None;
    QString reason; // for retry_scheduled's `reason`, auth_error/config_error's `error`
    bool wasConnected = false;
    bool wasStable = false; // the connection had stood connection.stable_ms
    qint64 uptimeMs = 0;
    bool restartBegan = false; // this end started a restart-aware reconnect
};

// The one place that says when a feed tries again: attempt count, backoff with jitter, the
// circuit breaker, the close-code policy, restart-aware reconnects and herd control. Owns the
// retry and stable-window timers on the injected clock; FeedConnection does what it decides.
// Rules, with their reasons, in docs/protocol.md ("Connection design").
class ReconnectPlanner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconnectPlanner)

public:
    ReconnectPlanner(const Settings &settings, const Clock *clock, RandomSource *random,
                     QObject *parent = nullptr);
    ~ReconnectPlanner() override;

    // The backend's herd control and this feed's place in it (0: most important); optional.
    void setHerd(HerdControl *herd, int rank);

    struct Admission
    {
        bool go = true;
        qint64 waitMs = 0; // when !go: until the circuit admits a probe
    };
    // May an attempt start now? Hands out the circuit's half-open probe.
    Admission admit();
    void attemptStarted();
    // The handshake completed: the stable window starts.
    void connected();
    // What to do now that the attempt or connection ended. Counts the failure and, unless the
    // plan is to stop, leaves the delay to schedule().
    Plan ended(const AttemptEnd &end);
    // Arms the retry timer; retryDue() fires after `delayMs`.
    void schedule(qint64 delayMs, Reconnect::Wait wait);
    void cancelRetry();
    // The operator's Reconnect: attempts and circuit start over.
    void operatorReconnect();
    // The operator's Stop, or a stop decided elsewhere: no retry, no stable window, and the
    // circuit's half-open probe is released so a later start can probe.
    void stopped();
    // The engine inferred a restart of the backend (all feeds dropped together): waits are
    // capped like after a restart close, until it completes or the grace ends.
    void expectRestart();

    int attempt() const { return m_attempt; }
    // The plain backoff of the last attempt reached backoff.max_ms: one full round of growing
    // waits is over (a feed never up by then is announced, AlertTracker).
    bool backoffRoundDone() const
    {
        return m_attempt > 0 && m_backoff.baseDelayMs(m_attempt) >= m_settings.backoffMaxMs;
    }
    qint64 totalAttempts() const { return m_totalAttempts; }
    qint64 totalRetries() const { return m_totalRetries; }
    qint64 failures() const { return m_failures; }
    bool isStable() const { return m_stable; }
    bool inRestart() const { return m_restartSince >= 0; }
    qint64 nextRetryAtMs() const { return m_nextRetryAt; } // -1: none scheduled
    Reconnect::Wait wait() const { return m_wait; }
    const CircuitBreaker &circuit() const { return m_circuit; }

signals:
    void retryDue();
    void becameStable(qint64 uptimeMs);
    // Half-open on admit(), closed by the stable window or the operator. Opening is reported by
    // ended()'s plan (Kind::CircuitOpen), so the caller can say why first. `reason` is empty
    // unless the operator caused it.
    void circuitChanged(Circuit::State state, int failures, const QString &reason);

private:
    qint64 jitteredAtLeast(qint64 ms);
    qint64 restartDelay(qint64 now);
    qint64 herdDelay(qint64 delayMs, qint64 now);
    void onStableWindow();

    Settings m_settings;
    const Clock *m_clock;
    RandomSource *m_random;
    BackoffPolicy m_backoff;
    CircuitBreaker m_circuit;
    std::unique_ptr<Timer> m_retryTimer;
    std::unique_ptr<Timer> m_stableTimer;
    HerdControl *m_herd = nullptr;
    int m_rank = 0;

    int m_attempt = 0;
    qint64 m_totalAttempts = 0;
    qint64 m_totalRetries = 0;
    qint64 m_failures = 0;
    bool m_connected = false;
    bool m_stable = false;
    qint64 m_connectedAt = 0;
    qint64 m_nextRetryAt = -1;
    qint64 m_bookedAt = -1; // the herd booking behind m_nextRetryAt
    Reconnect::Wait m_wait = Reconnect::Wait::None;
    // Restart-aware reconnect: since when (monotonic), -1 when none.
    qint64 m_restartSince = -1;
};
