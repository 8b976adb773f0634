// The profile's "actions": the built-in tac-webbuilder profile, the format's checks, the rules
// that enable an action on a row, and the request each action becomes for the recorded samples.

#include "commands/actioncatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QJsonObject sample(const QString &name)
{
    QFile file(u":/samples/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object().value("data"_L1).toObject();
}

QJsonObject row(const QJsonArray &rows, const QString &field, const QJsonValue &value)
{
    for (const QJsonValue &r : rows) {
        if (r.toObject().value(field) == value)
            return r.toObject();
    }
    qFatal("no row with %s", qPrintable(field));
}

QJsonObject actionJson(const QJsonObject &extra)
{
    QJsonObject o {{u"name"_s, u"a.b"_s},
                   {u"feed"_s, u"queue"_s},
                   {u"label"_s, u"Do it"_s},
                   {u"method"_s, u"POST"_s},
                   {u"path"_s, u"/api/x"_s}};
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.value().isNull() && it.key() != "body"_L1)
            o.remove(it.key());
        else
            o.insert(it.key(), it.value());
    }
    return o;
}
} // namespace

class tst_ActionCatalog : public QObject
{
    Q_OBJECT

private slots:
    void builtInProfileIsValid();
    void queueActionsOnTheRecordedQueue();
    void feedActionsOnTheRecordedSnapshots();
    void templatesKeepTypesAndEncodeSegments();
    void failsWhenTurnsA2xxIntoARefusal();
    void formatErrorsNameTheKey_data();
    void formatErrorsNameTheKey();
    void looseValuesCompareAsTheBackendMeansThem();
};

