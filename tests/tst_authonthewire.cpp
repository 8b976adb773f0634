#include "connection/connectiontester.h"
#include "connection/feedconnection.h"
#include "core/clock.h"
#include "eventrecorder.h"
#include "faultproxy.h"
#include "testfeedserver.h"
#include "testhttpserver.h"
#include "testtls.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// '+', '/', '=', '&', '%' and '?' each break a naive query string; '+' reads as a space on
// form-decoding servers unless it is sent as %2B.
const QString kQueryToken = u"fw-wire+T0k/3n=&%?~x"_s;
// A subprotocol is an RFC 7230 token: no '/' or '=' (docs/cli.md says so).
const QString kSubprotocolToken = u"fw-wire.T0k3n_42"_s;

struct Wire
{
    QByteArray authorization;
    QByteArray subprotocols;
    QUrl url;
};

Wire wireOf(const QNetworkRequest &request)
{
    return {request.rawHeader("Authorization"), request.rawHeader("Sec-WebSocket-Protocol"),
            request.url()};
}

} // namespace

// The credentials reach a real server the way docs/cli.md says, byte for byte, over ws:// and
// wss://, from the live link and from the test connection.
class tst_AuthOnTheWire : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void credentialsReachTheServer_data();
    void credentialsReachTheServer();
    void pollerSendsTheCredentials_data();
    void pollerSendsTheCredentials();

private:
    QTemporaryDir m_dir;
    QString m_caFile;
};

void tst_AuthOnTheWire::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_caFile = TestTls::writePem(m_dir, u"ca"_s);
}

void tst_AuthOnTheWire::credentialsReachTheServer_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("queryParam");
    QTest::addColumn<bool>("secure");
    QTest::addColumn<bool>("tester"); // the test connection instead of the live link
    for (const bool secure : {false, true}) {
        for (const bool tester : {false, true}) {
            const QString tag = u"%1, %2"_s.arg(secure ? u"wss"_s : u"ws"_s,
                                                tester ? u"test connection"_s : u"live link"_s);
            QTest::addRow("header, %s", qPrintable(tag))
                << u"header"_s << kQueryToken << QString() << secure << tester;
            QTest::addRow("query, %s", qPrintable(tag))
                << u"query"_s << kQueryToken << QString() << secure << tester;
            QTest::addRow("query access_token, %s", qPrintable(tag))
                << u"query"_s << kQueryToken << u"access_token"_s << secure << tester;
            QTest::addRow("subprotocol, %s", qPrintable(tag))
                << u"subprotocol"_s << kSubprotocolToken << QString() << secure << tester;
        }
    }
}

void tst_AuthOnTheWire::credentialsReachTheServer()
{
    QFETCH(QString, mode);
    QFETCH(QString, token);
    QFETCH(QString, queryParam);
    QFETCH(bool, secure);
    QFETCH(bool, tester);
    std::unique_ptr<TestFeedServer> server = secure
        ? std::make_unique<TestFeedServer>(TestTls::serverConfiguration(u"server"_s))
        : std::make_unique<TestFeedServer>();
    server->setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[]}})");
    QVERIFY(server->listen());
    QJsonObject auth {{u"token"_s, token}, {u"mode"_s, mode}};
    if (!queryParam.isEmpty())
        auth.insert("query_param"_L1, queryParam);
    QJsonObject root {{u"server"_s, server->baseUrl().toString()},
                      {u"feeds"_s, QJsonArray {u"queue"_s}},
                      {u"auth"_s, auth}};
    if (secure)
        root.insert("tls"_L1, QJsonObject {{u"ca_file"_s, m_caFile}});
    const ConfigResult config = ConfigLoader::fromJson(root);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    const FeedSpec spec = config.config.feeds.first();

    if (tester) {
        ConnectionTester test(spec, SystemClock::instance());
        QSignalSpy finished(&test, &ConnectionTester::finished);
        test.start();
        QVERIFY(finished.wait(5000));
        const TestResult result = finished.at(0).at(0).value<TestResult>();
        QVERIFY2(result.ok, qPrintable(result.error));
    } else {
        FeedConnection feed(spec, SystemClock::instance(), systemRandom());
        feed.start();
        QTRY_COMPARE(feed.state(), Feed::State::Connected);
    }
    QCOMPARE(server->requests().size(), 1);
    const Wire wire = wireOf(server->requests().first());
    QCOMPARE(wire.url.path(), u"/api/v1/ws/queue"_s);
    const QString param = queryParam.isEmpty() ? u"token"_s : queryParam;
    if (mode == "header"_L1) {
        QCOMPARE(wire.authorization, "Bearer " + token.toUtf8());
        QVERIFY(!wire.url.hasQuery());
        QVERIFY(wire.subprotocols.isEmpty());
    } else if (mode == "query"_L1) {
        QVERIFY(wire.authorization.isEmpty());
        QCOMPARE(QUrlQuery(wire.url).queryItemValue(param, QUrl::FullyDecoded), token);
        const QString raw = wire.url.query(QUrl::FullyEncoded);
        QVERIFY2(raw.startsWith(param + u'=') && !raw.contains(u'+') && raw.contains(u"%2B"_s),
                 qPrintable(raw));
        QCOMPARE(QUrlQuery(wire.url).queryItems().size(), 1);
    } else {
        QVERIFY(wire.authorization.isEmpty());
        QVERIFY(!wire.url.hasQuery());
        QCOMPARE(wire.subprotocols, "bearer, " + token.toUtf8());
    }
    qInfo("%s: Authorization \"%s\", query \"%s\", Sec-WebSocket-Protocol \"%s\"",
          QTest::currentDataTag(), wire.authorization.constData(),
          qPrintable(wire.url.query(QUrl::FullyEncoded)), wire.subprotocols.constData());
}

