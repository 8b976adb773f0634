#include "core/clock.h"

#include <QTest>

class tst_Clock : public QObject
{
    Q_OBJECT

private slots:
    void manualClockMovesOnlyWhenTold();
    void seededRandomIsRepeatableAndInRange();
    void systemClockIsMonotonic();
    void manualTimersFireInDeadlineOrderAtTheirDeadline();
    void manualTimerRestartedFromItsCallback();
    void systemTimerFires();
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

void tst_Clock::manualTimersFireInDeadlineOrderAtTheirDeadline()
{
    ManualClock clock(1000);
    QList<std::pair<char, qint64>> fired;
    auto a = clock.createTimer([&] { fired.append({'a', clock.nowMs()}); }, nullptr);
    auto b = clock.createTimer([&] { fired.append({'b', clock.nowMs()}); }, nullptr);
    auto c = clock.createTimer([&] { fired.append({'c', clock.nowMs()}); }, nullptr);
    a->start(300);
    b->start(100);
    c->start(5000);
    QCOMPARE(clock.activeTimers(), 3);
    QCOMPARE(clock.nextDeadlineMs(), 1100);
    clock.advance(299);
    QCOMPARE(fired, (QList<std::pair<char, qint64>> {{'b', 1100}}));
    clock.advance(1);
    QCOMPARE(fired.last(), (std::pair<char, qint64> {'a', 1300}));
    QVERIFY(!a->isActive());
    c->stop();
    clock.advance(10000);
    QCOMPARE(fired.size(), 2);
    QCOMPARE(clock.nowMs(), 11300);
    QCOMPARE(clock.activeTimers(), 0);
}

void tst_Clock::manualTimerRestartedFromItsCallback()
{
    // A heartbeat re-arms itself from its own callback: one advance fires every round in it.
    ManualClock clock;
    int ticks = 0;
    std::unique_ptr<Timer> tick;
    tick = clock.createTimer(
        [&] {
            ++ticks;
            tick->start(100);
        },
        nullptr);
    tick->start(100);
    clock.advance(1000);
    QCOMPARE(ticks, 10);
    tick.reset(); // deleted: the clock forgets it
    clock.advance(1000);
    QCOMPARE(ticks, 10);
}

void tst_Clock::systemTimerFires()
{
    QObject context;
    bool fired = false;
    auto timer = SystemClock::instance()->createTimer([&] { fired = true; }, &context);
    timer->start(5);
    QVERIFY(timer->isActive());
    QTRY_VERIFY(fired);
    QVERIFY(!timer->isActive());
}

QTEST_GUILESS_MAIN(tst_Clock)
#include "tst_clock.moc"
