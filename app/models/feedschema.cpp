#include "feedschema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Columns of custom feeds come from the first rows only, so a huge snapshot is not scanned twice.
constexpr int DerivedColumnSampleRows = 20;

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"bool"_s;
    case QJsonValue::Double:
        return u"number"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

QString shapeError(const QString &expected, const QJsonValue &got)
{
    return QCoreApplication::translate("FeedSchema", "expected %1, got %2")
        .arg(expected, typeName(got));
}

bool isIntegral(double d)
{
    return std::isfinite(d) && d == std::trunc(d) && std::abs(d) < 9e15;
}

QString keyText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double d = value.toDouble();
        return isIntegral(d) ? QString::number(qint64(d)) : QString::number(d);
    }
    return {};
}

QString compositeKey(const QJsonObject &row, const QStringList &fields)
{
    QStringList parts;
    for (const QString &field : fields) {
        const QString part = keyText(row.value(field));
        if (!part.isEmpty())
            parts.append(part);
    }
    return parts.join(u' ');
}

QDateTime parseTimestamp(const QJsonValue &value)
{
    if (value.isDouble()) {
        // Epoch seconds or milliseconds: seconds stay below 1e11 until the year 5138.
        const double d = value.toDouble();
        // Beyond +-9e15 ms (year ~287000) there is no date to show, and the cast would overflow.
        const double ms = d < 1e11 ? d * 1000 : d;
        if (!std::isfinite(ms) || std::abs(ms) >= 9e15)
            return {};
        return QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC);
    }
    QDateTime dt = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    // Python's datetime.utcnow().isoformat() carries no offset; the backend means UTC.
    if (dt.isValid() && dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC);
    return dt;
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

void flatten(const QJsonObject &object, const QString &prefix, QList<DecodedSnapshot::Row> &rows)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (it->isObject() && !it->toObject().isEmpty()) {
            flatten(it->toObject(), path, rows);
            continue;
        }
        rows.append({path, QJsonObject {{u"key"_s, path}, {u"value"_s, *it}}});
    }
}

QList<FeedColumn> keyValueColumns()
{
    return {{u"key"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Key"), FeedColumn::Format::Text},
            {u"value"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Value"), FeedColumn::Format::Text}};
}

FeedColumn::Format guessFormat(const QString &field, const QJsonValue &sample)
{
    if (sample.isDouble())
        return FeedColumn::Format::Int;
    if (field == "status"_L1 || field.endsWith("_status"_L1))
        return FeedColumn::Format::Status;
    if (field == "timestamp"_L1 || field.endsWith("_at"_L1))
        return FeedColumn::Format::Timestamp;
    if (field == "url"_L1 || field.endsWith("_url"_L1))
        return FeedColumn::Format::Url;
    return FeedColumn::Format::Text;
}

// Custom feeds: columns are the union of the keys of the first rows, in first-seen order.
QList<FeedColumn> deriveColumns(const QJsonArray &rows, const QString &keyField)
{
    QStringList fields;
    QList<QJsonValue> samples;
    if (!keyField.isEmpty()) {
        fields.append(keyField);
        samples.append(QJsonValue());
    }
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
    for (qsizetype i = 0; i < fields.size(); ++i)
        columns.append({fields.at(i), nullptr, guessFormat(fields.at(i), samples.at(i))});
    return columns;
}

void appendArrayRows(const QJsonArray &array, const QStringList &keyFields, DecodedSnapshot &out)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            ++out.warnings;
            continue;
        }
        const QJsonObject row = array.at(i).toObject();
        // Without key fields (custom feeds with no id) rows are keyed by position.
        const QString key = keyFields.isEmpty() ? QString::number(i) : compositeKey(row, keyFields);
        if (key.isEmpty() || seen.contains(key)) {
            ++out.warnings;
            continue;
        }
        seen.insert(key);
        out.rows.append({key, row});
    }
}

} // namespace

QString FeedColumn::headerText() const
{
    return header ? QCoreApplication::translate("FeedSchemas", header) : field;
}

QJsonValue FeedColumn::valueIn(const QJsonObject &row) const
{
    if (!field.contains(u'.'))
        return row.value(field);
    QJsonValue value = row;
    for (const auto &part : QStringView(field).split(u'.')) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(part);
    }
    return value;
}

