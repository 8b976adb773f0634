#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <optional>
#include <random>

// Deterministic, evolving data for every feed. State only moves on tick(feed) and on commands,
// never with wall time: the same seed and the same ticks give the same snapshots. Timestamps are
// simulated too (epoch + ticks x the feed's realistic interval).
class FeedSimulator final
{
public:
    struct CommandResult
    {
        bool ok = false;
        QString error;
        QString changedFeed; // the feed whose data changed, empty if none
    };

    explicit FeedSimulator(quint64 seed = 1, int rows = 12, qint64 epochMs = 1'790'000'000'000);

    // The eight default feeds, in protocol order.
    static QStringList feedIds();
    // "queue" for "queue", "adw-state" for "adw-state/<id>"; empty when unknown.
    static QString feedOf(const QString &topic);
    static bool isKnownTopic(const QString &topic) { return !feedOf(topic).isEmpty(); }
    static QString snapshotType(const QString &feed);
    // The ticking feed whose state a feed shows: "adw-state" follows "adw-monitor".
    static QString sourceFeed(const QString &feed);
    // How often the reference backend pushes this feed.
    static int defaultIntervalMs(const QString &feed);

    void tick(const QString &feed);
    qint64 ticks(const QString &feed) const { return m_ticks.value(feed); }
    QJsonValue data(const QString &topic) const;
    // {"type":"<feed>_update","data":...} as compact JSON.
    QByteArray snapshot(const QString &topic) const;

    CommandResult applyCommand(const QString &name, const QJsonObject &args);
    bool isPaused() const { return m_paused; }
    int rows() const { return m_rows; }

private:
    struct Phase
    {
        QString queueId;
        int parentIssue = 0;
        int phaseNumber = 0;
        std::optional<int> issueNumber;
        QString status;
        QString title;
        QString error;
        QString adwId;
        std::optional<int> prNumber;
        qint64 createdMs = 0;
    };
    struct Workflow
    {
        QString adwId;
        int issueNumber = 0;
        int phase = 0; // index into the phase names
        QString status;
        qint64 startedMs = 0;
        int progress = 0;
        qint64 lastActivityMs = 0;
    };
    struct Service
    {
        QString name;
        QString status;
        QString message;
        qint64 startedMs = 0;
        int responseMs = 0;
    };
    struct HistoryItem
    {
        int id = 0;
        QString adwId;
        int issueNumber = 0;
        QString templ;
        QString status;
        qint64 startedMs = 0;
        int durationS = 0;
        double cost = 0;
    };
    struct Feature
    {
        int id = 0;
        QString title;
        QString status;
        QString priority;
        int issueNumber = 0;
        int hours = 0;
    };
    struct Webhook
    {
        QString id;
        QString name;
        QString status;
        qint64 lastMs = 0;
        int events = 0;
        int failures = 0;
    };

    struct FeedSpec
    {
        QString id;
        QString type;
        int intervalMs;
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
    QString iso(qint64 ms) const;
    QString newAdwId(const QString &feed);
    Phase makePhase(int parent, int number, qint64 createdMs);
    void addParent();

    void stepQueue();
    void stepWorkflows();
    void stepSystemStatus();
    void stepAdwMonitor();
    void stepRoutes();
    void stepHistory();
    void stepPlanned();
    void stepWebhooks();

    QJsonValue queueData() const;
    QJsonValue workflowsData() const;
    QJsonValue systemStatusData() const;
    QJsonValue adwMonitorData() const;
    QJsonValue routesData() const;
    QJsonValue historyData() const;
    QJsonValue plannedData() const;
    QJsonValue webhooksData() const;
    QJsonValue adwStateData(const QString &adwId) const;

    quint64 m_seed = 1;
    int m_rows = 12;
    qint64 m_epochMs = 0;
    QHash<QString, std::mt19937_64> m_rngs;
    QHash<QString, qint64> m_ticks;

    QList<Phase> m_phases;
    bool m_paused = false;
    int m_nextParent = 140;
    int m_nextQueueId = 1;
    QList<Workflow> m_workflows;
    QList<Workflow> m_monitored;
    QList<Service> m_services;
    qint64 m_statusChangedMs = 0;
    bool m_debugRoute = false;
    QList<HistoryItem> m_history;
    int m_historyTotal = 0;
    QList<Feature> m_features;
    QList<Webhook> m_webhooks;
    int m_nextAdw = 1;
};
