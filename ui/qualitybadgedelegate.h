#pragma once

#include "connection/feedstats.h"

#include <QStyledItemDelegate>

// Draws a ConnectionsModel quality cell as a coloured pill ("excellent" in green, ...).
class QualityBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QualityBadgeDelegate)

public:
    explicit QualityBadgeDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static void paintBadge(QPainter *painter, const QRect &cell, Quality::Tier tier,
                           const QString &text, const QFont &font);
};
