#pragma once

#include <QtGlobal>

#include <random>

// Time and randomness are injected into every policy (backoff, circuit breaker, heartbeat) so
// tests can drive them exactly, without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Monotonic milliseconds; only differences are meaningful.
    virtual qint64 nowMs() const = 0;
    // Wall-clock milliseconds since the epoch, for timestamps shown to people.
    virtual qint64 wallMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    qint64 wallMs() const override;
    static SystemClock *instance();
};

// A clock that only moves when told to.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 0, qint64 wallStartMs = 1'790'000'000'000)
        : m_now(startMs)
        , m_wallOffset(wallStartMs - startMs)
    { }
    qint64 nowMs() const override { return m_now; }
    qint64 wallMs() const override { return m_now + m_wallOffset; }
    void advance(qint64 ms) { m_now += ms; }
    void set(qint64 ms) { m_now = ms; }

private:
    qint64 m_now = 0;
    qint64 m_wallOffset = 0;
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
