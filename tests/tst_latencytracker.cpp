#include "policy/latencytracker.h"

#include <QTest>

using Tier = Quality::Tier;
Q_DECLARE_METATYPE(Quality::Tier)

class tst_LatencyTracker : public QObject
{
    Q_OBJECT

private slots:
    void tiers_data();
    void tiers();
    void ewmaAndLast();
    void percentilesOverWindow();
    void noSampleIsNotExcellent();
};

void tst_LatencyTracker::tiers_data()
{
    QTest::addColumn<double>("rtt");
    QTest::addColumn<Tier>("expected");
    QTest::newRow("0") << 0.0 << Tier::Excellent;
    QTest::newRow("99.9") << 99.9 << Tier::Excellent;
    QTest::newRow("100 is good") << 100.0 << Tier::Good;
    QTest::newRow("299") << 299.0 << Tier::Good;
    QTest::newRow("300 is poor") << 300.0 << Tier::Poor;
    QTest::newRow("999") << 999.0 << Tier::Poor;
    QTest::newRow("1000 is bad") << 1000.0 << Tier::Bad;
    QTest::newRow("3000") << 3000.0 << Tier::Bad;
    QTest::newRow("no sample") << -1.0 << Tier::Unknown;
}

void tst_LatencyTracker::tiers()
{
    QFETCH(double, rtt);
    QFETCH(Tier, expected);
    QCOMPARE(Quality::forRtt(rtt, Settings {}), expected);
}

void tst_LatencyTracker::ewmaAndLast()
{
    Settings s;
    s.latencyEwmaAlpha = 0.5;
    LatencyTracker t(s);
    t.addSample(100);
    QCOMPARE(t.ewma(), 100.0);
    t.addSample(200);
    QCOMPARE(t.last(), 200.0);
    QCOMPARE(t.ewma(), 150.0);
    t.addSample(50);
    QCOMPARE(t.ewma(), 100.0);
    QCOMPARE(t.quality(), Tier::Good);
}

void tst_LatencyTracker::percentilesOverWindow()
{
    Settings s;
    s.latencyWindow = 100;
    LatencyTracker t(s);
    for (int i = 1000; i >= 1; --i) // only the last 100 (100..1) stay in the window
        t.addSample(i);
    QCOMPARE(t.count(), 100);
    QCOMPARE(t.totalSamples(), 1000);
    QCOMPARE(t.percentile(50), 50.0);
    QCOMPARE(t.percentile(95), 95.0);
    QCOMPARE(t.percentile(99), 99.0);
    QCOMPARE(t.percentile(100), 100.0);
}

void tst_LatencyTracker::noSampleIsNotExcellent()
{
    LatencyTracker t {Settings {}};
    QCOMPARE(t.percentile(50), -1.0);
    QCOMPARE(t.quality(), Tier::Unknown);
    QCOMPARE(Quality::name(Tier::Disconnected), QStringLiteral("disconnected"));
}

QTEST_GUILESS_MAIN(tst_LatencyTracker)
#include "tst_latencytracker.moc"
