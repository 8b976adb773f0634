// The demo's data: deterministic, evolving, and shaped exactly as the real tac-webbuilder server
// shapes it (its recorded first messages, tests/resources/tac-webbuilder/, compiled in as
// :/samples/): the same keys at every level, the same JSON types (loose ones included), naive
// local timestamps.

#include "feedsimulator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QJsonObject sample(const QString &file)
{
    QFile f(u":/samples/"_s + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Ticks every feed once, in protocol order: one step of the simulated world.
void step(FeedSimulator &sim, int times = 1)
{
    for (int i = 0; i < times; ++i) {
        for (const QString &feed : FeedSimulator::feedIds())
            sim.tick(feed);
    }
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"bool"_s;
    case QJsonValue::Double:
        return u"number"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"missing"_s;
}

// Compares `ours` with the server's `theirs`: the same keys, and where both are set, the same
// JSON type; objects recursively, arrays by their first element. Free-form objects (counters
// by status, a service's details) compare their types only. Returns the first difference.
QString compareShape(const QJsonValue &theirs, const QJsonValue &ours, const QString &at,
                     const QStringList &freeForm)
{
    if (theirs.isNull() || ours.isNull())
        return {}; // null stands for "not set yet" on both sides
    if (theirs.type() != ours.type())
        return u"%1: the server sends %2, the demo %3"_s.arg(at, typeName(theirs), typeName(ours));
    if (theirs.isArray()) {
        const QJsonArray a = theirs.toArray();
        const QJsonArray b = ours.toArray();
        if (a.isEmpty() || b.isEmpty())
            return {};
        return compareShape(a.first(), b.first(), at + u"[0]"_s, freeForm);
    }
    if (!theirs.isObject() || freeForm.contains(at.section(u'.', -1)))
        return {};
    const QJsonObject a = theirs.toObject();
    const QJsonObject b = ours.toObject();
    QStringList theirKeys = a.keys();
    QStringList ourKeys = b.keys();
    if (theirKeys != ourKeys) {
        QStringList missing, extra;
        for (const QString &k : theirKeys)
            if (!b.contains(k))
                missing << k;
        for (const QString &k : ourKeys)
            if (!a.contains(k))
                extra << k;
        return u"%1: keys differ; missing %2; extra %3"_s.arg(at, missing.join(u','),
                                                              extra.join(u','));
    }
    for (const QString &k : theirKeys) {
        const QString d = compareShape(a.value(k), b.value(k), at + u'.' + k, freeForm);
        if (!d.isEmpty())
            return d;
    }
    return {};
}
} // namespace

class tst_FeedSimulator : public QObject
{
    Q_OBJECT

private slots:
    void knowsEveryFeed();
    void sameSeedSameSequence();
    void differentSeedDiffers();
    void shapesMatchTheRecordedSamples_data();
    void shapesMatchTheRecordedSamples();
    void looseTypesAndNaiveTimestamps();
    void dataEvolves_data();
    void dataEvolves();
    void phasesMoveThroughStatuses();
    void actionsAnswerAsTheServerDoes();
    void httpSnapshotsHaveTheServersShapes();
    void rowsSetTheQueueSize();
};

void tst_FeedSimulator::knowsEveryFeed()
{
    QCOMPARE(FeedSimulator::feedIds().size(), 8);
    QCOMPARE(FeedSimulator::feedOf(u"adw-state/abc"_s), u"adw-state"_s);
    QCOMPARE(FeedSimulator::feedOf(u"adw-state/"_s), QString());
    QCOMPARE(FeedSimulator::feedOf(u"nope"_s), QString());
    QCOMPARE(FeedSimulator::snapshotType(u"system-status"_s), u"system_status_update"_s);
    QCOMPARE(FeedSimulator::defaultIntervalMs(u"queue"_s), 2000);
    QCOMPARE(FeedSimulator::defaultIntervalMs(u"routes"_s), 10000);
    QCOMPARE(FeedSimulator::defaultIntervalMs(u"planned-features"_s), 30000);
    // As upstream's watchers: these broadcast; system and webhook status, adw-state do not.
    for (const QString &feed : {u"queue"_s, u"workflows"_s, u"routes"_s, u"workflow-history"_s,
                                u"planned-features"_s, u"adw-monitor"_s})
        QVERIFY2(FeedSimulator::broadcasts(feed), qPrintable(feed));
    for (const QString &feed : {u"system-status"_s, u"webhook-status"_s, u"adw-state"_s})
        QVERIFY2(!FeedSimulator::broadcasts(feed), qPrintable(feed));
}

void tst_FeedSimulator::sameSeedSameSequence()
{
    FeedSimulator a(99, 12, 1'790'000'000'000), b(99, 12, 1'790'000'000'000);
    const QStringList feeds = FeedSimulator::feedIds();
    for (int i = 0; i < 200; ++i) {
        for (const QString &feed : feeds) {
            a.tick(feed);
            b.tick(feed);
            QCOMPARE(a.snapshot(feed), b.snapshot(feed));
        }
    }
}

void tst_FeedSimulator::differentSeedDiffers()
{
    FeedSimulator a(1), b(2);
    step(a, 20);
    step(b, 20);
    QVERIFY(a.snapshot(u"queue"_s) != b.snapshot(u"queue"_s));
}

void tst_FeedSimulator::shapesMatchTheRecordedSamples_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("file");
    for (const QString &feed : FeedSimulator::feedIds())
        QTest::newRow(qPrintable(feed)) << feed << feed + u".json"_s;
    QTest::newRow("adw-state") << u"adw-state/"_s << u"adw-state-e5f6a7b8.json"_s;
}

