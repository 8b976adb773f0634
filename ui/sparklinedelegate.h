#pragma once

#include <QStyledItemDelegate>

class Clock;
class FeedHub;

// A ConnectionsModel RTT cell: the value on the right and, left of it, the feed's RTT over the
// last two minutes as a sparkline (FeedHub::latencySamples). A feed that stops answering shows
// a line that ends early, not a flat one.
class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SparklineDelegate)

public:
    explicit SparklineDelegate(FeedHub *hub, QObject *parent = nullptr);

    void setClock(const Clock *clock) { m_clock = clock; }
    qint64 spanMs() const { return m_spanMs; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintSparkline(QPainter *painter, const QRect &rect, const QString &feedId,
                        const QColor &colour) const;

    FeedHub *m_hub;
    const Clock *m_clock;
    qint64 m_spanMs = 2 * 60 * 1000;
    // A longer silence than this breaks the line instead of bridging it.
    qint64 m_gapMs = 12 * 1000;
};
