#include "feedschema.h"

#include "catalog/jsonpath.h"
#include "catalog/profiletext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Columns of generic views come from the first rows only, so a huge snapshot is not scanned twice.
constexpr int DerivedColumnSampleRows = 20;
// How deep a generic view looks for an array of objects inside an object.
constexpr int GenericSearchDepth = 3;
// Separators of the typed row identity: never part of a JSON text a server sends as a key.
constexpr char16_t KeyPartSeparator = 0x1f;
constexpr char16_t OccurrenceSeparator = 0x1e;

bool isIntegral(double d)
{
    return std::isfinite(d) && d == std::trunc(d) && std::abs(d) < 9e15;
}

QString plainNumber(double d)
{
    if (isIntegral(d))
        return QString::number(qint64(d));
    if (!std::isfinite(d) || std::abs(d) >= 9e15)
        return QString::number(d);
    // Floats as a person writes them: 27.8, 1.86 (for 1.8599999999999999), 0.0042.
    if (std::abs(d) >= 0.01) {
        QString text = QString::number(d, 'f', 2);
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
        return text;
    }
    return QString::number(d, 'g', 2);
}

QString localNumber(double d, int decimals)
{
    const QLocale locale;
    if (decimals >= 0)
        return locale.toString(d, 'f', decimals);
    if (isIntegral(d))
        return locale.toString(qint64(d));
    if (!std::isfinite(d) || std::abs(d) >= 9e15)
        return QString::number(d);
    if (std::abs(d) < 0.01)
        return locale.toString(d, 'g', 2);
    QString text = locale.toString(d, 'f', 2);
    const QString zero = locale.zeroDigit();
    while (text.endsWith(zero))
        text.chop(zero.size());
    if (text.endsWith(locale.decimalPoint()))
        text.chop(locale.decimalPoint().size());
    return text;
}

// A scalar as the operator reads it: strings as they are, numbers without exponent noise.
QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return plainNumber(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return {};
}

