#include "feedschemas.h"

using namespace Qt::StringLiterals;

namespace {

using Format = FeedColumn::Format;
using Source = FeedSchema::RowSource;

QList<FeedSchema> buildSchemas()
{
    QList<FeedSchema> schemas;

    schemas.append(
        {u"queue_update"_s,
         Source::Array,
         u"phases"_s,
         {u"queue_id"_s},
         {{u"queue_id"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Queue ID"), Format::Text},
          {u"parent_issue"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Issue"), Format::Int},
          {u"phase_number"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Phase"), Format::Int},
          {u"phase_data.title"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Title"), Format::Text},
          {u"status"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Status"), Format::Status},
          {u"issue_number"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Sub-issue"), Format::Int},
          {u"adw_id"_s, QT_TRANSLATE_NOOP("FeedSchemas", "ADW ID"), Format::Text},
          {u"pr_number"_s, QT_TRANSLATE_NOOP("FeedSchemas", "PR"), Format::Int},
          {u"created_at"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Created"), Format::Timestamp},
          {u"error_message"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Error"), Format::Text}},
         {u"paused"_s}});

    schemas.append(
        {u"workflows_update"_s,
         Source::Array,
         QString(),
         {u"adw_id"_s},
         {{u"adw_id"_s, QT_TRANSLATE_NOOP("FeedSchemas", "ADW ID"), Format::Text},
          {u"issue_number"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Issue"), Format::Int},
          {u"phase"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Phase"), Format::Text},
          {u"status"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Status"), Format::Status},
          {u"started_at"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Started"), Format::Timestamp},
          {u"github_url"_s, QT_TRANSLATE_NOOP("FeedSchemas", "GitHub"), Format::Url}},
         {}});

    schemas.append(
        {u"system_status_update"_s,
         Source::Map,
         u"services"_s,
         {u"name"_s},
         {{u"name"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Service"), Format::Text},
          {u"status"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Status"), Format::Status},
          {u"message"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Message"), Format::Text},
          {u"uptime_seconds"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Uptime"), Format::Duration},
          {u"response_time_ms"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Response (ms)"), Format::Int}},
         {u"overall_status"_s, u"timestamp"_s}});

    schemas.append(
        {u"adw_monitor_update"_s,
         Source::Array,
         u"workflows"_s,
         {u"adw_id"_s},
         {{u"adw_id"_s, QT_TRANSLATE_NOOP("FeedSchemas", "ADW ID"), Format::Text},
          {u"issue_number"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Issue"), Format::Int},
          {u"status"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Status"), Format::Status},
          {u"current_phase"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Phase"), Format::Text},
          {u"progress"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Progress"), Format::Percent},
          {u"started_at"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Started"), Format::Timestamp},
          {u"last_activity"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Last activity"),
           Format::Timestamp}},
         {u"summary"_s}});

    schemas.append(
        {u"routes_update"_s,
         Source::Array,
         QString(),
         {u"method"_s, u"path"_s},
         {{u"method"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Method"), Format::Text},
          {u"path"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Path"), Format::Text},
          {u"handler"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Handler"), Format::Text},
          {u"description"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Description"), Format::Text}},
         {}});

    schemas.append(
        {u"workflow_history_update"_s,
         Source::Array,
         u"items"_s,
         {u"id"_s},
         {{u"id"_s, QT_TRANSLATE_NOOP("FeedSchemas", "ID"), Format::Text},
          {u"adw_id"_s, QT_TRANSLATE_NOOP("FeedSchemas", "ADW ID"), Format::Text},
          {u"issue_number"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Issue"), Format::Int},
          {u"workflow_template"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Template"), Format::Text},
          {u"status"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Status"), Format::Status},
          {u"started_at"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Started"), Format::Timestamp},
          {u"duration_seconds"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Duration"), Format::Duration},
          {u"cost_usd"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Cost"), Format::Money}},
         {u"total"_s}});

    schemas.append(
        {u"planned_features_update"_s,
         Source::Array,
         QString(),
         {u"id"_s},
         {{u"id"_s, QT_TRANSLATE_NOOP("FeedSchemas", "ID"), Format::Text},
          {u"title"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Title"), Format::Text},
          {u"status"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Status"), Format::Status},
          {u"priority"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Priority"), Format::Text},
          {u"issue_number"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Issue"), Format::Int},
          {u"estimated_hours"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Estimate (h)"), Format::Int}},
         {}});

    schemas.append(
        {u"webhook_status_update"_s,
         Source::Array,
         u"webhooks"_s,
         {u"id"_s},
         {{u"name"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Webhook"), Format::Text},
          {u"status"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Status"), Format::Status},
          {u"last_received"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Last received"),
           Format::Timestamp},
          {u"events_24h"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Events (24h)"), Format::Int},
          {u"failures_24h"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Failures (24h)"), Format::Int}},
         {}});

    // One workflow's state: a key/value table; the identifying fields are also meta for a title.
    schemas.append({u"adw_state_update"_s,
                    Source::KeyValue,
                    QString(),
                    {},
                    {{u"key"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Key"), Format::Text},
                     {u"value"_s, QT_TRANSLATE_NOOP("FeedSchemas", "Value"), Format::Text}},
                    {u"adw_id"_s, u"issue_number"_s, u"phase"_s, u"status"_s}});

    return schemas;
}

const QList<FeedSchema> &schemas()
{
    static const QList<FeedSchema> all = buildSchemas();
    return all;
}

} // namespace

FeedSchema FeedSchemas::forSnapshotType(const QString &snapshotType)
{
    for (const FeedSchema &schema : schemas()) {
        if (schema.snapshotType == snapshotType)
            return schema;
    }
    return generic(snapshotType);
}

FeedSchema FeedSchemas::generic(const QString &snapshotType)
{
    FeedSchema schema;
    schema.snapshotType = snapshotType;
    schema.source = Source::Auto;
    return schema;
}

QStringList FeedSchemas::knownSnapshotTypes()
{
    QStringList types;
    for (const FeedSchema &schema : schemas())
        types.append(schema.snapshotType);
    return types;
}
