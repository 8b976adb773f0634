#include "zipwriter.h"

#include <QIODevice>
#include <QtEndian>

#include <array>

namespace {
constexpr quint32 kLocalHeader = 0x04034b50;
constexpr quint32 kCentralHeader = 0x02014b50;
constexpr quint32 kEndOfCentral = 0x06054b50;
constexpr quint16 kVersion = 20;        // 2.0: deflate
constexpr quint16 kMadeByUnix = 0x0314; // 3 (Unix) << 8 | 2.0, so the mode below is honoured
constexpr quint16 kUtf8Names = 0x0800;
constexpr quint16 kStored = 0;
constexpr quint16 kDeflated = 8;

void put16(QByteArray &out, quint16 v)
{
    const quint16 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), 2);
}

void put32(QByteArray &out, quint32 v)
{
    const quint32 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), 4);
}

std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table {};
    for (quint32 n = 0; n < 256; ++n) {
        quint32 c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}
} // namespace

ZipWriter::ZipWriter(QIODevice *device)
    : m_device(device)
{ }

quint32 ZipWriter::crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = makeCrcTable();
    quint32 c = 0xffffffffu;
    for (const char byte : data)
        c = table[(c ^ quint8(byte)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

bool ZipWriter::write(const QByteArray &bytes)
{
    if (m_device->write(bytes) != bytes.size()) {
        m_error = m_device->errorString();
        return false;
    }
    m_offset += quint32(bytes.size());
    return true;
}

bool ZipWriter::addFile(const QString &name, const QByteArray &data, const QDateTime &modified)
{
    Entry e;
    e.name = name.toUtf8();
    e.crc = crc32(data);
    e.size = quint32(data.size());
    e.offset = m_offset;
    // qCompress: a 4-byte length, then a zlib stream (2-byte header, raw deflate, Adler-32).
    const QByteArray zlib = data.isEmpty() ? QByteArray() : qCompress(data, 6);
    const QByteArray deflated = zlib.size() > 10 ? zlib.mid(6, zlib.size() - 10) : QByteArray();
    const bool deflate = !deflated.isEmpty() && deflated.size() < data.size();
    const QByteArray &body = deflate ? deflated : data;
    e.method = deflate ? kDeflated : kStored;
    e.compressedSize = quint32(body.size());
    const QDate date = modified.date();
    const QTime time = modified.time();
    // MS-DOS time: 2-second resolution, years from 1980.
    e.dosTime = quint16((time.hour() << 11) | (time.minute() << 5) | (time.second() / 2));
    e.dosDate =
        quint16(((std::max(date.year(), 1980) - 1980) << 9) | (date.month() << 5) | date.day());

    QByteArray header;
    put32(header, kLocalHeader);
    put16(header, kVersion);
    put16(header, kUtf8Names);
    put16(header, e.method);
    put16(header, e.dosTime);
    put16(header, e.dosDate);
    put32(header, e.crc);
    put32(header, e.compressedSize);
    put32(header, e.size);
    put16(header, quint16(e.name.size()));
    put16(header, 0); // extra field length
    header.append(e.name);
    if (!write(header) || !write(body))
        return false;
    m_entries.append(e);
    return true;
}

bool ZipWriter::finish()
{
    const quint32 start = m_offset;
    QByteArray directory;
    for (const Entry &e : std::as_const(m_entries)) {
        put32(directory, kCentralHeader);
        put16(directory, kMadeByUnix);
        put16(directory, kVersion);
        put16(directory, kUtf8Names);
        put16(directory, e.method);
        put16(directory, e.dosTime);
        put16(directory, e.dosDate);
        put32(directory, e.crc);
        put32(directory, e.compressedSize);
        put32(directory, e.size);
        put16(directory, quint16(e.name.size()));
        put16(directory, 0);              // extra field length
        put16(directory, 0);              // comment length
        put16(directory, 0);              // disk number
        put16(directory, 0);              // internal attributes
        put32(directory, 0100600u << 16); // a regular file, rw for the owner only
        put32(directory, e.offset);
        directory.append(e.name);
    }
    QByteArray end;
    put32(end, kEndOfCentral);
    put16(end, 0);
    put16(end, 0);
    put16(end, quint16(m_entries.size()));
    put16(end, quint16(m_entries.size()));
    put32(end, quint32(directory.size()));
    put32(end, start);
    put16(end, 0); // comment length
    return write(directory) && write(end);
}
