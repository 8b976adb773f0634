#pragma once

#include <QSet>
#include <QStyledItemDelegate>

// Paints a feed table's status cells as a coloured dot and word (StatusStyle), percentages with
// a small bar, and id columns in a fixed-pitch font; every other cell is drawn as usual.
class StatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusDelegate)

public:
    explicit StatusDelegate(QObject *parent = nullptr);

    void setStatusColumn(int column) { m_statusColumn = column; }
    // The role holding the status word the colour comes from (FeedTableModel::StatusRole).
    void setStatusRole(int role) { m_statusRole = role; }
    void setMonospaceColumns(const QSet<int> &columns) { m_monospaceColumns = columns; }
    // Percent columns get a small bar beside the number.
    void setPercentColumns(const QSet<int> &columns) { m_percentColumns = columns; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The word a status cell is painted with.
    QString label(const QModelIndex &index) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintPercent(QPainter *painter, const QStyleOptionViewItem &option,
                      const QModelIndex &index) const;

    int m_statusColumn = -1;
    int m_statusRole;
    QSet<int> m_monospaceColumns;
    QSet<int> m_percentColumns;
};
