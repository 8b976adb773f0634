#pragma once

#include "config/config.h"

#include <QList>
#include <QStringList>

#include <functional>

// What every section gets from the command line.
struct BenchOptions
{
    bool quick = false;   // tiny counts: proves the sections still run, measures nothing
    bool longRun = false; // adds the 10-minute footprint
    int runs = 9;         // ingest rounds a figure's median is taken over
    // For profiling one ingest case under valgrind: "1k-changing", ... and a fixed count.
    QString ingestCase;
    int ingestCount = 0;
    int scaleBackends = 60; // 8 feeds each
};

namespace BenchEnv {
// Runs the event loop for `ms`.
void spinFor(int ms);
// CPU of this process, % of one core, in `count` windows of `ms` each (the event loop spins).
QList<double> cpuWindows(int count, int ms);
// Where the CPU between two ProcStats::threadCpuUsByName() readings `wallNs` apart went, by
// thread ("feedwatch-bench 0.21 %, feedwatch-engin 0.09 %"), the bench's memory guard left
// out: which thread to look at next.
QString threadShares(const QHash<QString, qint64> &before, const QHash<QString, qint64> &after,
                     qint64 wallNs);
// Runs the event loop until `done` (checked every few ms and after every event batch) or
// `timeoutMs`; returns `done()`.
bool spinUntil(const std::function<bool()> &done, int timeoutMs);
// A configuration for one bench server port: `feeds` (empty: BenchData::feeds()) and
// `--set`-style overrides.
Config config(quint16 port, const QStringList &feeds = {}, const QStringList &sets = {});
// One backend per port ("b00", "b01", ...), BenchData::feeds() on each.
Config multiBackendConfig(const QList<quint16> &ports, const QStringList &sets = {});
} // namespace BenchEnv
