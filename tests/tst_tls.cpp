#include "connection/connectiontester.h"
#include "connection/feedconnection.h"
#include "connection/feedengine.h"
#include "connection/snapshotpoller.h"
#include "connection/tls.h"
#include "core/clock.h"
#include "eventrecorder.h"
#include "testfeedserver.h"
#include "testhttpserver.h"
#include "testtls.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kSnapshot = R"({"type":"queue_update","data":{"phases":[{"queue_id":"q1"}]}})";

// Every TLS case is decided in the handshake; short timings only bound the failure paths.
QJsonObject fastSettings()
{
    return QJsonDocument::fromJson(R"({"backoff":{"initial_ms":20,"jitter":0,"max_ms":2000},
        "connection":{"stable_ms":300},"heartbeat":{"interval_ms":100,"timeout_ms":1000},
        "connect":{"timeout_ms":3000},"stagger":{"step_ms":5}})")
        .object();
}

// A config for one feed (queue) on `server` with `tls` (a "tls" object, may be empty).
Config configFor(const QUrl &server, const QJsonObject &tls)
{
    QJsonObject root = fastSettings();
    root.insert("server"_L1, server.toString());
    root.insert("feeds"_L1, QJsonArray {u"queue"_s});
    if (!tls.isEmpty())
        root.insert("tls"_L1, tls);
    const ConfigResult result = ConfigLoader::fromJson(root);
    if (!result.ok())
        qFatal("bad test config: %s", qPrintable(result.errors.join(u"; "_s)));
    return result.config;
}

QJsonObject pin(const QString &host, quint16 port, const QString &fingerprint)
{
    return {{u"trusted_certificates"_s,
             QJsonArray {
                 QJsonObject {{u"host"_s, host}, {u"port"_s, port}, {u"sha256"_s, fingerprint}}}}};
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void privateCaIsAddedToTheSystemCas();
    void refusedCertificateStopsTheFeed_data();
    void refusedCertificateStopsTheFeed();
    void manualReconnectTriesAgain();
    void acceptedWithCaFileConnectsAndMeasuresRtt();
    void pinnedCertificateIsAcceptedOnlyThere_data();
    void pinnedCertificateIsAcceptedOnlyThere();
    void testConnectionUsesTheSameTls();
    void checkOverWssExitCodes();
    void pollerUsesTheSameTls_data();
    void pollerUsesTheSameTls();
    void configErrorsNameTheKey_data();
    void configErrorsNameTheKey();

private:
    QTemporaryDir m_dir;
    QString m_caFile;
};

void tst_Tls::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "no TLS backend: Qt's openssl plugin or libssl3 missing");
    qInfo("TLS backend %s, %s (built against %s)", qPrintable(QSslSocket::activeBackend()),
          qPrintable(QSslSocket::sslLibraryVersionString()),
          qPrintable(QSslSocket::sslLibraryBuildVersionString()));
    QVERIFY(m_dir.isValid());
    m_caFile = TestTls::writePem(m_dir, u"ca"_s);
}

void tst_Tls::privateCaIsAddedToTheSystemCas()
{
    TlsSpec spec;
    spec.caPem = TestTls::pem(u"ca"_s);
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    const QList<QSslCertificate> configured = Tls::configuration(spec).caCertificates();
    QCOMPARE(configured.size(), system.size() + 1);
    QVERIFY(configured.contains(QSslCertificate(TestTls::pem(u"ca"_s))));
    // Without a CA file nothing changes: Qt's defaults, verification on.
    const QSslConfiguration plain = Tls::configuration({});
    QCOMPARE(plain.peerVerifyMode(), QSslConfiguration::defaultConfiguration().peerVerifyMode());
    QCOMPARE(plain.caCertificates(), QSslConfiguration::defaultConfiguration().caCertificates());
    qInfo("tls.ca_file: %lld system CAs + 1 private CA", qlonglong(system.size()));
}

void tst_Tls::refusedCertificateStopsTheFeed_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<bool>("withCa");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown CA (no tls.ca_file)")
        << u"server"_s << false << u"unknown_ca"_s << u"Feedwatch Test CA"_s;
    QTest::newRow("self-signed") << u"selfsigned"_s << false << u"self_signed"_s
                                 << u"self-signed"_s;
    QTest::newRow("wrong host") << u"other-host"_s << true << u"host_mismatch"_s
                                << u"issued for other.invalid, not for 127.0.0.1"_s;
    QTest::newRow("expired") << u"expired"_s << true << u"expired"_s << u"expired on 2001-01-01"_s;
    QTest::newRow("expired, unknown CA")
        << u"expired"_s << false << u"unknown_ca"_s << u"expired on 2001-01-01"_s;
}

