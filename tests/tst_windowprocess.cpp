// The window as a process (app/main.cpp): what scripts and demos rely on when they start
// `feedwatch` with its window rather than --headless.
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class tst_WindowProcess : public QObject
{
    Q_OBJECT
private slots:
    void eventsAndDurationWithTheWindow();
    void closesOnSigterm();
    void unwritableEventsFileIsAUsageError();
};

namespace {
void startWindow(QProcess &feedwatch, const QTemporaryDir &dir, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, dir.path());
    env.insert(u"XDG_DATA_HOME"_s, dir.path());
    feedwatch.setProcessEnvironment(env);
    feedwatch.start(QStringLiteral(FEEDWATCH_BINARY), args);
}

QList<QJsonObject> readEvents(const QString &path)
{
    QList<QJsonObject> events;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return events;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject()) // a torn line would be a defect: report it as an empty object
            events << QJsonObject();
        else
            events << doc.object();
    }
    return events;
}
} // namespace

void tst_WindowProcess::eventsAndDurationWithTheWindow()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"events.jsonl"_s);
    QProcess feedwatch;
    QElapsedTimer timer;
    timer.start();
    startWindow(feedwatch, dir, {u"--demo"_s, u"--events"_s, path, u"--duration"_s, u"6"_s});
    QVERIFY(feedwatch.waitForStarted(5000));
    QVERIFY(feedwatch.waitForFinished(30000));
    const qint64 ranMs = timer.elapsed();
    QCOMPARE(feedwatch.exitStatus(), QProcess::NormalExit);
    QCOMPARE(feedwatch.exitCode(), 0);
    // --duration closed the window, not a timeout of ours: at least the six seconds asked for.
    QVERIFY2(ranMs >= 6000, qPrintable(QString::number(ranMs)));

    const QList<QJsonObject> events = readEvents(path);
    QSet<QString> connected;
    int updates = 0;
    for (const QJsonObject &e : events) {
        QVERIFY2(!e.isEmpty(), "every line of the stream is a whole JSON object");
        const QString kind = e.value("event"_L1).toString();
        if (kind == "connected"_L1)
            connected << e.value("feed"_L1).toString();
        else if (kind == "update"_L1)
            ++updates;
    }
    qInfo("window ran %lld ms; %lld events, %lld feeds connected, %d updates", ranMs,
          qint64(events.size()), qint64(connected.size()), updates);
    QCOMPARE(connected.size(), 8);
    QVERIFY(updates >= 8);
}

void tst_WindowProcess::closesOnSigterm()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"events.jsonl"_s);
    QProcess feedwatch;
    startWindow(feedwatch, dir, {u"--demo"_s, u"--events"_s, path});
    QVERIFY(feedwatch.waitForStarted(5000));
    auto connectedFeeds = [&] {
        int n = 0;
        for (const QJsonObject &e : readEvents(path))
            n += e.value("event"_L1).toString() == "connected"_L1;
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(connectedFeeds() >= 8, 20000);
    QCOMPARE(::kill(pid_t(feedwatch.processId()), SIGTERM), 0);
    QVERIFY(feedwatch.waitForFinished(10000));
    QCOMPARE(feedwatch.exitStatus(), QProcess::NormalExit);
    QCOMPARE(feedwatch.exitCode(), 0);
}

void tst_WindowProcess::unwritableEventsFileIsAUsageError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess feedwatch;
    const QString path = dir.filePath(u"no/such/dir/events.jsonl"_s);
    startWindow(feedwatch, dir, {u"--demo"_s, u"--events"_s, path});
    QVERIFY(feedwatch.waitForFinished(15000));
    QCOMPARE(feedwatch.exitCode(), 2);
    const QString err = QString::fromLocal8Bit(feedwatch.readAllStandardError());
    QVERIFY2(err.contains(u"--events"_s) && err.contains(path), qPrintable(err));
}

QTEST_GUILESS_MAIN(tst_WindowProcess)
#include "tst_windowprocess.moc"
