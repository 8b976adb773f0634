#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Snapshots for the bench server, generated once before a run so the server only copies bytes.
// Every feed gets rows in the shape its schema expects (docs/protocol.md), so the dashboard
// shows them like the real thing.
namespace BenchData {
// The eight default feeds, in protocol order.
QStringList feeds();
// `count` consecutive snapshots of `feed` ({"type":...,"data":...} as compact JSON), `rows` rows
// each; every snapshot differs from the one before in `changedRows` rows.
QList<QByteArray> series(const QString &feed, int rows, int count, int changedRows);
// A queue snapshot of at least `bytes` bytes. `version` moves three rows; a non-empty `marker`
// adds a row with that queue_id, so a client can tell when it has applied this very snapshot.
QByteArray sizedQueue(int bytes, int version, const QString &marker = {});
} // namespace BenchData
