#include "config/configfile.h"
#include "config/tokenstore.h"
#include "core/securefile.h"
#include "settingsdialog.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsTheFileAndTheEffectiveDefaults();
    void refusesAnInvalidValueAndNamesTheKey_data();
    void refusesAnInvalidValueAndNamesTheKey();
    void savesAtomicallyAndEmitsTheNewConfig();
    void commandLineOverridesStayOnTop();
    void neverOffersToOverwriteAnUnreadableFile();
    void theTokenGoesToTheStoreNotTheFile();
    void aTokenFileIsLeftToTheOperator();

private:
    QTemporaryDir m_home;
};

void tst_SettingsDialog::initTestCase()
{
    QVERIFY(m_home.isValid());
    TestUtil::isolateSecrets(m_home);
    QVERIFY2(!TokenStore().probe().keychainReachable, "a keychain is reachable: not touching it");
}

void tst_SettingsDialog::showsTheFileAndTheEffectiveDefaults()
{
    QTemporaryDir dir;
    const QString path = TestUtil::writeFile(
        dir, u"feedwatch.json"_s,
        R"({"server":"ws://example.test:9000","auth":{"token":"s3cret"},"backoff":{"max_ms":20000}})");
    SettingsDialog dialog(path, {});
    QCOMPARE(dialog.field(u"server"_s)->text(), u"ws://example.test:9000"_s);
    QCOMPARE(dialog.field(u"auth.token"_s)->text(), u"s3cret"_s);
    QCOMPARE(dialog.field(u"auth.token"_s)->echoMode(), QLineEdit::Password);
    QCOMPARE(dialog.field(u"backoff.max_ms"_s)->text(), u"20000"_s);
    QCOMPARE(dialog.field(u"heartbeat.interval_ms"_s)->text(), u"5000"_s); // default
    QVERIFY(dialog.isValid());
    QVERIFY(dialog.okButton()->isEnabled());
}

void tst_SettingsDialog::refusesAnInvalidValueAndNamesTheKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("errorKey");
    QTest::newRow("out of range") << u"backoff.initial_ms"_s << u"0"_s << u"backoff.initial_ms"_s;
    QTest::newRow("not a number") << u"heartbeat.timeout_ms"_s << u"soon"_s
                                  << u"heartbeat.timeout_ms"_s;
    QTest::newRow("not whole") << u"circuit.failure_threshold"_s << u"2.5"_s
                               << u"circuit.failure_threshold"_s;
    QTest::newRow("cross-key") << u"backoff.initial_ms"_s << u"90000"_s << u"backoff.initial_ms"_s;
    QTest::newRow("server scheme") << u"server"_s << u"http://example.test"_s << u"server"_s;
}

void tst_SettingsDialog::refusesAnInvalidValueAndNamesTheKey()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, errorKey);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"feedwatch.json"_s);
    SettingsDialog dialog(path, {});
    QSignalSpy applied(&dialog, &SettingsDialog::configApplied);
    dialog.field(key)->setText(value);
    QVERIFY(!dialog.isValid());
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY2(dialog.errorText(errorKey).startsWith(errorKey + u':'),
             qPrintable(dialog.errorText(errorKey)));
    QVERIFY(!dialog.saveAndApply());
    QVERIFY(!QFile::exists(path));
    QCOMPARE(applied.size(), 0);
    // Fixing it clears the error.
    dialog.field(key)->setText(key == u"server"_s ? u"ws://example.test"_s : u"1000"_s);
    QVERIFY(dialog.isValid());
    QCOMPARE(dialog.errorText(errorKey), QString());
}

void tst_SettingsDialog::savesAtomicallyAndEmitsTheNewConfig()
{
    QTemporaryDir dir;
    const QString path = TestUtil::writeFile(
        dir, u"feedwatch.json"_s, R"({"server":"ws://127.0.0.1:8002","feeds":["queue"]})");
    SettingsDialog dialog(path, {});
    QSignalSpy applied(&dialog, &SettingsDialog::configApplied);
    dialog.field(u"heartbeat.interval_ms"_s)->setText(u"2000"_s);
    dialog.field(u"auth.token"_s)->setText(u"tok"_s);
    QVERIFY(dialog.saveAndApply());
    QCOMPARE(applied.size(), 1);
    const Config config = applied.at(0).at(0).value<Config>();
    QCOMPARE(config.settings.heartbeatIntervalMs, 2000);
    QCOMPARE(config.feeds.size(), 1); // keys the dialog does not edit survive
    QCOMPARE(config.feeds.first().auth.token, u"tok"_s);

    QJsonObject written;
    QString error;
    QVERIFY(ConfigFile::read(path, &written, &error));
    QCOMPARE(ConfigFile::value(written, u"heartbeat.interval_ms"_s).toInt(), 2000);
    QCOMPARE(written.value("feeds"_L1).toArray().size(), 1);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {u"feedwatch.json"_s});
    QCOMPARE(ConfigFile::value(written, u"auth.token_store"_s).toBool(), true);
    QVERIFY(ConfigFile::value(written, u"auth.token"_s).isUndefined());
}

