#include "procstats.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

namespace {
QByteArray readProc(qint64 pid, const char *what)
{
    const QByteArray path = pid > 0 ? "/proc/" + QByteArray::number(pid) + '/' + what
                                    : QByteArray("/proc/self/") + what;
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
} // namespace

namespace ProcStats {

qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

qint64 cpuUs()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return (qint64(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1'000'000
        + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

qint64 cpuUsOf(qint64 pid)
{
    const QByteArray stat = readProc(pid, "stat");
    // The command name is in parentheses and may hold spaces: count fields after the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    // Fields 14 and 15 of proc(5) (utime, stime) are 11 and 12 after the state field.
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    return ticks * 1'000'000 / sysconf(_SC_CLK_TCK);
}

qint64 rssKb(qint64 pid)
{
    const QByteArray status = readProc(pid, "status");
    const qsizetype at = status.indexOf("VmRSS:");
    if (at < 0)
        return -1;
    const qsizetype end = status.indexOf('\n', at);
    return status.mid(at + 6, end - at - 6).trimmed().split(' ').value(0).toLongLong();
}

double loadAverage()
{
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

} // namespace ProcStats
