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

QTEST_GUILESS_MAIN(tst_SnapshotPoller)
#include "tst_snapshotpoller.moc"