// One part of a row identity, typed: 1 and "1" are different rows, a missing part is not "".
QString identityPart(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return u's' + value.toString();
    case QJsonValue::Double:
        return u'n' + plainNumber(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? u"bt"_s : u"bf"_s;
    case QJsonValue::Array:
    case QJsonValue::Object:
        return u'j' + FeedColumn::rawText(value);
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return u"-"_s;
}

QString formatDuration(qint64 seconds)
{
    const qint64 d = seconds / 86400, h = seconds / 3600 % 24, m = seconds / 60 % 60,
                 s = seconds % 60;
    const auto two = [](qint64 n) {
        return u"%1"_s.arg(n, 2, 10, QChar(u'0'));
    };
    // Translated: days are "j" in French, minutes "min" in German.
    if (d > 0)
        return QCoreApplication::translate("FeedSchemas", "%1d %2h").arg(d).arg(two(h));
    if (h > 0)
        return QCoreApplication::translate("FeedSchemas", "%1h %2m").arg(h).arg(two(m));
    if (m > 0)
        return QCoreApplication::translate("FeedSchemas", "%1m %2s").arg(m).arg(two(s));
    return QCoreApplication::translate("FeedSchemas", "%1s").arg(s);
}

QString durationText(double seconds)
{
    if (seconds < 0 || !std::isfinite(seconds))
        return {};
    // A duration past any integer (a fuzzer found 3e107 s) is shown as the number it is.
    if (!isIntegral(std::trunc(seconds)))
        return QString::number(seconds);
    return formatDuration(qint64(seconds));
}

QString typeNameEnglish(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

QString typeNameTranslated(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null:
        return QCoreApplication::translate("FeedSchema", "null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("FeedSchema", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("FeedSchema", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("FeedSchema", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("FeedSchema", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("FeedSchema", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("FeedSchema", "nothing");
}

QString keyList(const QStringList &keys)
{
    constexpr int shown = 8;
    QString text = keys.mid(0, shown).join(u", "_s);
    if (keys.size() > shown)
        text += u", …"_s;
    return text;
}

int countFlat(const QJsonObject &object)
{
    int n = 0;
    for (auto it = object.begin(); it != object.end(); ++it)
        n += it->isObject() && !it->toObject().isEmpty() ? countFlat(it->toObject()) : 1;
    return n;
}

// A flattened row's identity. The dotted path the operator reads is ambiguous — {"a.b": 1} and
// {"a": {"b": 2}} both read "a.b", and an empty key vanishes from it — so a path with such a key
// is identified by its JSON pointer ("/a.b", "/a/b", "//status") instead. Plain paths never
// contain '/', pointers always start with it: identities stay unique within a snapshot.
QString flatRowId(const QStringList &keys, const QString &dotted)
{
    const bool plain = std::all_of(keys.cbegin(), keys.cend(), [](const QString &key) {
        return !key.isEmpty() && !key.contains(u'.') && !key.contains(u'/') && !key.contains(u'~');
    });
    return plain ? dotted : JsonPath::pointer(keys);
}

void flatten(const QJsonObject &object, QStringList &keys, const QString &prefix,
             QList<DecodedSnapshot::Row> &rows)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = keys.isEmpty() ? it.key() : prefix + u'.' + it.key();
        keys.append(it.key());
        if (it->isObject() && !it->toObject().isEmpty())
            flatten(it->toObject(), keys, path, rows);
        else
            rows.append(
                {flatRowId(keys, path), path, QJsonObject {{u"key"_s, path}, {u"value"_s, *it}}});
        keys.removeLast();
    }
}

void flatten(const QJsonObject &object, QList<DecodedSnapshot::Row> &rows)
{
    QStringList keys;
    flatten(object, keys, QString(), rows);
}

FeedColumn::Kind guessKind(const QString &field, const QJsonValue &sample)
{
    using Kind = FeedColumn::Kind;
    const bool idLike =
        field == "id"_L1 || field.endsWith("_id"_L1) || field.endsWith("_number"_L1);
    if (field == "status"_L1 || field.endsWith("_status"_L1))
        return Kind::Status;
    if (field == "timestamp"_L1 || field.endsWith("_at"_L1) || field.endsWith("_time"_L1)
        || field.endsWith("_timestamp"_L1))
        return Kind::Time;
    if (field == "url"_L1 || field.endsWith("_url"_L1))
        return Kind::Link;
    if (idLike)
        return Kind::Id;
    if (field.endsWith("_seconds"_L1))
        return Kind::Duration;
    if (field.endsWith("_percent"_L1) || field.endsWith("_percentage"_L1))
        return Kind::Percent;
    if (sample.isDouble())
        return Kind::Number;
    return Kind::Text;
}

// Generic views: columns are the union of the keys of the first rows, in first-seen order.
QList<FeedColumn> deriveColumns(const QJsonArray &rows, const QTimeZone &zone)
{
    QStringList fields;
    QList<QJsonValue> samples;
    for (qsizetype i = 0; i < rows.size() && i < DerivedColumnSampleRows; ++i) {
        const QJsonObject row = rows.at(i).toObject();
        for (auto it = row.begin(); it != row.end(); ++it) {
            const qsizetype at = fields.indexOf(it.key());
            if (at < 0) {
                fields.append(it.key());
                samples.append(*it);
            } else if (samples.at(at).isNull() || samples.at(at).isUndefined()) {
                samples[at] = *it;
            }
        }
    }
    QList<FeedColumn> columns;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        FeedColumn column;
        column.field = fields.at(i);
        column.kind = guessKind(fields.at(i), samples.at(i));
        column.zone = zone;
        columns.append(column);
    }
    return columns;
}

