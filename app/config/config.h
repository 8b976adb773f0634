#pragma once

#include "catalog/backendprofile.h"
#include "catalog/feeddefinition.h"
#include "config/settings.h"
#include "config/tlsconfig.h"
#include "metrics/listenaddress.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

#include <memory>
#include <optional>

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
    // What the feed's page shows, from the backend's profile and the feed's overrides; null
    // for a spec built by hand, which shows whatever arrives (definition()).
    std::shared_ptr<const FeedDefinition> definitionPtr {};

    const FeedDefinition &definition() const;
};

struct BackendSpec
{
    QString name;
    QUrl server;
    AuthSpec auth;
    TlsSpec tls {};
    // The backend's feed catalog (backends.<b>.profile; the built-in tac-webbuilder profile
    // by default) and the zone its timestamps without an offset are in (backends.<b>.timezone;
    // invalid: the local zone).
    std::shared_ptr<const BackendProfile> profile {};
    QTimeZone timeZone {};
    QString timeZoneName {}; // as configured: "local", "UTC", "Europe/Berlin"
    // Its alert rules: the profile's, with the configuration's "rules" (the top level's, then
    // the backend's) applied by id (docs/alerts.md).
    QList<Rule> rules {};
};

struct Config
{
    QList<BackendSpec> backends;
    QList<FeedSpec> feeds; // sorted by priority, then configuration order
    Settings settings;     // top-level settings (defaults for feeds added at run time)
    QString sourcePath;    // the file it came from, if any
    // metrics.listen / --metrics-listen: where /metrics is served; off unless set.
    ListenAddress metricsListen;
    // alerts.exec: a command that gets each alert as one JSON line on its standard input
    // (docs/alerts.md); empty: none. alerts.exec_timeout_ms bounds each run.
    QStringList alertsExec;
    int alertsExecTimeoutMs = 10000;
    // alerts.reminder_ms: say again every this long that a feed is still down; alerts.quality_ms:
    // a latency tier poor or bad for this long is an alert. 0 turns either off.
    int alertsReminderMs = 15 * 60 * 1000;
    int alertsQualityMs = 5 * 60 * 1000;
};

struct ConfigResult
{
    Config config;
    QStringList errors; // each names the key or option at fault
    bool ok() const { return errors.isEmpty(); }
};

struct ConfigOverrides
{
    QString server;        // --server
    QStringList feeds;     // --feeds (names or ids)
    QStringList sets;      // --set key=value, in order
    QString metricsListen; // --metrics-listen; null: the configuration's
};

namespace ConfigLoader {
// The feeds of the default profile in priority order: queue, workflows, system-status, ...
QStringList defaultFeedNames();
// The built-in default profile (tac-webbuilder).
std::shared_ptr<const BackendProfile> defaultProfile();
// Reads `path` (empty: no file) and applies the overrides. Never touches the file. Also resolves
// auth.token_file and auth.token_store (TokenStore), which fromJson() leaves alone.
ConfigResult load(const QString &path, const ConfigOverrides &overrides = {});
ConfigResult fromJson(const QJsonObject &root, const ConfigOverrides &overrides = {});
// Builds a feed for `name` on an already configured backend (e.g. adw-state/<id> at run time),
// described by the backend's profile.
FeedSpec makeFeed(const BackendSpec &backend, const QString &name, const Settings &settings,
                  bool multipleBackends);
// The spec of `feedId`: the configured feed, or one the backend's profile can open at run time
// (an instance of a template such as "adw-state/{adw_id}"); nothing for an unknown feed.
std::optional<FeedSpec> specFor(const Config &config, const QString &feedId);
// The operator actions of a backend's profile (the default profile's for an unknown backend;
// empty name: the first backend).
const ActionCatalog &actionsOf(const Config &config, const QString &backendName = {});
// The backend and feed name of a feed id ("prod/queue" -> prod, queue).
std::pair<QString, QString> splitFeedId(const Config &config, const QString &feedId);
// "local" (or empty), "UTC", an IANA name ("Europe/Berlin") or an offset ("UTC+02:00");
// an invalid QTimeZone stands for the local zone. `error` is set for anything else.
QTimeZone parseTimeZone(const QString &text, QString *error);
QString defaultConfigPath();
QUrl validateServerUrl(const QString &text, QString *error);
} // namespace ConfigLoader

Q_DECLARE_METATYPE(FeedSpec)
