#include "sqlitefile.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace SqliteFile {

bool open(const QString &connection, const QString &path, const QString &what,
          const QStringList &schema, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=2000"_s);
    if (!db.open()) {
        if (error)
            *error = u"%1: cannot open %2: %3"_s.arg(path, what, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    const QStringList statements =
        QStringList {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s} + schema;
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            if (error)
                *error = u"%1: %2"_s.arg(path, q.lastError().text());
            return false;
        }
    }
    return true;
}

void close(const QString &connection)
{
    if (!QSqlDatabase::contains(connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

} // namespace SqliteFile
