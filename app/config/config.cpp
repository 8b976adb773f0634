#include "config.h"

#include "config/tokenstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QStringList kRootKeys = {u"server"_s, u"auth"_s,    u"feeds"_s,    u"backends"_s,
                               u"tls"_s,    u"profile"_s, u"timezone"_s, u"metrics"_s,
                               u"rules"_s,  u"alerts"_s};
const QStringList kBackendKeys = {u"server"_s,  u"auth"_s,     u"feeds"_s, u"tls"_s,
                                  u"profile"_s, u"timezone"_s, u"rules"_s};
const QStringList kAuthKeys = {u"token"_s, u"mode"_s, u"query_param"_s, u"token_store"_s,
                               u"token_file"_s};

// A feed entry's own keys, and every profile key (docs/protocol.md, "Profiles") but its name:
// a configuration adds feeds or overrides what a profile says about one.
QStringList feedEntryKeys()
{
    QStringList keys = {u"id"_s, u"url"_s, u"priority"_s, u"message_type"_s, u"snapshot_url"_s};
    for (const QString &key : FeedDefinition::keys()) {
        if (key != "name"_L1 && !keys.contains(key))
            keys.append(key);
    }
    return keys;
}

// The profile a backend object (or the top level) names, for the default feed list before the
// configuration is loaded; the default profile when it names none or cannot be read.
QStringList defaultFeedNamesOf(const QJsonObject &owner, const QJsonObject &root)
{
    const QString named = owner.value("profile"_L1).toString(root.value("profile"_L1).toString());
    if (!named.isEmpty()) {
        const ProfileResult loaded = BackendProfile::load(named);
        if (loaded.ok())
            return loaded.profile->defaultFeedNames();
    }
    return ConfigLoader::defaultFeedNames();
}

bool isSettingsGroup(const QString &key)
{
    const QStringList keys = Settings::keys();
    return std::any_of(keys.begin(), keys.end(),
                       [&](const QString &k) { return k.startsWith(key + u'.'); });
}

// Applies the settings groups found in `object` on top of `settings`.
void applySettings(const QJsonObject &object, const QString &where, Settings &settings,
                   QStringList &errors, const QStringList &otherKeys)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (otherKeys.contains(it.key()))
            continue;
        if (!isSettingsGroup(it.key())) {
            errors << u"%1%2: %3"_s.arg(where, it.key(),
                                        QCoreApplication::translate("Config", "unknown key"));
            continue;
        }
        if (!it.value().isObject()) {
            errors << u"%1%2: %3"_s.arg(
                where, it.key(), QCoreApplication::translate("Config", "expected an object"));
            continue;
        }
        const QJsonObject group = it.value().toObject();
        for (auto leaf = group.begin(); leaf != group.end(); ++leaf) {
            const QString error = settings.set(it.key() + u'.' + leaf.key(), leaf.value());
            if (!error.isEmpty())
                errors << where + error;
        }
    }
}

