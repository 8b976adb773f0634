#pragma once

#include "statusstyle.h"

#include <QFrame>
#include <QList>
#include <QPointF>
#include <QStringList>

class QLabel;
class TileText;

// One tile of the Overview: a title, a few lines of text, the tone along its left edge (told in
// the text too, never by colour alone) and, for a backend's connections, a latency sparkline.
// Clicking it, or Enter/Space when it has the focus, asks for the page it stands for.
class OverviewTile final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewTile)

public:
    explicit OverviewTile(const QString &key, QWidget *parent = nullptr);

    QString key() const { return m_key; }
    void setTitle(const QString &title);
    QString title() const;
    void setLines(const QStringList &lines);
    QStringList lines() const { return m_lines; }
    void setTone(StatusStyle::Tone tone);
    StatusStyle::Tone tone() const { return m_tone; }
    // (wall ms, RTT ms) samples between `fromMs` and `toMs`; empty: no sparkline.
    void setSeries(const QList<QPointF> &samples, qint64 fromMs, qint64 toMs);
    bool hasSeries() const { return !m_series.isEmpty(); }

signals:
    void activated(const QString &key);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString m_key;
    QLabel *m_title = nullptr;
    TileText *m_body = nullptr;
    QStringList m_lines;
    StatusStyle::Tone m_tone = StatusStyle::Tone::Idle;
    QList<QPointF> m_series;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};
