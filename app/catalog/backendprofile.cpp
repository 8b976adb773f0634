#include "backendprofile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutex>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

const QStringList kRootKeys = {u"name"_s,          u"title"_s, u"description"_s, u"feed_path"_s,
                               u"status_colors"_s, u"feeds"_s, u"actions"_s,     u"rules"_s};

// The "Config" context of the configuration errors, in a form lupdate can place (a free tr()
// wrapper is invisible to it: translations/README.md).
struct ConfigText
{
    Q_DECLARE_TR_FUNCTIONS(Config)
};

ProfileResult readFile(const QString &path, const QString &source)
{
    ProfileResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.errors << u"%1: %2"_s.arg(source,
                                         ConfigText::tr("cannot read: %1").arg(file.errorString()));
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errors << u"%1: %2"_s.arg(source,
                                         ConfigText::tr("invalid JSON at offset %1: %2")
                                             .arg(parseError.offset)
                                             .arg(parseError.errorString()));
        return result;
    }
    if (!doc.isObject()) {
        result.errors << u"%1: %2"_s.arg(source,
                                         ConfigText::tr("the top level must be a JSON object"));
        return result;
    }
    return BackendProfile::fromJson(doc.object(), source);
}

} // namespace

QStringList BackendProfile::builtinNames()
{
    return {QString::fromLatin1(DefaultName)};
}

ProfileResult BackendProfile::builtin(const QString &name)
{
    // Read once per process: every backend, configuration reload and test shares the result.
    static QMutex mutex;
    static QHash<QString, ProfileResult> cache;
    const QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(name); it != cache.cend())
        return *it;
    ProfileResult result;
    if (!builtinNames().contains(name))
        result.errors << u"%1: %2"_s.arg(name,
                                         ConfigText::tr("no such built-in profile (known: %1)")
                                             .arg(builtinNames().join(u", "_s)));
    else
        result = readFile(u":/profiles/%1.json"_s.arg(name), name);
    cache.insert(name, result);
    return result;
}

ProfileResult BackendProfile::load(const QString &nameOrPath)
{
    if (builtinNames().contains(nameOrPath))
        return builtin(nameOrPath);
    return readFile(nameOrPath, nameOrPath);
}

ProfileResult BackendProfile::fromJson(const QJsonObject &root, const QString &source)
{
    ProfileResult result;
    auto profile = std::make_shared<BackendProfile>();
    profile->m_source = source;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!kRootKeys.contains(it.key()))
            result.errors << u"%1: %2: %3"_s.arg(source, it.key(), ConfigText::tr("unknown key"));
    }
    profile->m_name = root.value("name"_L1).toString();
    if (profile->m_name.isEmpty())
        result.errors << u"%1: name: %2"_s.arg(source, ConfigText::tr("missing"));
    profile->m_title = root.value("title"_L1).toString(profile->m_name);
    profile->m_feedPath = root.value("feed_path"_L1).toString(u"/api/v1/ws/{feed}"_s);
    if (!profile->m_feedPath.startsWith(u'/'))
        result.errors << u"%1: feed_path: %2"_s.arg(source, ConfigText::tr("must start with /"));
    const QJsonValue colors = root.value("status_colors"_L1);
    if (!colors.isUndefined() && !colors.isObject())
        result.errors << u"%1: status_colors: %2"_s.arg(source,
                                                        ConfigText::tr("expected an object"));
    profile->m_statusColors = colors.toObject();

    const QJsonValue feeds = root.value("feeds"_L1);
    if (!feeds.isArray() || feeds.toArray().isEmpty())
        result.errors << u"%1: feeds: %2"_s.arg(source,
                                                ConfigText::tr("expected a non-empty array"));
    const QJsonArray array = feeds.toArray();
    QSet<QString> names;
    QSet<QString> types;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = u"%1: feeds[%2]"_s.arg(source).arg(i);
        if (!array.at(i).isObject()) {
            result.errors << u"%1: %2"_s.arg(where, ConfigText::tr("expected an object"));
            continue;
        }
        FeedDefinition feed = FeedDefinition::fromJson(
            array.at(i).toObject(), profile->m_statusColors, where, &result.errors);
        if (names.contains(feed.name))
            result.errors << u"%1.name: %2"_s.arg(
                where, ConfigText::tr("feed '%1' listed twice").arg(feed.name));
        // Routing broadcast snapshots needs one feed per type (a template's instances share
        // theirs and are told apart by their parameters).
        if (!feed.messageType.isEmpty() && types.contains(feed.messageType))
            result.errors << u"%1.message_type: %2"_s.arg(
                where,
                ConfigText::tr("'%1' belongs to another feed already").arg(feed.messageType));
        names.insert(feed.name);
        types.insert(feed.messageType);
        if (feed.priority == 0)
            feed.priority = int(i) + 1;
        if (feed.path.isEmpty())
            feed.path = QString(profile->m_feedPath).replace(u"{feed}"_s, feed.name);
        profile->m_feeds.append(feed);
        profile->m_rawFeeds.append(array.at(i).toObject());
    }
    QStringList actionErrors;
    profile->m_actions = ActionCatalog::fromJson(root, &actionErrors);
    for (const QString &error : std::as_const(actionErrors))
        result.errors << u"%1: %2"_s.arg(source, error);
    // Rules: a list that is not one, an entry without an id or a repeated id make the profile
    // wrong; a rule's own problems (a bad duration, an unknown key) stay with it and show it in
    // state error, with the other rules working.
    profile->m_rules = Rule::listFromJson(root.value("rules"_L1), source + u": rules"_s,
                                          u"profile"_s, &result.errors, &profile->m_rawRules);
    result.profile = profile;
    return result;
}

