#include "snapshotcoalescer.h"

#include "core/clock.h"

SnapshotCoalescer::SnapshotCoalescer(Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : SystemClock::instance())
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SnapshotCoalescer::flushDue);
}

void SnapshotCoalescer::setIntervalMs(int ms)
{
    m_intervalMs = qMax(0, ms);
}

void SnapshotCoalescer::submit(const QJsonValue &data)
{
    const qint64 now = m_clock->nowMs();
    if (!m_lastDeliveryMs || now - *m_lastDeliveryMs >= m_intervalMs) {
        // Due already (quiet period, or the timer is late): this one wins over any pending one.
        m_pending.reset();
        m_timer.stop();
        deliver(data, now);
        return;
    }
    m_pending = data;
    scheduleFlush(now);
}

void SnapshotCoalescer::flushDue()
{
    if (!m_pending)
        return;
    const qint64 now = m_clock->nowMs();
    if (now - *m_lastDeliveryMs < m_intervalMs) {
        // The timer may fire early against an injected clock; try again when it is due.
        scheduleFlush(now);
        return;
    }
    const QJsonValue data = *m_pending;
    m_pending.reset();
    deliver(data, now);
}

void SnapshotCoalescer::deliver(const QJsonValue &data, qint64 now)
{
    m_lastDeliveryMs = now;
    emit snapshotReady(data);
}

void SnapshotCoalescer::scheduleFlush(qint64 now)
{
    if (!m_timer.isActive())
        m_timer.start(int(qMax<qint64>(0, *m_lastDeliveryMs + m_intervalMs - now)));
}
