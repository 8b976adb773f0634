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
// The feed a command belongs to: its action's feed in the built-in profile ("workflow.resume" ->
// "adw-monitor"), else the one whose data its name says it changes ("queue.*" -> "queue",
// "workflow.*" -> "workflows"); empty for a name Feedwatch does not know.
QString ownerFeed(const QString &commandName);
} // namespace Command

// The HTTP request a command carries when its backend takes actions over HTTP (a profile's
// "actions"): method, path already filled from the row, JSON body. Empty method: the command goes
// on its feed's WebSocket as {"type":"command"}.
struct CommandRequest
{
    QString method; // "POST", ...
    QString path;   // "/api/v1/queue/0e6b1a2e-.../execute", percent-encoded, under the server URL
    QJsonValue body = QJsonValue(QJsonValue::Undefined); // undefined: no body
    // Rules that make a 2xx answer a refusal after all (CommandAction::failsWhen).
    QJsonObject failsWhen;

    bool isHttp() const { return !method.isEmpty(); }
    // "POST /api/v1/queue/config/pause", for events and the Commands page.
    QString summary() const;
    QByteArray bodyBytes() const; // compact JSON, empty without a body
    QJsonObject toJson() const;   // the journal's `request` column
    static CommandRequest fromJson(const QJsonObject &object);
};

// One operator action, as journaled: written before it is sent, updated at every step.
struct CommandRecord
{
    QString id; // uuid, kept across resends so the server can de-duplicate
    QString feedId;
    QString name; // "queue.pause", ...
    QJsonObject args;
    CommandRequest request;
    Command::Status status = Command::Status::Queued;
    int attempts = 0; // times it was written to a socket, or sent as an HTTP request
    // Sends that went unanswered: an ack window that elapsed in full on a live link; over HTTP,
    // a 5xx, a timeout or a connection lost before the answer (commands.max_attempts counts them).
    int ackTimeouts = 0;
    qint64 createdWallMs = 0;
    qint64 updatedWallMs = 0;
    qint64 lastSentWallMs = 0;
    // Monotonic (Clock::nowMs), in memory only: windows are measured on these while Feedwatch
    // runs, so a step of the wall clock neither stalls resends nor expires a fresh command. The
    // wall times above carry the age across a restart.
    qint64 createdMs = 0;
    qint64 lastSentMs = 0;
    qint64 nextAttemptMs = 0; // HTTP: not before this (backoff after a failed attempt)
    int httpStatus = 0;       // HTTP: the last answer's status, 0 without one
    QString error;
    // The server answered ok:false (or a refusing HTTP status): it did not apply the command, so
    // a retry is a new request (new id) rather than a resend the server would answer from its
    // de-duplication. False whenever the outcome is unknown.
    bool refused = false;
    qint64 seq = 0; // journal order

    bool isFinished() const
    {
        return status != Command::Status::Queued && status != Command::Status::Sent;
    }
    // {"type":"command","id":...,"name":...,"args":{...}}
    QByteArray wireMessage() const;
};

Q_DECLARE_METATYPE(CommandRequest)
Q_DECLARE_METATYPE(CommandRecord)