void appendArrayRows(const QJsonArray &array, const QStringList &keyFields, DecodedSnapshot &out)
{
    QHash<QString, int> seen;
    seen.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            ++out.skipped;
            continue;
        }
        const QJsonObject row = array.at(i).toObject();
        QString id;
        QStringList shown;
        bool anyPart = false;
        for (qsizetype f = 0; f < keyFields.size(); ++f) {
            const QJsonValue part = JsonPath::at(row, keyFields.at(f));
            anyPart = anyPart || !(part.isNull() || part.isUndefined());
            if (f > 0)
                id += KeyPartSeparator;
            id += identityPart(part);
            const QString text = scalarText(part);
            if (!text.isEmpty())
                shown.append(text);
        }
        if (!anyPart) {
            // Without a key (or a schema that names none) a row is known by its position.
            if (!keyFields.isEmpty())
                ++out.keyless;
            id = u'#' + QString::number(i);
            shown = QStringList {QString::number(i)};
        }
        // A key seen before is kept under its occurrence: every row the server sent is shown.
        const int occurrence = seen.value(id, 0);
        seen.insert(id, occurrence + 1);
        if (occurrence > 0) {
            ++out.duplicates;
            id += OccurrenceSeparator + QString::number(occurrence);
        }
        out.rows.append({id, shown.join(u' '), row});
    }
}

void appendMapRows(const QJsonObject &map, DecodedSnapshot &out)
{
    for (auto it = map.begin(); it != map.end(); ++it)
        out.rows.append({u'm' + it.key(), it.key(), it->toObject()});
}

bool isObjectOfObjects(const QJsonValue &value)
{
    if (!value.isObject())
        return false;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it->isObject())
            return false;
    }
    return true;
}

bool isArrayOfObjects(const QJsonValue &value)
{
    return value.isArray() && value.toArray().at(0).isObject();
}

// The first array of objects inside `value`, breadth first, as JSON pointer steps.
std::optional<QStringList> findRows(const QJsonValue &value, int depth)
{
    if (isArrayOfObjects(value))
        return QStringList();
    if (!value.isObject() || depth <= 0)
        return std::nullopt;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (isArrayOfObjects(*it))
            return QStringList {it.key()};
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (auto inner = findRows(*it, depth - 1)) {
            inner->prepend(it.key());
            return inner;
        }
    }
    return std::nullopt;
}

// What a generic view makes of anything: the first array of objects with columns from its
// keys, or else every value as a key/value row.
void decodeGeneric(const QJsonValue &data, const QStringList &preferredKey, const QTimeZone &zone,
                   DecodedSnapshot &out)
{
    out.derived = true;
    const std::optional<QStringList> at = findRows(data, GenericSearchDepth);
    if (!at) {
        out.columns = FeedSchema::keyValueColumns();
        if (data.isObject())
            flatten(data.toObject(), out.rows);
        else if (!data.isUndefined())
            out.rows.append(
                {u"value"_s, u"value"_s, QJsonObject {{u"key"_s, u"value"_s}, {u"value"_s, data}}});
        return;
    }
    const QJsonArray rows = JsonPath::at(data, *at).toArray();
    if (data.isObject())
        out.meta = JsonPath::without(data, *at).toObject();
    const QJsonObject first = rows.at(0).toObject();
    QStringList key;
    if (!preferredKey.isEmpty()
        && std::all_of(preferredKey.begin(), preferredKey.end(),
                       [&](const QString &f) { return first.contains(f); }))
        key = preferredKey;
    for (const auto candidate : {"id"_L1, "key"_L1, "uuid"_L1, "name"_L1}) {
        if (key.isEmpty() && first.contains(candidate))
            key = QStringList {candidate};
    }
    out.columns = deriveColumns(rows, zone);
    appendArrayRows(rows, key, out);
}

} // namespace

