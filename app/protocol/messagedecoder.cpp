#include "messagedecoder.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringEncoder>

#include <simdjson.h>

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

Peek peekSnapshot(QStringView message, QByteArrayView type)
{
    // One parser and one buffer per thread (the engine's): simdjson keeps its working memory
    // sized to the largest message it has seen, and reads up to SIMDJSON_PADDING bytes past the
    // end of its input, so the UTF-8 goes into a buffer with that much room to spare.
    thread_local simdjson::dom::parser parser;
    thread_local QByteArray buffer;
    thread_local QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);

    const qsizetype room =
        encoder.requiredSpace(message.size()) + qsizetype(simdjson::SIMDJSON_PADDING);
    if (buffer.size() < room)
        buffer.resize(room);
    char *const begin = buffer.data();
    char *const end = encoder.appendToBuffer(begin, message);
    Peek out;
    out.utf8 = QByteArrayView(begin, end - begin);
    if (!type.endsWith("_update"))
        return out; // decode() would not call it a snapshot

    simdjson::dom::element root;
    if (parser.parse(begin, size_t(end - begin), false).get(root) != simdjson::SUCCESS)
        return out;
    simdjson::dom::object object;
    std::string_view messageType;
    simdjson::dom::element data;
    if (root.get_object().get(object) != simdjson::SUCCESS
        || object.at_key("type").get_string().get(messageType) != simdjson::SUCCESS
        || QByteArrayView(messageType.data(), qsizetype(messageType.size())) != type
        || object.at_key("data").get(data) != simdjson::SUCCESS)
        return out;
    out.isSnapshot = data.is_object() || data.is_array();
    return out;
}

} // namespace MessageDecoder
