#include "feeddefinition.h"

#include "catalog/jsonpath.h"
#include "catalog/profiletext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const QStringList kFeedKeys = {
    u"name"_s,     u"path"_s,     u"message_type"_s,    u"title"_s,   u"count"_s,
    u"empty"_s,    u"priority"_s, u"open_by_default"_s, u"view"_s,    u"rows"_s,
    u"row_key"_s,  u"status"_s,   u"status_colors"_s,   u"columns"_s, u"stretch"_s,
    u"counters"_s, u"banners"_s,  u"detail"_s,          u"widget"_s,  u"opens"_s,
    u"http"_s};
const QStringList kColumnKeys = {u"field"_s,  u"header"_s, u"kind"_s, u"decimals"_s,
                                 u"prefix"_s, u"suffix"_s, u"unit"_s, u"elapsed"_s};
const QStringList kCounterKeys = {u"label"_s,  u"value"_s,  u"kind"_s, u"decimals"_s,
                                  u"prefix"_s, u"suffix"_s, u"unit"_s};
const QStringList kTones = {u"good"_s,    u"warning"_s, u"bad"_s, u"info"_s,
                            u"neutral"_s, u"blocked"_s, u"idle"_s};
const QRegularExpression kBrace(u"\\{([^{}/]+)\\}"_s);

// The "Config" context of the configuration errors, in a form lupdate can place (a free tr()
// wrapper is invisible to it: translations/README.md).
struct CatalogText
{
    Q_DECLARE_TR_FUNCTIONS(Config)
};

// One reader per profile entry: collects errors that name the key, never stops at the first.
class Reader
{
public:
    Reader(const QJsonObject &object, const QString &where, QStringList *errors)
        : m_object(object)
        , m_where(where)
        , m_errors(errors)
    { }

    void checkKeys(const QStringList &known) const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!known.contains(it.key()))
                error(it.key(), CatalogText::tr("unknown key"));
        }
    }
    void error(const QString &key, const QString &text) const
    {
        if (m_errors)
            m_errors->append(u"%1.%2: %3"_s.arg(m_where, key, text));
    }
    QString where(const QString &key) const { return m_where + u'.' + key; }
    bool has(const QString &key) const { return m_object.contains(key); }
    QJsonValue value(const QString &key) const { return m_object.value(key); }

    QString string(const QString &key, const QString &fallback = {}) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isString()) {
            error(key, CatalogText::tr("expected a string"));
            return fallback;
        }
        return v.toString();
    }
    QString path(const QString &key) const
    {
        const QString text = string(key);
        QString problem;
        JsonPath::parts(text, &problem);
        if (!problem.isEmpty())
            error(key, problem);
        return text;
    }
    QStringList strings(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (v.isString())
            return {v.toString()};
        QStringList out;
        if (v.isArray()) {
            const QJsonArray array = v.toArray();
            for (const QJsonValue &item : array) {
                if (!item.isString()) {
                    error(key, CatalogText::tr("expected a string or an array of strings"));
                    return {};
                }
                out.append(item.toString());
            }
            return out;
        }
        error(key, CatalogText::tr("expected a string or an array of strings"));
        return {};
    }
    std::optional<int> integer(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble() || v.toDouble() != double(v.toInt())) {
            error(key, CatalogText::tr("expected a whole number"));
            return std::nullopt;
        }
        return v.toInt();
    }
    bool boolean(const QString &key, bool fallback) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool()) {
            error(key, CatalogText::tr("expected true or false"));
            return fallback;
        }
        return v.toBool();
    }
    QJsonArray array(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            error(key, CatalogText::tr("expected an array"));
        return v.toArray();
    }
    QJsonObject object(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            error(key, CatalogText::tr("expected an object"));
        return v.toObject();
    }

private:
    QJsonObject m_object;
    QString m_where;
    QStringList *m_errors;
};

