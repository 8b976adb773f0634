#include "rule.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#include <cmath>

using namespace Qt::StringLiterals;

// Rule problems are English, like the event stream that carries them (`rule_error`): they name
// keys and paths an operator looks up in docs/alerts.md.

namespace {

const QStringList kRuleKeys = {u"id"_s,   u"feed"_s, u"title"_s,    u"message"_s, u"rows"_s,
                               u"when"_s, u"for"_s,  u"severity"_s, u"enabled"_s};

struct OpName
{
    QLatin1StringView key;
    RuleCondition::Op op;
};

const OpName kOps[] = {
    {"equals"_L1, RuleCondition::Op::Equals},
    {"not_equals"_L1, RuleCondition::Op::NotEquals},
    {"in"_L1, RuleCondition::Op::In},
    {"not_in"_L1, RuleCondition::Op::NotIn},
    {"below"_L1, RuleCondition::Op::Below},
    {"above"_L1, RuleCondition::Op::Above},
    {"at_most"_L1, RuleCondition::Op::AtMost},
    {"at_least"_L1, RuleCondition::Op::AtLeast},
    {"changed_to"_L1, RuleCondition::Op::ChangedTo},
    {"older_than"_L1, RuleCondition::Op::OlderThan},
    {"unchanged_for"_L1, RuleCondition::Op::UnchangedFor},
};

QString compact(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isNull())
        return u"null"_s;
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 12);
    QJsonArray wrap {value};
    QString text = QString::fromUtf8(QJsonDocument(wrap).toJson(QJsonDocument::Compact));
    return text.mid(1, text.size() - 2);
}

QString listText(const QJsonArray &values)
{
    QStringList parts;
    for (const QJsonValue &v : values)
        parts << compact(v);
    return parts.join(u", "_s);
}

} // namespace

bool RuleCondition::dependsOnTime() const
{
    if (op == Op::OlderThan || op == Op::UnchangedFor)
        return true;
    return std::any_of(countOf.begin(), countOf.end(),
                       [](const RuleCondition &c) { return c.dependsOnTime(); });
}

QString RuleCondition::describe() const
{
    QString subjectText;
    switch (subject) {
    case Subject::Field:
    case Subject::Value:
        subjectText = path;
        break;
    case Subject::Count: {
        QStringList inner;
        for (const RuleCondition &c : countOf)
            inner << c.describe();
        subjectText = u"count(%1)"_s.arg(inner.join(u" and "_s));
        break;
    }
    }
    switch (op) {
    case Op::Equals:
        return u"%1 = %2"_s.arg(subjectText, listText(values));
    case Op::NotEquals:
        return u"%1 ≠ %2"_s.arg(subjectText, listText(values));
    case Op::In:
        return u"%1 in [%2]"_s.arg(subjectText, listText(values));
    case Op::NotIn:
        return u"%1 not in [%2]"_s.arg(subjectText, listText(values));
    case Op::Below:
        return u"%1 < %2"_s.arg(subjectText).arg(number);
    case Op::Above:
        return u"%1 > %2"_s.arg(subjectText).arg(number);
    case Op::AtMost:
        return u"%1 ≤ %2"_s.arg(subjectText).arg(number);
    case Op::AtLeast:
        return u"%1 ≥ %2"_s.arg(subjectText).arg(number);
    case Op::ChangedTo:
        return u"%1 changed to %2"_s.arg(subjectText, listText(values));
    case Op::OlderThan:
        return u"%1 older than %2"_s.arg(subjectText, durationText);
    case Op::UnchangedFor:
        return u"%1 unchanged for %2"_s.arg(subjectText, durationText);
    }
    return subjectText;
}

