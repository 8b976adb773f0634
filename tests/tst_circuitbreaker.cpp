#include "core/clock.h"
#include "policy/circuitbreaker.h"

#include <QTest>

using State = Circuit::State;

class tst_CircuitBreaker : public QObject
{
    Q_OBJECT

private slots:
    void opensAfterThresholdConsecutiveFailures();
    void openAdmitsNothingUntilTimeIsUp();
    void halfOpenAdmitsExactlyOneProbe();
    void probeSuccessCloses();
    void probeFailureReopens();
    void resetCloses();
    void names();
};

void tst_CircuitBreaker::opensAfterThresholdConsecutiveFailures()
{
    ManualClock clock;
    CircuitBreaker breaker(3, 1000);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY(!breaker.recordFailure(clock.nowMs()));
    QVERIFY(!breaker.recordFailure(clock.nowMs()));
    QCOMPARE(breaker.state(), State::Closed);
    QVERIFY(breaker.recordFailure(clock.nowMs()));
    QCOMPARE(breaker.state(), State::Open);
    QCOMPARE(breaker.failures(), 3);
}

void tst_CircuitBreaker::openAdmitsNothingUntilTimeIsUp()
{
    ManualClock clock(500);
    CircuitBreaker breaker(1, 1000);
    breaker.recordFailure(clock.nowMs());
    QCOMPARE(breaker.halfOpenAtMs(), 1500);
    clock.advance(999);
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
    QCOMPARE(breaker.state(), State::Open);
    clock.advance(1);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QCOMPARE(breaker.state(), State::HalfOpen);
}

void tst_CircuitBreaker::halfOpenAdmitsExactlyOneProbe()
{
    ManualClock clock;
    CircuitBreaker breaker(1, 10);
    breaker.recordFailure(clock.nowMs());
    clock.advance(10);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    for (int i = 0; i < 5; ++i)
        QVERIFY(!breaker.tryAcquire(clock.nowMs()));
}

void tst_CircuitBreaker::probeSuccessCloses()
{
    ManualClock clock;
    CircuitBreaker breaker(2, 10);
    breaker.recordFailure(0);
    breaker.recordFailure(0);
    clock.advance(10);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    breaker.recordSuccess();
    QCOMPARE(breaker.state(), State::Closed);
    QCOMPARE(breaker.failures(), 0);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
}

void tst_CircuitBreaker::probeFailureReopens()
{
    ManualClock clock;
    CircuitBreaker breaker(2, 100);
    breaker.recordFailure(0);
    breaker.recordFailure(0);
    clock.set(100);
    QVERIFY(breaker.tryAcquire(clock.nowMs()));
    QVERIFY(breaker.recordFailure(clock.nowMs())); // one failed probe is enough
    QCOMPARE(breaker.state(), State::Open);
    QCOMPARE(breaker.halfOpenAtMs(), 200);
    clock.set(150);
    QVERIFY(!breaker.tryAcquire(clock.nowMs()));
}

void tst_CircuitBreaker::resetCloses()
{
    CircuitBreaker breaker(1, 100000);
    breaker.recordFailure(0);
    QCOMPARE(breaker.state(), State::Open);
    breaker.reset();
    QCOMPARE(breaker.state(), State::Closed);
    QVERIFY(breaker.tryAcquire(1));
}

void tst_CircuitBreaker::names()
{
    QCOMPARE(Circuit::name(State::Closed), QStringLiteral("closed"));
    QCOMPARE(Circuit::name(State::Open), QStringLiteral("open"));
    QCOMPARE(Circuit::name(State::HalfOpen), QStringLiteral("half_open"));
}

QTEST_GUILESS_MAIN(tst_CircuitBreaker)
#include "tst_circuitbreaker.moc"
