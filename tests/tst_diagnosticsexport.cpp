#include "cli/appinfo.h"
#include "config/config.h"
#include "connection/feedengine.h"
#include "core/redaction.h"
#include "core/zipwriter.h"
#include "dashboard/diagnosticsexport.h"
#include "dashboard/feedhub.h"
#include "models/eventlogmodel.h"
#include "testfeedserver.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kToken = u"s3cret-Tok+en/42"_s;

// Extracts `zip` into `dir` with Python's zipfile, which checks every entry's CRC-32.
QString extract(const QString &zip, const QString &dir)
{
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        return u"no python3"_s;
    QProcess p;
    p.start(python,
            {u"-c"_s,
             u"import sys, zipfile\n"
             "z = zipfile.ZipFile(sys.argv[1])\n"
             "bad = z.testzip()\n"
             "if bad: sys.exit('bad CRC in ' + bad)\n"
             "z.extractall(sys.argv[2])\n"_s,
             zip, dir});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError());
    return {};
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QJsonObject> lines(const QByteArray &jsonl)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : jsonl.split('\n')) {
        if (!line.isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}
} // namespace

// File → Export diagnostics: what the archive holds, that it opens with another tool, and
// that no form of the token is anywhere in it.
class tst_DiagnosticsExport : public QObject
{
    Q_OBJECT

private slots:
    void crc32IsTheStandardOne();
    void archiveHoldsTheFactsAndNoSecret();
    void cancelWritesNothing();
};

void tst_DiagnosticsExport::crc32IsTheStandardOne()
{
    QCOMPARE(ZipWriter::crc32("123456789"), 0xCBF43926u); // the check value of CRC-32/ISO-HDLC
    QCOMPARE(ZipWriter::crc32({}), 0u);
}

