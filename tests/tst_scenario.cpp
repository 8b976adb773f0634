#include "demoserver.h"
#include "scenario.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include "testutil.h"

using namespace Qt::StringLiterals;

class tst_Scenario : public QObject
{
    Q_OBJECT

private slots:
    void validLines_data();
    void validLines();
    void errorsNameTheLine_data();
    void errorsNameTheLine();
    void commentsBlankLinesAndOrder();
    void loadsAFile();
    void timedRunSwitchesFaults();
};

void tst_Scenario::validLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<qint64>("atMs");
    QTest::addColumn<Sim::Fault>("fault");
    QTest::addColumn<QString>("feed");
    QTest::addColumn<qint64>("durationMs");
    QTest::newRow("freeze") << u"at 5s freeze queue for 8s"_s << 5000LL << Sim::Fault::Freeze
                            << u"queue"_s << 8000LL;
    QTest::newRow("drop") << u"at 2s drop all"_s << 2000LL << Sim::Fault::Drop << QString() << 0LL;
    QTest::newRow("restart") << u"at 10s restart"_s << 10000LL << Sim::Fault::Restart << QString()
                             << 0LL;
    QTest::newRow("close") << u"at 1s close workflows 1013"_s << 1000LL << Sim::Fault::Close
                           << u"workflows"_s << 0LL;
    QTest::newRow("refuse") << u"at 3s refuse all 403 for 5s"_s << 3000LL << Sim::Fault::Refuse
                            << QString() << 5000LL;
    QTest::newRow("latency") << u"at 4s latency all 300 jitter 50 for 10s"_s << 4000LL
                             << Sim::Fault::Latency << QString() << 10000LL;
    QTest::newRow("malformed") << u"at 6s malformed queue"_s << 6000LL << Sim::Fault::Malformed
                               << u"queue"_s << 0LL;
    QTest::newRow("flood") << u"at 7s flood queue 1000"_s << 7000LL << Sim::Fault::Flood
                           << u"queue"_s << 0LL;
    QTest::newRow("hang") << u"at 8s hang all for 5s"_s << 8000LL << Sim::Fault::Hang << QString()
                          << 5000LL;
    QTest::newRow("bandwidth") << u"at 9s bandwidth all 1024 for 5s"_s << 9000LL
                               << Sim::Fault::Bandwidth << QString() << 5000LL;
    QTest::newRow("ms") << u"at 50ms binary adw-state/abc"_s << 50LL << Sim::Fault::Binary
                        << u"adw-state/abc"_s << 0LL;
    QTest::newRow("oversize") << u"at 1.5s oversize queue 1MiB"_s << 1500LL << Sim::Fault::Oversize
                              << u"queue"_s << 0LL;
    QTest::newRow("dropacks") << u"at 2m dropacks all"_s << 120000LL << Sim::Fault::DropAcks
                              << QString() << 0LL;
}

void tst_Scenario::validLines()
{
    QFETCH(QString, line);
    QFETCH(qint64, atMs);
    QFETCH(Sim::Fault, fault);
    QFETCH(QString, feed);
    QFETCH(qint64, durationMs);
    Scenario scenario;
    QVERIFY2(scenario.parse(line), qPrintable(scenario.errorString()));
    QCOMPARE(scenario.steps().size(), 1);
    const Scenario::Step step = scenario.steps().constFirst();
    QCOMPARE(step.line, 1);
    QCOMPARE(step.atMs, atMs);
    QCOMPARE(step.fault, fault);
    QCOMPARE(step.feed, feed);
    QCOMPARE(step.params.durationMs, durationMs);
    if (fault == Sim::Fault::Latency) {
        QCOMPARE(step.params.latencyMs, 300);
        QCOMPARE(step.params.jitterMs, 50);
    } else if (fault == Sim::Fault::Close) {
        QCOMPARE(step.params.closeCode, 1013);
    } else if (fault == Sim::Fault::Refuse) {
        QCOMPARE(step.params.httpStatus, 403);
        QVERIFY(step.params.keepOpen);
    } else if (fault == Sim::Fault::Oversize) {
        QCOMPARE(step.params.sizeBytes, 1024 * 1024);
    } else if (fault == Sim::Fault::Flood) {
        QCOMPARE(step.params.count, 1000);
    }
}

