#pragma once

#include <QString>
#include <QStringList>

struct Config;

// Where auth tokens live outside the configuration file: the system keychain (QtKeychain: Secret
// Service or KWallet on the D-Bus session bus) when one is reachable, otherwise a file only this
// user can read, <config dir>/tokens.json, mode 0600 in a directory nobody else can write. A
// headless machine has no session bus, so the file is the normal case there, not an accident:
// probe() says which one is used and why.
class TokenStore final
{
public:
    enum class Place { Keychain, File };
    struct Probe
    {
        bool keychainReachable = false;
        QString reason; // which keychain, or why none is used
    };
    struct Lookup
    {
        bool found = false;
        QString token;
        Place place = Place::File;
        QString error; // why it is not there (names the places looked in)
    };

    // `filePath` empty: <AppConfigLocation>/tokens.json.
    explicit TokenStore(const QString &filePath = {});

    static bool keychainBuiltIn();
    static QString defaultFilePath();
    QString filePath() const { return m_filePath; }
    // Built with QtKeychain, FEEDWATCH_TOKEN_STORE not "file", a session bus, and a Secret
    // Service or KWallet on it.
    Probe probe() const;

    Lookup read(const QString &backend) const;
    // Keychain first when reachable, else the file. Empty on success, else why it failed.
    QString write(const QString &backend, const QString &token, Place *place = nullptr) const;
    QString remove(const QString &backend) const;

    // Fills in the token of every backend whose auth names auth.token_file or auth.token_store
    // (a token written in the configuration or given with --set wins), registers every token
    // with Redaction, and appends an error naming the key for each token it cannot get.
    void resolve(Config &config, QStringList &errors) const;
    // The token in an operator's auth.token_file (owner-only, like an ssh key).
    static QString readTokenFile(const QString &path, QString *error);

private:
    QString readFile(const QString &backend, QString *error) const;
    QString writeFile(const QString &backend, const QString &token) const;

    QString m_filePath;
};