QString oneOf(const QString &value, const QStringList &allowed)
{
    return QCoreApplication::translate("Config", "'%1' is not one of %2")
        .arg(value, allowed.join(u", "_s));
}

// The formatting keys shared by columns, detail fields and counters.
void readFormat(const Reader &r, FeedColumn &column)
{
    const QString kind = r.string(u"kind"_s, u"text"_s);
    if (const auto parsed = FeedColumn::kindFromName(kind))
        column.kind = *parsed;
    else
        r.error(u"kind"_s,
                oneOf(kind,
                      {u"text"_s, u"number"_s, u"status"_s, u"time"_s, u"duration"_s, u"percent"_s,
                       u"link"_s, u"id"_s}));
    column.decimals = r.integer(u"decimals"_s).value_or(-1);
    if (column.decimals > 9) {
        r.error(u"decimals"_s, CatalogText::tr("expected a whole number from 0 to 9"));
        column.decimals = -1;
    }
    column.prefix = r.string(u"prefix"_s);
    column.suffix = r.string(u"suffix"_s);
    const QString unit = r.string(u"unit"_s, u"s"_s);
    static const QHash<QString, double> units = {
        {u"ms"_s, 0.001}, {u"s"_s, 1}, {u"min"_s, 60}, {u"h"_s, 3600}, {u"d"_s, 86400}};
    if (units.contains(unit))
        column.unitSeconds = units.value(unit);
    else
        r.error(u"unit"_s, oneOf(unit, {u"ms"_s, u"s"_s, u"min"_s, u"h"_s, u"d"_s}));
}

// A column or detail field: {"field": "phase_data.title", "header": "Title", "kind": "text"}.
std::optional<FeedColumn> readColumn(const QJsonValue &value, const QString &where,
                                     QStringList *errors)
{
    if (!value.isObject()) {
        errors->append(u"%1: %2"_s.arg(where, CatalogText::tr("expected an object")));
        return std::nullopt;
    }
    const Reader r(value.toObject(), where, errors);
    r.checkKeys(kColumnKeys);
    FeedColumn column;
    column.field = r.path(u"field"_s);
    if (column.field.isEmpty())
        r.error(u"field"_s, CatalogText::tr("missing; the field of the row to show"));
    column.header = r.string(u"header"_s);
    readFormat(r, column);
    const QStringList elapsed = r.strings(u"elapsed"_s);
    if (!elapsed.isEmpty()) {
        if (column.kind != FeedColumn::Kind::Duration || elapsed.size() > 2)
            r.error(u"elapsed"_s, CatalogText::tr("a duration's [start field, end field]"));
        column.elapsedFrom = elapsed.value(0);
        column.elapsedTo = elapsed.value(1);
    }
    return column;
}

// A counter of the page's header: {"label": "Total", "value": "/total", "kind": "number"}.
std::optional<FeedColumn> readCounter(const QJsonValue &value, const QString &where,
                                      QStringList *errors)
{
    if (!value.isObject()) {
        errors->append(u"%1: %2"_s.arg(where, CatalogText::tr("expected an object")));
        return std::nullopt;
    }
    const Reader r(value.toObject(), where, errors);
    r.checkKeys(kCounterKeys);
    FeedColumn counter;
    counter.field = r.path(u"value"_s);
    if (counter.field.isEmpty())
        r.error(u"value"_s,
                CatalogText::tr("missing; where the value is in the data (\"/total\")"));
    counter.header = r.string(u"label"_s);
    if (counter.header.isEmpty())
        r.error(u"label"_s, CatalogText::tr("missing"));
    readFormat(r, counter);
    return counter;
}

