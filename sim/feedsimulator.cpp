#include "feedsimulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {
const QStringList phaseNames = {u"plan"_s,   u"build"_s,    u"test"_s,
                                u"review"_s, u"document"_s, u"ship"_s};
const QStringList phaseTitles = {u"Design the data model"_s,   u"Add REST endpoints"_s,
                                 u"Wire the WebSocket feed"_s, u"Write integration tests"_s,
                                 u"Update the dashboard"_s,    u"Document the rollout"_s,
                                 u"Migrate old records"_s,     u"Harden error handling"_s};
const QStringList errors = {u"Tests failed: 3 of 212"_s, u"Merge conflict in routes.py"_s,
                            u"Agent timed out after 900 s"_s, u"GitHub API rate limit"_s};
const QStringList templates = {u"adw_plan_build"_s, u"adw_plan_build_test"_s, u"adw_sdlc"_s,
                               u"adw_patch"_s};

// FNV-1a: a stable per-feed salt for the seed (qHash is salted per process).
quint64 fnv1a(const QString &text)
{
    quint64 hash = 14695981039346656037ULL;
    for (QChar c : text) {
        hash ^= c.unicode();
        hash *= 1099511628211ULL;
    }
    return hash;
}

QJsonValue optionalInt(const std::optional<int> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalString(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}
} // namespace

FeedSimulator::FeedSimulator(quint64 seed, int rows, qint64 epochMs)
    : m_seed(seed)
    , m_rows(qMax(rows, 3))
    , m_epochMs(epochMs)
{
    const QString queue = u"queue"_s;
    while (m_phases.size() < m_rows)
        addParent();
    // A lived-in start: the first parents are already under way.
    for (int i = 0; i < m_phases.size() && i < m_rows / 3; ++i)
        m_phases[i].status = u"completed"_s;
    for (Phase &phase : m_phases) {
        if (phase.status == u"completed"_s) {
            phase.adwId = newAdwId(queue);
            phase.prNumber = 300 + between(queue, 0, 400);
            phase.issueNumber = phase.parentIssue + phase.phaseNumber * 1000;
        }
    }
    stepQueue();

    const QString wf = u"workflows"_s;
    for (int i = 0; i < m_rows; ++i) {
        Workflow w;
        w.adwId = newAdwId(wf);
        w.issueNumber = 100 + i * 3 + between(wf, 0, 2);
        w.phase = between(wf, 0, 5);
        w.status = i % 5 == 4 ? u"completed"_s : u"running"_s;
        w.startedMs = m_epochMs - between(wf, 60, 7200) * 1000LL;
        m_workflows.append(w);
    }

    const QString mon = u"adw-monitor"_s;
    for (int i = 0; i < qMin(m_rows, 10); ++i) {
        Workflow w;
        w.adwId = newAdwId(mon);
        w.issueNumber = 120 + i * 2;
        w.progress = between(mon, 0, 90);
        w.status = u"running"_s;
        w.startedMs = m_epochMs - between(mon, 60, 3600) * 1000LL;
        w.lastActivityMs = m_epochMs - between(mon, 0, 50) * 1000LL;
        m_monitored.append(w);
    }

    const QStringList serviceNames = {u"backend_api"_s,    u"database"_s, u"github_api"_s,
                                      u"webhook_server"_s, u"frontend"_s, u"cloudflare_tunnel"_s};
    for (const QString &name : serviceNames) {
        m_services.append({name, u"healthy"_s, u"OK"_s,
                           m_epochMs - between(u"system-status"_s, 3600, 864000) * 1000LL,
                           between(u"system-status"_s, 5, 80)});
    }
    m_statusChangedMs = m_epochMs;

    const QString hist = u"workflow-history"_s;
    m_historyTotal = 230 + between(hist, 0, 50);
    for (int i = 0; i < qMin(m_rows, 20); ++i) {
        m_history.append({m_historyTotal - i, newAdwId(hist), 90 + i, templates.at(i % 4),
                          i % 7 == 3 ? u"failed"_s : u"completed"_s,
                          m_epochMs - (i + 1) * 1800 * 1000LL, between(hist, 120, 3000),
                          between(hist, 20, 900) / 100.0});
    }

    const QStringList featureTitles = {
        u"Dark mode"_s,           u"Export to CSV"_s, u"Per-feed alerts"_s, u"Offline snapshots"_s,
        u"Keyboard navigation"_s, u"Saved layouts"_s, u"SSO login"_s,       u"Audit trail"_s};
    const QStringList priorities = {u"low"_s, u"medium"_s, u"high"_s};
    for (int i = 0; i < featureTitles.size(); ++i) {
        m_features.append({i + 1, featureTitles.at(i),
                           i < 2 ? u"completed"_s : (i < 4 ? u"in_progress"_s : u"planned"_s),
                           priorities.at(between(u"planned-features"_s, 0, 2)), 200 + i * 4,
                           between(u"planned-features"_s, 2, 40)});
    }

    const QStringList hooks = {u"github-issues"_s, u"github-pull-requests"_s, u"ci-status"_s,
                               u"deployments"_s};
    for (const QString &hook : hooks) {
        m_webhooks.append(
            {hook, hook, u"healthy"_s, m_epochMs - between(u"webhook-status"_s, 1, 600) * 1000LL,
             between(u"webhook-status"_s, 20, 900), between(u"webhook-status"_s, 0, 3)});
    }
}