AuthSpec parseAuth(const QJsonValue &value, const QString &where, QStringList &errors)
{
    AuthSpec auth;
    if (value.isUndefined() || value.isNull())
        return auth;
    if (!value.isObject()) {
        errors << u"%1auth: %2"_s.arg(where,
                                      QCoreApplication::translate("Config", "expected an object"));
        return auth;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!kAuthKeys.contains(it.key()))
            errors << u"%1auth.%2: %3"_s.arg(where, it.key(),
                                             QCoreApplication::translate("Config", "unknown key"));
    }
    auth.token = object.value("token"_L1).toString();
    const QJsonValue store = object.value("token_store"_L1);
    if (!store.isUndefined() && !store.isBool())
        errors << u"%1auth.token_store: %2"_s.arg(
            where, QCoreApplication::translate("Config", "expected true or false"));
    auth.tokenStore = store.toBool();
    const QJsonValue file = object.value("token_file"_L1);
    if (!file.isUndefined() && (!file.isString() || file.toString().isEmpty()))
        errors << u"%1auth.token_file: %2"_s.arg(
            where,
            QCoreApplication::translate("Config", "expected the path of a file holding the token"));
    auth.tokenFile = file.toString();
    if (auth.tokenStore && !auth.tokenFile.isEmpty())
        errors << u"%1auth.token_file: %2"_s.arg(
            where,
            QCoreApplication::translate("Config", "cannot be combined with auth.token_store"));
    auth.queryParam = object.value("query_param"_L1).toString(auth.queryParam);
    const QString mode = object.value("mode"_L1).toString(u"header"_s);
    if (mode == "header"_L1)
        auth.mode = AuthSpec::Mode::Header;
    else if (mode == "query"_L1)
        auth.mode = AuthSpec::Mode::Query;
    else if (mode == "subprotocol"_L1)
        auth.mode = AuthSpec::Mode::Subprotocol;
    else
        errors << u"%1auth.mode: %2"_s.arg(
            where,
            QCoreApplication::translate("Config", "'%1' is not one of header, query, subprotocol")
                .arg(mode));
    if (auth.token.isEmpty() && !auth.tokenStore && auth.tokenFile.isEmpty())
        auth.mode = AuthSpec::Mode::None;
    return auth;
}

// {"metrics": {"listen": "127.0.0.1:9464"}}; --metrics-listen wins over it.
ListenAddress parseMetrics(const QJsonValue &value, const ConfigOverrides &overrides,
                           QStringList &errors)
{
    QString text;
    if (!value.isUndefined() && !value.isNull()) {
        if (!value.isObject()) {
            errors << u"metrics: "_s + QCoreApplication::translate("Config", "expected an object");
            return {};
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != "listen"_L1)
                errors << u"metrics.%1: %2"_s.arg(
                    it.key(), QCoreApplication::translate("Config", "unknown key"));
        }
        const QJsonValue listen = object.value("listen"_L1);
        if (!listen.isUndefined() && !listen.isString())
            errors << u"metrics.listen: "_s
                    + QCoreApplication::translate("Config", "expected a string");
        text = listen.toString();
    }
    const bool fromCli = !overrides.metricsListen.isNull();
    if (fromCli)
        text = overrides.metricsListen;
    QString error;
    const ListenAddress address = ListenAddress::parse(text, &error);
    if (fromCli && text.trimmed().isEmpty())
        error = u"expected [ADDRESS:]PORT, e.g. 127.0.0.1:9464"_s;
    if (!error.isEmpty())
        errors << (fromCli ? u"--metrics-listen: "_s : u"metrics.listen: "_s) + error;
    return address;
}

// {"alerts": {"exec": "notify-chat --room ops", "exec_timeout_ms": 10000}}: a command line (split
// into words at spaces, "double quotes" group; no shell is involved) or its words as a list.
void parseAlerts(const QJsonValue &value, Config &config, QStringList &errors)
{
    if (value.isUndefined() || value.isNull())
        return;
    if (!value.isObject()) {
        errors << u"alerts: "_s + QCoreApplication::translate("Config", "expected an object");
        return;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != "exec"_L1 && it.key() != "exec_timeout_ms"_L1
            && it.key() != "reminder_ms"_L1 && it.key() != "quality_ms"_L1)
            errors << u"alerts.%1: %2"_s.arg(it.key(),
                                             QCoreApplication::translate("Config", "unknown key"));
    }
    const QJsonValue exec = object.value("exec"_L1);
    if (exec.isString()) {
        config.alertsExec = QProcess::splitCommand(exec.toString());
    } else if (exec.isArray()) {
        for (const QJsonValue &word : exec.toArray()) {
            if (!word.isString()) {
                errors << u"alerts.exec: "_s
                        + QCoreApplication::translate("Config",
                                                      "expected a command line or a list of words");
                config.alertsExec.clear();
                return;
            }
            config.alertsExec << word.toString();
        }
    } else if (!exec.isUndefined() && !exec.isNull()) {
        errors << u"alerts.exec: "_s
                + QCoreApplication::translate("Config",
                                              "expected a command line or a list of words");
    }
    const QJsonValue timeout = object.value("exec_timeout_ms"_L1);
    if (!timeout.isUndefined()) {
        const double ms = timeout.toDouble(-1);
        if (!timeout.isDouble() || ms < 100 || ms > 600000)
            errors << u"alerts.exec_timeout_ms: "_s
                    + QCoreApplication::translate("Config", "expected a number from 100 to 600000");
        else
            config.alertsExecTimeoutMs = int(ms);
    }
    const auto period = [&](const char *key, int *out) {
        const QJsonValue v = object.value(QLatin1StringView(key));
        if (v.isUndefined())
            return;
        const double ms = v.toDouble(-1);
        if (!v.isDouble() || (ms != 0 && (ms < 1000 || ms > 86400000)))
            errors << u"alerts.%1: "_s.arg(QLatin1StringView(key))
                    + QCoreApplication::translate("Config",
                                                  "expected 0 (off) or a number from 1000 to "
                                                  "86400000");
        else
            *out = int(ms);
    };
    period("reminder_ms", &config.alertsReminderMs);
    period("quality_ms", &config.alertsQualityMs);
}

