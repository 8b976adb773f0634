#pragma once

#include <QString>
#include <QTemporaryDir>

namespace TestUtil {
// Writes `contents` to `name` inside `dir` and returns the full path.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &contents);
} // namespace TestUtil
