#include "messagedecoder.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace MessageDecoder {

DecodedMessage decode(const QByteArray &utf8)
{
    DecodedMessage out;
    if (utf8.trimmed().isEmpty()) {
        out.error = u"empty message"_s;
        return out;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out.error = u"malformed JSON at offset %1: %2"_s.arg(parseError.offset)
                        .arg(parseError.errorString());
        return out;
    }
    if (!doc.isObject()) {
        out.error =
            doc.isArray() ? u"expected a JSON object, got an array"_s : u"expected a JSON object"_s;
        return out;
    }
    out.object = doc.object();
    // One lookup per field: on a small snapshot each costs a noticeable share of the parse.
    const QJsonValue type = out.object.value("type"_L1);
    out.type = type.toString();
    if (!type.isString() || out.type.isEmpty()) {
        out.type.clear();
        out.error = type.isUndefined() ? u"message has no \"type\""_s
                                       : u"\"type\" must be a non-empty string"_s;
        return out;
    }

    if (out.type.endsWith("_update"_L1)) {
        out.data = out.object.value("data"_L1);
        if (out.data.isUndefined()) {
            out.error = u"%1 has no \"data\""_s.arg(out.type);
            return out;
        }
        if (!out.data.isObject() && !out.data.isArray()) {
            out.error = u"%1: \"data\" must be an object or an array"_s.arg(out.type);
            return out;
        }
        out.kind = DecodedMessage::Kind::Snapshot;
    } else if (out.type == "hello"_L1) {
        out.kind = DecodedMessage::Kind::Hello;
    } else if (out.type == "pong"_L1) {
        out.kind = DecodedMessage::Kind::Pong;
    } else if (out.type == "ack"_L1) {
        const QJsonValue id = out.object.value("id"_L1);
        if (!id.isString() || id.toString().isEmpty()) {
            out.error = u"ack without a non-empty string \"id\""_s;
            return out;
        }
        out.kind = DecodedMessage::Kind::Ack;
        out.ackId = id.toString();
        // The command is known by its id: a garbled rest still answers it, never as a silent
        // success, and never as a refusal the server did not make.
        const QJsonValue ok = out.object.value("ok"_L1);
        const QJsonValue error = out.object.value("error"_L1);
        if (!ok.isBool()) {
            out.ackOutcome = AckOutcome::Unreadable;
            out.ackError = u"the server's ack has no boolean \"ok\""_s;
        } else if (ok.toBool()) {
            out.ackOutcome = AckOutcome::Applied;
        } else {
            out.ackOutcome = AckOutcome::Refused;
            out.ackError = error.isString() && !error.toString().isEmpty()
                ? error.toString()
                : u"refused by the server (no reason given)"_s;
        }
    } else if (out.type == "error"_L1) {
        out.kind = DecodedMessage::Kind::Error;
    } else {
        out.kind = DecodedMessage::Kind::Unknown;
        out.error = u"unknown message type \"%1\""_s.arg(out.type);
    }
    return out;
}

bool isSnapshotFor(const DecodedMessage &message, const QString &expectedType)
{
    return message.kind == DecodedMessage::Kind::Snapshot
        && (expectedType.isEmpty() || message.type == expectedType);
}

} // namespace MessageDecoder
