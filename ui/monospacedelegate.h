#pragma once

#include <QStyledItemDelegate>

// Shows identifiers (feed ids) in the system's fixed-width font, at the view's size.
class MonospaceDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonospaceDelegate)

public:
    explicit MonospaceDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
