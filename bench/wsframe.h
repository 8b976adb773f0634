#pragma once

#include <QByteArray>

// The few pieces of RFC 6455 the bench server and the byte-sink client need. The bench server
// frames its messages once, up front, so sending one costs a memcpy and nothing else.
namespace WsFrame {
enum Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA
};

struct Frame
{
    quint8 opcode = 0;
    bool fin = true;
    QByteArray payload; // unmasked
};

// One unmasked, unfragmented frame (server to client).
QByteArray serverFrame(quint8 opcode, const QByteArray &payload);
// A close frame with `code` and a short reason.
QByteArray closeFrame(quint16 code, const QByteArray &reason);
// Sec-WebSocket-Accept for a Sec-WebSocket-Key.
QByteArray acceptKey(const QByteArray &key);
// Takes one complete frame off the front of `buffer` (masked or not); false when incomplete.
bool takeFrame(QByteArray &buffer, Frame *frame);
} // namespace WsFrame
