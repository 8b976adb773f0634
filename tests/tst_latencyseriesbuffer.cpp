#include "dashboard/latencyseriesbuffer.h"

#include <QTest>

class tst_LatencySeriesBuffer : public QObject
{
    Q_OBJECT

private slots:
    void keepsOnlyTheWindow();
    void capacityBoundsMemory();
    void decimationKeepsExtremes_data();
    void decimationKeepsExtremes();
    void rangeOfVisiblePoints();
    void outOfOrderSamplesStaySorted();
};

void tst_LatencySeriesBuffer::outOfOrderSamplesStaySorted()
{
    LatencySeriesBuffer buffer(60'000);
    buffer.append(100'000, 1);
    buffer.append(110'000, 2);
    buffer.append(10'000, 9); // far behind: trimmed like any old sample
    buffer.append(105'000, 3);
    QCOMPARE(buffer.points().at(0).x(), 10'000.0);
    QCOMPARE(buffer.points().at(2).x(), 105'000.0);
    QVERIFY(buffer.trim(110'000));
    QCOMPARE(buffer.size(), 3);
    QCOMPARE(buffer.points().first().x(), 100'000.0);
}

void tst_LatencySeriesBuffer::keepsOnlyTheWindow()
{
    LatencySeriesBuffer buffer(60'000);
    for (qint64 t = 0; t <= 120'000; t += 1000)
        buffer.append(t, 1.0);
    QCOMPARE(buffer.size(), 121);
    QVERIFY(buffer.trim(120'000));
    QCOMPARE(buffer.size(), 61); // 60 s .. 120 s inclusive
    QCOMPARE(buffer.points().first().x(), 60'000.0);
    QVERIFY(!buffer.trim(120'000));
    buffer.setWindowMs(10'000);
    buffer.trim(120'000);
    QCOMPARE(buffer.size(), 11);
}

void tst_LatencySeriesBuffer::capacityBoundsMemory()
{
    LatencySeriesBuffer buffer(3'600'000, 1000);
    for (int i = 0; i < 10'000; ++i)
        buffer.append(i, 1.0);
    QVERIFY(buffer.size() <= 1000 + 1000 / 8);
    buffer.trim(10'000);
    QCOMPARE(buffer.size(), 1000);
    QCOMPARE(buffer.points().last().x(), 9999.0);
}

void tst_LatencySeriesBuffer::decimationKeepsExtremes_data()
{
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("buckets");
    QTest::newRow("fewer than buckets: untouched") << 50 << 100;
    QTest::newRow("6000 into 400") << 6000 << 400;
    QTest::newRow("6000 into 100") << 6000 << 100;
}

void tst_LatencySeriesBuffer::decimationKeepsExtremes()
{
    QFETCH(int, samples);
    QFETCH(int, buckets);
    LatencySeriesBuffer buffer;
    for (int i = 0; i < samples; ++i)
        buffer.append(i * 100, 1.0 + (i % 7) * 0.1);
    buffer.append(samples * 100, 900.0); // a spike must survive
    const QList<QPointF> out = buffer.decimated(0, samples * 100, buckets);
    QVERIFY(out.size() <= std::max(2 * buckets, samples + 1));
    if (samples + 1 <= 2 * buckets)
        QCOMPARE(out.size(), samples + 1);
    double peak = 0;
    for (int i = 0; i < out.size(); ++i) {
        peak = std::max(peak, out.at(i).y());
        if (i > 0)
            QVERIFY(out.at(i).x() >= out.at(i - 1).x()); // never doubles back in time
    }
    QCOMPARE(peak, 900.0);
    QCOMPARE(out.first().x(), 0.0);
}

void tst_LatencySeriesBuffer::rangeOfVisiblePoints()
{
    LatencySeriesBuffer buffer;
    double lo = 0;
    double hi = 0;
    QVERIFY(!buffer.range(0, &lo, &hi));
    buffer.append(1000, 50);
    buffer.append(2000, 3);
    buffer.append(3000, 7);
    QVERIFY(buffer.range(0, &lo, &hi));
    QCOMPARE(lo, 3.0);
    QCOMPARE(hi, 50.0);
    QVERIFY(buffer.range(2500, &lo, &hi));
    QCOMPARE(lo, 7.0);
    QCOMPARE(hi, 7.0);
}

QTEST_APPLESS_MAIN(tst_LatencySeriesBuffer)
#include "tst_latencyseriesbuffer.moc"
