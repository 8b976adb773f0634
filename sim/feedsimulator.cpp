#include "feedsimulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
// adw_sdlc_complete_iso's phases, as adw-monitor counts them (total_phases 9).
const QStringList workflowPhases = {u"plan"_s,   u"validate"_s, u"build"_s, u"lint"_s,   u"test"_s,
                                    u"review"_s, u"document"_s, u"ship"_s,  u"cleanup"_s};
const QStringList templates = {u"adw_sdlc_complete_iso"_s, u"adw_plan_build_test_iso"_s,
                               u"adw_patch_iso"_s};
const QStringList models = {u"sonnet"_s, u"opus"_s, u"haiku"_s};
const QStringList featureTitles = {u"Phase queue: multi-dependency support"_s,
                                   u"WebSocket reconnect storm on Panel 1"_s,
                                   u"Cost breakdown per phase in the history panel"_s,
                                   u"Webhook retry with backoff"_s,
                                   u"Planned features: estimate drift report"_s,
                                   u"ADW monitor: per-phase progress"_s,
                                   u"Route catalogue search"_s,
                                   u"QC metrics: lint trend"_s};
const QStringList phaseTitles = {u"Schema migration"_s,  u"Repository and service changes"_s,
                                 u"API endpoints"_s,     u"Panel wiring"_s,
                                 u"Integration tests"_s, u"Documentation and rollout"_s};
const QStringList failures = {u"Tests failed: 3 of 212"_s, u"Merge conflict in routes.py"_s,
                              u"Agent timed out after 900 s"_s, u"GitHub API rate limit"_s};
const QString repoUrl = u"https://github.com/warmonger0/tac-webbuilder/issues/%1"_s;

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

double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

QString human(qint64 seconds)
{
    return u"%1h %2m"_s.arg(seconds / 3600).arg((seconds / 60) % 60);
}
} // namespace

FeedSimulator::FeedSimulator(quint64 seed, int rows, qint64 epochMs)
    : m_seed(seed)
    , m_rows(qMax(rows, 3))
    , m_epochMs(epochMs)
{
    // A lived-in start: features in every state, their phases under way.
    while (m_phases.size() < m_rows)
        addFeatureWithPhases();
    const QString q = u"queue"_s;
    // Each feature's first phase: completed, running, failed, or running with its workflow
    // paused for the operator (like the paused one of the recorded sample); the phases after a
    // completed one are ready by promotion.
    for (Phase &p : m_phases) {
        if (p.phaseNumber != 1)
            continue;
        const int kind = p.featureId % 4;
        if (kind == 1) {
            p.status = u"completed"_s;
            Adw &a = startAdw(p);
            a.status = u"completed"_s;
            a.step = int(workflowPhases.size()) - 1;
            a.progress = 100;
            a.endMs = m_epochMs - between(q, 600, 7200) * 1000LL;
            a.prNumber = 200 + between(q, 0, 99);
            p.prNumber = a.prNumber;
            p.currentPhase = u"ship"_s;
        } else if (kind == 3) {
            p.status = u"failed"_s;
            Adw &a = startAdw(p);
            a.status = u"failed"_s;
            a.step = 4;
            a.progress = 50;
            a.endMs = m_epochMs - between(q, 60, 600) * 1000LL;
            a.errorCount = 1;
            a.lastError = failures.at(between(q, 0, int(failures.size()) - 1));
            p.error = a.lastError;
        } else {
            p.status = u"running"_s;
            Adw &a = startAdw(p);
            a.step = between(q, 1, 5);
            a.progress = round2(100.0 * a.step / workflowPhases.size() + between(q, 0, 9));
            if (kind == 0)
                a.status = u"paused"_s;
        }
    }
    promoteReadyPhases();
    // Older history rows: runs whose workflow directories are gone.
    const QString hist = u"workflow-history"_s;
    for (int i = 0; i < 3; ++i) {
        Adw old;
        old.adwId = hex(hist, 8);
        old.issueNumber = 150 + i * 7;
        old.title = featureTitles.at((i + 3) % featureTitles.size());
        old.status = i == 1 ? u"failed"_s : u"completed"_s;
        old.templ = templates.at(i % templates.size());
        old.model = models.at(i % models.size());
        old.step = int(workflowPhases.size()) - 1;
        old.progress = 100;
        old.startMs = m_epochMs - (3 - i) * 86'400'000LL;
        old.endMs = old.startMs + between(hist, 1800, 9000) * 1000LL;
        old.cost = between(hist, 80, 400) / 100.0;
        old.estimated = old.cost;
        old.historyId = m_nextHistoryId++;
        if (old.status == u"failed"_s) {
            old.errorCount = 2;
            old.lastError = failures.at(i % failures.size());
        }
        m_adws.prepend(old);
    }
    m_webhook.startedMs = m_epochMs - 4000;
}