// Splits "a.b.c" and writes value into root at that path.
void setPath(QJsonObject &root, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        root.insert(path.first(), value);
        return;
    }
    QJsonObject child = root.value(path.first()).toObject();
    setPath(child, path.mid(1), value);
    root.insert(path.first(), child);
}

// The feed entry `name` of a "feeds" array as an object (a plain name becomes {"id": name}),
// appended when the array lacks it. A missing array stands for the default feeds.
QJsonObject &feedEntry(QJsonArray &feeds, QList<QJsonObject> &objects, const QString &name)
{
    for (qsizetype i = 0; i < feeds.size(); ++i) {
        const QJsonValue entry = feeds.at(i);
        const QString id =
            entry.isObject() ? entry.toObject().value("id"_L1).toString() : entry.toString();
        if (id == name)
            return objects[i];
    }
    feeds.append(name);
    objects.append(QJsonObject {{u"id"_s, name}});
    return objects.last();
}

// `--set feeds.<name>.<key>=value` inside `owner` (the root or a backend object).
QString setFeedKey(QJsonObject &owner, const QJsonObject &root, const QString &name,
                   const QString &key, const QJsonValue &value)
{
    QJsonArray feeds;
    if (owner.contains("feeds"_L1)) {
        if (!owner.value("feeds"_L1).isArray())
            return u"feeds: "_s + QCoreApplication::translate("Config", "expected an array");
        feeds = owner.value("feeds"_L1).toArray();
    } else {
        for (const QString &f : defaultFeedNamesOf(owner, root))
            feeds.append(f);
    }
    QList<QJsonObject> objects;
    for (const QJsonValue &entry : std::as_const(feeds))
        objects.append(entry.isObject() ? entry.toObject()
                                        : QJsonObject {{u"id"_s, entry.toString()}});
    QJsonObject &feed = feedEntry(feeds, objects, name);
    setPath(feed, key.split(u'.'), value);
    QJsonArray rebuilt;
    for (const QJsonObject &o : std::as_const(objects))
        rebuilt.append(o);
    owner.insert("feeds"_L1, rebuilt);
    return {};
}