void tst_SettingsDialog::theTokenGoesToTheStoreNotTheFile()
{
    QTemporaryDir dir;
    // An old file with the token in the clear: saving moves it to the store.
    const QString path =
        TestUtil::writeFile(dir, u"feedwatch.json"_s,
                            R"({"server":"ws://127.0.0.1:8002","auth":{"token":"old-secret"}})");
    SettingsDialog dialog(path, {});
    QCOMPARE(dialog.field(u"auth.token"_s)->text(), u"old-secret"_s);
    QVERIFY2(dialog.tokenNote().contains(TokenStore::defaultFilePath()),
             qPrintable(dialog.tokenNote()));
    QVERIFY2(dialog.tokenNote().contains(u"no keychain"_s), qPrintable(dialog.tokenNote()));
    dialog.field(u"auth.token"_s)->setText(u"new-secret"_s);
    QSignalSpy applied(&dialog, &SettingsDialog::configApplied);
    QVERIFY(dialog.saveAndApply());
    QCOMPARE(applied.at(0).at(0).value<Config>().feeds.first().auth.token, u"new-secret"_s);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY2(!written.contains("secret"), written.constData());
    QVERIFY(written.contains("\"token_store\": true"));
    const TokenStore::Lookup stored = TokenStore().read(u"default"_s);
    QCOMPARE(stored.token, u"new-secret"_s);
    QCOMPARE(SecureFile::permissions(TokenStore::defaultFilePath()), 0600);

    // Reopened, the dialog shows the stored token; clearing it removes it everywhere.
    SettingsDialog again(path, {});
    QCOMPARE(again.field(u"auth.token"_s)->text(), u"new-secret"_s);
    again.field(u"auth.token"_s)->clear();
    QVERIFY(again.saveAndApply());
    QVERIFY(!TokenStore().read(u"default"_s).found);
    QJsonObject root;
    QString error;
    QVERIFY(ConfigFile::read(path, &root, &error));
    QVERIFY(!root.contains("auth"_L1));
}

void tst_SettingsDialog::aTokenFileIsLeftToTheOperator()
{
    QTemporaryDir dir;
    const QString token = TestUtil::writeFile(dir, u"token"_s, "from-file");
    QFile::setPermissions(token, QFile::ReadOwner | QFile::WriteOwner);
    const QString path = TestUtil::writeFile(
        dir, u"feedwatch.json"_s,
        QJsonDocument(QJsonObject {{u"auth"_s, QJsonObject {{u"token_file"_s, token}}}}).toJson());
    SettingsDialog dialog(path, {});
    QVERIFY(!dialog.field(u"auth.token"_s)->isEnabled());
    QVERIFY(dialog.tokenNote().contains(token));
    QSignalSpy applied(&dialog, &SettingsDialog::configApplied);
    QVERIFY(dialog.saveAndApply());
    QCOMPARE(applied.at(0).at(0).value<Config>().feeds.first().auth.token, u"from-file"_s);
    QJsonObject root;
    QString error;
    QVERIFY(ConfigFile::read(path, &root, &error));
    QCOMPARE(ConfigFile::value(root, u"auth.token_file"_s).toString(), token);
}

void tst_SettingsDialog::commandLineOverridesStayOnTop()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/feedwatch.json"_s);
    ConfigOverrides overrides;
    overrides.server = u"ws://127.0.0.1:4444"_s;
    SettingsDialog dialog(path, overrides);
    QSignalSpy applied(&dialog, &SettingsDialog::configApplied);
    dialog.field(u"server"_s)->setText(u"ws://saved.test:1"_s);
    QVERIFY(dialog.saveAndApply());
    const Config config = applied.at(0).at(0).value<Config>();
    QCOMPARE(config.backends.first().server, QUrl(u"ws://127.0.0.1:4444"_s));
    QJsonObject written;
    QString error;
    QVERIFY(ConfigFile::read(path, &written, &error));
    QCOMPARE(written.value("server"_L1).toString(), u"ws://saved.test:1"_s);
}

void tst_SettingsDialog::neverOffersToOverwriteAnUnreadableFile()
{
    QTemporaryDir dir;
    const QByteArray broken = "{ \"server\": ";
    const QString path = TestUtil::writeFile(dir, u"feedwatch.json"_s, broken);
    SettingsDialog dialog(path, {});
    QVERIFY(!dialog.okButton()->isEnabled());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), broken);
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
