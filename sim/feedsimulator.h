#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <optional>
#include <random>

// Deterministic, evolving data for every feed, in the shapes the real tac-webbuilder server sends
// (../shared/backends/tac-webbuilder/README.md and its recorded samples): the same field names
// and nesting, its loose types (issue_number a string in adw-monitor and adw-state), naive local
// timestamps with microseconds. One simulated world: queue phases belong to planned features and
// run as ADW workflows, which the workflows, adw-monitor, adw-state and history feeds show.
// State only moves on tick(feed) and on commands, never with wall time: the same seed, epoch and
// ticks give the same snapshots.
class FeedSimulator final
{
public:
    // What an operator action did, as the real server answers it over HTTP.
    struct CommandResult
    {
        bool ok = false;
        int status = 400;    // HTTP status: 200, 400 (not allowed now), 404 (no such row), 422
        QString error;       // FastAPI's `detail` when not ok
        QJsonObject answer;  // the 200 body
        QStringList changed; // feeds whose data changed
    };

    explicit FeedSimulator(quint64 seed = 1, int rows = 12, qint64 epochMs = 1'790'000'000'000);

    // The feeds with a WebSocket of their own, in protocol order (adw-state/<id> aside).
    static QStringList feedIds();
    // "queue" for "queue", "adw-state" for "adw-state/<id>"; empty when unknown.
    static QString feedOf(const QString &topic);
    static bool isKnownTopic(const QString &topic) { return !feedOf(topic).isEmpty(); }
    static QString snapshotType(const QString &feed);
    // The ticking feed whose state a feed shows: "adw-state" follows "adw-monitor".
    static QString sourceFeed(const QString &feed);
    // How often the feed's state moves (the real server's watcher intervals; adw-monitor is
    // event-driven there, here it follows the workflows' own progress).
    static int defaultIntervalMs(const QString &feed);
    // Whether the real server broadcasts the feed's changes (its watchers: queue, workflows,
    // routes, workflow-history, planned-features; adw-monitor on each phase update). The others
    // (system-status, webhook-status, adw-state) send their first message only.
    static bool broadcasts(const QString &feed);

    void tick(const QString &feed);
    qint64 ticks(const QString &feed) const { return m_ticks.value(feed); }
    QJsonValue data(const QString &topic) const;
    // {"type":"<feed>_update","data":...} (adw-state also "adw_id") as compact JSON.
    QByteArray snapshot(const QString &topic) const;
    // GET <path> as the real server answers it (its REST twins of the feeds, which do not always
    // have the WebSocket's shape). False when it has no such route.
    bool httpGet(const QString &path, int *status, QJsonValue *body, QString *location) const;

    // An operator action: the names of the profile (queue.pause, queue.resume, queue.execute,
    // queue.remove, workflow.resume, webhook.start, history.resync), plus queue.retry and
    // workflow.trigger, which only the demo's optional WebSocket command path knows.
    CommandResult applyCommand(const QString &name, const QJsonObject &args);
    bool isPaused() const { return m_paused; }
    bool isWebhookRunning() const { return m_webhook.running; }
    int rows() const { return m_rows; }
    // The ids of the workflows adw-monitor shows, for adw-state/<id>.
    QStringList adwIds() const;

private:
    struct Phase
    {
        QString queueId;
        int featureId = 0;
        int phaseNumber = 0;
        std::optional<int> issueNumber;
        QString status; // queued, ready, running, completed, failed, blocked
        QString currentPhase = QStringLiteral("init");
        QList<int> dependsOn;
        QString title;
        QString adwId;
        std::optional<int> prNumber;
        int priority = 50;
        QString error;
        qint64 createdMs = 0;
        qint64 updatedMs = 0;
        qint64 readyMs = -1;
        qint64 startedMs = -1;
    };
    struct Adw
    {
        QString adwId;
        int issueNumber = 0;
        QString title;
        QString status; // running, paused, completed, failed
        int step = 0;   // index into the workflow's phases
        double progress = 0;
        QString templ;
        QString model;
        qint64 startMs = 0;
        qint64 endMs = -1;
        double cost = 0;
        double estimated = 0;
        int errorCount = 0;
        QString lastError;
        int historyId = 0;
        std::optional<int> prNumber;
    };
    struct Feature
    {
        int id = 0;
        QString type;
        QString title;
        QString description;
        QString status; // planned, in_progress, completed, cancelled
        QString priority;
        double estimated = 0;
        std::optional<double> actual;
        std::optional<int> issue;
        QStringList tags;
        qint64 createdMs = 0;
        qint64 updatedMs = 0;
        qint64 startedMs = -1;
        qint64 completedMs = -1;
    };
    struct Webhook
    {
        bool running = true;
        qint64 startedMs = 0;
        int received = 0;
        int successful = 0;
        int failed = 0;
        qint64 lastSuccessMs = -1;
        QList<QJsonObject> failures;
    };

    struct FeedSpec
    {
        QString id;
        QString type;
        int intervalMs;
        bool broadcasts;
        void (FeedSimulator::*step)();
        QJsonValue (FeedSimulator::*data)() const;
    };
    // The one table every generic path reads; feed-specific code is only step and data.
    static const QList<FeedSpec> &specs();
    static const FeedSpec *spec(const QString &feed);

    std::mt19937_64 &rng(const QString &feed);
    double uniform(const QString &feed);
    int between(const QString &feed, int lo, int hi);
    qint64 now(const QString &feed) const;
    QString stamp(qint64 ms) const; // naive local time with microseconds, as the server writes
    QString hex(const QString &feed, int digits);
    QString uuid(const QString &feed);
    void addFeatureWithPhases();
    Adw &startAdw(Phase &phase, const QString &idPrefix = {});
    Adw *adw(const QString &adwId);
    const Adw *adw(const QString &adwId) const;
    Phase *phase(const QString &queueId);
    void promoteReadyPhases();

    void stepQueue();
    void stepWorkflows();
    void stepAdwMonitor();
    void stepRoutes();
    void stepHistory();
    void stepPlanned();
    void stepNothing();

    QJsonValue queueData() const;
    QJsonValue workflowsData() const;
    QJsonValue systemStatusData() const;
    QJsonValue adwMonitorData() const;
    QJsonValue routesData() const;
    QJsonValue historyData() const;
    QJsonValue plannedData() const;
    QJsonValue webhookData() const;
    QJsonValue adwStateData(const QString &adwId) const;
    QJsonObject historyRow(const Adw &a) const;
    QJsonArray routeList() const;

    quint64 m_seed = 1;
    int m_rows = 12;
    qint64 m_epochMs = 0;
    QHash<QString, std::mt19937_64> m_rngs;
    QHash<QString, qint64> m_ticks;

    QList<Phase> m_phases;
    bool m_paused = false;
    QList<Adw> m_adws;
    QList<Feature> m_features;
    Webhook m_webhook;
    int m_nextFeature = 1;
    int m_nextIssue = 212;
    int m_nextHistoryId = 1;
    int m_resyncs = 0;
    bool m_debugRoute = false;
};
