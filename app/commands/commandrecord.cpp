#include "commandrecord.h"

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
