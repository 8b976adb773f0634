#include "tls.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QSslCertificate>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

int portOf(const QUrl &url)
{
    const bool secure = url.scheme() == "wss"_L1 || url.scheme() == "https"_L1;
    return url.port(secure ? 443 : 80);
}

QString nameOf(const QSslCertificate &certificate, bool issuer)
{
    const QStringList cn = issuer ? certificate.issuerInfo(QSslCertificate::CommonName)
                                  : certificate.subjectInfo(QSslCertificate::CommonName);
    const QStringList org = issuer ? certificate.issuerInfo(QSslCertificate::Organization)
                                   : certificate.subjectInfo(QSslCertificate::Organization);
    QStringList parts;
    if (!cn.isEmpty())
        parts << u"CN=%1"_s.arg(cn.join(u", "_s));
    if (!org.isEmpty())
        parts << u"O=%1"_s.arg(org.join(u", "_s));
    return parts.join(u", "_s);
}

QStringList namesIn(const QSslCertificate &certificate)
{
    QStringList names;
    const auto alternates = certificate.subjectAlternativeNames();
    for (auto it = alternates.begin(); it != alternates.end(); ++it)
        names << it.value();
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    return names;
}

struct Problem
{
    QString code;
    QString text;
};

// Priority order: the first problem is the one the message leads with.
QList<Problem> problemsOf(const QList<QSslError> &errors, const QSslCertificate &leaf,
                          const QString &host)
{
    QList<Problem> out;
    auto add = [&](const QString &code, const QString &text) {
        if (std::none_of(out.begin(), out.end(), [&](const Problem &p) { return p.code == code; }))
            out.append({code, text});
    };
    const QString date = u"yyyy-MM-dd"_s;
    for (const QSslError &e : errors) {
        switch (e.error()) {
        case QSslError::SelfSignedCertificate:
            add(u"self_signed"_s, u"it is self-signed"_s);
            break;
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
            add(u"unknown_ca"_s,
                u"it was issued by a CA that is not trusted (%1)"_s.arg(nameOf(leaf, true)));
            break;
        case QSslError::HostNameMismatch:
            add(u"host_mismatch"_s,
                u"it was issued for %1, not for %2"_s.arg(namesIn(leaf).join(u", "_s), host));
            break;
        case QSslError::CertificateExpired:
            add(u"expired"_s,
                u"it expired on %1"_s.arg(e.certificate().expiryDate().toUTC().toString(date)));
            break;
        case QSslError::CertificateNotYetValid:
            add(u"not_yet_valid"_s,
                u"it is not valid before %1"_s.arg(
                    e.certificate().effectiveDate().toUTC().toString(date)));
            break;
        case QSslError::CertificateRevoked:
            add(u"revoked"_s, u"it was revoked"_s);
            break;
        default:
            add(u"other"_s, e.errorString());
            break;
        }
    }
    static const QStringList order = {u"self_signed"_s, u"unknown_ca"_s,    u"host_mismatch"_s,
                                      u"expired"_s,     u"not_yet_valid"_s, u"revoked"_s,
                                      u"other"_s};
    std::stable_sort(out.begin(), out.end(), [](const Problem &a, const Problem &b) {
        return order.indexOf(a.code) < order.indexOf(b.code);
    });
    return out;
}

QSslCertificate leafOf(const QSslCertificate &peer, const QList<QSslError> &errors)
{
    if (!peer.isNull())
        return peer;
    for (const QSslError &e : errors) {
        if (!e.certificate().isNull())
            return e.certificate();
    }
    return QSslCertificate();
}

QJsonObject certificateFields(const QUrl &url, const QSslCertificate &leaf)
{
    return {{u"host"_s, url.host()},
            {u"port"_s, portOf(url)},
            {u"fingerprint_sha256"_s, Tls::fingerprint(leaf)},
            {u"subject"_s, nameOf(leaf, false)},
            {u"issuer"_s, nameOf(leaf, true)},
            {u"not_before"_s, leaf.effectiveDate().toUTC().toString(Qt::ISODate)},
            {u"not_after"_s, leaf.expiryDate().toUTC().toString(Qt::ISODate)}};
}

