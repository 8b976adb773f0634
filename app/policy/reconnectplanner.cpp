#include "reconnectplanner.h"

#include "core/clock.h"
#include "policy/herdcontrol.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using Action = CloseCodePolicy::Action;

QString Reconnect::stopReasonName(StopReason reason)
{
    switch (reason) {
    case StopReason::None:
        return {};
    case StopReason::Manual:
        return u"manual"_s;
    case StopReason::Auth:
        return u"auth"_s;
    case StopReason::Refused:
        return u"refused"_s;
    case StopReason::Config:
        return u"config"_s;
    case StopReason::Tls:
        return u"tls"_s;
    }
    return {};
}

QString Reconnect::waitName(Wait wait)
{
    switch (wait) {
    case Wait::None:
        return {};
    case Wait::Backoff:
        return u"backoff"_s;
    case Wait::Restart:
        return u"restart"_s;
    case Wait::TryLater:
        return u"try_later"_s;
    case Wait::NotReady:
        return u"not_ready"_s;
    case Wait::NotAccepting:
        return u"not_accepting"_s;
    case Wait::Circuit:
        return u"circuit_open"_s;
    }
    return {};
}

ReconnectPlanner::ReconnectPlanner(const Settings &settings, const Clock *clock,
                                   RandomSource *random, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_random(random)
    , m_backoff(settings)
    , m_circuit(settings.circuitFailureThreshold, settings.circuitOpenMs)
    , m_retryTimer(clock->createTimer(
          [this] {
              m_nextRetryAt = -1;
              m_bookedAt = -1;
              emit retryDue();
          },
          this))
    , m_stableTimer(clock->createTimer([this] { onStableWindow(); }, this))
{ }

ReconnectPlanner::~ReconnectPlanner() = default;

void ReconnectPlanner::setHerd(HerdControl *herd, int rank)
{
    m_herd = herd;
    m_rank = rank;
}

ReconnectPlanner::Admission ReconnectPlanner::admit()
{
    const qint64 now = m_clock->nowMs();
    const Circuit::State before = m_circuit.state();
    if (!m_circuit.tryAcquire(now)) {
        // Open: wait for the half-open time. Half-open with its probe out cannot happen for one
        // feed (the probe is released whenever its attempt ends); should it, waiting the open
        // time keeps it from spinning at 0 ms.
        const qint64 until = m_circuit.halfOpenAtMs() - now;
        return {false, until > 0 ? until : qint64(m_settings.circuitOpenMs)};
    }
    if (before != m_circuit.state())
        emit circuitChanged(m_circuit.state(), m_circuit.failures(), {});
    return {};
}

void ReconnectPlanner::attemptStarted()
{
    cancelRetry();
    ++m_attempt;
    ++m_totalAttempts;
}

void ReconnectPlanner::connected()
{
    m_connected = true;
    m_stable = false;
    m_connectedAt = m_clock->nowMs();
    m_stableTimer->start(m_settings.connectionStableMs);
}

void ReconnectPlanner::onStableWindow()
{
    // Only a connection that stayed up proves the server healthy. Resetting on open or on the
    // first message would loop fast against a server that accepts, sends a snapshot and drops.
    const bool wasTripped = m_circuit.state() != Circuit::State::Closed;
    m_stable = true;
    m_attempt = 0;
    m_restartSince = -1;
    m_circuit.recordSuccess();
    emit becameStable(m_clock->nowMs() - m_connectedAt);
    if (wasTripped)
        emit circuitChanged(Circuit::State::Closed, 0, {});
}

qint64 ReconnectPlanner::jitteredAtLeast(qint64 ms)
{
    // A wait that must last at least `ms` is stretched, never shortened, by its jitter.
    const double stretch = 1.0 + 0.5 * m_settings.backoffJitter * m_random->uniform();
    return qint64(std::llround(double(ms) * stretch));
}

qint64 ReconnectPlanner::restartDelay(qint64 now)
{
    if (m_herd)
        return m_herd->restartSlotMs(m_rank, now) - now;
    const qint64 lo = m_settings.reconnectRestartMinMs;
    const qint64 hi = std::max<qint64>(lo, m_settings.reconnectRestartMaxMs);
    return lo + qint64(std::llround(m_random->uniform() * double(hi - lo)));
}

qint64 ReconnectPlanner::herdDelay(qint64 delayMs, qint64 now)
{
    if (!m_herd)
        return delayMs;
    m_bookedAt = m_herd->book(now + delayMs, now);
    return m_bookedAt - now;
}

Plan ReconnectPlanner::ended(const AttemptEnd &end)
{
    const qint64 now = m_clock->nowMs();
    Plan plan;
    plan.wasConnected = m_connected;
    plan.wasStable = m_connected && m_stable;
    plan.uptimeMs = m_connected ? now - m_connectedAt : 0;
    m_connected = false;
    m_stable = false;
    m_stableTimer->stop();
    cancelRetry();
    if (!plan.wasStable)
        ++m_failures;

    CloseCodePolicy::Decision decision =
        CloseCodePolicy::decide({end.closeCode, end.httpStatus, end.reason, end.url, end.body});
    // Qt 6.4 hides 1013 behind the same 1002 as 1012: a masked close of a connection made
    // during a restart-aware reconnect, before it became stable, is read as "try again later".
    const bool relapse = m_restartSince >= 0 && plan.wasConnected && !plan.wasStable;
    if (decision.action == Action::RetryRestart && relapse
        && CloseCodePolicy::isQtMaskedCloseCode(end.closeCode, end.reason)) {
        decision = {Action::RetryAtLeastMax,
                    u"server close code in 1012-2999, reported by Qt 6.4 as 1002, again before "
                    "the link became stable; read as 1013 (try again later)"_s};
    }
    if (end.refused)
        decision.reason = u"server not accepting connections yet (connection refused)"_s;
    else if (end.heartbeat)
        decision.reason = end.reason;
    plan.action = decision.action;
    plan.reason = decision.reason;

    if (CloseCodePolicy::isStop(decision.action)) {
        plan.kind = Plan::Kind::Stop;
        plan.wait = Reconnect::Wait::None;
        plan.stop = decision.action == Action::StopTls ? Reconnect::StopReason::Tls
            : decision.action == Action::StopConfig    ? Reconnect::StopReason::Config
            : decision.action == Action::StopRefused   ? Reconnect::StopReason::Refused
                                                       : Reconnect::StopReason::Auth;
        stopped();
        return plan;
    }

    // Restart-aware: the server said it is going away or restarting. Short first try, then
    // capped backoff, and no circuit counting while it boots; after the grace it escalates.
    if (decision.action == Action::RetryRestart) {
        if (m_restartSince < 0) {
            m_restartSince = now;
            plan.restartBegan = true;
        }
        m_circuit.releaseProbe();
        plan.wait = Reconnect::Wait::Restart;
        plan.delayMs = herdDelay(restartDelay(now), now);
        return plan;
    }
    if (m_restartSince >= 0 && now - m_restartSince >= m_settings.reconnectRestartGraceMs)
        m_restartSince = -1; // escalates: from here on like any outage
    const bool restarting = m_restartSince >= 0;

    if (!restarting && m_circuit.recordFailure(now)) {
        plan.kind = Plan::Kind::CircuitOpen;
        plan.wait = Reconnect::Wait::Circuit;
        plan.reason = u"circuit_open"_s;
        plan.delayMs = herdDelay(jitteredAtLeast(m_settings.circuitOpenMs), now);
        return plan;
    }
    if (restarting)
        m_circuit.releaseProbe();

    qint64 delay = m_backoff.delayMs(m_attempt, m_random->uniform());
    plan.wait = end.refused ? Reconnect::Wait::NotAccepting : Reconnect::Wait::Backoff;
    if (decision.action == Action::RetryAtLeastMax) {
        delay = jitteredAtLeast(m_settings.backoffMaxMs);
        plan.wait = Reconnect::Wait::TryLater;
    } else if (restarting) {
        const BackoffPolicy capped([this] {
            Settings s = m_settings;
            s.backoffMaxMs = std::min(s.backoffMaxMs, s.reconnectRestartBackoffMaxMs);
            s.backoffInitialMs = std::min(s.backoffInitialMs, s.backoffMaxMs);
            return s;
        }());
        delay = capped.delayMs(m_attempt, m_random->uniform());
        if (!end.refused && decision.action != Action::RetryNotReady)
            plan.wait = Reconnect::Wait::Restart;
    }
    if (decision.action == Action::RetryNotReady)
        plan.wait = Reconnect::Wait::NotReady;
    plan.delayMs = herdDelay(delay, now);
    return plan;
}

void ReconnectPlanner::schedule(qint64 delayMs, Reconnect::Wait wait)
{
    ++m_totalRetries;
    m_wait = wait;
    m_nextRetryAt = m_clock->nowMs() + delayMs;
    m_retryTimer->start(delayMs);
}

void ReconnectPlanner::cancelRetry()
{
    m_retryTimer->stop();
    if (m_herd && m_bookedAt >= 0)
        m_herd->release(m_bookedAt);
    m_bookedAt = -1;
    m_nextRetryAt = -1;
    m_wait = Reconnect::Wait::None;
}

void ReconnectPlanner::operatorReconnect()
{
    stopped();
    m_attempt = 0;
    m_restartSince = -1;
    if (m_circuit.state() != Circuit::State::Closed || m_circuit.failures() > 0) {
        m_circuit.reset();
        emit circuitChanged(Circuit::State::Closed, 0, u"manual reconnect"_s);
    }
}

void ReconnectPlanner::stopped()
{
    cancelRetry();
    m_stableTimer->stop();
    m_connected = false;
    m_stable = false;
    m_circuit.releaseProbe();
}

void ReconnectPlanner::expectRestart()
{
    if (m_restartSince < 0 && !m_connected)
        m_restartSince = m_clock->nowMs();
}