QString FeedColumn::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Text:
        return u"text"_s;
    case Kind::Number:
        return u"number"_s;
    case Kind::Status:
        return u"status"_s;
    case Kind::Time:
        return u"time"_s;
    case Kind::Duration:
        return u"duration"_s;
    case Kind::Percent:
        return u"percent"_s;
    case Kind::Link:
        return u"link"_s;
    case Kind::Id:
        return u"id"_s;
    }
    return {};
}

std::optional<FeedColumn::Kind> FeedColumn::kindFromName(const QString &name)
{
    for (const Kind kind : {Kind::Text, Kind::Number, Kind::Status, Kind::Time, Kind::Duration,
                            Kind::Percent, Kind::Link, Kind::Id}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString FeedColumn::headerText() const
{
    return header.isEmpty() ? field : ProfileText::tr(header);
}

QJsonValue FeedColumn::valueIn(const QJsonValue &row) const
{
    return JsonPath::at(row, field);
}

std::optional<double> FeedColumn::number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (!value.isString())
        return std::nullopt;
    QString text = value.toString().trimmed();
    if (text.endsWith(u'%'))
        text.chop(1);
    bool ok = false;
    const double d = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

QDateTime FeedColumn::timestamp(const QJsonValue &value, const QTimeZone &zone)
{
    if (const std::optional<double> d = value.isDouble() ? number(value) : std::nullopt) {
        // Epoch seconds or milliseconds: seconds stay below 1e11 until the year 5138.
        // Beyond +-9e15 ms (year ~287000) there is no date to show, and the cast would overflow.
        const double ms = *d < 1e11 ? *d * 1000 : *d;
        if (!std::isfinite(ms) || std::abs(ms) >= 9e15)
            return {};
        return QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC);
    }
    if (!value.isString())
        return {};
    QString text = value.toString().trimmed();
    if (text.size() > 10 && text.at(10) == u' ')
        text[10] = u'T'; // "2026-12-02 20:07:47", as SQL prints it
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    // Python's datetime.now().isoformat() carries no offset: it is the backend's wall clock,
    // read in the backend's zone (backends.<name>.timezone), never silently as UTC.
    if (dt.isValid() && dt.timeSpec() == Qt::LocalTime && zone.isValid())
        dt = QDateTime(dt.date(), dt.time(), zone);
    return dt;
}

std::optional<double> FeedColumn::elapsedSeconds(const QJsonValue &row) const
{
    if (elapsedFrom.isEmpty())
        return std::nullopt;
    const QDateTime from = timestamp(JsonPath::at(row, elapsedFrom), zone);
    if (!from.isValid())
        return std::nullopt;
    const QJsonValue toValue = elapsedTo.isEmpty() ? QJsonValue() : JsonPath::at(row, elapsedTo);
    const QDateTime to = toValue.isNull() || toValue.isUndefined() ? QDateTime::currentDateTimeUtc()
                                                                   : timestamp(toValue, zone);
    if (!to.isValid())
        return std::nullopt;
    return double(from.msecsTo(to)) / 1000.0;
}

QString FeedColumn::displayIn(const QJsonValue &row) const
{
    const QJsonValue value = valueIn(row);
    if (kind == Kind::Duration && (value.isNull() || value.isUndefined())) {
        if (const std::optional<double> seconds = elapsedSeconds(row))
            return durationText(std::trunc(*seconds));
    }
    return display(value);
}

QString FeedColumn::display(const QJsonValue &value) const
{
    if (value.isNull() || value.isUndefined())
        return {};
    switch (kind) {
    case Kind::Text:
        if (value.isBool())
            return value.toBool() ? QCoreApplication::translate("FeedSchemas", "yes")
                                  : QCoreApplication::translate("FeedSchemas", "no");
        if (value.isArray()) {
            // Tags and ids as a list; anything nested as the JSON it is.
            const QJsonArray array = value.toArray();
            QStringList parts;
            for (const QJsonValue &item : array) {
                if (item.isObject() || item.isArray())
                    return rawText(value);
                parts.append(item.isNull() ? u"null"_s : scalarText(item));
            }
            return parts.join(u", "_s);
        }
        return value.isString() || value.isDouble() ? scalarText(value) : rawText(value);
    case Kind::Status:
    case Kind::Link:
    case Kind::Id:
        return value.isObject() || value.isArray() ? rawText(value) : scalarText(value);
    case Kind::Time: {
        const QDateTime dt = timestamp(value, zone);
        if (dt.isValid()) {
            // Today's times by the clock, older ones with their date: a column of three
            // timestamps must not push the titles off the page.
            const QDateTime local = dt.toLocalTime();
            return local.date() == QDate::currentDate() ? local.toString(u"HH:mm:ss"_s)
                                                        : local.toString(u"yyyy-MM-dd HH:mm"_s);
        }
        return value.isString() ? value.toString() : QString(); // text as it came, never a guess
    }
    case Kind::Number: {
        const std::optional<double> d = number(value);
        return d ? prefix + localNumber(*d, decimals) + suffix : QString();
    }
    case Kind::Duration: {
        const std::optional<double> d = number(value);
        return d ? durationText(*d * unitSeconds) : QString();
    }
    case Kind::Percent: {
        const std::optional<double> d = number(value);
        if (!d)
            return {};
        if (std::abs(*d) >= 9e15)
            return u"%1%"_s.arg(QString::number(*d));
        const int places = decimals >= 0 ? decimals : (isIntegral(*d) ? 0 : 1);
        QString text = QLocale().toString(*d, 'f', places);
        if (decimals < 0 && text.endsWith(QLocale().decimalPoint() + QLocale().zeroDigit()))
            text.chop(QLocale().decimalPoint().size() + QLocale().zeroDigit().size());
        return text + u'%';
    }
    }
    return {};
}

QVariant FeedColumn::sortValue(const QJsonValue &value) const
{
    if (value.isNull() || value.isUndefined())
        return {};
    switch (kind) {
    case Kind::Time: {
        const QDateTime dt = timestamp(value, zone);
        if (dt.isValid())
            return dt;
        break;
    }
    case Kind::Number:
    case Kind::Percent:
    case Kind::Id:
        if (const std::optional<double> d = number(value))
            return *d;
        break;
    case Kind::Duration:
        if (const std::optional<double> d = number(value))
            return *d * unitSeconds;
        break;
    case Kind::Text:
    case Kind::Status:
    case Kind::Link:
        break;
    }
    return value.isString() ? QVariant(value.toString()) : value.toVariant();
}

QVariant FeedColumn::sortValueIn(const QJsonValue &row) const
{
    const QJsonValue value = valueIn(row);
    if (kind == Kind::Duration && (value.isNull() || value.isUndefined())) {
        if (const std::optional<double> seconds = elapsedSeconds(row))
            return *seconds;
    }
    return sortValue(value);
}

bool FeedColumn::isNumeric() const
{
    return kind == Kind::Number || kind == Kind::Duration || kind == Kind::Percent;
}

QString FeedColumn::rawText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isDouble())
        return plainNumber(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.isNull() ? u"null"_s : QString();
}

