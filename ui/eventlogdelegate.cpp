#include "eventlogdelegate.h"

#include "models/eventlogmodel.h"

#include <QFontDatabase>

EventLogDelegate::EventLogDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void EventLogDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == EventLogModel::FeedColumn) {
        QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (option->font.pointSizeF() > 0)
            fixed.setPointSizeF(option->font.pointSizeF());
        option->font = fixed;
    }
    if (index.data(EventLogModel::EventKindRole).toString() == QLatin1StringView("alert")
        && index.column() != EventLogModel::TimeColumn)
        option->font.setWeight(QFont::DemiBold);
    if (index.data(EventLogModel::EarlierSessionRole).toBool()) {
        option->font.setItalic(true);
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
}