const QList<FeedSimulator::FeedSpec> &FeedSimulator::specs()
{
    static const QList<FeedSpec> table = {
        {u"queue"_s, u"queue_update"_s, 2000, &FeedSimulator::stepQueue, &FeedSimulator::queueData},
        {u"workflows"_s, u"workflows_update"_s, 10000, &FeedSimulator::stepWorkflows,
         &FeedSimulator::workflowsData},
        {u"system-status"_s, u"system_status_update"_s, 5000, &FeedSimulator::stepSystemStatus,
         &FeedSimulator::systemStatusData},
        {u"adw-monitor"_s, u"adw_monitor_update"_s, 3000, &FeedSimulator::stepAdwMonitor,
         &FeedSimulator::adwMonitorData},
        {u"routes"_s, u"routes_update"_s, 30000, &FeedSimulator::stepRoutes,
         &FeedSimulator::routesData},
        {u"workflow-history"_s, u"workflow_history_update"_s, 10000, &FeedSimulator::stepHistory,
         &FeedSimulator::historyData},
        {u"planned-features"_s, u"planned_features_update"_s, 30000, &FeedSimulator::stepPlanned,
         &FeedSimulator::plannedData},
        {u"webhook-status"_s, u"webhook_status_update"_s, 5000, &FeedSimulator::stepWebhooks,
         &FeedSimulator::webhooksData},
        // adw-state/<id> follows the monitor's state and ticks with it.
        {u"adw-state"_s, u"adw_state_update"_s, 3000, nullptr, nullptr},
    };
    return table;
}

const FeedSimulator::FeedSpec *FeedSimulator::spec(const QString &feed)
{
    for (const FeedSpec &s : specs()) {
        if (s.id == feed)
            return &s;
    }
    return nullptr;
}

QStringList FeedSimulator::feedIds()
{
    QStringList ids;
    for (const FeedSpec &s : specs()) {
        if (s.data)
            ids.append(s.id);
    }
    return ids;
}

QString FeedSimulator::feedOf(const QString &topic)
{
    if (topic.startsWith(u"adw-state/"_s) && topic.size() > 10 && !topic.mid(10).contains(u'/'))
        return u"adw-state"_s;
    const FeedSpec *s = spec(topic);
    return s && s->data ? s->id : QString();
}

QString FeedSimulator::snapshotType(const QString &feed)
{
    const FeedSpec *s = spec(feed);
    return s ? s->type : QString();
}

QString FeedSimulator::sourceFeed(const QString &feed)
{
    return feed == u"adw-state"_s ? u"adw-monitor"_s : feed;
}

int FeedSimulator::defaultIntervalMs(const QString &feed)
{
    const FeedSpec *s = spec(feed);
    return s ? s->intervalMs : 5000;
}

void FeedSimulator::tick(const QString &feed)
{
    const FeedSpec *s = spec(feed);
    if (!s || !s->step)
        return;
    ++m_ticks[s->id];
    (this->*(s->step))();
}

