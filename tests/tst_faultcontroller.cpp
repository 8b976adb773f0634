#include "faultcontroller.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_FaultController : public QObject
{
    Q_OBJECT

private slots:
    void mostSpecificEntryWins();
    void clearEmptyFeedClearsEveryEntry();
    void durationClearsItself();
    void descriptorsCoverEveryFault();
};

void tst_FaultController::mostSpecificEntryWins()
{
    FaultController faults;
    Sim::FaultParams all, queue, state;
    all.latencyMs = 1;
    queue.latencyMs = 2;
    state.latencyMs = 3;
    QVERIFY(!faults.effective(Sim::Fault::Latency, u"queue"_s));
    faults.set(Sim::Fault::Latency, {}, all);
    faults.set(Sim::Fault::Latency, u"queue"_s, queue);
    faults.set(Sim::Fault::Latency, u"adw-state/x"_s, state);
    QCOMPARE(faults.effective(Sim::Fault::Latency, u"queue"_s)->latencyMs, 2);
    QCOMPARE(faults.effective(Sim::Fault::Latency, u"routes"_s)->latencyMs, 1);
    QCOMPARE(faults.effective(Sim::Fault::Latency, u"adw-state/x"_s)->latencyMs, 3);
    QCOMPARE(faults.effective(Sim::Fault::Latency, u"adw-state/y"_s)->latencyMs, 1);
    QVERIFY(!faults.effective(Sim::Fault::Freeze, u"queue"_s));
}

void tst_FaultController::clearEmptyFeedClearsEveryEntry()
{
    FaultController faults;
    QSignalSpy changed(&faults, &FaultController::changed);
    faults.set(Sim::Fault::Freeze, u"queue"_s, {});
    faults.set(Sim::Fault::Freeze, {}, {});
    faults.set(Sim::Fault::Hang, {}, {});
    faults.clear(Sim::Fault::Freeze, u"queue"_s);
    QVERIFY(faults.effective(Sim::Fault::Freeze, u"queue"_s)); // the all-feeds entry
    faults.clear(Sim::Fault::Freeze);
    QVERIFY(!faults.effective(Sim::Fault::Freeze, u"queue"_s));
    QVERIFY(faults.isSet(Sim::Fault::Hang, {}));
    QCOMPARE(changed.size(), 5);
    QCOMPARE(changed.last().at(2).toBool(), false);
}

void tst_FaultController::durationClearsItself()
{
    FaultController faults;
    QSignalSpy changed(&faults, &FaultController::changed);
    Sim::FaultParams params;
    params.durationMs = 50;
    faults.set(Sim::Fault::Freeze, u"queue"_s, params);
    QVERIFY(faults.isSet(Sim::Fault::Freeze, u"queue"_s));
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(changed.last().at(2).toBool(), false);
    QVERIFY(!faults.isSet(Sim::Fault::Freeze, u"queue"_s));
}

void tst_FaultController::descriptorsCoverEveryFault()
{
    const QList<Sim::FaultDescriptor> all = Sim::faultDescriptors();
    const QMetaEnum meta = QMetaEnum::fromType<Sim::Fault>();
    QCOMPARE(all.size(), meta.keyCount());
    for (const Sim::FaultDescriptor &d : all) {
        QVERIFY(!d.title.isEmpty());
        Sim::Fault back;
        QVERIFY(Sim::faultFromKey(d.key, &back));
        QCOMPARE(back, d.id);
    }
    QVERIFY(!Sim::faultDescriptor(Sim::Fault::Restart).takesFeed);
    QVERIFY(Sim::faultDescriptor(Sim::Fault::Freeze).switchable);
    QVERIFY(!Sim::faultDescriptor(Sim::Fault::Flood).switchable);
}

QTEST_GUILESS_MAIN(tst_FaultController)
#include "tst_faultcontroller.moc"
