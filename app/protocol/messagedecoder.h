#pragma once

#include <QByteArrayView>
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

// A message checked in full without building it: simdjson validates the JSON and reads two
// fields, several times faster than QJsonDocument builds the tree (docs/performance.md, "Ingest").
struct Peek
{
    // Valid JSON, an object whose "type" is exactly the given type and whose "data" is an
    // object or an array: decode() would make it a snapshot of that type. False says only
    // "decode it to know" (another type, an error, or a number simdjson does not take).
    bool isSnapshot = false;
    // The message as UTF-8 (its size on the wire); valid until the next peek on this thread.
    QByteArrayView utf8;
};
Peek peekSnapshot(QStringView message, QByteArrayView type);
} // namespace MessageDecoder
