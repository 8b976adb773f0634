#include "eventlogfilterproxymodel.h"

#include "eventlogmodel.h"

using namespace Qt::StringLiterals;

EventLogFilterProxyModel::EventLogFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

QSet<QString> EventLogFilterProxyModel::noiseKinds()
{
    return {u"update"_s, u"latency"_s};
}

void EventLogFilterProxyModel::setFeedFilter(const std::optional<QString> &feed)
{
    if (feed == m_feed)
        return;
    m_feed = feed;
    invalidateRowsFilter();
}

void EventLogFilterProxyModel::setKindFilter(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

void EventLogFilterProxyModel::setHiddenKinds(const QSet<QString> &kinds)
{
    if (kinds == m_hiddenKinds)
        return;
    m_hiddenKinds = kinds;
    invalidateRowsFilter();
}

void EventLogFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

QList<int> EventLogFilterProxyModel::visibleSourceRows() const
{
    QList<int> rows;
    rows.reserve(rowCount());
    for (int r = 0; r < rowCount(); ++r)
        rows.append(mapToSource(index(r, 0)).row());
    return rows;
}

bool EventLogFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *src = sourceModel();
    const QModelIndex first = src->index(sourceRow, 0, sourceParent);
    const QString kind = first.data(EventLogModel::EventKindRole).toString();
    if (!m_kind.isEmpty()) {
        if (kind != m_kind)
            return false;
    } else if (m_hiddenKinds.contains(kind)) {
        // Asking for "latency" by name shows it even with the noise hidden.
        return false;
    }
    if (m_feed && first.data(EventLogModel::FeedIdRole).toString() != *m_feed)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int c = EventLogModel::FeedColumn; c < EventLogModel::ColumnCount; ++c) {
        if (src->index(sourceRow, c, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    // What the row shows is translated; the stream's kind and key=value fields match too.
    return kind.contains(m_text, Qt::CaseInsensitive)
        || first.data(EventLogModel::SummaryRole).toString().contains(m_text, Qt::CaseInsensitive);
}
