#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace Command {
Q_NAMESPACE
enum class Status { Queued, Sent, Acked, Failed, Expired, Cancelled };
Q_ENUM_NS(Status)
QString statusName(Status status); // "queued", "sent", "acked", ...
bool statusFromName(const QString &name, Status *status);
} // namespace Command

// One operator action, as journaled: written before it is sent, updated at every step.
struct CommandRecord
{
    QString id; // uuid, kept across resends so the server can de-duplicate
    QString feedId;
    QString name; // "queue.pause", ...
    QJsonObject args;
    Command::Status status = Command::Status::Queued;
    int attempts = 0;
    qint64 createdWallMs = 0;
    qint64 updatedWallMs = 0;
    qint64 lastSentWallMs = 0;
    QString error;
    qint64 seq = 0; // journal order

    bool isFinished() const
    {
        return status != Command::Status::Queued && status != Command::Status::Sent;
    }
    // {"type":"command","id":...,"name":...,"args":{...}}
    QByteArray wireMessage() const;
};

Q_DECLARE_METATYPE(CommandRecord)
