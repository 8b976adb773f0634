#include "config/configfile.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
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

QTEST_GUILESS_MAIN(tst_ConfigFile)
#include "tst_configfile.moc"
