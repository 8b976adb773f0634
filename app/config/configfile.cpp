#include "configfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace ConfigFile {

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
    QSaveFile file(path); // a temporary file renamed over `path` by commit()
    if (!file.open(QIODevice::WriteOnly))
        return {u"%1: %2"_s.arg(
            path,
            QCoreApplication::translate("Config", "cannot write: %1").arg(file.errorString()))};
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
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
