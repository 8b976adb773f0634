#include "config/tokenstore.h"
#include "connection/feedengine.h"
#include "dashboard/feedhub.h"
#include "faultproxy.h"
#include "models/connectionsmodel.h"
#include "models/eventlogmodel.h"
#include "testfeedserver.h"
#include "testhttpserver.h"
#include "testtls.h"
#include "testutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Distinctive, and full of characters that encode differently ('+', '/', '=').
const QString kToken = u"fwLEAK-9f3Qx+/=zT0k3n"_s;
// A subprotocol must be an RFC 7230 token.
const QString kSubprotocolToken = u"fwLEAK-9f3Qx.zT0k3n"_s;

// Every way the token could leave the process: itself and its pieces (a cut-off or partly
// masked copy still starts or ends like this), percent-encoded, and base64 at each alignment.
QList<QByteArray> needlesFor(const QString &token)
{
    const QByteArray raw = token.toUtf8();
    QByteArray lowerHex = QUrl::toPercentEncoding(token);
    for (qsizetype i = lowerHex.indexOf('%'); i >= 0; i = lowerHex.indexOf('%', i + 1))
        lowerHex.replace(i + 1, 2, lowerHex.mid(i + 1, 2).toLower());
    QList<QByteArray> out {raw, raw.left(10), raw.right(6), QUrl::toPercentEncoding(token),
                           lowerHex};
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        for (int shift = 0; shift < 3; ++shift) {
            const QByteArray encoded = (QByteArray(shift, 'x') + raw).toBase64(options);
            out << encoded.mid((8 * shift + 5) / 6, 12); // 12 characters of the token alone
        }
    }
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Status line, headers and body of one request to the child's metrics endpoint.
QByteArray httpExchange(const QUrl &url, const QByteArray &method,
                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = manager.sendCustomRequest(request, method);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10000))
        return "no answer from " + url.toEncoded();
    QByteArray out =
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toByteArray() + '\n';
    for (const auto &[name, value] : reply->rawHeaderPairs())
        out += name + ": " + value + '\n';
    out += reply->readAll();
    reply->deleteLater();
    return out;
}

// One run of the real feedwatch binary, its output collected.
class Child final
{
public:
    Q_DISABLE_COPY_MOVE(Child)
    Child(const QTemporaryDir &home, const QString &name, const QString &loggingRules)
        : m_eventsPath(home.filePath(name + u".events.jsonl"_s))
    {
        QFile::remove(m_eventsPath); // --events appends
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s,
                   u"unix:path="_s + home.filePath(u"no-session-bus"_s));
        env.insert(u"QT_LOGGING_RULES"_s, loggingRules);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.remove(u"QT_MESSAGE_PATTERN"_s);
        // In the AddressSanitizer pass: SIGSEGV crashes the child as in a release build, instead
        // of ASan's handler reporting it and exiting normally (its report is grepped all the same).
        if (env.contains(u"ASAN_OPTIONS"_s))
            env.insert(u"ASAN_OPTIONS"_s, env.value(u"ASAN_OPTIONS"_s) + u":handle_segv=0"_s);
        m_process.setProcessEnvironment(env);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { m_out += m_process.readAllStandardOutput(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { m_err += m_process.readAllStandardError(); });
    }

    void start(const QStringList &args, bool withEvents = true)
    {
        QStringList all = args;
        if (withEvents)
            all << u"--events"_s << m_eventsPath;
        m_process.start(QStringLiteral(FEEDWATCH_BINARY), all);
        if (!m_process.waitForStarted())
            qFatal("cannot start %s", FEEDWATCH_BINARY);
    }
    QByteArray events() const { return readAll(m_eventsPath); }
    bool hasEvent(const QString &kind) const
    {
        return events().contains("\"event\":\"" + kind.toUtf8() + '"');
    }
    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }
    bool finish()
    {
        // Only a waiting ceiling: each test first waits for the event it needs.
        const bool done =
            m_process.state() == QProcess::NotRunning || m_process.waitForFinished(20000);
        m_out += m_process.readAllStandardOutput();
        m_err += m_process.readAllStandardError();
        return done;
    }
    QProcess &process() { return m_process; }
    QByteArray out() const { return m_out; }
    QByteArray err() const { return m_err; }
    // Everything the process printed or wrote.
    QByteArray everything() const { return m_out + m_err + events(); }