bool DataCondition::matches(const QJsonValue &data) const
{
    const QJsonValue value = JsonPath::at(data, path);
    switch (op) {
    case Op::Exists:
        return !value.isUndefined() && !value.isNull();
    case Op::Missing:
        return value.isUndefined() || value.isNull();
    case Op::Equals:
    case Op::In:
        for (const QJsonValue &wanted : values) {
            // Loose like the data: "1" matches 1, "Error" matches "error".
            if (value == wanted)
                return true;
            if (value.isString() && wanted.isString()
                && value.toString().compare(wanted.toString(), Qt::CaseInsensitive) == 0)
                return true;
            const std::optional<double> a = FeedColumn::number(value);
            const std::optional<double> b = FeedColumn::number(wanted);
            if (a && b && *a == *b && !value.isBool() && !wanted.isBool())
                return true;
        }
        return false;
    }
    return false;
}

QString ShapeProblem::englishText() const
{
    const QString where = path.isEmpty() ? u"the top level"_s : path;
    const QString wanted =
        expected == Expected::Rows ? u"an array (or an object of objects)"_s : u"an object"_s;
    QString got;
    if (this->got == QJsonValue::Undefined) {
        got = u"nothing there"_s;
        if (top == QJsonValue::Object)
            got += u" (data is an object with keys %1)"_s.arg(keyList(topKeys));
        else if (top != QJsonValue::Undefined)
            got += u" (data is %1)"_s.arg(typeNameEnglish(top));
    } else if (this->got == QJsonValue::Object) {
        got =
            keys.isEmpty() ? u"an empty object"_s : u"an object with keys %1"_s.arg(keyList(keys));
    } else {
        got = typeNameEnglish(this->got);
    }
    return u"expected %1 at %2, got %3"_s.arg(wanted, where, got);
}

