#pragma once

#include "models/feedschema.h"

#include <QStringList>

// The schema of every snapshot type in docs/protocol.md. A new feed with the same shape as an
// existing one needs no code; any other snapshot type gets the generic schema.
namespace FeedSchemas {
// The schema for a snapshot type such as "queue_update"; generic() for unknown types.
FeedSchema forSnapshotType(const QString &snapshotType);
// Custom feeds: columns derived from the rows, or a key/value table for an object.
FeedSchema generic(const QString &snapshotType = QString());
// The snapshot types with a dedicated schema, in protocol order.
QStringList knownSnapshotTypes();
} // namespace FeedSchemas
