#include "lagprobe.h"

#include "procstats.h"

#include <QFile>

namespace {
// Field 2 of schedstat: ns spent on a run queue waiting for a CPU.
qint64 runQueueWaitNs()
{
    QFile file(QStringLiteral("/proc/thread-self/schedstat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().split(' ').value(1).toLongLong();
}
} // namespace

LagProbe::LagProbe(int intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(intervalMs)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LagProbe::onTimeout);
}

void LagProbe::start()
{
    m_samples.clear();
    m_own.clear();
    m_armedNs = ProcStats::monotonicNs();
    m_armedCpuNs = ProcStats::threadCpuNs();
    m_startNs = m_armedNs;
    m_startWaitNs = runQueueWaitNs();
    m_timer.start(m_intervalMs);
}

void LagProbe::stop()
{
    m_timer.stop();
    m_stopNs = ProcStats::monotonicNs();
    m_stopWaitNs = runQueueWaitNs();
}

double LagProbe::runQueueShare() const
{
    if (m_startWaitNs < 0 || m_stopWaitNs < 0 || m_stopNs <= m_startNs)
        return -1;
    return double(m_stopWaitNs - m_startWaitNs) / double(m_stopNs - m_startNs);
}

void LagProbe::onTimeout()
{
    const qint64 now = ProcStats::monotonicNs();
    const qint64 cpu = ProcStats::threadCpuNs();
    const double lateUs = std::max(0.0, double(now - m_armedNs) / 1000.0 - m_intervalMs * 1000.0);
    m_samples.append(lateUs);
    m_own.append(std::min(lateUs, double(cpu - m_armedCpuNs) / 1000.0));
    m_armedNs = now;
    m_armedCpuNs = cpu;
    m_timer.start(m_intervalMs);
}
