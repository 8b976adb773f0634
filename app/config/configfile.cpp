#include "configfile.h"

#include "core/redaction.h"
#include "core/securefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// A URL with user:password@ or a ?token= query is as secret as auth.token: `server`, `url` and
// `snapshot_url` at any depth (backends, feeds).
bool holdsCredentialUrl(const QJsonValue &value)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(),
                           [](const QJsonValue &v) { return holdsCredentialUrl(v); });
    }
    if (!value.isObject())
        return false;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const bool urlKey =
            it.key() == "server"_L1 || it.key() == "url"_L1 || it.key() == "snapshot_url"_L1;
        if (urlKey && it.value().isString()
            && Redaction::urlHasCredentials(QUrl(it.value().toString())))
            return true;
        if (holdsCredentialUrl(it.value()))
            return true;
    }
    return false;
}

bool holdsToken(const QJsonObject &root)
{
    if (root.value("auth"_L1).toObject().contains("token"_L1))
        return true;
    const QJsonObject backends = root.value("backends"_L1).toObject();
    return std::any_of(backends.begin(), backends.end(), [](const QJsonValue &backend) {
        return backend.toObject().value("auth"_L1).toObject().contains("token"_L1);
    });
}
} // namespace

namespace ConfigFile {

bool containsSecret(const QJsonObject &root)
{
    return holdsToken(root) || holdsCredentialUrl(root);
}

bool read(const QString &path, QJsonObject *root, QString *error)
{
    *root = {};
    if (path.isEmpty() || !QFileInfo::exists(path))
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(
            path, QCoreApplication::translate("Config", "cannot read: %1").arg(file.errorString()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = u"%1: %2"_s.arg(path,
                                 QCoreApplication::translate("Config", "not a JSON object (%1)")
                                     .arg(parseError.errorString()));
        return false;
    }
    *root = doc.object();
    return true;
}

QStringList write(const QString &path, const QJsonObject &root)
{
    const ConfigResult check = ConfigLoader::fromJson(root);
    if (!check.ok())
        return check.errors;
    if (path.isEmpty())
        return {QCoreApplication::translate("Config", "no configuration file to write to")};
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QByteArray data = QJsonDocument(root).toJson(QJsonDocument::Indented);
    // QSaveFile creates 0666 & ~umask (0644) and keeps an existing file's mode: wrong for a
    // token. A file with one is created 0600 before the first byte is written.
    if (containsSecret(root)) {
        const QString error = SecureFile::writeAtomically(path, data);
        return error.isEmpty() ? QStringList() : QStringList {error};
    }
    QSaveFile file(path); // a temporary file renamed over `path` by commit()
    if (!file.open(QIODevice::WriteOnly))
        return {u"%1: %2"_s.arg(
            path,
            QCoreApplication::translate("Config", "cannot write: %1").arg(file.errorString()))};
    file.write(data);
    if (!file.commit())
        return {u"%1: %2"_s.arg(
            path,
            QCoreApplication::translate("Config", "cannot write: %1").arg(file.errorString()))};
    return {};
}

void setValue(QJsonObject &root, const QString &dottedKey, const QJsonValue &value)
{
    const qsizetype dot = dottedKey.indexOf(u'.');
    if (dot < 0) {
        if (value.isNull() || value.isUndefined())
            root.remove(dottedKey);
        else
            root.insert(dottedKey, value);
        return;
    }
    const QString head = dottedKey.left(dot);
    QJsonObject child = root.value(head).toObject();
    setValue(child, dottedKey.mid(dot + 1), value);
    if (child.isEmpty())
        root.remove(head);
    else
        root.insert(head, child);
}

QJsonValue value(const QJsonObject &root, const QString &dottedKey)
{
    const qsizetype dot = dottedKey.indexOf(u'.');
    if (dot < 0)
        return root.value(dottedKey);
    return value(root.value(dottedKey.left(dot)).toObject(), dottedKey.mid(dot + 1));
}

} // namespace ConfigFile