// Parses one `--set key=value` and writes it into the JSON tree before it is loaded, so an
// override goes through exactly the checks a file does. Returns the error, naming the key.
QString applySet(QJsonObject &root, const QString &assignment)
{
    const qsizetype eq = assignment.indexOf(u'=');
    if (eq <= 0)
        return u"--set %1: %2"_s.arg(assignment,
                                     QCoreApplication::translate("Config", "expected key=value"));
    const QString key = assignment.left(eq).trimmed();
    const QString text = assignment.mid(eq + 1);
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    const QStringList feedKeys = {u"url"_s,    u"message_type"_s, u"snapshot_url"_s,
                                  u"title"_s,  u"path"_s,         u"rows"_s,
                                  u"status"_s, u"stretch"_s,      u"view"_s};

    // What `rest` (a key below a backend or a feed, or at the top) may be, and its value.
    auto valueFor = [&](const QString &rest, bool feedLevel, QJsonValue *value) -> QString {
        if (Settings::isTextKey(rest)) { // fallback.path: checked by Settings::set later
            *value = text;
            return {};
        }
        const bool alertNumber = !feedLevel
            && (rest == "alerts.reminder_ms"_L1 || rest == "alerts.quality_ms"_L1
                || rest == "alerts.exec_timeout_ms"_L1);
        if (Settings::isKey(rest) || (feedLevel && rest == "priority"_L1) || alertNumber) {
            if (!isNumber)
                return u"--set %1: %2"_s.arg(
                    key, QCoreApplication::translate("Config", "'%1' is not a number").arg(text));
            *value = number;
            return {};
        }
        const bool known = feedLevel
            ? feedKeys.contains(rest)
            : (rest == "server"_L1 || rest.startsWith("auth."_L1) || rest == "tls.ca_file"_L1
               || rest == "profile"_L1 || rest == "timezone"_L1 || rest == "metrics.listen"_L1
               || rest == "alerts.exec"_L1);
        if (!known)
            return u"--set %1: %2"_s.arg(key, QCoreApplication::translate("Config", "unknown key"));
        *value = text;
        return {};
    };

    const QStringList parts = key.split(u'.');
    QJsonValue value;
    if (parts.size() >= 3 && parts.first() == "backends"_L1) {
        const QString backendName = parts.at(1);
        QJsonObject backends = root.value("backends"_L1).toObject();
        QJsonObject backend = backends.value(backendName).toObject();
        const QStringList rest = parts.mid(2);
        QString error;
        if (rest.size() >= 3 && rest.first() == "feeds"_L1) {
            const QString leaf = rest.mid(2).join(u'.');
            error = valueFor(leaf, true, &value);
            if (error.isEmpty())
                error = setFeedKey(backend, root, rest.at(1), leaf, value);
        } else {
            error = valueFor(rest.join(u'.'), false, &value);
            if (error.isEmpty())
                setPath(backend, rest, value);
        }
        if (!error.isEmpty())
            return error.startsWith("--set"_L1) ? error : u"--set %1: %2"_s.arg(key, error);
        backends.insert(backendName, backend);
        root.insert("backends"_L1, backends);
        return {};
    }
    if (parts.size() >= 3 && parts.first() == "feeds"_L1) {
        const QString leaf = parts.mid(2).join(u'.');
        QString error = valueFor(leaf, true, &value);
        if (error.isEmpty())
            error = setFeedKey(root, root, parts.at(1), leaf, value);
        return error.isEmpty() || error.startsWith("--set"_L1) ? error
                                                               : u"--set %1: %2"_s.arg(key, error);
    }
    const QString error = valueFor(key, false, &value);
    if (error.isEmpty())
        setPath(root, parts, value);
    return error;
}

} // namespace

