#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Snapshots for the bench server, generated once before a run so the server only copies bytes.
// Every feed speaks the shape of the real tac-webbuilder server that the built-in profile
// decodes (resources/profiles/tac-webbuilder.json, docs/models.md): the rows where the profile
// looks for them, the counters' side data, naive timestamps with microseconds, loose types.
namespace BenchData {
// The eight table feeds the benchmarks configure (the goals of issue #17 count 8 per backend),
// in the profile's order.
QStringList feeds();
// What the bench server serves: the eight and qc-metrics (a key/value view), so a dashboard
// with the profile's nine default feeds sees every one of them connected.
QStringList servedFeeds();
// `count` consecutive snapshots of `feed` ({"type":...,"data":...} as compact JSON), `rows` rows
// each; every snapshot differs from the one before in `changedRows` rows.
QList<QByteArray> series(const QString &feed, int rows, int count, int changedRows);
// A queue snapshot of at least `bytes` bytes. `version` moves three rows; a non-empty `marker`
// adds a row with that queue_id, so a client can tell when it has applied this very snapshot.
QByteArray sizedQueue(int bytes, int version, const QString &marker = {});
} // namespace BenchData
