#include "benchdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

const QStringList kStatuses = {u"queued"_s, u"ready"_s, u"running"_s, u"completed"_s, u"failed"_s};
const QStringList kServiceStatuses = {u"healthy"_s, u"healthy"_s, u"degraded"_s, u"healthy"_s,
                                      u"error"_s};
const QStringList kPhases = {u"plan"_s,   u"validate"_s, u"build"_s, u"lint"_s,   u"test"_s,
                             u"review"_s, u"document"_s, u"ship"_s,  u"cleanup"_s};
constexpr qint64 kEpochSeconds = 1'790'000'000;

// The server's naive local time with microseconds ("2026-12-02T20:07:47.993242"), built without
// QDateTime, which is slow enough to matter at 100k rows.
QString stamp(qint64 seconds)
{
    const qint64 day = seconds / 86400;
    const qint64 rest = seconds % 86400;
    return u"2026-11-%1T%2:%3:%4.%5"_s.arg(1 + day % 28, 2, 10, QChar(u'0'))
        .arg(rest / 3600, 2, 10, QChar(u'0'))
        .arg(rest / 60 % 60, 2, 10, QChar(u'0'))
        .arg(rest % 60, 2, 10, QChar(u'0'))
        .arg(seconds * 7919 % 1000000, 6, 10, QChar(u'0'));
}

QString hexId(int i)
{
    return QString::number(0x1a2b3c4d + i * 7919, 16).right(8);
}

QString issueUrl(int issue)
{
    return u"https://github.com/warmonger0/tac-webbuilder/issues/%1"_s.arg(issue);
}

QJsonValue orNull(bool present, const QJsonValue &value)
{
    return present ? value : QJsonValue(QJsonValue::Null);
}

