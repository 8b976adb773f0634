// The quality score: the formula row by row, then the window it is computed over, driven on a
// manual clock through HealthMonitor (attempts, connected time and data age slide out of it).
#include "core/clock.h"
#include "policy/healthmonitor.h"
#include "policy/qualityscore.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_QualityScore : public QObject
{
    Q_OBJECT

private slots:
    void formula_data();
    void formula();
    void latencyPartFollowsTheTiers_data();
    void latencyPartFollowsTheTiers();
    void backend_data();
    void backend();
    void window_data();
    void window();
};

void tst_QualityScore::formula_data()
{
    QTest::addColumn<double>("ewma");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("successes");
    QTest::addColumn<double>("uptime");
    QTest::addColumn<qint64>("dataAge");
    QTest::addColumn<int>("score");

    // Defaults: tiers 100/300/1000 ms, heartbeat.timeout_ms 5000, health.stale_ms 120000.
    QTest::newRow("perfect") << 20.0 << 1 << 1 << 1.0 << qint64(0) << 100;
    QTest::newRow("no rtt sample: the other parts share its weight")
        << -1.0 << 1 << 1 << 1.0 << qint64(0) << 100;
    QTest::newRow("ewma at good_ms: latency 0.8") << 300.0 << 1 << 1 << 1.0 << qint64(0) << 95;
    QTest::newRow("ewma at poor_ms: latency 0.5") << 1000.0 << 1 << 1 << 1.0 << qint64(0) << 88;
    QTest::newRow("ewma 3000 ms: latency 0.25") << 3000.0 << 1 << 1 << 1.0 << qint64(0) << 81;
    QTest::newRow("ewma at the heartbeat timeout: latency 0")
        << 5000.0 << 1 << 1 << 1.0 << qint64(0) << 75;
    QTest::newRow("half the attempts failed") << 20.0 << 2 << 1 << 1.0 << qint64(0) << 88;
    QTest::newRow("no attempt in the window: none failed")
        << 20.0 << 0 << 0 << 1.0 << qint64(0) << 100;
    QTest::newRow("connected half the window") << 20.0 << 1 << 1 << 0.5 << qint64(0) << 85;
    QTest::newRow("data at half the stale limit is fresh")
        << 20.0 << 1 << 1 << 1.0 << qint64(60000) << 100;
    QTest::newRow("data 90 s old: freshness 0.5") << 20.0 << 1 << 1 << 1.0 << qint64(90000) << 90;
    QTest::newRow("data beyond the stale limit") << 20.0 << 1 << 1 << 1.0 << qint64(200000) << 80;
    QTest::newRow("down all window, every attempt failed")
        << -1.0 << 5 << 0 << 0.0 << qint64(200000) << 0;
    QTest::newRow("flapping, no sample") << -1.0 << 3 << 1 << 0.5 << qint64(0) << 58;
    QTest::newRow("out-of-range uptime is clamped") << 20.0 << 1 << 1 << 1.5 << qint64(-5) << 100;
}

void tst_QualityScore::formula()
{
    QFETCH(double, ewma);
    QFETCH(int, attempts);
    QFETCH(int, successes);
    QFETCH(double, uptime);
    QFETCH(qint64, dataAge);
    QFETCH(int, score);
    const QualityScore::Result r =
        QualityScore::compute({ewma, attempts, successes, uptime, dataAge}, Settings {});
    QCOMPARE(r.score, score);
    QVERIFY(r.score >= 0 && r.score <= 100);
    QCOMPARE(r.latency < 0, ewma < 0);
}

void tst_QualityScore::latencyPartFollowsTheTiers_data()
{
    QTest::addColumn<double>("ewma");
    QTest::addColumn<double>("part");
    QTest::newRow("0") << 0.0 << 1.0;
    QTest::newRow("excellent_ms") << 100.0 << 1.0;
    QTest::newRow("between excellent and good") << 200.0 << 0.9;
    QTest::newRow("good_ms") << 300.0 << 0.8;
    QTest::newRow("between good and poor") << 650.0 << 0.65;
    QTest::newRow("poor_ms") << 1000.0 << 0.5;
    QTest::newRow("timeout") << 5000.0 << 0.0;
    QTest::newRow("far beyond") << 1e12 << 0.0;
}