private:
    QProcess m_process;
    QString m_eventsPath;
    QByteArray m_out;
    QByteArray m_err;
};

} // namespace

// The token never leaves Feedwatch in the clear: not in the event stream, its logs (every
// feedwatch.* debug category on, and a run with Qt's own categories on too), --check output,
// the event-log export, the Connections diagnostics, nor what a crashing process prints.
// Servers refuse the token, accept it, and echo it back in close reasons and error messages.
class tst_Secrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headlessNeverPrintsTheToken_data();
    void headlessNeverPrintsTheToken();
    void checkNeverPrintsTheToken_data();
    void checkNeverPrintsTheToken();
    void crashOutputHasNoToken_data();
    void crashOutputHasNoToken();
    void exportAndDiagnosticsHaveNoToken();

private:
    // --config for a backend at `server` with the token given as `source` says.
    QStringList configArgs(const QString &name, const QUrl &server, const QString &mode,
                           const QString &source, const QString &token,
                           const QJsonObject &extra = {});
    void assertClean(const QByteArray &text, const QString &token, const char *what);

    QTemporaryDir m_home;
    QString m_caFile;
    int m_checked = 0; // bytes grepped, for the figure
    int m_debugLines = 0;
};

void tst_Secrets::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(FEEDWATCH_BINARY)), FEEDWATCH_BINARY);
    TestUtil::isolateSecrets(m_home); // the store this process fills is the child's
    m_caFile = TestTls::writePem(m_home, u"ca"_s);
}

