#include "commandaction.h"

#include "catalog/profiletext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace {
const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(u"\\{([A-Za-z0-9_.]+)\\}"_s);
    return pattern;
}

bool isEmptyValue(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull()
        || (value.isString() && value.toString().isEmpty());
}

// Loose equality, as the backend's types are loose: 214 and "214" are the same issue, 6 and 6.0
// the same hours.
bool looselyEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (isEmptyValue(a) || isEmptyValue(b))
        return isEmptyValue(a) && isEmptyValue(b);
    if (a.isBool() || b.isBool())
        return a.isBool() && b.isBool() && a.toBool() == b.toBool();
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return CommandAction::text(a) == CommandAction::text(b);
}

// Replaces every {field} of `text` with the field's text; false when one is missing.
bool interpolate(const QString &text, const QJsonObject &context, bool percentEncode, QString *out,
                 QString *missing)
{
    QString result;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += text.mid(last, match.capturedStart() - last);
        const QJsonValue value = CommandAction::valueAt(context, match.captured(1));
        if (isEmptyValue(value) || value.isObject() || value.isArray()) {
            if (missing)
                *missing = match.captured(1);
            return false;
        }
        const QString piece = CommandAction::text(value);
        // A value is one path segment: "a/b" must not become two.
        result += percentEncode ? QString::fromLatin1(QUrl::toPercentEncoding(piece)) : piece;
        last = match.capturedEnd();
    }
    result += text.mid(last);
    *out = result;
    return true;
}

// A body or args template: a string that is exactly "{field}" takes the field's value with its
// JSON type; other strings are interpolated; objects and arrays recursively.
bool fillTemplate(const QJsonValue &templ, const QJsonObject &context, QJsonValue *out,
                  QJsonObject *used, QString *missing)
{
    if (templ.isString()) {
        const QString text = templ.toString();
        const QRegularExpressionMatch whole = placeholderPattern().match(text);
        if (whole.hasMatch() && whole.capturedStart() == 0
            && whole.capturedLength() == text.size()) {
            const QJsonValue value = CommandAction::valueAt(context, whole.captured(1));
            if (value.isUndefined() || value.isNull()) {
                *missing = whole.captured(1);
                return false;
            }
            used->insert(whole.captured(1), value);
            *out = value;
            return true;
        }
        QString filled;
        if (!interpolate(text, context, false, &filled, missing))
            return false;
        *out = filled;
        return true;
    }
    if (templ.isObject()) {
        QJsonObject result;
        const QJsonObject object = templ.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QJsonValue value;
            if (!fillTemplate(it.value(), context, &value, used, missing))
                return false;
            result.insert(it.key(), value);
        }
        *out = result;
        return true;
    }
    if (templ.isArray()) {
        QJsonArray result;
        for (const QJsonValue &item : templ.toArray()) {
            QJsonValue value;
            if (!fillTemplate(item, context, &value, used, missing))
                return false;
            result.append(value);
        }
        *out = result;
        return true;
    }
    *out = templ;
    return true;
}

QString listText(const QJsonArray &values)
{
    QStringList parts;
    for (const QJsonValue &v : values)
        parts << (v.isNull() ? u"null"_s : CommandAction::text(v));
    return parts.join(u", "_s);
}
} // namespace

QJsonValue CommandAction::valueAt(const QJsonObject &object, const QString &dottedPath)
{
    QJsonValue current = object;
    for (const QString &part : dottedPath.split(u'.')) {
        if (!current.isObject())
            return QJsonValue(QJsonValue::Undefined);
        current = current.toObject().value(part);
    }
    return current;
}

QString CommandAction::text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)) && std::abs(d) < 9.0e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 15);
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

bool CommandAction::matches(const QJsonObject &context, const Condition &condition)
{
    const QJsonValue value = valueAt(context, condition.field);
    switch (condition.test) {
    case Condition::Test::Present:
        return !isEmptyValue(value);
    case Condition::Test::Absent:
        return isEmptyValue(value);
    case Condition::Test::OneOf:
    case Condition::Test::NoneOf: {
        bool found = false;
        for (const QJsonValue &allowed : condition.values)
            found = found || looselyEqual(value, allowed);
        return condition.test == Condition::Test::OneOf ? found : !found;
    }
    }
    return false;
}

QStringList CommandAction::placeholders() const
{
    QStringList out;
    auto collect = [&out](const QString &text) {
        QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(text);
        while (it.hasNext()) {
            const QString field = it.next().captured(1);
            if (!out.contains(field))
                out << field;
        }
    };
    collect(path);
    std::function<void(const QJsonValue &)> walk = [&](const QJsonValue &v) {
        if (v.isString())
            collect(v.toString());
        else if (v.isObject())
            for (const QJsonValue &child : v.toObject())
                walk(child);
        else if (v.isArray())
            for (const QJsonValue &child : v.toArray())
                walk(child);
    };
    walk(body);
    walk(args);
    return out;
}