QString FeedColumn::display(const QJsonValue &value) const
{
    switch (format) {
    case Format::Text:
        if (value.isDouble())
            return keyText(value);
        if (value.isBool())
            return value.toBool() ? QCoreApplication::translate("FeedSchemas", "yes")
                                  : QCoreApplication::translate("FeedSchemas", "no");
        return value.isNull() || value.isUndefined() ? QString() : rawText(value);
    case Format::Status:
    case Format::Url:
        return value.toString();
    case Format::Timestamp: {
        if (!value.isDouble() && !value.isString())
            return {};
        const QDateTime dt = parseTimestamp(value);
        return dt.isValid() ? dt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s)
                            : value.toString();
    }
    case Format::Int:
        if (!value.isDouble())
            return {};
        return isIntegral(value.toDouble()) ? keyText(value)
                                            : QLocale().toString(value.toDouble(), 'f', 2);
    case Format::Duration:
        if (!value.isDouble() || value.toDouble() < 0 || !std::isfinite(value.toDouble()))
            return {};
        // A duration past any integer (a fuzzer found 3e107 s) is shown as the number it is.
        if (!isIntegral(std::trunc(value.toDouble())))
            return QString::number(value.toDouble());
        return formatDuration(qint64(value.toDouble()));
    case Format::Percent:
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return {};
        if (std::abs(value.toDouble()) >= 9e15)
            return u"%1%"_s.arg(QString::number(value.toDouble()));
        return u"%1%"_s.arg(qRound64(value.toDouble()));
    case Format::Money:
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return {};
        return u"$"_s + QLocale().toString(value.toDouble(), 'f', 2);
    }
    return {};
}

QVariant FeedColumn::sortValue(const QJsonValue &value) const
{
    if (value.isNull() || value.isUndefined())
        return {};
    if (format == Format::Timestamp) {
        const QDateTime dt = parseTimestamp(value);
        if (dt.isValid())
            return dt;
    }
    return value.toVariant();
}

bool FeedColumn::isNumeric() const
{
    return format == Format::Int || format == Format::Duration || format == Format::Percent
        || format == Format::Money;
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
        return keyText(value);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.isNull() ? u"null"_s : QString();
}

int FeedSchema::statusColumn(const QList<FeedColumn> &columns)
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i).format == FeedColumn::Format::Status)
            return int(i);
    }
    return -1;
}

DecodedSnapshot FeedSchema::decode(const QJsonValue &data) const
{
    DecodedSnapshot out;
    const QJsonObject top = data.toObject();
    QJsonValue rows = data;

    if (source == RowSource::Auto) {
        // A custom feed's rows are `data` itself or its first array of objects; the rest is meta.
        if (data.isObject()) {
            rows = QJsonValue(QJsonValue::Undefined);
            for (auto it = top.begin(); it != top.end(); ++it) {
                if (rows.isUndefined() && it->isArray() && it->toArray().at(0).isObject())
                    rows = *it;
                else
                    out.meta.insert(it.key(), *it);
            }
            if (rows.isUndefined()) {
                out.meta = {};
                out.columns = keyValueColumns();
                flatten(top, {}, out.rows);
                return out;
            }
        }
        if (!rows.isArray()) {
            out.error = shapeError(u"an array or an object"_s, data);
            return out;
        }
        const QJsonObject first = rows.toArray().at(0).toObject();
        QString keyField;
        for (const auto candidate : {"id"_L1, "key"_L1, "uuid"_L1, "name"_L1}) {
            if (first.contains(candidate)) {
                keyField = candidate;
                break;
            }
        }
        out.columns = deriveColumns(rows.toArray(), keyField);
        appendArrayRows(rows.toArray(), keyField.isEmpty() ? QStringList() : QStringList {keyField},
                        out);
    } else {
        for (const QString &field : metaFields) {
            if (top.contains(field))
                out.meta.insert(field, top.value(field));
        }
        if (!rowsPath.isEmpty()) {
            if (!data.isObject()) {
                out.error = shapeError(u"an object"_s, data);
                return out;
            }
            rows = top.value(rowsPath);
        }
        switch (source) {
        case RowSource::Array:
            if (!rows.isArray()) {
                out.error = shapeError(u"an array"_s, rows);
                return out;
            }
            appendArrayRows(rows.toArray(), keyFields, out);
            break;
        case RowSource::Map: {
            if (!rows.isObject()) {
                out.error = shapeError(u"an object"_s, rows);
                return out;
            }
            const QJsonObject map = rows.toObject();
            for (auto it = map.begin(); it != map.end(); ++it) {
                if (!it->isObject()) {
                    ++out.warnings;
                    continue;
                }
                QJsonObject row = it->toObject();
                if (!keyFields.isEmpty() && !row.contains(keyFields.first()))
                    row.insert(keyFields.first(), it.key());
                out.rows.append({it.key(), row});
            }
            break;
        }
        case RowSource::KeyValue:
        case RowSource::Auto:
            if (!rows.isObject()) {
                out.error = shapeError(u"an object"_s, rows);
                return out;
            }
            flatten(rows.toObject(), {}, out.rows);
            break;
        }
    }
    if (out.warnings > 0) {
        out.error = QCoreApplication::translate(
            "FeedSchema", "%n row(s) skipped: not an object, without a key or a duplicate key",
            nullptr, out.warnings);
    }
    return out;
}
