#include "timer.h"

#include <QDeadlineTimer>
#include <QTimer>

#include <algorithm>
#include <limits>

QtTimer::QtTimer(std::function<void()> onTimeout, QObject *context, Slack slack)
    : m_timer(new QTimer(context))
{
    m_timer->setSingleShot(true);
    switch (slack) {
    case Slack::None:
        m_timer->setTimerType(Qt::PreciseTimer);
        break;
    case Slack::Coarse:
        // Precise, on a deadline start() rounds up to a grid (below): Qt's CoarseTimer aligns
        // an interval like 4987 ms only to 25 ms, 40 wake-ups a second for 480 feeds' pings.
        m_timer->setTimerType(Qt::PreciseTimer);
        m_grid = true;
        break;
    case Slack::Second:
        m_timer->setTimerType(Qt::VeryCoarseTimer);
        break;
    }
    QObject::connect(m_timer, &QTimer::timeout, m_timer, std::move(onTimeout));
}

QtTimer::~QtTimer()
{
    delete m_timer;
}

void QtTimer::start(qint64 ms)
{
    if (!m_timer)
        return;
    if (m_grid && ms > 0) {
        // Never early, at most 5 % late: the deadline goes up to the next multiple of the
        // coarsest grid (1 s … 25 ms) within 5 % of the interval, on the monotonic clock that
        // Qt's timers run on, so timers of many feeds fall due together.
        const qint64 slack = ms / 20;
        qint64 grid = 0;
        for (const qint64 g : {1000, 500, 250, 100, 50, 25}) {
            if (g <= slack) {
                grid = g;
                break;
            }
        }
        if (grid > 0) {
            const qint64 now = QDeadlineTimer::current(Qt::PreciseTimer).deadline();
            const qint64 due = (now + ms + grid - 1) / grid * grid;
            ms = due - now;
        }
    }
    m_timer->start(int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())));
}

void QtTimer::stop()
{
    if (m_timer)
        m_timer->stop();
}

bool QtTimer::isActive() const
{
    return m_timer && m_timer->isActive();
}
