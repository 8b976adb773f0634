#pragma once

#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

// A ConnectionsModel state cell: the state's colour as a dot before the text.
class StateDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateDelegate)

public:
    explicit StateDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    mutable QHash<QRgb, QIcon> m_dots;
};