void tst_FeedSimulator::shapesMatchTheRecordedSamples()
{
    QFETCH(QString, topic);
    QFETCH(QString, file);
    FeedSimulator sim(7);
    if (topic == u"adw-state/"_s)
        topic += sim.adwIds().last();
    const QJsonObject theirs = sample(file);
    // Over a while, so rows in every state are compared (a finished workflow has an end time).
    for (int i = 0; i < 40; ++i) {
        const QJsonObject ours = QJsonDocument::fromJson(sim.snapshot(topic)).object();
        QCOMPARE(ours.keys(), theirs.keys()); // type, data (adw-state also adw_id)
        QCOMPARE(ours.value("type"_L1), theirs.value("type"_L1));
        const QString difference =
            compareShape(theirs.value("data"_L1), ours.value("data"_L1), u"data"_s,
                         {u"by_status"_s, u"by_priority"_s, u"by_type"_s, u"details"_s,
                          u"workflows_by_model"_s, u"workflows_by_template"_s,
                          u"workflows_by_status"_s, u"estimated_cost_breakdown"_s, u"services"_s});
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        step(sim, 3);
    }
    if (topic == u"system-status"_s) {
        // The six services of the server, each with its fields.
        const QJsonObject services = sim.data(topic).toObject().value("services"_L1).toObject();
        const QJsonObject theirServices =
            theirs.value("data"_L1).toObject().value("services"_L1).toObject();
        QCOMPARE(services.keys(), theirServices.keys());
        for (const QString &k : services.keys())
            QCOMPARE(services.value(k).toObject().keys(), theirServices.value(k).toObject().keys());
    }
}

void tst_FeedSimulator::looseTypesAndNaiveTimestamps()
{
    FeedSimulator sim(3);
    const QJsonObject queue = sim.data(u"queue"_s).toObject();
    const QJsonObject monitor = sim.data(u"adw-monitor"_s).toObject();
    bool intIssue = false;
    for (const QJsonValue &p : queue.value("phases"_L1).toArray())
        intIssue = intIssue || p[u"issue_number"_s].isDouble();
    QVERIFY(intIssue);
    for (const QJsonValue &w : monitor.value("workflows"_L1).toArray())
        QVERIFY(w[u"issue_number"_s].isString()); // "214", as upstream
    QVERIFY(sim.data(u"workflows"_s)[0][u"issue_number"_s].isDouble());
    // 2026-12-02T20:19:51.198276: local time, microseconds, no zone.
    static const QRegularExpression naive(
        u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}$"_s);
    const QString started = monitor.value("workflows"_L1)[0][u"start_time"_s].toString();
    QVERIFY2(naive.match(started).hasMatch(), qPrintable(started));
    const QString epochStamp = sim.data(u"system-status"_s)[u"timestamp"_s].toString();
    const QDateTime local = QDateTime::fromString(epochStamp.left(23), Qt::ISODateWithMs);
    QCOMPARE(local.timeSpec(), Qt::LocalTime);
    QCOMPARE(local.toMSecsSinceEpoch(), 1'790'000'000'000);
}