// Row `i` of `feed` after it changed `version` times, with the fields and loose types of the
// real server (../shared/backends/tac-webbuilder/*.json; issue_number a string in adw-monitor).
QJsonObject row(const QString &feed, int i, int version)
{
    const QString status = kStatuses.at((i + version) % kStatuses.size());
    const qint64 t = kEpochSeconds + qint64(i) * 60;
    const int issue = 5000 + i;
    if (feed == "queue"_L1) {
        const int phase = i % 5 + 1;
        return {{u"queue_id"_s, u"q-%1"_s.arg(i, 5, 10, QChar(u'0'))},
                {u"feature_id"_s, 1 + i / 5},
                {u"phase_number"_s, phase},
                {u"issue_number"_s, issue},
                {u"status"_s, status},
                {u"current_phase"_s, kPhases.at((i + version) % kPhases.size())},
                {u"depends_on_phases"_s, phase > 1 ? QJsonArray {phase - 1} : QJsonArray {}},
                {u"phase_data"_s,
                 QJsonObject {
                     {u"title"_s, u"Phase %1: build and test issue %2"_s.arg(phase).arg(issue)},
                     {u"workflow_type"_s, u"adw_sdlc_complete_iso"_s}}},
                {u"created_at"_s, stamp(t)},
                {u"updated_at"_s, stamp(t + version)},
                {u"error_message"_s,
                 orNull(status == "failed"_L1, u"Tests failed in step %1"_s.arg(version))},
                {u"adw_id"_s, hexId(i)},
                {u"pr_number"_s, orNull(version % 3 != 0, 7000 + i)},
                {u"priority"_s, 50},
                {u"queue_position"_s, i + 1},
                {u"started_timestamp"_s, orNull(status != "queued"_L1, stamp(t + 30))}};
    }
    if (feed == "workflows"_L1) {
        return {{u"adw_id"_s, hexId(i)},
                {u"issue_number"_s, issue},
                {u"phase"_s, kPhases.at((i + version) % kPhases.size())},
                {u"github_url"_s, issueUrl(issue)}};
    }
    if (feed == "system-status"_L1) {
        const QString s = kServiceStatuses.at((i + version) % kServiceStatuses.size());
        return {{u"name"_s, u"Service %1"_s.arg(i, 3, 10, QChar(u'0'))},
                {u"status"_s, s},
                {u"uptime_seconds"_s, 3600 + i * 17 + version},
                {u"uptime_human"_s, u"%1h %2m"_s.arg(1 + i / 60).arg(i % 60)},
                {u"message"_s, u"Running on port %1, check %2"_s.arg(9000 + i).arg(version)},
                {u"details"_s, QJsonObject {{u"port"_s, QString::number(9000 + i)}}}};
    }
    if (feed == "adw-monitor"_L1) {
        const bool ended = status == "completed"_L1 || status == "failed"_L1;
        return {{u"adw_id"_s, hexId(i)},
                {u"issue_number"_s, QString::number(issue)},
                {u"title"_s, u"Update the phase queue for issue %1"_s.arg(issue)},
                {u"status"_s, status},
                {u"current_phase"_s, kPhases.at((i + version) % kPhases.size())},
                {u"phase_progress"_s, double((i * 7 + version * 5) % 1001) / 10.0},
                {u"workflow_template"_s, u"adw_sdlc_complete_iso"_s},
                {u"start_time"_s, stamp(t)},
                {u"end_time"_s, orNull(ended, stamp(t + 600 + version))},
                {u"duration_seconds"_s, orNull(ended, 600 + version)},
                {u"github_url"_s, issueUrl(issue)},
                {u"current_cost"_s, double((i * 37 + version) % 500) / 100.0},
                {u"estimated_cost_total"_s, 2.75},
                {u"error_count"_s, status == "failed"_L1 ? 1 : 0},
                {u"phases_completed"_s, QJsonArray {u"plan"_s, u"validate"_s}},
                {u"total_phases"_s, 9}};
    }
    if (feed == "routes"_L1) {
        static const QStringList methods = {u"GET"_s, u"POST"_s, u"PUT"_s, u"DELETE"_s};
        return {{u"path"_s, u"/api/v1/resource-%1/{id}"_s.arg(i)},
                {u"method"_s, methods.at(i % methods.size())},
                {u"name"_s, u"handle_resource_%1"_s.arg(i)},
                {u"summary"_s, u"Resource %1, revision %2"_s.arg(i).arg(version)},
                {u"description"_s, QJsonValue(QJsonValue::Null)},
                {u"tags"_s, QJsonArray {u"resources"_s}}};
    }
    if (feed == "workflow-history"_L1) {
        const bool ended = status == "completed"_L1 || status == "failed"_L1;
        return {{u"id"_s, 100 + i},
                {u"adw_id"_s, hexId(i)},
                {u"issue_number"_s, issue},
                {u"nl_input"_s, u"Update the phase queue for issue %1"_s.arg(issue)},
                {u"github_url"_s, issueUrl(issue)},
                {u"workflow_template"_s, u"adw_sdlc_complete_iso"_s},
                {u"model_used"_s, i % 2 ? u"sonnet"_s : u"opus"_s},
                {u"status"_s, status},
                {u"start_time"_s, stamp(t)},
                {u"end_time"_s, orNull(ended, stamp(t + 900 + version))},
                {u"duration_seconds"_s, orNull(ended, 900 + version)},
                {u"current_phase"_s, kPhases.at((i + version) % kPhases.size())},
                {u"total_tokens"_s, 10000 + i * 31 + version},
                {u"actual_cost_total"_s, double((i * 37 + version) % 500) / 100.0},
                {u"error_message"_s,
                 orNull(status == "failed"_L1, u"Tests failed in step %1"_s.arg(version))}};
    }
    if (feed == "planned-features"_L1) {
        static const QStringList priorities = {u"high"_s, u"medium"_s, u"low"_s};
        static const QStringList states = {u"planned"_s, u"in_progress"_s, u"completed"_s,
                                           u"cancelled"_s};
        return {{u"id"_s, 1 + i},
                {u"item_type"_s, i % 4 == 2 ? u"bug"_s : u"feature"_s},
                {u"title"_s, u"Planned feature number %1"_s.arg(i)},
                {u"description"_s, u"See the plan in issue %1."_s.arg(6000 + i)},
                {u"status"_s, states.at((i + version) % states.size())},
                {u"priority"_s, priorities.at((i + version) % priorities.size())},
                {u"estimated_hours"_s, double(1 + (i + version) % 40)},
                {u"actual_hours"_s, orNull(version % 2 == 1, double((i + version) % 30) / 4)},
                {u"github_issue_number"_s, 6000 + i},
                {u"tags"_s, QJsonArray {u"queue"_s, u"backend"_s}},
                {u"created_at"_s, stamp(t)},
                {u"updated_at"_s, stamp(t + version)}};
    }
    // webhook-status: its recent failures
    return {{u"timestamp"_s, stamp(t)},
            {u"issue"_s, issue},
            {u"error"_s, u"Delivery %1 failed: HTTP 502"_s.arg(version)}};
}

QString snapshotType(const QString &feed)
{
    QString type = feed;
    type.replace(u'-', u'_');
    return type + "_update"_L1;
}

