#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

class QIODevice;

// A minimal .zip writer (PKWARE APPNOTE 6.3: local headers, central directory, no ZIP64) for
// the diagnostics archive. Qt 6.4 has no public zip class (QZipWriter is private API) and the
// archive must open on any desktop without tar, so we write the format ourselves: entries are
// deflated with qCompress's zlib stream (header and Adler-32 stripped), or stored when that is
// not smaller. Names are UTF-8 (flag bit 11). Up to 4 GiB and 65535 entries.
class ZipWriter final
{
    Q_DISABLE_COPY_MOVE(ZipWriter)

public:
    explicit ZipWriter(QIODevice *device);

    // Appends one file; false (errorString()) when the device refused a write.
    bool addFile(const QString &name, const QByteArray &data,
                 const QDateTime &modified = QDateTime::currentDateTime());
    // Writes the central directory; the archive is complete after it.
    bool finish();
    QString errorString() const { return m_error; }

    static quint32 crc32(const QByteArray &data);

private:
    struct Entry
    {
        QByteArray name;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint16 method = 0;
        quint16 dosTime = 0;
        quint16 dosDate = 0;
        quint32 offset = 0;
    };
    bool write(const QByteArray &bytes);

    QIODevice *m_device;
    QList<Entry> m_entries;
    quint32 m_offset = 0;
    QString m_error;
};
