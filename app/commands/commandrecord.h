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
// The feed whose socket carries a command: the one whose data it changes ("queue.pause" ->
// "queue", "workflow.trigger" -> "workflows"); empty for a name Feedwatch does not know.
QString ownerFeed(const QString &commandName);
} // namespace Command

// One operator action, as journaled: written before it is sent, updated at every step.
struct CommandRecord
{
    QString id; // uuid, kept across resends so the server can de-duplicate
    QString feedId;
    QString name; // "queue.pause", ...
    QJsonObject args;
    Command::Status status = Command::Status::Queued;
    int attempts = 0;    // times it was written to a socket
    int ackTimeouts = 0; // sends whose ack window elapsed in full on a live link
    qint64 createdWallMs = 0;
    qint64 updatedWallMs = 0;
    qint64 lastSentWallMs = 0;
    QString error;
    // The server answered ok:false: it did not apply the command, so a retry is a new request
    // (new id) rather than a resend the server would answer from its de-duplication.
    bool refused = false;
    qint64 seq = 0; // journal order

    bool isFinished() const
    {
        return status != Command::Status::Queued && status != Command::Status::Sent;
    }
    // {"type":"command","id":...,"name":...,"args":{...}}
    QByteArray wireMessage() const;
};

Q_DECLARE_METATYPE(CommandRecord)
