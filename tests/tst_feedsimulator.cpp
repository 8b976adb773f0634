#include "feedsimulator.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_FeedSimulator : public QObject
{
    Q_OBJECT

private slots:
    void knowsEveryFeed();
    void sameSeedSameSequence();
    void differentSeedDiffers();
    void dataEvolves_data();
    void dataEvolves();
    void phasesMoveThroughStatuses();
    void commands();
    void rowsSetQueueAndWorkflowSize();
};

void tst_FeedSimulator::knowsEveryFeed()
{
    QCOMPARE(FeedSimulator::feedIds().size(), 8);
    QCOMPARE(FeedSimulator::feedOf(u"adw-state/abc"_s), u"adw-state"_s);
    QCOMPARE(FeedSimulator::feedOf(u"adw-state/"_s), QString());
    QCOMPARE(FeedSimulator::feedOf(u"nope"_s), QString());
    QCOMPARE(FeedSimulator::snapshotType(u"system-status"_s), u"system_status_update"_s);
    QCOMPARE(FeedSimulator::defaultIntervalMs(u"queue"_s), 2000);
    QCOMPARE(FeedSimulator::defaultIntervalMs(u"routes"_s), 30000);
}

void tst_FeedSimulator::sameSeedSameSequence()
{
    FeedSimulator a(99), b(99);
    const QStringList feeds = FeedSimulator::feedIds();
    for (int i = 0; i < 200; ++i) {
        for (const QString &feed : feeds) {
            a.tick(feed);
            b.tick(feed);
            QCOMPARE(a.snapshot(feed), b.snapshot(feed));
        }
    }
}

void tst_FeedSimulator::differentSeedDiffers()
{
    FeedSimulator a(1), b(2);
    for (int i = 0; i < 20; ++i) {
        a.tick(u"queue"_s);
        b.tick(u"queue"_s);
    }
    QVERIFY(a.snapshot(u"queue"_s) != b.snapshot(u"queue"_s));
}

void tst_FeedSimulator::dataEvolves_data()
{
    QTest::addColumn<QString>("feed");
    for (const QString &feed : FeedSimulator::feedIds())
        QTest::newRow(qPrintable(feed)) << feed;
}

void tst_FeedSimulator::dataEvolves()
{
    QFETCH(QString, feed);
    FeedSimulator sim(5);
    const QByteArray first = sim.snapshot(feed);
    int changes = 0, unchanged = 0;
    QByteArray previous = first;
    for (int i = 0; i < 300; ++i) {
        sim.tick(feed);
        const QByteArray now = sim.snapshot(feed);
        (now == previous ? unchanged : changes)++;
        previous = now;
    }
    QVERIFY2(changes > 0, "a feed that never changes is no demo");
    QCOMPARE(sim.ticks(feed), 300);
}

void tst_FeedSimulator::phasesMoveThroughStatuses()
{
    FeedSimulator sim(11);
    QSet<QString> seen;
    for (int i = 0; i < 400; ++i) {
        sim.tick(u"queue"_s);
        const QJsonArray phases = sim.data(u"queue"_s)[u"phases"_s].toArray();
        for (const QJsonValue &p : phases)
            seen.insert(p[u"status"_s].toString());
    }
    for (const QString &status :
         {u"queued"_s, u"ready"_s, u"running"_s, u"completed"_s, u"failed"_s, u"blocked"_s})
        QVERIFY2(seen.contains(status), qPrintable(status));
}

void tst_FeedSimulator::commands()
{
    FeedSimulator sim(3);
    auto r = sim.applyCommand(u"queue.pause"_s, {});
    QVERIFY(r.ok);
    QCOMPARE(r.changedFeed, u"queue"_s);
    const QByteArray paused = sim.snapshot(u"queue"_s);
    for (int i = 0; i < 20; ++i)
        sim.tick(u"queue"_s);
    QCOMPARE(sim.snapshot(u"queue"_s), paused);
    QVERIFY(sim.applyCommand(u"queue.resume"_s, {}).ok);

    QString failed;
    for (int i = 0; i < 500 && failed.isEmpty(); ++i) {
        sim.tick(u"queue"_s);
        for (const QJsonValue &p : sim.data(u"queue"_s)[u"phases"_s].toArray()) {
            if (p[u"status"_s].toString() == u"failed"_s)
                failed = p[u"queue_id"_s].toString();
        }
    }
    QVERIFY(!failed.isEmpty());
    QVERIFY(sim.applyCommand(u"queue.retry"_s, {{u"queue_id"_s, failed}}).ok);
    QVERIFY(!sim.applyCommand(u"queue.retry"_s, {{u"queue_id"_s, failed}}).ok);
    QVERIFY(sim.applyCommand(u"queue.remove"_s, {{u"queue_id"_s, failed}}).ok);
    QVERIFY(!sim.applyCommand(u"queue.remove"_s, {{u"queue_id"_s, failed}}).ok);
    QVERIFY(!sim.applyCommand(u"queue.execute"_s, {}).ok);

    const int before = int(sim.data(u"workflows"_s).toArray().size());
    r = sim.applyCommand(u"workflow.trigger"_s, {{u"issue_number"_s, 77}});
    QVERIFY(r.ok);
    QCOMPARE(r.changedFeed, u"workflows"_s);
    QCOMPARE(sim.data(u"workflows"_s).toArray().size(), before + 1);
    QCOMPARE(sim.data(u"workflows"_s)[0][u"issue_number"_s].toInt(), 77);
    QVERIFY(!sim.applyCommand(u"workflow.trigger"_s, {}).ok);
    r = sim.applyCommand(u"nope"_s, {});
    QVERIFY(!r.ok);
    QVERIFY(!r.error.isEmpty());
}

void tst_FeedSimulator::rowsSetQueueAndWorkflowSize()
{
    FeedSimulator sim(1, 200);
    QCOMPARE(sim.data(u"workflows"_s).toArray().size(), 200);
    QVERIFY(sim.data(u"queue"_s)[u"phases"_s].toArray().size()
            >= 190); // a finished parent may just have left
}

QTEST_GUILESS_MAIN(tst_FeedSimulator)
#include "tst_feedsimulator.moc"
