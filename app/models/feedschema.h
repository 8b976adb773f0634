#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QVariant>

#include <optional>

// One column of a feed table: where its value is in a row and how it is shown. Built from a
// backend profile (docs/protocol.md, "Profiles"); the header is the profile's source text.
struct FeedColumn
{
    Q_GADGET

public:
    enum class Kind { Text, Number, Status, Time, Duration, Percent, Link, Id };
    Q_ENUM(Kind)

    QString field;  // inside the row: "phase_data.title" or "/phase_data/title"
    QString header; // source text, translated through ProfileText; empty shows `field`
    Kind kind = Kind::Text;
    int decimals = -1;      // numbers and percentages: fixed decimals; -1 picks a readable amount
    QString prefix;         // numbers: "$"
    QString suffix;         // numbers: " h"
    double unitSeconds = 1; // durations: what one unit of the value is (0.001 for milliseconds)
    // Durations: when the value is null, the time between these two fields of the row (the
    // second missing or null: until now), as an operator would read "how long".
    QString elapsedFrom;
    QString elapsedTo;
    // Timestamps without an offset are in this zone (the backend's); invalid: the local zone.
    QTimeZone zone;

    static QString kindName(Kind kind);                           // "duration"
    static std::optional<Kind> kindFromName(const QString &name); // "duration" -> Duration

    QString headerText() const;
    QJsonValue valueIn(const QJsonValue &row) const;
    // What the cell shows for this row (elapsed durations included).
    QString displayIn(const QJsonValue &row) const;
    // Formatted text of one value; a value of no use for the kind shows as an empty string.
    QString display(const QJsonValue &value) const;
    // What views sort by: numbers stay numbers, timestamps become QDateTime.
    QVariant sortValue(const QJsonValue &value) const;
    QVariant sortValueIn(const QJsonValue &row) const;
    bool isNumeric() const;
    // The value as received: strings unquoted, everything else compact JSON (tooltips).
    static QString rawText(const QJsonValue &value);
    // Loose numbers: 3, 3.5, "214", " 3.5 ", "57.1%" (percent sign dropped); nothing else.
    static std::optional<double> number(const QJsonValue &value);
    // ISO-8601 text (with or without an offset) or epoch seconds/milliseconds; naive text is
    // read in `zone` (invalid: local time).
    static QDateTime timestamp(const QJsonValue &value, const QTimeZone &zone = {});

    friend bool operator==(const FeedColumn &a, const FeedColumn &b)
    {
        return a.field == b.field && a.header == b.header && a.kind == b.kind
            && a.decimals == b.decimals && a.prefix == b.prefix && a.suffix == b.suffix;
    }

private:
    std::optional<double> elapsedSeconds(const QJsonValue &row) const;
};

// A test on a snapshot's data: "/paused equals true", "/status in [error, failed]".
struct DataCondition
{
    QString path;
    enum class Op { Equals, In, Exists, Missing };
    Op op = Op::Exists;
    QJsonArray values; // Equals: one value; In: several

    bool matches(const QJsonValue &data) const;
};

// Why the rows were not where the schema says they are: the page shows it as a banner and the
// event stream as a protocol_error with `path`.
struct ShapeProblem
{
    enum class Expected { Rows, Object };
    QString path; // "/features"; empty: the top level of `data`
    Expected expected = Expected::Rows;
    QJsonValue::Type got = QJsonValue::Undefined; // Undefined: nothing at that path
    QStringList keys;                             // the object's keys, when it was one
    QJsonValue::Type top = QJsonValue::Undefined; // `data` itself, when nothing was at path
    QStringList topKeys;

    bool isNull() const { return !m_set; }
    void set() { m_set = true; }
    // "expected an array at /features, got an object with keys features, stats" (event stream).
    QString englishText() const;
    // The same, translated (the page's banner).
    QString text() const;

private:
    bool m_set = false;
};

// A snapshot's `data` decoded into keyed rows, ready for FeedTableModel to diff.
struct DecodedSnapshot
{
    struct Row
    {
        QString id;  // identity for the diff: typed ("1" and 1 differ), unique in the snapshot
        QString key; // what the operator reads: "GET /api/v1/queue", "214"
        QJsonObject object;
    };
    QList<Row> rows; // snapshot order
    // Columns derived from what arrived (generic views and the fallback of a mismatch).
    QList<FeedColumn> columns;
    bool derived = false;
    QJsonObject meta; // everything of `data` that is not the rows (an object's other members)
    ShapeProblem problem;
    int skipped = 0;    // rows that are not objects (nothing to put in columns)
    int duplicates = 0; // rows whose key another row has too: kept, counted
    int keyless = 0;    // rows without any key field: kept (keyed by position), counted

    bool hasWarnings() const { return skipped > 0 || duplicates > 0 || keyless > 0; }
    QString warningText(bool english = false) const;
};

// Describes one feed's snapshot shape and its table. A value type, built from a profile.
struct FeedSchema
{
    Q_GADGET

public:
    enum class View {
        Table,    // rows at `rows`: an array of objects, or an object of objects (one per member)
        KeyValue, // one object shown as key/value rows, nested objects flattened to "a.b"
        Generic,  // whatever arrives: the first array of objects (columns from its keys), else
                  // a key/value tree
    };
    Q_ENUM(View)

    QString snapshotType; // "queue_update"
    View view = View::Table;
    QString rows;    // JSON pointer inside `data`; empty: `data` itself
    QStringList key; // fields forming the row key; object-of-objects rows: the member name
    QList<FeedColumn> columns;
    QString statusField;                 // the row field whose word colours the row ("status")
    QHash<QString, QString> statusTones; // normalized status word -> tone name ("good", ...)
    // Data that carries no rows on purpose ({"status":"error","message":...}): no mismatch.
    QList<DataCondition> rowsAbsentWhen;

    DecodedSnapshot decode(const QJsonValue &data) const;
    // How many rows decode() gives and why they were not where expected, without building
    // them (what the event stream reports for every changed snapshot).
    struct RowCount
    {
        int rows = 0;
        ShapeProblem problem;
    };
    RowCount countRows(const QJsonValue &data) const;
    // Index of the column showing the status field, or -1.
    int statusColumn() const;
    static int statusColumn(const QList<FeedColumn> &columns, const QString &statusField);
    static QString normalizedStatus(const QString &status);
    // The key/value columns of KeyValue views and generic trees.
    static QList<FeedColumn> keyValueColumns();

private:
    // Where the rows are in `data`, or what is wrong: the one place decode() and countRows()
    // agree on.
    struct Located
    {
        enum class Kind { Array, Map, KeyValue, Absent, Mismatch, Generic };
        Kind kind = Kind::Generic;
        QJsonValue target;
        ShapeProblem problem;
    };
    Located locate(const QJsonValue &data) const;
};
