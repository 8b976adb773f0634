#include "config/configeditor.h"
#include "config/configfile.h"
#include "config/tokenstore.h"
#include "core/securefile.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// ConfigEditor without a widget: errors keyed by setting, atomic writes, the token in the
// store, the reload with command-line overrides on top, certificate pins.
class tst_ConfigEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void startsFromTheFileAndTheDefaults();
    void errorsAreKeyedBySetting_data();
    void errorsAreKeyedBySetting();
    void aProblemElsewhereInTheFileIsGeneral();
    void appliesWritesAndEmits();
    void theTokenGoesToTheStore();
    void overridesStayOnTopOfTheSavedFile();
    void trustsACertificateOnce();
    void neverWritesOverAnUnreadableFile();

private:
    QTemporaryDir m_home;
};

void tst_ConfigEditor::initTestCase()
{
    QVERIFY(m_home.isValid());
    TestUtil::isolateSecrets(m_home);
    QVERIFY2(!TokenStore().probe().keychainReachable, "a keychain is reachable: not touching it");
}

void tst_ConfigEditor::startsFromTheFileAndTheDefaults()
{
    QTemporaryDir dir;
    const QString path =
        TestUtil::writeFile(dir, u"feedwatch.json"_s,
                            R"({"server":"ws://example.test:9000","backoff":{"max_ms":20000}})");
    const ConfigEditor editor(path);
    QVERIFY(editor.isReadable());
    QCOMPARE(editor.text(u"server"_s), u"ws://example.test:9000"_s);
    QCOMPARE(editor.text(u"backoff.max_ms"_s), u"20000"_s);
    QCOMPARE(editor.text(u"heartbeat.interval_ms"_s), u"5000"_s); // default
    QCOMPARE(editor.text(u"fallback.path"_s), u"/api/v1/{feed}"_s);
    QVERIFY(editor.check().isEmpty());
    QVERIFY(editor.isEditable(u"auth.token"_s));
    QVERIFY(!editor.isEditable(u"no.such_key"_s));
}

void tst_ConfigEditor::errorsAreKeyedBySetting_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("errorKey");
    QTest::addColumn<QString>("message");
    QTest::newRow("out of range") << u"backoff.initial_ms"_s << u"0"_s << u"backoff.initial_ms"_s
                                  << u"0 is out of range [1, 3600000]"_s;
    QTest::newRow("not a number") << u"heartbeat.timeout_ms"_s << u"soon"_s
                                  << u"heartbeat.timeout_ms"_s << u"expected a number"_s;
    QTest::newRow("not whole") << u"circuit.failure_threshold"_s << u"2.5"_s
                               << u"circuit.failure_threshold"_s
                               << u"expected a whole number, got 2.5"_s;
    QTest::newRow("cross-key") << u"backoff.max_ms"_s << u"10"_s << u"backoff.initial_ms"_s
                               << u"larger than backoff.max_ms"_s;
    QTest::newRow("cross-key, across groups") << u"quality.good_ms"_s << u"5000"_s << u"quality"_s
                                              << u"thresholds must rise: excellent_ms < good_ms"
                                                 " < poor_ms"_s;
    QTest::newRow("text key") << u"network.offline_pauses"_s << u"some"_s
                              << u"network.offline_pauses"_s << u"'some' must be public or all"_s;
    QTest::newRow("server scheme") << u"server"_s << u"http://example.test"_s << u"server"_s
                                   << u"'http://example.test' must start with ws:// or wss://"_s;
}

void tst_ConfigEditor::errorsAreKeyedBySetting()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, errorKey);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"feedwatch.json"_s);
    ConfigEditor editor(path);
    QSignalSpy applied(&editor, &ConfigEditor::applied);
    editor.setText(key, value);
    const ConfigProblems problems = editor.check();
    QCOMPARE(problems.byKey.keys(), QStringList {errorKey});
    QCOMPARE(problems.byKey.value(errorKey), QStringList {message});
    QVERIFY2(problems.general.isEmpty(), qPrintable(problems.general.join(u'\n')));
    QCOMPARE(problems.all(), QStringList {errorKey + u": "_s + message});
    QCOMPARE(editor.apply().byKey, problems.byKey);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(applied.size(), 0);
    // Fixing it clears the error.
    editor.setText(key,
                   key == u"server"_s                       ? u"ws://example.test"_s
                       : key == u"network.offline_pauses"_s ? u"all"_s
                       : key == u"backoff.max_ms"_s         ? u"30000"_s
                       : key == u"quality.good_ms"_s        ? u"300"_s
                                                            : u"1000"_s);
    QVERIFY2(editor.check().isEmpty(), qPrintable(editor.check().all().join(u'\n')));
}

void tst_ConfigEditor::aProblemElsewhereInTheFileIsGeneral()
{
    QTemporaryDir dir;
    const QString path = TestUtil::writeFile(dir, u"feedwatch.json"_s,
                                             R"({"feeds":[{"id":"queue","priority":"high"}]})");
    ConfigEditor editor(path);
    editor.setText(u"backoff.initial_ms"_s, u"0"_s);
    const ConfigProblems problems = editor.check();
    QCOMPARE(problems.byKey.keys(), QStringList {u"backoff.initial_ms"_s});
    QVERIFY(!problems.general.isEmpty());
    // Said once: the loader's own "backoff.initial_ms: ..." is not repeated as general.
    for (const QString &error : problems.general)
        QVERIFY2(error.startsWith(u"feeds[0].priority: "_s), qPrintable(error));
    QCOMPARE(problems.all().size(), problems.general.size() + 1);
}

