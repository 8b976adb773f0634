#pragma once

#include "commands/commandrecord.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// One operator action of a backend profile ("actions" in resources/profiles/*.json, format in
// docs/protocol.md#operator-actions): what the operator clicks, on which feed, where it is
// allowed, and the request it becomes. Everything about a particular action is data here; the
// window, the command line and the queue only read it.
struct CommandAction
{
    enum class Scope { Feed, Row };

    // One rule of "when" (or "fails_when"): a field of the row (or of the feed's snapshot for a
    // feed action) and the values it must have, or must not have, or that it is present.
    struct Condition
    {
        enum class Test { OneOf, NoneOf, Present, Absent };
        QString field; // dotted path, "phase_data.title"
        Test test = Test::OneOf;
        QJsonArray values;
    };

    QString name; // "queue.pause": the command's name in the journal and on the wire
    QString feed; // feed name it belongs to ("queue"), without the backend
    Scope scope = Scope::Feed;
    QString label;       // "Pause queue"
    QString description; // template: "Execute phase {phase_number}"; empty: the label
    QString confirm;     // template of a question asked first; empty: none
    // HTTP: method and path template ("/api/v1/queue/{queue_id}/execute"), JSON body template
    // (undefined: no body). Empty method: a WebSocket `command` with `args` filled the same way.
    QString method;
    QString path;
    QJsonValue body = QJsonValue(QJsonValue::Undefined);
    QJsonValue args = QJsonValue(QJsonValue::Undefined);
    QList<Condition> when;
    // A 2xx answer whose body matches these rules is still a refusal (a service that reports
    // {"status":"error"} with 200); its `message` (or `detail`) is the reason. Kept as written:
    // it travels with the command's request, through the journal.
    QJsonObject failsWhen;

    bool isHttp() const { return !method.isEmpty(); }
    // The fields the templates need from the row or the command line (`{queue_id}` -> queue_id).
    QStringList placeholders() const;
    // Whether `context` (the row, or the feed's snapshot for a feed action) allows the action;
    // `why` says which rule it fails, in English for events and the command line.
    bool allows(const QJsonObject &context, QString *why = nullptr) const;
    // The request for `context`: path and body filled in, `args` the values used. False with
    // `error` naming the missing field.
    bool fill(const QJsonObject &context, CommandRequest *request, QJsonObject *filledArgs,
              QString *error) const;
    // `description` (or the label) with its placeholders from `args`; `translated`: the
    // window's language (the profile's texts through ProfileText), else as written (events,
    // command line).
    QString describe(const QJsonObject &args, bool translated = false) const;
    QString confirmation(const QJsonObject &args, bool translated = false) const;
    // Whether a 2xx answer's JSON body matches every rule of `failsWhen`, and its reason.
    static bool answerFails(const QJsonObject &failsWhen, const QJsonValue &answer,
                            QString *reason);
    // Reads a "when" object ({"status": ["ready"], "paused": false, "x": {"not": [null]},
    // "y": {"present": true}}); each error names `where` and the field.
    static QList<Condition> conditions(const QJsonValue &spec, const QString &where,
                                       QStringList *errors);

    static QJsonValue valueAt(const QJsonObject &object, const QString &dottedPath);
    static bool matches(const QJsonObject &context, const Condition &condition);
    static QString text(const QJsonValue &value);
};
