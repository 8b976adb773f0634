#include "tlsconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxCaFileBytes = 4 * 1024 * 1024;

// Core-only check (the fuzzed loader links no TLS library): at least one PEM certificate block
// whose body is valid base64. Qt parses the DER when a socket is set up.
QString checkPem(const QByteArray &pem)
{
    static const QRegularExpression block(
        u"-----BEGIN CERTIFICATE-----([^-]*)-----END CERTIFICATE-----"_s);
    int count = 0;
    auto it = block.globalMatch(QString::fromLatin1(pem));
    while (it.hasNext()) {
        const QByteArray body = it.next().captured(1).toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(
            QByteArray(body).replace('\n', "").replace('\r', "").replace(' ', ""),
            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return QCoreApplication::translate("Config", "a certificate block is not valid base64");
        ++count;
    }
    return count > 0 ? QString()
                     : QCoreApplication::translate(
                         "Config", "no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
}

QByteArray readCaFile(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QCoreApplication::translate("Config", "'%1': no such file").arg(path);
        return {};
    }
    if (!info.isFile() || info.size() > kMaxCaFileBytes) {
        *error = QCoreApplication::translate("Config", "'%1': not a regular file of at most 4 MiB")
                     .arg(path);
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Config", "'%1': cannot read: %2")
                     .arg(path, file.errorString());
        return {};
    }
    const QByteArray pem = file.read(kMaxCaFileBytes);
    const QString problem = checkPem(pem);
    if (!problem.isEmpty()) {
        *error = u"'%1': %2"_s.arg(path, problem);
        return {};
    }
    return pem;
}

} // namespace

bool TlsSpec::isTrusted(const QString &host, int port, const QString &sha256) const
{
    return std::any_of(trusted.begin(), trusted.end(), [&](const Trusted &t) {
        return t.port == port && t.sha256 == sha256
            && t.host.compare(host, Qt::CaseInsensitive) == 0;
    });
}

namespace TlsConfig {

QString normalizeFingerprint(const QString &text)
{
    QString hex;
    for (const QChar c : text) {
        if (c == u':' || c.isSpace())
            continue;
        if (!((c >= u'0' && c <= u'9') || (c.toLower() >= u'a' && c.toLower() <= u'f')))
            return {};
        hex += c.toLower();
    }
    return hex.size() == 64 ? hex : QString();
}

TlsSpec parse(const QJsonValue &value, const QString &where, QStringList &errors)
{
    TlsSpec tls;
    if (value.isUndefined() || value.isNull())
        return tls;
    if (!value.isObject()) {
        errors << u"%1tls: %2"_s.arg(where,
                                     QCoreApplication::translate("Config", "expected an object"));
        return tls;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != "ca_file"_L1 && it.key() != "trusted_certificates"_L1)
            errors << u"%1tls.%2: %3"_s.arg(where, it.key(),
                                            QCoreApplication::translate("Config", "unknown key"));
    }
    if (object.contains("ca_file"_L1)) {
        const QJsonValue ca = object.value("ca_file"_L1);
        QString error;
        if (!ca.isString() || ca.toString().isEmpty())
            error = QCoreApplication::translate("Config", "expected the path of a PEM file");
        else
            tls.caPem = readCaFile(ca.toString(), &error);
        if (error.isEmpty())
            tls.caFile = ca.toString();
        else
            errors << u"%1tls.ca_file: %2"_s.arg(where, error);
    }
    const QJsonValue pins = object.value("trusted_certificates"_L1);
    if (!pins.isUndefined() && !pins.isArray())
        errors << u"%1tls.trusted_certificates: %2"_s.arg(
            where, QCoreApplication::translate("Config", "expected an array"));
    const QJsonArray array = pins.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = u"%1tls.trusted_certificates[%2]"_s.arg(where).arg(i);
        const QJsonObject entry = array.at(i).toObject();
        if (!array.at(i).isObject()) {
            errors << u"%1: %2"_s.arg(
                at,
                QCoreApplication::translate("Config", "expected {\"host\", \"port\", \"sha256\"}"));
            continue;
        }
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            if (it.key() != "host"_L1 && it.key() != "port"_L1 && it.key() != "sha256"_L1)
                errors << u"%1.%2: %3"_s.arg(at, it.key(),
                                             QCoreApplication::translate("Config", "unknown key"));
        }
        TlsSpec::Trusted pin;
        pin.host = entry.value("host"_L1).toString().toLower();
        const QJsonValue port = entry.value("port"_L1);
        pin.port = port.toInt(-1);
        pin.sha256 = normalizeFingerprint(entry.value("sha256"_L1).toString());
        bool ok = true;
        if (pin.host.isEmpty()) {
            errors << u"%1.host: %2"_s.arg(
                at, QCoreApplication::translate("Config", "missing or empty"));
            ok = false;
        }
        if (!port.isDouble() || port.toDouble() != double(pin.port) || pin.port < 1
            || pin.port > 65535) {
            errors << u"%1.port: %2"_s.arg(
                at, QCoreApplication::translate("Config", "expected a port number 1-65535"));
            ok = false;
        }
        if (pin.sha256.isEmpty()) {
            errors << u"%1.sha256: %2"_s.arg(
                at,
                QCoreApplication::translate(
                    "Config", "expected a SHA-256 fingerprint (64 hex digits, colons allowed)"));
            ok = false;
        }
        if (ok)
            tls.trusted.append(pin);
    }
    return tls;
}

TlsSpec merge(const TlsSpec &global, const TlsSpec &backend)
{
    TlsSpec out = global;
    if (!backend.caFile.isEmpty()) {
        out.caFile = backend.caFile;
        out.caPem = backend.caPem;
    }
    out.trusted += backend.trusted;
    return out;
}

void addTrustedCertificate(QJsonObject &root, const QString &host, int port, const QString &sha256)
{
    QJsonObject tls = root.value("tls"_L1).toObject();
    QJsonArray pins = tls.value("trusted_certificates"_L1).toArray();
    const QString normalized = normalizeFingerprint(sha256);
    for (const QJsonValue &pin : std::as_const(pins)) {
        const QJsonObject o = pin.toObject();
        if (o.value("host"_L1).toString().compare(host, Qt::CaseInsensitive) == 0
            && o.value("port"_L1).toInt() == port
            && normalizeFingerprint(o.value("sha256"_L1).toString()) == normalized)
            return;
    }
    pins.append(
        QJsonObject {{u"host"_s, host.toLower()}, {u"port"_s, port}, {u"sha256"_s, sha256}});
    tls.insert("trusted_certificates"_L1, pins);
    root.insert("tls"_L1, tls);
}

} // namespace TlsConfig
