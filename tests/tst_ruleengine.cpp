// The alert rules over the feeds' data (docs/alerts.md) on a manual clock, with their state in a
// real SQLite file: transitions, not repetition.
#include "catalog/backendprofile.h"
#include "config/config.h"
#include "core/clock.h"
#include "rules/ruleengine.h"
#include "rules/rulestore.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinute = 60'000;
const QJsonValue kTick(QJsonValue::Undefined); // a step that only moves the clock

// One step of a scenario: move the clock, then (unless `data` is undefined) deliver a snapshot
// `times` times; what must have been raised by it and the rule's state after it.
struct Step
{
    qint64 advanceMs = 0;
    QJsonValue data = QJsonValue::Undefined;
    int times = 1;
    QString alerts; // "firing q1; resolved q1"
    QString state;  // ok, pending, firing, error
};

// The profile's rules disabled (unless `withDefaults`), then `rules`.
Config configWith(const QJsonArray &rules, bool withDefaults = false)
{
    QJsonArray all;
    if (!withDefaults) {
        for (const QJsonObject &r :
             BackendProfile::builtin(u"tac-webbuilder"_s).profile->rawRules())
            all << QJsonObject {{u"id"_s, r.value("id"_L1)}, {u"enabled"_s, false}};
    }
    for (const QJsonValue &r : rules)
        all << r;
    QJsonObject root;
    root.insert(u"rules"_s, all);
    root.insert(u"timezone"_s, u"UTC"_s);
    ConfigOverrides o;
    o.server = u"ws://127.0.0.1:1"_s;
    const ConfigResult result = ConfigLoader::fromJson(root, o);
    if (!result.errors.isEmpty())
        qWarning() << result.errors;
    return result.config;
}

QJsonObject phase(const QString &id, const QString &status, const QJsonObject &more = {})
{
    QJsonObject o = more;
    o.insert(u"queue_id"_s, id);
    o.insert(u"status"_s, status);
    o.insert(u"phase_data"_s, QJsonObject {{u"title"_s, u"Phase "_s + id}});
    if (!o.contains("error_message"_L1))
        o.insert(u"error_message"_s, status == "failed"_L1 ? u"boom"_s : QJsonValue());
    return o;
}

// The queue feed's data: {"phases": [...], "total": n, "paused": false}.
QJsonObject queue(const QList<QJsonObject> &phases, bool paused = false)
{
    QJsonArray list;
    for (const QJsonObject &p : phases)
        list << p;
    return {{u"phases"_s, list}, {u"total"_s, list.size()}, {u"paused"_s, paused}};
}

QJsonObject webhook(const QJsonValue &rate, int received)
{
    return {{u"status"_s, u"healthy"_s},
            {u"stats"_s, QJsonObject {{u"total_received"_s, received}, {u"success_rate"_s, rate}}}};
}

QString alertText(const QSignalSpy &spy, qsizetype from)
{
    QStringList out;
    for (qsizetype i = from; i < spy.size(); ++i) {
        const FeedEvent e = spy.at(i).first().value<FeedEvent>();
        out << e.fields.value("state"_L1).toString() + u' ' + e.fields.value("key"_L1).toString();
    }
    return out.join(u"; "_s);
}

const RuleStatus *statusOf(const RuleEngine &engine, const QString &rule)
{
    static RuleStatus found;
    for (const RuleStatus &s : engine.statuses()) {
        if (s.ruleId == rule) {
            found = s;
            return &found;
        }
    }
    return nullptr;
}

QString stateOf(const RuleEngine &engine, const QString &rule)
{
    const RuleStatus *s = statusOf(engine, rule);
    return s ? RuleStatus::stateName(s->state) : u"missing"_s;
}

QJsonObject failedRule(const QJsonObject &more = {})
{
    QJsonObject r {{u"id"_s, u"failed-phase"_s},
                   {u"feed"_s, u"queue"_s},
                   {u"when"_s, QJsonObject {{u"field"_s, u"status"_s}, {u"equals"_s, u"failed"_s}}},
                   {u"severity"_s, u"critical"_s},
                   {u"message"_s, u"{phase_data.title} failed: {error_message}"_s}};
    for (auto it = more.begin(); it != more.end(); ++it)
        r.insert(it.key(), it.value());
    return r;
}

} // namespace

Q_DECLARE_METATYPE(QList<Step>)

class tst_RuleEngine : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void transitions_data();
    void transitions();
    void messageNamesTheRow();
    void identicalSnapshotsOnEightSockets();
    void restartContinuesFromTheStore();
    void pendingSurvivesRestart();
    void brokenRules_data();
    void brokenRules();
    void configOverridesAndDisables();
    void flappingRowsAnnounceThroughTheHold();
    void idleRulesWakeOnlyWhenDue();
    void silenceKeepsTheEventButMarksTheAlert();
    void defaultRulesOnTheSamples_data();
    void defaultRulesOnTheSamples();

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;
};

void tst_RuleEngine::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"state-%1.sqlite"_s.arg(++m_run));
}

