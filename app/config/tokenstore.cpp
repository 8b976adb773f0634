#include "tokenstore.h"

#include "config/config.h"
#include "core/redaction.h"
#include "core/securefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

#ifdef FEEDWATCH_HAVE_QTKEYCHAIN
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QEventLoop>
#include <QLibrary>
#include <QTimer>
#include <qt6keychain/keychain.h>
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxTokenFileBytes = 64 * 1024;

#ifdef FEEDWATCH_HAVE_QTKEYCHAIN
const QString kService = u"Feedwatch"_s;

QString keychainKey(const QString &backend)
{
    return u"token/"_s + backend;
}

// QtKeychain jobs are asynchronous; config loading is not. A keychain that never answers must
// not hang the start-up, so the wait is bounded (an unlock prompt has this long).
bool runJob(QKeychain::Job &job, QString *error)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never QtKeychain's plain-text QSettings fallback
    bool done = false;
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    job.start();
    if (!done)
        loop.exec();
    if (!done) {
        *error = u"the keychain did not answer within 60 s"_s;
        return false;
    }
    if (job.error() != QKeychain::NoError) {
        *error = job.errorString().isEmpty() ? u"keychain error %1"_s.arg(int(job.error()))
                                             : job.errorString();
        return false;
    }
    return true;
}
#endif

} // namespace

TokenStore::TokenStore(const QString &filePath)
    : m_filePath(filePath.isEmpty() ? defaultFilePath() : filePath)
{ }

bool TokenStore::keychainBuiltIn()
{
#ifdef FEEDWATCH_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

QString TokenStore::defaultFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(u"tokens.json"_s);
}

TokenStore::Probe TokenStore::probe() const
{
#ifndef FEEDWATCH_HAVE_QTKEYCHAIN
    return {false, u"built without QtKeychain"_s};
#else
    if (qEnvironmentVariable("FEEDWATCH_TOKEN_STORE") == "file"_L1)
        return {false, u"FEEDWATCH_TOKEN_STORE=file"_s};
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        const QString why = bus.lastError().message();
        return {false,
                why.isEmpty() ? u"no D-Bus session bus"_s
                              : u"no D-Bus session bus (%1)"_s.arg(why)};
    }
    QDBusConnectionInterface *iface = bus.interface();
    const QStringList activatable = iface->activatableServiceNames().value();
    auto present = [&](const QString &name) {
        return iface->isServiceRegistered(name).value() || activatable.contains(name);
    };
    if (present(u"org.kde.kwalletd5"_s) || present(u"org.kde.kwalletd"_s))
        return {true, u"KWallet"_s};
    if (present(u"org.freedesktop.secrets"_s)) {
        // QtKeychain loads libsecret at run time; without it the Secret Service is unusable.
        if (!QLibrary(u"secret-1"_s, 0).load())
            return {false, u"a Secret Service is running, but libsecret-1-0 is not installed"_s};
        return {true, u"Secret Service"_s};
    }
    return {false, u"no Secret Service (org.freedesktop.secrets) or KWallet on the session bus"_s};
#endif
}

TokenStore::Lookup TokenStore::read(const QString &backend) const
{
    Lookup out;
    QString keychainNote;
#ifdef FEEDWATCH_HAVE_QTKEYCHAIN
    const Probe p = probe();
    if (p.keychainReachable) {
        QKeychain::ReadPasswordJob job(kService);
        job.setKey(keychainKey(backend));
        QString error;
        if (runJob(job, &error)) {
            out.found = true;
            out.token = job.textData();
            out.place = Place::Keychain;
            return out;
        }
        keychainNote = u"keychain (%1): %2"_s.arg(p.reason, error);
    } else {
        keychainNote = u"keychain: %1"_s.arg(p.reason);
    }
#else
    keychainNote = u"keychain: %1"_s.arg(probe().reason);
#endif
    QString fileError;
    out.token = readFile(backend, &fileError);
    out.found = !out.token.isEmpty();
    out.place = Place::File;
    if (!out.found)
        out.error = u"%1; %2"_s.arg(fileError, keychainNote);
    return out;
}

QString TokenStore::write(const QString &backend, const QString &token, Place *place) const
{
#ifdef FEEDWATCH_HAVE_QTKEYCHAIN
    if (probe().keychainReachable) {
        QKeychain::WritePasswordJob job(kService);
        job.setKey(keychainKey(backend));
        job.setTextData(token);
        QString error;
        if (runJob(job, &error)) {
            if (place)
                *place = Place::Keychain;
            // No second copy: a stale token in the file would outlive a rotation.
            if (QFileInfo::exists(m_filePath))
                writeFile(backend, QString());
            return {};
        }
    }
#endif
    if (place)
        *place = Place::File;
    return writeFile(backend, token);
}

