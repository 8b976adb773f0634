#pragma once

#include "config/config.h"

#include <QJsonObject>
#include <QString>

// Reading and writing the configuration file for the settings dialog. A write is validated first
// and goes to a temporary file that replaces the old one only when complete, so a good file is
// never overwritten by a bad or half-written one.
namespace ConfigFile {
// The file's JSON object; an empty object when the file does not exist. False (and `error`)
// when it exists but cannot be read or is not a JSON object.
bool read(const QString &path, QJsonObject *root, QString *error);
// Validates `root` with ConfigLoader, then writes it (0600 when it contains a secret). Returns the
// loader's errors (each naming its key) or the I/O error; empty on success.
QStringList write(const QString &path, const QJsonObject &root);
// True when `root` holds a token (auth.token at the top or in a backend): such a file is
// written mode 0600.
bool containsSecret(const QJsonObject &root);
// Sets a dotted key ("backoff.initial_ms", "auth.token") in `root`; a null value removes it.
void setValue(QJsonObject &root, const QString &dottedKey, const QJsonValue &value);
QJsonValue value(const QJsonObject &root, const QString &dottedKey);
} // namespace ConfigFile