void tst_ActionCatalog::builtInProfileIsValid()
{
    QStringList errors;
    const ActionCatalog catalog = ActionCatalog::load(QString(ActionCatalog::builtInPath), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(catalog.profileName(), u"tac-webbuilder"_s);
    QStringList names;
    for (const CommandAction &a : catalog.actions())
        names << a.name;
    // The README's table, one action each (pause and resume share their endpoint).
    QCOMPARE(
        names,
        (QStringList {u"queue.pause"_s, u"queue.resume"_s, u"queue.execute"_s, u"queue.remove"_s,
                      u"workflow.resume"_s, u"webhook.start"_s, u"history.resync"_s}));
    for (const CommandAction &a : catalog.actions())
        QVERIFY2(a.isHttp(), qPrintable(a.name));
    QCOMPARE(ActionCatalog::builtIn().actions().size(), names.size());
    QCOMPARE(catalog.forFeed(u"queue"_s).size(), 4);
    QCOMPARE(catalog.forFeed(u"routes"_s).size(), 0);
    QCOMPARE(Command::ownerFeed(u"workflow.resume"_s), u"adw-monitor"_s);
}

void tst_ActionCatalog::queueActionsOnTheRecordedQueue()
{
    const ActionCatalog &catalog = ActionCatalog::builtIn();
    const QJsonArray phases = sample(u"queue.json"_s).value("phases"_L1).toArray();
    const CommandAction *execute = catalog.find(u"queue.execute"_s);
    const CommandAction *remove = catalog.find(u"queue.remove"_s);
    QVERIFY(execute && remove);

    // The sample has no ready phase: execute is enabled nowhere, and says why.
    QString why;
    for (const QJsonValue &p : phases)
        QVERIFY(!execute->allows(p.toObject()));
    const QJsonObject queued = row(phases, u"status"_s, u"queued"_s);
    QVERIFY(!execute->allows(queued, &why));
    QJsonObject withIssue = queued;
    withIssue.insert(u"issue_number"_s, 216);
    QVERIFY(!execute->allows(withIssue, &why));
    QCOMPARE(why, u"status is queued, not ready"_s);
    QJsonObject ready = withIssue;
    ready.insert(u"status"_s, u"ready"_s);
    QVERIFY(execute->allows(ready, &why));
    ready.insert(u"issue_number"_s, QJsonValue::Null); // the server wants an issue first
    QVERIFY(!execute->allows(ready, &why));
    QCOMPARE(why, u"issue_number is empty"_s);

    const QJsonObject running = row(phases, u"status"_s, u"running"_s);
    QVERIFY(!remove->allows(running, &why));
    QCOMPARE(why, u"status is running"_s);
    QVERIFY(remove->allows(queued));

    CommandRequest request;
    QJsonObject args;
    QString error;
    QVERIFY2(remove->fill(queued, &request, &args, &error), qPrintable(error));
    QCOMPARE(request.method, u"DELETE"_s);
    QCOMPARE(request.path, u"/api/v1/queue/%1"_s.arg(queued.value("queue_id"_L1).toString()));
    QVERIFY(request.body.isUndefined());
    QCOMPARE(request.bodyBytes(), QByteArray());
    QCOMPARE(args.value("queue_id"_L1), queued.value("queue_id"_L1));
    QCOMPARE(remove->describe(args),
             u"Remove phase %1 of feature %2"_s.arg(queued.value("phase_number"_L1).toInt())
                 .arg(queued.value("feature_id"_L1).toInt()));
    QVERIFY(
        remove->confirmation(args).startsWith(u"Remove phase 3 of feature 1 from the queue?"_s));
}

void tst_ActionCatalog::feedActionsOnTheRecordedSnapshots()
{
    const ActionCatalog &catalog = ActionCatalog::builtIn();
    const QJsonObject queue = sample(u"queue.json"_s); // paused: false
    const CommandAction *pause = catalog.find(u"queue.pause"_s);
    const CommandAction *resume = catalog.find(u"queue.resume"_s);
    QVERIFY(pause->allows(queue));
    QVERIFY(!resume->allows(queue));
    QJsonObject paused = queue;
    paused.insert(u"paused"_s, true);
    QVERIFY(!pause->allows(paused));
    QVERIFY(resume->allows(paused));
    CommandRequest request;
    QVERIFY(pause->fill(queue, &request, nullptr, nullptr));
    QCOMPARE(request.summary(), u"POST /api/v1/queue/config/pause"_s);
    QCOMPARE(request.bodyBytes(), QByteArray(R"({"paused":true})"));
    QVERIFY(resume->fill(paused, &request, nullptr, nullptr));
    QCOMPARE(request.bodyBytes(), QByteArray(R"({"paused":false})"));

    // The webhook service runs in the sample: nothing to start; down, it can be started.
    const CommandAction *start = catalog.find(u"webhook.start"_s);
    QVERIFY(!start->allows(sample(u"webhook-status.json"_s)));
    QVERIFY(start->allows({{u"status"_s, u"error"_s}, {u"message"_s, u"not running"_s}}));

    const QJsonArray workflows = sample(u"adw-monitor.json"_s).value("workflows"_L1).toArray();
    const CommandAction *resumeWorkflow = catalog.find(u"workflow.resume"_s);
    int resumable = 0;
    for (const QJsonValue &w : workflows) {
        if (resumeWorkflow->allows(w.toObject())) {
            ++resumable;
            QVERIFY(resumeWorkflow->fill(w.toObject(), &request, nullptr, nullptr));
            QCOMPARE(request.path, u"/api/v1/queue/resume/4b5c6d7e"_s);
        }
    }
    QCOMPARE(resumable, 1); // the one paused workflow of the sample

    QVERIFY(catalog.find(u"history.resync"_s)->allows(sample(u"workflow-history.json"_s)));
}

void tst_ActionCatalog::templatesKeepTypesAndEncodeSegments()
{
    QStringList errors;
    const ActionCatalog catalog = ActionCatalog::fromJson(
        {{u"actions"_s,
          QJsonArray {actionJson({{u"scope"_s, u"row"_s},
                                  {u"path"_s, u"/api/items/{key}/note"_s},
                                  {u"body"_s,
                                   QJsonObject {{u"issue"_s, u"{issue_number}"_s},
                                                {u"text"_s, u"issue #{issue_number}"_s},
                                                {u"tags"_s, QJsonArray {u"{tag}"_s}},
                                                {u"fixed"_s, true}}}})}}},
        &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    const CommandAction &a = catalog.actions().first();
    const QJsonObject rowData {
        {u"key"_s, u"a/b c"_s}, {u"issue_number"_s, 214}, {u"tag"_s, u"x"_s}};
    CommandRequest request;
    QJsonObject args;
    QString error;
    QVERIFY2(a.fill(rowData, &request, &args, &error), qPrintable(error));
    QCOMPARE(request.path, u"/api/items/a%2Fb%20c/note"_s); // one segment, whatever it holds
    QCOMPARE(request.bodyBytes(),
             QByteArray(R"({"fixed":true,"issue":214,"tags":["x"],"text":"issue #214"})"));
    QCOMPARE(args.value("key"_L1).toString(), u"a/b c"_s);
    QVERIFY(!a.fill({{u"issue_number"_s, 1}}, &request, &args, &error));
    QCOMPARE(error, u"a.b needs key, which is missing or empty"_s);
    QCOMPARE(a.placeholders(), (QStringList {u"key"_s, u"issue_number"_s, u"tag"_s}));
}

void tst_ActionCatalog::failsWhenTurnsA2xxIntoARefusal()
{
    const CommandAction *start = ActionCatalog::builtIn().find(u"webhook.start"_s);
    CommandRequest request;
    QVERIFY(start->fill({}, &request, nullptr, nullptr));
    QString reason;
    QVERIFY(!CommandAction::answerFails(request.failsWhen,
                                        QJsonObject {{u"status"_s, u"started"_s}}, &reason));
    QVERIFY(!CommandAction::answerFails(
        request.failsWhen, QJsonObject {{u"status"_s, u"already_running"_s}}, &reason));
    QVERIFY(CommandAction::answerFails(
        request.failsWhen,
        QJsonObject {{u"status"_s, u"error"_s}, {u"message"_s, u"port 8001 in use"_s}}, &reason));
    QCOMPARE(reason, u"port 8001 in use"_s);
    // It travels with the request through the journal.
    QCOMPARE(CommandRequest::fromJson(request.toJson()).failsWhen, request.failsWhen);
}

void tst_ActionCatalog::formatErrorsNameTheKey_data()
{
    QTest::addColumn<QJsonValue>("actions");
    QTest::addColumn<QString>("error");
    QTest::newRow("not an array") << QJsonValue(QJsonObject()) << u"actions: expected an array"_s;
    QTest::newRow("no name") << QJsonValue(QJsonArray {actionJson({{u"name"_s, QJsonValue()}})})
                             << u"actions[0].name: expected a non-empty string, got nothing"_s;
    QTest::newRow("unknown key") << QJsonValue(QJsonArray {actionJson({{u"methd"_s, u"POST"_s}})})
                                 << u"actions[0].methd: unknown key"_s;
    QTest::newRow("bad method") << QJsonValue(QJsonArray {actionJson({{u"method"_s, u"FETCH"_s}})})
                                << u"actions[0].method: expected one of GET, POST"_s;
    QTest::newRow("relative path") << QJsonValue(QJsonArray {actionJson({{u"path"_s, u"api/x"_s}})})
                                   << u"actions[0].path: expected a path starting with /"_s;
    QTest::newRow("bad scope") << QJsonValue(QJsonArray {actionJson({{u"scope"_s, u"page"_s}})})
                               << u"actions[0].scope: expected \"feed\" or \"row\""_s;
    QTest::newRow("row field in a feed action")
        << QJsonValue(QJsonArray {actionJson({{u"path"_s, u"/api/{id}"_s}})})
        << u"actions[0].path: {id} needs a row; set \"scope\": \"row\""_s;
    QTest::newRow("bad when") << QJsonValue(QJsonArray {
        actionJson({{u"when"_s, QJsonObject {{u"status"_s, QJsonObject {{u"is"_s, 1}}}}}})})
                              << u"actions[0].when.status: expected [values], a value"_s;
    QTest::newRow("duplicate") << QJsonValue(QJsonArray {
        actionJson({}),
        actionJson({})}) << u"actions[1].name: \"a.b\" is already the name of another action"_s;
    QTest::newRow("body on a WebSocket action")
        << QJsonValue(QJsonArray {actionJson({{u"method"_s, QJsonValue()},
                                              {u"path"_s, QJsonValue()},
                                              {u"body"_s, QJsonObject()}})})
        << u"actions[0].body: a body needs a method and a path"_s;
}

void tst_ActionCatalog::formatErrorsNameTheKey()
{
    QFETCH(QJsonValue, actions);
    QFETCH(QString, error);
    QStringList errors;
    const ActionCatalog catalog = ActionCatalog::fromJson({{u"actions"_s, actions}}, &errors);
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.first().startsWith(error), qPrintable(errors.join(u'\n')));
    for (const CommandAction &a : catalog.actions())
        QVERIFY(a.name == "a.b"_L1); // the good ones stay, the bad ones are left out
}

void tst_ActionCatalog::looseValuesCompareAsTheBackendMeansThem()
{
    CommandAction a;
    QStringList errors;
    a.when = CommandAction::conditions(
        QJsonObject {{u"issue_number"_s, QJsonArray {214}}, {u"hours"_s, 6}}, u"when"_s, &errors);
    QVERIFY(errors.isEmpty());
    QVERIFY(a.allows({{u"issue_number"_s, u"214"_s}, {u"hours"_s, 6.0}})); // "214" is 214
    QVERIFY(!a.allows({{u"issue_number"_s, u"215"_s}, {u"hours"_s, 6}}));
    CommandAction b;
    b.when = CommandAction::conditions(QJsonObject {{u"error_message"_s, QJsonValue()}}, u"when"_s,
                                       &errors);
    QVERIFY(b.allows({{u"error_message"_s, QJsonValue()}}));
    QVERIFY(b.allows({})); // missing is null
    QVERIFY(b.allows({{u"error_message"_s, u""_s}}));
    QVERIFY(!b.allows({{u"error_message"_s, u"boom"_s}}));
}

QTEST_GUILESS_MAIN(tst_ActionCatalog)
#include "tst_actioncatalog.moc"
