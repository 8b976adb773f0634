#include "config/config.h"
#include "models/feedtablemodel.h"
#include "servicetiles.h"
#include "statusstyle.h"

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
    // The profile's cards name the row fields: a name, the message, a figure (uptime here).
    const FeedDefinition system = ConfigLoader::defaultProfile()->definitionFor(u"system-status"_s);
    FeedDefinition::Widget fields = system.widget;
    fields.figure = u"response_time_ms"_s;
    FeedColumn response;
    response.field = u"response_time_ms"_s;
    response.kind = FeedColumn::Kind::Number;
    response.suffix = u" ms"_s;
    FeedTableModel model(system.schema);
    ServiceTiles tiles;
    tiles.setFields(fields, {response});
    tiles.setModel(&model);
    tiles.resize(800, 200);
    tiles.show();
    model.applySnapshot(snapshot(u"healthy"_s, 20));
    QCOMPARE(tiles.tileCount(), 3);
    QCOMPARE(tiles.tileSummary(1), u"b: healthy"_s);
    const QColor healthy = StatusStyle::color(StatusStyle::toneForStatus(u"healthy"_s));
    QCOMPARE(tiles.tileAccent(1), healthy);

    // No card is ever styled through a style sheet: each one re-parses and re-polishes.
    StyleCounter counter;
    const QList<QWidget *> widgets = tiles.findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        QVERIFY(w->styleSheet().isEmpty());
        w->installEventFilter(&counter);
    }

    // Only b's response time moved: its text changes, nothing is re-styled.
    model.applySnapshot(snapshot(u"healthy"_s, 25));
    QVERIFY(counter.counts.isEmpty());
    bool sawNewTime = false;
    for (const QLabel *label : tiles.findChildren<QLabel *>())
        sawNewTime = sawNewTime || label->text() == "25 ms"_L1;
    QVERIFY(sawNewTime);

    // b goes down: b's card and status take the new colour, the others keep theirs.
    model.applySnapshot(snapshot(u"down"_s, 25));
    QCOMPARE(tiles.tileSummary(1), u"b: down"_s);
    const QColor down = StatusStyle::color(StatusStyle::toneForStatus(u"down"_s));
    QVERIFY(down != healthy);
    QCOMPARE(tiles.tileAccent(1), down);
    QCOMPARE(tiles.tileAccent(0), healthy);
    QCOMPARE(tiles.tileAccent(2), healthy);
    QVERIFY(counter.counts.isEmpty());
}

QTEST_MAIN(tst_ServiceTiles)
#include "tst_servicetiles.moc"
