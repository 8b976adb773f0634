#pragma once

#include "catalog/feeddefinition.h"
#include "commands/actioncatalog.h"
#include "rules/rule.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class BackendProfile;

struct ProfileResult
{
    std::shared_ptr<const BackendProfile> profile; // null when the profile could not be read
    QStringList errors;                            // each names the file and the key at fault
    bool ok() const { return profile && errors.isEmpty(); }
};

// One backend's feed catalog, read from a profile file (docs/protocol.md, "Profiles"): the
// feeds it serves and, for each, everything its page shows. The built-in profiles are Qt
// resources (:/profiles/<name>.json); a user's own is a file named by backends.<b>.profile.
// Its top-level "actions" (the operator's actions over the backend's API) are read by
// ActionCatalog, whose parsed list the profile carries: one file says what a page shows and
// what an operator can do on it. Its "rules" are the default alert rules over the feeds' data.
class BackendProfile final
{
public:
    static constexpr auto DefaultName = "tac-webbuilder";

    // The built-in profiles by name ("tac-webbuilder"); each is read once.
    static QStringList builtinNames();
    static ProfileResult builtin(const QString &name);
    // A built-in name, or the path of a profile file.
    static ProfileResult load(const QString &nameOrPath);
    static ProfileResult fromJson(const QJsonObject &root, const QString &source);

    QString name() const { return m_name; }
    QString title() const { return m_title; }
    QString source() const { return m_source; }
    const QList<FeedDefinition> &feeds() const { return m_feeds; }
    // The feeds opened when the configuration names none: every feed but the templates.
    QStringList defaultFeedNames() const;
    // The profile's entry for `feedName`, a template's matching instance included; null if none.
    const FeedDefinition *find(const QString &feedName) const;
    // What `feedName` shows: the profile's entry (a template's instance for
    // "adw-state/e5f6a7b8"), with a configuration's overrides for that feed merged in (any
    // profile key but "name"). A feed the profile does not know is generic, at the profile's
    // feed path, unless the overrides describe it. Errors name `where` and the key.
    FeedDefinition definitionFor(const QString &feedName, const QJsonObject &overrides = {},
                                 const QString &where = {}, QStringList *errors = nullptr) const;
    // The profile's operator actions ("actions"); empty when it has none.
    const ActionCatalog &actions() const { return m_actions; }
    // The profile's alert rules ("rules", docs/alerts.md), as read; a rule that cannot be read
    // carries its reason (Rule::error) and shows in state error.
    const QList<Rule> &rules() const { return m_rules; }
    // The same, as written: a configuration's entries change them key by key (Rule::merge).
    const QList<QJsonObject> &rawRules() const { return m_rawRules; }
    // "/api/v1/ws/{feed}" filled in for a feed the profile does not list.
    QString pathFor(const QString &feedName) const;

private:
    QString m_name;
    QString m_title;
    QString m_source;
    QString m_feedPath;
    QJsonObject m_statusColors;
    QList<FeedDefinition> m_feeds;
    QList<QJsonObject> m_rawFeeds; // as written, for a configuration's overrides
    ActionCatalog m_actions;
    QList<Rule> m_rules;
    QList<QJsonObject> m_rawRules;
};