namespace ConfigLoader {

std::shared_ptr<const BackendProfile> defaultProfile()
{
    const ProfileResult builtin =
        BackendProfile::builtin(QString::fromLatin1(BackendProfile::DefaultName));
    // The built-in profile is checked by tst_backendprofile; without it nothing can be shown.
    Q_ASSERT(builtin.ok());
    return builtin.profile;
}

QStringList defaultFeedNames()
{
    const auto profile = defaultProfile();
    return profile ? profile->defaultFeedNames() : QStringList();
}

QTimeZone parseTimeZone(const QString &text, QString *error)
{
    if (text.isEmpty() || text.compare("local"_L1, Qt::CaseInsensitive) == 0)
        return {};
    if (text.compare("utc"_L1, Qt::CaseInsensitive) == 0 || text == "Z"_L1)
        return QTimeZone::utc();
    const QTimeZone zone(text.toUtf8());
    if (!zone.isValid())
        *error = QCoreApplication::translate("Config",
                                             "'%1' is not a time zone (local, UTC, an IANA name "
                                             "such as Europe/Berlin, or UTC+02:00)")
                     .arg(text);
    return zone;
}

QUrl validateServerUrl(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (text.isEmpty())
        *error = QCoreApplication::translate("Config", "is empty");
    else if (!url.isValid())
        *error = QCoreApplication::translate("Config", "'%1' is not a valid URL (%2)")
                     .arg(text, url.errorString());
    else if (url.scheme() != "ws"_L1 && url.scheme() != "wss"_L1)
        *error =
            QCoreApplication::translate("Config", "'%1' must start with ws:// or wss://").arg(text);
    else if (url.host().isEmpty())
        *error = QCoreApplication::translate("Config", "'%1' has no host").arg(text);
    else
        return url;
    return {};
}

namespace {
FeedSpec makeFeed(const BackendSpec &backend, const QString &name, const Settings &settings,
                  bool multipleBackends, const QJsonObject &overrides, const QString &where,
                  QStringList *errors)
{
    const std::shared_ptr<const BackendProfile> profile =
        backend.profile ? backend.profile : defaultProfile();
    FeedDefinition definition = profile->definitionFor(name, overrides, where, errors);
    definition.setTimeZone(backend.timeZone);
    FeedSpec feed;
    feed.definitionPtr = std::make_shared<const FeedDefinition>(definition);
    feed.name = name;
    feed.backend = backend.name;
    feed.id = multipleBackends ? backend.name + u'/' + name : name;
    QUrl url = backend.server;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + definition.path);
    feed.url = url;
    // The HTTP twin: the profile's own path for this feed, else fallback.path; none when the
    // profile says the backend has none ("http": false).
    if (!definition.http.off) {
        QUrl snapshot = url;
        snapshot.setScheme(url.scheme() == "wss"_L1 ? u"https"_s : u"http"_s);
        QString snapshotPath = definition.http.path;
        if (snapshotPath.isEmpty()) {
            snapshotPath = settings.fallbackPath;
            snapshotPath.replace(u"{feed}"_s, name);
        }
        snapshot.setPath(base + snapshotPath);
        feed.snapshotUrl = snapshot;
    }
    feed.messageType = definition.messageType;
    feed.priority = profile->find(name) ? definition.priority : 50;
    feed.settings = settings;
    feed.auth = backend.auth;
    feed.tls = backend.tls;
    return feed;
}
} // namespace

FeedSpec makeFeed(const BackendSpec &backend, const QString &name, const Settings &settings,
                  bool multipleBackends)
{
    return makeFeed(backend, name, settings, multipleBackends, {}, {}, nullptr);
}

const ActionCatalog &actionsOf(const Config &config, const QString &backendName)
{
    for (const BackendSpec &backend : config.backends) {
        if ((backendName.isEmpty() || backend.name == backendName) && backend.profile)
            return backend.profile->actions();
    }
    return defaultProfile()->actions();
}

std::pair<QString, QString> splitFeedId(const Config &config, const QString &feedId)
{
    if (config.backends.size() > 1) {
        const qsizetype slash = feedId.indexOf(u'/');
        if (slash > 0)
            return {feedId.left(slash), feedId.mid(slash + 1)};
    }
    return {config.backends.isEmpty() ? QString() : config.backends.first().name, feedId};
}

std::optional<FeedSpec> specFor(const Config &config, const QString &feedId)
{
    for (const FeedSpec &feed : config.feeds) {
        if (feed.id == feedId)
            return feed;
    }
    const auto [backendName, name] = splitFeedId(config, feedId);
    for (const BackendSpec &backend : config.backends) {
        if (backend.name != backendName)
            continue;
        const auto profile = backend.profile ? backend.profile : defaultProfile();
        const FeedDefinition *known = profile->find(name);
        if (!known || !known->isTemplate())
            return std::nullopt;
        return makeFeed(backend, name, config.settings, config.backends.size() > 1);
    }
    return std::nullopt;
}

