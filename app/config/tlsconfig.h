#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// The "tls" settings of a backend (docs/cli.md). Qt's certificate verification always stays on;
// these only widen what it accepts: a private CA next to the system CAs, and certificates the
// operator pinned for one host:port.
struct TlsSpec
{
    struct Trusted
    {
        QString host; // lower case, as QUrl::host() gives it
        int port = 443;
        QString sha256; // 64 lower-case hex digits, no colons
    };

    QString caFile;         // tls.ca_file as configured
    QByteArray caPem;       // its contents, read when the configuration loads
    QList<Trusted> trusted; // tls.trusted_certificates

    bool isTrusted(const QString &host, int port, const QString &sha256) const;
};

namespace TlsConfig {
// Parses a "tls" object; errors name the key, prefixed with `where` ("backends.prod.").
TlsSpec parse(const QJsonValue &value, const QString &where, QStringList &errors);
// A backend's own tls on top of the top-level one: its ca_file wins, pins add up.
TlsSpec merge(const TlsSpec &global, const TlsSpec &backend);
// "AB:CD:…", "ab cd …" or "abcd…" -> 64 lower-case hex digits; empty when it is not a SHA-256.
QString normalizeFingerprint(const QString &text);
// Adds {"host","port","sha256"} to the top-level tls.trusted_certificates of a configuration
// file's JSON (once; pins are per host:port, so the top level serves every backend).
void addTrustedCertificate(QJsonObject &root, const QString &host, int port, const QString &sha256);
} // namespace TlsConfig
