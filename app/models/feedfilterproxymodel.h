#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

// Filters a FeedTableModel by text (any column, case-insensitive) and by status, and sorts by
// FeedTableModel::RawValueRole so numbers and timestamps sort as such, not as text.
class FeedFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedFilterProxyModel)

public:
    explicit FeedFilterProxyModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    // Normalized statuses to show ("running", "failed"); empty shows every row.
    QSet<QString> statusFilter() const { return m_statusFilter; }
    void setStatusFilter(const QSet<QString> &statuses);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_filterText;
    QSet<QString> m_statusFilter;
};
