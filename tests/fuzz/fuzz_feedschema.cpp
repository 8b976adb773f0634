// libFuzzer target: every snapshot schema (and the generic one) decodes any JSON `data`.
#include "models/feedschemas.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

#include <cstddef>
#include <cstdint>

namespace {

void decodeWith(const FeedSchema &schema, const QJsonValue &data)
{
    const DecodedSnapshot decoded = schema.decode(data);
    // The model relies on unique row keys; a schema that emits duplicates is a bug.
    QSet<QString> keys;
    for (const DecodedSnapshot::Row &row : decoded.rows) {
        if (keys.contains(row.key))
            __builtin_trap();
        keys.insert(row.key);
    }
    const QList<FeedColumn> &columns = decoded.columns.isEmpty() ? schema.columns : decoded.columns;
    for (const DecodedSnapshot::Row &row : decoded.rows) {
        for (const FeedColumn &column : columns) {
            const QJsonValue value = column.valueIn(row.object);
            (void)column.display(value);
            (void)column.sortValue(value);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // The input is a whole message, as on the wire, or bare data.
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (doc.isNull())
        return 0;
    QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    if (doc.isObject() && doc.object().contains(QLatin1StringView("data")))
        value = doc.object().value(QLatin1StringView("data"));
    static const QStringList types = FeedSchemas::knownSnapshotTypes();
    for (const QString &type : types)
        decodeWith(FeedSchemas::forSnapshotType(type), value);
    decodeWith(FeedSchemas::generic(), value);
    return 0;
}