void tst_FeedSimulator::dataEvolves_data()
{
    QTest::addColumn<QString>("feed");
    for (const QString &feed : FeedSimulator::feedIds()) {
        if (FeedSimulator::broadcasts(feed))
            QTest::newRow(qPrintable(feed)) << feed;
    }
}

void tst_FeedSimulator::dataEvolves()
{
    QFETCH(QString, feed);
    FeedSimulator sim(5);
    int changes = 0;
    QByteArray previous = sim.snapshot(feed);
    for (int i = 0; i < 300; ++i) {
        step(sim);
        const QByteArray now = sim.snapshot(feed);
        changes += now != previous;
        previous = now;
    }
    QVERIFY2(changes > 0, "a feed that never changes is no demo");
    QCOMPARE(sim.ticks(feed), 300);
}

void tst_FeedSimulator::phasesMoveThroughStatuses()
{
    FeedSimulator sim(11);
    QSet<QString> seen;
    QSet<QString> workflows;
    for (int i = 0; i < 400; ++i) {
        step(sim);
        for (const QJsonValue &p : sim.data(u"queue"_s)[u"phases"_s].toArray())
            seen.insert(p[u"status"_s].toString());
        for (const QJsonValue &w : sim.data(u"adw-monitor"_s)[u"workflows"_s].toArray())
            workflows.insert(w[u"status"_s].toString());
    }
    for (const QString &status :
         {u"queued"_s, u"ready"_s, u"running"_s, u"completed"_s, u"failed"_s, u"blocked"_s})
        QVERIFY2(seen.contains(status), qPrintable(status));
    for (const QString &status : {u"running"_s, u"completed"_s, u"paused"_s})
        QVERIFY2(workflows.contains(status), qPrintable(status));
}

