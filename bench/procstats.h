#pragma once

#include <QHash>
#include <QString>

// What the benchmarks read about processes, straight from the kernel.
namespace ProcStats {
// CLOCK_MONOTONIC in ns: the same clock in every process, so the server's timestamps and the
// client's can be subtracted.
qint64 monotonicNs();
// User + system CPU of this process (getrusage), in microseconds, without what the benchmark's
// own instruments spent (setInstrumentCpuNs): the figures are the dashboard's, not the guard's.
qint64 cpuUs();
// The CPU the calling instrument thread has used so far (its CLOCK_THREAD_CPUTIME_ID), to be
// left out of cpuUs(). One instrument thread per process: the memory guard.
void setInstrumentCpuNs(qint64 ns);
// Resident set of this process from /proc/self/statm through a descriptor kept open, in KiB:
// a tenth of the kernel's work of reading VmRSS from status, for a thread that polls it.
qint64 residentKbFast();
// CPU of the calling thread, in nanoseconds (not stretched by other processes on the machine).
qint64 threadCpuNs();
// User + system CPU of another process (/proc/<pid>/stat), in microseconds; -1 if unreadable.
qint64 cpuUsOf(qint64 pid);
// Resident set (VmRSS of /proc/<pid>/status; pid 0: this process), in KiB; -1 if unreadable.
qint64 rssKb(qint64 pid = 0);
// User + system CPU of each thread of this process by thread name (/proc/self/task/*/stat),
// in microseconds; threads with the same name are summed.
QHash<QString, qint64> threadCpuUsByName();
// 1-minute load average, for the record.
double loadAverage();
} // namespace ProcStats