QString ShapeProblem::text() const
{
    const QString where =
        path.isEmpty() ? QCoreApplication::translate("FeedSchema", "the top level") : path;
    const QString wanted = expected == Expected::Rows
        ? QCoreApplication::translate("FeedSchema", "an array (or an object of objects)")
        : QCoreApplication::translate("FeedSchema", "an object");
    QString got;
    if (this->got == QJsonValue::Undefined) {
        if (top == QJsonValue::Object)
            got = QCoreApplication::translate("FeedSchema",
                                              "nothing there (data is an object with keys %1)")
                      .arg(keyList(topKeys));
        else if (top != QJsonValue::Undefined)
            got = QCoreApplication::translate("FeedSchema", "nothing there (data is %1)")
                      .arg(typeNameTranslated(top));
        else
            got = QCoreApplication::translate("FeedSchema", "nothing there");
    } else if (this->got == QJsonValue::Object) {
        got = keys.isEmpty() ? QCoreApplication::translate("FeedSchema", "an empty object")
                             : QCoreApplication::translate("FeedSchema", "an object with keys %1")
                                   .arg(keyList(keys));
    } else {
        got = typeNameTranslated(this->got);
    }
    return QCoreApplication::translate("FeedSchema", "expected %1 at %2, got %3")
        .arg(wanted, where, got);
}

QString DecodedSnapshot::warningText(bool english) const
{
    QStringList parts;
    if (english) {
        if (skipped > 0)
            parts << u"%1 row(s) not an object, not shown"_s.arg(skipped);
        if (duplicates > 0)
            parts << u"%1 row(s) repeat another row's key"_s.arg(duplicates);
        if (keyless > 0)
            parts << u"%1 row(s) without a key"_s.arg(keyless);
        return parts.join(u"; "_s);
    }
    if (skipped > 0)
        parts << QCoreApplication::translate("FeedSchema", "%n row(s) not an object, not shown",
                                             nullptr, skipped);
    if (duplicates > 0)
        parts << QCoreApplication::translate("FeedSchema", "%n row(s) repeat another row's key",
                                             nullptr, duplicates);
    if (keyless > 0)
        parts << QCoreApplication::translate("FeedSchema", "%n row(s) without a key", nullptr,
                                             keyless);
    return parts.join(u"; "_s);
}

int FeedSchema::statusColumn(const QList<FeedColumn> &columns, const QString &statusField)
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i).kind == FeedColumn::Kind::Status
            && (statusField.isEmpty() || columns.at(i).field == statusField))
            return int(i);
    }
    return -1;
}

int FeedSchema::statusColumn() const
{
    return statusColumn(columns, statusField);
}

QString FeedSchema::normalizedStatus(const QString &status)
{
    QString normalized = status.trimmed().toLower();
    normalized.replace(u' ', u'_').replace(u'-', u'_');
    return normalized;
}

