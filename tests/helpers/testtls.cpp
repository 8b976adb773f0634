#include "testtls.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {
QByteArray resource(const QString &file)
{
    QFile f(u":/tls/"_s + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test resource :/tls/%s", qPrintable(file));
    return f.readAll();
}
} // namespace

namespace TestTls {

QByteArray pem(const QString &name)
{
    return resource(name + u".pem"_s);
}

QSslConfiguration serverConfiguration(const QString &name)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(pem(name), QSsl::Pem));
    configuration.setPrivateKey(QSslKey(resource(name + u".key"_s), QSsl::Rsa, QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

QString fingerprint(const QString &name)
{
    return QString::fromLatin1(QSslCertificate(pem(name), QSsl::Pem)
                                   .digest(QCryptographicHash::Sha256)
                                   .toHex(':')
                                   .toUpper());
}

QString writePem(const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name + u".pem"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(pem(name));
    return path;
}

} // namespace TestTls
