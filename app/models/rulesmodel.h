#pragma once

#include "rules/rulestatus.h"

#include <QAbstractTableModel>
#include <QStringList>

class Clock;

// The Rules page's table: every alert rule on every feed with its state (ok, pending, firing,
// error), since when, on which rows, silenced until when. Fed with RuleEngine's statuses
// (through FeedHub); rows keep their order and are updated in place.
class RulesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesModel)

public:
    enum Column {
        RuleColumn,
        FeedColumn,
        SeverityColumn,
        StateColumn,
        SinceColumn,
        RowsColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        RuleIdRole = Qt::UserRole, // QString
        FeedIdRole,                // QString
        StateRole,  // QString: ok, pending, firing, error, "no data" (never evaluated)
        DetailRole, // QString: the error, or the rows' messages, one a line
    };
    Q_ENUM(Role)

    explicit RulesModel(const Clock *clock = nullptr, QObject *parent = nullptr);

    void setStatuses(const QList<RuleStatus> &statuses);
    RuleStatus statusAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stateText(RuleStatus::State state);
    // The longest texts `column` shows as statuses change (every state; a time just now, 119 min
    // and 23 h ago), so that a view can size it once instead of measuring every cell on each
    // change.
    // Empty for the columns whose texts come from the rules themselves.
    static QStringList widestTexts(Column column);

private:
    static QString sinceText(qint64 sinceWallMs, qint64 nowWallMs);
    QString sinceText(const RuleStatus &status) const;
    QString detail(const RuleStatus &status) const;

    const Clock *m_clock;
    QList<RuleStatus> m_statuses;
};
