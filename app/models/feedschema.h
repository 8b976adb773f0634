#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

// One column of a feed table: where its value is in a row object and how it is shown.
struct FeedColumn
{
    Q_GADGET

public:
    enum class Format { Text, Int, Status, Timestamp, Duration, Percent, Money, Url };
    Q_ENUM(Format)

    QString field; // JSON path inside the row, dot-separated: "phase_data.title"
    // Untranslated header marked with QT_TRANSLATE_NOOP("FeedSchemas", ...); null shows `field`
    // (columns derived from custom feeds have no translation).
    const char *header = nullptr;
    Format format = Format::Text;

    QString headerText() const;
    QJsonValue valueIn(const QJsonObject &row) const;
    // Formatted text; a value of the wrong type for the format is shown as an empty string.
    QString display(const QJsonValue &value) const;
    // What views sort by: numbers stay numbers, timestamps become QDateTime.
    QVariant sortValue(const QJsonValue &value) const;
    bool isNumeric() const;
    // The value as received: strings unquoted, everything else compact JSON (tooltips).
    static QString rawText(const QJsonValue &value);

    friend bool operator==(const FeedColumn &a, const FeedColumn &b)
    {
        return a.field == b.field && qstrcmp(a.header, b.header) == 0 && a.format == b.format;
    }
};

// A snapshot's `data` decoded into keyed rows, ready for FeedTableModel to diff.
struct DecodedSnapshot
{
    struct Row
    {
        QString key;
        QJsonObject object;
    };
    QList<Row> rows;           // snapshot order, unique keys
    QList<FeedColumn> columns; // only filled for RowSource::Auto, which derives its columns
    QJsonObject meta;
    QString error;    // empty when the shape was as expected
    int warnings = 0; // rows skipped: not an object, no key, duplicate key
};

// Describes one feed's snapshot shape. A value type: FeedSchemas holds one per snapshot type.
struct FeedSchema
{
    Q_GADGET

public:
    enum class RowSource {
        Array,    // an array of objects
        Map,      // an object whose values are the rows and whose keys are the row keys
        KeyValue, // one object shown as key/value rows, nested objects flattened to "a.b"
        Auto,     // custom feeds: an array of objects (columns derived) or else KeyValue
    };
    Q_ENUM(RowSource)

    QString snapshotType; // "queue_update"
    RowSource source = RowSource::Array;
    QString rowsPath; // where the rows are inside `data`; empty: `data` itself
    // Array: the fields forming the key ("method", "path" are joined with a space).
    // Map: the field that receives the map key when a row lacks it.
    QStringList keyFields;
    QList<FeedColumn> columns; // the first column with Format::Status is the status column
    QStringList metaFields;    // top-level fields of `data` that are not rows

    DecodedSnapshot decode(const QJsonValue &data) const;
    // Index of the status column in `columns`, or -1.
    static int statusColumn(const QList<FeedColumn> &columns);
};