// Parsed once per process: Qt reads ~300 system certificates, about 0.2 s.
const QList<QSslCertificate> &systemCaCertificates()
{
    static const QList<QSslCertificate> certificates = QSslConfiguration::systemCaCertificates();
    return certificates;
}

} // namespace

namespace Tls {

QSslConfiguration configuration(const TlsSpec &spec)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (!spec.caPem.isEmpty()) {
        // addCaCertificates() on the default configuration would switch off Qt's on-demand
        // loading of the system CAs and leave only the private CA: set both explicitly.
        configuration.setCaCertificates(systemCaCertificates()
                                        + QSslCertificate::fromData(spec.caPem, QSsl::Pem));
    }
    return configuration;
}

QString fingerprint(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

Verdict check(const TlsSpec &spec, const QUrl &url, const QSslCertificate &peer,
              const QList<QSslError> &errors)
{
    Verdict verdict;
    const QSslCertificate leaf = leafOf(peer, errors);
    const QString host = url.host();
    const int port = portOf(url);
    const QString sha256 = TlsConfig::normalizeFingerprint(fingerprint(leaf));
    QList<QSslError> remaining;
    if (!leaf.isNull() && spec.isTrusted(host, port, sha256)) {
        for (const QSslError &e : errors) {
            // Only errors that name the pinned certificate itself; an error about another
            // certificate of the chain, or about none, is not covered by the pin.
            if (e.certificate() == leaf)
                verdict.ignore.append(e);
            else
                remaining.append(e);
        }
        if (remaining.isEmpty() && !verdict.ignore.isEmpty()) {
            verdict.pinned = true;
            return verdict;
        }
        verdict.ignore.clear();
    } else {
        remaining = errors;
    }

    const QList<Problem> problems = problemsOf(remaining, leaf, host);
    QStringList texts;
    QJsonArray codes;
    for (const Problem &p : problems) {
        texts << p.text;
        codes.append(p.code);
    }
    const QString target = u"%1:%2"_s.arg(host).arg(port);
    const QString primary = problems.isEmpty() ? QString() : problems.first().code;
    QString fix;
    if (primary == "host_mismatch"_L1)
        fix = u"connect with a host name the certificate names, or have it reissued for %1"_s.arg(
            host);
    else if (primary == "expired"_L1 || primary == "not_yet_valid"_L1)
        fix = u"have the server's certificate renewed (or check this machine's clock)"_s;
    else
        fix = u"set tls.ca_file to the PEM file of the CA that issued it"_s;
    const QString text =
        u"TLS: the certificate of %1 is not trusted: %2 (SHA-256 %3). To connect, %4; or, after "
        "checking the fingerprint, trust this certificate for %1 (tls.trusted_certificates, or "
        "\"Trust this certificate…\" in the window)"_s.arg(target, texts.join(u"; "_s),
                                                           fingerprint(leaf), fix);
    QJsonArray qtErrors;
    for (const QSslError &e : remaining)
        qtErrors.append(e.errorString());
    verdict.problem = certificateFields(url, leaf);
    verdict.problem.insert(u"error"_s, text);
    verdict.problem.insert(u"problem"_s, primary);
    verdict.problem.insert(u"problems"_s, codes);
    verdict.problem.insert(u"errors"_s, qtErrors);
    return verdict;
}

QJsonObject pinnedFields(const QUrl &url, const QSslCertificate &peer,
                         const QList<QSslError> &errors)
{
    QJsonObject fields = certificateFields(url, leafOf(peer, errors));
    QJsonArray ignored;
    for (const QSslError &e : errors)
        ignored.append(e.errorString());
    fields.insert(u"ignored_errors"_s, ignored);
    return fields;
}

} // namespace Tls
