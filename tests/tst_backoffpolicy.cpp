#include "core/clock.h"
#include "policy/backoffpolicy.h"

#include <QTest>

class tst_BackoffPolicy : public QObject
{
    Q_OBJECT

private slots:
    void baseDelay_data();
    void baseDelay();
    void jitterBounds_data();
    void jitterBounds();
    void seededSequenceIsRepeatable();
};

void tst_BackoffPolicy::baseDelay_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("expected");
    // Defaults: initial 1000, multiplier 2, max 30000.
    QTest::newRow("first") << 1 << qint64(1000);
    QTest::newRow("second") << 2 << qint64(2000);
    QTest::newRow("third") << 3 << qint64(4000);
    QTest::newRow("fifth") << 5 << qint64(16000);
    QTest::newRow("capped") << 6 << qint64(30000);
    QTest::newRow("far beyond, no overflow") << 5000 << qint64(30000);
    QTest::newRow("zero treated as first") << 0 << qint64(1000);
}

void tst_BackoffPolicy::baseDelay()
{
    QFETCH(int, attempt);
    QFETCH(qint64, expected);
    const BackoffPolicy policy {Settings {}};
    QCOMPARE(policy.baseDelayMs(attempt), expected);
    QCOMPARE(policy.delayMs(attempt, 0.0), expected); // a draw of 0 gives the full delay
}

void tst_BackoffPolicy::jitterBounds_data()
{
    QTest::addColumn<double>("jitter");
    QTest::newRow("default 0.5") << 0.5;
    QTest::newRow("none") << 0.0;
    QTest::newRow("full") << 1.0;
}

void tst_BackoffPolicy::jitterBounds()
{
    QFETCH(double, jitter);
    Settings settings;
    settings.backoffJitter = jitter;
    const BackoffPolicy policy(settings);
    SeededRandom random(7);
    for (int attempt = 1; attempt <= 8; ++attempt) {
        const qint64 base = policy.baseDelayMs(attempt);
        qint64 lowest = base, highest = 0;
        for (int i = 0; i < 2000; ++i) {
            const qint64 d = policy.delayMs(attempt, random.uniform());
            lowest = std::min(lowest, d);
            highest = std::max(highest, d);
        }
        QVERIFY2(lowest >= qint64(std::floor(base * (1.0 - jitter))),
                 qPrintable(QString::number(lowest)));
        QVERIFY(highest <= base);
        if (jitter > 0) // the draws really spread over the range
            QVERIFY(highest - lowest > base * jitter * 0.8);
        else
            QCOMPARE(lowest, base);
    }
}

void tst_BackoffPolicy::seededSequenceIsRepeatable()
{
    const BackoffPolicy policy {Settings {}};
    SeededRandom a(99), b(99);
    for (int attempt = 1; attempt < 10; ++attempt)
        QCOMPARE(policy.delayMs(attempt, a.uniform()), policy.delayMs(attempt, b.uniform()));
}

QTEST_GUILESS_MAIN(tst_BackoffPolicy)
#include "tst_backoffpolicy.moc"