QString TokenStore::remove(const QString &backend) const
{
#ifdef FEEDWATCH_HAVE_QTKEYCHAIN
    if (probe().keychainReachable) {
        QKeychain::DeletePasswordJob job(kService);
        job.setKey(keychainKey(backend));
        QString ignored; // "not found" is fine
        runJob(job, &ignored);
    }
#endif
    return QFileInfo::exists(m_filePath) ? writeFile(backend, QString()) : QString();
}

QString TokenStore::readFile(const QString &backend, QString *error) const
{
    if (!QFileInfo::exists(m_filePath)) {
        *error = QCoreApplication::translate("Config", "%1: no such file").arg(m_filePath);
        return {};
    }
    // A token file others can read (or swap) is not a secret any more: refuse, say how to fix.
    QString problem = SecureFile::checkDirectory(QFileInfo(m_filePath).absolutePath());
    if (problem.isEmpty())
        problem = SecureFile::checkPrivate(m_filePath);
    if (!problem.isEmpty()) {
        *error = problem;
        return {};
    }
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Config", "%1: cannot read: %2")
                     .arg(m_filePath, file.errorString());
        return {};
    }
    const QJsonObject tokens = QJsonDocument::fromJson(file.read(kMaxTokenFileBytes))
                                   .object()
                                   .value("tokens"_L1)
                                   .toObject();
    const QString token = tokens.value(backend).toString();
    if (token.isEmpty())
        *error = QCoreApplication::translate("Config", "%1: no token for backend '%2'")
                     .arg(m_filePath, backend);
    return token;
}

QString TokenStore::writeFile(const QString &backend, const QString &token) const
{
    const QString dirError =
        SecureFile::ensurePrivateDirectory(QFileInfo(m_filePath).absolutePath());
    if (!dirError.isEmpty())
        return dirError;
    QJsonObject root;
    QFile existing(m_filePath);
    if (existing.open(QIODevice::ReadOnly))
        root = QJsonDocument::fromJson(existing.read(kMaxTokenFileBytes)).object();
    QJsonObject tokens = root.value("tokens"_L1).toObject();
    if (token.isEmpty())
        tokens.remove(backend);
    else
        tokens.insert(backend, token);
    root.insert("tokens"_L1, tokens);
    return SecureFile::writeAtomically(m_filePath, QJsonDocument(root).toJson());
}

QString TokenStore::readTokenFile(const QString &path, QString *error)
{
    const QString problem = SecureFile::checkPrivate(path);
    if (!problem.isEmpty()) {
        *error = problem;
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("Config", "%1: cannot read: %2")
                     .arg(path, file.errorString());
        return {};
    }
    const QString token = QString::fromUtf8(file.read(kMaxTokenFileBytes)).trimmed();
    if (token.isEmpty())
        *error = QCoreApplication::translate("Config", "%1: empty").arg(path);
    return token;
}

void TokenStore::resolve(Config &config, QStringList &errors) const
{
    for (BackendSpec &backend : config.backends) {
        AuthSpec &auth = backend.auth;
        const QString where = config.backends.size() > 1 || backend.name != "default"_L1
            ? u"backends.%1."_s.arg(backend.name)
            : QString();
        if (auth.token.isEmpty() && !auth.tokenFile.isEmpty()) {
            QString error;
            auth.token = readTokenFile(auth.tokenFile, &error);
            if (!error.isEmpty())
                errors << u"%1auth.token_file: %2"_s.arg(where, error);
        } else if (auth.token.isEmpty() && auth.tokenStore) {
            const Lookup lookup = read(backend.name);
            auth.token = lookup.token;
            if (!lookup.found)
                errors << u"%1auth.token_store: %2"_s.arg(
                    where,
                    QCoreApplication::translate(
                        "Config",
                        "no token stored for backend '%1' (%2); save one in "
                        "Settings, or give it with --set "
                        "auth.token=… or auth.token_file")
                        .arg(backend.name, lookup.error));
        }
        // Qt drops a subprotocol that is not an RFC 7230 token with only a warning, and the
        // server never sees the credential: say so when loading instead.
        if (auth.mode == AuthSpec::Mode::Subprotocol) {
            const auto bad = std::find_if(auth.token.begin(), auth.token.end(), [](QChar c) {
                return !(c.isLetterOrNumber() && c.unicode() < 128)
                    && !QStringView(u"!#$%&'*+-.^_`|~").contains(c);
            });
            if (bad != auth.token.end())
                errors << u"%1auth.mode: %2"_s.arg(
                    where,
                    QCoreApplication::translate("Config",
                                                "the token cannot be sent as a WebSocket "
                                                "subprotocol: it contains '%1' (allowed: "
                                                "letters, digits and !#$%&'*+-.^_`|~); use "
                                                "auth.mode header or query")
                        .arg(*bad));
        }
        Redaction::addSecret(auth.token);
        for (FeedSpec &feed : config.feeds) {
            if (feed.backend == backend.name)
                feed.auth = auth;
        }
    }
}