RuleCondition RuleCondition::fromJson(const QJsonObject &object, const QString &where,
                                      bool insideCount, QString *error)
{
    RuleCondition c;
    const auto fail = [&](const QString &text) {
        if (error && error->isEmpty())
            *error = u"%1: %2"_s.arg(where, text);
        return c;
    };
    const bool hasField = object.contains("field"_L1);
    const bool hasValue = object.contains("value"_L1);
    const bool hasCount = object.contains("count"_L1);
    if (int(hasField) + int(hasValue) + int(hasCount) != 1)
        return fail(u"expected exactly one of field, value, count"_s);
    QStringList known = {u"field"_s, u"value"_s, u"count"_s};
    for (const OpName &o : kOps)
        known << QString(o.key);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(u"%1: unknown key"_s.arg(it.key()));
    }
    if (hasField) {
        c.subject = Subject::Field;
        c.path = object.value("field"_L1).toString();
        if (!object.value("field"_L1).isString() || c.path.isEmpty())
            return fail(u"field: expected a path in the row (\"status\", \"phase_data.title\")"_s);
    } else if (hasValue) {
        if (insideCount)
            return fail(u"value: a count counts rows; its tests take field"_s);
        c.subject = Subject::Value;
        c.path = object.value("value"_L1).toString();
        if (!object.value("value"_L1).isString())
            return fail(u"value: expected a JSON pointer into the data (\"/paused\")"_s);
    } else {
        if (insideCount)
            return fail(u"count: counts do not nest"_s);
        c.subject = Subject::Count;
        const QJsonValue inner = object.value("count"_L1);
        const QJsonArray list = inner.isArray() ? inner.toArray() : QJsonArray {inner};
        if (list.isEmpty())
            return fail(u"count: expected a test or a list of tests"_s);
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isObject())
                return fail(u"count[%1]: expected an object"_s.arg(i));
            c.countOf << fromJson(list.at(i).toObject(), u"%1.count[%2]"_s.arg(where).arg(i), true,
                                  error);
            if (error && !error->isEmpty())
                return c;
        }
    }
    if (c.subject != Subject::Value && !c.path.isEmpty() && c.path.startsWith(u'/')
        && c.path.contains(u'~')) {
        // A pointer's escapes are checked once here, not on every snapshot.
        static const QRegularExpression badTilde(u"~(?![01])"_s);
        if (badTilde.match(c.path).hasMatch())
            return fail(u"field: '~' must be followed by 0 or 1"_s);
    }
    if (c.subject == Subject::Value && !c.path.isEmpty() && !c.path.startsWith(u'/'))
        return fail(u"value: '%1' is not a JSON pointer (it starts with /)"_s.arg(c.path));

    const OpName *found = nullptr;
    for (const OpName &o : kOps) {
        if (!object.contains(o.key))
            continue;
        if (found)
            return fail(u"expected one test, got both %1 and %2"_s.arg(found->key, o.key));
        found = &o;
    }
    if (!found)
        return fail(u"expected a test: equals, not_equals, in, not_in, below, above, at_most, "
                    "at_least, changed_to, older_than or unchanged_for"_s);
    c.op = found->op;
    const QJsonValue arg = object.value(found->key);
    switch (c.op) {
    case Op::Equals:
    case Op::NotEquals:
    case Op::ChangedTo:
        if (arg.isArray() || arg.isObject())
            return fail(u"%1: expected one value (use in / not_in for a list)"_s.arg(found->key));
        c.values = {arg};
        break;
    case Op::In:
    case Op::NotIn:
        if (!arg.isArray() || arg.toArray().isEmpty())
            return fail(u"%1: expected a non-empty list of values"_s.arg(found->key));
        c.values = arg.toArray();
        break;
    case Op::Below:
    case Op::Above:
    case Op::AtMost:
    case Op::AtLeast:
        if (!arg.isDouble() || !std::isfinite(arg.toDouble()))
            return fail(u"%1: expected a number"_s.arg(found->key));
        c.number = arg.toDouble();
        break;
    case Op::OlderThan:
    case Op::UnchangedFor:
        if (c.subject == Subject::Count)
            return fail(u"%1: a count is a number; compare it with below, above, at_most or "
                        "at_least"_s.arg(found->key));
        c.durationMs = Rule::parseDuration(arg);
        c.durationText = compact(arg);
        if (c.durationMs <= 0)
            return fail(u"%1: '%2' is not a duration (e.g. 90s, 15m, 2h, 1d)"_s.arg(found->key,
                                                                                    compact(arg)));
        break;
    }
    if (insideCount && c.remembers())
        return fail(u"%1: a count tests each row as it is now; changed_to and unchanged_for "
                    "remember rows and cannot be counted"_s.arg(found->key));
    if (c.subject == Subject::Count && c.op != Op::Below && c.op != Op::Above && c.op != Op::AtMost
        && c.op != Op::AtLeast && c.op != Op::Equals && c.op != Op::NotEquals)
        return fail(u"%1: a count is compared with equals, not_equals, below, above, at_most or "
                    "at_least"_s.arg(found->key));
    return c;
}