void tst_RuleEngine::transitions_data()
{
    QTest::addColumn<QJsonObject>("rule");
    QTest::addColumn<QList<Step>>("steps");

    const QJsonObject allRunning =
        queue({phase(u"q1"_s, u"running"_s), phase(u"q2"_s, u"queued"_s)});
    const QJsonObject q1Failed = queue({phase(u"q1"_s, u"failed"_s), phase(u"q2"_s, u"queued"_s)});
    const QJsonObject bothFailed =
        queue({phase(u"q1"_s, u"failed"_s), phase(u"q2"_s, u"failed"_s)});
    const QJsonObject q1Done = queue({phase(u"q1"_s, u"completed"_s), phase(u"q2"_s, u"queued"_s)});
    const QJsonObject q1Gone = queue({phase(u"q2"_s, u"queued"_s)});

    QTest::newRow("fires once on entry, resolves on exit")
        << failedRule()
        << QList<Step> {{0, allRunning, 1, {}, u"ok"_s},
                        {1000, q1Failed, 1, u"firing q1"_s, u"firing"_s},
                        {2000, q1Failed, 30, {}, u"firing"_s},
                        {2000, bothFailed, 1, u"firing q2"_s, u"firing"_s},
                        {2000, q1Done, 1, u"resolved q1; resolved q2"_s, u"ok"_s},
                        {2000, q1Done, 1, {}, u"ok"_s}};
    QTest::newRow("completed and vanished rows resolve")
        << failedRule()
        << QList<Step> {{0, bothFailed, 1, u"firing q1; firing q2"_s, u"firing"_s},
                        {1000, q1Gone, 1, u"resolved q2; resolved q1"_s, u"ok"_s},
                        {1000, q1Gone, 3, {}, u"ok"_s}};
    QTest::newRow("for delays firing")
        << failedRule({{u"for"_s, u"5m"_s}})
        << QList<Step> {{0, q1Failed, 1, {}, u"pending"_s},
                        {4 * kMinute, q1Failed, 2, {}, u"pending"_s},
                        {59'000, kTick, 1, {}, u"pending"_s},
                        {1000, kTick, 1, u"firing q1"_s, u"firing"_s},
                        {10 * kMinute, q1Failed, 1, {}, u"firing"_s},
                        {1000, q1Done, 1, u"resolved q1"_s, u"ok"_s}};
    QTest::newRow("leaving before `for` never fires")
        << failedRule({{u"for"_s, u"5m"_s}})
        << QList<Step> {{0, q1Failed, 1, {}, u"pending"_s},
                        {2 * kMinute, allRunning, 1, {}, u"ok"_s},
                        {2 * kMinute, q1Failed, 1, {}, u"pending"_s},
                        {4 * kMinute, kTick, 1, {}, u"pending"_s},
                        {kMinute, kTick, 1, u"firing q1"_s, u"firing"_s}};
    QTest::newRow("numbers as strings with a percent sign")
        << QJsonObject {{u"id"_s, u"webhook-rate"_s},
                        {u"feed"_s, u"webhook-status"_s},
                        {u"when"_s,
                         QJsonArray {
                             QJsonObject {{u"value"_s, u"/stats/success_rate"_s}, {u"below"_s, 90}},
                             QJsonObject {{u"value"_s, u"/stats/total_received"_s},
                                          {u"at_least"_s, 1}}}},
                        {u"message"_s, u"webhook success rate {$value}"_s}}
        << QList<Step> {{0, webhook(u"0.0%"_s, 0), 1, {}, u"ok"_s},
                        {1000, webhook(u"57.1%"_s, 7), 1, u"firing "_s, u"firing"_s},
                        {1000, webhook(u"57.1%"_s, 7), 4, {}, u"firing"_s},
                        {1000, webhook(u"95.0%"_s, 20), 1, u"resolved "_s, u"ok"_s}};
    QTest::newRow("value held for a while (queue paused)")
        << QJsonObject {{u"id"_s, u"paused"_s},
                        {u"feed"_s, u"queue"_s},
                        {u"when"_s, QJsonObject {{u"value"_s, u"/paused"_s}, {u"equals"_s, true}}},
                        {u"for"_s, u"20m"_s}}
        << QList<Step> {{0, queue({}, true), 1, {}, u"pending"_s},
                        {19 * kMinute, queue({}, true), 1, {}, u"pending"_s},
                        {kMinute, kTick, 1, u"firing "_s, u"firing"_s},
                        {kMinute, queue({}, false), 1, u"resolved "_s, u"ok"_s}};
    QTest::newRow("changed to: a row already failed when first seen did not change")
        << QJsonObject {{u"id"_s, u"newly-failed"_s},
                        {u"feed"_s, u"queue"_s},
                        {u"when"_s,
                         QJsonObject {{u"field"_s, u"status"_s}, {u"changed_to"_s, u"failed"_s}}}}
        << QList<Step> {{0, q1Failed, 1, {}, u"ok"_s},
                        {1000, q1Done, 1, {}, u"ok"_s},
                        {1000, bothFailed, 1, u"firing q1; firing q2"_s, u"firing"_s}};
    QTest::newRow("count of matching rows")
        << QJsonObject {{u"id"_s, u"many-failed"_s},
                        {u"feed"_s, u"queue"_s},
                        {u"when"_s,
                         QJsonObject {
                             {u"count"_s,
                              QJsonObject {{u"field"_s, u"status"_s}, {u"equals"_s, u"failed"_s}}},
                             {u"at_least"_s, 2}}},
                        {u"message"_s, u"{$value} phases failed"_s}}
        << QList<Step> {{0, q1Failed, 1, {}, u"ok"_s},
                        {1000, bothFailed, 1, u"firing "_s, u"firing"_s},
                        {1000, q1Done, 1, u"resolved "_s, u"ok"_s}};
    QTest::newRow("no change for a while")
        << QJsonObject {{u"id"_s, u"stuck"_s},
                        {u"feed"_s, u"queue"_s},
                        {u"when"_s,
                         QJsonArray {
                             QJsonObject {{u"field"_s, u"status"_s}, {u"equals"_s, u"running"_s}},
                             QJsonObject {{u"field"_s, u"updated_at"_s},
                                          {u"unchanged_for"_s, u"15m"_s}}}}}
        << QList<Step> {{0,
                         queue({phase(u"q1"_s, u"running"_s, {{u"updated_at"_s, u"a"_s}})}),
                         1,
                         {},
                         u"ok"_s},
                        {10 * kMinute,
                         queue({phase(u"q1"_s, u"running"_s, {{u"updated_at"_s, u"b"_s}})}),
                         1,
                         {},
                         u"ok"_s},
                        {14 * kMinute, kTick, 1, {}, u"ok"_s},
                        {kMinute, kTick, 1, u"firing q1"_s, u"firing"_s},
                        {kMinute,
                         queue({phase(u"q1"_s, u"running"_s, {{u"updated_at"_s, u"c"_s}})}), 1,
                         u"resolved q1"_s, u"ok"_s}};
    // 1'790'000'000'000 ms is 2026-09-21T14:13:20Z: the ManualClock's wall start.
    QTest::newRow("a naive time older than a duration")
        << QJsonObject {{u"id"_s, u"long-running"_s},
                        {u"feed"_s, u"queue"_s},
                        {u"when"_s,
                         QJsonArray {
                             QJsonObject {{u"field"_s, u"status"_s}, {u"equals"_s, u"running"_s}},
                             QJsonObject {{u"field"_s, u"started_timestamp"_s},
                                          {u"older_than"_s, u"2h"_s}}}}}
        << QList<Step> {{0,
                         queue({phase(u"q1"_s, u"running"_s,
                                      {{u"started_timestamp"_s, u"2026-09-21T12:30:00.5"_s}})}),
                         1,
                         {},
                         u"ok"_s},
                        {16 * kMinute, kTick, 1, {}, u"ok"_s},
                        {2 * kMinute, kTick, 1, u"firing q1"_s, u"firing"_s}};
}

void tst_RuleEngine::transitions()
{
    QFETCH(QJsonObject, rule);
    QFETCH(QList<Step>, steps);
    ManualClock clock;
    RuleStore store;
    QString error;
    QVERIFY2(store.open(m_path, &error), qPrintable(error));
    RuleEngine engine(&clock);
    engine.setStore(&store);
    engine.setConfig(configWith({rule}));
    const QString id = rule.value("id"_L1).toString();
    const QString feed = rule.value("feed"_L1).toString();
    QCOMPARE(stateOf(engine, id), u"ok"_s);
    QSignalSpy alerts(&engine, &RuleEngine::alertRaised);
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const Step &s = steps.at(i);
        const qsizetype before = alerts.size();
        clock.advance(s.advanceMs);
        if (!s.data.isUndefined()) {
            for (int n = 0; n < s.times; ++n)
                engine.observeSnapshot(feed, {}, s.data);
        }
        const QString where = u"step %1"_s.arg(i);
        QVERIFY2(alertText(alerts, before) == s.alerts,
                 qPrintable(where + u": got \""_s + alertText(alerts, before) + u'"'));
        QVERIFY2(stateOf(engine, id) == s.state,
                 qPrintable(where + u": state "_s + stateOf(engine, id)));
    }
    for (const QList<QVariant> &args : alerts) {
        const FeedEvent e = args.first().value<FeedEvent>();
        QCOMPARE(e.event, u"alert"_s);
        QCOMPARE(e.fields.value("alert"_L1).toString(), u"rule"_s);
        QCOMPARE(e.fields.value("rule"_L1).toString(), id);
        QCOMPARE(e.feed, feed);
    }
}