QStringList tst_Secrets::configArgs(const QString &name, const QUrl &server, const QString &mode,
                                    const QString &source, const QString &token,
                                    const QJsonObject &extra)
{
    QJsonObject auth {{u"mode"_s, mode}};
    QStringList args;
    if (source == "config"_L1) {
        auth.insert("token"_L1, token);
    } else if (source == "set"_L1) {
        args << u"--set"_s << u"auth.token="_s + token;
    } else if (source == "store"_L1) {
        auth.insert("token_store"_L1, true);
        // Where the child (organization Feedwatch, application feedwatch) looks.
        const QString store = m_home.filePath(u"config/Feedwatch/feedwatch/tokens.json"_s);
        const QString error = TokenStore(store).write(u"default"_s, token);
        if (!error.isEmpty())
            qFatal("token store: %s", qPrintable(error));
    } else {
        const QString path = TestUtil::writeFile(m_home, name + u".token"_s, token.toUtf8());
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        auth.insert("token_file"_L1, path);
    }
    QJsonObject root {{u"server"_s, server.toString()},
                      {u"auth"_s, auth},
                      {u"backoff"_s, QJsonObject {{u"initial_ms"_s, 50}, {u"jitter"_s, 0}}},
                      {u"heartbeat"_s, QJsonObject {{u"interval_ms"_s, 100}}},
                      {u"stagger"_s, QJsonObject {{u"step_ms"_s, 5}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        root.insert(it.key(), it.value());
    if (!root.contains("feeds"_L1))
        root.insert("feeds"_L1, QJsonArray {u"queue"_s});
    const QString path =
        TestUtil::writeFile(m_home, name + u".json"_s, QJsonDocument(root).toJson());
    return args << u"--config"_s << path;
}

void tst_Secrets::assertClean(const QByteArray &text, const QString &token, const char *what)
{
    for (const QByteArray &needle : needlesFor(token)) {
        const qsizetype at = text.indexOf(needle);
        QVERIFY2(at < 0,
                 qPrintable(u"%1 contains \"%2\": ...%3..."_s.arg(
                     QLatin1StringView(what), QString::fromUtf8(needle),
                     QString::fromUtf8(text.mid(std::max<qsizetype>(0, at - 80), 200)))));
    }
    m_checked += int(text.size());
}

void tst_Secrets::headlessNeverPrintsTheToken_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("server"); // refuse401, echo, echo-wss, poller
    QTest::addColumn<QString>("rules");
    const QString feedwatch = u"feedwatch.*.debug=true"_s;
    const struct
    {
        const char *mode;
        const char *source;
    } modes[] = {{"header", "config"}, {"query", "set"}, {"subprotocol", "store"}};
    for (const auto &m : modes) {
        for (const char *server : {"refuse401", "echo", "echo-wss"}) {
            QTest::addRow("%s (token from %s), %s", m.mode, m.source, server)
                << QString::fromLatin1(m.mode) << QString::fromLatin1(m.source)
                << QString::fromLatin1(server) << feedwatch;
        }
    }
    QTest::newRow("header, degraded-mode poller refused 401")
        << u"header"_s << u"config"_s << u"poller"_s << feedwatch;
    QTest::newRow("query, all of Qt's debug output too")
        << u"query"_s << u"config"_s << u"echo"_s << u"*.debug=true"_s;
}

void tst_Secrets::headlessNeverPrintsTheToken()
{
    QFETCH(QString, mode);
    QFETCH(QString, source);
    QFETCH(QString, server);
    QFETCH(QString, rules);
    const QString token = mode == "subprotocol"_L1 ? kSubprotocolToken : kToken;
    const bool secure = server == "echo-wss"_L1;
    const std::unique_ptr<TestFeedServer> backend = secure
        ? std::make_unique<TestFeedServer>(TestTls::serverConfiguration(u"server"_s))
        : std::make_unique<TestFeedServer>();
    TestFeedServer *ws = backend.get();
    ws->setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[]}})");
    QVERIFY(ws->listen());
    // An echoing server: the token comes back in an error message and a close reason.
    connect(ws, &TestFeedServer::clientConnected, this, [ws, token] {
        ws->sendToAll(
            QJsonDocument(QJsonObject {{u"type"_s, u"error"_s},
                                       {u"message"_s, u"token %1 expires soon"_s.arg(token)}})
                .toJson(QJsonDocument::Compact));
        QTimer::singleShot(300, ws, [ws, token] {
            ws->closeAll(QWebSocketProtocol::CloseCode(4001), u"token %1 revoked"_s.arg(token));
        });
    });
    FaultProxy proxy;
    QVERIFY(proxy.listen(ws->port()));
    TestHttpServer http;
    http.setResponse(401, R"({"detail":"bad token"})");
    QVERIFY(http.listen());
    QUrl url = ws->baseUrl();
    QJsonObject extra;
    QString until = u"auth_error"_s;
    if (server == "refuse401"_L1) {
        proxy.setHttpRefusal(401, false);
        url = proxy.wsUrl({});
        url.setPath({});
    } else if (server == "poller"_L1) {
        proxy.setHttpRefusal(503, false);
        url = proxy.wsUrl({});
        url.setPath({});
        extra.insert("feeds"_L1,
                     QJsonArray {QJsonObject {{u"id"_s, u"queue"_s},
                                              {u"snapshot_url"_s, http.url().toString()}}});
        extra.insert("fallback"_L1, QJsonObject {{u"poll_ms"_s, 100}});
        until = u"poll_error"_s;
    }
    if (secure)
        extra.insert("tls"_L1, QJsonObject {{u"ca_file"_s, m_caFile}});

    Child child(m_home, QString::fromLatin1(QTest::currentDataTag()).remove(u' '), rules);
    child.start(QStringList {u"--headless"_s, u"--metrics-listen"_s, u"127.0.0.1:0"_s}
                + configArgs(u"headless"_s, url, mode, source, token, extra));
    QTRY_VERIFY_WITH_TIMEOUT(
        child.hasEvent(until) || child.process().state() == QProcess::NotRunning, 15000);
    QVERIFY2(child.hasEvent(until), child.err().constData());
    if (server == "poller"_L1)
        QTRY_VERIFY_WITH_TIMEOUT(http.requests().size() >= 2, 10000);

    // /metrics: no label or value carries the token, and nothing a client sends (a bearer
    // header, a key header, the token in the path or query) is echoed or kept.
    const QRegularExpressionMatch listening =
        QRegularExpression(u"\"url\":\"(http://127\\.0\\.0\\.1:\\d+/metrics)\""_s)
            .match(QString::fromUtf8(child.events()));
    QVERIFY2(listening.hasMatch(), child.events().constData());
    const QUrl metricsUrl(listening.captured(1));
    const QByteArray bearer = "Bearer " + token.toUtf8();
    QByteArray scraped;
    for (const QByteArray &method : {QByteArray("GET"), QByteArray("POST")}) {
        for (const QString &path : {u"/metrics"_s, u"/"_s + token, u"/metrics/"_s + token}) {
            QUrl target = metricsUrl;
            target.setPath(path);
            target.setQuery(u"token="_s + token);
            scraped += httpExchange(target, method,
                                    {{"Authorization", bearer}, {"X-Api-Key", token.toUtf8()}});
        }
    }
    const QByteArray metrics = httpExchange(metricsUrl, "GET", {});
    QVERIFY2(metrics.startsWith("200\n"), metrics.left(200).constData());
    QVERIFY2(metrics.contains("feedwatch_feed_up{backend=\"default\",feed=\"queue\"}"),
             metrics.constData());
    scraped += metrics;
    QVERIFY2(scraped.contains("404\n") && scraped.contains("405\n"), scraped.constData());
    child.signal(SIGTERM);
    QVERIFY(child.finish());
    QCOMPARE(child.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.process().exitCode(), 0);

    // The token was there to leak: the echoing server received it.
    if (server.startsWith("echo"_L1)) {
        const QNetworkRequest request = ws->requests().first();
        const QByteArray wire = request.rawHeader("Authorization")
            + request.rawHeader("Sec-WebSocket-Protocol") + request.url().toEncoded();
        QVERIFY2(wire.contains(QUrl::toPercentEncoding(token)) || wire.contains(token.toUtf8()),
                 wire.constData());
        // ... and what it echoed was masked, not dropped.
        QVERIFY2(child.events().contains("token *** revoked"), child.events().constData());
        QVERIFY2(child.events().contains("token *** expires soon"), child.events().constData());
    }
    const int debugLines = int(child.err().count('\n'));
    QVERIFY2(child.err().contains("feedwatch.connection: {"),
             child.err().constData()); // logging on
    m_debugLines += debugLines;
    assertClean(child.out(), token, "stdout");
    assertClean(child.err(), token, "stderr");
    assertClean(child.events(), token, "the events file");
    assertClean(scraped, token, "/metrics and its error pages");
    qInfo("%s: %lld event bytes, %d stderr lines, %lld bytes from /metrics, no trace of the "
          "token",
          QTest::currentDataTag(), qlonglong(child.events().size()), debugLines,
          qlonglong(scraped.size()));
}

