#include "history/historystore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
FeedEvent alert(qint64 ms, int n)
{
    return {ms, u"queue"_s, u"alert"_s, {{u"alert"_s, u"feed_down"_s}, {u"n"_s, n}}};
}

FeedEvent feedEvent(qint64 ms, const QString &feed, int n, const QString &kind = u"state"_s)
{
    return {ms, feed, kind, {{u"n"_s, n}}};
}

int countOf(const QList<FeedEvent> &events, const QString &feed, const QString &kind)
{
    return int(std::count_if(events.begin(), events.end(), [&](const FeedEvent &e) {
        return e.feed == feed && e.event == kind;
    }));
}
} // namespace

class tst_HistoryStore : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheLastAlertsAndEventsPerFeed();
    void writesInBatches();
    void unwritableFileIsAnError();
};

void tst_HistoryStore::keepsTheLastAlertsAndEventsPerFeed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"h.sqlite"_s);
    {
        HistoryStore store;
        store.setLimits(3, 5);
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        qint64 t = 1000;
        for (int i = 0; i < 10; ++i)
            store.record(alert(t++, i));
        for (int i = 0; i < 12; ++i)
            store.record(feedEvent(t++, u"queue"_s, i));
        for (int i = 0; i < 7; ++i)
            store.record(feedEvent(t++, u"routes"_s, i));
        store.record(feedEvent(t++, QString(), 0, u"engine_started"_s));
        // Noise would push every meaningful event out of a feed's last N: never kept.
        for (int i = 0; i < 50; ++i) {
            store.record(feedEvent(t++, u"queue"_s, i, u"latency"_s));
            store.record(feedEvent(t++, u"queue"_s, i, u"update"_s));
        }
        store.flush();
    } // closed: what a restart sees
    HistoryStore store;
    store.setLimits(3, 5);
    QString error;
    QVERIFY(store.open(path, &error));
    const QList<FeedEvent> earlier = store.load();
    QCOMPARE(countOf(earlier, u"queue"_s, u"alert"_s), 3);
    QCOMPARE(countOf(earlier, u"queue"_s, u"state"_s), 5);
    QCOMPARE(countOf(earlier, u"routes"_s, u"state"_s), 5);
    QCOMPARE(countOf(earlier, QString(), u"engine_started"_s), 1);
    QCOMPARE(countOf(earlier, u"queue"_s, u"latency"_s), 0);
    QCOMPARE(countOf(earlier, u"queue"_s, u"update"_s), 0);
    QCOMPARE(earlier.size(), 14);
    // The newest survive, oldest first, fields intact.
    QCOMPARE(earlier.first().event, u"alert"_s);
    QCOMPARE(earlier.first().fields.value("n"_L1).toInt(), 7);
    for (int i = 1; i < earlier.size(); ++i)
        QVERIFY(earlier.at(i - 1).wallMs <= earlier.at(i).wallMs);
    const FeedEvent lastQueue =
        *std::find_if(earlier.rbegin(), earlier.rend(), [](const FeedEvent &e) {
            return e.feed == "queue"_L1 && e.event == "state"_L1;
        });
    QCOMPARE(lastQueue.fields.value("n"_L1).toInt(), 11);
}

void tst_HistoryStore::writesInBatches()
{
    // Recording is buffering: SQLite is touched once per batch, never once per event.
    QTemporaryDir dir;
    HistoryStore store;
    QString error;
    QVERIFY(store.open(dir.filePath(u"h.sqlite"_s), &error));
    store.setBatchIntervalMs(60'000);
    for (int i = 0; i < 300; ++i)
        store.record(feedEvent(i, u"queue"_s, i));
    QCOMPARE(store.batchesWritten(), 0);
    QCOMPARE(store.pendingCount(), 300);
    for (int i = 300; i < 1200; ++i)
        store.record(feedEvent(i, u"queue"_s, i));
    QCOMPARE(store.batchesWritten(), 2); // the buffer filled twice
    store.flush();
    QCOMPARE(store.batchesWritten(), 3);
    QCOMPARE(store.pendingCount(), 0);
    store.setBatchIntervalMs(20);
    store.record(feedEvent(2000, u"queue"_s, 0));
    QTRY_COMPARE(store.batchesWritten(), 4); // and on a timer
    QCOMPARE(store.load().size(), 200);
}

void tst_HistoryStore::unwritableFileIsAnError()
{
    HistoryStore store;
    QString error;
    QVERIFY(!store.open(u"/proc/definitely/not/here.sqlite"_s, &error));
    QVERIFY2(error.contains(u"/proc/definitely/not/here.sqlite"_s), qPrintable(error));
    store.record(feedEvent(1, u"queue"_s, 1)); // harmless
    QVERIFY(store.load().isEmpty());
}

QTEST_GUILESS_MAIN(tst_HistoryStore)
#include "tst_historystore.moc"
