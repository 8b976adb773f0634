#include "timer.h"

#include <QTimer>

#include <algorithm>
#include <limits>

QtTimer::QtTimer(std::function<void()> onTimeout, QObject *context)
    : m_timer(new QTimer(context))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
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
