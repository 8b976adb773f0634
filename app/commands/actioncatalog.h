#pragma once

#include "commands/commandaction.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The "actions" of a backend profile, read and checked: the one place that knows which operator
// actions a backend offers. The rest of the profile (feeds, columns) is not read here.
class ActionCatalog final
{
public:
    // The profile compiled in for tac-webbuilder (and the demo, which speaks it).
    static constexpr QLatin1StringView builtInPath {":/profiles/tac-webbuilder.json"};

    // Reads `profile`'s "actions" (absent: none). Each error names the key at fault
    // ("actions[2].when.status: ..."); actions with errors are left out.
    static ActionCatalog fromJson(const QJsonObject &profile, QStringList *errors);
    // A profile file (or a resource path).
    static ActionCatalog load(const QString &path, QStringList *errors);
    // The compiled-in profile, read once; a broken one is a bug that tst_actioncatalog catches.
    static const ActionCatalog &builtIn();

    QString profileName() const { return m_profile; }
    const QList<CommandAction> &actions() const { return m_actions; }
    bool isEmpty() const { return m_actions.isEmpty(); }
    // The actions of a feed, by feed name ("queue", not "prod/queue"), in profile order.
    QList<CommandAction> forFeed(const QString &feedName) const;
    // Null when no action has that name.
    const CommandAction *find(const QString &name) const;

private:
    QString m_profile;
    QList<CommandAction> m_actions;
};
