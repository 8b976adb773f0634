#pragma once

#include "commands/commandrecord.h"

#include <QList>
#include <QString>

#include <memory>

class QLockFile;

// The SQLite journal (QtSql) behind the command queue: every command is written before it is
// sent and updated at every step, so a crash or restart of Feedwatch loses none. One connection
// per journal object; use it from the thread that opened it. The file is locked while open: two
// processes delivering the same journal would send every command twice.
class CommandJournal final
{
    Q_DISABLE_COPY_MOVE(CommandJournal)

public:
    CommandJournal();
    ~CommandJournal();

    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }

    // Assigns record->seq.
    bool insert(CommandRecord *record, QString *error = nullptr);
    bool update(const CommandRecord &record, QString *error = nullptr);
    // Every record in request order (created, then seq); `unfinishedOnly` keeps queued and sent
    // ones.
    QList<CommandRecord> load(bool unfinishedOnly = false) const;
    // Drops finished records older than `wallMs` (keeps the journal small).
    int prune(qint64 olderThanWallMs);
    static QString defaultPath();

private:
    bool exec(const QString &sql, QString *error);

    QString m_connection;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    bool m_open = false;
};