void tst_Tls::refusedCertificateStopsTheFeed()
{
    QFETCH(QString, certificate);
    QFETCH(bool, withCa);
    QFETCH(QString, problem);
    QFETCH(QString, mentions);
    TestFeedServer server(TestTls::serverConfiguration(certificate));
    server.setInitialSnapshot(kSnapshot);
    QVERIFY(server.listen());
    const Config config = configFor(
        server.baseUrl(), withCa ? QJsonObject {{u"ca_file"_s, m_caFile}} : QJsonObject {});
    FeedConnection feed(config.feeds.first(), SystemClock::instance(), systemRandom());
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Stopped);

    const FeedEvent tls = events.last(u"tls_error"_s);
    QCOMPARE(tls.event, u"tls_error"_s);
    QCOMPARE(tls.fields.value("problem"_L1).toString(), problem);
    QCOMPARE(tls.fields.value("host"_L1).toString(), u"127.0.0.1"_s);
    QCOMPARE(tls.fields.value("port"_L1).toInt(), int(server.port()));
    QCOMPARE(tls.fields.value("fingerprint_sha256"_L1).toString(),
             TestTls::fingerprint(certificate));
    const QString error = tls.fields.value("error"_L1).toString();
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(error.contains(u"127.0.0.1:%1"_s.arg(server.port())), qPrintable(error));
    QVERIFY2(error.contains(u"tls.ca_file"_s) || problem != "unknown_ca"_L1, qPrintable(error));
    QVERIFY2(error.contains(u"trust this certificate"_s), qPrintable(error));
    for (const char *field : {"subject", "issuer", "not_before", "not_after"})
        QVERIFY2(!tls.fields.value(QLatin1StringView(field)).toString().isEmpty(), field);

    const FeedEvent closed = events.last(u"disconnected"_s);
    QCOMPARE(closed.fields.value("code"_L1).toInt(), 1015);
    QCOMPARE(closed.fields.value("decision"_L1).toString(), u"stop_tls"_s);
    const FeedStats stats = feed.stats();
    QCOMPARE(stats.stopReason, Reconnect::StopReason::Tls);
    QCOMPARE(stats.tlsError.value("fingerprint_sha256"_L1).toString(),
             TestTls::fingerprint(certificate));
    QCOMPARE(stats.lastError, error);

    // A configuration problem: no retry loop. One attempt, nothing scheduled, none in a window.
    // The health monitor may still report the stop on its whole-second tick: only events of
    // the connection's life count here (one came within the 300 ms in a loaded CI run).
    const qsizetype seen = events.events().size();
    QTest::qWait(300);
    for (qsizetype i = seen; i < events.events().size(); ++i) {
        const QString event = events.events().at(i).event;
        qInfo("after the stop: %s", qPrintable(event));
        QVERIFY2(event != "attempt"_L1 && event != "retry_scheduled"_L1 && event != "state"_L1
                     && event != "connected"_L1,
                 qPrintable(event));
    }
    QCOMPARE(events.count(u"attempt"_s), 1);
    QCOMPARE(events.count(u"retry_scheduled"_s), 0);
    QCOMPARE(server.connectionCount(), 0); // the upgrade never reached the server
    qInfo("%s: stopped %lld ms after the attempt, 1 attempt, 0 retries in 300 ms; \"%s\"",
          QTest::currentDataTag(), tls.wallMs - events.last(u"attempt"_s).wallMs,
          qPrintable(error));
}

void tst_Tls::manualReconnectTriesAgain()
{
    TestFeedServer server(TestTls::serverConfiguration(u"selfsigned"_s));
    QVERIFY(server.listen());
    FeedConnection feed(configFor(server.baseUrl(), {}).feeds.first(), SystemClock::instance(),
                        systemRandom());
    EventRecorder events(&feed);
    feed.start();
    QTRY_COMPARE(events.count(u"tls_error"_s), 1);
    feed.reconnectNow();
    QTRY_COMPARE(events.count(u"tls_error"_s), 2);
    QCOMPARE(events.count(u"attempt"_s), 2);
    QCOMPARE(feed.state(), Feed::State::Stopped);
}

