#pragma once

#include "core/timer.h"

#include <QList>
#include <QtGlobal>

#include <functional>
#include <memory>
#include <random>

class QObject;

// Time and randomness are injected into every policy (backoff, circuit breaker, heartbeat) so
// tests can drive them exactly, without sleeping. Timers come from the clock too, so a manual
// clock fires them when it moves.
class Clock
{
public:
    virtual ~Clock() = default;
    // Monotonic milliseconds; only differences are meaningful.
    virtual qint64 nowMs() const = 0;
    // The same monotonic time in nanoseconds, for sub-millisecond RTTs on a LAN.
    virtual qint64 nowNs() const { return nowMs() * 1'000'000; }
    // Wall-clock milliseconds since the epoch, for timestamps shown to people.
    virtual qint64 wallMs() const = 0;
    // A single-shot timer that calls `onTimeout` in `context`'s thread (a QTimer, precise
    // unless `slack` allows it to fire late; Timer::Slack).
    virtual std::unique_ptr<Timer> createTimer(std::function<void()> onTimeout, QObject *context,
                                               Timer::Slack slack = Timer::Slack::None) const;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    qint64 nowNs() const override;
    qint64 wallMs() const override;
    static SystemClock *instance();
};

// A clock that only moves when told to; its timers fire while it moves, in deadline order, each
// seeing the clock at its own deadline.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 0, qint64 wallStartMs = 1'790'000'000'000)
        : m_now(startMs)
        , m_wallOffset(wallStartMs - startMs)
    { }
    ~ManualClock() override;
    qint64 nowMs() const override { return m_now; }
    qint64 wallMs() const override { return m_now + m_wallOffset; }
    std::unique_ptr<Timer> createTimer(std::function<void()> onTimeout, QObject *context,
                                       Timer::Slack slack = Timer::Slack::None) const override;
    // Moves forward by `ms`, firing every timer that falls due on the way.
    void advance(qint64 ms);
    // Jumps to `ms` without firing timers: a monotonic clock never goes back, tests of what
    // happens when one does (a broken clock source) use this.
    void set(qint64 ms) { m_now = ms; }
    // Timers started and not yet fired.
    int activeTimers() const;
    // The earliest deadline of an active timer; -1 when none.
    qint64 nextDeadlineMs() const;

private:
    friend class ManualTimer;
    qint64 m_now = 0;
    qint64 m_wallOffset = 0;
    mutable QList<class ManualTimer *> m_timers;
};

class RandomSource
{
public:
    virtual ~RandomSource() = default;
    // Uniform in [0, 1).
    virtual double uniform() = 0;
};

class SeededRandom final : public RandomSource
{
public:
    explicit SeededRandom(quint64 seed)
        : m_engine(seed)
    { }
    double uniform() override { return m_dist(m_engine); }

private:
    std::mt19937_64 m_engine;
    std::uniform_real_distribution<double> m_dist {0.0, 1.0};
};

// Always returns the same value: handy for exact expectations in tests.
class FixedRandom final : public RandomSource
{
public:
    explicit FixedRandom(double value)
        : m_value(value)
    { }
    double uniform() override { return m_value; }
    void setValue(double value) { m_value = value; }

private:
    double m_value;
};

RandomSource *systemRandom();
