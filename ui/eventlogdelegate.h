#pragma once

#include <QStyledItemDelegate>

// Event log cells: rows from an earlier session in grey italics, feed ids in a fixed font.
class EventLogDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogDelegate)

public:
    explicit EventLogDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
