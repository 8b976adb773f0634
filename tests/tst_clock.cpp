#include "core/clock.h"

#include <QTest>

class tst_Clock : public QObject
{
    Q_OBJECT

private slots:
    void manualClockMovesOnlyWhenTold();
    void seededRandomIsRepeatableAndInRange();
    void systemClockIsMonotonic();
};

void tst_Clock::manualClockMovesOnlyWhenTold()
{
    ManualClock clock(100, 5000);
    QCOMPARE(clock.nowMs(), 100);
    QCOMPARE(clock.wallMs(), 5000);
    clock.advance(250);
    QCOMPARE(clock.nowMs(), 350);
    QCOMPARE(clock.wallMs(), 5250);
}

void tst_Clock::seededRandomIsRepeatableAndInRange()
{
    SeededRandom a(42), b(42), c(43);
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        const double x = a.uniform();
        QVERIFY(x >= 0.0 && x < 1.0);
        QCOMPARE(x, b.uniform());
        differs = differs || x != c.uniform();
    }
    QVERIFY(differs);
}

void tst_Clock::systemClockIsMonotonic()
{
    const qint64 first = SystemClock::instance()->nowMs();
    QVERIFY(SystemClock::instance()->nowMs() >= first);
    QVERIFY(SystemClock::instance()->wallMs() > 1'700'000'000'000);
}

QTEST_GUILESS_MAIN(tst_Clock)
#include "tst_clock.moc"
