#include "statedelegate.h"

#include "healthpalette.h"
#include "models/connectionsmodel.h"

#include <QPainter>
#include <QPixmap>

StateDelegate::StateDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void StateDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // Live with data the profile does not describe is amber, like a link that is not right yet.
    const QColor colour =
        HealthPalette::state(index.data(ConnectionsModel::DataProblemRole).toBool()
                                 ? Feed::State::ReconnectWait
                                 : index.data(ConnectionsModel::StateRole).value<Feed::State>());
    QIcon &dot = m_dots[colour.rgb()];
    if (dot.isNull()) {
        QPixmap pixmap(20, 20);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawEllipse(QRectF(2, 2, 16, 16));
        p.end();
        dot = QIcon(pixmap);
    }
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->icon = dot;
    option->decorationSize = QSize(11, 11);
}