void tst_FeedSimulator::actionsAnswerAsTheServerDoes()
{
    FeedSimulator sim(3);
    auto r = sim.applyCommand(u"queue.pause"_s, {});
    QVERIFY(r.ok);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.answer, (QJsonObject {{u"paused"_s, true}}));
    QCOMPARE(r.changed, QStringList {u"queue"_s});
    QCOMPARE(sim.data(u"queue"_s)[u"paused"_s].toBool(), true);
    QVERIFY(sim.applyCommand(u"queue.pause"_s, {}).changed.isEmpty()); // already paused
    const QByteArray paused = sim.snapshot(u"queue"_s);
    for (int i = 0; i < 20; ++i)
        sim.tick(u"queue"_s); // the coordinator starts nothing while paused
    QVERIFY(sim.applyCommand(u"queue.resume"_s, {}).ok);

    QString ready, queued;
    for (const QJsonValue &p : sim.data(u"queue"_s)[u"phases"_s].toArray()) {
        if (p[u"status"_s].toString() == u"ready"_s && ready.isEmpty())
            ready = p[u"queue_id"_s].toString();
        if (p[u"status"_s].toString() == u"queued"_s && queued.isEmpty())
            queued = p[u"queue_id"_s].toString();
    }
    QVERIFY(!ready.isEmpty() && !queued.isEmpty());
    r = sim.applyCommand(u"queue.execute"_s, {{u"queue_id"_s, queued}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.error, u"Phase must be 'ready' to execute (current status: queued)"_s);
    r = sim.applyCommand(u"queue.execute"_s, {{u"queue_id"_s, ready}});
    QVERIFY(r.ok);
    QVERIFY(r.answer.value("adw_id"_L1).toString().startsWith(u"adw-"_s));
    QCOMPARE(r.changed.first(), u"queue"_s);
    r = sim.applyCommand(u"queue.execute"_s, {{u"queue_id"_s, u"nope"_s}});
    QCOMPARE(r.status, 404);
    QCOMPARE(r.error, u"Queue ID nope not found"_s);
    QVERIFY(sim.applyCommand(u"queue.remove"_s, {{u"queue_id"_s, queued}}).ok);
    QCOMPARE(sim.applyCommand(u"queue.remove"_s, {{u"queue_id"_s, queued}}).status, 404);

    QString pausedAdw;
    for (const QJsonValue &w : sim.data(u"adw-monitor"_s)[u"workflows"_s].toArray()) {
        if (w[u"status"_s].toString() == u"paused"_s)
            pausedAdw = w[u"adw_id"_s].toString();
    }
    QVERIFY(!pausedAdw.isEmpty());
    QVERIFY(sim.applyCommand(u"workflow.resume"_s, {{u"adw_id"_s, pausedAdw}}).ok);
    QCOMPARE(sim.applyCommand(u"workflow.resume"_s, {{u"adw_id"_s, pausedAdw}}).status, 400);
    QCOMPARE(sim.applyCommand(u"workflow.resume"_s, {{u"adw_id"_s, u"gone"_s}}).error,
             u"ADW directory not found: gone"_s);

    QCOMPARE(sim.applyCommand(u"webhook.start"_s, {}).answer.value("status"_L1).toString(),
             u"already_running"_s);
    QCOMPARE(sim.applyCommand(u"history.resync"_s, {}).status, 200);
    r = sim.applyCommand(u"nope"_s, {});
    QVERIFY(!r.ok);
    QVERIFY(!r.error.isEmpty());
}

void tst_FeedSimulator::httpSnapshotsHaveTheServersShapes()
{
    FeedSimulator sim(4);
    int status = 0;
    QJsonValue body;
    QString location;
    QVERIFY(sim.httpGet(u"/api/v1/queue"_s, &status, &body, &location));
    QCOMPARE(status, 200);
    QCOMPARE(body.toObject().keys(), (QStringList {u"phases"_s, u"total"_s})); // no "paused"
    QVERIFY(sim.httpGet(u"/api/v1/queue/config"_s, &status, &body, &location));
    QCOMPARE(body, QJsonValue(QJsonObject {{u"paused"_s, false}}));
    QVERIFY(sim.httpGet(u"/api/v1/routes"_s, &status, &body, &location));
    QCOMPARE(body.toObject().keys(), (QStringList {u"routes"_s, u"total"_s}));
    QVERIFY(sim.httpGet(u"/api/v1/planned-features"_s, &status, &body, &location));
    QCOMPARE(status, 307);
    QCOMPARE(location, u"/api/v1/planned-features/"_s);
    QVERIFY(sim.httpGet(u"/api/v1/planned-features/"_s, &status, &body, &location));
    QVERIFY(body.isArray());
    QVERIFY(sim.httpGet(u"/api/v1/workflows"_s, &status, &body, &location));
    QCOMPARE(body, sim.data(u"workflows"_s));
    QVERIFY(!sim.httpGet(u"/api/v1/webhook-status"_s, &status, &body, &location));
    QVERIFY(!sim.httpGet(u"/api/v1/adw-state/x"_s, &status, &body, &location));
}

void tst_FeedSimulator::rowsSetTheQueueSize()
{
    FeedSimulator sim(1, 200);
    QVERIFY(sim.data(u"queue"_s)[u"phases"_s].toArray().size() >= 200);
    step(sim, 50);
    QVERIFY(sim.data(u"queue"_s)[u"phases"_s].toArray().size() <= 204 + 4);
}

QTEST_GUILESS_MAIN(tst_FeedSimulator)
#include "tst_feedsimulator.moc"