void tst_Scenario::errorsNameTheLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no at") << u"# header\nfreeze queue"_s << 2 << u"expected 'at"_s;
    QTest::newRow("bad time") << u"at five freeze queue"_s << 1 << u"not a time"_s;
    QTest::newRow("unknown command")
        << u"at 1s\nat 1s explode queue"_s << 1 << u"expected 'at <time> <command>'"_s;
    QTest::newRow("unknown verb") << u"at 1s drop all\n\nat 2s explode queue"_s << 3
                                  << u"unknown command 'explode'"_s;
    QTest::newRow("unknown feed") << u"at 1s freeze qeue"_s << 1 << u"unknown feed 'qeue'"_s;
    QTest::newRow("close code") << u"at 1s close all 1006"_s << 1 << u"close code"_s;
    QTest::newRow("refuse status") << u"at 1s refuse all 200"_s << 1 << u"HTTP status"_s;
    QTest::newRow("for on one-shot") << u"at 1s drop all for 3s"_s << 1 << u"happens once"_s;
    QTest::newRow("bad duration") << u"at 1s freeze all for ever"_s << 1 << u"not a duration"_s;
    QTest::newRow("trailing") << u"at 1s drop all now"_s << 1 << u"unexpected 'now'"_s;
    QTest::newRow("flood count") << u"at 1s flood queue"_s << 1 << u"message count"_s;
    QTest::newRow("clear one-shot")
        << u"at 1s clear drop"_s << 1 << u"not a fault that can be cleared"_s;
}

void tst_Scenario::errorsNameTheLine()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(QString, problem);
    Scenario scenario;
    QVERIFY(!scenario.parse(text));
    QCOMPARE(scenario.errorLine(), line);
    QVERIFY2(scenario.errorString().startsWith(u"line %1: "_s.arg(line)),
             qPrintable(scenario.errorString()));
    QVERIFY2(scenario.errorString().contains(problem), qPrintable(scenario.errorString()));
    QVERIFY(scenario.steps().isEmpty());
}

void tst_Scenario::commentsBlankLinesAndOrder()
{
    Scenario scenario;
    QVERIFY(scenario.parse(u"# a comment\n\nat 2s restart   # trailing comment\n"
                           "  at 1s clear all\nat 3s clear freeze queue\nat 4s quit\n"_s));
    const QList<Scenario::Step> steps = scenario.steps();
    QCOMPARE(steps.size(), 4);
    QCOMPARE(steps.at(0).action, Scenario::Action::ClearAll);
    QCOMPARE(steps.at(0).line, 4);
    QCOMPARE(steps.at(1).fault, Sim::Fault::Restart);
    QCOMPARE(steps.at(2).action, Scenario::Action::Clear);
    QCOMPARE(steps.at(2).feed, u"queue"_s);
    QCOMPARE(steps.at(3).action, Scenario::Action::Quit);
}

void tst_Scenario::loadsAFile()
{
    QTemporaryDir dir;
    const QString path =
        TestUtil::writeFile(dir, u"s.txt"_s, "at 1s freeze all\nat 2s latency queue x\n");
    Scenario scenario;
    QVERIFY(!scenario.load(path));
    QCOMPARE(scenario.errorLine(), 2);
    QVERIFY(!scenario.load(dir.filePath(u"missing.txt"_s)));
}

void tst_Scenario::timedRunSwitchesFaults()
{
    DemoServer server;
    QVERIFY(server.start());
    QUrl url = server.baseUrl();
    url.setPath(u"/api/v1/ws/queue"_s);
    QWebSocket client;
    QSignalSpy closed(&client, &QWebSocket::disconnected);
    client.open(url);
    QTRY_COMPARE(server.connectionCount(), 1);

    Scenario scenario;
    QVERIFY(scenario.parse(u"at 20ms freeze queue for 50ms\n"
                           "at 40ms latency all 10\n"
                           "at 120ms close queue 4001\n"
                           "at 130ms quit\n"_s));
    QSignalSpy changed(&server, &DemoServer::faultChanged);
    QSignalSpy triggered(&server, &DemoServer::faultTriggered);
    QSignalSpy quit(&scenario, &Scenario::quitRequested);
    QSignalSpy finished(&scenario, &Scenario::finished);
    scenario.run(&server);
    QVERIFY(scenario.isRunning());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(quit.size(), 1);
    // freeze on, latency on, freeze off (after its 50 ms); close is a one-shot.
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.at(0).at(0).value<Sim::Fault>(), Sim::Fault::Freeze);
    QCOMPARE(changed.at(2).at(0).value<Sim::Fault>(), Sim::Fault::Freeze);
    QCOMPARE(changed.at(2).at(2).toBool(), false);
    QVERIFY(server.isFaultActive(Sim::Fault::Latency));
    QCOMPARE(triggered.size(), 1);
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(int(client.closeCode()), 4001);
}

QTEST_GUILESS_MAIN(tst_Scenario)
#include "tst_scenario.moc"
