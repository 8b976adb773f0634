#include "models/eventlogmodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
qint64 g_t = 1'790'000'000'000;

FeedEvent makeEvent(const QString &feed, const QString &kind, const QJsonObject &fields = {})
{
    return FeedEvent {++g_t, feed, kind, fields};
}

FeedEvent update(const QString &feed)
{
    return makeEvent(feed, u"update"_s, {{u"type"_s, feed + u"_update"_s}, {u"bytes"_s, 120}});
}

// "kind/feed×count" per row, oldest first.
QStringList rows(const EventLogModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex i = model.index(r, 0);
        out << u"%1/%2x%3"_s
                   .arg(i.data(EventLogModel::EventKindRole).toString(),
                        i.data(EventLogModel::FeedIdRole).toString())
                   .arg(i.data(EventLogModel::CountRole).toInt());
    }
    return out;
}
} // namespace

// Folding of `update` rows: a flood of snapshots keeps one row per feed at the end of the log,
// so the disconnect before it stays on screen.
class tst_EventLogModel : public QObject
{
    Q_OBJECT

private slots:
    void foldsAFloodIntoOneRowPerFeed();
    void anotherEventEndsTheRun();
    void foldsAcrossBatchesWithoutNewRows();
    void earlierSessionsAndTheSwitchDoNotFold();
    void earlierRowsCountedThroughTheTrim();
    void roundTripsFoldLikeUpdates();
    void theRowSaysHowManyAndSinceWhen();
};

void tst_EventLogModel::foldsAFloodIntoOneRowPerFeed()
{
    EventLogModel model(100);
    model.append(makeEvent(u"queue"_s, u"connected"_s));
    model.append(makeEvent(u"routes"_s, u"disconnected"_s, {{u"code"_s, 1006}}));
    for (int i = 0; i < 5000; ++i) {
        model.append(update(u"queue"_s));
        model.append(update(u"workflows"_s));
        if (i % 500 == 0)
            model.flush(); // batches as the timer would cut them
    }
    model.flush();
    // 10000 updates against a capacity of 100: without folding the disconnect would be gone.
    QCOMPARE(rows(model),
             (QStringList {u"connected/queuex1"_s, u"disconnected/routesx1"_s,
                           u"update/queuex5000"_s, u"update/workflowsx5000"_s}));
    // The row shows the newest update; the first one's time is kept.
    const FeedEvent newest = model.eventAt(3);
    QCOMPARE(newest.wallMs, g_t);
    QVERIFY(model.index(3, 0).data(EventLogModel::FirstWallMsRole).toLongLong() < newest.wallMs);
}

void tst_EventLogModel::anotherEventEndsTheRun()
{
    EventLogModel model;
    model.append(update(u"queue"_s));
    model.append(update(u"queue"_s));
    model.append(makeEvent(u"routes"_s, u"disconnected"_s));
    model.append(update(u"queue"_s));
    model.append(update(u"routes"_s));
    model.append(update(u"queue"_s));
    model.append(makeEvent(u"queue"_s, u"score"_s, {{u"score"_s, 90}}));
    model.append(update(u"queue"_s));
    model.flush();
    QCOMPARE(rows(model),
             (QStringList {u"update/queuex2"_s, u"disconnected/routesx1"_s, u"update/queuex2"_s,
                           u"update/routesx1"_s, u"score/queuex1"_s, u"update/queuex1"_s}));
}

void tst_EventLogModel::foldsAcrossBatchesWithoutNewRows()
{
    EventLogModel model;
    model.append(makeEvent(u"queue"_s, u"connected"_s));
    model.append(update(u"queue"_s));
    model.append(update(u"routes"_s));
    model.flush();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.append(update(u"queue"_s));
    model.append(update(u"routes"_s));
    model.append(update(u"queue"_s));
    model.flush();
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 1); // one signal for the two rows that changed
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
    QCOMPARE(rows(model),
             (QStringList {u"connected/queuex1"_s, u"update/queuex3"_s, u"update/routesx2"_s}));
    // A batch that starts with another event begins a new run.
    model.append(makeEvent(u"queue"_s, u"disconnected"_s));
    model.append(update(u"routes"_s));
    model.flush();
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(rows(model).mid(3), (QStringList {u"disconnected/queuex1"_s, u"update/routesx1"_s}));
}

