#pragma once

#include <QSortFilterProxyModel>

// Sorts a ConnectionsModel by the measured values (FeedStats), not by their text: "9.50 ms"
// before "12 ms", unmeasured RTTs last, states and quality by severity.
class ConnectionsSortProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsSortProxyModel)

public:
    explicit ConnectionsSortProxyModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};
