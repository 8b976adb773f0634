#pragma once

#include "config/settings.h"
#include "config/tlsconfig.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

struct AuthSpec
{
    enum class Mode { None, Header, Query, Subprotocol };
    Mode mode = Mode::None;
    QString token; // never logged, never written to the event stream
    QString queryParam = QStringLiteral("token");
    // Where the token comes from when the configuration does not hold it (docs/cli.md): the
    // token store (keychain or 0600 file) or a file of the operator's. Resolved by load().
    bool tokenStore = false;
    QString tokenFile {};
};

// One data feed: where it lives and how its manager behaves. Every feed, default or custom,
// is one of these; nothing else distinguishes them.
struct FeedSpec
{
    QString id;          // "queue", or "prod/queue" when several backends are configured
    QString name;        // "queue", "adw-state/42", or a custom name
    QString backend;     // backend name ("default" when there is one)
    QUrl url;            // ws(s)://host:port/api/v1/ws/queue, without credentials
    QUrl snapshotUrl;    // http(s)://host:port/api/v1/queue for degraded mode; empty: none
    QString messageType; // expected snapshot type, e.g. "queue_update"; empty accepts any
    int priority = 100;  // lower starts first
    Settings settings;   // effective settings after backend and feed overrides
    AuthSpec auth;
    TlsSpec tls {};
};

struct BackendSpec
{
    QString name;
    QUrl server;
    AuthSpec auth;
    TlsSpec tls {};
};

struct Config
{
    QList<BackendSpec> backends;
    QList<FeedSpec> feeds; // sorted by priority, then configuration order
    Settings settings;     // top-level settings (defaults for feeds added at run time)
    QString sourcePath;    // the file it came from, if any
};

struct ConfigResult
{
    Config config;
    QStringList errors; // each names the key or option at fault
    bool ok() const { return errors.isEmpty(); }
};

struct ConfigOverrides
{
    QString server;    // --server
    QStringList feeds; // --feeds (names or ids)
    QStringList sets;  // --set key=value, in order
};

namespace ConfigLoader {
// The default feeds in priority order: queue, workflows, system-status, ...
QStringList defaultFeedNames();
// Snapshot message type for a feed name ("system-status" -> "system_status_update").
QString messageTypeForFeed(const QString &feedName);
// Reads `path` (empty: no file) and applies the overrides. Never touches the file. Also resolves
// auth.token_file and auth.token_store (TokenStore), which fromJson() leaves alone.
ConfigResult load(const QString &path, const ConfigOverrides &overrides = {});
ConfigResult fromJson(const QJsonObject &root, const ConfigOverrides &overrides = {});
// Builds a feed for `name` on an already configured backend (e.g. adw-state/<id> at run time).
FeedSpec makeFeed(const BackendSpec &backend, const QString &name, const Settings &settings,
                  bool multipleBackends);
QString defaultConfigPath();
QUrl validateServerUrl(const QString &text, QString *error);
} // namespace ConfigLoader

Q_DECLARE_METATYPE(FeedSpec)
