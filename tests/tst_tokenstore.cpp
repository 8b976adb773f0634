#include "config/config.h"
#include "config/tokenstore.h"
#include "core/securefile.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {
const QString kToken = u"fw-store-T0k3n+/="_s;
} // namespace

// Tokens outside the configuration file. No keychain is reachable here (no D-Bus session bus, as
// on any headless machine), so every case runs the owner-only file; the keychain itself is never
// faked.
class tst_TokenStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noKeychainIsReachableAndProbeSaysWhy();
    void fallbackFileIsCreatedOwnerOnly();
    void removeForgetsTheToken();
    void aLooseFileIsRefused();
    void aDirectoryOthersCanWriteIsRefused();
    void configurationReadsTheStoredToken();
    void aTokenInTheConfigOrOnTheCommandLineWins();
    void missingStoredTokenNamesTheKeyAndThePlaces();
    void tokenFile_data();
    void tokenFile();
    void backendsHaveTheirOwnTokens();
    void aSubprotocolTokenMustBeAnHttpToken();

private:
    QTemporaryDir m_home;
    QString storePath() const { return TokenStore::defaultFilePath(); }
    ConfigResult load(const QByteArray &json, const QStringList &sets = {});
};

void tst_TokenStore::initTestCase()
{
    QVERIFY(m_home.isValid());
    const QByteArray bus = TestUtil::isolateSecrets(m_home);
    QVERIFY2(TokenStore::defaultFilePath().startsWith(m_home.path()),
             qPrintable(TokenStore::defaultFilePath()));
    qInfo("QtKeychain built in: %s; session bus: %s", TokenStore::keychainBuiltIn() ? "yes" : "no",
          bus.constData());
}

void tst_TokenStore::noKeychainIsReachableAndProbeSaysWhy()
{
    const TokenStore::Probe probe = TokenStore().probe();
    // If this ever finds a keychain, every case below would write to it: stop here.
    QVERIFY2(!probe.keychainReachable, qPrintable(probe.reason));
    QVERIFY2(TokenStore::keychainBuiltIn() ? probe.reason.startsWith(u"no D-Bus session bus"_s)
                                           : probe.reason == "built without QtKeychain"_L1,
             qPrintable(probe.reason));
    qInfo("keychain not used: %s", qPrintable(probe.reason));
}

void tst_TokenStore::fallbackFileIsCreatedOwnerOnly()
{
    const QString dir = QFileInfo(storePath()).absolutePath();
    QVERIFY(!QFileInfo::exists(dir)); // so the store creates it
    const TokenStore store;
    TokenStore::Place place = TokenStore::Place::Keychain;
    // umask 0 would let an open(0666)+chmod writer expose the file: the mode is not borrowed.
    const mode_t previous = ::umask(0);
    const QString error = store.write(u"default"_s, kToken, &place);
    ::umask(previous);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(place, TokenStore::Place::File);
    QCOMPARE(SecureFile::permissions(storePath()), 0600);
    QCOMPARE(SecureFile::permissions(dir), 0700);
    QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList {u"tokens.json"_s});
    const TokenStore::Lookup lookup = store.read(u"default"_s);
    QVERIFY2(lookup.found, qPrintable(lookup.error));
    QCOMPARE(lookup.token, kToken);
    QCOMPARE(lookup.place, TokenStore::Place::File);
    qInfo("token file %s: mode 0%o, directory mode 0%o", qPrintable(storePath()),
          SecureFile::permissions(storePath()), SecureFile::permissions(dir));
}

void tst_TokenStore::removeForgetsTheToken()
{
    const TokenStore store;
    QCOMPARE(store.write(u"other"_s, u"x-token"_s), QString());
    QCOMPARE(store.remove(u"other"_s), QString());
    const TokenStore::Lookup lookup = store.read(u"other"_s);
    QVERIFY(!lookup.found);
    QVERIFY2(lookup.error.contains(u"no token for backend 'other'"_s), qPrintable(lookup.error));
    QCOMPARE(SecureFile::permissions(storePath()), 0600); // rewritten, still owner-only
}

void tst_TokenStore::aLooseFileIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"tokens.json"_s);
    QVERIFY(QDir().mkpath(dir.path()));
    QVERIFY(
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    TestUtil::writeFile(dir, u"tokens.json"_s, R"({"tokens":{"default":"leaked"}})");
    QVERIFY(QFile::setPermissions(
        path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    const TokenStore::Lookup lookup = TokenStore(path).read(u"default"_s);
    QVERIFY(!lookup.found);
    QVERIFY(lookup.token.isEmpty());
    QVERIFY2(lookup.error.contains(u"readable by group or others (mode 0644); run chmod 600"_s),
             qPrintable(lookup.error));
}

void tst_TokenStore::aDirectoryOthersCanWriteIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0777) == 0);
    const QString path = dir.filePath(u"tokens.json"_s);
    const QString error = TokenStore(path).write(u"default"_s, kToken);
    QVERIFY2(error.contains(u"writable by group or others (mode 0777); run chmod go-w"_s),
             qPrintable(error));
    QVERIFY(!QFileInfo::exists(path)); // nothing written into a directory others could swap
}

ConfigResult tst_TokenStore::load(const QByteArray &json, const QStringList &sets)
{
    QTemporaryDir dir;
    const QString path = TestUtil::writeFile(dir, u"feedwatch.json"_s, json);
    ConfigOverrides overrides;
    overrides.sets = sets;
    return ConfigLoader::load(path, overrides);
}

