#include "connection/snapshotpoller.h"
#include "httpstub.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
AuthSpec auth(AuthSpec::Mode mode)
{
    AuthSpec a;
    a.mode = mode;
    a.token = u"s3cr3t-token"_s;
    a.queryParam = u"access_token"_s;
    return a;
}
} // namespace

class tst_SnapshotPoller : public QObject
{
    Q_OBJECT

private slots:
    void sendsTheTokenLikeTheWebSocket_data();
    void sendsTheTokenLikeTheWebSocket();
    void timesOutAgainstAServerThatNeverAnswers();
    void errorsNeverShowTheToken();
    void endlessBodyIsCutAtTheCapAndPollingGoesOn_data();
    void endlessBodyIsCutAtTheCapAndPollingGoesOn();
    void slowEndlessBodyHitsTheDeadline();
    void declaredLengthOverTheCapIsRefusedUnread();
};

void tst_SnapshotPoller::sendsTheTokenLikeTheWebSocket_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("none") << int(AuthSpec::Mode::None) << QByteArray("GET /api/v1/queue HTTP/1.1");
    QTest::newRow("header") << int(AuthSpec::Mode::Header)
                            << QByteArray("\r\nAuthorization: Bearer s3cr3t-token\r\n");
    QTest::newRow("query") << int(AuthSpec::Mode::Query)
                           << QByteArray("GET /api/v1/queue?access_token=s3cr3t-token HTTP/1.1");
    // HTTP has no subprotocols: the token goes as a bearer header.
    QTest::newRow("subprotocol") << int(AuthSpec::Mode::Subprotocol)
                                 << QByteArray("\r\nAuthorization: Bearer s3cr3t-token\r\n");
}

void tst_SnapshotPoller::sendsTheTokenLikeTheWebSocket()
{
    QFETCH(int, mode);
    QFETCH(QByteArray, expected);
    HttpStub server;
    SnapshotPoller poller(server.url(), 60000, 5000, auth(AuthSpec::Mode(mode)));
    QSignalSpy fetched(&poller, &SnapshotPoller::snapshotFetched);
    poller.start();
    QTRY_COMPARE(fetched.size(), 1);
    QCOMPARE(server.heads().size(), 1);
    QVERIFY2(server.heads().first().contains(expected), server.heads().first().constData());
    if (mode == int(AuthSpec::Mode::None))
        QVERIFY(!server.heads().first().contains("s3cr3t"));
    QCOMPARE(poller.url(), server.url()); // the URL it reports never carries the token
}

void tst_SnapshotPoller::timesOutAgainstAServerThatNeverAnswers()
{
    HttpStub silent(0);
    SnapshotPoller poller(silent.url(), 60000, 300, {});
    QSignalSpy failed(&poller, &SnapshotPoller::failed);
    QElapsedTimer clock;
    clock.start();
    poller.start();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(clock.elapsed() >= 280, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(silent.heads().size(), 1); // it was asked, and said nothing
    QCOMPARE(failed.first().first().toString(),
             u"%1: no answer within 300 ms (fallback.timeout_ms)"_s.arg(silent.url().toString()));
}

void tst_SnapshotPoller::errorsNeverShowTheToken()
{
    HttpStub refusing(401, "{\"detail\":\"Unauthorized\"}");
    SnapshotPoller poller(refusing.url(), 60000, 5000, auth(AuthSpec::Mode::Query));
    QSignalSpy failed(&poller, &SnapshotPoller::failed);
    poller.start();
    QTRY_COMPARE(failed.size(), 1);
    const QString error = failed.first().first().toString();
    QVERIFY2(error.contains(u"HTTP 401"_s), qPrintable(error));
    QVERIFY2(!error.contains(u"s3cr3t"_s), qPrintable(error));
}

void tst_SnapshotPoller::endlessBodyIsCutAtTheCapAndPollingGoesOn_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("chunked forever") << true;
    QTest::newRow("no length, never closed") << false;
}

// A snapshot URL that streams forever: before, the poller read it all (500 MB in 12 s and
// growing, no poll_error, no further poll). Now the cap ends it, and the next poll follows.
void tst_SnapshotPoller::endlessBodyIsCutAtTheCapAndPollingGoesOn()
{
    QFETCH(bool, chunked);
    HttpStub endless;
    endless.setEndless(64 * 1024, 1, chunked);
    SnapshotPoller poller(endless.url(), 300, 5000, {});
    poller.setMaxBytes(1024 * 1024, u"limits.max_message_bytes"_s);
    QSignalSpy failed(&poller, &SnapshotPoller::failed);
    QElapsedTimer clock;
    clock.start();
    poller.start();
    QTRY_COMPARE(failed.size(), 1);
    const qint64 firstAfter = clock.elapsed();
    const qint64 sentWhenCut = endless.bodyBytesSent();
    QCOMPARE(failed.first().first().toString(),
             u"%1: snapshot larger than 1048576 bytes (limits.max_message_bytes)"_s.arg(
                 endless.url().toString()));
    // The next poll comes at its interval and meets the same end.
    QTRY_COMPARE(failed.size(), 2);
    QVERIFY(endless.heads().size() >= 2);
    QVERIFY(poller.isActive());
    qInfo("endless body (%s): cut after %lld ms, %lld KB sent by the server by then (cap 1024 "
          "KB); second poll cut too, %lld KB in all",
          chunked ? "chunked" : "no length", firstAfter, sentWhenCut / 1024,
          endless.bodyBytesSent() / 1024);
    // Bounded: what the server pushed is the cap plus what was in flight, not a growing heap.
    QVERIFY2(sentWhenCut < 8 * 1024 * 1024, qPrintable(QString::number(sentWhenCut)));
    poller.stop();
}

void tst_SnapshotPoller::slowEndlessBodyHitsTheDeadline()
{
    HttpStub trickle;
    trickle.setEndless(100, 20); // never silent for fallback.timeout_ms, never over the cap
    SnapshotPoller poller(trickle.url(), 200, 300, {});
    poller.setDeadlineMs(600, u"fallback.deadline_ms"_s);
    QSignalSpy failed(&poller, &SnapshotPoller::failed);
    QElapsedTimer clock;
    clock.start();
    poller.start();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(clock.elapsed() >= 590, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(
        failed.first().first().toString(),
        u"%1: not finished within 600 ms (fallback.deadline_ms)"_s.arg(trickle.url().toString()));
    QTRY_COMPARE(failed.size(), 2);
    QVERIFY(trickle.heads().size() >= 2);
}

void tst_SnapshotPoller::declaredLengthOverTheCapIsRefusedUnread()
{
    HttpStub big(200, QByteArray(200 * 1024, ' '));
    SnapshotPoller poller(big.url(), 60000, 5000, {});
    poller.setMaxBytes(64 * 1024, u"fallback.max_bytes"_s);
    QSignalSpy failed(&poller, &SnapshotPoller::failed);
    QSignalSpy fetched(&poller, &SnapshotPoller::snapshotFetched);
    poller.start();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(),
             u"%1: snapshot of 204800 bytes is larger than 65536 (fallback.max_bytes)"_s.arg(
                 big.url().toString()));
    QCOMPARE(fetched.size(), 0);
}

QTEST_GUILESS_MAIN(tst_SnapshotPoller)
#include "tst_snapshotpoller.moc"