void tst_Secrets::checkNeverPrintsTheToken_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("server"); // refuse401, close4001, accept
    QTest::addColumn<int>("exitCode");
    for (const char *mode : {"header", "query", "subprotocol"}) {
        QTest::addRow("%s, refused 401", mode) << QString::fromLatin1(mode) << u"refuse401"_s << 1;
        QTest::addRow("%s, closed 4001 echoing it", mode)
            << QString::fromLatin1(mode) << u"close4001"_s << 1;
        QTest::addRow("%s, accepted", mode) << QString::fromLatin1(mode) << u"accept"_s << 0;
    }
}

void tst_Secrets::checkNeverPrintsTheToken()
{
    QFETCH(QString, mode);
    QFETCH(QString, server);
    QFETCH(int, exitCode);
    const QString token = mode == "subprotocol"_L1 ? kSubprotocolToken : kToken;
    TestFeedServer ws;
    QVERIFY(ws.listen());
    if (server == "close4001"_L1) {
        connect(&ws, &TestFeedServer::clientConnected, this, [&ws, token] {
            ws.closeAll(QWebSocketProtocol::CloseCode(4001), u"bad token %1"_s.arg(token));
        });
    }
    FaultProxy proxy;
    QVERIFY(proxy.listen(ws.port()));
    QUrl url = ws.baseUrl();
    if (server == "refuse401"_L1) {
        proxy.setHttpRefusal(401, false);
        url = proxy.wsUrl({});
        url.setPath({});
    }
    for (const bool json : {false, true}) {
        Child child(m_home, u"check"_s, u"feedwatch.*.debug=true"_s);
        QStringList args {u"--check"_s};
        if (json)
            args << u"--json"_s;
        child.start(args + configArgs(u"check"_s, url, mode, u"file"_s, token), false);
        QSignalSpy finished(&child.process(), &QProcess::finished);
        QVERIFY(finished.wait(20000)); // the servers live in this event loop
        QVERIFY(child.finish());
        QCOMPARE(child.process().exitCode(), exitCode);
        if (server == "close4001"_L1)
            QVERIFY2(child.out().contains("bad token ***"), child.out().constData());
        assertClean(child.out(), token, "--check stdout");
        assertClean(child.err(), token, "--check stderr");
    }
}

