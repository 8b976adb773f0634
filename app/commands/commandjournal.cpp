#include "commandjournal.h"

#include "core/sqlitefile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
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
    SqliteFile::close(m_connection);
}

QString CommandJournal::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"feedwatch.sqlite"_s);
}

bool CommandJournal::exec(const QString &sql, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(sql))
        return true;
    if (error)
        *error = u"%1: %2"_s.arg(m_path, q.lastError().text());
    return false;
}

bool CommandJournal::open(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto lock = std::make_unique<QLockFile>(path + u".lock"_s);
    lock->setStaleLockTime(0); // stale only when its process is gone, however long it ran
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString app;
        lock->getLockInfo(&pid, &host, &app);
        if (error) {
            *error = lock->error() == QLockFile::LockFailedError
                ? u"%1 is in use by another Feedwatch process (pid %2)"_s.arg(path).arg(pid)
                : u"%1: cannot create the lock file %1.lock"_s.arg(path);
        }
        return false;
    }
    m_path = path;
    const QStringList schema = {
        u"CREATE TABLE IF NOT EXISTS commands ("
        "seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, feed TEXT NOT NULL, "
        "name TEXT NOT NULL, args TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, "
        "created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, last_sent_ms INTEGER NOT NULL, "
        "error TEXT, ack_timeouts INTEGER NOT NULL DEFAULT 0, refused INTEGER NOT NULL DEFAULT 0, "
        "request TEXT NOT NULL DEFAULT '')"_s,
    };
    if (!SqliteFile::open(m_connection, path, u"the journal"_s, schema, error))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // Files written before these columns existed get them, with the value they would have had.
    QSqlQuery columns(db);
    QStringList present;
    if (columns.exec(u"PRAGMA table_info(commands)"_s)) {
        while (columns.next())
            present << columns.value(1).toString();
    }
    const QList<std::pair<QString, QString>> added = {
        {u"ack_timeouts"_s, u"INTEGER NOT NULL DEFAULT 0"_s},
        {u"refused"_s, u"INTEGER NOT NULL DEFAULT 0"_s},
        {u"request"_s, u"TEXT NOT NULL DEFAULT ''"_s}, // the HTTP request; '' for WebSocket ones
    };
    for (const auto &[column, type] : added) {
        if (!present.contains(column)
            && !exec(u"ALTER TABLE commands ADD COLUMN %1 %2"_s.arg(column, type), error))
            return false;
    }
    m_lock = std::move(lock);
    m_open = true;
    return true;
}

bool CommandJournal::insert(CommandRecord *record, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(u"INSERT INTO commands (id, feed, name, args, status, attempts, created_ms, "
              "updated_ms, last_sent_ms, error, ack_timeouts, refused, request) "
              "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
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
    q.addBindValue(record->ackTimeouts);
    q.addBindValue(record->refused ? 1 : 0);
    // "{}" for a WebSocket command: the column is never NULL.
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(record->request.toJson()).toJson(QJsonDocument::Compact)));
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
    // created_ms too: a retry is a fresh request whose age starts again.
    q.prepare(u"UPDATE commands SET status=?, attempts=?, ack_timeouts=?, refused=?, "
              "created_ms=?, updated_ms=?, last_sent_ms=?, error=? WHERE id=?"_s);
    q.addBindValue(Command::statusName(record.status));
    q.addBindValue(record.attempts);
    q.addBindValue(record.ackTimeouts);
    q.addBindValue(record.refused ? 1 : 0);
    q.addBindValue(record.createdWallMs);
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
    const QString columns =
        u"SELECT seq, id, feed, name, args, status, attempts, created_ms, "
        "updated_ms, last_sent_ms, error, ack_timeouts, refused, request FROM commands "_s;
    q.exec(columns
           + (unfinishedOnly ? u"WHERE status IN ('queued','sent') ORDER BY created_ms, seq"_s
                             : u"ORDER BY created_ms, seq"_s));
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
        r.ackTimeouts = q.value(11).toInt();
        r.refused = q.value(12).toInt() != 0;
        r.request = CommandRequest::fromJson(
            QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object());
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