bool CommandAction::allows(const QJsonObject &context, QString *why) const
{
    for (const Condition &c : when) {
        if (matches(context, c))
            continue;
        if (why) {
            const QString now = text(valueAt(context, c.field));
            const QString shown = now.isEmpty() ? u"empty"_s : now;
            switch (c.test) {
            case Condition::Test::OneOf:
                *why = u"%1 is %2, not %3"_s.arg(c.field, shown, listText(c.values));
                break;
            case Condition::Test::NoneOf:
                *why = u"%1 is %2"_s.arg(c.field, shown);
                break;
            case Condition::Test::Present:
                *why = u"%1 is empty"_s.arg(c.field);
                break;
            case Condition::Test::Absent:
                *why = u"%1 is set (%2)"_s.arg(c.field, shown);
                break;
            }
        }
        return false;
    }
    return true;
}

bool CommandAction::fill(const QJsonObject &context, CommandRequest *request,
                         QJsonObject *filledArgs, QString *error) const
{
    QJsonObject used;
    QString missing;
    auto fail = [&] {
        if (error)
            *error = u"%1 needs %2, which is missing or empty"_s.arg(name, missing);
        return false;
    };
    CommandRequest out;
    if (isHttp()) {
        out.method = method;
        out.failsWhen = failsWhen;
        if (!interpolate(path, context, true, &out.path, &missing))
            return fail();
        // The path's fields are arguments too: they say which row the command was for.
        QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(path);
        while (it.hasNext()) {
            const QString field = it.next().captured(1);
            used.insert(field, valueAt(context, field));
        }
        if (!body.isUndefined() && !fillTemplate(body, context, &out.body, &used, &missing))
            return fail();
    }
    QJsonValue wsArgs;
    if (!args.isUndefined()) {
        if (!fillTemplate(args, context, &wsArgs, &used, &missing))
            return fail();
    }
    // What the operator reads ("Execute phase 2 of feature 1") is said with the row's values,
    // kept with the command: the row may be gone when its answer comes.
    for (const QString &text : {description, confirm}) {
        QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(text);
        while (it.hasNext()) {
            const QString field = it.next().captured(1);
            const QJsonValue value = valueAt(context, field);
            if (!isEmptyValue(value) && !used.contains(field))
                used.insert(field, value);
        }
    }
    if (request)
        *request = out;
    if (filledArgs) {
        // WebSocket commands carry their args template; HTTP ones record what filled them.
        *filledArgs = wsArgs.isObject() ? wsArgs.toObject() : used;
    }
    return true;
}

QString CommandAction::describe(const QJsonObject &argsUsed, bool translated) const
{
    // The template is translated, then filled: a translation keeps the placeholders.
    const auto text = [translated](const QString &t) {
        return translated ? ProfileText::tr(t) : t;
    };
    QString out;
    if (!description.isEmpty() && interpolate(text(description), argsUsed, false, &out, nullptr))
        return out;
    return label.isEmpty() ? name : text(label);
}

QString CommandAction::confirmation(const QJsonObject &argsUsed, bool translated) const
{
    if (confirm.isEmpty())
        return {};
    const QString templ = translated ? ProfileText::tr(confirm) : confirm;
    QString out;
    return interpolate(templ, argsUsed, false, &out, nullptr) ? out : templ;
}

bool CommandAction::answerFails(const QJsonObject &failsWhen, const QJsonValue &answer,
                                QString *reason)
{
    if (failsWhen.isEmpty() || !answer.isObject())
        return false;
    const QJsonObject object = answer.toObject();
    QStringList ignored;
    for (const Condition &c : conditions(failsWhen, u"fails_when"_s, &ignored)) {
        if (!matches(object, c))
            return false;
    }
    if (reason) {
        QString message = text(object.value("message"_L1));
        if (message.isEmpty())
            message = text(object.value("detail"_L1));
        *reason = message.isEmpty()
            ? QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)).left(200)
            : message;
    }
    return true;
}

QList<CommandAction::Condition> CommandAction::conditions(const QJsonValue &spec,
                                                          const QString &where, QStringList *errors)
{
    QList<Condition> out;
    if (spec.isUndefined())
        return out;
    if (!spec.isObject()) {
        errors->append(u"%1: expected an object of field: values"_s.arg(where));
        return out;
    }
    const QJsonObject object = spec.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString at = where + u'.' + it.key();
        Condition c;
        c.field = it.key();
        const QJsonValue rule = it.value();
        if (it.key().isEmpty()) {
            errors->append(u"%1: a field name cannot be empty"_s.arg(where));
            continue;
        }
        if (rule.isArray()) {
            c.values = rule.toArray();
        } else if (rule.isObject()) {
            const QJsonObject o = rule.toObject();
            if (o.size() != 1 || (!o.contains("not"_L1) && !o.contains("present"_L1))) {
                errors->append(
                    u"%1: expected [values], a value, {\"not\": [values]} or {\"present\": true|false}"_s
                        .arg(at));
                continue;
            }
            if (o.contains("not"_L1)) {
                c.test = Condition::Test::NoneOf;
                const QJsonValue n = o.value("not"_L1);
                c.values = n.isArray() ? n.toArray() : QJsonArray {n};
            } else if (o.value("present"_L1).isBool()) {
                c.test = o.value("present"_L1).toBool() ? Condition::Test::Present
                                                        : Condition::Test::Absent;
            } else {
                errors->append(u"%1.present: expected a boolean"_s.arg(at));
                continue;
            }
        } else {
            c.values = QJsonArray {rule}; // one value: equals
        }
        out.append(c);
    }
    return out;
}