void tst_QualityScore::latencyPartFollowsTheTiers()
{
    QFETCH(double, ewma);
    QFETCH(double, part);
    QVERIFY2(qAbs(QualityScore::latencyPart(ewma, Settings {}) - part) < 1e-9,
             qPrintable(QString::number(QualityScore::latencyPart(ewma, Settings {}))));
}

void tst_QualityScore::backend_data()
{
    QTest::addColumn<QList<int>>("feeds");
    QTest::addColumn<int>("score");
    QTest::newRow("no feed") << QList<int> {} << -1;
    QTest::newRow("only unscored feeds") << QList<int> {-1, -1} << -1;
    QTest::newRow("mean") << QList<int> {100, 50} << 75;
    QTest::newRow("unscored left out") << QList<int> {-1, 80} << 80;
    QTest::newRow("rounded") << QList<int> {99, 100} << 100;
}

void tst_QualityScore::backend()
{
    QFETCH(QList<int>, feeds);
    QFETCH(int, score);
    QCOMPARE(QualityScore::backend(feeds), score);
}

// Steps "what@ms" (start, fail, up, down, miss, data, http) or "rtt=ms", in time order; the score
// is read at `at`.
void tst_QualityScore::window_data()
{
    QTest::addColumn<QString>("steps");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<int>("score");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<double>("uptime");

    QTest::newRow("a failure, then up 10 of 12 s")
        << u"start@0 fail@1000 up@2000 data@2000 rtt=50"_s << qint64(12000) << 83 << 2
        << 10.0 / 12.0;
    QTest::newRow("the failure slid out of the 5 min window")
        << u"start@0 fail@1000 up@2000 rtt=50 data@399000"_s << qint64(400000) << 100 << 0 << 1.0;
    QTest::newRow("down for the last minute of the window")
        << u"start@0 up@0 rtt=50 data@200000 down@240000 fail@241000 fail@243000"_s
        << qint64(300000) << 52 << 3 << 0.8;
    QTest::newRow("HTTP data keeps it fresh while down")
        << u"start@0 up@0 rtt=50 down@240000 fail@241000 http@295000"_s << qint64(300000) << 75 << 2
        << 0.8;
    QTest::newRow("never came up")
        << u"start@0 fail@1000 fail@3000 fail@7000"_s << qint64(150000) << 0 << 3 << 0.0;
}

void tst_QualityScore::window()
{
    QFETCH(QString, steps);
    QFETCH(qint64, at);
    QFETCH(int, score);
    QFETCH(int, attempts);
    QFETCH(double, uptime);

    ManualClock clock;
    HealthMonitor health(Settings {}, &clock, false);
    for (const QString &step : steps.split(u' ')) {
        if (step.startsWith("rtt="_L1)) {
            health.setRtt(step.mid(4).toDouble());
            continue;
        }
        const QStringList parts = step.split(u'@');
        QCOMPARE(parts.size(), 2);
        clock.advance(parts[1].toLongLong() - clock.nowMs());
        const QString what = parts[0];
        if (what == "start"_L1)
            health.start();
        else if (what == "fail"_L1)
            health.attemptFailed();
        else if (what == "up"_L1)
            health.connected();
        else if (what == "down"_L1)
            health.linkLost(false);
        else if (what == "miss"_L1)
            health.linkLost(true);
        else if (what == "data"_L1)
            health.dataArrived(true);
        else if (what == "http"_L1)
            health.dataArrived(false);
        else
            QFAIL(qPrintable(u"unknown step "_s + step));
    }
    clock.advance(at - clock.nowMs());
    health.evaluate();
    const QualityScore::Inputs in = health.inputs();
    QCOMPARE(in.attempts, attempts);
    QVERIFY2(qAbs(in.uptimeShare - uptime) < 1e-9, qPrintable(QString::number(in.uptimeShare)));
    QCOMPARE(health.score().score, score);
}

QTEST_GUILESS_MAIN(tst_QualityScore)
#include "tst_qualityscore.moc"
