#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>
#include <QString>

// What an ack says about its command. Only an explicit "ok":false is a refusal (the server
// applied nothing); an ack whose "ok" is missing or not a boolean is unreadable: the command may
// or may not have been applied.
enum class AckOutcome { Applied, Refused, Unreadable };

// One decoded server message (docs/protocol.md).
struct DecodedMessage
{
    enum class Kind { Snapshot, Hello, Pong, Ack, Error, Unknown, Invalid };
    Kind kind = Kind::Invalid;
    QString type;       // the "type" field
    QJsonValue data;    // snapshot data
    QJsonObject object; // the whole message, for hello/pong/ack/error fields
    QString error;      // why the message is Invalid/Unknown, human-readable

    // Kind::Ack: the command id (never empty), what the server said of it, and why not applied
    // (empty only for Applied). A malformed "ok" is Unreadable, with a reason that says so.
    QString ackId;
    AckOutcome ackOutcome = AckOutcome::Unreadable;
    QString ackError;
};

Q_DECLARE_METATYPE(AckOutcome)

namespace MessageDecoder {
// Parses one text message. Never throws, never crashes on any input.
DecodedMessage decode(const QByteArray &utf8);
// `expectedType` empty accepts any "*_update".
bool isSnapshotFor(const DecodedMessage &message, const QString &expectedType);
} // namespace MessageDecoder
