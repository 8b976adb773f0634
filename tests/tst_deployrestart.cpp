// A deploy, as the operator sees it: a real peer (python3-websockets, tests/peers/odd_peer.py)
// serving the eight default feeds is stopped with SIGTERM, closes every socket with 1012 (what
// uvicorn sends on shutdown; Qt 6.4 reports it as 1002 "Invalid close code"), and is back on
// the same port a second later. With DEFAULT settings every feed must be connected again within
// 5 s of the server accepting, no more than 4 reconnects may fall into any 100 ms, and the
// restart is one `server_restart` and one alert, not eight.

#include "connection/feedconnection.h"
#include "connection/feedengine.h"
#include "events/alerttracker.h"
#include "faultmatrix.h"
#include "peerprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace FaultMatrix;

class tst_DeployRestart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void restartWith1012_data();
    void restartWith1012();

private:
    QTemporaryDir m_dir;
    QString m_python;
};

void tst_DeployRestart::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::copy(u":/peers/odd_peer.py"_s, m_dir.filePath(u"odd_peer.py"_s)));
    m_python = PeerProcess::debianPython();
    if (m_python.isEmpty() || !PeerProcess::pythonHas(m_python, u"websockets"_s))
        QSKIP("/usr/bin/python3 cannot import websockets (Debian package python3-websockets)");
}

void tst_DeployRestart::restartWith1012_data()
{
    QTest::addColumn<QStringList>("peerArgs");
    // tac-webbuilder sends no hello: the restart is inferred from the closes alone.
    QTest::newRow("no hello (like tac-webbuilder)") << QStringList();
    QTest::newRow("hello with a new server_id") << QStringList {u"--hello"_s};
}

