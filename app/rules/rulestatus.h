#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <algorithm>

// A row a rule holds for (pending or firing), as the Rules page and the marks in the tables show.
struct RuleRow
{
    QString id;  // the row's identity in its table (FeedTableModel), "" for a rule over the data
    QString key; // what the operator reads ("q-7", "cloudflare_tunnel")
    bool firing = false;
    qint64 sinceWallMs = 0; // entered the condition
    qint64 firedWallMs = 0; // fired (0 while pending)
    QString message;        // English, as the event stream says it
    QString text;           // the same, through the profile's translation

    friend bool operator==(const RuleRow &a, const RuleRow &b)
    {
        return a.id == b.id && a.key == b.key && a.firing == b.firing
            && a.sinceWallMs == b.sinceWallMs && a.message == b.message && a.text == b.text;
    }
};

// One rule on one feed, as the Rules page lists it: ok, pending, firing or error (with the
// reason), since when, on which rows, silenced until when.
struct RuleStatus
{
    Q_GADGET

public:
    enum class State { Ok, Pending, Firing, Error };
    Q_ENUM(State)

    QString ruleId;
    QString feedId; // "queue", "prod/queue"; the rule's feed name when it is not open
    QString backend;
    QString title; // English; the page translates it in the "Profile" context
    QString severity;
    QString description; // "status = failed for 5m"
    QString origin;      // "profile", "config"
    State state = State::Ok;
    QString error;
    qint64 sinceWallMs = 0; // in this state since (0: unknown, e.g. never evaluated)
    qint64 silencedUntilWallMs = 0;
    bool evaluated = false; // has seen data
    QList<RuleRow> rows;    // pending and firing rows

    int firingCount() const
    {
        return int(
            std::count_if(rows.begin(), rows.end(), [](const RuleRow &r) { return r.firing; }));
    }
    static QString stateName(State state);

    friend bool operator==(const RuleStatus &a, const RuleStatus &b)
    {
        return a.ruleId == b.ruleId && a.feedId == b.feedId && a.state == b.state
            && a.error == b.error && a.sinceWallMs == b.sinceWallMs
            && a.silencedUntilWallMs == b.silencedUntilWallMs && a.evaluated == b.evaluated
            && a.rows == b.rows && a.title == b.title && a.severity == b.severity
            && a.description == b.description;
    }
};

// One transition for the desktop: what the notifier says, translated on the engine's thread
// from the profile's texts; the event stream carries the English `alert` event beside it.
struct RuleAlert
{
    QString ruleId;
    QString feedId;
    QString key;
    QString severity;
    QString title; // the rule's title, translated
    QString text;  // the message, translated
    bool firing = true;
    bool silenced = false;
};

Q_DECLARE_METATYPE(RuleStatus)
Q_DECLARE_METATYPE(RuleAlert)
