#include "models/feedschemas.h"
#include "models/feedtablemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

// Each default feed's schema against a sample shaped like docs/protocol.md.
class tst_FeedSchemas : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void knownTypes();
    void decodesSample_data();
    void decodesSample();
    void unknownTypeIsGeneric();
};

void tst_FeedSchemas::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void tst_FeedSchemas::knownTypes()
{
    const QStringList types = FeedSchemas::knownSnapshotTypes();
    QCOMPARE(types.size(), 9);
    for (const QString &type : types) {
        const FeedSchema schema = FeedSchemas::forSnapshotType(type);
        QCOMPARE(schema.snapshotType, type);
        QVERIFY(schema.source != FeedSchema::RowSource::Auto);
        QVERIFY(!schema.columns.isEmpty());
        for (const FeedColumn &column : schema.columns)
            QVERIFY(column.header);
    }
}

void tst_FeedSchemas::decodesSample_data()
{
    QTest::addColumn<QString>("snapshotType");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<QStringList>("metaKeys");
    // One cell spot-checked for formatting: "field=expected text" on the first row.
    QTest::addColumn<QString>("firstRowCell");

    QTest::newRow("queue") << u"queue_update"_s << R"({"paused": true, "phases": [
            {"queue_id": "q-1", "parent_issue": 40, "phase_number": 1, "issue_number": null,
             "status": "running", "phase_data": {"title": "Plan", "extra": 1},
             "error_message": null, "adw_id": "a1b2", "pr_number": 12,
             "created_at": "2025-01-02T03:04:05Z", "unknown_field": "ignored"},
            {"queue_id": "q-2", "parent_issue": 40, "phase_number": 2, "status": "blocked",
             "phase_data": {"title": "Build"}},
            {"queue_id": "q-3", "status": "failed", "error_message": "boom"}]})"_ba
                           << QStringList {u"queue_id"_s,     u"parent_issue"_s,
                                           u"phase_number"_s, u"phase_data.title"_s,
                                           u"status"_s,       u"issue_number"_s,
                                           u"adw_id"_s,       u"pr_number"_s,
                                           u"created_at"_s,   u"error_message"_s}
                           << QStringList {u"q-1"_s, u"q-2"_s, u"q-3"_s}
                           << QStringList {u"running"_s, u"blocked"_s, u"failed"_s}
                           << QStringList {u"paused"_s} << u"phase_data.title=Plan"_s;

    QTest::newRow("workflows") << u"workflows_update"_s << R"([
            {"adw_id": "w1", "issue_number": 5, "phase": "build", "status": "running",
             "github_url": "https://github.com/o/r/issues/5", "started_at": "2025-01-02T03:04:05Z"},
            {"adw_id": "w2", "issue_number": 6, "phase": "ship", "status": "completed"}])"_ba
                               << QStringList {u"adw_id"_s, u"issue_number"_s, u"phase"_s,
                                               u"status"_s, u"started_at"_s,   u"github_url"_s}
                               << QStringList {u"w1"_s, u"w2"_s}
                               << QStringList {u"running"_s, u"completed"_s} << QStringList()
                               << u"issue_number=5"_s;

    QTest::newRow("system status")
        << u"system_status_update"_s << R"({
            "overall_status": "degraded", "timestamp": "2025-01-02T03:04:05Z",
            "services": {
                "database": {"name": "database", "status": "healthy", "message": "ok",
                             "uptime_seconds": 3725, "response_time_ms": 4},
                "github": {"status": "Degraded", "message": "slow"}}})"_ba
        << QStringList {u"name"_s, u"status"_s, u"message"_s, u"uptime_seconds"_s,
                        u"response_time_ms"_s}
        << QStringList {u"database"_s, u"github"_s} << QStringList {u"healthy"_s, u"degraded"_s}
        << QStringList {u"overall_status"_s, u"timestamp"_s} << u"uptime_seconds=1h 02m"_s;

    QTest::newRow("adw monitor") << u"adw_monitor_update"_s << R"({
            "summary": {"total": 2, "running": 1, "completed": 1, "failed": 0},
            "workflows": [
                {"adw_id": "m1", "issue_number": 9, "status": "running", "current_phase": "test",
                 "progress": 42.6, "started_at": "2025-01-02T03:04:05Z",
                 "last_activity": "2025-01-02T03:05:00Z"},
                {"adw_id": "m2", "status": "completed", "progress": 100}]})"_ba
                                 << QStringList {u"adw_id"_s,       u"issue_number"_s,
                                                 u"status"_s,       u"current_phase"_s,
                                                 u"progress"_s,     u"started_at"_s,
                                                 u"last_activity"_s}
                                 << QStringList {u"m1"_s, u"m2"_s}
                                 << QStringList {u"running"_s, u"completed"_s}
                                 << QStringList {u"summary"_s} << u"progress=43%"_s;

    QTest::newRow("routes") << u"routes_update"_s << R"([
            {"method": "GET", "path": "/api/v1/queue", "handler": "get_queue", "description": "Queue"},
            {"method": "POST", "path": "/api/v1/queue", "handler": "add"},
            {"method": "GET", "path": "/health"}])"_ba
                            << QStringList {u"method"_s, u"path"_s, u"handler"_s, u"description"_s}
                            << QStringList {u"GET /api/v1/queue"_s, u"POST /api/v1/queue"_s,
                                            u"GET /health"_s}
                            << QStringList {QString(), QString(), QString()} << QStringList()
                            << u"handler=get_queue"_s;

    QTest::newRow("workflow history")
        << u"workflow_history_update"_s << R"({"total": 57, "items": [
            {"id": 101, "adw_id": "h1", "issue_number": 3, "workflow_template": "sdlc",
             "status": "completed", "started_at": "2025-01-02T03:04:05Z",
             "duration_seconds": 95, "cost_usd": 1.5},
            {"id": 102, "status": "failed"}]})"_ba
        << QStringList {u"id"_s,     u"adw_id"_s,     u"issue_number"_s,     u"workflow_template"_s,
                        u"status"_s, u"started_at"_s, u"duration_seconds"_s, u"cost_usd"_s}
        << QStringList {u"101"_s, u"102"_s} << QStringList {u"completed"_s, u"failed"_s}
        << QStringList {u"total"_s} << u"cost_usd=$1.50"_s;

    QTest::newRow("planned features")
        << u"planned_features_update"_s << R"([
            {"id": "f1", "title": "Dark mode", "status": "in_progress", "priority": "high",
             "issue_number": 77, "estimated_hours": 2.5},
            {"id": "f2", "title": "Export", "status": "planned", "priority": "low"}])"_ba
        << QStringList {u"id"_s,       u"title"_s,        u"status"_s,
                        u"priority"_s, u"issue_number"_s, u"estimated_hours"_s}
        << QStringList {u"f1"_s, u"f2"_s} << QStringList {u"in_progress"_s, u"planned"_s}
        << QStringList() << u"estimated_hours=2.50"_s;

    QTest::newRow("webhooks") << u"webhook_status_update"_s << R"({"webhooks": [
            {"id": "gh", "name": "GitHub", "status": "healthy",
             "last_received": "2025-01-02T03:04:05Z", "events_24h": 120, "failures_24h": 0},
            {"id": "slack", "name": "Slack", "status": "failing", "failures_24h": 9}]})"_ba
                              << QStringList {u"name"_s, u"status"_s, u"last_received"_s,
                                              u"events_24h"_s, u"failures_24h"_s}
                              << QStringList {u"gh"_s, u"slack"_s}
                              << QStringList {u"healthy"_s, u"failing"_s} << QStringList()
                              << u"events_24h=120"_s;

    QTest::newRow("adw state")
        << u"adw_state_update"_s << R"({"adw_id": "s1", "issue_number": 8,
            "phase": "review", "status": "running",
            "state": {"branch": "feat/x", "plan": {"steps": 3}, "files": ["a", "b"]}})"_ba
        << QStringList {u"key"_s, u"value"_s}
        << QStringList {u"adw_id"_s,      u"issue_number"_s,     u"phase"_s, u"state.branch"_s,
                        u"state.files"_s, u"state.plan.steps"_s, u"status"_s}
        << QStringList(7, QString())
        << QStringList {u"adw_id"_s, u"issue_number"_s, u"phase"_s, u"status"_s} << u"value=s1"_s;
}