ConfigResult fromJson(const QJsonObject &input, const ConfigOverrides &overrides)
{
    ConfigResult result;
    QStringList &errors = result.errors;
    QJsonObject root = input;

    for (const QString &assignment : overrides.sets) {
        const QString error = applySet(root, assignment);
        if (!error.isEmpty())
            errors << error;
    }
    if (!overrides.server.isEmpty()) {
        root.insert("server"_L1, overrides.server);
        // With one named backend, --server (and so --demo) means that backend: its own server
        // must not silently win over the command line.
        const QJsonObject backends = root.value("backends"_L1).toObject();
        if (backends.size() == 1 && backends.begin().value().isObject()) {
            QJsonObject only = backends.begin().value().toObject();
            only.insert("server"_L1, overrides.server);
            root.insert("backends"_L1, QJsonObject {{backends.begin().key(), only}});
        }
    }

    applySettings(root, QString(), result.config.settings, errors, kRootKeys);
    errors << result.config.settings.validate();
    result.config.metricsListen = parseMetrics(root.value("metrics"_L1), overrides, errors);
    parseAlerts(root.value("alerts"_L1), result.config, errors);

    // Backends: either a "backends" object or the top-level server/auth/feeds.
    struct RawBackend
    {
        QString name;
        QJsonObject object;
    };
    QList<RawBackend> raw;
    if (root.contains("backends"_L1)) {
        const QJsonValue backends = root.value("backends"_L1);
        if (!backends.isObject() || backends.toObject().isEmpty())
            errors << u"backends: "_s
                    + QCoreApplication::translate("Config",
                                                  "expected a non-empty object of named backends");
        const QJsonObject object = backends.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isObject()) {
                errors << u"backends.%1: %2"_s.arg(
                    it.key(), QCoreApplication::translate("Config", "expected an object"));
                continue;
            }
            raw.append({it.key(), it.value().toObject()});
        }
        if (root.contains("server"_L1) && raw.size() > 1 && !overrides.server.isEmpty())
            errors << u"--server: "_s
                    + QCoreApplication::translate(
                          "Config", "several backends are configured; set backends.<name>.server");
    } else {
        raw.append({u"default"_s, root});
    }
    const bool multiple = raw.size() > 1;
    const TlsSpec globalTls = TlsConfig::parse(root.value("tls"_L1), QString(), errors);

    for (const RawBackend &rb : std::as_const(raw)) {
        const QString where =
            multiple || root.contains("backends"_L1) ? u"backends.%1."_s.arg(rb.name) : QString();
        BackendSpec backend;
        backend.name = rb.name;
        QString urlError;
        QString server = rb.object.value("server"_L1).toString();
        if (server.isEmpty() && !where.isEmpty())
            server = root.value("server"_L1).toString();
        if (server.isEmpty())
            server = u"ws://127.0.0.1:8002"_s;
        backend.server = validateServerUrl(server, &urlError);
        if (!urlError.isEmpty())
            errors << u"%1server: %2"_s.arg(where, urlError);
        backend.auth = parseAuth(rb.object.contains("auth"_L1) ? rb.object.value("auth"_L1)
                                                               : root.value("auth"_L1),
                                 where, errors);
        backend.tls = where.isEmpty()
            ? globalTls
            : TlsConfig::merge(globalTls,
                               TlsConfig::parse(rb.object.value("tls"_L1), where, errors));
        Settings backendSettings = result.config.settings;
        if (!where.isEmpty())
            applySettings(rb.object, where, backendSettings, errors, kBackendKeys);
        // The profile and zone: the backend's own, else the top level's, else the defaults.
        const QJsonValue profileValue = rb.object.contains("profile"_L1)
            ? rb.object.value("profile"_L1)
            : root.value("profile"_L1);
        backend.profile = defaultProfile();
        if (!profileValue.isUndefined()) {
            const QString named = profileValue.toString();
            if (!profileValue.isString() || named.isEmpty()) {
                errors << u"%1profile: %2"_s.arg(
                    where,
                    QCoreApplication::translate("Config",
                                                "expected a built-in profile name or a file path"));
            } else {
                const ProfileResult loaded = BackendProfile::load(named);
                for (const QString &e : loaded.errors)
                    errors << u"%1profile: %2"_s.arg(where, e);
                if (loaded.ok())
                    backend.profile = loaded.profile;
            }
        }
        const QJsonValue zoneValue = rb.object.contains("timezone"_L1)
            ? rb.object.value("timezone"_L1)
            : root.value("timezone"_L1);
        if (!zoneValue.isUndefined() && !zoneValue.isString()) {
            errors << u"%1timezone: %2"_s.arg(
                where, QCoreApplication::translate("Config", "expected a string"));
        } else {
            QString zoneError;
            backend.timeZoneName = zoneValue.toString(u"local"_s);
            backend.timeZone = parseTimeZone(backend.timeZoneName, &zoneError);
            if (!zoneError.isEmpty())
                errors << u"%1timezone: %2"_s.arg(where, zoneError);
        }
        QList<std::pair<QJsonValue, QString>> ruleLayers = {{root.value("rules"_L1), u"rules"_s}};
        if (!where.isEmpty() && rb.object.contains("rules"_L1) && rb.object != root)
            ruleLayers.append({rb.object.value("rules"_L1), where + u"rules"_s});
        backend.rules = Rule::merge(backend.profile->rawRules(),
                                    backend.profile->source() + u": rules"_s, ruleLayers, &errors);
        result.config.backends.append(backend);

        QJsonValue feedsValue = rb.object.value("feeds"_L1);
        if (feedsValue.isUndefined() && !where.isEmpty())
            feedsValue = root.value("feeds"_L1);
        QJsonArray feeds;
        if (feedsValue.isUndefined()) {
            for (const QString &name : backend.profile->defaultFeedNames())
                feeds.append(name);
        } else if (feedsValue.isArray()) {
            feeds = feedsValue.toArray();
        } else {
            errors << u"%1feeds: %2"_s.arg(
                where, QCoreApplication::translate("Config", "expected an array"));
        }

        QSet<QString> seen;
        for (qsizetype i = 0; i < feeds.size(); ++i) {
            const QJsonValue entry = feeds.at(i);
            const QString at = u"%1feeds[%2]"_s.arg(where).arg(i);
            QJsonObject object;
            if (entry.isString())
                object.insert("id"_L1, entry.toString());
            else if (entry.isObject())
                object = entry.toObject();
            else {
                errors << u"%1: %2"_s.arg(
                    at, QCoreApplication::translate("Config", "expected a feed name or object"));
                continue;
            }
            const QString name = object.value("id"_L1).toString();
            if (name.isEmpty() || name.contains(u' ')) {
                errors << u"%1.id: %2"_s.arg(
                    at, QCoreApplication::translate("Config", "missing or invalid feed id"));
                continue;
            }
            if (seen.contains(name)) {
                errors << u"%1.id: %2"_s.arg(
                    at, QCoreApplication::translate("Config", "feed '%1' listed twice").arg(name));
                continue;
            }
            seen.insert(name);
            Settings feedSettings = backendSettings;
            applySettings(object, at + u'.', feedSettings, errors, feedEntryKeys());
            FeedSpec feed = makeFeed(backend, name, feedSettings, multiple, object, at, &errors);
            if (object.contains("url"_L1)) {
                QString feedUrlError;
                feed.url = validateServerUrl(object.value("url"_L1).toString(), &feedUrlError);
                if (!feedUrlError.isEmpty())
                    errors << u"%1.url: %2"_s.arg(at, feedUrlError);
            } else if (feed.messageType.isEmpty() && !object.contains("message_type"_L1)) {
                // A custom feed with no URL lives under the usual path; that is fine.
            }
            if (object.contains("snapshot_url"_L1)) {
                const QString text = object.value("snapshot_url"_L1).toString();
                const QUrl snapshot(text, QUrl::StrictMode);
                if (text.isEmpty())
                    feed.snapshotUrl = QUrl(); // degraded mode off for this feed
                else if (!snapshot.isValid()
                         || (snapshot.scheme() != "http"_L1 && snapshot.scheme() != "https"_L1))
                    errors << u"%1.snapshot_url: %2"_s.arg(
                        at,
                        QCoreApplication::translate("Config",
                                                    "'%1' must be an http:// or https:// URL")
                            .arg(text));
                else
                    feed.snapshotUrl = snapshot;
            } else if (object.contains("url"_L1)) {
                feed.snapshotUrl = QUrl(); // a custom WebSocket URL has no known HTTP twin
            }
            if (object.contains("message_type"_L1))
                feed.messageType = object.value("message_type"_L1).toString();
            if (object.contains("priority"_L1)) {
                const QJsonValue p = object.value("priority"_L1);
                if (!p.isDouble())
                    errors << u"%1.priority: %2"_s.arg(
                        at, QCoreApplication::translate("Config", "expected a number"));
                else
                    feed.priority = p.toInt();
            }
            result.config.feeds.append(feed);
        }
    }

    if (!overrides.feeds.isEmpty()) {
        QList<FeedSpec> selected;
        for (const QString &wanted : overrides.feeds) {
            bool found = false;
            for (const FeedSpec &feed : std::as_const(result.config.feeds)) {
                if (feed.id == wanted || feed.name == wanted) {
                    if (!std::any_of(selected.begin(), selected.end(),
                                     [&](const FeedSpec &f) { return f.id == feed.id; }))
                        selected.append(feed);
                    found = true;
                }
            }
            if (!found && wanted.startsWith("adw-state/"_L1) && !result.config.backends.isEmpty()) {
                selected.append(makeFeed(result.config.backends.first(), wanted,
                                         result.config.settings, multiple));
                found = true;
            }
            if (!found)
                errors << u"--feeds: %1"_s.arg(
                    QCoreApplication::translate("Config", "unknown feed '%1'").arg(wanted));
        }
        result.config.feeds = selected;
    }

    std::stable_sort(result.config.feeds.begin(), result.config.feeds.end(),
                     [](const FeedSpec &a, const FeedSpec &b) { return a.priority < b.priority; });
    if (result.config.feeds.isEmpty() && errors.isEmpty())
        errors << u"feeds: "_s + QCoreApplication::translate("Config", "no feed configured");
    return result;
}

