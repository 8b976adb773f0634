#include "clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

namespace {
class SystemRandom final : public RandomSource
{
public:
    double uniform() override { return QRandomGenerator::global()->generateDouble(); }
};

const QElapsedTimer &monotonic()
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer;
}
} // namespace

std::unique_ptr<Timer> Clock::createTimer(std::function<void()> onTimeout, QObject *context,
                                          Timer::Slack slack) const
{
    return std::make_unique<QtTimer>(std::move(onTimeout), context, slack);
}

qint64 SystemClock::nowMs() const
{
    return monotonic().elapsed();
}

qint64 SystemClock::nowNs() const
{
    return monotonic().nsecsElapsed();
}

qint64 SystemClock::wallMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

SystemClock *SystemClock::instance()
{
    static SystemClock clock;
    return &clock;
}

RandomSource *systemRandom()
{
    static SystemRandom random;
    return &random;
}

class ManualTimer final : public Timer
{
public:
    ManualTimer(const ManualClock *clock, std::function<void()> onTimeout)
        : m_clock(clock)
        , m_onTimeout(std::move(onTimeout))
    {
        m_clock->m_timers.append(this);
    }
    ~ManualTimer() override
    {
        if (m_clock)
            m_clock->m_timers.removeOne(this);
    }
    void start(qint64 ms) override
    {
        m_deadline = m_clock->nowMs() + std::max<qint64>(0, ms);
        m_active = true;
    }
    void stop() override { m_active = false; }
    bool isActive() const override { return m_active; }

    const ManualClock *m_clock;
    std::function<void()> m_onTimeout;
    qint64 m_deadline = 0;
    bool m_active = false;
};

ManualClock::~ManualClock()
{
    // Timers may outlive the clock in a test that declared them first; they must not call back.
    for (ManualTimer *timer : std::as_const(m_timers))
        timer->m_clock = nullptr;
}

std::unique_ptr<Timer> ManualClock::createTimer(std::function<void()> onTimeout, QObject *,
                                                Timer::Slack) const
{
    return std::make_unique<ManualTimer>(this, std::move(onTimeout));
}

void ManualClock::advance(qint64 ms)
{
    const qint64 target = m_now + std::max<qint64>(0, ms);
    for (;;) {
        // Looked up afresh each time: a callback may start, stop or delete timers.
        ManualTimer *next = nullptr;
        for (ManualTimer *timer : std::as_const(m_timers)) {
            if (timer->m_active && timer->m_deadline <= target
                && (!next || timer->m_deadline < next->m_deadline))
                next = timer;
        }
        if (!next)
            break;
        m_now = std::max(m_now, next->m_deadline);
        next->m_active = false;
        next->m_onTimeout();
    }
    m_now = target;
}

int ManualClock::activeTimers() const
{
    int n = 0;
    for (const ManualTimer *timer : std::as_const(m_timers))
        n += timer->m_active ? 1 : 0;
    return n;
}

qint64 ManualClock::nextDeadlineMs() const
{
    qint64 next = -1;
    for (const ManualTimer *timer : std::as_const(m_timers)) {
        if (timer->m_active && (next < 0 || timer->m_deadline < next))
            next = timer->m_deadline;
    }
    return next;
}