std::optional<DataCondition> readCondition(const QJsonValue &value, const QString &where,
                                           QStringList *errors)
{
    if (!value.isObject()) {
        errors->append(u"%1: %2"_s.arg(where, CatalogText::tr("expected an object")));
        return std::nullopt;
    }
    const Reader r(value.toObject(), where, errors);
    r.checkKeys({u"value"_s, u"equals"_s, u"in"_s, u"exists"_s});
    DataCondition condition;
    condition.path = r.path(u"value"_s);
    int tests = 0;
    if (r.has(u"equals"_s)) {
        condition.op = DataCondition::Op::Equals;
        condition.values = {r.value(u"equals"_s)};
        ++tests;
    }
    if (r.has(u"in"_s)) {
        condition.op = DataCondition::Op::In;
        condition.values = r.array(u"in"_s);
        ++tests;
    }
    if (r.has(u"exists"_s)) {
        condition.op =
            r.boolean(u"exists"_s, true) ? DataCondition::Op::Exists : DataCondition::Op::Missing;
        ++tests;
    }
    if (tests != 1)
        errors->append(
            u"%1: %2"_s.arg(where, CatalogText::tr("expected exactly one of equals, in, exists")));
    return condition;
}

QString readTone(const Reader &r, const QString &key, const QString &fallback)
{
    const QString tone = r.string(key, fallback);
    if (!kTones.contains(tone)) {
        r.error(key, oneOf(tone, kTones));
        return fallback;
    }
    return tone;
}

QHash<QString, QString> readStatusColors(const QJsonObject &object, const QString &where,
                                         QStringList *errors)
{
    QHash<QString, QString> out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString tone = it->toString();
        if (!kTones.contains(tone)) {
            errors->append(u"%1.%2: %3"_s.arg(where, it.key(), oneOf(tone, kTones)));
            continue;
        }
        out.insert(FeedSchema::normalizedStatus(it.key()), tone);
    }
    return out;
}

} // namespace

bool FeedDefinition::isToneName(const QString &tone)
{
    return kTones.contains(tone);
}

QStringList FeedDefinition::keys()
{
    return kFeedKeys;
}

bool FeedDefinition::isTemplate() const
{
    return kBrace.match(name).hasMatch();
}

QStringList FeedDefinition::templateParams() const
{
    QStringList out;
    for (auto it = kBrace.globalMatch(name); it.hasNext();)
        out.append(it.next().captured(1));
    return out;
}

