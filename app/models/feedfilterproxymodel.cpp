#include "feedfilterproxymodel.h"

#include "models/feedtablemodel.h"

FeedFilterProxyModel::FeedFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FeedTableModel::RawValueRole);
    setDynamicSortFilter(true);
}

void FeedFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    invalidateFilter();
}

void FeedFilterProxyModel::setStatusFilter(const QSet<QString> &statuses)
{
    QSet<QString> normalized;
    for (const QString &status : statuses)
        normalized.insert(FeedTableModel::normalizedStatus(status));
    if (normalized == m_statusFilter)
        return;
    m_statusFilter = normalized;
    invalidateFilter();
}

bool FeedFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!m_statusFilter.isEmpty()) {
        const QString status =
            model->index(sourceRow, 0, sourceParent).data(FeedTableModel::StatusRole).toString();
        if (!m_statusFilter.contains(status))
            return false;
    }
    if (m_filterText.isEmpty())
        return true;
    // The status column shows a translated label: an operator types what they see.
    if (const auto *table = qobject_cast<const FeedTableModel *>(model);
        table && table->statusColumn() >= 0) {
        const QString status =
            model->index(sourceRow, 0, sourceParent).data(FeedTableModel::StatusRole).toString();
        if (FeedTableModel::statusText(status).contains(m_filterText, Qt::CaseInsensitive))
            return true;
    }
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        const QString text = model->index(sourceRow, column, sourceParent).data().toString();
        if (text.contains(m_filterText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
