#include "config/configfile.h"
#include "core/securefile.h"
#include "testutil.h"

#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_ConfigFile : public QObject
{
    Q_OBJECT

private slots:
    void aBadConfigNeverReplacesAGoodFile();
    void writesIntoANewDirectoryAndReadsBack();
    void dottedKeysSetAndRemove();
    void unreadableFileIsAnError();
    void aFileWithATokenIsCreatedOwnerOnly_data();
    void aFileWithATokenIsCreatedOwnerOnly();
};

void tst_ConfigFile::aBadConfigNeverReplacesAGoodFile()
{
    QTemporaryDir dir;
    const QByteArray good = R"({"backoff":{"initial_ms":500}})";
    const QString path = TestUtil::writeFile(dir, u"feedwatch.json"_s, good);
    QJsonObject bad;
    ConfigFile::setValue(bad, u"heartbeat.timeout_ms"_s, -5);
    const QStringList errors = ConfigFile::write(path, bad);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(u"heartbeat.timeout_ms:"_s), qPrintable(errors.first()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), good);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {u"feedwatch.json"_s});
}

void tst_ConfigFile::writesIntoANewDirectoryAndReadsBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"a/b/feedwatch.json"_s);
    QJsonObject root;
    ConfigFile::setValue(root, u"server"_s, u"wss://example.test/prefix"_s);
    ConfigFile::setValue(root, u"circuit.failure_threshold"_s, 3);
    QCOMPARE(ConfigFile::write(path, root), QStringList());
    QJsonObject back;
    QString error;
    QVERIFY(ConfigFile::read(path, &back, &error));
    QCOMPARE(back, root);
    const ConfigResult loaded = ConfigLoader::load(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.config.settings.circuitFailureThreshold, 3);
}

void tst_ConfigFile::dottedKeysSetAndRemove()
{
    QJsonObject root;
    ConfigFile::setValue(root, u"auth.token"_s, u"t"_s);
    ConfigFile::setValue(root, u"auth.mode"_s, u"query"_s);
    QCOMPARE(ConfigFile::value(root, u"auth.token"_s).toString(), u"t"_s);
    ConfigFile::setValue(root, u"auth.token"_s, QJsonValue());
    QCOMPARE(root.value("auth"_L1).toObject().keys(), QStringList {u"mode"_s});
    ConfigFile::setValue(root, u"auth.mode"_s, QJsonValue());
    QVERIFY(!root.contains("auth"_L1)); // an emptied group goes too
}

void tst_ConfigFile::unreadableFileIsAnError()
{
    QTemporaryDir dir;
    const QString path = TestUtil::writeFile(dir, u"feedwatch.json"_s, "[1, 2]");
    QJsonObject root;
    QString error;
    QVERIFY(!ConfigFile::read(path, &root, &error));
    QVERIFY(error.contains(path));
    QVERIFY(ConfigFile::read(dir.filePath(u"missing.json"_s), &root, &error)); // none is fine
    QVERIFY(root.isEmpty());
}

void tst_ConfigFile::aFileWithATokenIsCreatedOwnerOnly_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("existing0644"); // the file exists before, world-readable
    QTest::addColumn<int>("umask");
    QTest::addColumn<int>("mode");
    const QByteArray token = R"({"auth":{"token":"s3cret"}})";
    const QByteArray backendToken =
        R"({"backends":{"a":{"server":"ws://a.test","auth":{"token":"s3cret"}}}})";
    const QByteArray noToken = R"({"auth":{"token_store":true},"backoff":{"max_ms":5000}})";
    QTest::newRow("token, new file, umask 022") << token << false << 022 << 0600;
    QTest::newRow("token, new file, umask 0 (not from the umask)") << token << false << 0 << 0600;
    QTest::newRow("token replaces a 0644 file") << token << true << 022 << 0600;
    QTest::newRow("token in a backend") << backendToken << false << 022 << 0600;
    // Fix 9: credentials in a URL are as secret as auth.token.
    QTest::newRow("user:password in the server URL")
        << QByteArray(R"({"server":"ws://ops:hunter2@a.test:8002"})") << false << 022 << 0600;
    QTest::newRow("?token= in a backend's server URL")
        << QByteArray(R"({"backends":{"a":{"server":"wss://a.test/?token=t0k"}}})") << true << 022
        << 0600;
    QTest::newRow("?key= in a feed's snapshot_url") << QByteArray(
        R"({"server":"ws://a.test","feeds":[{"id":"queue","snapshot_url":"http://a.test/q?key=k"}]})")
                                                    << false << 022 << 0600;
    // No secret: QSaveFile as before, 0666 & ~umask, an existing file keeps its mode.
    QTest::newRow("no token, new file") << noToken << false << 022 << 0644;
    QTest::newRow("no token, existing 0644 file") << noToken << true << 077 << 0644;
}

void tst_ConfigFile::aFileWithATokenIsCreatedOwnerOnly()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, existing0644);
    QFETCH(int, umask);
    QFETCH(int, mode);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"feedwatch.json"_s);
    if (existing0644) {
        TestUtil::writeFile(dir, u"feedwatch.json"_s, "{}");
        QVERIFY(QFile::setPermissions(
            path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        QCOMPARE(SecureFile::permissions(path), 0644);
    }
    const mode_t previous = ::umask(mode_t(umask));
    const QStringList errors = ConfigFile::write(path, QJsonDocument::fromJson(json).object());
    ::umask(previous);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(SecureFile::permissions(path), mode);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList {u"feedwatch.json"_s});
    QJsonObject back;
    QString error;
    QVERIFY(ConfigFile::read(path, &back, &error));
    QCOMPARE(back, QJsonDocument::fromJson(json).object());
    qInfo("%s: mode 0%o", QTest::currentDataTag(), SecureFile::permissions(path));
}

QTEST_GUILESS_MAIN(tst_ConfigFile)
#include "tst_configfile.moc"