QStringList BackendProfile::defaultFeedNames() const
{
    QStringList names;
    for (const FeedDefinition &feed : m_feeds) {
        if (feed.openByDefault)
            names.append(feed.name);
    }
    return names;
}

const FeedDefinition *BackendProfile::find(const QString &feedName) const
{
    for (const FeedDefinition &feed : m_feeds) {
        if (feed.matches(feedName))
            return &feed;
    }
    return nullptr;
}

QString BackendProfile::pathFor(const QString &feedName) const
{
    return QString(m_feedPath).replace(u"{feed}"_s, feedName);
}

FeedDefinition BackendProfile::definitionFor(const QString &feedName, const QJsonObject &overrides,
                                             const QString &where, QStringList *errors) const
{
    const QStringList keys = FeedDefinition::keys();
    QJsonObject own;
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (keys.contains(it.key()) && it.key() != "name"_L1)
            own.insert(it.key(), it.value());
    }
    qsizetype index = -1;
    for (qsizetype i = 0; i < m_feeds.size(); ++i) {
        if (m_feeds.at(i).matches(feedName)) {
            index = i;
            break;
        }
    }
    if (index >= 0 && own.isEmpty())
        return m_feeds.at(index).instance(feedName);

    FeedDefinition out;
    if (index >= 0) {
        // The configuration's keys replace the profile's, one key at a time.
        QJsonObject merged = m_rawFeeds.at(index);
        for (auto it = own.begin(); it != own.end(); ++it)
            merged.insert(it.key(), it.value());
        out = FeedDefinition::fromJson(merged, m_statusColors, where, errors);
        out.priority = m_feeds.at(index).priority;
        if (!merged.contains("path"_L1))
            out.path = m_feeds.at(index).path;
        out = out.instance(feedName);
    } else if (own.contains("columns"_L1) || own.contains("view"_L1)) {
        // A feed of the configuration's own, described there.
        QJsonObject described = own;
        described.insert("name"_L1, feedName);
        out = FeedDefinition::fromJson(described, m_statusColors, where, errors);
    } else {
        out = FeedDefinition::generic(feedName, own.value("message_type"_L1).toString());
        out.title = own.value("title"_L1).toString();
    }
    out.name = feedName;
    if (out.path.isEmpty())
        out.path = pathFor(feedName);
    return out;
}
