#pragma once

#include <QByteArray>
#include <QString>

// Files that hold secrets (a token file, a configuration with a token in it). They are created
// owner-only from their first byte, never chmod-ed afterwards: a reader sees the old file or the
// new one, and no other user ever sees either. Each function returns an empty string on success
// or an error that names the path and says how to fix it.
namespace SecureFile {
// Creates `dir` if missing (the last component with mode 0700). An existing directory must
// belong to this user and must not be writable by group or others, or the file in it could be
// swapped.
QString ensurePrivateDirectory(const QString &dir);
// The same check for a directory that must exist already.
QString checkDirectory(const QString &dir);
// Writes `data` to a new file in the target's directory, created 0600 (mkostemp), then renames
// it over `path`. Never leaves a partial file behind.
QString writeAtomically(const QString &path, const QByteArray &data);
// `path` must be a regular file of this user that group and others cannot access (like ssh
// keys).
QString checkPrivate(const QString &path);
// The permission bits (st_mode & 07777), or -1 when `path` cannot be stat()ed.
int permissions(const QString &path);
} // namespace SecureFile