void tst_EventLogModel::earlierSessionsAndTheSwitchDoNotFold()
{
    EventLogModel model;
    model.appendEarlier({update(u"queue"_s), update(u"queue"_s)});
    model.append(update(u"queue"_s));
    model.flush();
    QCOMPARE(rows(model),
             (QStringList {u"update/queuex1"_s, u"update/queuex1"_s, u"update/queuex1"_s}));
    model.append(update(u"queue"_s));
    model.flush();
    QCOMPARE(model.countAt(2), 2);
    model.setFoldUpdates(false);
    model.append(update(u"queue"_s));
    model.flush();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.countAt(3), 1);
}

// A day of heartbeats: each feed's `latency` events fold into its latency row in the run of
// frequent rows at the end, beside its `update` row; anything else ends the run.
void tst_EventLogModel::roundTripsFoldLikeUpdates()
{
    EventLogModel model(100);
    const auto latency = [](const QString &feed) {
        return makeEvent(feed, u"latency"_s, {{u"rtt_ms"_s, 1.5}, {u"quality"_s, u"excellent"_s}});
    };
    model.append(makeEvent(u"queue"_s, u"connected"_s));
    for (int i = 0; i < 500; ++i) {
        model.append(latency(u"queue"_s));
        model.append(update(u"queue"_s));
        model.append(latency(u"routes"_s));
        if (i % 100 == 0)
            model.flush(); // runs that start among the shown rows go on there
    }
    model.flush();
    QCOMPARE(rows(model),
             (QStringList {u"connected/queuex1"_s, u"latency/queuex500"_s, u"update/queuex500"_s,
                           u"latency/routesx500"_s}));
    const QString details = model.index(1, EventLogModel::DetailsColumn).data().toString();
    QVERIFY2(details.contains(u"500 round trips since"_s), qPrintable(details));

    model.append(makeEvent(u"queue"_s, u"closed"_s));
    model.append(latency(u"queue"_s));
    model.flush();
    QCOMPARE(model.rowCount(), 6); // the close ends the run: a new latency row after it
    QCOMPARE(model.countAt(5), 1);
}

// The earlier sessions' rows are counted as they come and as the trim drops them (the panel's
// "… from earlier sessions" line asks after every batch).
void tst_EventLogModel::earlierRowsCountedThroughTheTrim()
{
    EventLogModel model(4);
    QCOMPARE(model.earlierCount(), 0);
    model.appendEarlier({makeEvent(u"queue"_s, u"connected"_s), makeEvent(u"queue"_s, u"closed"_s),
                         makeEvent(u"routes"_s, u"connected"_s)});
    QCOMPARE(model.earlierCount(), 3);
    model.append(makeEvent(u"queue"_s, u"connected"_s));
    model.flush();
    QCOMPARE(model.earlierCount(), 3); // four rows: nothing trimmed yet
    model.append(makeEvent(u"queue"_s, u"closed"_s));
    model.append(makeEvent(u"queue"_s, u"connected"_s));
    model.flush();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.earlierCount(), 1); // the two oldest went
    model.appendEarlier({makeEvent(u"routes"_s, u"closed"_s)});
    QCOMPARE(model.earlierCount(), 1); // in, and the oldest earlier row out
    for (int i = 0; i < 4; ++i)
        model.append(makeEvent(u"queue"_s, u"closed"_s));
    model.flush();
    QCOMPARE(model.earlierCount(), 0);
}

void tst_EventLogModel::theRowSaysHowManyAndSinceWhen()
{
    EventLogModel model;
    model.append(update(u"queue"_s));
    const qint64 first = g_t;
    model.append(update(u"queue"_s));
    model.append(update(u"queue"_s));
    model.flush();
    const QString details = model.index(0, EventLogModel::DetailsColumn).data().toString();
    const QString since = QDateTime::fromMSecsSinceEpoch(first).toString(u"HH:mm:ss"_s);
    QVERIFY2(details.startsWith(u"3 updates since %1 · "_s.arg(since)), qPrintable(details));
    QVERIFY2(details.contains(u"queue_update"_s), qPrintable(details));
    QCOMPARE(model.index(0, 0).data(EventLogModel::FirstWallMsRole).toLongLong(), first);
}

QTEST_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
