#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace TestUtil {
// Writes `contents` to `name` inside `dir` and returns the full path.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &contents);
// The keyboard accelerators of a menu or button text, lower case: "&Datei" -> {"d"}. "&&" is a
// literal ampersand, "& " none.
QStringList accelerators(const QString &text);
} // namespace TestUtil
