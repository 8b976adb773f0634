#include "config/config.h"
#include "core/clock.h"
#include "models/feedtablemodel.h"
#include "models/snapshotcoalescer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
struct Delivery
{
    qint64 atMs;
    int value;
};

// Every snapshot the coalescer lets through, with the (manual) time it went out.
QList<Delivery> *record(SnapshotCoalescer &coalescer, const ManualClock &clock)
{
    auto *deliveries = new QList<Delivery>;
    QObject::connect(&coalescer, &SnapshotCoalescer::snapshotReady, &coalescer,
                     [deliveries, &clock](const QJsonValue &data) {
                         deliveries->append({clock.nowMs(), data.toInt()});
                     });
    QObject::connect(&coalescer, &QObject::destroyed, [deliveries] { delete deliveries; });
    return deliveries;
}
} // namespace

class tst_SnapshotCoalescer : public QObject
{
    Q_OBJECT

private slots:
    void firstSnapshotGoesThroughAtOnce();
    void pendingIsDeliveredWhenDueAndLatestWins();
    void burst_data();
    void burst();
    void zeroIntervalDeliversEverything();
    void realTimerDeliversTheLastOne();
};

void tst_SnapshotCoalescer::firstSnapshotGoesThroughAtOnce()
{
    ManualClock clock(1000);
    SnapshotCoalescer coalescer(&clock);
    QCOMPARE(coalescer.intervalMs(), 33);
    const QList<Delivery> *deliveries = record(coalescer, clock);

    coalescer.submit(QJsonValue(1));
    QCOMPARE(deliveries->size(), 1);
    QCOMPARE(deliveries->at(0).value, 1);
    QVERIFY(!coalescer.hasPending());

    // After a quiet period the next one goes through at once as well.
    clock.advance(500);
    coalescer.submit(QJsonValue(2));
    QCOMPARE(deliveries->size(), 2);
    QCOMPARE(deliveries->at(1).atMs, 1500);
}

void tst_SnapshotCoalescer::pendingIsDeliveredWhenDueAndLatestWins()
{
    ManualClock clock;
    SnapshotCoalescer coalescer(&clock);
    const QList<Delivery> *deliveries = record(coalescer, clock);

    coalescer.submit(QJsonValue(0)); // t=0: delivered
    clock.set(10);
    coalescer.submit(QJsonValue(1)); // pending
    clock.set(20);
    coalescer.submit(QJsonValue(2)); // replaces 1
    coalescer.flushDue();
    QCOMPARE(deliveries->size(), 1);
    QVERIFY(coalescer.hasPending());

    clock.set(32);
    coalescer.flushDue();
    QCOMPARE(deliveries->size(), 1);
    clock.set(33);
    coalescer.flushDue();
    QCOMPARE(deliveries->size(), 2);
    QCOMPARE(deliveries->at(1).value, 2);
    QCOMPARE(deliveries->at(1).atMs, 33);
    QVERIFY(!coalescer.hasPending());

    // A snapshot arriving when the interval has passed wins over a pending one the timer has
    // not flushed yet.
    clock.set(40);
    coalescer.submit(QJsonValue(3));
    clock.set(70);
    coalescer.submit(QJsonValue(4));
    QCOMPARE(deliveries->size(), 3);
    QCOMPARE(deliveries->at(2).value, 4);
    QVERIFY(!coalescer.hasPending());
    clock.set(200);
    coalescer.flushDue();
    QCOMPARE(deliveries->size(), 3);
}

void tst_SnapshotCoalescer::burst_data()
{
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<int>("stepMs");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("expectedDeliveries");

    // 100 snapshots 5 ms apart: t=0, 35, 70, ..., 490 (15), then #99 at 528.
    QTest::newRow("100 every 5 ms") << 33 << 5 << 100 << 16;
    // t=0, 33 (#32), 66 (#65), 99 (#98), 132 (#99): the timer fires just before #99 arrives.
    QTest::newRow("100 every 1 ms") << 33 << 1 << 100 << 5;
    QTest::newRow("100 at once") << 33 << 0 << 100 << 2;
    QTest::newRow("100 every 40 ms, slower than the interval") << 33 << 40 << 100 << 100;
    QTest::newRow("100 every 7 ms, 100 ms interval") << 100 << 7 << 100 << 8;
}

void tst_SnapshotCoalescer::burst()
{
    QFETCH(int, intervalMs);
    QFETCH(int, stepMs);
    QFETCH(int, count);
    QFETCH(int, expectedDeliveries);

    ManualClock clock;
    SnapshotCoalescer coalescer(&clock);
    coalescer.setIntervalMs(intervalMs);
    const QList<Delivery> *deliveries = record(coalescer, clock);

    for (int i = 0; i < count; ++i) {
        if (i > 0)
            clock.advance(stepMs);
        coalescer.flushDue(); // what the timer would do
        coalescer.submit(QJsonValue(i));
    }
    clock.advance(intervalMs);
    coalescer.flushDue();

    // The rate limit: from the first submission to the last delivery, at most one delivery per
    // interval plus the immediate first one.
    const qint64 duration = deliveries->last().atMs;
    QCOMPARE(deliveries->size(), expectedDeliveries);
    QVERIFY(deliveries->size() <= std::ceil(double(duration) / intervalMs) + 1);
    QCOMPARE(deliveries->first().atMs, 0);
    QCOMPARE(deliveries->first().value, 0);
    QCOMPARE(deliveries->last().value, count - 1);
    for (qsizetype i = 1; i < deliveries->size(); ++i) {
        QVERIFY(deliveries->at(i).atMs - deliveries->at(i - 1).atMs >= intervalMs);
        QVERIFY(deliveries->at(i).value > deliveries->at(i - 1).value);
    }
    QVERIFY(!coalescer.hasPending());
}

void tst_SnapshotCoalescer::zeroIntervalDeliversEverything()
{
    ManualClock clock;
    SnapshotCoalescer coalescer(&clock);
    coalescer.setIntervalMs(0);
    const QList<Delivery> *deliveries = record(coalescer, clock);
    for (int i = 0; i < 10; ++i)
        coalescer.submit(QJsonValue(i));
    QCOMPARE(deliveries->size(), 10);
}

void tst_SnapshotCoalescer::realTimerDeliversTheLastOne()
{
    SnapshotCoalescer coalescer;
    coalescer.setIntervalMs(50);
    FeedTableModel model(ConfigLoader::defaultProfile()->definitionFor(u"workflows"_s).schema);
    connect(&coalescer, &SnapshotCoalescer::snapshotReady, &model, &FeedTableModel::applySnapshot);
    QSignalSpy ready(&coalescer, &SnapshotCoalescer::snapshotReady);

    const auto workflows = [](int n) {
        QJsonArray array;
        for (int i = 0; i < n; ++i)
            array.append(QJsonObject {{u"adw_id"_s, u"w%1"_s.arg(i)}});
        return array;
    };
    QElapsedTimer elapsed;
    elapsed.start();
    coalescer.submit(workflows(1));
    QCOMPARE(model.rowCount(), 1);
    coalescer.submit(workflows(2));
    coalescer.submit(workflows(3));
    QCOMPARE(ready.count(), 1);

    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(ready.count(), 2);
    QVERIFY2(elapsed.elapsed() >= 45, "delivered before the interval elapsed");
    QVERIFY(!coalescer.hasPending());
}

QTEST_GUILESS_MAIN(tst_SnapshotCoalescer)
#include "tst_snapshotcoalescer.moc"
