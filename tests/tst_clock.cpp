#include "core/clock.h"

#include <QDeadlineTimer>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

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
    void secondSlackTimersShareOneWakeUp();
    void coarseSlackTimersAreNeverEarlyAndOnTheGrid();
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

void tst_Clock::secondSlackTimersShareOneWakeUp()
{
    // Twenty 1 s timers started 10 ms apart: precise, they fire in twenty wake-ups over 200 ms;
    // with Slack::Second on the whole second after their start, i.e. in one wake-up (two when
    // a second boundary falls between the first start and the last).
    QObject context;
    QList<qint64> firedNs;
    std::vector<std::unique_ptr<Timer>> timers;
    const qint64 firstStartMs = SystemClock::instance()->nowMs();
    for (int i = 0; i < 20; ++i) {
        timers.push_back(SystemClock::instance()->createTimer(
            [&] { firedNs.append(SystemClock::instance()->nowNs()); }, &context,
            Timer::Slack::Second));
        timers.back()->start(1000);
        QTest::qWait(10);
    }
    // On a loaded machine starting them may take longer: one whole second more per second.
    const qint64 span = SystemClock::instance()->nowMs() - firstStartMs;
    QVERIFY2(span < 1000, qPrintable(u"starting the timers took %1 ms"_s.arg(span)));
    QTRY_COMPARE_WITH_TIMEOUT(firedNs.size(), 20, 5000);
    int wakeUps = 1;
    for (int i = 1; i < firedNs.size(); ++i)
        wakeUps += firedNs.at(i) - firedNs.at(i - 1) > 5'000'000; // more than 5 ms apart
    QVERIFY2(wakeUps <= 2, qPrintable(QString::number(wakeUps)));
}

void tst_Clock::coarseSlackTimersAreNeverEarlyAndOnTheGrid()
{
    // Twenty 2 s timers started 10 ms apart: 5 % of 2 s is 100 ms, so each falls due on the
    // next multiple of 100 ms of the monotonic clock (the one Qt's timers run on) after its
    // deadline, never before it. Precise, their fire times would spread evenly over the
    // 100 ms; on the grid each comes just after a multiple of 100 ms (within 50 ms, which a
    // starved event loop may use up: 2^-20 for twenty precise timers). Timers of one grid
    // point may still need two wake-ups: QTimer counts whole milliseconds from its own start.
    QObject context;
    const SystemClock *clock = SystemClock::instance();
    const auto monotonicMs = [] {
        return QDeadlineTimer::current(Qt::PreciseTimer).deadline();
    };
    QList<qint64> startedMs;
    QList<qint64> firedMs(20, -1);
    std::vector<std::unique_ptr<Timer>> timers;
    for (int i = 0; i < 20; ++i) {
        timers.push_back(clock->createTimer([&, i] { firedMs[i] = monotonicMs(); }, &context,
                                            Timer::Slack::Coarse));
        startedMs.append(monotonicMs());
        timers.back()->start(2000);
        QTest::qWait(10);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!firedMs.contains(-1), 10000);
    for (int i = 0; i < 20; ++i) {
        QVERIFY2(firedMs.at(i) >= startedMs.at(i) + 2000,
                 qPrintable(u"timer %1 fired %2 ms early"_s.arg(i).arg(startedMs.at(i) + 2000
                                                                       - firedMs.at(i))));
        QVERIFY2(firedMs.at(i) % 100 < 50,
                 qPrintable(u"timer %1 fired %2 ms after a multiple of 100 ms"_s.arg(i).arg(
                     firedMs.at(i) % 100)));
    }
}

QTEST_GUILESS_MAIN(tst_Clock)
#include "tst_clock.moc"