void tst_Tls::acceptedWithCaFileConnectsAndMeasuresRtt()
{
    TestFeedServer server(TestTls::serverConfiguration(u"server"_s));
    server.setInitialSnapshot(kSnapshot);
    QVERIFY(server.listen());
    const Config config = configFor(server.baseUrl(), {{u"ca_file"_s, m_caFile}});
    FeedEngine engine(config);
    EventRecorder events(&engine);
    QSignalSpy snapshots(&engine, &FeedEngine::snapshotReceived);
    engine.start();
    QTRY_COMPARE(engine.stats(u"queue"_s).state, Feed::State::Connected);
    QTRY_VERIFY(events.count(u"latency"_s) >= 3);
    QTRY_COMPARE(snapshots.size(), 1);
    QCOMPARE(events.count(u"tls_error"_s), 0);
    QCOMPARE(events.count(u"tls_pinned"_s), 0);
    const FeedStats stats = engine.stats(u"queue"_s);
    QVERIFY(stats.lastRttMs >= 0);
    QVERIFY(stats.quality != Quality::Tier::Unknown
            && stats.quality != Quality::Tier::Disconnected);
    QCOMPARE(server.requests().first().url().scheme(), u"wss"_s);
    qInfo("wss with tls.ca_file: connected in %.1f ms, %d RTT samples, last %.3f ms, %s",
          events.last(u"connected"_s).fields.value("connect_ms"_L1).toDouble(),
          events.count(u"latency"_s), stats.lastRttMs, qPrintable(Quality::name(stats.quality)));
}

void tst_Tls::pinnedCertificateIsAcceptedOnlyThere_data()
{
    QTest::addColumn<QString>("certificate"); // what the server presents
    QTest::addColumn<QString>("pinnedName");  // whose fingerprint is pinned
    QTest::addColumn<QString>("pinHost");
    QTest::addColumn<int>("pinPortOffset"); // 0: the server's port
    QTest::addColumn<QString>("connectHost");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("exact cert, host and port")
        << u"selfsigned"_s << u"selfsigned"_s << u"127.0.0.1"_s << 0 << u"127.0.0.1"_s << true;
    QTest::newRow("another port") << u"selfsigned"_s << u"selfsigned"_s << u"127.0.0.1"_s << 1
                                  << u"127.0.0.1"_s << false;
    QTest::newRow("another host name")
        << u"selfsigned"_s << u"selfsigned"_s << u"127.0.0.1"_s << 0 << u"localhost"_s << false;
    QTest::newRow("another certificate")
        << u"server"_s << u"selfsigned"_s << u"127.0.0.1"_s << 0 << u"127.0.0.1"_s << false;
    QTest::newRow("pinned despite wrong host")
        << u"other-host"_s << u"other-host"_s << u"127.0.0.1"_s << 0 << u"127.0.0.1"_s << true;
}

void tst_Tls::pinnedCertificateIsAcceptedOnlyThere()
{
    QFETCH(QString, certificate);
    QFETCH(QString, pinnedName);
    QFETCH(QString, pinHost);
    QFETCH(int, pinPortOffset);
    QFETCH(QString, connectHost);
    QFETCH(bool, accepted);
    TestFeedServer server(TestTls::serverConfiguration(certificate));
    server.setInitialSnapshot(kSnapshot);
    QVERIFY(server.listen());
    QUrl url = server.baseUrl();
    url.setHost(connectHost);
    const Config config = configFor(
        url,
        pin(pinHost, quint16(server.port() + pinPortOffset), TestTls::fingerprint(pinnedName)));
    FeedConnection feed(config.feeds.first(), SystemClock::instance(), systemRandom());
    EventRecorder events(&feed);
    feed.start();
    if (accepted) {
        QTRY_COMPARE(feed.state(), Feed::State::Connected);
        QTRY_VERIFY(events.count(u"latency"_s) >= 1);
        const FeedEvent pinned = events.last(u"tls_pinned"_s);
        QCOMPARE(pinned.fields.value("fingerprint_sha256"_L1).toString(),
                 TestTls::fingerprint(certificate));
        QVERIFY(!pinned.fields.value("ignored_errors"_L1).toArray().isEmpty());
        QCOMPARE(server.connectionCount(), 1);
    } else {
        QTRY_COMPARE(feed.state(), Feed::State::Stopped);
        QCOMPARE(feed.stats().stopReason, Reconnect::StopReason::Tls);
        QCOMPARE(events.count(u"tls_pinned"_s), 0);
        QCOMPARE(server.connectionCount(), 0);
    }
}