const QList<FeedSimulator::FeedSpec> &FeedSimulator::specs()
{
    // The real server's watcher intervals; adw-monitor there follows phase updates as they come.
    static const QList<FeedSpec> table = {
        {u"queue"_s, u"queue_update"_s, 2000, true, &FeedSimulator::stepQueue,
         &FeedSimulator::queueData},
        {u"workflows"_s, u"workflows_update"_s, 10000, true, &FeedSimulator::stepWorkflows,
         &FeedSimulator::workflowsData},
        {u"system-status"_s, u"system_status_update"_s, 5000, false, &FeedSimulator::stepNothing,
         &FeedSimulator::systemStatusData},
        {u"adw-monitor"_s, u"adw_monitor_update"_s, 3000, true, &FeedSimulator::stepAdwMonitor,
         &FeedSimulator::adwMonitorData},
        {u"routes"_s, u"routes_update"_s, 10000, true, &FeedSimulator::stepRoutes,
         &FeedSimulator::routesData},
        {u"workflow-history"_s, u"workflow_history_update"_s, 10000, true,
         &FeedSimulator::stepHistory, &FeedSimulator::historyData},
        {u"planned-features"_s, u"planned_features_update"_s, 30000, true,
         &FeedSimulator::stepPlanned, &FeedSimulator::plannedData},
        {u"webhook-status"_s, u"webhook_status_update"_s, 5000, false, &FeedSimulator::stepNothing,
         &FeedSimulator::webhookData},
        // adw-state/<id> shows one workflow of the monitor; its first message only.
        {u"adw-state"_s, u"adw_state_update"_s, 3000, false, nullptr, nullptr},
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

bool FeedSimulator::broadcasts(const QString &feed)
{
    const FeedSpec *s = spec(feed);
    return s && s->broadcasts;
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
    const QString feed = feedOf(topic);
    QJsonObject message {{u"type"_s, snapshotType(feed)}, {u"data"_s, data(topic)}};
    if (feed == u"adw-state"_s)
        message.insert(u"adw_id"_s, topic.mid(10));
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

QStringList FeedSimulator::adwIds() const
{
    QStringList ids;
    for (const Adw &a : m_adws) {
        if (a.historyId == 0 || a.startMs > m_epochMs - 86'400'000LL)
            ids << a.adwId;
    }
    return ids;
}

// --- randomness and time ----------------------------------------------------------------------

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

QString FeedSimulator::stamp(qint64 ms) const
{
    // The server's naive local time: no zone, microseconds. The last three digits are made up
    // from the milliseconds, so they are stable for a given time.
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, Qt::LocalTime);
    return local.toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s)
        + QString::number(quint64(ms) * 7919 % 1000).rightJustified(3, u'0');
}

QString FeedSimulator::hex(const QString &feed, int digits)
{
    QString out;
    while (out.size() < digits)
        out += QString::number(rng(feed)() & 0xffffffffULL, 16).rightJustified(8, u'0');
    return out.left(digits);
}

QString FeedSimulator::uuid(const QString &feed)
{
    const QString h = hex(feed, 32);
    return h.mid(0, 8) + u'-' + h.mid(8, 4) + u'-' + h.mid(12, 4) + u'-' + h.mid(16, 4) + u'-'
        + h.mid(20, 12);
}

// --- the world --------------------------------------------------------------------------------

void FeedSimulator::addFeatureWithPhases()
{
    const QString q = u"queue"_s;
    const QString pf = u"planned-features"_s;
    Feature f;
    f.id = m_nextFeature++;
    f.type = (f.id % 4 == 2) ? u"bug"_s : u"feature"_s;
    f.title = featureTitles.at((f.id - 1) % featureTitles.size());
    f.description = u"%1: see the plan in the issue."_s.arg(f.title);
    f.status = u"in_progress"_s;
    f.priority = QStringList {u"high"_s, u"medium"_s, u"low"_s}.at(between(pf, 0, 2));
    f.estimated = between(pf, 4, 24) / 2.0;
    f.issue = m_nextIssue++;
    f.tags = f.type == u"bug"_s ? QStringList {u"websocket"_s, u"frontend"_s}
                                : QStringList {u"queue"_s, u"backend"_s};
    f.createdMs = now(q) - 7 * 86'400'000LL;
    f.updatedMs = f.startedMs = now(q) - between(q, 1, 5) * 3'600'000LL;
    m_features.append(f);

    const int count = between(q, 2, 4);
    for (int n = 1; n <= count; ++n) {
        Phase p;
        p.queueId = uuid(q);
        p.featureId = f.id;
        p.phaseNumber = n;
        p.status = u"queued"_s;
        if (n > 1)
            p.dependsOn = {n - 1};
        p.title = u"Phase %1: %2"_s.arg(n).arg(phaseTitles.at((n - 1) % phaseTitles.size()));
        p.priority = f.priority == u"high"_s ? 40 : 50;
        p.createdMs = p.updatedMs = now(q) - between(q, 3600, 18000) * 1000LL;
        m_phases.append(p);
    }
}

FeedSimulator::Adw &FeedSimulator::startAdw(Phase &phase, const QString &idPrefix)
{
    const QString q = u"queue"_s;
    Adw a;
    a.adwId = idPrefix + hex(q, 8);
    if (!phase.issueNumber)
        phase.issueNumber = m_nextIssue++;
    a.issueNumber = *phase.issueNumber;
    a.title = phase.title;
    a.status = u"running"_s;
    a.templ = templates.at(between(q, 0, int(templates.size()) - 1));
    a.model = models.at(between(q, 0, 1));
    a.startMs = now(q) - between(q, 120, 3600) * 1000LL;
    a.estimated = between(q, 150, 400) / 100.0;
    a.historyId = m_nextHistoryId++;
    m_adws.append(a);
    phase.adwId = a.adwId;
    phase.startedMs = a.startMs;
    if (phase.readyMs < 0)
        phase.readyMs = a.startMs - 60000;
    return m_adws.last();
}

FeedSimulator::Adw *FeedSimulator::adw(const QString &adwId)
{
    for (Adw &a : m_adws) {
        if (a.adwId == adwId)
            return &a;
    }
    return nullptr;
}

const FeedSimulator::Adw *FeedSimulator::adw(const QString &adwId) const
{
    for (const Adw &a : m_adws) {
        if (a.adwId == adwId)
            return &a;
    }
    return nullptr;
}

FeedSimulator::Phase *FeedSimulator::phase(const QString &queueId)
{
    for (Phase &p : m_phases) {
        if (p.queueId == queueId)
            return &p;
    }
    return nullptr;
}

void FeedSimulator::promoteReadyPhases()
{
    // A queued phase whose earlier phases all completed is ready (it gets an issue then).
    for (Phase &p : m_phases) {
        if (p.status != u"queued"_s)
            continue;
        bool done = true;
        for (const Phase &other : std::as_const(m_phases)) {
            if (other.featureId == p.featureId && p.dependsOn.contains(other.phaseNumber))
                done = done && other.status == u"completed"_s;
        }
        if (done) {
            p.status = u"ready"_s;
            p.readyMs = now(u"queue"_s);
            p.updatedMs = p.readyMs;
            if (!p.issueNumber)
                p.issueNumber = m_nextIssue++;
        }
    }
}

void FeedSimulator::stepQueue()
{
    const QString q = u"queue"_s;
    // The queue follows its workflows.
    for (Phase &p : m_phases) {
        const Adw *a = p.adwId.isEmpty() ? nullptr : adw(p.adwId);
        if (!a || p.status != u"running"_s)
            continue;
        p.currentPhase = workflowPhases.at(a->step);
        if (a->status == u"completed"_s || a->status == u"failed"_s) {
            p.status = a->status;
            p.error = a->lastError;
            p.prNumber = a->prNumber;
            p.updatedMs = now(q);
        }
    }
    promoteReadyPhases();
    // Now and then a waiting phase is blocked by a dependency's review, then freed again.
    if (uniform(q) < 0.1) {
        for (Phase &p : m_phases) {
            if (p.status == u"queued"_s || p.status == u"blocked"_s) {
                p.status = p.status == u"queued"_s ? u"blocked"_s : u"queued"_s;
                p.updatedMs = now(q);
                break;
            }
        }
    }
    if (m_paused)
        return;
    // The coordinator starts a ready phase now and then.
    if (uniform(q) < 0.3) {
        for (Phase &p : m_phases) {
            if (p.status == u"ready"_s) {
                p.status = u"running"_s;
                p.updatedMs = now(q);
                Adw &a = startAdw(p);
                a.startMs = p.startedMs = now(q);
                break;
            }
        }
    }
    // New work arrives as old work finishes; the oldest finished phases leave the queue.
    int open = 0;
    for (const Phase &p : std::as_const(m_phases))
        open += p.status != u"completed"_s && p.status != u"failed"_s;
    if (open < qMax(2, m_rows / 3))
        addFeatureWithPhases();
    while (m_phases.size() > m_rows + 4) {
        const auto finished = std::find_if(m_phases.begin(), m_phases.end(), [](const Phase &p) {
            return p.status == u"completed"_s || p.status == u"failed"_s;
        });
        if (finished == m_phases.end())
            break;
        m_phases.erase(finished);
    }
}

void FeedSimulator::stepAdwMonitor()
{
    const QString mon = u"adw-monitor"_s;
    for (Adw &a : m_adws) {
        if (a.status == u"running"_s && uniform(mon) < 0.6) {
            a.progress =
                qMin(100.0, round2(a.progress + between(mon, 2, 14) + 0.1 * between(mon, 0, 9)));
            a.step = qMin(int(workflowPhases.size()) - 1,
                          int(a.progress * workflowPhases.size() / 100.0));
            a.cost = round2(a.cost + between(mon, 1, 20) / 100.0);
            if (a.progress >= 100) {
                a.status = u"completed"_s;
                a.endMs = now(mon);
                a.prNumber = 200 + between(mon, 0, 99);
            } else if (uniform(mon) < 0.02) {
                a.status = u"failed"_s;
                a.endMs = now(mon);
                ++a.errorCount;
                a.lastError = failures.at(between(mon, 0, int(failures.size()) - 1));
            } else if (uniform(mon) < 0.01) {
                a.status = u"paused"_s; // waits for the operator's resume
            }
        }
    }
    // The monitor shows the directories of the last runs, not every run ever made.
    const qsizetype keep = qMax(4, m_rows / 2) + 3;
    while (m_adws.size() > keep) {
        const auto gone = std::find_if(m_adws.begin(), m_adws.end(), [](const Adw &a) {
            return a.status == u"completed"_s || a.status == u"failed"_s;
        });
        if (gone == m_adws.end())
            break;
        m_adws.erase(gone);
    }
}

void FeedSimulator::stepWorkflows()
{
    // Its data is the workflows' own; the watcher only looks.
}

void FeedSimulator::stepRoutes()
{
    if (uniform(u"routes"_s) < 0.1)
        m_debugRoute = !m_debugRoute;
}

void FeedSimulator::stepHistory()
{
    // The history syncs costs from the runs' files: a running one's cost creeps up.
    for (Adw &a : m_adws) {
        if (a.status == u"running"_s && uniform(u"workflow-history"_s) < 0.5)
            a.cost = round2(a.cost + 0.01);
    }
}

void FeedSimulator::stepPlanned()
{
    const QString pf = u"planned-features"_s;
    for (Feature &f : m_features) {
        if (f.status == u"in_progress"_s && uniform(pf) < 0.5) {
            f.actual = f.actual.value_or(0.0) + 0.25;
            f.updatedMs = now(pf);
        }
    }
    if (uniform(pf) < 0.2 && !m_features.isEmpty()) {
        Feature &f = m_features[between(pf, 0, int(m_features.size()) - 1)];
        if (f.status == u"in_progress"_s) {
            f.status = u"completed"_s;
            f.completedMs = now(pf);
        } else if (f.status == u"completed"_s && uniform(pf) < 0.1) {
            f.status = u"cancelled"_s;
        }
    }
}

void FeedSimulator::stepNothing()
{
    // The real server sends these once, on connect; their data is computed then.
}

// --- data, as the server shapes it -------------------------------------------------------------

QJsonValue FeedSimulator::queueData() const
{
    QJsonArray phases;
    int position = 0;
    for (const Phase &p : m_phases) {
        QJsonArray depends;
        for (int d : p.dependsOn)
            depends.append(d);
        phases.append(QJsonObject {
            {u"queue_id"_s, p.queueId},
            {u"feature_id"_s, p.featureId},
            {u"phase_number"_s, p.phaseNumber},
            {u"issue_number"_s, optionalInt(p.issueNumber)},
            {u"status"_s, p.status},
            {u"current_phase"_s, p.currentPhase},
            {u"depends_on_phases"_s, depends},
            {u"phase_data"_s,
             QJsonObject {
                 {u"title"_s, p.title},
                 {u"content"_s, u"## %1\n\nSee the planned feature for details."_s.arg(p.title)},
                 {u"externalDocs"_s, QJsonArray()},
                 {u"workflow_type"_s, u"adw_sdlc_complete_iso"_s}}},
            {u"created_at"_s, stamp(p.createdMs)},
            {u"updated_at"_s, stamp(p.updatedMs)},
            {u"error_message"_s, optionalString(p.error)},
            {u"adw_id"_s, optionalString(p.adwId)},
            {u"pr_number"_s, optionalInt(p.prNumber)},
            {u"priority"_s, p.priority},
            {u"queue_position"_s, ++position},
            {u"ready_timestamp"_s,
             p.readyMs < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(stamp(p.readyMs))},
            {u"started_timestamp"_s,
             p.startedMs < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(stamp(p.startedMs))},
        });
    }
    return QJsonObject {
        {u"phases"_s, phases}, {u"total"_s, int(phases.size())}, {u"paused"_s, m_paused}};
}

QJsonValue FeedSimulator::workflowsData() const
{
    QJsonArray list;
    for (const QString &id : adwIds()) {
        const Adw *a = adw(id);
        list.append(QJsonObject {{u"adw_id"_s, a->adwId},
                                 {u"issue_number"_s, a->issueNumber},
                                 {u"phase"_s, workflowPhases.at(a->step)},
                                 {u"github_url"_s, repoUrl.arg(a->issueNumber)}});
    }
    return list;
}

QJsonValue FeedSimulator::adwMonitorData() const
{
    QJsonArray list;
    QHash<QString, int> counts;
    for (const QString &id : adwIds()) {
        const Adw *a = adw(id);
        ++counts[a->status];
        QJsonArray completed;
        for (int i = 0; i < a->step; ++i)
            completed.append(workflowPhases.at(i));
        const bool finished = a->endMs >= 0;
        list.append(QJsonObject {
            {u"adw_id"_s, a->adwId},
            {u"issue_number"_s, QString::number(a->issueNumber)}, // a string here, as upstream
            {u"pr_number"_s, optionalInt(a->prNumber)},
            {u"issue_class"_s, u"/feature"_s},
            {u"title"_s, a->title},
            {u"status"_s, a->status},
            {u"current_phase"_s, workflowPhases.at(a->step)},
            {u"phase_progress"_s, a->progress},
            {u"workflow_template"_s, a->templ},
            {u"start_time"_s, stamp(a->startMs)},
            {u"end_time"_s, finished ? QJsonValue(stamp(a->endMs)) : QJsonValue(QJsonValue::Null)},
            {u"duration_seconds"_s,
             finished ? QJsonValue((a->endMs - a->startMs) / 1000) : QJsonValue(QJsonValue::Null)},
            {u"github_url"_s, repoUrl.arg(a->issueNumber)},
            {u"worktree_path"_s, u"/opt/tac-webbuilder/trees/%1"_s.arg(a->adwId)},
            {u"current_cost"_s, a->cost},
            {u"estimated_cost_total"_s, a->estimated},
            {u"error_count"_s, a->errorCount},
            {u"last_error"_s, optionalString(a->lastError)},
            {u"is_process_active"_s, a->status == u"running"_s},
            {u"phases_completed"_s, completed},
            {u"total_phases"_s, int(workflowPhases.size())},
        });
    }
    const QJsonObject summary {{u"total"_s, int(list.size())},
                               {u"running"_s, counts.value(u"running"_s)},
                               {u"completed"_s, counts.value(u"completed"_s)},
                               {u"failed"_s, counts.value(u"failed"_s)},
                               {u"paused"_s, counts.value(u"paused"_s)}};
    return QJsonObject {{u"summary"_s, summary},
                        {u"workflows"_s, list},
                        {u"last_updated"_s, stamp(now(u"adw-monitor"_s))}};
}

QJsonValue FeedSimulator::adwStateData(const QString &adwId) const
{
    const Adw *a = adw(adwId);
    if (!a)
        return QJsonObject(); // the real server's answer to an unknown id
    const double plan = round2(a->estimated * 0.16);
    const double build = round2(a->estimated * 0.4);
    return QJsonObject {
        {u"adw_id"_s, a->adwId},
        {u"issue_number"_s, QString::number(a->issueNumber)},
        {u"branch_name"_s, u"feat-issue-%1-adw-%2"_s.arg(a->issueNumber).arg(a->adwId)},
        {u"plan_file"_s,
         u"specs/issue-%1-adw-%2-sdlc_planner.md"_s.arg(a->issueNumber).arg(a->adwId)},
        {u"issue_class"_s, u"/feature"_s},
        {u"worktree_path"_s, u"/opt/tac-webbuilder/trees/%1"_s.arg(a->adwId)},
        {u"backend_port"_s, 9100 + a->issueNumber % 100},
        {u"frontend_port"_s, 9200 + a->issueNumber % 100},
        {u"model_set"_s, u"base"_s},
        {u"all_adws"_s, QJsonArray {a->templ}},
        {u"estimated_cost_total"_s, a->estimated},
        {u"estimated_cost_breakdown"_s,
         QJsonObject {{u"plan"_s, plan},
                      {u"build"_s, build},
                      {u"test"_s, round2(a->estimated - plan - build)}}},
        {u"workflow_template"_s, a->templ},
        {u"model_used"_s, a->model},
        {u"start_time"_s, stamp(a->startMs)},
        {u"nl_input"_s, a->title},
        {u"github_url"_s, repoUrl.arg(a->issueNumber)},
        {u"status"_s, a->status},
        {u"current_phase"_s, workflowPhases.at(a->step)},
    };
}

QJsonObject FeedSimulator::historyRow(const Adw &a) const
{
    const bool finished = a.endMs >= 0;
    const qint64 duration = finished ? (a.endMs - a.startMs) / 1000 : 0;
    const int tokens = int(a.cost * 400000);
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(a.startMs, Qt::LocalTime);
    const QJsonValue null(QJsonValue::Null);
    return QJsonObject {
        {u"id"_s, a.historyId},
        {u"adw_id"_s, a.adwId},
        {u"issue_number"_s, a.issueNumber},
        {u"nl_input"_s, a.title},
        {u"github_url"_s, repoUrl.arg(a.issueNumber)},
        {u"workflow_template"_s, a.templ},
        {u"model_used"_s, a.model},
        {u"status"_s, a.status},
        {u"branch_name"_s, null},
        {u"plan_file"_s, null},
        {u"issue_class"_s, null},
        {u"start_time"_s, stamp(a.startMs)},
        {u"end_time"_s, finished ? QJsonValue(stamp(a.endMs)) : null},
        {u"duration_seconds"_s, finished ? QJsonValue(duration) : null},
        {u"created_at"_s, stamp(a.startMs)},
        {u"updated_at"_s, stamp(finished ? a.endMs : now(u"workflow-history"_s))},
        {u"error_message"_s, optionalString(a.lastError)},
        {u"phase_count"_s, null},
        {u"current_phase"_s, workflowPhases.at(a.step)},
        {u"success_rate"_s, null},
        {u"retry_count"_s, a.errorCount},
        {u"steps_completed"_s, a.step},
        {u"steps_total"_s, int(workflowPhases.size())},
        {u"worktree_path"_s, u"/opt/tac-webbuilder/agents/%1"_s.arg(a.adwId)},
        {u"backend_port"_s, 9100 + a.issueNumber % 100},
        {u"frontend_port"_s, 9200 + a.issueNumber % 100},
        {u"concurrent_workflows"_s, 0},
        {u"worktree_reused"_s, false},
        {u"input_tokens"_s, tokens * 3 / 4},
        {u"output_tokens"_s, tokens / 4},
        {u"cached_tokens"_s, tokens / 2},
        {u"cache_hit_tokens"_s, tokens / 2},
        {u"cache_miss_tokens"_s, tokens / 4},
        {u"total_tokens"_s, tokens},
        {u"cache_efficiency_percent"_s, tokens ? 66.5 : 0.0},
        {u"estimated_cost_total"_s, a.estimated},
        {u"actual_cost_total"_s, a.cost},
        {u"estimated_cost_per_step"_s, round2(a.estimated / workflowPhases.size())},
        {u"actual_cost_per_step"_s, a.step ? round2(a.cost / a.step) : 0.0},
        {u"cost_per_token"_s, 0.0},
        {u"structured_input"_s, null},
        {u"cost_breakdown"_s, null},
        {u"token_breakdown"_s, null},
        {u"phase_durations"_s, null},
        {u"idle_time_seconds"_s, null},
        {u"bottleneck_phase"_s, null},
        {u"error_category"_s, null},
        {u"retry_reasons"_s, null},
        {u"error_phase_distribution"_s, null},
        {u"recovery_time_seconds"_s, null},
        {u"complexity_estimated"_s, null},
        {u"complexity_actual"_s, null},
        {u"hour_of_day"_s, start.time().hour()},
        {u"day_of_week"_s, start.date().dayOfWeek() - 1},
        {u"nl_input_clarity_score"_s, 14.0},
        {u"cost_efficiency_score"_s, 0.0},
        {u"performance_score"_s, 0.0},
        {u"quality_score"_s, a.status == u"failed"_s ? 40.0 : 95.0},
        {u"scoring_version"_s, u"1.0"_s},
        {u"anomaly_flags"_s, QJsonArray()},
        {u"optimization_recommendations"_s, QJsonArray()},
    };
}

QJsonValue FeedSimulator::historyData() const
{
    QJsonArray rows;
    QHash<QString, int> byStatus, byModel, byTemplate;
    int completed = 0, failed = 0;
    double total = 0, durations = 0;
    int finishedCount = 0;
    // Newest first, as the server sorts them.
    for (auto it = m_adws.crbegin(); it != m_adws.crend(); ++it) {
        rows.append(historyRow(*it));
        ++byStatus[it->status];
        ++byModel[it->model];
        ++byTemplate[it->templ];
        completed += it->status == u"completed"_s;
        failed += it->status == u"failed"_s;
        total += it->cost;
        if (it->endMs >= 0) {
            durations += double(it->endMs - it->startMs) / 1000.0;
            ++finishedCount;
        }
    }
    auto toObject = [](const QHash<QString, int> &h) {
        QJsonObject o;
        for (auto it = h.cbegin(); it != h.cend(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    const int n = int(rows.size());
    const QJsonObject analytics {
        {u"total_workflows"_s, n},
        {u"completed_workflows"_s, completed},
        {u"failed_workflows"_s, failed},
        {u"avg_duration_seconds"_s, finishedCount ? durations / finishedCount : 0.0},
        {u"success_rate_percent"_s, n ? 100.0 * completed / n : 0.0},
        {u"workflows_by_model"_s, toObject(byModel)},
        {u"workflows_by_template"_s, toObject(byTemplate)},
        {u"workflows_by_status"_s, toObject(byStatus)},
        {u"avg_cost"_s, n ? total / n : 0.0},
        {u"total_cost"_s, round2(total)},
        {u"avg_cost_per_completion"_s, completed ? total / completed : 0.0},
        {u"cost_trend_7day"_s, 0.0},
        {u"cost_trend_30day"_s, 0.0},
        {u"avg_tokens"_s, n ? total * 400000 / n : 0.0},
        {u"avg_cache_efficiency"_s, 66.5},
    };
    return QJsonObject {{u"workflows"_s, rows}, {u"total_count"_s, n}, {u"analytics"_s, analytics}};
}

QJsonValue FeedSimulator::plannedData() const
{
    QJsonArray list;
    QHash<QString, int> byStatus, byPriority, byType;
    double estimated = 0, actual = 0;
    int done = 0;
    for (const Feature &f : m_features) {
        const QJsonValue null(QJsonValue::Null);
        list.append(QJsonObject {
            {u"id"_s, f.id},
            {u"item_type"_s, f.type},
            {u"title"_s, f.title},
            {u"description"_s, f.description},
            {u"status"_s, f.status},
            {u"priority"_s, f.priority},
            {u"estimated_hours"_s, f.estimated},
            {u"actual_hours"_s, f.actual ? QJsonValue(*f.actual) : null},
            {u"session_number"_s, null},
            {u"github_issue_number"_s, optionalInt(f.issue)},
            {u"parent_id"_s, null},
            {u"tags"_s, QJsonArray::fromStringList(f.tags)},
            {u"completion_notes"_s, null},
            {u"generated_plan"_s, null},
            {u"workflow_type"_s, u"adw_sdlc_complete_iso"_s},
            {u"created_at"_s, stamp(f.createdMs)},
            {u"updated_at"_s, stamp(f.updatedMs)},
            {u"started_at"_s, f.startedMs < 0 ? null : QJsonValue(stamp(f.startedMs))},
            {u"completed_at"_s, f.completedMs < 0 ? null : QJsonValue(stamp(f.completedMs))},
        });
        ++byStatus[f.status];
        ++byPriority[f.priority];
        ++byType[f.type];
        estimated += f.estimated;
        actual += f.actual.value_or(0.0);
        done += f.status == u"completed"_s;
    }
    auto toObject = [](const QHash<QString, int> &h) {
        QJsonObject o;
        for (auto it = h.cbegin(); it != h.cend(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    const QJsonObject stats {
        {u"by_status"_s, toObject(byStatus)},
        {u"by_priority"_s, toObject(byPriority)},
        {u"by_type"_s, toObject(byType)},
        {u"total_estimated_hours"_s, estimated},
        {u"total_actual_hours"_s, actual},
        {u"completion_rate"_s, list.isEmpty() ? 0.0 : round2(100.0 * done / list.size())},
    };
    return QJsonObject {{u"features"_s, list}, {u"stats"_s, stats}};
}

QJsonValue FeedSimulator::webhookData() const
{
    if (!m_webhook.running) {
        return QJsonObject {
            {u"status"_s, u"error"_s},
            {u"message"_s, u"Webhook service not reachable: [Errno 111] Connection refused"_s}};
    }
    const qint64 seconds = qMax<qint64>(0, (now(u"queue"_s) - m_webhook.startedMs) / 1000);
    const int received = m_webhook.received;
    QJsonArray failuresList;
    for (const QJsonObject &f : m_webhook.failures)
        failuresList.append(f);
    return QJsonObject {
        {u"status"_s, u"healthy"_s},
        {u"uptime"_s,
         QJsonObject {{u"seconds"_s, seconds},
                      {u"hours"_s, round2(seconds / 3600.0)},
                      {u"human"_s, human(seconds)}}},
        {u"stats"_s,
         QJsonObject {
             {u"total_received"_s, received},
             {u"successful"_s, m_webhook.successful},
             {u"failed"_s, m_webhook.failed},
             {u"success_rate"_s,
              u"%1%"_s.arg(received ? 100.0 * m_webhook.successful / received : 0.0, 0, 'f', 1)}}},
        {u"recent_failures"_s, failuresList},
        {u"last_successful"_s,
         m_webhook.lastSuccessMs < 0 ? QJsonValue(QJsonValue::Null)
                                     : QJsonValue(stamp(m_webhook.lastSuccessMs))},
    };
}

QJsonValue FeedSimulator::systemStatusData() const
{
    const qint64 at = now(u"queue"_s);
    const qint64 upSeconds = (at - m_epochMs) / 1000 + 2;
    const qint64 hookSeconds = (at - m_webhook.startedMs) / 1000;
    auto service = [](const QString &name, const QString &status, const QJsonValue &uptime,
                      const QJsonValue &uptimeHuman, const QString &message,
                      const QJsonValue &details) {
        return QJsonObject {{u"name"_s, name},
                            {u"status"_s, status},
                            {u"uptime_seconds"_s, uptime},
                            {u"uptime_human"_s, uptimeHuman},
                            {u"message"_s, message},
                            {u"details"_s, details}};
    };
    const QJsonValue null(QJsonValue::Null);
    QJsonObject services {
        {u"backend_api"_s,
         service(u"Backend API"_s, u"healthy"_s, double(upSeconds), u"%1m"_s.arg(upSeconds / 60),
                 u"Running on port 8002"_s, QJsonObject {{u"port"_s, u"8002"_s}})},
        {u"database"_s,
         service(u"Database"_s, u"healthy"_s, null, null, u"38 tables available (postgresql)"_s,
                 QJsonObject {{u"tables_count"_s, 38},
                              {u"database_type"_s, u"postgresql"_s},
                              {u"path"_s, u"db/database.db"_s}})},
        {u"webhook"_s,
         m_webhook.running
             ? service(u"Webhook Service"_s, u"healthy"_s, double(hookSeconds), human(hookSeconds),
                       u"Port 8001 \u2022 %1/%2 webhooks processed"_s.arg(m_webhook.successful)
                           .arg(m_webhook.received),
                       QJsonObject {{u"port"_s, 8001},
                                    {u"webhooks_processed"_s,
                                     u"%1/%2"_s.arg(m_webhook.successful).arg(m_webhook.received)},
                                    {u"failed"_s, m_webhook.failed}})
             : service(u"Webhook Service"_s, u"error"_s, null, null, u"Not running (port 8001)"_s,
                       null)},
        {u"cloudflare_tunnel"_s,
         service(u"Cloudflare Tunnel"_s, u"error"_s, null, null, u"Tunnel process not found"_s,
                 null)},
        {u"github_webhook"_s,
         service(u"GitHub Webhook"_s, u"unknown"_s, null, null,
                 u"Check failed: [Errno 2] No such file or directory: 'gh'"_s, null)},
        {u"frontend"_s,
         service(u"Frontend"_s, u"healthy"_s, null, null, u"Serving on port 5173"_s,
                 QJsonObject {{u"port"_s, 5173}})},
    };
    int healthy = 0;
    bool error = false;
    for (const QJsonValue &s : std::as_const(services)) {
        healthy += s.toObject().value("status"_L1).toString() == "healthy"_L1;
        error = error || s.toObject().value("status"_L1).toString() == "error"_L1;
    }
    const int totalServices = int(services.size());
    return QJsonObject {
        {u"overall_status"_s,
         error ? u"error"_s : (healthy == totalServices ? u"healthy"_s : u"degraded"_s)},
        {u"timestamp"_s, stamp(at)},
        {u"services"_s, services},
        {u"summary"_s,
         QJsonObject {
             {u"healthy_services"_s, healthy},
             {u"total_services"_s, totalServices},
             {u"health_percentage"_s, std::round(1000.0 * healthy / totalServices) / 10.0}}},
    };
}

QJsonArray FeedSimulator::routeList() const
{
    QJsonArray list;
    auto add = [&list](const QString &method, const QString &path, const QString &name,
                       const QString &summary, const QStringList &tags) {
        list.append(QJsonObject {{u"path"_s, path},
                                 {u"method"_s, method},
                                 {u"name"_s, name},
                                 {u"summary"_s, summary},
                                 {u"description"_s, QJsonValue(QJsonValue::Null)},
                                 {u"tags"_s, QJsonArray::fromStringList(tags)}});
    };
    const QStringList queue = {u"queue"_s};
    const QStringList system = {u"system"_s};
    const QStringList workflows = {u"workflows"_s};
    add(u"GET"_s, u"/api/v1/health"_s, u"health_check"_s, u"Health check endpoint"_s, system);
    add(u"GET"_s, u"/api/v1/system-status"_s, u"get_system_status"_s,
        u"Get comprehensive system status"_s, system);
    add(u"GET"_s, u"/api/v1/adw-monitor"_s, u"get_adw_monitor_status"_s,
        u"Get real-time ADW workflow monitoring data"_s, system);
    add(u"POST"_s, u"/api/v1/services/webhook/start"_s, u"start_webhook_service"_s,
        u"Start the webhook service"_s, system);
    add(u"GET"_s, u"/api/v1/workflows"_s, u"get_workflows"_s,
        u"Get all active ADW workflows (REST endpoint for fallback)"_s, workflows);
    add(u"GET"_s, u"/api/v1/routes"_s, u"get_routes"_s,
        u"Get all registered FastAPI routes (REST endpoint for fallback)"_s, workflows);
    add(u"GET"_s, u"/api/v1/workflow-history"_s, u"get_workflow_history_endpoint"_s,
        u"Get workflow history with filtering, sorting, and pagination"_s, workflows);
    add(u"POST"_s, u"/api/v1/workflow-history/resync"_s, u"resync_workflow_history"_s,
        u"Manually resync workflow history cost data from source files"_s, workflows);
    add(u"GET"_s, u"/api/v1/queue"_s, u"get_all_queued"_s, u"Get all queued phases"_s, queue);
    add(u"GET"_s, u"/api/v1/queue/config"_s, u"get_queue_config"_s, u"Get queue configuration"_s,
        queue);
    add(u"POST"_s, u"/api/v1/queue/config/pause"_s, u"set_queue_paused"_s,
        u"Pause or resume automatic queue execution"_s, queue);
    add(u"DELETE"_s, u"/api/v1/queue/{queue_id}"_s, u"dequeue_phase"_s,
        u"Remove a phase from the queue"_s, queue);
    add(u"POST"_s, u"/api/v1/queue/{queue_id}/execute"_s, u"execute_phase"_s,
        u"Execute a ready phase immediately"_s, queue);
    add(u"POST"_s, u"/api/v1/queue/resume/{adw_id}"_s, u"resume_adw"_s,
        u"Resume a paused ADW workflow"_s, queue);
    add(u"GET"_s, u"/api/v1/planned-features/"_s, u"get_planned_features"_s,
        u"Get all planned features"_s, {u"planned-features"_s});
    if (m_debugRoute)
        add(u"GET"_s, u"/api/v1/debug/state"_s, u"debug_state"_s, u"Debug dump (temporary)"_s,
            system);
    // The real server lists only its HTTP routes, never the WebSocket ones.
    return list;
}

QJsonValue FeedSimulator::routesData() const
{
    return routeList();
}

bool FeedSimulator::httpGet(const QString &path, int *status, QJsonValue *body,
                            QString *location) const
{
    *status = 200;
    if (path == u"/api/v1/queue"_s) {
        const QJsonObject q = queueData().toObject();
        *body =
            QJsonObject {{u"phases"_s, q.value("phases"_L1)}, {u"total"_s, q.value("total"_L1)}};
    } else if (path == u"/api/v1/queue/config"_s) {
        *body = QJsonObject {{u"paused"_s, m_paused}};
    } else if (path == u"/api/v1/workflows"_s) {
        *body = workflowsData();
    } else if (path == u"/api/v1/routes"_s) {
        const QJsonArray routes = routeList();
        *body = QJsonObject {{u"routes"_s, routes}, {u"total"_s, int(routes.size())}};
    } else if (path == u"/api/v1/workflow-history"_s) {
        *body = historyData();
    } else if (path == u"/api/v1/system-status"_s) {
        *body = systemStatusData();
    } else if (path == u"/api/v1/adw-monitor"_s) {
        *body = adwMonitorData();
    } else if (path == u"/api/v1/planned-features"_s) {
        // FastAPI's redirect_slashes: the route is declared with its slash.
        *status = 307;
        *location = u"/api/v1/planned-features/"_s;
        *body = QJsonValue(QJsonValue::Null);
    } else if (path == u"/api/v1/planned-features/"_s) {
        *body = plannedData().toObject().value("features"_L1);
    } else if (path == u"/api/v1/planned-features/stats"_s) {
        *body = plannedData().toObject().value("stats"_L1);
    } else {
        return false;
    }
    return true;
}

// --- actions ----------------------------------------------------------------------------------

FeedSimulator::CommandResult FeedSimulator::applyCommand(const QString &name,
                                                         const QJsonObject &args)
{
    const QString q = u"queue"_s;
    CommandResult result;
    auto refuse = [&result](int status, const QString &detail) {
        result.ok = false;
        result.status = status;
        result.error = detail;
    };
    auto done = [&result](const QJsonObject &answer, const QStringList &changed) {
        result.ok = true;
        result.status = 200;
        result.answer = answer;
        result.changed = changed;
    };
    auto findPhase = [&]() -> Phase * {
        const QString id = args.value("queue_id"_L1).toString();
        if (id.isEmpty()) {
            refuse(422, u"queue_id: field required"_s);
            return nullptr;
        }
        Phase *p = phase(id);
        if (!p)
            refuse(404, u"Queue ID %1 not found"_s.arg(id));
        return p;
    };

    if (name == u"queue.pause"_s || name == u"queue.resume"_s) {
        const bool pause = name == u"queue.pause"_s;
        const bool changed = m_paused != pause;
        m_paused = pause;
        done({{u"paused"_s, m_paused}}, changed ? QStringList {q} : QStringList());
    } else if (name == u"queue.execute"_s) {
        if (Phase *p = findPhase()) {
            if (p->status != u"ready"_s) {
                refuse(400,
                       u"Phase must be 'ready' to execute (current status: %1)"_s.arg(p->status));
            } else if (!p->issueNumber) {
                refuse(400,
                       u"Phase does not have a GitHub issue. Create an issue first before "
                       "executing."_s);
            } else {
                p->status = u"running"_s;
                p->updatedMs = now(q);
                Adw &a = startAdw(*p, u"adw-"_s);
                a.startMs = p->startedMs = now(q);
                done({{u"success"_s, true},
                      {u"message"_s,
                       u"Workflow %1 started for phase %2"_s.arg(a.templ).arg(p->phaseNumber)},
                      {u"issue_number"_s, a.issueNumber},
                      {u"adw_id"_s, a.adwId}},
                     {q, u"workflows"_s, u"adw-monitor"_s, u"workflow-history"_s});
            }
        }
    } else if (name == u"queue.remove"_s) {
        if (Phase *p = findPhase()) {
            const QString id = p->queueId;
            m_phases.removeIf([&id](const Phase &phase) { return phase.queueId == id; });
            done({{u"success"_s, true}, {u"message"_s, u"Phase %1 removed from queue"_s.arg(id)}},
                 {q});
        }
    } else if (name == u"workflow.resume"_s) {
        const QString id = args.value("adw_id"_L1).toString();
        Adw *a = id.isEmpty() ? nullptr : adw(id);
        if (!a) {
            refuse(404, u"ADW directory not found: %1"_s.arg(id));
        } else if (a->status != u"paused"_s) {
            refuse(400, u"ADW %1 is %2, not paused"_s.arg(id, a->status));
        } else {
            a->status = u"running"_s;
            done({{u"success"_s, true},
                  {u"message"_s, u"ADW %1 resumed successfully"_s.arg(id)},
                  {u"adw_id"_s, id},
                  {u"issue_number"_s, a->issueNumber},
                  {u"workflow"_s, a->templ}},
                 {u"adw-monitor"_s, u"workflows"_s});
        }
    } else if (name == u"webhook.start"_s) {
        if (m_webhook.running) {
            done({{u"status"_s, u"already_running"_s},
                  {u"message"_s, u"Webhook service is already running on port 8001"_s}},
                 {});
        } else {
            m_webhook.running = true;
            m_webhook.startedMs = now(q);
            done({{u"status"_s, u"started"_s},
                  {u"message"_s, u"Webhook service started successfully on port 8001"_s}},
                 {u"webhook-status"_s, u"system-status"_s});
        }
    } else if (name == u"history.resync"_s) {
        ++m_resyncs;
        done({{u"resynced_count"_s, 0},
              {u"workflows"_s, QJsonArray()},
              {u"errors"_s, QJsonArray()},
              {u"message"_s, u"Bulk resync completed: 0 workflows updated, 0 errors"_s}},
             {});
    } else if (name == u"queue.retry"_s) {
        if (Phase *p = findPhase()) {
            if (p->status != u"failed"_s) {
                refuse(400, u"phase %1 is %2, not failed"_s.arg(p->queueId, p->status));
            } else {
                p->status = u"queued"_s;
                p->error.clear();
                p->updatedMs = now(q);
                done({{u"success"_s, true}}, {q});
            }
        }
    } else if (name == u"workflow.trigger"_s) {
        const int issue = args.value("issue_number"_L1).toInt(0);
        if (issue <= 0) {
            refuse(422, u"issue_number must be a positive integer"_s);
        } else {
            Phase p;
            p.issueNumber = issue;
            p.title = u"Issue #%1"_s.arg(issue);
            Adw &a = startAdw(p);
            a.startMs = now(q);
            done({{u"success"_s, true}, {u"adw_id"_s, a.adwId}},
                 {u"workflows"_s, u"adw-monitor"_s});
        }
    } else {
        refuse(404, u"unknown command %1"_s.arg(name));
    }
    return result;
}
