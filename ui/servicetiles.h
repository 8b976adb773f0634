#pragma once

#include "catalog/feeddefinition.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class FeedTableModel;
class QFrame;
class QLabel;

// A feed's rows at a glance, where the profile asks for it ("widget": {"kind":
// "service_cards"}): one small card per row (a name, the status colour and word, a figure and a
// line of text, from the row fields the profile names), built from the feed table's rows so it
// always agrees with the table below.
class ServiceTiles final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceTiles)

public:
    explicit ServiceTiles(QWidget *parent = nullptr);

    void setModel(FeedTableModel *model);
    // Which row fields a card shows; `columns` format the figure like its table column.
    void setFields(const FeedDefinition::Widget &widget, const QList<FeedColumn> &columns);
    int tileCount() const;
    // "backend_api: healthy", for tests.
    QString tileSummary(int index) const;
    // The status colour along a card's left edge, for tests.
    QColor tileAccent(int index) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Tile
    {
        QFrame *frame = nullptr;
        QLabel *name = nullptr;
        QLabel *status = nullptr;
        QLabel *message = nullptr;
        QLabel *response = nullptr;
        // What the widgets show now: a busy feed rebuilds ~30 times a second, and most cards
        // have not changed.
        QString shownName;
        QString shownStatus;
        QString shownMessage;
        QString shownResponse;
        int shownTone = -1;
        int shownWidth = 0;
    };

    void rebuild();
    Tile makeTile();

    QPointer<FeedTableModel> m_model;
    FeedDefinition::Widget m_fields;
    FeedColumn m_figure;
    QList<Tile> m_tiles;
    int m_tileWidth = 180;
};
