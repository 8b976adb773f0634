#pragma once

#include <QObject>

namespace Circuit {
Q_NAMESPACE
enum class State { Closed, Open, HalfOpen };
Q_ENUM_NS(State)
QString name(State state); // "closed", "open", "half_open"
} // namespace Circuit

// Per-feed circuit breaker. Closed -> Open after `threshold` consecutive failures; Open admits no
// attempt for `openMs`; then HalfOpen admits exactly one probe, whose success closes the circuit
// and whose failure re-opens it. Success means a connection that stayed up for the stable window.
class CircuitBreaker final
{
public:
    CircuitBreaker(int threshold, qint64 openMs)
        : m_threshold(threshold)
        , m_openMs(openMs)
    { }

    Circuit::State state() const { return m_state; }
    int failures() const { return m_failures; }
    int threshold() const { return m_threshold; }
    qint64 openedAtMs() const { return m_openedAt; }
    // When an open circuit turns half-open.
    qint64 halfOpenAtMs() const { return m_openedAt + m_openMs; }

    // May an attempt start at `nowMs`? Moves Open -> HalfOpen when the open time is over and
    // hands out the single half-open probe.
    bool tryAcquire(qint64 nowMs);
    // Returns true when this failure opened (or re-opened) the circuit.
    bool recordFailure(qint64 nowMs);
    void recordSuccess();
    // The probe's attempt ended without a verdict on the server (the operator stopped it, or a
    // refusal stopped the feed): the next attempt may probe again. Without this a half-open
    // circuit stays "probe in flight" forever and admits nothing.
    void releaseProbe();
    bool probeInFlight() const { return m_probeInFlight; }
    void reset();

private:
    int m_threshold;
    qint64 m_openMs;
    Circuit::State m_state = Circuit::State::Closed;
    int m_failures = 0;
    qint64 m_openedAt = 0;
    bool m_probeInFlight = false;
};
