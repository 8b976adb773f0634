#pragma once

#include <QString>
#include <QStringList>

// The one way Feedwatch opens its SQLite file (QtSql): a named connection of the calling thread,
// WAL with synchronous=NORMAL (survives a crash of the process), a busy timeout for the second
// connection on the same file, then the caller's schema statements.
namespace SqliteFile {
// `what` names the use in errors ("the journal", "the history").
bool open(const QString &connection, const QString &path, const QString &what,
          const QStringList &schema, QString *error);
// Closes and removes the connection; call on the thread that opened it.
void close(const QString &connection);
} // namespace SqliteFile