void tst_TokenStore::configurationReadsTheStoredToken()
{
    QCOMPARE(TokenStore().write(u"default"_s, kToken), QString());
    const ConfigResult result =
        load(R"({"auth":{"token_store":true,"mode":"query"},"feeds":["queue","routes"]})");
    QVERIFY2(result.ok(), qPrintable(result.errors.join(u'\n')));
    QCOMPARE(result.config.backends.first().auth.token, kToken);
    for (const FeedSpec &feed : result.config.feeds) {
        QCOMPARE(feed.auth.token, kToken);
        QCOMPARE(feed.auth.mode, AuthSpec::Mode::Query);
    }
    // fromJson() alone never reads a store: the fuzzed parser stays pure.
    const ConfigResult pure = ConfigLoader::fromJson(
        QJsonDocument::fromJson(R"({"auth":{"token_store":true}})").object());
    QVERIFY(pure.ok());
    QVERIFY(pure.config.feeds.first().auth.token.isEmpty());
}

void tst_TokenStore::aTokenInTheConfigOrOnTheCommandLineWins()
{
    QCOMPARE(TokenStore().write(u"default"_s, kToken), QString());
    const ConfigResult inConfig = load(R"({"auth":{"token":"from-config","token_store":true}})");
    QVERIFY(inConfig.ok());
    QCOMPARE(inConfig.config.feeds.first().auth.token, u"from-config"_s);
    const ConfigResult onCommandLine =
        load(R"({"auth":{"token_store":true}})", {u"auth.token=from-cli"_s});
    QVERIFY(onCommandLine.ok());
    QCOMPARE(onCommandLine.config.feeds.first().auth.token, u"from-cli"_s);
    QCOMPARE(onCommandLine.config.feeds.first().auth.mode, AuthSpec::Mode::Header);
    const ConfigResult noStore = load("{}", {u"auth.token=only-cli"_s});
    QCOMPARE(noStore.config.feeds.first().auth.token, u"only-cli"_s);
}

void tst_TokenStore::missingStoredTokenNamesTheKeyAndThePlaces()
{
    const ConfigResult result = load(R"({"backends":{"nostore":{"server":"ws://n.test",)"
                                     R"("auth":{"token_store":true}}}})");
    QVERIFY(!result.ok());
    const QString error = result.errors.join(u'\n');
    QVERIFY2(error.startsWith(u"backends.nostore.auth.token_store: no token stored for backend "
                              "'nostore'"_s),
             qPrintable(error));
    QVERIFY2(error.contains(storePath()), qPrintable(error));
    QVERIFY2(error.contains(u"keychain: "_s), qPrintable(error));
}

void tst_TokenStore::tokenFile_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("error"); // empty: loads
    QTest::newRow("0600, trailing newline") << QByteArray("file-token\n") << 0600 << QString();
    QTest::newRow("0400") << QByteArray("file-token") << 0400 << QString();
    QTest::newRow("0644 refused") << QByteArray("file-token") << 0644
                                  << u"readable by group or others (mode 0644)"_s;
    QTest::newRow("0640 refused") << QByteArray("file-token") << 0640
                                  << u"readable by group or others (mode 0640)"_s;
    QTest::newRow("empty") << QByteArray("\n") << 0600 << u": empty"_s;
}

void tst_TokenStore::tokenFile()
{
    QFETCH(QByteArray, contents);
    QFETCH(int, mode);
    QFETCH(QString, error);
    QTemporaryDir dir;
    const QString path = TestUtil::writeFile(dir, u"token"_s, contents);
    QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);
    const ConfigResult result = load(
        QJsonDocument(QJsonObject {{u"auth"_s, QJsonObject {{u"token_file"_s, path}}}}).toJson());
    if (error.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(result.config.feeds.first().auth.token, u"file-token"_s);
        QCOMPARE(result.config.feeds.first().auth.mode, AuthSpec::Mode::Header);
    } else {
        QVERIFY(!result.ok());
        QVERIFY2(result.errors.first().startsWith(u"auth.token_file: "_s + path),
                 qPrintable(result.errors.first()));
        QVERIFY2(result.errors.first().contains(error), qPrintable(result.errors.first()));
    }
}

void tst_TokenStore::backendsHaveTheirOwnTokens()
{
    const TokenStore store;
    QCOMPARE(store.write(u"prod"_s, u"prod-token"_s), QString());
    QCOMPARE(store.write(u"staging"_s, u"staging-token"_s), QString());
    const ConfigResult result = load(R"({"auth":{"token_store":true},"feeds":["queue"],
        "backends":{"prod":{"server":"wss://p.test"},"staging":{"server":"wss://s.test"}}})");
    QVERIFY2(result.ok(), qPrintable(result.errors.join(u'\n')));
    for (const FeedSpec &feed : result.config.feeds)
        QCOMPARE(feed.auth.token, feed.backend + u"-token"_s);
    QCOMPARE(result.config.feeds.size(), 2);
}

void tst_TokenStore::aSubprotocolTokenMustBeAnHttpToken()
{
    // Qt 6.4 would drop it with "Ignoring invalid WebSocket subprotocol name", unsent.
    const ConfigResult bad = load(R"({"auth":{"mode":"subprotocol"}})", {u"auth.token=abc/de=="_s});
    QVERIFY(!bad.ok());
    QVERIFY2(
        bad.errors.first().startsWith(
            u"auth.mode: the token cannot be sent as a WebSocket subprotocol: it contains '/'"_s),
        qPrintable(bad.errors.first()));
    QVERIFY(!bad.errors.first().contains(u"abc"_s)); // the error names the character, not the token
    const ConfigResult good =
        load(R"({"auth":{"mode":"subprotocol"}})", {u"auth.token=ab.c+d_e~1"_s});
    QVERIFY2(good.ok(), qPrintable(good.errors.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_TokenStore)
#include "tst_tokenstore.moc"
