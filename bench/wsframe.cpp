#include "wsframe.h"

#include <QCryptographicHash>

namespace WsFrame {

QByteArray serverFrame(quint8 opcode, const QByteArray &payload)
{
    QByteArray out;
    const qsizetype n = payload.size();
    out.reserve(n + 10);
    out.append(char(0x80 | opcode));
    if (n < 126) {
        out.append(char(n));
    } else if (n <= 0xffff) {
        out.append(char(126));
        out.append(char((n >> 8) & 0xff));
        out.append(char(n & 0xff));
    } else {
        out.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((quint64(n) >> shift) & 0xff));
    }
    out.append(payload);
    return out;
}

QByteArray closeFrame(quint16 code, const QByteArray &reason)
{
    QByteArray payload;
    payload.append(char(code >> 8));
    payload.append(char(code & 0xff));
    payload.append(reason.left(120));
    return serverFrame(Close, payload);
}

QByteArray acceptKey(const QByteArray &key)
{
    return QCryptographicHash::hash(key.trimmed() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                    QCryptographicHash::Sha1)
        .toBase64();
}

bool takeFrame(QByteArray &buffer, Frame *frame)
{
    if (buffer.size() < 2)
        return false;
    const auto *p = reinterpret_cast<const uchar *>(buffer.constData());
    const bool masked = p[1] & 0x80;
    quint64 length = p[1] & 0x7f;
    qsizetype at = 2;
    if (length == 126) {
        if (buffer.size() < 4)
            return false;
        length = (quint64(p[2]) << 8) | p[3];
        at = 4;
    } else if (length == 127) {
        if (buffer.size() < 10)
            return false;
        length = 0;
        for (int i = 0; i < 8; ++i)
            length = (length << 8) | p[2 + i];
        at = 10;
    }
    const qsizetype maskAt = at;
    if (masked)
        at += 4;
    if (quint64(buffer.size() - at) < length)
        return false;
    frame->fin = p[0] & 0x80;
    frame->opcode = p[0] & 0x0f;
    frame->payload = buffer.mid(at, qsizetype(length));
    if (masked) {
        char *d = frame->payload.data();
        for (qsizetype i = 0; i < frame->payload.size(); ++i)
            d[i] = char(d[i] ^ buffer.at(maskAt + (i % 4)));
    }
    buffer.remove(0, at + qsizetype(length));
    return true;
}

} // namespace WsFrame