void tst_Secrets::crashOutputHasNoToken_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGSEGV") << int(SIGSEGV);
    QTest::newRow("SIGABRT") << int(SIGABRT);
}

void tst_Secrets::crashOutputHasNoToken()
{
    QFETCH(int, signalNumber);
    TestFeedServer ws;
    ws.setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[]}})");
    QVERIFY(ws.listen());
    Child child(m_home, u"crash-"_s + QString::fromLatin1(QTest::currentDataTag()),
                u"feedwatch.*.debug=true"_s);
    child.start(QStringList {u"--headless"_s}
                + configArgs(u"crash"_s, ws.baseUrl(), u"header"_s, u"config"_s, kToken));
    QTRY_VERIFY_WITH_TIMEOUT(child.hasEvent(u"latency"_s) // connected, token in use
                                 || child.process().state() == QProcess::NotRunning,
                             15000);
    QVERIFY(child.hasEvent(u"latency"_s));
    child.signal(signalNumber);
    QVERIFY(child.finish());
    QCOMPARE(child.process().exitStatus(), QProcess::CrashExit);
    assertClean(child.everything(), kToken, "crash output");
    qInfo("%s: exit status crash, %lld bytes on stdout and stderr in all, no token",
          QTest::currentDataTag(), qlonglong(child.out().size() + child.err().size()));
}

void tst_Secrets::exportAndDiagnosticsHaveNoToken()
{
    // The event-log export and the Connections panel's model live in the window; they get the
    // same engine events in-process here.
    TestFeedServer ws;
    QVERIFY(ws.listen());
    connect(&ws, &TestFeedServer::clientConnected, this, [&ws] {
        ws.sendToAll(QJsonDocument(QJsonObject {{u"type"_s, u"error"_s},
                                                {u"message"_s, u"token %1 expires"_s.arg(kToken)}})
                         .toJson(QJsonDocument::Compact));
        ws.closeAll(QWebSocketProtocol::CloseCode(4001), u"token %1 revoked"_s.arg(kToken));
    });
    const QJsonObject root {
        {u"server"_s, ws.baseUrl().toString()},
        {u"feeds"_s, QJsonArray {u"queue"_s}},
        {u"auth"_s, QJsonObject {{u"token"_s, kToken}, {u"mode"_s, u"query"_s}}}};
    const ConfigResult config = ConfigLoader::fromJson(root);
    QVERIFY(config.ok());
    FeedHub hub(config.config);
    FeedEngine engine(config.config);
    hub.attach(&engine);
    engine.start();
    QTRY_COMPARE(hub.stats(u"queue"_s).stopReason, Reconnect::StopReason::Auth);
    engine.testConnection(u"queue"_s);
    QSignalSpy tested(&hub, &FeedHub::testFinished);
    QVERIFY(tested.wait(5000));
    hub.eventLog()->flush();

    const QString exported = m_home.filePath(u"export.jsonl"_s);
    QString error;
    QVERIFY2(hub.eventLog()->exportTo(exported, &error), qPrintable(error));
    const QByteArray file = readAll(exported);
    QVERIFY2(file.contains("token *** revoked"), file.constData());
    assertClean(file, kToken, "the event-log export");

    QByteArray shown; // every cell and tooltip of the Connections table, and the detail texts
    ConnectionsModel *model = hub.connections();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                shown += model->index(row, column).data(role).toString().toUtf8() + '\n';
        }
    }
    const FeedStats stats = hub.stats(u"queue"_s);
    shown += stats.lastError.toUtf8() + tested.at(0).at(0).value<TestResult>().error.toUtf8();
    QVERIFY2(stats.lastError.contains(u"***"_s), qPrintable(stats.lastError));
    assertClean(shown, kToken, "the Connections diagnostics");
    hub.detach();
    qInfo("grepped %d bytes (%d debug lines of the child processes) in all: no token", m_checked,
          m_debugLines);
}

QTEST_GUILESS_MAIN(tst_Secrets)
#include "tst_secrets.moc"
