#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <utility>

// One test of a rule (docs/alerts.md): a subject (a field of the row, a value of the feed's
// data, or the count of rows matching other tests) and what must hold for it.
struct RuleCondition
{
    Q_GADGET

public:
    enum class Subject {
        Field, // "field": a path in the row (dot path or JSON pointer)
        Value, // "value": a JSON pointer into the feed's data
        Count, // "count": how many rows pass the nested tests
    };
    Q_ENUM(Subject)
    enum class Op {
        Equals,       // loosely: "214" = 214, "Failed" = "failed"; null, "" and [] are empty
        NotEquals,    // the opposite
        In,           // one of a list
        NotIn,        // none of a list (missing counts as not in it)
        Below,        // numbers ("57.1%" and "214" are numbers); a text is an error
        Above,        //
        AtMost,       //
        AtLeast,      //
        ChangedTo,    // equals, after the same row was seen with another value
        OlderThan,    // a time field more than a duration ago (naive times: the backend's zone)
        UnchangedFor, // the value has not changed for a duration
    };
    Q_ENUM(Op)

    Subject subject = Subject::Field;
    QString path;                 // Field, Value
    QList<RuleCondition> countOf; // Count: the row tests a row must pass to be counted
    Op op = Op::Equals;
    QJsonArray values;     // Equals/NotEquals/ChangedTo: one; In/NotIn: several
    double number = 0;     // Below ... AtLeast
    qint64 durationMs = 0; // OlderThan, UnchangedFor
    QString durationText;  // as written ("2h"), for descriptions

    // Whether the test needs the clock (a tick may change its answer without new data).
    bool dependsOnTime() const;
    // Whether it remembers something per row (ChangedTo, UnchangedFor).
    bool remembers() const { return op == Op::ChangedTo || op == Op::UnchangedFor; }
    // "status = failed", "count(status = running) > 3", "/paused = true": what the Rules page
    // and `--check --rules` show. English; the operators are symbols.
    QString describe() const;
    // Reads one test; `where` names it in errors ("rules[2].when[0]").
    static RuleCondition fromJson(const QJsonObject &object, const QString &where, bool insideCount,
                                  QString *error);
};

// An alert rule over a feed's data (docs/alerts.md): which feed, which rows, the tests that must
// all hold, for how long, how bad it is and what the alert says. A rule that cannot be read
// keeps its id and feed and carries the reason in `error`: it shows as state `error`, never as
// silently "ok".
struct Rule
{
    Q_GADGET

public:
    enum class Severity { Info, Warning, Critical };
    Q_ENUM(Severity)

    QString id;
    QString feed;    // the feed's name in the profile ("queue", "system-status")
    QString title;   // English, translated in the "Profile" context
    QString message; // template: "{phase_data.title} failed: {error_message}", "{$key}"
    QString rows;    // the rows' JSON pointer in `data`; empty: the feed's profile says
    bool rowsSet = false;
    QList<RuleCondition> when;
    qint64 forMs = 0;
    QString forText;
    Severity severity = Severity::Warning;
    bool enabled = true;
    QString origin; // "profile" or "config"
    QString error;  // why it cannot be evaluated; empty when it can

    // A rule with a `field` test (outside a count) looks at every row: one alert per row.
    // Otherwise it looks at the data as a whole: one alert for the feed (key "").
    bool perRow() const;
    bool dependsOnTime() const;
    QString severityName() const { return severityName(severity); }
    // "status = failed and started_timestamp older than 2h"
    QString describe() const;

    static QString severityName(Severity severity);
    static QStringList keys();
    // Reads one rule. Problems of the rule itself land in `error` (the rule is kept, in state
    // error); `where` prefixes them ("tac-webbuilder: rules[3]").
    static Rule fromJson(const QJsonObject &object, const QString &where);
    // "90s", "15m", "2h", "1d", "500ms", "1h30m"; -1 when it is not a duration.
    static qint64 parseDuration(const QJsonValue &value);
    // A list of rules ("rules" of a profile or a configuration). A list that is not one, an
    // entry that is not an object, a missing or repeated id are `errors` (the file is wrong);
    // everything else stays with its rule.
    static QList<Rule> listFromJson(const QJsonValue &value, const QString &where,
                                    const QString &origin, QStringList *errors,
                                    QList<QJsonObject> *raw = nullptr);
    // `base` (a profile's rules, as written) with a configuration's entries applied by id: an
    // entry with a known id replaces that rule's keys ({"id":..., "enabled": false} disables
    // it, {"id":..., "for": "5m"} changes one key), an unknown id adds a rule of its own.
    // Layers apply in order (the top level's "rules", then a backend's): (value, where).
    static QList<Rule> merge(const QList<QJsonObject> &base, const QString &baseWhere,
                             const QList<std::pair<QJsonValue, QString>> &layers,
                             QStringList *errors);
};