ConfigResult load(const QString &path, const ConfigOverrides &overrides)
{
    QJsonObject root;
    if (!path.isEmpty()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            ConfigResult failed;
            failed.errors << u"%1: %2"_s.arg(
                path,
                QCoreApplication::translate("Config", "cannot read: %1").arg(file.errorString()));
            return failed;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            ConfigResult failed;
            failed.errors << (parseError.error != QJsonParseError::NoError
                                  ? u"%1: %2"_s.arg(path,
                                                    QCoreApplication::translate(
                                                        "Config", "invalid JSON at offset %1: %2")
                                                        .arg(parseError.offset)
                                                        .arg(parseError.errorString()))
                                  : u"%1: %2"_s.arg(
                                      path,
                                      QCoreApplication::translate("Config",
                                                                  "the top level must be a JSON "
                                                                  "object")));
            return failed;
        }
        root = doc.object();
    }
    ConfigResult result = fromJson(root, overrides);
    result.config.sourcePath = path;
    if (result.ok())
        TokenStore().resolve(result.config, result.errors);
    return result;
}

QString defaultConfigPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(u"feedwatch.json"_s);
}

} // namespace ConfigLoader

const FeedDefinition &FeedSpec::definition() const
{
    if (definitionPtr)
        return *definitionPtr;
    // A spec built by hand (tests, tools): whatever arrives, shown generically.
    static const FeedDefinition generic = FeedDefinition::generic(QString());
    return generic;
}
