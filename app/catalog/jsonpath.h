#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

// Where a value is inside a snapshot. Two spellings, one meaning: a JSON pointer (RFC 6901,
// "/phases", "/summary/running", "/a~1b" for the key "a/b") or a dot path ("phase_data.title").
// The empty path is the value itself. Profiles use pointers for `data` and dot paths for rows;
// both are accepted everywhere.
namespace JsonPath {
// The parts of `path` ("/a/0/b" -> a, 0, b), or an error naming what is wrong.
QStringList parts(const QString &path, QString *error = nullptr);
// The value at `path`, or Undefined when any step is missing. Array steps take an index.
QJsonValue at(const QJsonValue &root, const QString &path);
QJsonValue at(const QJsonValue &root, const QStringList &parts);
// `root` without the value at `path` (objects only; anything else is returned unchanged).
QJsonValue without(const QJsonValue &root, const QStringList &parts);
// "/features" for display, whatever spelling the path had.
QString pointer(const QStringList &parts);
} // namespace JsonPath