void tst_RuleEngine::messageNamesTheRow()
{
    ManualClock clock;
    RuleEngine engine(&clock);
    // {field} is the row's, {/pointer} the feed's data, {$key} the row's key.
    engine.setConfig(configWith({failedRule(
        {{u"message"_s,
          u"{phase_data.title} failed: {error_message} ({$key}, {/total} in the queue)"_s}})}));
    QSignalSpy alerts(&engine, &RuleEngine::alertRaised);
    engine.observeSnapshot(
        u"queue"_s, {},
        queue({phase(u"q1"_s, u"failed"_s, {{u"error_message"_s, u"pytest: 3 failed"_s}})}));
    QCOMPARE(alerts.size(), 1);
    const FeedEvent e = alerts.first().first().value<FeedEvent>();
    QCOMPARE(e.fields.value("message"_L1).toString(),
             u"Phase q1 failed: pytest: 3 failed (q1, 1 in the queue)"_s);
    QCOMPARE(e.fields.value("severity"_L1).toString(), u"critical"_s);
    QCOMPARE(e.fields.value("state"_L1).toString(), u"firing"_s);
    const RuleAlert alert = alerts.first().at(1).value<RuleAlert>();
    QCOMPARE(alert.key, u"q1"_s);
    QVERIFY(alert.firing);
    const RuleStatus *s = statusOf(engine, u"failed-phase"_s);
    QVERIFY(s);
    QCOMPARE(s->rows.size(), 1);
    QCOMPARE(s->rows.first().key, u"q1"_s);
    QCOMPARE(s->sinceWallMs, clock.wallMs());
    // The event stream's line carries every field of the contract.
    const QJsonObject line = QJsonDocument::fromJson(e.toJsonLine()).object();
    for (const char *key :
         {"event", "alert", "rule", "feed", "key", "state", "severity", "message"})
        QVERIFY2(line.contains(QLatin1StringView(key)), key);
}

