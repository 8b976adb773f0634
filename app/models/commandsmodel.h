#pragma once

#include "commands/commandrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

class Clock;

// The operator's commands for the commands view, newest first: what was asked, where it goes,
// how far it got. Fed by the command queue's signals (through FeedHub); knows nothing of
// sockets. Ages move with time: the view calls tick() once a second.
class CommandsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandsModel)

public:
    enum Column {
        IdColumn,
        FeedColumn,
        NameColumn,
        ArgsColumn,
        StateColumn,
        AttemptsColumn,
        AgeColumn,
        ErrorColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole,
        FeedIdRole,
        StatusRole, // Command::Status
        RecordRole, // CommandRecord
        CanCancelRole,
        CanRetryRole,
        // The state in the feeds' status words (queued, in_progress, completed, failed,
        // unknown), so views colour it like any other status.
        StatusKeyRole,
    };
    Q_ENUM(Role)

    explicit CommandsModel(const Clock *clock = nullptr, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int rowOf(const QString &id) const { return m_rowOfId.value(id, -1); }
    CommandRecord recordAt(int row) const { return m_rows.value(row); }
    CommandRecord record(const QString &id) const { return m_rows.value(rowOf(id)); }
    // Queued or sent; for one feed, or all when `feedId` is empty.
    int pendingCount(const QString &feedId = {}) const;
    // Feeds with at least one pending command.
    QStringList pendingFeeds() const;
    void setClock(const Clock *clock);

    static QString statusText(Command::Status status);
    static QString argsText(const QJsonObject &args);
    static bool canCancel(const CommandRecord &record);
    static bool canRetry(const CommandRecord &record);

public slots:
    void upsert(const CommandRecord &record);
    void reset(const QList<CommandRecord> &records);
    void tick();

signals:
    // The pending count of `feedId` may have changed.
    void pendingChanged(const QString &feedId);

private:
    void rebuildIndex();

    const Clock *m_clock;
    QList<CommandRecord> m_rows; // newest first
    QHash<QString, int> m_rowOfId;
};
