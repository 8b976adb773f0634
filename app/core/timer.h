#pragma once

#include <QPointer>
#include <QtGlobal>

#include <functional>

class QTimer;

// A single-shot timer on an injected clock (Clock::createTimer): a QTimer on the system clock,
// fired by ManualClock::advance() in tests. Policies hold these instead of QTimers, so every
// delay they decide can be driven exactly, without sleeping.
class Timer
{
public:
    // How late the system clock's timer may fire, so that timers of many feeds share one
    // wake-up of their thread (each wake-up of the engine thread polls every socket: with 480
    // feeds, 480 precise 1 s health ticks cost a fifth of a core doing nothing). A ManualClock
    // fires every kind exactly at its deadline.
    enum class Slack {
        None,   // Qt::PreciseTimer: deadlines that must not move (connect, pong overdue)
        Coarse, // up to 5 % of the interval late, on a grid (periodic probes)
        Second, // Qt::VeryCoarseTimer: on a whole second (once-a-second evaluations)
    };
    virtual ~Timer() = default;
    // (Re)starts: fires once, `ms` from now on the clock that made it.
    virtual void start(qint64 ms) = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;
};

// The system clock's timer: a single-shot QTimer living in `context`'s thread.
class QtTimer final : public Timer
{
public:
    QtTimer(std::function<void()> onTimeout, QObject *context, Slack slack = Slack::None);
    ~QtTimer() override;
    void start(qint64 ms) override;
    void stop() override;
    bool isActive() const override;

private:
    QPointer<QTimer> m_timer; // a child of the context, which may go first
    bool m_grid = false;      // Slack::Coarse
};