void tst_DeployRestart::restartWith1012()
{
    QFETCH(QStringList, peerArgs);
    PeerProcess peer(m_python, QStringList {m_dir.filePath(u"odd_peer.py"_s)} + peerArgs);
    const quint16 port = peer.start(0);
    QVERIFY2(port != 0, qPrintable(peer.errorOutput()));

    // Default settings, the profile's default feeds, the system clock and randomness.
    ConfigOverrides overrides;
    overrides.server = u"ws://127.0.0.1:%1"_s.arg(port);
    const ConfigResult config = ConfigLoader::fromJson({}, overrides);
    QVERIFY(config.ok());
    const QStringList feeds = config.config.feeds.isEmpty() ? QStringList() : [&] {
        QStringList ids;
        for (const FeedSpec &f : config.config.feeds)
            ids << f.id;
        return ids;
    }();
    QCOMPARE(feeds.size(), ConfigLoader::defaultFeedNames().size());
    FeedEngine engine(config.config);
    TimedEventLog log(&engine);
    AlertTracker alerts;
    QList<FeedEvent> raised;
    connect(&engine, &FeedEngine::eventRaised, &alerts, &AlertTracker::track);
    connect(&alerts, &AlertTracker::alertRaised, this,
            [&](const FeedEvent &alert) { raised << alert; });
    engine.start();
    // Up for a while, as before any deploy: every feed past its stable window.
    QVERIFY(waitForEach(log, feeds, u"stable"_s, 1, 20000).isEmpty());
    QCOMPARE(raised.size(), 0);

    const qint64 stoppedAt = log.nowMs();
    QVERIFY(peer.terminate());
    QVERIFY2(peer.output().contains(u"CLOSED %1"_s.arg(feeds.size())),
             qPrintable(peer.errorOutput()));
    QVERIFY(spinUntil([&] { return log.count(u"disconnected"_s, {}, stoppedAt) >= feeds.size(); },
                      5000));
    spinUntil([] { return false; }, 1000); // down for a second, like a quick deploy
    QCOMPARE(peer.start(port), port);
    const qint64 acceptingAt = log.nowMs();
    const bool allBack = spinUntil(
        [&] {
            for (const QString &f : feeds) {
                if (engine.stats(f).state != Feed::State::Connected)
                    return false;
            }
            return true;
        },
        15000);
    const qint64 backAt = log.nowMs();
    QVERIFY(spinUntil([&] { return log.count(u"restart_complete"_s, {}, stoppedAt) == 1; }, 3000));
    spinUntil([] { return false; }, 300); // nothing more may follow

    // Every disconnect was read as the restart it is.
    const QList<TimedEvent> drops = log.ofKind(u"disconnected"_s, {}, stoppedAt);
    int restartCloses = 0;
    for (const TimedEvent &d : drops)
        restartCloses += d.event.fields.value("decision"_L1).toString() == "retry_restart"_L1;
    // Reconnects: the attempts after the stop, and the densest 100 ms among them.
    QList<qint64> attempts;
    QStringList order;
    for (const TimedEvent &a : log.ofKind(u"attempt"_s, {}, stoppedAt)) {
        attempts << a.atMs;
        if (!order.contains(a.event.feed))
            order << a.event.feed;
    }
    int densest = 0;
    for (const qint64 t : std::as_const(attempts)) {
        densest = std::max(densest,
                           int(std::count_if(attempts.begin(), attempts.end(),
                                             [t](qint64 u) { return u >= t && u < t + 100; })));
    }
    QList<qint64> connectedAfterAccepting;
    for (const QString &f : feeds) {
        const QList<TimedEvent> c = log.ofKind(u"connected"_s, f, acceptingAt);
        if (!c.isEmpty())
            connectedAfterAccepting << c.first().atMs - acceptingAt;
    }
    const QList<TimedEvent> restarts = log.ofKind(u"server_restart"_s, {}, stoppedAt);
    QStringList alertKinds;
    for (const FeedEvent &a : raised)
        alertKinds << a.fields.value("alert"_L1).toString();
    qInfo().noquote()
        << u"%1: %13 sockets closed with 1012 (read as %2 restart closes), down %3 ms; accepting "
           u"-> all %13 connected %4 ms (per feed %5); %6 attempts after the stop, at most %7 in "
           u"any "
           u"100 ms; reconnect order %8; %9 server_restart (downtime_ms %10, evidence %11); "
           u"alerts [%12]"_s.arg(QString::fromLatin1(QTest::currentDataTag()))
               .arg(restartCloses)
               .arg(acceptingAt - stoppedAt)
               .arg(backAt - acceptingAt)
               .arg(Spread(connectedAfterAccepting).text())
               .arg(attempts.size())
               .arg(densest)
               .arg(order.join(u' '))
               .arg(restarts.size())
               .arg(restarts.isEmpty() ? -1 : restarts.first().number("downtime_ms"))
               .arg(restarts.isEmpty()
                        ? QString()
                        : QString::fromUtf8(
                            QJsonDocument(
                                restarts.first().event.fields.value("evidence"_L1).toArray())
                                .toJson(QJsonDocument::Compact)))
               .arg(alertKinds.join(u", "_s))
               .arg(feeds.size());

    QVERIFY(allBack);
    QCOMPARE(restartCloses, feeds.size());
    for (const qint64 ms : std::as_const(connectedAfterAccepting))
        QVERIFY2(ms <= 5000, qPrintable(QString::number(ms)));
    QCOMPARE(connectedAfterAccepting.size(), feeds.size());
    QVERIFY2(densest <= 4, qPrintable(QString::number(densest)));
    // The most important feeds first: the first attempts after the stop in priority order.
    QCOMPARE(order, feeds);
    QCOMPARE(restarts.size(), 1);
    QVERIFY(restarts.first().number("downtime_ms") > 900);
    QCOMPARE(log.count(u"server_restarting"_s, {}, stoppedAt), 1);
    QCOMPARE(alertKinds, QStringList {u"server_restarting"_s});
    if (!peerArgs.isEmpty()) {
        QVERIFY(!restarts.first().event.fields.value("server_id"_L1).toString().isEmpty());
        QVERIFY(restarts.first().event.fields.value("server_id"_L1)
                != restarts.first().event.fields.value("previous_server_id"_L1));
    }
    engine.stopAll();
}

QTEST_GUILESS_MAIN(tst_DeployRestart)
#include "tst_deployrestart.moc"