void tst_Tls::testConnectionUsesTheSameTls()
{
    TestFeedServer server(TestTls::serverConfiguration(u"selfsigned"_s));
    QVERIFY(server.listen());
    auto test = [](const Config &config) {
        ConnectionTester tester(config.feeds.first(), SystemClock::instance());
        QSignalSpy finished(&tester, &ConnectionTester::finished);
        tester.start();
        if (!finished.wait(5000))
            qFatal("the test connection never finished");
        return finished.at(0).at(0).value<TestResult>();
    };
    const TestResult refused = test(configFor(server.baseUrl(), {}));
    QVERIFY(!refused.ok);
    QCOMPARE(refused.tls.value("problem"_L1).toString(), u"self_signed"_s);
    QVERIFY2(refused.error.startsWith(u"TLS: the certificate of 127.0.0.1:"_s),
             qPrintable(refused.error));
    const TestResult pinned =
        test(configFor(server.baseUrl(),
                       pin(u"127.0.0.1"_s, server.port(), TestTls::fingerprint(u"selfsigned"_s))));
    QVERIFY2(pinned.ok, qPrintable(pinned.error));
    QVERIFY(pinned.rttMs >= 0);
    QCOMPARE(server.connectionCount(), 1);
}

void tst_Tls::checkOverWssExitCodes()
{
    TestFeedServer server(TestTls::serverConfiguration(u"server"_s));
    QVERIFY(server.listen());
    const QStringList base = {u"--check"_s, u"--json"_s, u"--server"_s, server.baseUrl().toString(),
                              u"--feeds"_s, u"queue"_s};

    const TestUtil::CliRun refused = TestUtil::runWindowless(base);
    QCOMPARE(refused.code, 1);
    const QJsonObject feed = QJsonDocument::fromJson(refused.out.toUtf8())
                                 .object()
                                 .value("feeds"_L1)
                                 .toArray()
                                 .at(0)
                                 .toObject();
    QCOMPARE(feed.value("ok"_L1).toBool(true), false);
    QCOMPARE(feed.value("tls"_L1).toObject().value("problem"_L1).toString(), u"unknown_ca"_s);
    QCOMPARE(feed.value("tls"_L1).toObject().value("fingerprint_sha256"_L1).toString(),
             TestTls::fingerprint(u"server"_s));

    const TestUtil::CliRun accepted =
        TestUtil::runWindowless(base + QStringList {u"--set"_s, u"tls.ca_file="_s + m_caFile});
    QCOMPARE(accepted.code, 0);
    QVERIFY2(accepted.out.contains(u"\"ok\":true"_s), qPrintable(accepted.out));

    const TestUtil::CliRun missing = TestUtil::runWindowless(
        base + QStringList {u"--set"_s, u"tls.ca_file=/nonexistent/ca.pem"_s});
    QCOMPARE(missing.code, 2);
    QVERIFY2(missing.err.contains(u"tls.ca_file: '/nonexistent/ca.pem': no such file"_s),
             qPrintable(missing.err));
    QCOMPARE(server.connectionCount(), 1);
    qInfo("--check over wss: exit %d without the CA, %d with tls.ca_file, %d with a missing "
          "tls.ca_file",
          refused.code, accepted.code, missing.code);
}

void tst_Tls::pollerUsesTheSameTls_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("tlsMode"); // none, ca, pin, pin-other-port
    QTest::addColumn<bool>("fetched");
    QTest::newRow("unknown CA refused") << u"server"_s << u"none"_s << false;
    QTest::newRow("tls.ca_file accepted") << u"server"_s << u"ca"_s << true;
    QTest::newRow("expired refused with the CA") << u"expired"_s << u"ca"_s << false;
    QTest::newRow("pinned accepted") << u"selfsigned"_s << u"pin"_s << true;
    QTest::newRow("pinned for another port refused")
        << u"selfsigned"_s << u"pin-other-port"_s << false;
}

void tst_Tls::pollerUsesTheSameTls()
{
    QFETCH(QString, certificate);
    QFETCH(QString, tlsMode);
    QFETCH(bool, fetched);
    TestHttpServer http(TestTls::serverConfiguration(certificate));
    http.setResponse(200, R"({"phases":[]})");
    QVERIFY(http.listen());
    QJsonObject tls;
    if (tlsMode == "ca"_L1)
        tls = {{u"ca_file"_s, m_caFile}};
    else if (tlsMode == "pin"_L1)
        tls = pin(u"127.0.0.1"_s, http.port(), TestTls::fingerprint(certificate));
    else if (tlsMode == "pin-other-port"_L1)
        tls = pin(u"127.0.0.1"_s, quint16(http.port() + 1), TestTls::fingerprint(certificate));
    const Config config = configFor(QUrl(u"wss://127.0.0.1:1"_s), tls);
    SnapshotPoller poller(http.url(), 10000, 3000);
    poller.setTls(config.backends.first().tls);
    QSignalSpy ok(&poller, &SnapshotPoller::snapshotFetched);
    QSignalSpy failed(&poller, &SnapshotPoller::failed);
    poller.start();
    QTRY_COMPARE(ok.size() + failed.size(), 1);
    QCOMPARE(ok.size(), fetched ? 1 : 0);
    QCOMPARE(http.requests().size(), fetched ? 1 : 0);
    if (!fetched) {
        const QString error = failed.at(0).at(0).toString();
        QVERIFY2(error.contains(
                     u"TLS: the certificate of 127.0.0.1:%1 is not trusted"_s.arg(http.port())),
                 qPrintable(error));
    }
}