bool Rule::perRow() const
{
    return std::any_of(when.begin(), when.end(), [](const RuleCondition &c) {
        return c.subject == RuleCondition::Subject::Field;
    });
}

bool Rule::dependsOnTime() const
{
    return forMs > 0 || std::any_of(when.begin(), when.end(), [](const RuleCondition &c) {
               return c.dependsOnTime();
           });
}

QString Rule::describe() const
{
    QStringList parts;
    for (const RuleCondition &c : when)
        parts << c.describe();
    QString out = parts.join(u" and "_s);
    if (forMs > 0)
        out += u" for %1"_s.arg(forText);
    return out;
}

QString Rule::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return u"info"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Critical:
        return u"critical"_s;
    }
    return u"warning"_s;
}

QStringList Rule::keys()
{
    return kRuleKeys;
}

qint64 Rule::parseDuration(const QJsonValue &value)
{
    if (!value.isString())
        return -1;
    const QString text = value.toString().trimmed();
    static const QRegularExpression whole(u"^(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+$"_s);
    if (text.isEmpty() || !whole.match(text).hasMatch())
        return -1;
    static const QRegularExpression part(u"(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)"_s);
    double total = 0;
    for (auto it = part.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        const double scale = unit == "ms"_L1 ? 1
            : unit == "s"_L1                 ? 1000
            : unit == "m"_L1                 ? 60000
            : unit == "h"_L1                 ? 3600000
                                             : 86400000;
        total += n * scale;
    }
    // Ten years is more than any alert waits; beyond it the figure is a typo.
    if (!std::isfinite(total) || total > 10.0 * 365 * 86400000)
        return -1;
    return qint64(std::llround(total));
}

Rule Rule::fromJson(const QJsonObject &object, const QString &where)
{
    Rule r;
    r.id = object.value("id"_L1).toString();
    r.feed = object.value("feed"_L1).toString();
    r.title = object.value("title"_L1).toString(r.id);
    r.message = object.value("message"_L1).toString();
    const auto fail = [&](const QString &text) {
        if (r.error.isEmpty())
            r.error = u"%1: %2"_s.arg(where, text);
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!kRuleKeys.contains(it.key()))
            fail(u"%1: unknown key"_s.arg(it.key()));
    }
    const QJsonValue enabled = object.value("enabled"_L1);
    if (!enabled.isUndefined() && !enabled.isBool())
        fail(u"enabled: expected true or false"_s);
    r.enabled = enabled.toBool(true);
    if (!object.value("feed"_L1).isString() || r.feed.isEmpty())
        fail(u"feed: expected the name of a feed of the profile (\"queue\")"_s);
    if (object.contains("title"_L1) && !object.value("title"_L1).isString())
        fail(u"title: expected a text"_s);
    if (object.contains("message"_L1) && !object.value("message"_L1).isString())
        fail(u"message: expected a text"_s);
    if (r.message.isEmpty())
        r.message = r.title;
    if (object.contains("rows"_L1)) {
        r.rowsSet = true;
        r.rows = object.value("rows"_L1).toString();
        if (!object.value("rows"_L1).isString() || (!r.rows.isEmpty() && !r.rows.startsWith(u'/')))
            fail(u"rows: expected a JSON pointer into the data (\"/phases\", \"\" for the data "
                 "itself)"_s);
    }
    const QString severity = object.value("severity"_L1).toString(u"warning"_s);
    if (severity == "critical"_L1)
        r.severity = Severity::Critical;
    else if (severity == "warning"_L1)
        r.severity = Severity::Warning;
    else if (severity == "info"_L1)
        r.severity = Severity::Info;
    else
        fail(u"severity: '%1' is not one of critical, warning, info"_s.arg(
            compact(object.value("severity"_L1))));
    const QJsonValue forValue = object.value("for"_L1);
    if (!forValue.isUndefined()) {
        r.forText = compact(forValue);
        r.forMs = forValue.isString() && forValue.toString().trimmed() == "0"_L1
            ? 0
            : parseDuration(forValue);
        if (r.forMs < 0) {
            fail(u"for: '%1' is not a duration (e.g. 90s, 15m, 2h, 1d)"_s.arg(r.forText));
            r.forMs = 0;
        }
    }
    const QJsonValue when = object.value("when"_L1);
    const QJsonArray tests = when.isArray() ? when.toArray() : QJsonArray {when};
    if (when.isUndefined() || tests.isEmpty()) {
        fail(u"when: expected a test or a list of tests"_s);
    } else {
        for (qsizetype i = 0; i < tests.size(); ++i) {
            const QString at = when.isArray() ? u"when[%1]"_s.arg(i) : u"when"_s;
            if (!tests.at(i).isObject()) {
                fail(u"%1: expected an object"_s.arg(at));
                break;
            }
            QString error;
            const RuleCondition c =
                RuleCondition::fromJson(tests.at(i).toObject(), at, false, &error);
            if (!error.isEmpty()) {
                fail(error);
                break;
            }
            r.when << c;
        }
    }
    return r;
}