void tst_DiagnosticsExport::archiveHoldsTheFactsAndNoSecret()
{
    TestFeedServer server;
    QVERIFY(server.listen());
    server.setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[]}})");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Query mode: the token rides in the URL, the hardest place to keep it out of.
    const QString configPath = TestUtil::writeFile(
        dir, u"feedwatch.json"_s,
        QJsonDocument(QJsonObject {
                          {u"server"_s, server.url(QString()).toString()},
                          {u"auth"_s, QJsonObject {{u"token"_s, kToken}, {u"mode"_s, u"query"_s}}},
                          {u"feeds"_s, QJsonArray {u"queue"_s}},
                          {u"backoff"_s, QJsonObject {{u"initial_ms"_s, 50}}},
                      })
            .toJson());
    const ConfigResult loaded = ConfigLoader::load(configPath);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errors.join(u'\n')));
    FeedEngine engine(loaded.config);
    FeedHub hub(loaded.config);
    hub.attach(&engine);
    engine.start();
    QTRY_COMPARE(hub.stats(u"queue"_s).state, Feed::State::Connected);
    server.abortAll(); // no close frame: 1006
    QTRY_COMPARE(hub.stats(u"queue"_s).successes, 2);
    server.closeAll(QWebSocketProtocol::CloseCode(1011), u"internal"_s);
    QTRY_COMPARE(hub.stats(u"queue"_s).disconnectsByCode.value(1011), 1);
    QTRY_COMPARE(hub.stats(u"queue"_s).state, Feed::State::Connected);
    for (int i = 0; i < 5; ++i)
        server.sendToAll(R"({"type":"queue_update","data":{"phases":[1]}})");
    QTRY_VERIFY(hub.stats(u"queue"_s).snapshots >= 6);
    // An alert whose text carries the token (as an operator's message might).
    hub.eventLog()->append(FeedEvent {
        QDateTime::currentMSecsSinceEpoch(),
        u"queue"_s,
        u"alert"_s,
        {{u"alert"_s, u"feed_down"_s}, {u"message"_s, u"queue down, token "_s + kToken}}});
    hub.eventLog()->flush();

    const QString zip = dir.filePath(u"diag.zip"_s);
    QString error;
    int calls = 0;
    QVERIFY2(DiagnosticsExport(&hub, configPath)
                 .write(zip, &error,
                        [&calls](int, int) {
                            ++calls;
                            return true;
                        }),
             qPrintable(error));
    QCOMPARE(calls, 9); // 8 files and the end
    const QString out = dir.filePath(u"out"_s);
    const QString extractError = extract(zip, out);
    if (extractError == u"no python3"_s)
        QSKIP("python3 is needed to read the archive with another tool");
    QVERIFY2(extractError.isEmpty(), qPrintable(extractError));
    const QStringList folders = QDir(out).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(folders.size(), 1);
    QVERIFY(folders.first().startsWith(u"feedwatch-diagnostics-"_s));
    const QDir root(QDir(out).filePath(folders.first()));
    QCOMPARE(root.entryList(QDir::Files, QDir::Name),
             (QStringList {u"README.txt"_s, u"about.json"_s, u"alerts.jsonl"_s, u"config.json"_s,
                           u"effective.json"_s, u"events.jsonl"_s, u"feeds.json"_s,
                           u"history.jsonl"_s}));

    // No form of the token in any file: as is, percent-encoded, base64.
    const QStringList forms = Redaction::forms(kToken);
    QVERIFY(forms.size() >= 3);
    for (const QString &name : root.entryList(QDir::Files)) {
        const QByteArray text = readAll(root.filePath(name));
        for (const QString &form : forms)
            QVERIFY2(!text.contains(form.toUtf8()), qPrintable(name + u": "_s + form));
    }

    const QJsonObject about =
        QJsonDocument::fromJson(readAll(root.filePath(u"about.json"_s))).object();
    QCOMPARE(about["version"_L1].toString(), AppInfo::version());
    QCOMPARE(about["qt_runtime"_L1].toString(), QString::fromLatin1(qVersion()));
    QVERIFY(!about["os"_L1].toString().isEmpty());

    const QJsonObject config =
        QJsonDocument::fromJson(readAll(root.filePath(u"config.json"_s))).object();
    QCOMPARE(config["file"_L1]["auth"_L1]["token"_L1].toString(), u"***"_s);
    QCOMPARE(config["file"_L1]["backoff"_L1]["initial_ms"_L1].toInt(), 50);
    const QJsonObject effective =
        QJsonDocument::fromJson(readAll(root.filePath(u"effective.json"_s))).object();
    QCOMPARE(effective["backends"_L1][0]["token"_L1].toString(), u"***"_s);
    QCOMPARE(effective["settings"_L1]["backoff"_L1]["initial_ms"_L1].toInt(), 50);

    const QJsonArray feeds =
        QJsonDocument::fromJson(readAll(root.filePath(u"feeds.json"_s))).array();
    QCOMPARE(feeds.size(), 1);
    const QJsonObject queue = feeds.first().toObject();
    QCOMPARE(queue["feed"_L1].toString(), u"queue"_s);
    QCOMPARE(queue["state"_L1].toString(), u"connected"_s);
    QCOMPARE(queue["successes"_L1].toInt(), 3);
    QCOMPARE(queue["close_codes"_L1]["1011"_L1].toInt(), 1);
    QCOMPARE(queue["close_codes"_L1]["1006"_L1].toInt(), 1);

    const QList<QJsonObject> history = lines(readAll(root.filePath(u"history.jsonl"_s)));
    QVERIFY(std::none_of(history.begin(), history.end(), [](const QJsonObject &e) {
        return e["event"_L1] == u"update"_s || e["event"_L1] == u"latency"_s;
    }));
    QCOMPARE(std::count_if(history.begin(), history.end(),
                           [](const QJsonObject &e) {
                               return e["event"_L1] == u"disconnected"_s
                                   && e["code"_L1].toInt() == 1011;
                           }),
             1);
    const QList<QJsonObject> events = lines(readAll(root.filePath(u"events.jsonl"_s)));
    QVERIFY(std::any_of(events.begin(), events.end(), [](const QJsonObject &e) {
        return e["event"_L1] == u"update"_s && e["log_folded"_L1].toInt() >= 2;
    }));
    const QList<QJsonObject> alerts = lines(readAll(root.filePath(u"alerts.jsonl"_s)));
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.first()["message"_L1].toString(), u"queue down, token ***"_s);
    engine.stopAll();
}

void tst_DiagnosticsExport::cancelWritesNothing()
{
    const Config config = ConfigLoader::fromJson({{u"server"_s, u"ws://127.0.0.1:9"_s},
                                                  {u"feeds"_s, QJsonArray {u"queue"_s}}})
                              .config;
    FeedHub hub(config);
    QTemporaryDir dir;
    const QString zip = dir.filePath(u"diag.zip"_s);
    QString error;
    QVERIFY(!DiagnosticsExport(&hub, dir.filePath(u"none.json"_s))
                 .write(zip, &error, [](int done, int) { return done < 3; }));
    QCOMPARE(error, u"cancelled"_s);
    QVERIFY(!QFile::exists(zip));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
}

QTEST_MAIN(tst_DiagnosticsExport)
#include "tst_diagnosticsexport.moc"
