// libFuzzer target: MessageDecoder::decode must accept any bytes a server can send, and
// peekSnapshot() (simdjson) must never call a message a snapshot that decode() does not.
#include "protocol/messagedecoder.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const DecodedMessage decoded = MessageDecoder::decode(bytes);
    // Touch everything a FeedConnection reads from the result.
    MessageDecoder::isSnapshotFor(decoded, QStringLiteral("queue_update"));
    MessageDecoder::isSnapshotFor(decoded, QString());
    (void)decoded.type.size();
    (void)decoded.error.size();
    (void)decoded.object.size();
    (void)decoded.data.type();

    // What a QWebSocket hands over: the bytes as UTF-16 (invalid UTF-8 already replaced).
    const QString message = QString::fromUtf8(bytes);
    const QByteArray utf8 = message.toUtf8();
    const MessageDecoder::Peek peek = MessageDecoder::peekSnapshot(message, "queue_update");
    if (peek.utf8 != utf8)
        __builtin_trap();
    if (peek.isSnapshot
        && !MessageDecoder::isSnapshotFor(MessageDecoder::decode(utf8),
                                          QStringLiteral("queue_update")))
        __builtin_trap();
    return 0;
}