void tst_Tls::configErrorsNameTheKey_data()
{
    QTest::addColumn<QByteArray>("tls");
    QTest::addColumn<QString>("error");
    QTest::newRow("missing CA file") << QByteArray(R"({"ca_file":"/nonexistent/ca.pem"})")
                                     << u"tls.ca_file: '/nonexistent/ca.pem': no such file"_s;
    QTest::newRow("CA file is a directory")
        << QByteArray(R"({"ca_file":"/tmp"})") << u"tls.ca_file: '/tmp': not a regular file"_s;
    QTest::newRow("CA file without PEM") << QByteArray(R"({"ca_file":"@NOPEM@"})")
                                         << u"tls.ca_file: '@NOPEM@': no PEM certificate"_s;
    QTest::newRow("CA file with broken base64")
        << QByteArray(R"({"ca_file":"@BROKEN@"})")
        << u"tls.ca_file: '@BROKEN@': a certificate block is not valid base64"_s;
    QTest::newRow("ca_file not a string")
        << QByteArray(R"({"ca_file":7})") << u"tls.ca_file: expected the path"_s;
    QTest::newRow("unknown key") << QByteArray(R"({"verify":false})")
                                 << u"tls.verify: unknown key"_s;
    QTest::newRow("pins not an array") << QByteArray(R"({"trusted_certificates":{}})")
                                       << u"tls.trusted_certificates: expected an array"_s;
    QTest::newRow("short fingerprint")
        << QByteArray(R"({"trusted_certificates":[{"host":"h","port":1,"sha256":"AB:CD"}]})")
        << u"tls.trusted_certificates[0].sha256: expected a SHA-256"_s;
    QTest::newRow("port out of range")
        << QByteArray(R"({"trusted_certificates":[{"host":"h","port":70000,"sha256":")"
                      "0000000000000000000000000000000000000000000000000000000000000000\"}]}")
        << u"tls.trusted_certificates[0].port: expected a port number"_s;
    QTest::newRow("no host") << QByteArray(
        R"({"trusted_certificates":[{"port":1,"sha256":")"
        "0000000000000000000000000000000000000000000000000000000000000000\"}]}")
                             << u"tls.trusted_certificates[0].host: missing"_s;
}

void tst_Tls::configErrorsNameTheKey()
{
    QFETCH(QByteArray, tls);
    QFETCH(QString, error);
    const QString noPem = TestUtil::writeFile(m_dir, u"hostname"_s, "feedwatch-test\n");
    const QString broken = TestUtil::writeFile(
        m_dir, u"broken.pem"_s,
        "-----BEGIN CERTIFICATE-----\nMII*not=base64*\n-----END CERTIFICATE-----\n");
    tls.replace("@NOPEM@", noPem.toUtf8()).replace("@BROKEN@", broken.toUtf8());
    error.replace(u"@NOPEM@"_s, noPem).replace(u"@BROKEN@"_s, broken);
    const QJsonObject root {{u"tls"_s, QJsonDocument::fromJson(tls).object()}};
    const ConfigResult result = ConfigLoader::fromJson(root);
    QVERIFY(!result.ok());
    QVERIFY2(result.errors.join(u'\n').contains(error), qPrintable(result.errors.join(u'\n')));
    // The same key per backend names the backend.
    const QJsonObject backends {{u"backends"_s,
                                 QJsonObject {{u"prod"_s,
                                               QJsonObject {{u"server"_s, u"wss://prod.test"_s},
                                                            {u"tls"_s, root.value("tls"_L1)}}}}}};
    const ConfigResult perBackend = ConfigLoader::fromJson(backends);
    QVERIFY2(perBackend.errors.join(u'\n').contains(u"backends.prod."_s + error),
             qPrintable(perBackend.errors.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
