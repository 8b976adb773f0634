// SIGINT and SIGTERM end Feedwatch cleanly: in-process the watcher turns them into a Qt signal;
// as a process, `feedwatch --headless` exits 0 with the event stream closed by engine_stopped.

#include "cli/unixsignalwatcher.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class tst_UnixSignalWatcher : public QObject
{
    Q_OBJECT

private slots:
    void signalBecomesAQtSignal_data();
    void signalBecomesAQtSignal();
    void headlessExitsCleanly_data();
    void headlessExitsCleanly();
};

void tst_UnixSignalWatcher::signalBecomesAQtSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

void tst_UnixSignalWatcher::signalBecomesAQtSignal()
{
    QFETCH(int, signalNumber);
    UnixSignalWatcher watcher;
    QSignalSpy spy(&watcher, &UnixSignalWatcher::terminationRequested);
    QCOMPARE(::raise(signalNumber), 0); // without the watcher this would end the test
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(spy.first().first().toInt(), signalNumber);
}

void tst_UnixSignalWatcher::headlessExitsCleanly_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

void tst_UnixSignalWatcher::headlessExitsCleanly()
{
    QFETCH(int, signalNumber);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString events = dir.filePath(u"events.jsonl"_s);
    QProcess feedwatch;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, dir.path());
    env.insert(u"XDG_DATA_HOME"_s, dir.path());
    feedwatch.setProcessEnvironment(env);
    feedwatch.start(QStringLiteral(FEEDWATCH_BINARY),
                    {u"--headless"_s, u"--demo"_s, u"--events"_s, events});
    QVERIFY(feedwatch.waitForStarted(5000));
    // Running for real: every demo feed connected before the signal comes.
    auto connectedFeeds = [&] {
        QFile f(events);
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return int(f.readAll().count("\"event\":\"connected\""));
    };
    QTRY_VERIFY_WITH_TIMEOUT(connectedFeeds() >= 8, 20000);
    QCOMPARE(::kill(pid_t(feedwatch.processId()), signalNumber), 0);
    QVERIFY(feedwatch.waitForFinished(10000));
    QCOMPARE(feedwatch.exitStatus(), QProcess::NormalExit);
    QCOMPARE(feedwatch.exitCode(), 0);

    QFile f(events);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(last.value("event"_L1).toString(), u"engine_stopped"_s);
    // Every line whole: the stream was flushed line by line up to the end.
    for (const QByteArray &line : lines)
        QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
}

QTEST_GUILESS_MAIN(tst_UnixSignalWatcher)
#include "tst_unixsignalwatcher.moc"