QJsonValue FeedSimulator::data(const QString &topic) const
{
    const QString feed = feedOf(topic);
    if (feed == u"adw-state"_s)
        return adwStateData(topic.mid(10));
    const FeedSpec *s = spec(feed);
    return s ? (this->*(s->data))() : QJsonValue();
}

QByteArray FeedSimulator::snapshot(const QString &topic) const
{
    const QJsonObject message {{u"type"_s, snapshotType(feedOf(topic))}, {u"data"_s, data(topic)}};
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

std::mt19937_64 &FeedSimulator::rng(const QString &feed)
{
    auto it = m_rngs.find(feed);
    if (it == m_rngs.end())
        it = m_rngs.insert(feed, std::mt19937_64(m_seed ^ fnv1a(feed)));
    return *it;
}

double FeedSimulator::uniform(const QString &feed)
{
    return double(rng(feed)() >> 11) * 0x1.0p-53;
}

int FeedSimulator::between(const QString &feed, int lo, int hi)
{
    return lo + int(rng(feed)() % quint64(hi - lo + 1));
}

qint64 FeedSimulator::now(const QString &feed) const
{
    return m_epochMs + m_ticks.value(feed) * defaultIntervalMs(feed);
}

QString FeedSimulator::iso(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString FeedSimulator::newAdwId(const QString &feed)
{
    return QString::number(rng(feed)() & 0xffffffffULL, 16).rightJustified(8, u'0');
}

FeedSimulator::Phase FeedSimulator::makePhase(int parent, int number, qint64 createdMs)
{
    Phase phase;
    phase.queueId = u"q-%1"_s.arg(m_nextQueueId++, 4, 10, QChar(u'0'));
    phase.parentIssue = parent;
    phase.phaseNumber = number;
    phase.status = number == 1 ? u"ready"_s : u"queued"_s;
    phase.title = phaseTitles.at(between(u"queue"_s, 0, int(phaseTitles.size()) - 1));
    phase.createdMs = createdMs;
    return phase;
}

void FeedSimulator::addParent()
{
    const int parent = m_nextParent++;
    const int count = between(u"queue"_s, 2, 4);
    for (int n = 1; n <= count; ++n)
        m_phases.append(makePhase(parent, n, now(u"queue"_s)));
}

void FeedSimulator::stepQueue()
{
    if (m_paused)
        return;
    const QString q = u"queue"_s;
    QList<int> running;
    for (int i = 0; i < m_phases.size(); ++i) {
        if (m_phases.at(i).status == u"running"_s)
            running.append(i);
    }
    if (!running.isEmpty()) {
        Phase &phase = m_phases[running.at(between(q, 0, int(running.size()) - 1))];
        const double roll = uniform(q);
        if (roll < 0.45) {
            phase.status = u"completed"_s;
            phase.prNumber = 300 + between(q, 0, 400);
        } else if (roll < 0.55) {
            phase.status = u"failed"_s;
            phase.error = errors.at(between(q, 0, int(errors.size()) - 1));
        }
    }
    if (running.size() < 2 && uniform(q) < 0.6) {
        for (Phase &phase : m_phases) {
            if (phase.status == u"ready"_s) {
                phase.status = u"running"_s;
                phase.adwId = newAdwId(q);
                phase.issueNumber = phase.parentIssue + phase.phaseNumber * 1000;
                break;
            }
        }
    }
    // Dependencies: a phase is ready once the previous one completed, blocked behind a failure.
    for (int i = 0; i < m_phases.size(); ++i) {
        Phase &phase = m_phases[i];
        if (phase.phaseNumber == 1 || i == 0 || m_phases.at(i - 1).parentIssue != phase.parentIssue)
            continue;
        const QString &before = m_phases.at(i - 1).status;
        const bool waiting = phase.status == u"queued"_s || phase.status == u"ready"_s
            || phase.status == u"blocked"_s;
        if (!waiting)
            continue;
        if (before == u"failed"_s || before == u"blocked"_s)
            phase.status = u"blocked"_s;
        else if (before == u"completed"_s)
            phase.status = u"ready"_s;
        else
            phase.status = u"queued"_s;
    }
    // Finished parents leave the queue, new ones arrive.
    if (m_phases.size() >= m_rows) {
        const int parent = m_phases.constFirst().parentIssue;
        bool done = true;
        for (const Phase &phase : std::as_const(m_phases)) {
            if (phase.parentIssue == parent && phase.status != u"completed"_s)
                done = false;
        }
        if (done)
            m_phases.removeIf([parent](const Phase &p) { return p.parentIssue == parent; });
    }
    if (m_phases.size() < m_rows && uniform(q) < 0.5)
        addParent();
}

void FeedSimulator::stepWorkflows()
{
    const QString wf = u"workflows"_s;
    if (m_workflows.isEmpty())
        return;
    Workflow &w = m_workflows[between(wf, 0, int(m_workflows.size()) - 1)];
    const double roll = uniform(wf);
    if (w.status == u"running"_s) {
        if (roll < 0.5) {
            if (++w.phase >= phaseNames.size()) {
                w.phase = int(phaseNames.size()) - 1;
                w.status = u"completed"_s;
            }
        } else if (roll < 0.55) {
            w.status = u"failed"_s;
        } else if (roll < 0.6) {
            w.status = u"paused"_s;
        }
    } else if (w.status == u"paused"_s && roll < 0.4) {
        w.status = u"running"_s;
    } else if ((w.status == u"completed"_s || w.status == u"failed"_s) && roll < 0.3) {
        // Replaced by a fresh one, like a real backend's rolling window.
        w.adwId = newAdwId(wf);
        w.issueNumber = 200 + int(ticks(wf) % 500);
        w.phase = 0;
        w.status = u"running"_s;
        w.startedMs = now(wf);
    }
}

void FeedSimulator::stepSystemStatus()
{
    const QString ss = u"system-status"_s;
    if (uniform(ss) >= 0.35)
        return;
    Service &s = m_services[between(ss, 0, int(m_services.size()) - 1)];
    const double roll = uniform(ss);
    if (s.status == u"healthy"_s) {
        if (roll < 0.25) {
            s.status = u"degraded"_s;
            s.message = u"Slow responses"_s;
            s.responseMs = between(ss, 800, 3000);
        } else if (roll < 0.3) {
            s.status = u"error"_s;
            s.message = u"Connection refused"_s;
            s.responseMs = 0;
        } else {
            s.responseMs = between(ss, 5, 120);
        }
    } else if (roll < 0.6) {
        if (s.status == u"error"_s)
            s.startedMs = now(ss);
        s.status = u"healthy"_s;
        s.message = u"OK"_s;
        s.responseMs = between(ss, 5, 120);
    }
    // The snapshot is "as of" its last change, so an unchanged system sends nothing.
    m_statusChangedMs = now(ss);
}

void FeedSimulator::stepAdwMonitor()
{
    const QString mon = u"adw-monitor"_s;
    for (Workflow &w : m_monitored) {
        if (w.status == u"running"_s && uniform(mon) < 0.5) {
            w.progress = qMin(100, w.progress + between(mon, 1, 12));
            w.lastActivityMs = now(mon);
            if (w.progress == 100)
                w.status = u"completed"_s;
            else if (uniform(mon) < 0.02)
                w.status = u"failed"_s;
        } else if (w.status != u"running"_s && uniform(mon) < 0.1) {
            w.adwId = newAdwId(mon);
            w.issueNumber = 300 + int(ticks(mon) % 500);
            w.progress = 0;
            w.status = u"running"_s;
            w.startedMs = w.lastActivityMs = now(mon);
        }
    }
}

void FeedSimulator::stepRoutes()
{
    if (uniform(u"routes"_s) < 0.1)
        m_debugRoute = !m_debugRoute;
}

void FeedSimulator::stepHistory()
{
    const QString hist = u"workflow-history"_s;
    if (uniform(hist) >= 0.4)
        return;
    ++m_historyTotal;
    m_history.prepend({m_historyTotal, newAdwId(hist), 100 + between(hist, 0, 400),
                       templates.at(between(hist, 0, 3)),
                       uniform(hist) < 0.15 ? u"failed"_s : u"completed"_s,
                       now(hist) - between(hist, 120, 3000) * 1000LL, between(hist, 120, 3000),
                       between(hist, 20, 900) / 100.0});
    while (m_history.size() > qMin(m_rows, 20))
        m_history.removeLast();
}

void FeedSimulator::stepPlanned()
{
    const QString pf = u"planned-features"_s;
    if (uniform(pf) >= 0.3)
        return;
    Feature &f = m_features[between(pf, 0, int(m_features.size()) - 1)];
    if (f.status == u"planned"_s)
        f.status = u"in_progress"_s;
    else if (f.status == u"in_progress"_s)
        f.status = u"completed"_s;
    else
        f.status = u"planned"_s; // reopened: plans change
}

void FeedSimulator::stepWebhooks()
{
    const QString wh = u"webhook-status"_s;
    for (Webhook &hook : m_webhooks) {
        if (uniform(wh) < 0.4) {
            hook.events += between(wh, 1, 5);
            hook.lastMs = now(wh);
        }
        const double roll = uniform(wh);
        if (hook.status == u"healthy"_s && roll < 0.04) {
            hook.status = u"degraded"_s;
            ++hook.failures;
        } else if (hook.status == u"degraded"_s && roll < 0.1) {
            hook.status = u"failing"_s;
            ++hook.failures;
        } else if (hook.status != u"healthy"_s && roll > 0.7) {
            hook.status = u"healthy"_s;
        }
    }
}

QJsonValue FeedSimulator::queueData() const
{
    QJsonArray phases;
    for (const Phase &p : m_phases) {
        phases.append(QJsonObject {
            {u"queue_id"_s, p.queueId},
            {u"parent_issue"_s, p.parentIssue},
            {u"phase_number"_s, p.phaseNumber},
            {u"issue_number"_s, optionalInt(p.issueNumber)},
            {u"status"_s, p.status},
            {u"phase_data"_s,
             QJsonObject {
                 {u"title"_s, p.title},
                 {u"description"_s, u"Phase %1 of #%2"_s.arg(p.phaseNumber).arg(p.parentIssue)}}},
            {u"error_message"_s, optionalString(p.error)},
            {u"adw_id"_s, optionalString(p.adwId)},
            {u"pr_number"_s, optionalInt(p.prNumber)},
            {u"created_at"_s, iso(p.createdMs)},
        });
    }
    return QJsonObject {{u"phases"_s, phases}, {u"paused"_s, m_paused}};
}

QJsonValue FeedSimulator::workflowsData() const
{
    QJsonArray list;
    for (const Workflow &w : m_workflows) {
        list.append(QJsonObject {
            {u"adw_id"_s, w.adwId},
            {u"issue_number"_s, w.issueNumber},
            {u"phase"_s, phaseNames.at(w.phase)},
            {u"status"_s, w.status},
            {u"github_url"_s, u"https://github.com/example/app/issues/%1"_s.arg(w.issueNumber)},
            {u"started_at"_s, iso(w.startedMs)},
        });
    }
    return list;
}

QJsonValue FeedSimulator::systemStatusData() const
{
    QJsonObject services;
    QString overall = u"healthy"_s;
    for (const Service &s : m_services) {
        services.insert(
            s.name,
            QJsonObject {{u"name"_s, s.name},
                         {u"status"_s, s.status},
                         {u"message"_s, s.message},
                         {u"uptime_seconds"_s, (m_statusChangedMs - s.startedMs) / 1000},
                         {u"response_time_ms"_s, s.responseMs}});
        if (s.status == u"error"_s)
            overall = u"error"_s;
        else if (s.status == u"degraded"_s && overall == u"healthy"_s)
            overall = u"degraded"_s;
    }
    return QJsonObject {{u"overall_status"_s, overall},
                        {u"services"_s, services},
                        {u"timestamp"_s, iso(m_statusChangedMs)}};
}

QJsonValue FeedSimulator::adwMonitorData() const
{
    QJsonArray list;
    int running = 0, completed = 0, failed = 0;
    for (const Workflow &w : m_monitored) {
        running += w.status == u"running"_s;
        completed += w.status == u"completed"_s;
        failed += w.status == u"failed"_s;
        list.append(QJsonObject {
            {u"adw_id"_s, w.adwId},
            {u"issue_number"_s, w.issueNumber},
            {u"status"_s, w.status},
            {u"current_phase"_s, phaseNames.at(qMin(5, w.progress / 17))},
            {u"progress"_s, w.progress},
            {u"started_at"_s, iso(w.startedMs)},
            {u"last_activity"_s, iso(w.lastActivityMs)},
        });
    }
    const QJsonObject summary {{u"total"_s, int(m_monitored.size())},
                               {u"running"_s, running},
                               {u"completed"_s, completed},
                               {u"failed"_s, failed}};
    return QJsonObject {{u"summary"_s, summary}, {u"workflows"_s, list}};
}

QJsonValue FeedSimulator::routesData() const
{
    QJsonArray list;
    auto add = [&list](const QString &method, const QString &path, const QString &handler,
                       const QString &description) {
        list.append(QJsonObject {{u"method"_s, method},
                                 {u"path"_s, path},
                                 {u"handler"_s, handler},
                                 {u"description"_s, description}});
    };
    add(u"GET"_s, u"/api/v1/health"_s, u"health_check"_s, u"Liveness probe"_s);
    add(u"GET"_s, u"/api/v1/queue"_s, u"get_queue"_s, u"Current work queue"_s);
    add(u"POST"_s, u"/api/v1/queue/pause"_s, u"pause_queue"_s, u"Pause the queue"_s);
    add(u"POST"_s, u"/api/v1/queue/resume"_s, u"resume_queue"_s, u"Resume the queue"_s);
    add(u"POST"_s, u"/api/v1/queue/{queue_id}/execute"_s, u"execute_phase"_s,
        u"Run a ready phase now"_s);
    add(u"GET"_s, u"/api/v1/workflows"_s, u"list_workflows"_s, u"Running workflows"_s);
    add(u"POST"_s, u"/api/v1/workflows/trigger"_s, u"trigger_workflow"_s,
        u"Start a workflow for an issue"_s);
    add(u"GET"_s, u"/api/v1/system-status"_s, u"system_status"_s, u"Service health"_s);
    add(u"GET"_s, u"/api/v1/workflow-history"_s, u"workflow_history"_s, u"Finished workflows"_s);
    add(u"POST"_s, u"/api/v1/webhooks/github"_s, u"github_webhook"_s, u"GitHub events"_s);
    add(u"WS"_s, u"/api/v1/ws/{feed}"_s, u"feed_socket"_s, u"Live feed snapshots"_s);
    if (m_debugRoute)
        add(u"GET"_s, u"/api/v1/debug/state"_s, u"debug_state"_s, u"Debug dump (temporary)"_s);
    return list;
}

QJsonValue FeedSimulator::historyData() const
{
    QJsonArray items;
    for (const HistoryItem &h : m_history) {
        items.append(QJsonObject {{u"id"_s, h.id},
                                  {u"adw_id"_s, h.adwId},
                                  {u"issue_number"_s, h.issueNumber},
                                  {u"workflow_template"_s, h.templ},
                                  {u"status"_s, h.status},
                                  {u"started_at"_s, iso(h.startedMs)},
                                  {u"duration_seconds"_s, h.durationS},
                                  {u"cost_usd"_s, h.cost}});
    }
    return QJsonObject {{u"items"_s, items}, {u"total"_s, m_historyTotal}};
}

QJsonValue FeedSimulator::plannedData() const
{
    QJsonArray list;
    for (const Feature &f : m_features) {
        list.append(QJsonObject {{u"id"_s, f.id},
                                 {u"title"_s, f.title},
                                 {u"status"_s, f.status},
                                 {u"priority"_s, f.priority},
                                 {u"issue_number"_s, f.issueNumber},
                                 {u"estimated_hours"_s, f.hours}});
    }
    return list;
}

QJsonValue FeedSimulator::webhooksData() const
{
    QJsonArray list;
    for (const Webhook &w : m_webhooks) {
        list.append(QJsonObject {{u"id"_s, w.id},
                                 {u"name"_s, w.name},
                                 {u"status"_s, w.status},
                                 {u"last_received"_s, iso(w.lastMs)},
                                 {u"events_24h"_s, w.events},
                                 {u"failures_24h"_s, w.failures}});
    }
    return QJsonObject {{u"webhooks"_s, list}};
}

QJsonValue FeedSimulator::adwStateData(const QString &adwId) const
{
    for (const Workflow &w : m_monitored) {
        if (w.adwId != adwId)
            continue;
        const QString phase = phaseNames.at(qMin(5, w.progress / 17));
        return QJsonObject {{u"adw_id"_s, w.adwId},
                            {u"issue_number"_s, w.issueNumber},
                            {u"phase"_s, phase},
                            {u"status"_s, w.status},
                            {u"state"_s,
                             QJsonObject {{u"progress"_s, w.progress},
                                          {u"started_at"_s, iso(w.startedMs)},
                                          {u"last_activity"_s, iso(w.lastActivityMs)},
                                          {u"workflow_template"_s, u"adw_sdlc"_s}}}};
    }
    for (const Workflow &w : m_workflows) {
        if (w.adwId != adwId)
            continue;
        return QJsonObject {{u"adw_id"_s, w.adwId},
                            {u"issue_number"_s, w.issueNumber},
                            {u"phase"_s, phaseNames.at(w.phase)},
                            {u"status"_s, w.status},
                            {u"state"_s, QJsonObject {{u"started_at"_s, iso(w.startedMs)}}}};
    }
    return QJsonObject {{u"adw_id"_s, adwId},
                        {u"issue_number"_s, QJsonValue(QJsonValue::Null)},
                        {u"phase"_s, QJsonValue(QJsonValue::Null)},
                        {u"status"_s, u"unknown"_s},
                        {u"state"_s, QJsonObject()}};
}

FeedSimulator::CommandResult FeedSimulator::applyCommand(const QString &name,
                                                         const QJsonObject &args)
{
    const QString q = u"queue"_s;
    auto findPhase = [this, &args](CommandResult *result) -> Phase * {
        const QString id = args.value(u"queue_id"_s).toString();
        if (id.isEmpty()) {
            result->error = u"missing queue_id"_s;
            return nullptr;
        }
        for (Phase &p : m_phases) {
            if (p.queueId == id)
                return &p;
        }
        result->error = u"no phase with queue_id %1"_s.arg(id);
        return nullptr;
    };

    CommandResult result;
    if (name == u"queue.pause"_s || name == u"queue.resume"_s) {
        const bool pause = name == u"queue.pause"_s;
        result.ok = true;
        if (m_paused != pause)
            result.changedFeed = q;
        m_paused = pause;
    } else if (name == u"queue.execute"_s) {
        if (Phase *p = findPhase(&result)) {
            if (p->status != u"ready"_s) {
                result.error = u"phase %1 is %2, not ready"_s.arg(p->queueId, p->status);
            } else {
                p->status = u"running"_s;
                p->adwId = newAdwId(q);
                p->issueNumber = p->parentIssue + p->phaseNumber * 1000;
                result.ok = true;
                result.changedFeed = q;
            }
        }
    } else if (name == u"queue.remove"_s) {
        if (Phase *p = findPhase(&result)) {
            const QString id = p->queueId;
            m_phases.removeIf([&id](const Phase &phase) { return phase.queueId == id; });
            result.ok = true;
            result.changedFeed = q;
        }
    } else if (name == u"queue.retry"_s) {
        if (Phase *p = findPhase(&result)) {
            if (p->status != u"failed"_s) {
                result.error = u"phase %1 is %2, not failed"_s.arg(p->queueId, p->status);
            } else {
                p->status = u"queued"_s;
                p->error.clear();
                result.ok = true;
                result.changedFeed = q;
            }
        }
    } else if (name == u"workflow.trigger"_s) {
        const int issue = args.value(u"issue_number"_s).toInt(0);
        if (issue <= 0) {
            result.error = u"issue_number must be a positive integer"_s;
        } else {
            const QString wf = u"workflows"_s;
            Workflow w;
            w.adwId = newAdwId(wf);
            w.issueNumber = issue;
            w.status = u"running"_s;
            w.startedMs = now(wf);
            m_workflows.prepend(w);
            result.ok = true;
            result.changedFeed = wf;
        }
    } else {
        result.error = u"unknown command %1"_s.arg(name);
    }
    return result;
}