QList<FeedColumn> FeedSchema::keyValueColumns()
{
    FeedColumn key;
    key.field = u"key"_s;
    key.header = QStringLiteral(QT_TRANSLATE_NOOP("Profile", "Key"));
    key.kind = FeedColumn::Kind::Id;
    FeedColumn value;
    value.field = u"value"_s;
    value.header = QStringLiteral(QT_TRANSLATE_NOOP("Profile", "Value"));
    return {key, value};
}

FeedSchema::Located FeedSchema::locate(const QJsonValue &data) const
{
    Located out;
    if (view == View::Generic) {
        out.kind = Located::Kind::Generic;
        return out;
    }
    out.target = JsonPath::at(data, rows);
    const QJsonValue &target = out.target;
    auto mismatch = [&](ShapeProblem::Expected expected) {
        out.kind = Located::Kind::Mismatch;
        out.problem.set();
        out.problem.path = JsonPath::pointer(JsonPath::parts(rows));
        out.problem.expected = expected;
        out.problem.got = target.type();
        if (target.isObject())
            out.problem.keys = target.toObject().keys();
        if (target.isUndefined()) {
            out.problem.top = data.type();
            if (data.isObject())
                out.problem.topKeys = data.toObject().keys();
        }
    };
    if (view == View::KeyValue) {
        if (target.isObject())
            out.kind = Located::Kind::KeyValue;
        else
            mismatch(ShapeProblem::Expected::Object);
    } else if (target.isArray()) {
        out.kind = Located::Kind::Array;
    } else if (isObjectOfObjects(target)) {
        out.kind = Located::Kind::Map;
    } else if (target.isUndefined()
               && std::any_of(rowsAbsentWhen.begin(), rowsAbsentWhen.end(),
                              [&](const DataCondition &c) { return c.matches(data); })) {
        // The backend says why there are no rows ({"status":"error","message":...}).
        out.kind = Located::Kind::Absent;
    } else {
        mismatch(ShapeProblem::Expected::Rows);
    }
    return out;
}

DecodedSnapshot FeedSchema::decode(const QJsonValue &data) const
{
    DecodedSnapshot out;
    const QTimeZone zone = columns.isEmpty() ? QTimeZone() : columns.first().zone;
    const Located located = locate(data);
    switch (located.kind) {
    case Located::Kind::Generic:
        decodeGeneric(data, key, zone, out);
        return out;
    case Located::Kind::Mismatch:
        out.problem = located.problem;
        // Whatever came is shown as it is, never an empty page that looks fine.
        decodeGeneric(data, key, zone, out);
        return out;
    case Located::Kind::KeyValue:
        out.meta = located.target.toObject();
        flatten(located.target.toObject(), out.rows);
        return out;
    case Located::Kind::Array:
        appendArrayRows(located.target.toArray(), key, out);
        break;
    case Located::Kind::Map:
        appendMapRows(located.target.toObject(), out);
        break;
    case Located::Kind::Absent:
        break;
    }
    if (data.isObject())
        out.meta = JsonPath::without(data, JsonPath::parts(rows)).toObject();
    return out;
}

FeedSchema::RowCount FeedSchema::countRows(const QJsonValue &data) const
{
    // The rows decode() would give, without building them: the engine answers this for every
    // changed snapshot (the event stream's `rows`), the table decodes only what it shows.
    RowCount out;
    const Located located = locate(data);
    out.problem = located.problem;
    switch (located.kind) {
    case Located::Kind::Array: {
        const QJsonArray array = located.target.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            out.rows += array.at(i).isObject() ? 1 : 0;
        break;
    }
    case Located::Kind::Map:
        out.rows = int(located.target.toObject().size());
        break;
    case Located::Kind::KeyValue:
        out.rows = countFlat(located.target.toObject());
        break;
    case Located::Kind::Absent:
        break;
    case Located::Kind::Generic:
    case Located::Kind::Mismatch:
        out.rows = int(decode(data).rows.size());
        break;
    }
    return out;
}
