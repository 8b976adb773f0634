#include "processmetrics.h"

#include "metrics/exposition.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

namespace {
QByteArray readProcFile(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll(); // /proc files report size 0; readAll() reads until EOF
}

// Fields of /proc/self/stat after the command name (which may hold spaces and parentheses):
// index 0 is field 3 (state) of proc(5).
QList<QByteArray> statFields()
{
    const QByteArray stat = readProcFile("/proc/self/stat");
    const qsizetype end = stat.lastIndexOf(')');
    if (end < 0)
        return {};
    return stat.mid(end + 2).trimmed().split(' ');
}

double bootTimeSeconds()
{
    const QByteArray stat = readProcFile("/proc/stat");
    const qsizetype at = stat.indexOf("\nbtime ");
    if (at < 0)
        return -1;
    const qsizetype end = stat.indexOf('\n', at + 1);
    return stat.mid(at + 7, end - at - 7).trimmed().toDouble();
}

qint64 openFds()
{
    DIR *dir = opendir("/proc/self/fd");
    if (!dir)
        return -1;
    qint64 count = 0;
    while (const dirent *entry = readdir(dir)) {
        if (entry->d_name[0] != '.')
            ++count;
    }
    closedir(dir);
    return count - 1; // the descriptor opendir() itself holds
}
} // namespace

namespace ProcessMetrics {

void render(Exposition &out)
{
    const QList<QByteArray> f = statFields();
    const double ticks = double(sysconf(_SC_CLK_TCK));
    const double pageSize = double(sysconf(_SC_PAGESIZE));
    // proc(5) numbering: utime 14, stime 15, starttime 22, vsize 23, rss 24; f[0] is field 3.
    if (f.size() > 21 && ticks > 0) {
        out.family("process_cpu_seconds_total", Exposition::Type::Counter,
                   "Total user and system CPU time spent in seconds.");
        out.sample("process_cpu_seconds_total", {},
                   (f.at(11).toDouble() + f.at(12).toDouble()) / ticks);
        out.family("process_virtual_memory_bytes", Exposition::Type::Gauge,
                   "Virtual memory size in bytes.");
        out.sample("process_virtual_memory_bytes", {}, f.at(20).toDouble());
        out.family("process_resident_memory_bytes", Exposition::Type::Gauge,
                   "Resident memory size in bytes.");
        out.sample("process_resident_memory_bytes", {}, f.at(21).toDouble() * pageSize);
        if (const double boot = bootTimeSeconds(); boot > 0) {
            out.family("process_start_time_seconds", Exposition::Type::Gauge,
                       "Start time of the process since unix epoch in seconds.");
            out.sample("process_start_time_seconds", {}, boot + f.at(19).toDouble() / ticks);
        }
    }
    if (const qint64 fds = openFds(); fds >= 0) {
        out.family("process_open_fds", Exposition::Type::Gauge, "Number of open file descriptors.");
        out.sample("process_open_fds", {}, fds);
    }
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        out.family("process_max_fds", Exposition::Type::Gauge,
                   "Maximum number of open file descriptors.");
        out.sample("process_max_fds", {}, double(limit.rlim_cur));
    }
}

} // namespace ProcessMetrics
