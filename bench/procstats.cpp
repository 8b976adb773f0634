#include "procstats.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

namespace {
std::atomic<qint64> g_instrumentCpuNs {0};

QByteArray readProc(qint64 pid, const char *what)
{
    const QByteArray path = pid > 0 ? "/proc/" + QByteArray::number(pid) + '/' + what
                                    : QByteArray("/proc/self/") + what;
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}
// The command name is in parentheses and may hold spaces: fields are counted after the last
// ')'. Fields 14 and 15 of proc(5) (utime, stime) are 11 and 12 after the state field.
qint64 ticksToUs(const QByteArray &stat, QByteArray *name)
{
    const qsizetype open = stat.indexOf('(');
    const qsizetype close = stat.lastIndexOf(')');
    if (open < 0 || close < 0)
        return -1;
    if (name)
        *name = stat.mid(open + 1, close - open - 1);
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1'000'000
        / sysconf(_SC_CLK_TCK);
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
        + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
        - g_instrumentCpuNs.load(std::memory_order_relaxed) / 1000;
}

void setInstrumentCpuNs(qint64 ns)
{
    g_instrumentCpuNs.store(ns, std::memory_order_relaxed);
}

qint64 residentKbFast()
{
    static const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    static const long pageKb = sysconf(_SC_PAGESIZE) / 1024;
    char buffer[128];
    const ssize_t n = fd >= 0 ? ::pread(fd, buffer, sizeof buffer - 1, 0) : -1;
    if (n <= 0)
        return -1;
    buffer[n] = 0;
    // "size resident shared text lib data dt", in pages
    const char *resident = std::strchr(buffer, ' ');
    return resident ? std::atoll(resident + 1) * pageKb : -1;
}

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

qint64 cpuUsOf(qint64 pid)
{
    return ticksToUs(readProc(pid, "stat"), nullptr);
}

QHash<QString, qint64> threadCpuUsByName()
{
    QHash<QString, qint64> out;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QByteArray name;
        const qint64 us = ticksToUs(file.readAll(), &name);
        if (us >= 0)
            out[QString::fromUtf8(name)] += us;
    }
    return out;
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
