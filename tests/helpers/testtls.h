#pragma once

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>

class QTemporaryDir;

// The test certificates of tests/resources/tls/ (README there), compiled in as :/tls/. Names:
// "ca" (the test CA), "server" (localhost/127.0.0.1, by the CA), "other-host" (other.invalid,
// by the CA), "expired" (by the CA, 2000-2001), "selfsigned" (localhost/127.0.0.1, no CA).
namespace TestTls {
QByteArray pem(const QString &name);
// A server-side configuration with `name`'s certificate and key; clients are not verified.
QSslConfiguration serverConfiguration(const QString &name);
// "AB:CD:…" of `name`'s certificate.
QString fingerprint(const QString &name);
// Writes `name`.pem into `dir` (feedwatch reads tls.ca_file from disk) and returns its path.
QString writePem(const QTemporaryDir &dir, const QString &name);
} // namespace TestTls
