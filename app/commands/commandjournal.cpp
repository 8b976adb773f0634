#include "commandjournal.h"

#include <QDir>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::StringLiterals;

CommandJournal::CommandJournal()
    : m_connection(u"feedwatch-journal-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

CommandJournal::~CommandJournal()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString CommandJournal::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"feedwatch.sqlite"_s);
}

bool CommandJournal::open(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        if (error)
            *error = u"%1: cannot open the journal: %2"_s.arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    // WAL + NORMAL survives a crash of the process, which is what the journal is for.
    const QStringList statements = {
        u"PRAGMA journal_mode=WAL"_s,
        u"PRAGMA synchronous=NORMAL"_s,
        u"CREATE TABLE IF NOT EXISTS commands ("
        "seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, feed TEXT NOT NULL, "
        "name TEXT NOT NULL, args TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, "
        "created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, last_sent_ms INTEGER NOT NULL, "
        "error TEXT)"_s,
    };
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            if (error)
                *error = u"%1: %2"_s.arg(path, q.lastError().text());
            return false;
        }
    }
    m_path = path;
    m_open = true;
    return true;
}

bool CommandJournal::insert(CommandRecord *record, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"INSERT INTO commands (id, feed, name, args, status, attempts, created_ms, "
              "updated_ms, last_sent_ms, error) VALUES (?,?,?,?,?,?,?,?,?,?)"_s);
    q.addBindValue(record->id);
    q.addBindValue(record->feedId);
    q.addBindValue(record->name);
    q.addBindValue(QString::fromUtf8(QJsonDocument(record->args).toJson(QJsonDocument::Compact)));
    q.addBindValue(Command::statusName(record->status));
    q.addBindValue(record->attempts);
    q.addBindValue(record->createdWallMs);
    q.addBindValue(record->updatedWallMs);
    q.addBindValue(record->lastSentWallMs);
    q.addBindValue(record->error);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    record->seq = q.lastInsertId().toLongLong();
    return true;
}

bool CommandJournal::update(const CommandRecord &record, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"UPDATE commands SET status=?, attempts=?, updated_ms=?, last_sent_ms=?, error=? "
              "WHERE id=?"_s);
    q.addBindValue(Command::statusName(record.status));
    q.addBindValue(record.attempts);
    q.addBindValue(record.updatedWallMs);
    q.addBindValue(record.lastSentWallMs);
    q.addBindValue(record.error);
    q.addBindValue(record.id);
    if (!q.exec() || q.numRowsAffected() != 1) {
        if (error)
            *error = q.lastError().text().isEmpty() ? u"no such command %1"_s.arg(record.id)
                                                    : q.lastError().text();
        return false;
    }
    return true;
}

QList<CommandRecord> CommandJournal::load(bool unfinishedOnly) const
{
    QList<CommandRecord> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.exec(unfinishedOnly ? u"SELECT seq, id, feed, name, args, status, attempts, created_ms, "
                            "updated_ms, last_sent_ms, error FROM commands WHERE status IN "
                            "('queued','sent') ORDER BY seq"_s
                          : u"SELECT seq, id, feed, name, args, status, attempts, created_ms, "
                            "updated_ms, last_sent_ms, error FROM commands ORDER BY seq"_s);
    while (q.next()) {
        CommandRecord r;
        r.seq = q.value(0).toLongLong();
        r.id = q.value(1).toString();
        r.feedId = q.value(2).toString();
        r.name = q.value(3).toString();
        r.args = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        if (!Command::statusFromName(q.value(5).toString(), &r.status))
            r.status = Command::Status::Failed;
        r.attempts = q.value(6).toInt();
        r.createdWallMs = q.value(7).toLongLong();
        r.updatedWallMs = q.value(8).toLongLong();
        r.lastSentWallMs = q.value(9).toLongLong();
        r.error = q.value(10).toString();
        out.append(r);
    }
    return out;
}

int CommandJournal::prune(qint64 olderThanWallMs)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"DELETE FROM commands WHERE status NOT IN ('queued','sent') AND updated_ms < ?"_s);
    q.addBindValue(olderThanWallMs);
    return q.exec() ? q.numRowsAffected() : 0;
}
