// libFuzzer target: command acks. Whatever a server sends as {"type":"ack",...}, the decoder
// either rejects it with a reason or yields an ack with an id, and a failed ack always says why.
#include "protocol/messagedecoder.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // Half the inputs are taken as they are, half as the body of an ack object, so the fuzzer
    // spends its time on the fields after "type":"ack".
    const QByteArray message =
        size % 2 ? bytes : QByteArray(R"({"type":"ack",)") + bytes + QByteArray("}");
    const DecodedMessage decoded = MessageDecoder::decode(message);
    if (decoded.kind == DecodedMessage::Kind::Ack) {
        if (decoded.ackId.isEmpty())
            std::abort(); // an ack must name its command
        if ((decoded.ackOutcome == AckOutcome::Applied) == !decoded.ackError.isEmpty())
            std::abort(); // success has no error; a refused or unreadable ack always has one
    } else if (decoded.kind == DecodedMessage::Kind::Invalid && decoded.error.isEmpty()) {
        std::abort(); // a rejected message always says why
    }
    return 0;
}