void tst_RuleEngine::identicalSnapshotsOnEightSockets()
{
    // A backend that broadcasts every feed on every socket: the engine sees the same rows eight
    // times per update, and the same again every 2 s.
    ManualClock clock;
    RuleStore store;
    QString error;
    QVERIFY(store.open(m_path, &error));
    RuleEngine engine(&clock);
    engine.setStore(&store);
    engine.setConfig(configWith({failedRule()}));
    QSignalSpy alerts(&engine, &RuleEngine::alertRaised);
    const QJsonObject data = queue({phase(u"q1"_s, u"failed"_s), phase(u"q2"_s, u"running"_s)});
    for (int tick = 0; tick < 30; ++tick) {
        for (int socket = 0; socket < 8; ++socket)
            engine.observeSnapshot(u"queue"_s, u"queue_update"_s, data);
        clock.advance(2000);
    }
    QCOMPARE(alertText(alerts, 0), u"firing q1"_s);
    // A reconnect: the feed's first snapshot again, after a gap.
    clock.advance(30'000);
    engine.observeSnapshot(u"queue"_s, u"queue_update"_s, data);
    QCOMPARE(alerts.size(), 1);
}

void tst_RuleEngine::restartContinuesFromTheStore()
{
    const QJsonObject failed = queue({phase(u"q1"_s, u"failed"_s)});
    ManualClock clock;
    qint64 firedAt = 0;
    {
        RuleStore store;
        QString error;
        QVERIFY(store.open(m_path, &error));
        RuleEngine engine(&clock);
        engine.setStore(&store);
        engine.setConfig(configWith({failedRule()}));
        QSignalSpy alerts(&engine, &RuleEngine::alertRaised);
        engine.observeSnapshot(u"queue"_s, {}, failed);
        QCOMPARE(alertText(alerts, 0), u"firing q1"_s);
        firedAt = clock.wallMs();
    }
    clock.advance(10 * kMinute);
    RuleStore store;
    QString error;
    QVERIFY(store.open(m_path, &error));
    RuleEngine engine(&clock);
    engine.setConfig(configWith({failedRule()}));
    engine.setStore(&store);
    // Before any data the restored alert shows as firing, since when it fired.
    QCOMPARE(stateOf(engine, u"failed-phase"_s), u"firing"_s);
    QCOMPARE(statusOf(engine, u"failed-phase"_s)->sinceWallMs, firedAt);
    QSignalSpy alerts(&engine, &RuleEngine::alertRaised);
    engine.observeSnapshot(u"queue"_s, {}, failed);
    engine.observeSnapshot(u"queue"_s, {}, failed);
    QCOMPARE(alerts.size(), 0);
    engine.observeSnapshot(u"queue"_s, {}, queue({phase(u"q1"_s, u"completed"_s)}));
    QCOMPARE(alertText(alerts, 0), u"resolved q1"_s);
    // The message it fired with is what the resolution repeats.
    QCOMPARE(alerts.first().first().value<FeedEvent>().fields.value("message"_L1).toString(),
             u"Phase q1 failed: boom"_s);
    // Nothing is left in the store for a resolved row.
    QCOMPARE(store.load().size(), 0);
}

void tst_RuleEngine::pendingSurvivesRestart()
{
    const QJsonObject failed = queue({phase(u"q1"_s, u"failed"_s)});
    const QJsonObject rule = failedRule({{u"for"_s, u"10m"_s}});
    ManualClock clock;
    {
        RuleStore store;
        QString error;
        QVERIFY(store.open(m_path, &error));
        RuleEngine engine(&clock);
        engine.setStore(&store);
        engine.setConfig(configWith({rule}));
        engine.observeSnapshot(u"queue"_s, {}, failed);
        QCOMPARE(stateOf(engine, u"failed-phase"_s), u"pending"_s);
    }
    clock.advance(6 * kMinute); // Feedwatch was down for 6 minutes
    RuleStore store;
    QString error;
    QVERIFY(store.open(m_path, &error));
    RuleEngine engine(&clock);
    engine.setStore(&store);
    engine.setConfig(configWith({rule}));
    QSignalSpy alerts(&engine, &RuleEngine::alertRaised);
    engine.observeSnapshot(u"queue"_s, {}, failed);
    QCOMPARE(stateOf(engine, u"failed-phase"_s), u"pending"_s);
    clock.advance(4 * kMinute);
    QCOMPARE(alertText(alerts, 0), u"firing q1"_s);
}

void tst_RuleEngine::brokenRules_data()
{
    QTest::addColumn<QJsonObject>("rule");
    QTest::addColumn<QJsonValue>("data");
    QTest::addColumn<QString>("reason");

    const QJsonObject base {{u"id"_s, u"broken"_s}, {u"feed"_s, u"queue"_s}};
    const auto with = [&](const QJsonObject &more) {
        QJsonObject r = base;
        for (auto it = more.begin(); it != more.end(); ++it)
            r.insert(it.key(), it.value());
        return r;
    };
    const QJsonObject statusFailed {{u"field"_s, u"status"_s}, {u"equals"_s, u"failed"_s}};
    const QJsonValue data = queue({phase(u"q1"_s, u"failed"_s)});
    const QJsonValue noData = QJsonValue::Undefined;

    QTest::newRow("unknown feed") << with({{u"feed"_s, u"qeueu"_s}, {u"when"_s, statusFailed}})
                                  << noData << u"unknown feed 'qeueu'"_s;
    QTest::newRow("bad duration") << with({{u"when"_s, statusFailed}, {u"for"_s, u"5 minutes"_s}})
                                  << noData << u"for: '5 minutes' is not a duration"_s;
    QTest::newRow("unknown test") << with(
        {{u"when"_s, QJsonObject {{u"field"_s, u"status"_s}, {u"is"_s, u"failed"_s}}}})
                                  << noData << u"is: unknown key"_s;
    QTest::newRow("bad severity") << with({{u"when"_s, statusFailed}, {u"severity"_s, u"high"_s}})
                                  << noData << u"severity: 'high'"_s;
    QTest::newRow("no row has the field")
        << with({{u"when"_s, QJsonObject {{u"field"_s, u"state"_s}, {u"equals"_s, u"x"_s}}}})
        << data << u"no row has the field 'state'"_s;
    QTest::newRow("no such value")
        << with({{u"when"_s, QJsonObject {{u"value"_s, u"/pausd"_s}, {u"equals"_s, true}}}}) << data
        << u"no value at /pausd"_s;
    QTest::newRow("not a number") << with(
        {{u"when"_s, QJsonObject {{u"field"_s, u"status"_s}, {u"below"_s, 3}}}})
                                  << data << u"not a number"_s;
    QTest::newRow("not a time") << with(
        {{u"when"_s, QJsonObject {{u"field"_s, u"status"_s}, {u"older_than"_s, u"1h"_s}}}})
                                << data << u"not a time"_s;
}

void tst_RuleEngine::brokenRules()
{
    QFETCH(QJsonObject, rule);
    QFETCH(QJsonValue, data);
    QFETCH(QString, reason);
    ManualClock clock;
    RuleEngine engine(&clock);
    QSignalSpy events(&engine, &RuleEngine::eventRaised);
    QSignalSpy alerts(&engine, &RuleEngine::alertRaised);
    // A good rule beside the broken one keeps working.
    engine.setConfig(configWith({rule, failedRule()}));
    if (!data.isUndefined()) {
        engine.observeSnapshot(u"queue"_s, {}, data);
        engine.observeSnapshot(u"queue"_s, {}, data);
    }
    const RuleStatus *s = statusOf(engine, u"broken"_s);
    QVERIFY(s);
    QCOMPARE(RuleStatus::stateName(s->state), u"error"_s);
    QVERIFY2(s->error.contains(reason), qPrintable(s->error));
    // Said once, as a rule_error event naming the rule.
    QCOMPARE(events.size(), 1);
    const FeedEvent e = events.first().first().value<FeedEvent>();
    QCOMPARE(e.event, u"rule_error"_s);
    QCOMPARE(e.fields.value("rule"_L1).toString(), u"broken"_s);
    QVERIFY(e.fields.value("error"_L1).toString().contains(reason));
    QCOMPARE(alerts.size(), data.isUndefined() ? 0 : 1); // the good rule fired
}

void tst_RuleEngine::configOverridesAndDisables()
{
    // A profile's rules are changed key by key, by id; an unknown id adds a rule.
    const QJsonObject base = failedRule();
    QStringList errors;
    const QList<Rule> merged = Rule::merge(
        {base,
         QJsonObject {
             {u"id"_s, u"other"_s}, {u"feed"_s, u"queue"_s}, {u"when"_s, base.value("when"_L1)}}},
        u"profile: rules"_s,
        {{QJsonArray {QJsonObject {{u"id"_s, u"failed-phase"_s}, {u"for"_s, u"5m"_s}},
                      QJsonObject {{u"id"_s, u"other"_s}, {u"enabled"_s, false}},
                      QJsonObject {{u"id"_s, u"mine"_s},
                                   {u"feed"_s, u"system-status"_s},
                                   {u"when"_s,
                                    QJsonObject {{u"value"_s, u"/overall_status"_s},
                                                 {u"not_equals"_s, u"healthy"_s}}}}},
          u"rules"_s}},
        &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(merged.size(), 3);
    QCOMPARE(merged.at(0).forMs, 5 * kMinute);
    QCOMPARE(merged.at(0).severity, Rule::Severity::Critical); // kept from the profile
    QCOMPARE(merged.at(0).origin, u"config"_s);
    QVERIFY(!merged.at(1).enabled);
    QCOMPARE(merged.at(2).id, u"mine"_s);
    QVERIFY(merged.at(2).error.isEmpty());

    // Structural problems are errors of the file.
    errors.clear();
    Rule::merge({}, u"p"_s, {{QJsonArray {QJsonObject {{u"feed"_s, u"queue"_s}}}, u"rules"_s}},
                &errors);
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().contains(u"every rule has an id"_s));
}

// #17: rules are tested again when time alone can change them, not on a beat: an idle
// dashboard with rules on every feed sleeps until the next moment one falls due (a time
// getting older than its limit, a pending row reaching its "for", a silence running out).
void tst_RuleEngine::idleRulesWakeOnlyWhenDue()
{
    ManualClock clock; // wall 2026-09-21T14:13:20Z
    RuleEngine engine(&clock);
    const QJsonObject longRunning {
        {u"id"_s, u"long-running"_s},
        {u"feed"_s, u"queue"_s},
        {u"when"_s,
         QJsonArray {
             QJsonObject {{u"field"_s, u"status"_s}, {u"equals"_s, u"running"_s}},
             QJsonObject {{u"field"_s, u"started_timestamp"_s}, {u"older_than"_s, u"2h"_s}}}}};
    engine.setConfig(
        configWith({longRunning, failedRule({{u"for"_s, u"5m"_s}, {u"id"_s, u"failed-5m"_s}})}));
    QSignalSpy alerts(&engine, &RuleEngine::alertRaised);
    // The wall time the clock's timers fall due at: their deadline on the monotonic clock.
    auto dueWall = [&] {
        return clock.nextDeadlineMs() - clock.nowMs() + clock.wallMs();
    };
    auto advanceTo = [&](qint64 wall) {
        clock.advance(wall - clock.wallMs());
    };
    // Statuses are announced at once, then through a hold: two holds later it is over.
    const qint64 holds = 2 * RuleEngine::statusesHoldMs;
    const qint64 start = clock.wallMs();
    engine.observeSnapshot(
        u"queue"_s, {},
        queue({phase(u"q1"_s, u"running"_s, {{u"started_timestamp"_s, u"2026-09-21T12:14:20"_s}}),
               phase(u"q2"_s, u"failed"_s)}));
    QCOMPARE(stateOf(engine, u"failed-5m"_s), u"pending"_s);
    advanceTo(start + holds);
    QCOMPARE(clock.activeTimers(), 1);
    // q1 started 1 h 59 min ago: older than 2 h one minute (and a millisecond) from then.
    QCOMPARE(dueWall(), start + kMinute + 1);
    advanceTo(start + kMinute);
    QCOMPARE(alerts.size(), 0);
    advanceTo(start + kMinute + 1);
    QCOMPARE(alertText(alerts, 0), u"firing q1"_s);
    // Then q2's five minutes; nothing in between.
    advanceTo(start + kMinute + 1 + holds);
    QCOMPARE(clock.activeTimers(), 1);
    QCOMPARE(dueWall(), start + 5 * kMinute);
    advanceTo(start + 5 * kMinute - 1);
    QCOMPARE(alerts.size(), 1);
    advanceTo(start + 5 * kMinute);
    QCOMPARE(alertText(alerts, 1), u"firing q2"_s);
    // Both firing: only new data can change them, and the engine has no timer left.
    advanceTo(start + 5 * kMinute + holds);
    QCOMPARE(clock.activeTimers(), 0);

    // A silence wakes the engine once more, when it ends.
    const qint64 until = clock.wallMs() + 30'000;
    engine.silence(u"failed-5m"_s, u"queue"_s, until);
    QCOMPARE(statusOf(engine, u"failed-5m"_s)->silencedUntilWallMs, until);
    advanceTo(until - 30'000 + holds);
    QCOMPARE(dueWall(), until);
    advanceTo(until);
    QCOMPARE(statusOf(engine, u"failed-5m"_s)->silencedUntilWallMs, 0);
    advanceTo(until + holds);
    QCOMPARE(clock.activeTimers(), 0);
}

void tst_RuleEngine::silenceKeepsTheEventButMarksTheAlert()
{
    ManualClock clock;
    RuleStore store;
    QString error;
    QVERIFY(store.open(m_path, &error));
    RuleEngine engine(&clock);
    engine.setStore(&store);
    engine.setConfig(configWith({failedRule()}));
    QSignalSpy alerts(&engine, &RuleEngine::alertRaised);
    engine.silence(u"failed-phase"_s, u"queue"_s, clock.wallMs() + 30 * kMinute);
    engine.observeSnapshot(u"queue"_s, {}, queue({phase(u"q1"_s, u"failed"_s)}));
    QCOMPARE(alerts.size(), 1);
    QVERIFY(alerts.first().at(1).value<RuleAlert>().silenced);
    QVERIFY(statusOf(engine, u"failed-phase"_s)->silencedUntilWallMs > clock.wallMs());
    clock.advance(31 * kMinute);
    engine.observeSnapshot(u"queue"_s, {}, queue({phase(u"q1"_s, u"completed"_s)}));
    QCOMPARE(alerts.size(), 2);
    QVERIFY(!alerts.at(1).at(1).value<RuleAlert>().silenced);
    // Silences are kept across a restart.
    QCOMPARE(store.loadSilences().size(), 1);
}

void tst_RuleEngine::flappingRowsAnnounceThroughTheHold()
{
    // A phase that fails and recovers on every snapshot (the ingest benchmark's data): every
    // transition is an alert, statuses() follows every snapshot, but the Rules page and the row
    // marks hear of it at most once per hold: at once, then at the hold's end with the newest.
    // Two rules on the feed's rows read one decode of each snapshot.
    ManualClock clock;
    RuleEngine engine(&clock);
    QJsonObject running = failedRule({{u"id"_s, u"running-phase"_s}});
    running.insert(u"when"_s, QJsonObject {{u"field"_s, u"status"_s}, {u"equals"_s, u"running"_s}});
    engine.setConfig(configWith({failedRule(), running}));
    clock.advance(RuleEngine::statusesHoldMs); // the configuration's announcement is over
    QSignalSpy alerts(&engine, &RuleEngine::alertRaised);
    QSignalSpy statuses(&engine, &RuleEngine::statusesChanged);
    const qsizetype before = statuses.size();
    const auto snapshot = [](int i) {
        return queue({phase(u"q1"_s, i % 2 ? u"failed"_s : u"running"_s),
                      phase(u"q2"_s, i % 2 ? u"running"_s : u"failed"_s)});
    };
    for (int i = 0; i < 10; ++i) {
        engine.observeSnapshot(u"queue"_s, {}, snapshot(i));
        QCOMPARE(stateOf(engine, u"failed-phase"_s), u"firing"_s);
        QCOMPARE(statusOf(engine, u"failed-phase"_s)->rows.first().key, i % 2 ? u"q1"_s : u"q2"_s);
        QCOMPARE(statusOf(engine, u"running-phase"_s)->rows.first().key, i % 2 ? u"q2"_s : u"q1"_s);
        clock.advance(10);
    }
    // Per rule: two firing on the first snapshot... one firing and one resolved per flip.
    QCOMPARE(alerts.size(), 2 + 9 * 4);
    QCOMPARE(statuses.size() - before, 1);
    clock.advance(RuleEngine::statusesHoldMs);
    QCOMPARE(statuses.size() - before, 2);
    const QList<RuleStatus> last = statuses.last().first().value<QList<RuleStatus>>();
    QCOMPARE(last, engine.statuses());
    // Nothing new: the hold ends quietly.
    clock.advance(RuleEngine::statusesHoldMs);
    QCOMPARE(statuses.size() - before, 2);
    // An operator's silence is shown at once, hold or not.
    engine.observeSnapshot(u"queue"_s, {}, snapshot(10));
    QCOMPARE(statuses.size() - before, 3);
    engine.silence(u"failed-phase"_s, u"queue"_s, clock.wallMs() + kMinute);
    QCOMPARE(statuses.size() - before, 4);
    for (const RuleStatus &s : statuses.last().first().value<QList<RuleStatus>>())
        QCOMPARE(s.silencedUntilWallMs > 0, s.ruleId == "failed-phase"_L1);
}

void tst_RuleEngine::defaultRulesOnTheSamples_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QJsonObject>("patch"); // JSON pointer -> value, set on the sample's data
    QTest::addColumn<qint64>("waitMs");     // the same data again after this long
    QTest::addColumn<QString>("firing");    // keys, in order
    QTest::addColumn<QString>("message");   // of the first alert

    QTest::newRow("phase-failed")
        << u"phase-failed"_s << u"queue"_s << QJsonObject() << 0LL
        << u"aab923f1-6957-4ffd-b524-2559727ce9e9"_s
        << u"Fix reconnect storm: one manager per panel failed: Test phase "
           "failed: 3 failing tests in "
           "tests/integration/test_websocket_reconnect.py"_s;
    QTest::newRow("workflow-failed")
        << u"workflow-failed"_s << u"adw-monitor"_s << QJsonObject() << 0LL << u"9c0d1e2f"_s
        << u"ADW 9c0d1e2f (Fix reconnect storm: one WebSocket manager per panel with backoff) "
           "failed in test: pytest: 3 failed, 41 passed in "
           "tests/integration/test_websocket_reconnect.py"_s;
    QTest::newRow("service-not-healthy: not before 30 s")
        << u"service-not-healthy"_s << u"system-status"_s << QJsonObject() << 29'000LL << QString()
        << QString();
    QTest::newRow("service-not-healthy")
        << u"service-not-healthy"_s << u"system-status"_s << QJsonObject() << 30'000LL
        << u"cloudflare_tunnel, github_webhook"_s
        << u"Cloudflare Tunnel is error: Tunnel process not found"_s;
    QTest::newRow("system-not-healthy")
        << u"system-not-healthy"_s << u"system-status"_s << QJsonObject() << 30'000LL << QString()
        << u"System status is error: 4 of 6 services healthy"_s;
    QTest::newRow("system-not-healthy: healthy")
        << u"system-not-healthy"_s << u"system-status"_s
        << QJsonObject {{u"/overall_status"_s, u"healthy"_s}} << 60'000LL << u"-"_s << QString();
    QTest::newRow("webhook-success-rate: nothing received")
        << u"webhook-success-rate"_s << u"webhook-status"_s << QJsonObject() << 10 * kMinute
        << u"-"_s << QString();
    QTest::newRow("webhook-success-rate")
        << u"webhook-success-rate"_s << u"webhook-status"_s
        << QJsonObject {{u"/stats"_s,
                         QJsonObject {{u"total_received"_s, 7},
                                      {u"successful"_s, 4},
                                      {u"failed"_s, 3},
                                      {u"success_rate"_s, u"57.1%"_s}}}}
        << 5 * kMinute << QString() << u"Webhook success rate is 57.1% (3 of 7 failed)"_s;
    QTest::newRow("webhook-success-rate: service down")
        << u"webhook-success-rate"_s << u"webhook-status"_s
        << QJsonObject {{u"/status"_s, u"error"_s}, {u"/stats"_s, QJsonValue()}} << 10 * kMinute
        << u"-"_s << QString();
    QTest::newRow("queue-paused: running")
        << u"queue-paused"_s << u"queue"_s << QJsonObject() << 30 * kMinute << u"-"_s << QString();
    QTest::newRow("queue-paused") << u"queue-paused"_s << u"queue"_s
                                  << QJsonObject {{u"/paused"_s, true}} << 20 * kMinute << QString()
                                  << u"The queue has been paused for more than 20 minutes"_s;
    QTest::newRow("workflow-no-progress: 1 h")
        << u"workflow-no-progress"_s << u"adw-monitor"_s << QJsonObject() << 3600'000LL << u"-"_s
        << QString();
    QTest::newRow("workflow-no-progress")
        << u"workflow-no-progress"_s << u"adw-monitor"_s << QJsonObject() << 2 * 3600'000LL
        << u"e5f6a7b8"_s
        << u"ADW e5f6a7b8 (Update PhaseQueueRepository and PhaseQueueService for "
           "multi-dependency phases) has been in build at 27.8 % for 2 hours"_s;
}

void tst_RuleEngine::defaultRulesOnTheSamples()
{
    QFETCH(QString, rule);
    QFETCH(QString, sample);
    QFETCH(QJsonObject, patch);
    QFETCH(qint64, waitMs);
    QFETCH(QString, firing);
    QFETCH(QString, message);
    const QJsonObject recorded = QJsonDocument::fromJson(TestUtil::sample(sample)).object();
    QJsonObject data = recorded.value("data"_L1).toObject();
    QVERIFY(!data.isEmpty());
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            data.remove(it.key().mid(1));
        else
            data.insert(it.key().mid(1), it.value());
    }
    ManualClock clock;
    RuleEngine engine(&clock);
    engine.setConfig(configWith({}, true)); // the profile's rules as shipped
    QSignalSpy alerts(&engine, &RuleEngine::alertRaised);
    QSignalSpy errors(&engine, &RuleEngine::eventRaised);
    const QString type = recorded.value("type"_L1).toString();
    // The server sends the same data every few seconds; the clock moves in between.
    engine.observeSnapshot(sample, type, data);
    for (qint64 t = 0; t < waitMs; t += 2000) {
        clock.advance(std::min<qint64>(2000, waitMs - t));
        engine.observeSnapshot(sample, type, data);
    }
    for (const RuleStatus &s : engine.statuses())
        QVERIFY2(s.error.isEmpty(), qPrintable(s.ruleId + u": "_s + s.error));
    QCOMPARE(errors.size(), 0);
    QStringList keys;
    for (const QList<QVariant> &args : alerts) {
        const FeedEvent e = args.first().value<FeedEvent>();
        if (e.fields.value("rule"_L1).toString() == rule)
            keys << e.fields.value("key"_L1).toString();
    }
    const QString expectedState = firing == "-"_L1 ? u"ok"_s
        : firing.isNull() && message.isEmpty()     ? u"pending"_s
                                                   : u"firing"_s;
    QCOMPARE(stateOf(engine, rule), expectedState);
    if (expectedState != "firing"_L1) {
        QVERIFY2(keys.isEmpty(), qPrintable(keys.join(u", "_s)));
        return;
    }
    QCOMPARE(keys.join(u", "_s), firing);
    for (const QList<QVariant> &args : alerts) {
        const FeedEvent e = args.first().value<FeedEvent>();
        if (e.fields.value("rule"_L1).toString() != rule)
            continue;
        QCOMPARE(e.fields.value("message"_L1).toString(), message);
        QCOMPARE(e.fields.value("state"_L1).toString(), u"firing"_s);
        break;
    }
}

QTEST_GUILESS_MAIN(tst_RuleEngine)
#include "tst_ruleengine.moc"
