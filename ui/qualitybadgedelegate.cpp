#include "qualitybadgedelegate.h"

#include "healthpalette.h"
#include "models/connectionsmodel.h"

#include <QApplication>
#include <QPainter>

QualityBadgeDelegate::QualityBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void QualityBadgeDelegate::paintBadge(QPainter *painter, const QRect &cell, Quality::Tier tier,
                                      const QString &text, const QFont &font)
{
    QFont bold = font;
    bold.setWeight(QFont::DemiBold);
    const QFontMetrics fm(bold);
    const int h = std::min(cell.height() - 4, fm.height() + 2);
    const int w = std::min(cell.width() - 8, fm.horizontalAdvance(text) + 16);
    const QRectF pill(cell.left() + 4, cell.top() + (cell.height() - h) / 2.0, w, h);
    const QColor bg = HealthPalette::quality(tier);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(bg);
    painter->drawRoundedRect(pill, h / 2.0, h / 2.0);
    painter->setPen(HealthPalette::textOn(bg));
    painter->setFont(bold);
    painter->drawText(pill, Qt::AlignCenter, fm.elidedText(text, Qt::ElideRight, w - 8));
    painter->restore();
}

void QualityBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const auto tier = index.data(ConnectionsModel::QualityRole).value<Quality::Tier>();
    paintBadge(painter, opt.rect, tier, text, opt.font);
}

QSize QualityBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 24;
    return size;
}
