#include "models/feedschemas.h"
#include "models/feedtablemodel.h"
#include "servicetiles.h"

#include <QApplication>
#include <QFrame>
#include <QJsonDocument>
#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QJsonValue snapshot(const QString &bStatus, int bResponseMs)
{
    return QJsonDocument::fromJson(
               u"{\"services\":{\"a\":{\"name\":\"a\",\"status\":\"healthy\",\"message\":\"ok\","
               "\"response_time_ms\":10},\"b\":{\"name\":\"b\",\"status\":\"%1\",\"message\":"
               "\"ok\",\"response_time_ms\":%2},\"c\":{\"name\":\"c\",\"status\":\"healthy\","
               "\"message\":\"ok\",\"response_time_ms\":30}},\"overall_status\":\"healthy\"}"_s
                   .arg(bStatus)
                   .arg(bResponseMs)
                   .toUtf8())
        .object();
}

// Counts style changes (a style sheet being set, i.e. a re-polish) per watched widget.
class StyleCounter final : public QObject
{
public:
    QHash<QObject *, int> counts;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::StyleChange)
            ++counts[watched];
        return false;
    }
};
} // namespace

class tst_ServiceTiles : public QObject
{
    Q_OBJECT

private slots:
    void restylesOnlyTheCardsThatChanged();
};

void tst_ServiceTiles::restylesOnlyTheCardsThatChanged()
{
    FeedTableModel model(FeedSchemas::forSnapshotType(u"system_status_update"_s));
    ServiceTiles tiles;
    tiles.setModel(&model);
    tiles.resize(800, 200);
    tiles.show();
    model.applySnapshot(snapshot(u"healthy"_s, 20));
    QCOMPARE(tiles.tileCount(), 3);
    QCOMPARE(tiles.tileSummary(1), u"b: healthy"_s);

    StyleCounter counter;
    const QList<QWidget *> widgets = tiles.findChildren<QWidget *>();
    for (QWidget *w : widgets)
        w->installEventFilter(&counter);

    // Only b's response time moved: texts update, no card is re-styled.
    model.applySnapshot(snapshot(u"healthy"_s, 25));
    QVERIFY(counter.counts.isEmpty());
    QVERIFY(tiles.findChildren<QLabel *>().size() > 0);
    bool sawNewTime = false;
    for (const QLabel *label : tiles.findChildren<QLabel *>())
        sawNewTime = sawNewTime || label->text() == "25 ms"_L1;
    QVERIFY(sawNewTime);

    // b turns down: b's card and status are re-styled, the others are left alone.
    model.applySnapshot(snapshot(u"down"_s, 25));
    QCOMPARE(tiles.tileSummary(1), u"b: down"_s);
    QSet<QWidget *> restyledCards;
    for (auto it = counter.counts.cbegin(); it != counter.counts.cend(); ++it) {
        auto *w = qobject_cast<QWidget *>(it.key());
        while (w && w->objectName() != "serviceTile"_L1)
            w = w->parentWidget();
        QVERIFY(w);
        restyledCards.insert(w);
    }
    QCOMPARE(restyledCards.size(), 1);

    // A palette change repaints every card in the new colours.
    counter.counts.clear();
    QPalette palette = tiles.palette();
    palette.setColor(QPalette::Base, Qt::darkGray);
    tiles.setPalette(palette);
    int restyledFrames = 0;
    for (QFrame *frame : tiles.findChildren<QFrame *>(u"serviceTile"_s))
        restyledFrames += counter.counts.value(frame) > 0 ? 1 : 0;
    QCOMPARE(restyledFrames, 3);
}

QTEST_MAIN(tst_ServiceTiles)
#include "tst_servicetiles.moc"