void tst_FeedSchemas::decodesSample()
{
    QFETCH(QString, snapshotType);
    QFETCH(QByteArray, json);
    QFETCH(QStringList, fields);
    QFETCH(QStringList, keys);
    QFETCH(QStringList, statuses);
    QFETCH(QStringList, metaKeys);
    QFETCH(QString, firstRowCell);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);

    FeedTableModel model(FeedSchemas::forSnapshotType(snapshotType));
    model.applySnapshot(document.isArray() ? QJsonValue(document.array())
                                           : QJsonValue(document.object()));
    QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));

    QStringList actualFields;
    for (const FeedColumn &column : model.columns())
        actualFields.append(column.field);
    QCOMPARE(actualFields, fields);
    for (int column = 0; column < model.columnCount(); ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());

    QStringList actualKeys, actualStatuses;
    for (int row = 0; row < model.rowCount(); ++row) {
        actualKeys.append(model.keyAt(row));
        actualStatuses.append(model.index(row, 0).data(FeedTableModel::StatusRole).toString());
    }
    QCOMPARE(actualKeys, keys);
    QCOMPARE(actualStatuses, statuses);
    QCOMPARE(model.meta().keys(), metaKeys);

    const qsizetype eq = firstRowCell.indexOf(u'=');
    const int column = model.columnIndex(firstRowCell.left(eq));
    QVERIFY(column >= 0);
    QCOMPARE(model.index(0, column).data().toString(), firstRowCell.mid(eq + 1));
}

void tst_FeedSchemas::unknownTypeIsGeneric()
{
    const FeedSchema schema = FeedSchemas::forSnapshotType(u"deployments_update"_s);
    QCOMPARE(schema.snapshotType, u"deployments_update"_s);
    QCOMPARE(schema.source, FeedSchema::RowSource::Auto);
    QVERIFY(schema.columns.isEmpty());
}

QTEST_GUILESS_MAIN(tst_FeedSchemas)
#include "tst_feedschemas.moc"
