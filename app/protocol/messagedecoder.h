#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// One decoded server message (docs/protocol.md).
struct DecodedMessage
{
    enum class Kind { Snapshot, Hello, Pong, Ack, Error, Unknown, Invalid };
    Kind kind = Kind::Invalid;
    QString type;       // the "type" field
    QJsonValue data;    // snapshot data
    QJsonObject object; // the whole message, for hello/pong/ack/error fields
    QString error;      // why the message is Invalid/Unknown, human-readable

    // Kind::Ack: the command id (never empty), whether the server applied it, and why not.
    // A malformed "ok" or "error" is an ack that failed, with a reason that says so.
    QString ackId;
    bool ackOk = false;
    QString ackError;
};

namespace MessageDecoder {
// Parses one text message. Never throws, never crashes on any input.
DecodedMessage decode(const QByteArray &utf8);
// `expectedType` empty accepts any "*_update".
bool isSnapshotFor(const DecodedMessage &message, const QString &expectedType);
} // namespace MessageDecoder
