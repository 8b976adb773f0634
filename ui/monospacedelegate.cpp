#include "monospacedelegate.h"

#include <QFontDatabase>

MonospaceDelegate::MonospaceDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void MonospaceDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (option->font.pointSizeF() > 0)
        fixed.setPointSizeF(option->font.pointSizeF());
    option->font = fixed;
}