QJsonValue dataOf(const QString &feed, const QList<int> &versions)
{
    QJsonArray rows;
    QJsonObject services;
    int sum = 0;
    for (int i = 0; i < versions.size(); ++i) {
        sum += versions.at(i);
        const QJsonObject r = row(feed, i, versions.at(i));
        if (feed == "system-status"_L1)
            services.insert(u"service_%1"_s.arg(i, 3, 10, QChar(u'0')), r);
        else
            rows.append(r);
    }
    const int n = int(versions.size());
    if (feed == "queue"_L1)
        return QJsonObject {{u"phases"_s, rows}, {u"total"_s, n}, {u"paused"_s, false}};
    if (feed == "system-status"_L1)
        return QJsonObject {{u"overall_status"_s, u"degraded"_s},
                            {u"timestamp"_s, stamp(kEpochSeconds + sum)},
                            {u"services"_s, services},
                            {u"summary"_s,
                             QJsonObject {{u"healthy_services"_s, n - n / 5},
                                          {u"total_services"_s, n},
                                          {u"health_percentage"_s, 80.0}}}};
    if (feed == "adw-monitor"_L1)
        return QJsonObject {{u"summary"_s,
                             QJsonObject {{u"total"_s, n},
                                          {u"running"_s, n / 5},
                                          {u"completed"_s, n / 5},
                                          {u"failed"_s, n / 5},
                                          {u"paused"_s, 0}}},
                            {u"workflows"_s, rows},
                            {u"last_updated"_s, stamp(kEpochSeconds + sum)}};
    if (feed == "workflow-history"_L1)
        return QJsonObject {{u"workflows"_s, rows},
                            {u"total_count"_s, n},
                            {u"analytics"_s,
                             QJsonObject {{u"success_rate_percent"_s, 80.0},
                                          {u"avg_duration_seconds"_s, 912.5},
                                          {u"total_cost"_s, double(sum % 1000) / 10.0}}}};
    if (feed == "planned-features"_L1)
        return QJsonObject {{u"features"_s, rows},
                            {u"stats"_s,
                             QJsonObject {{u"by_status"_s, QJsonObject {{u"planned"_s, n}}},
                                          {u"total_estimated_hours"_s, double(20 * n)},
                                          {u"total_actual_hours"_s, double(sum % 1000) / 4},
                                          {u"completion_rate"_s, 40.0}}}};
    if (feed == "webhook-status"_L1)
        return QJsonObject {
            {u"status"_s, u"healthy"_s},
            {u"uptime"_s,
             QJsonObject {{u"seconds"_s, 3600 + sum}, {u"hours"_s, 1.0}, {u"human"_s, u"1h 0m"_s}}},
            {u"stats"_s,
             QJsonObject {{u"total_received"_s, 1000 + sum},
                          {u"successful"_s, 1000 + sum - n},
                          {u"failed"_s, n},
                          {u"success_rate"_s, u"99.0%"_s}}},
            {u"recent_failures"_s, rows},
            {u"last_successful"_s, QJsonObject {{u"timestamp"_s, stamp(kEpochSeconds + sum)}}}};
    if (feed == "qc-metrics"_L1) {
        // A key/value view: one object, nested objects flattened to "a.b" rows.
        QJsonObject metrics {{u"overall_score"_s, double(700 + sum % 300) / 10.0},
                             {u"last_updated"_s, stamp(kEpochSeconds + sum)}};
        for (int i = 0; i < n; ++i) {
            metrics.insert(u"check_%1"_s.arg(i, 3, 10, QChar(u'0')),
                           QJsonObject {{u"score"_s, (i * 13 + versions.at(i)) % 100},
                                        {u"violations"_s, versions.at(i) % 7}});
        }
        return metrics;
    }
    return rows; // workflows, routes: a plain array
}

QByteArray envelope(const QString &feed, const QJsonValue &data)
{
    const QJsonObject message {{u"type"_s, snapshotType(feed)}, {u"data"_s, data}};
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

} // namespace

namespace BenchData {

QStringList feeds()
{
    return {u"queue"_s,  u"workflows"_s,        u"system-status"_s,    u"adw-monitor"_s,
            u"routes"_s, u"workflow-history"_s, u"planned-features"_s, u"webhook-status"_s};
}

QStringList servedFeeds()
{
    return feeds() << u"qc-metrics"_s;
}

QList<QByteArray> series(const QString &feed, int rows, int count, int changedRows)
{
    QList<int> versions(qMax(1, rows), 0);
    const int changed = qBound(1, changedRows, int(versions.size()));
    QList<QByteArray> out;
    out.reserve(count);
    for (int s = 0; s < count; ++s) {
        if (s > 0) {
            for (int j = 0; j < changed; ++j)
                ++versions[(s * changed + j) % versions.size()];
        }
        out.append(envelope(feed, dataOf(feed, versions)));
    }
    return out;
}

QByteArray sizedQueue(int bytes, int version, const QString &marker)
{
    // Rows are ~330 bytes; find the count once per size.
    static QHash<int, int> rowsFor;
    int rows = rowsFor.value(bytes);
    if (rows == 0) {
        rows = 1;
        while (envelope(u"queue"_s, dataOf(u"queue"_s, QList<int>(rows, 0))).size() < bytes)
            ++rows;
        rowsFor.insert(bytes, rows);
    }
    QList<int> versions(rows, 0);
    for (int k = 0; k < 3 && version > 0; ++k)
        versions[(version * 7 + k * rows / 3) % rows] = version;
    QJsonObject data = dataOf(u"queue"_s, versions).toObject();
    if (!marker.isEmpty()) {
        QJsonArray phases = data.value("phases"_L1).toArray();
        QJsonObject end = row(u"queue"_s, rows, 0);
        end.insert(u"queue_id"_s, marker);
        phases.append(end);
        data.insert(u"phases"_s, phases);
    }
    return envelope(u"queue"_s, data);
}

} // namespace BenchData
