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
    virtual ~Timer() = default;
    // (Re)starts: fires once, `ms` from now on the clock that made it.
    virtual void start(qint64 ms) = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;
};

// The system clock's timer: a precise, single-shot QTimer living in `context`'s thread.
class QtTimer final : public Timer
{
public:
    QtTimer(std::function<void()> onTimeout, QObject *context);
    ~QtTimer() override;
    void start(qint64 ms) override;
    void stop() override;
    bool isActive() const override;

private:
    QPointer<QTimer> m_timer; // a child of the context, which may go first
};