void tst_ConfigEditor::appliesWritesAndEmits()
{
    QTemporaryDir dir;
    const QString path = TestUtil::writeFile(
        dir, u"feedwatch.json"_s, R"({"server":"ws://127.0.0.1:8002","feeds":["queue"]})");
    ConfigEditor editor(path);
    QSignalSpy applied(&editor, &ConfigEditor::applied);
    editor.setText(u"heartbeat.interval_ms"_s, u" 2000 "_s);
    QVERIFY(editor.apply().isEmpty());
    QCOMPARE(applied.size(), 1);
    const Config config = applied.at(0).at(0).value<Config>();
    QCOMPARE(config.settings.heartbeatIntervalMs, 2000);
    QCOMPARE(config.feeds.size(), 1); // keys not edited survive

    QJsonObject written;
    QString error;
    QVERIFY(ConfigFile::read(path, &written, &error));
    QCOMPARE(ConfigFile::value(written, u"heartbeat.interval_ms"_s).toInt(), 2000);
    // Only the edited key is written; the defaults stay defaults.
    QVERIFY(ConfigFile::value(written, u"backoff.max_ms"_s).isUndefined());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {u"feedwatch.json"_s});
}

void tst_ConfigEditor::theTokenGoesToTheStore()
{
    QTemporaryDir dir;
    // A token in the clear moves to the store with the next save, even untouched.
    const QString path =
        TestUtil::writeFile(dir, u"feedwatch.json"_s,
                            R"({"server":"ws://127.0.0.1:8002","auth":{"token":"old-secret"}})");
    ConfigEditor editor(path);
    QCOMPARE(editor.text(u"auth.token"_s), u"old-secret"_s);
    QSignalSpy applied(&editor, &ConfigEditor::applied);
    QVERIFY(editor.apply().isEmpty());
    QCOMPARE(applied.at(0).at(0).value<Config>().feeds.first().auth.token, u"old-secret"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY2(!written.contains("secret"), written.constData());
    QCOMPARE(TokenStore().read(u"default"_s).token, u"old-secret"_s);

    ConfigEditor again(path);
    QCOMPARE(again.text(u"auth.token"_s), u"old-secret"_s); // from the store
    again.setText(u"auth.token"_s, QString());
    QVERIFY(again.apply().isEmpty());
    QVERIFY(!TokenStore().read(u"default"_s).found);
}

void tst_ConfigEditor::overridesStayOnTopOfTheSavedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/feedwatch.json"_s);
    ConfigOverrides overrides;
    overrides.server = u"ws://127.0.0.1:4444"_s;
    ConfigEditor editor(path, overrides);
    QSignalSpy applied(&editor, &ConfigEditor::applied);
    editor.setText(u"server"_s, u"ws://saved.test:1"_s);
    QVERIFY(editor.apply().isEmpty());
    QCOMPARE(applied.at(0).at(0).value<Config>().backends.first().server,
             QUrl(u"ws://127.0.0.1:4444"_s));
    QJsonObject written;
    QString error;
    QVERIFY(ConfigFile::read(path, &written, &error));
    QCOMPARE(written.value("server"_L1).toString(), u"ws://saved.test:1"_s);

    // Overrides that do not fit: saved, not applied, and said so.
    ConfigOverrides bad;
    bad.sets = {u"backoff.initial_ms=0"_s};
    ConfigEditor second(path, bad);
    QSignalSpy secondApplied(&second, &ConfigEditor::applied);
    second.setText(u"heartbeat.interval_ms"_s, u"3000"_s);
    const ConfigProblems problems = second.apply();
    QCOMPARE(problems.general.size(), 1);
    QVERIFY2(problems.general.first().contains(u"backoff.initial_ms"_s),
             qPrintable(problems.general.first()));
    QCOMPARE(secondApplied.size(), 0);
    QVERIFY(ConfigFile::read(path, &written, &error));
    QCOMPARE(ConfigFile::value(written, u"heartbeat.interval_ms"_s).toInt(), 3000);
}

void tst_ConfigEditor::trustsACertificateOnce()
{
    QTemporaryDir dir;
    const QString path =
        TestUtil::writeFile(dir, u"feedwatch.json"_s, R"({"server":"wss://secure.test:8443"})");
    const QString pin = QString(64, u'a');
    for (int i = 0; i < 2; ++i) {
        ConfigEditor editor(path);
        QSignalSpy applied(&editor, &ConfigEditor::applied);
        QVERIFY(editor.trustCertificate(u"secure.test"_s, 8443, pin).isEmpty());
        QCOMPARE(applied.size(), 1);
    }
    QJsonObject written;
    QString error;
    QVERIFY(ConfigFile::read(path, &written, &error));
    const QJsonArray pins = ConfigFile::value(written, u"tls.trusted_certificates"_s).toArray();
    QCOMPARE(pins.size(), 1);
    QCOMPARE(pins.first()["host"_L1].toString(), u"secure.test"_s);
    QCOMPARE(written.value("server"_L1).toString(), u"wss://secure.test:8443"_s);
}

void tst_ConfigEditor::neverWritesOverAnUnreadableFile()
{
    QTemporaryDir dir;
    const QByteArray broken = "{ \"server\": ";
    const QString path = TestUtil::writeFile(dir, u"feedwatch.json"_s, broken);
    ConfigEditor editor(path);
    QVERIFY(!editor.isReadable());
    QVERIFY(editor.readError().contains(path));
    editor.setText(u"heartbeat.interval_ms"_s, u"2000"_s);
    QCOMPARE(editor.apply().general, QStringList {editor.readError()});
    QVERIFY(!editor.trustCertificate(u"h"_s, 1, QString(64, u'b')).isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), broken);
}

QTEST_MAIN(tst_ConfigEditor)
#include "tst_configeditor.moc"
