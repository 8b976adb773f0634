#include "actioncatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcActions, "feedwatch.commands.actions", QtWarningMsg)

namespace {
const QStringList knownKeys = {u"name"_s,        u"feed"_s,    u"scope"_s,  u"label"_s,
                               u"description"_s, u"confirm"_s, u"method"_s, u"path"_s,
                               u"body"_s,        u"args"_s,    u"when"_s,   u"fails_when"_s};
const QStringList methods = {u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s};

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
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

bool parseAction(const QJsonValue &value, const QString &where, CommandAction *action,
                 QStringList *errors)
{
    if (!value.isObject()) {
        errors->append(u"%1: expected an object, got %2"_s.arg(where, typeName(value)));
        return false;
    }
    const QJsonObject o = value.toObject();
    const qsizetype before = errors->size();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!knownKeys.contains(it.key()))
            errors->append(
                u"%1.%2: unknown key (known: %3)"_s.arg(where, it.key(), knownKeys.join(u", "_s)));
    }
    auto string = [&](const QString &key, bool required) {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && !required)
            return QString();
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            errors->append(
                u"%1.%2: expected a non-empty string, got %3"_s.arg(where, key, typeName(v)));
            return QString();
        }
        return v.toString();
    };
    action->name = string(u"name"_s, true);
    action->feed = string(u"feed"_s, true);
    action->label = string(u"label"_s, true);
    action->description = string(u"description"_s, false);
    action->confirm = string(u"confirm"_s, false);
    const QString scope = o.contains("scope"_L1) ? string(u"scope"_s, true) : u"feed"_s;
    if (scope == "row"_L1)
        action->scope = CommandAction::Scope::Row;
    else if (scope == "feed"_L1)
        action->scope = CommandAction::Scope::Feed;
    else if (!scope.isEmpty())
        errors->append(u"%1.scope: expected \"feed\" or \"row\", got \"%2\""_s.arg(where, scope));

    if (o.contains("method"_L1) || o.contains("path"_L1)) {
        action->method = string(u"method"_s, true).toUpper();
        action->path = string(u"path"_s, true);
        if (!action->method.isEmpty() && !methods.contains(action->method))
            errors->append(u"%1.method: expected one of %2, got \"%3\""_s.arg(
                where, methods.join(u", "_s), action->method));
        if (!action->path.isEmpty() && !action->path.startsWith(u'/'))
            errors->append(
                u"%1.path: expected a path starting with /, got \"%2\""_s.arg(where, action->path));
        action->body = o.value("body"_L1);
        if (!action->body.isUndefined() && !action->body.isObject() && !action->body.isArray())
            errors->append(u"%1.body: expected an object or an array, got %2"_s.arg(
                where, typeName(action->body)));
        if (o.contains("args"_L1))
            errors->append(u"%1.args: only a WebSocket action (no method) has args; an HTTP "
                           "action sends its body"_s.arg(where));
    } else {
        if (o.contains("body"_L1))
            errors->append(u"%1.body: a body needs a method and a path"_s.arg(where));
        action->args = o.value("args"_L1);
        if (!action->args.isUndefined() && !action->args.isObject())
            errors->append(
                u"%1.args: expected an object, got %2"_s.arg(where, typeName(action->args)));
    }
    action->when = CommandAction::conditions(o.value("when"_L1), where + u".when"_s, errors);
    const QJsonValue failsWhen = o.value("fails_when"_L1);
    CommandAction::conditions(failsWhen, where + u".fails_when"_s, errors);
    if (failsWhen.isObject() && !action->isHttp())
        errors->append(u"%1.fails_when: only an HTTP action has an answer body"_s.arg(where));
    action->failsWhen = failsWhen.toObject();
    if (action->scope == CommandAction::Scope::Feed && errors->size() == before) {
        // A feed action has no row to fill its templates from; the command line may still
        // pass the values, but the window could not.
        const QStringList needed = action->placeholders();
        for (const QString &field : needed) {
            if (!field.isEmpty() && action->isHttp() && action->path.contains(u'{' + field + u'}'))
                errors->append(
                    u"%1.path: {%2} needs a row; set \"scope\": \"row\""_s.arg(where, field));
        }
    }
    return errors->size() == before;
}
} // namespace

ActionCatalog ActionCatalog::fromJson(const QJsonObject &profile, QStringList *errors)
{
    QStringList local;
    QStringList *out = errors ? errors : &local;
    ActionCatalog catalog;
    catalog.m_profile = profile.value("name"_L1).toString();
    const QJsonValue actions = profile.value("actions"_L1);
    if (actions.isUndefined())
        return catalog;
    if (!actions.isArray()) {
        out->append(u"actions: expected an array, got %1"_s.arg(typeName(actions)));
        return catalog;
    }
    const QJsonArray list = actions.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = u"actions[%1]"_s.arg(i);
        CommandAction action;
        if (!parseAction(list.at(i), where, &action, out))
            continue;
        if (catalog.find(action.name)) {
            out->append(
                u"%1.name: \"%2\" is already the name of another action"_s.arg(where, action.name));
            continue;
        }
        catalog.m_actions.append(action);
    }
    return catalog;
}

ActionCatalog ActionCatalog::load(const QString &path, QStringList *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errors)
            errors->append(u"%1: %2"_s.arg(path, file.errorString()));
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (errors)
            errors->append(parseError.error != QJsonParseError::NoError
                               ? u"%1: malformed JSON at offset %2: %3"_s.arg(path)
                                     .arg(parseError.offset)
                                     .arg(parseError.errorString())
                               : u"%1: expected a JSON object"_s.arg(path));
        return {};
    }
    QStringList found;
    ActionCatalog catalog = fromJson(doc.object(), &found);
    if (errors) {
        for (const QString &e : std::as_const(found))
            errors->append(path + u": "_s + e);
    }
    return catalog;
}

const ActionCatalog &ActionCatalog::builtIn()
{
    static const ActionCatalog catalog = [] {
        QStringList errors;
        ActionCatalog c = load(QString(builtInPath), &errors);
        for (const QString &e : std::as_const(errors))
            qCWarning(lcActions).noquote() << e;
        return c;
    }();
    return catalog;
}

QList<CommandAction> ActionCatalog::forFeed(const QString &feedName) const
{
    QList<CommandAction> out;
    for (const CommandAction &a : m_actions) {
        if (a.feed == feedName)
            out.append(a);
    }
    return out;
}

const CommandAction *ActionCatalog::find(const QString &name) const
{
    for (const CommandAction &a : m_actions) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}
