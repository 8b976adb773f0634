// libFuzzer target: MessageDecoder::decode must accept any bytes a server can send.
#include "protocol/messagedecoder.h"

#include <QByteArray>

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
    return 0;
}
