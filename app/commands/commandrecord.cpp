#include "commandrecord.h"

#include "commands/actioncatalog.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Command {

QString statusName(Status status)
{
    switch (status) {
    case Status::Queued:
        return u"queued"_s;
    case Status::Sent:
        return u"sent"_s;
    case Status::Acked:
        return u"acked"_s;
    case Status::Failed:
        return u"failed"_s;
    case Status::Expired:
        return u"expired"_s;
    case Status::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

bool statusFromName(const QString &name, Status *status)
{
    for (Status s : {Status::Queued, Status::Sent, Status::Acked, Status::Failed, Status::Expired,
                     Status::Cancelled}) {
        if (statusName(s) == name) {
            *status = s;
            return true;
        }
    }
    return false;
}

QString ownerFeed(const QString &commandName)
{
    if (const CommandAction *action = ActionCatalog::builtIn().find(commandName))
        return action->feed;
    if (commandName.startsWith("queue."_L1))
        return u"queue"_s;
    if (commandName.startsWith("workflow."_L1))
        return u"workflows"_s;
    return {};
}

} // namespace Command

QByteArray CommandRecord::wireMessage() const
{
    const QJsonObject message {
        {u"type"_s, u"command"_s}, {u"id"_s, id}, {u"name"_s, name}, {u"args"_s, args}};
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

QString CommandRequest::summary() const
{
    return isHttp() ? method + u' ' + path : QString();
}

QByteArray CommandRequest::bodyBytes() const
{
    if (body.isObject())
        return QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    if (body.isArray())
        return QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    return {};
}

QJsonObject CommandRequest::toJson() const
{
    if (!isHttp())
        return {};
    QJsonObject out {{u"method"_s, method}, {u"path"_s, path}};
    if (!body.isUndefined())
        out.insert(u"body"_s, body);
    if (!failsWhen.isEmpty())
        out.insert(u"fails_when"_s, failsWhen);
    return out;
}

CommandRequest CommandRequest::fromJson(const QJsonObject &object)
{
    CommandRequest out;
    out.method = object.value("method"_L1).toString();
    out.path = object.value("path"_L1).toString();
    out.body = object.value("body"_L1);
    out.failsWhen = object.value("fails_when"_L1).toObject();
    return out;
}
