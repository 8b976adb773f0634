#include "benchdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

const QStringList kStatuses = {u"pending"_s, u"running"_s, u"completed"_s, u"failed"_s,
                               u"queued"_s};
const QStringList kServiceStatuses = {u"healthy"_s, u"healthy"_s, u"degraded"_s, u"healthy"_s,
                                      u"down"_s};
constexpr qint64 kEpochSeconds = 1'790'000'000;

QString iso(qint64 seconds)
{
    // Fixed-width ISO 8601 without QDateTime, which is slow enough to matter at 100k rows.
    const qint64 day = seconds / 86400;
    const qint64 rest = seconds % 86400;
    return u"2026-09-%1T%2:%3:%4Z"_s.arg(1 + day % 28, 2, 10, QChar(u'0'))
        .arg(rest / 3600, 2, 10, QChar(u'0'))
        .arg(rest / 60 % 60, 2, 10, QChar(u'0'))
        .arg(rest % 60, 2, 10, QChar(u'0'));
}

QString hexId(const char *prefix, int i)
{
    return QString::fromLatin1(prefix) + QString::number(0x1a2b3c + i * 7919, 16);
}

// Row `i` of `feed` after it changed `version` times.
QJsonObject row(const QString &feed, int i, int version)
{
    const QString status = kStatuses.at((i + version) % kStatuses.size());
    const qint64 t = kEpochSeconds + qint64(i) * 60;
    if (feed == "queue"_L1) {
        return {{u"queue_id"_s, u"q-%1"_s.arg(i, 5, 10, QChar(u'0'))},
                {u"parent_issue"_s, 4000 + i / 5},
                {u"phase_number"_s, i % 5 + 1},
                {u"phase_data"_s,
                 QJsonObject {
                     {u"title"_s,
                      u"Phase %1 of issue %2: build and test"_s.arg(i % 5 + 1).arg(4000 + i / 5)}}},
                {u"status"_s, status},
                {u"issue_number"_s, 5000 + i},
                {u"adw_id"_s, hexId("adw-", i)},
                {u"pr_number"_s, version % 3 == 0 ? QJsonValue() : QJsonValue(7000 + i)},
                {u"created_at"_s, iso(t)},
                {u"error_message"_s,
                 status == "failed"_L1 ? QJsonValue(u"exit code 1 in step %1"_s.arg(version))
                                       : QJsonValue()}};
    }
    if (feed == "workflows"_L1) {
        return {{u"adw_id"_s, hexId("adw-", i)},
                {u"issue_number"_s, 5000 + i},
                {u"phase"_s, u"phase-%1"_s.arg(version % 6)},
                {u"status"_s, status},
                {u"started_at"_s, iso(t)},
                {u"github_url"_s, u"https://github.com/example/repo/issues/%1"_s.arg(5000 + i)}};
    }
    if (feed == "system-status"_L1) {
        return {{u"name"_s, u"service-%1"_s.arg(i, 3, 10, QChar(u'0'))},
                {u"status"_s, kServiceStatuses.at((i + version) % kServiceStatuses.size())},
                {u"message"_s, u"answered in %1 ms"_s.arg(10 + (i * 13 + version) % 90)},
                {u"uptime_seconds"_s, 3600 + i * 17 + version},
                {u"response_time_ms"_s, 10 + (i * 13 + version) % 90}};
    }
    if (feed == "adw-monitor"_L1) {
        return {{u"adw_id"_s, hexId("adw-", i)},
                {u"issue_number"_s, 5000 + i},
                {u"status"_s, status},
                {u"current_phase"_s, u"phase-%1"_s.arg(version % 6)},
                {u"progress"_s, (i * 7 + version * 5) % 101},
                {u"started_at"_s, iso(t)},
                {u"last_activity"_s, iso(t + version)}};
    }
    if (feed == "routes"_L1) {
        static const QStringList methods = {u"GET"_s, u"POST"_s, u"PUT"_s, u"DELETE"_s};
        return {{u"method"_s, methods.at(i % methods.size())},
                {u"path"_s, u"/api/v1/resource-%1/{id}"_s.arg(i)},
                {u"handler"_s, u"handle_resource_%1"_s.arg(i)},
                {u"description"_s, u"Resource %1, revision %2"_s.arg(i).arg(version)}};
    }
    if (feed == "workflow-history"_L1) {
        return {{u"id"_s, u"h-%1"_s.arg(i, 5, 10, QChar(u'0'))},
                {u"adw_id"_s, hexId("adw-", i)},
                {u"issue_number"_s, 5000 + i},
                {u"workflow_template"_s, u"adw_plan_build_test"_s},
                {u"status"_s, status},
                {u"started_at"_s, iso(t)},
                {u"duration_seconds"_s, 60 + (i * 31 + version) % 3600},
                {u"cost_usd"_s, double((i * 37 + version) % 500) / 100.0}};
    }
    if (feed == "planned-features"_L1) {
        static const QStringList priorities = {u"high"_s, u"medium"_s, u"low"_s};
        return {{u"id"_s, u"f-%1"_s.arg(i, 4, 10, QChar(u'0'))},
                {u"title"_s, u"Planned feature number %1"_s.arg(i)},
                {u"status"_s, status},
                {u"priority"_s, priorities.at((i + version) % priorities.size())},
                {u"issue_number"_s, 6000 + i},
                {u"estimated_hours"_s, 1 + (i + version) % 40}};
    }
    // webhook-status
    return {{u"id"_s, u"wh-%1"_s.arg(i)},
            {u"name"_s, u"webhook-%1"_s.arg(i, 3, 10, QChar(u'0'))},
            {u"status"_s, kServiceStatuses.at((i + version) % kServiceStatuses.size())},
            {u"last_received"_s, iso(t + version)},
            {u"events_24h"_s, 100 + i * 3 + version},
            {u"failures_24h"_s, (i + version) % 7}};
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
    for (int i = 0; i < versions.size(); ++i) {
        const QJsonObject r = row(feed, i, versions.at(i));
        if (feed == "system-status"_L1)
            services.insert(r.value("name"_L1).toString(), r);
        else
            rows.append(r);
    }
    if (feed == "queue"_L1)
        return QJsonObject {{u"phases"_s, rows}, {u"paused"_s, false}};
    if (feed == "system-status"_L1)
        return QJsonObject {{u"services"_s, services},
                            {u"overall_status"_s, u"healthy"_s},
                            {u"timestamp"_s, iso(kEpochSeconds)}};
    if (feed == "adw-monitor"_L1)
        return QJsonObject {{u"workflows"_s, rows},
                            {u"summary"_s, QJsonObject {{u"total"_s, rows.size()}}}};
    if (feed == "workflow-history"_L1)
        return QJsonObject {{u"items"_s, rows}, {u"total"_s, rows.size()}};
    if (feed == "webhook-status"_L1)
        return QJsonObject {{u"webhooks"_s, rows}};
    return rows;
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
