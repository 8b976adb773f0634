#pragma once

#include "config/config.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

// What is wrong with an edit: messages keyed by the setting they belong to ("server",
// "auth.token", "backoff.initial_ms"), and the problems no edited setting owns (a broken feed
// entry elsewhere in the file, an I/O error), as full text.
struct ConfigProblems
{
    QHash<QString, QStringList> byKey;
    QStringList general;

    bool isEmpty() const { return byKey.isEmpty() && general.isEmpty(); }
    // Every problem as text, keyed ones as "key: message": for a message box or a log line.
    QStringList all() const;
};

// The one way the GUI edits the configuration file (docs/cli.md): read it, stage edits by key,
// check them (errors keyed by setting, never parsed back out of text), then write the token to
// the token store and the file atomically, reload it with the command-line overrides on top, and
// announce the new effective Config. The settings dialog and "Trust this certificate…" both go
// through here. Widget-free, so it is tested without a window.
class ConfigEditor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigEditor)

public:
    // Reads `path` (empty: the default configuration file) once.
    explicit ConfigEditor(const QString &path, const ConfigOverrides &overrides = {},
                          QObject *parent = nullptr);

    QString path() const { return m_path; }
    // False when the file exists but could not be read: nothing is then written over it.
    bool isReadable() const { return m_readError.isEmpty(); }
    QString readError() const { return m_readError; }
    // The effective top-level settings of the file as read (defaults for absent keys).
    Settings fileSettings() const;
    // The text an edit starts from: "server", "auth.token" (from the file or the token store)
    // or a Settings key's effective value.
    QString originalText(const QString &key) const;
    bool hasMultipleBackends() const { return m_multipleBackends; }
    // The operator's own token file (auth.token_file); the token is then not edited here.
    QString tokenFile() const;
    // Whether `key` can be edited: "server" and "auth.token" not with several backends, the
    // token not when a token file holds it; any Settings key.
    bool isEditable(const QString &key) const;

    // Stages `text` for `key` (as typed; trimmed). Keys that are not editable are ignored.
    void setText(const QString &key, const QString &text);
    QString text(const QString &key) const;
    // The file's JSON with the staged edits (the token replaced by auth.token_store).
    QJsonObject candidate() const;
    ConfigProblems check() const;

    // Writes the staged edits: the token to the store first (a failed store leaves the file as
    // it was), then the file, then reloads it; emits applied() and returns nothing on success.
    ConfigProblems apply();
    // Adds a certificate pin (host:port, SHA-256) to the file, writes, reloads and emits
    // applied(). Staged edits are not part of it.
    ConfigProblems trustCertificate(const QString &host, int port, const QString &sha256);

signals:
    // The new effective configuration, command-line overrides included; apply it now.
    void applied(const Config &config);

private:
    ConfigProblems writeAndReload(const QJsonObject &root);
    QJsonValue valueFor(const QString &key, const QString &text) const;

    QString m_path;
    ConfigOverrides m_overrides;
    QJsonObject m_original;
    QString m_readError;
    QString m_originalToken;
    bool m_multipleBackends = false;
    QHash<QString, QString> m_edits; // key -> staged text
};
