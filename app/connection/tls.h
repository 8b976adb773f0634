#pragma once

#include "config/tlsconfig.h"

#include <QJsonObject>
#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

class QSslCertificate;

// TLS for every socket Feedwatch opens (the feed's WebSocket, the test connection, the HTTP
// poller), from one TlsSpec. Qt's verification stays on; Feedwatch never calls the blanket
// ignoreSslErrors(). The one exception is a certificate the operator pinned for host:port, and
// then only the errors that name exactly that certificate are ignored.
namespace Tls {

// Qt's default configuration (VerifyPeer, system CAs). With tls.ca_file its certificates are
// added to the system CAs, not put in their place: a private CA must not make every public
// server untrusted.
QSslConfiguration configuration(const TlsSpec &spec);
// "AB:CD:…", the SHA-256 of the DER, as `openssl x509 -fingerprint -sha256` prints it.
QString fingerprint(const QSslCertificate &certificate);

struct Verdict
{
    bool pinned = false; // every error is about the pinned certificate: ignore `ignore`
    QList<QSslError> ignore;
    QJsonObject problem; // when not pinned: the tls_error fields (docs/events.md)
    QString text() const { return problem.value(QLatin1StringView("error")).toString(); }
};
// Judges the errors of a handshake with `url` (host and port; wss/https default to 443).
// `peer` may be null; the certificate then comes from the errors.
Verdict check(const TlsSpec &spec, const QUrl &url, const QSslCertificate &peer,
              const QList<QSslError> &errors);
// The `tls_pinned` fields for a connection accepted through a pin.
QJsonObject pinnedFields(const QUrl &url, const QSslCertificate &peer,
                         const QList<QSslError> &errors);

} // namespace Tls