void tst_AuthOnTheWire::pollerSendsTheCredentials_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("secure");
    for (const bool secure : {false, true}) {
        QTest::addRow("header, %s", secure ? "https" : "http") << u"header"_s << secure;
        QTest::addRow("query, %s", secure ? "https" : "http") << u"query"_s << secure;
    }
}

// The degraded-mode poller, reached the real way: the WebSocket upgrade is refused (503), the
// feed polls its snapshot URL, the HTTP server records what arrived.
void tst_AuthOnTheWire::pollerSendsTheCredentials()
{
    QFETCH(QString, mode);
    QFETCH(bool, secure);
    TestFeedServer ws;
    QVERIFY(ws.listen());
    FaultProxy proxy;
    QVERIFY(proxy.listen(ws.port()));
    proxy.setHttpRefusal(503, false);
    std::unique_ptr<TestHttpServer> http = secure
        ? std::make_unique<TestHttpServer>(TestTls::serverConfiguration(u"server"_s))
        : std::make_unique<TestHttpServer>();
    http->setResponse(200, R"({"phases":[]})");
    QVERIFY(http->listen());
    QUrl server = proxy.wsUrl({});
    server.setPath({});
    QJsonObject root {{u"server"_s, server.toString()},
                      {u"auth"_s, QJsonObject {{u"token"_s, kQueryToken}, {u"mode"_s, mode}}},
                      {u"feeds"_s,
                       QJsonArray {QJsonObject {{u"id"_s, u"queue"_s},
                                                {u"snapshot_url"_s, http->url().toString()}}}},
                      {u"fallback"_s, QJsonObject {{u"poll_ms"_s, 100}}},
                      {u"backoff"_s, QJsonObject {{u"initial_ms"_s, 50}, {u"jitter"_s, 0}}}};
    if (secure)
        root.insert("tls"_L1, QJsonObject {{u"ca_file"_s, m_caFile}});
    const ConfigResult config = ConfigLoader::fromJson(root);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedConnection feed(config.config.feeds.first(), SystemClock::instance(), systemRandom());
    feed.start();
    QTRY_VERIFY(!http->requests().isEmpty());
    const TestHttpServer::Request request = http->requests().first();
    const QUrl target(QString::fromLatin1(request.target));
    QCOMPARE(target.path(), u"/api/v1/queue"_s);
    if (mode == "header"_L1) {
        QCOMPARE(request.headers.value("authorization"), "Bearer " + kQueryToken.toUtf8());
        QVERIFY(!target.hasQuery());
    } else {
        QCOMPARE(QUrlQuery(target).queryItemValue(u"token"_s, QUrl::FullyDecoded), kQueryToken);
        QVERIFY2(!request.target.contains('+'), request.target.constData());
        QVERIFY(!request.headers.contains("authorization"));
    }
}

QTEST_GUILESS_MAIN(tst_AuthOnTheWire)
#include "tst_authonthewire.moc"