bool FeedDefinition::matches(const QString &feedName, QHash<QString, QString> *values) const
{
    if (!isTemplate())
        return feedName == name;
    // "adw-state/{adw_id}" -> ^adw-state/(?<p0>[^/]+)$: a brace stands for one path segment.
    QString pattern = u"^"_s;
    QStringList names;
    qsizetype last = 0;
    for (auto it = kBrace.globalMatch(name); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        pattern += QRegularExpression::escape(name.mid(last, m.capturedStart() - last));
        pattern += u"([^/]+)"_s;
        names.append(m.captured(1));
        last = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(name.mid(last)) + u'$';
    const QRegularExpressionMatch m = QRegularExpression(pattern).match(feedName);
    if (!m.hasMatch())
        return false;
    if (values) {
        for (qsizetype i = 0; i < names.size(); ++i)
            values->insert(names.at(i), m.captured(int(i) + 1));
    }
    return true;
}

QString FeedDefinition::fill(const QString &text, const QHash<QString, QString> &values)
{
    if (values.isEmpty() || !text.contains(u'{'))
        return text;
    QString out;
    qsizetype last = 0;
    for (auto it = kBrace.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const auto found = values.constFind(m.captured(1));
        out += found == values.cend() ? m.captured(0) : *found;
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

FeedDefinition FeedDefinition::instance(const QString &feedName) const
{
    FeedDefinition out = *this;
    QHash<QString, QString> values;
    if (!matches(feedName, &values))
        return out;
    out.name = feedName;
    out.path = fill(path, values);
    out.http.path = fill(http.path, values);
    out.params = values;
    out.openByDefault = false;
    return out;
}

QString FeedDefinition::titleText() const
{
    const QString text = title.isEmpty() ? name : ProfileText::tr(title);
    return fill(text, params);
}

QList<FeedDefinition::Figure> FeedDefinition::figures(const QJsonValue &data) const
{
    QList<Figure> out;
    auto add = [&](const FeedColumn &counter, const QString &label, const QJsonValue &value) {
        if (value.isUndefined() || value.isNull())
            return;
        Figure figure;
        figure.label = label;
        if (value.isObject()) {
            // A breakdown: {"completed": 2, "planned": 2} -> "completed 2 · planned 2".
            QStringList parts;
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                QString key = it.key();
                key.replace(u'_', u' ');
                parts.append(u"%1 %2"_s.arg(key, FeedColumn::rawText(*it)));
            }
            figure.text = parts.join(u" · "_s);
        } else {
            figure.text = counter.display(value);
        }
        if (counter.kind == FeedColumn::Kind::Status)
            figure.status = FeedSchema::normalizedStatus(FeedColumn::rawText(value));
        if (!figure.text.isEmpty())
            out.append(figure);
    };
    for (const FeedColumn &counter : counters) {
        if (counter.field.endsWith("/*"_L1) || counter.field.endsWith(".*"_L1)) {
            const QJsonValue parent = JsonPath::at(data, counter.field.chopped(2));
            const QJsonObject object = parent.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                QString label = it.key();
                label.replace(u'_', u' ');
                if (!label.isEmpty())
                    label[0] = label.at(0).toUpper();
                add(counter, label, *it);
            }
            continue;
        }
        add(counter, ProfileText::tr(counter.header), JsonPath::at(data, counter.field));
    }
    return out;
}

const FeedDefinition::Banner *FeedDefinition::bannerFor(const QJsonValue &data) const
{
    for (const Banner &banner : banners) {
        if (banner.when.matches(data))
            return &banner;
    }
    return nullptr;
}

QString FeedDefinition::bannerText(const Banner &banner, const QJsonValue &data)
{
    // "{/message}": the value at that path of the data, as it came.
    static const QRegularExpression placeholder(u"\\{(/[^{}]*)\\}"_s);
    const QString text = ProfileText::tr(banner.text);
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += FeedColumn::rawText(JsonPath::at(data, m.captured(1)));
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

QString FeedDefinition::countText(int n) const
{
    if (!countOne.isEmpty() || !countOther.isEmpty()) {
        QString text = n == 1 ? countOne : countOther;
        return text.replace(u"%n"_s, QString::number(n));
    }
    return ProfileText::count(count.isEmpty() ? u"%n row(s)"_s : count, n);
}

QString FeedDefinition::emptyText() const
{
    return empty.isEmpty() ? QString() : ProfileText::tr(empty);
}

void FeedDefinition::setTimeZone(const QTimeZone &zone)
{
    for (FeedColumn &c : schema.columns)
        c.zone = zone;
    for (FeedColumn &c : counters)
        c.zone = zone;
    for (FeedColumn &c : detail)
        c.zone = zone;
}

FeedDefinition FeedDefinition::fromJson(const QJsonObject &object, const QJsonObject &statusColors,
                                        const QString &where, QStringList *errors)
{
    QStringList ignored;
    if (!errors)
        errors = &ignored;
    const Reader r(object, where, errors);
    r.checkKeys(kFeedKeys);
    FeedDefinition out;
    out.name = r.string(u"name"_s);
    if (out.name.isEmpty() || out.name.contains(u' '))
        r.error(u"name"_s, CatalogText::tr("missing or invalid feed id"));
    out.path = r.string(u"path"_s);
    if (!out.path.isEmpty() && !out.path.startsWith(u'/'))
        r.error(u"path"_s, CatalogText::tr("must start with /"));
    out.messageType = r.string(u"message_type"_s);
    out.title = r.string(u"title"_s);
    const QJsonValue count = r.value(u"count"_s);
    if (count.isObject()) {
        const Reader c(count.toObject(), r.where(u"count"_s), errors);
        c.checkKeys({u"one"_s, u"other"_s});
        out.countOne = c.string(u"one"_s);
        out.countOther = c.string(u"other"_s);
        if (out.countOne.isEmpty() || out.countOther.isEmpty())
            r.error(u"count"_s,
                    CatalogText::tr("expected \"%n phase(s)\" or {\"one\": ..., \"other\": ...}"));
    } else {
        out.count = r.string(u"count"_s);
    }
    if (!out.count.isEmpty() && !out.count.contains(u"%n"_s))
        r.error(u"count"_s, CatalogText::tr("must contain %n, the number"));
    out.empty = r.string(u"empty"_s);
    out.priority = r.integer(u"priority"_s).value_or(0);

    const QString view = r.string(u"view"_s, u"table"_s);
    if (view == "table"_L1)
        out.schema.view = FeedSchema::View::Table;
    else if (view == "key_value"_L1)
        out.schema.view = FeedSchema::View::KeyValue;
    else if (view == "generic"_L1)
        out.schema.view = FeedSchema::View::Generic;
    else
        r.error(u"view"_s, oneOf(view, {u"table"_s, u"key_value"_s, u"generic"_s}));
    out.schema.snapshotType = out.messageType;
    out.schema.rows = r.path(u"rows"_s);
    out.schema.key = r.strings(u"row_key"_s);
    out.schema.statusField = r.path(u"status"_s);
    out.schema.statusTones = readStatusColors(statusColors, where, errors);
    const QHash<QString, QString> own =
        readStatusColors(r.object(u"status_colors"_s), r.where(u"status_colors"_s), errors);
    for (auto it = own.begin(); it != own.end(); ++it)
        out.schema.statusTones.insert(it.key(), it.value());

    const QJsonArray columns = r.array(u"columns"_s);
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (auto column =
                readColumn(columns.at(i), u"%1[%2]"_s.arg(r.where(u"columns"_s)).arg(i), errors))
            out.schema.columns.append(*column);
    }
    if (out.schema.view == FeedSchema::View::Table && out.schema.columns.isEmpty())
        r.error(u"columns"_s, CatalogText::tr("a table needs at least one column"));
    if (out.schema.view == FeedSchema::View::KeyValue)
        out.schema.columns = FeedSchema::keyValueColumns();
    out.stretch = r.path(u"stretch"_s);

    const QJsonArray detail = r.array(u"detail"_s);
    for (qsizetype i = 0; i < detail.size(); ++i) {
        if (auto field =
                readColumn(detail.at(i), u"%1[%2]"_s.arg(r.where(u"detail"_s)).arg(i), errors))
            out.detail.append(*field);
    }
    const QJsonArray counters = r.array(u"counters"_s);
    for (qsizetype i = 0; i < counters.size(); ++i) {
        if (auto counter =
                readCounter(counters.at(i), u"%1[%2]"_s.arg(r.where(u"counters"_s)).arg(i), errors))
            out.counters.append(*counter);
    }
    const QJsonArray banners = r.array(u"banners"_s);
    for (qsizetype i = 0; i < banners.size(); ++i) {
        const QString at = u"%1[%2]"_s.arg(r.where(u"banners"_s)).arg(i);
        if (!banners.at(i).isObject()) {
            errors->append(u"%1: %2"_s.arg(at, CatalogText::tr("expected an object")));
            continue;
        }
        const Reader b(banners.at(i).toObject(), at, errors);
        b.checkKeys({u"when"_s, u"text"_s, u"tone"_s, u"replaces_rows"_s});
        Banner banner;
        if (auto when = readCondition(b.value(u"when"_s), b.where(u"when"_s), errors))
            banner.when = *when;
        banner.text = b.string(u"text"_s);
        if (banner.text.isEmpty())
            b.error(u"text"_s, CatalogText::tr("missing"));
        banner.tone = readTone(b, u"tone"_s, u"info"_s);
        banner.replacesRows = b.boolean(u"replaces_rows"_s, false);
        if (banner.replacesRows)
            out.schema.rowsAbsentWhen.append(banner.when);
        out.banners.append(banner);
    }

    const QJsonObject widget = r.object(u"widget"_s);
    if (!widget.isEmpty()) {
        const Reader w(widget, r.where(u"widget"_s), errors);
        w.checkKeys({u"kind"_s, u"title"_s, u"text"_s, u"figure"_s, u"status"_s});
        const QString kind = w.string(u"kind"_s);
        if (kind == "service_cards"_L1)
            out.widget.kind = Widget::Kind::ServiceCards;
        else if (kind == "status_card"_L1)
            out.widget.kind = Widget::Kind::StatusCard;
        else
            w.error(u"kind"_s, oneOf(kind, {u"service_cards"_s, u"status_card"_s}));
        out.widget.title = w.path(u"title"_s);
        out.widget.text = w.path(u"text"_s);
        out.widget.figure = w.path(u"figure"_s);
        out.widget.status = w.path(u"status"_s);
    }

    const QJsonArray opens = r.array(u"opens"_s);
    for (qsizetype i = 0; i < opens.size(); ++i) {
        const QString at = u"%1[%2]"_s.arg(r.where(u"opens"_s)).arg(i);
        if (!opens.at(i).isObject()) {
            errors->append(u"%1: %2"_s.arg(at, CatalogText::tr("expected an object")));
            continue;
        }
        const Reader o(opens.at(i).toObject(), at, errors);
        o.checkKeys({u"feed"_s, u"label"_s});
        RowLink link {o.string(u"feed"_s), o.string(u"label"_s)};
        if (link.feed.isEmpty())
            o.error(u"feed"_s, CatalogText::tr("missing"));
        out.opens.append(link);
    }
    const QJsonValue http = r.value(u"http"_s);
    if (http.isBool()) {
        out.http.off = !http.toBool();
    } else if (http.isObject()) {
        const Reader h(http.toObject(), r.where(u"http"_s), errors);
        h.checkKeys({u"path"_s, u"rows"_s});
        out.http.path = h.string(u"path"_s);
        if (!out.http.path.isEmpty() && !out.http.path.startsWith(u'/'))
            h.error(u"path"_s, CatalogText::tr("must start with /"));
        out.http.hasRows = h.has(u"rows"_s);
        out.http.rows = h.path(u"rows"_s);
    } else if (!http.isUndefined() && !http.isNull()) {
        r.error(u"http"_s, CatalogText::tr("expected false or {\"path\": ..., \"rows\": ...}"));
    }
    out.openByDefault = r.boolean(u"open_by_default"_s, !out.isTemplate());
    return out;
}

QJsonValue FeedDefinition::dataFromHttp(const QJsonValue &body, QString *error) const
{
    if (!http.hasRows)
        return body;
    const QJsonValue rows = JsonPath::at(body, http.rows);
    if (rows.isUndefined()) {
        if (error)
            *error = CatalogText::tr("the HTTP snapshot has nothing at %1")
                         .arg(JsonPath::pointer(JsonPath::parts(http.rows)));
        return QJsonValue(QJsonValue::Undefined);
    }
    // The rows where the WebSocket's data has them: "" is data itself, "/features" an object.
    QJsonValue data = rows;
    const QStringList parts = JsonPath::parts(schema.rows);
    for (auto it = parts.crbegin(); it != parts.crend(); ++it)
        data = QJsonObject {{*it, data}};
    return data;
}

FeedDefinition FeedDefinition::generic(const QString &name, const QString &messageType)
{
    FeedDefinition out;
    out.name = name;
    out.messageType = messageType;
    out.schema.snapshotType = messageType;
    out.schema.view = FeedSchema::View::Generic;
    return out;
}