QList<Rule> Rule::listFromJson(const QJsonValue &value, const QString &where, const QString &origin,
                               QStringList *errors, QList<QJsonObject> *raw)
{
    QList<Rule> out;
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isArray()) {
        if (errors)
            *errors << u"%1: expected an array of rules"_s.arg(where);
        return out;
    }
    const QJsonArray array = value.toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = u"%1[%2]"_s.arg(where).arg(i);
        if (!array.at(i).isObject()) {
            if (errors)
                *errors << u"%1: expected an object"_s.arg(at);
            continue;
        }
        const QJsonObject object = array.at(i).toObject();
        const QString id = object.value("id"_L1).toString();
        if (id.isEmpty()) {
            if (errors)
                *errors << u"%1.id: missing (every rule has an id)"_s.arg(at);
            continue;
        }
        if (ids.contains(id)) {
            if (errors)
                *errors << u"%1.id: rule '%2' listed twice"_s.arg(at, id);
            continue;
        }
        ids.insert(id);
        Rule rule = fromJson(object, u"%1 (%2)"_s.arg(at, id));
        rule.origin = origin;
        out << rule;
        if (raw)
            raw->append(object);
    }
    return out;
}

QList<Rule> Rule::merge(const QList<QJsonObject> &base, const QString &baseWhere,
                        const QList<std::pair<QJsonValue, QString>> &layers, QStringList *errors)
{
    QList<QJsonObject> merged = base;
    QList<QString> wheres;
    QList<QString> origins;
    for (qsizetype i = 0; i < base.size(); ++i) {
        wheres << u"%1[%2] (%3)"_s.arg(baseWhere).arg(i).arg(base.at(i).value("id"_L1).toString());
        origins << u"profile"_s;
    }
    for (const auto &[overrides, overridesWhere] : layers) {
        QList<QJsonObject> entries;
        // Read for their structural errors (and ids) only; each entry is applied as written.
        listFromJson(overrides, overridesWhere, u"config"_s, errors, &entries);
        for (const QJsonObject &entry : std::as_const(entries)) {
            const QString id = entry.value("id"_L1).toString();
            const auto it = std::find_if(merged.begin(), merged.end(), [&](const QJsonObject &o) {
                return o.value("id"_L1).toString() == id;
            });
            const QString at = u"%1 (%2)"_s.arg(overridesWhere, id);
            if (it == merged.end()) {
                merged << entry;
                wheres << at;
                origins << u"config"_s;
            } else {
                for (auto key = entry.begin(); key != entry.end(); ++key)
                    it->insert(key.key(), key.value());
                const qsizetype index = it - merged.begin();
                wheres[index] = at;
                origins[index] = u"config"_s;
            }
        }
    }
    QList<Rule> out;
    for (qsizetype i = 0; i < merged.size(); ++i) {
        Rule rule = fromJson(merged.at(i), wheres.at(i));
        rule.origin = origins.at(i);
        out << rule;
    }
    return out;
}
