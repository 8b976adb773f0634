// libFuzzer target: every feed of the built-in profile (and the generic view) decodes any JSON
// `data`.
#include "config/config.h"

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
    // The model relies on unique row identities; a schema that emits duplicates is a bug.
    QSet<QString> ids;
    for (const DecodedSnapshot::Row &row : decoded.rows) {
        if (ids.contains(row.id))
            __builtin_trap();
        ids.insert(row.id);
    }
    const QList<FeedColumn> &columns = decoded.columns.isEmpty() ? schema.columns : decoded.columns;
    for (const DecodedSnapshot::Row &row : decoded.rows) {
        for (const FeedColumn &column : columns) {
            (void)column.displayIn(row.object);
            (void)column.sortValueIn(row.object);
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
    static const QList<FeedDefinition> feeds = ConfigLoader::defaultProfile()->feeds();
    for (const FeedDefinition &feed : feeds) {
        decodeWith(feed.schema, value);
        (void)feed.figures(value);
        if (const FeedDefinition::Banner *banner = feed.bannerFor(value))
            (void)FeedDefinition::bannerText(*banner, value);
    }
    decodeWith(FeedDefinition::generic(QString()).schema, value);
    return 0;
}
