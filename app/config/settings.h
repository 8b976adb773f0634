#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Every tunable of the engine. The dotted key names are the configuration contract
// ("backoff.initial_ms" is {"backoff":{"initial_ms":...}} in the config file and
// --set backoff.initial_ms=... on the command line).
struct Settings
{
    int staggerStepMs = 100;
    int connectTimeoutMs = 5000;
    int backoffInitialMs = 1000;
    double backoffMultiplier = 2.0;
    int backoffMaxMs = 30000;
    double backoffJitter = 0.5;
    int connectionStableMs = 5000;
    // A close that announces a restart (1001, 1012; Qt 6.4's masked 1002): first try after a
    // jittered delay in [restart_min_ms, restart_max_ms] (plus the feed's stagger slot), then
    // backoff capped at restart_backoff_max_ms until restart_grace_ms, when it escalates.
    int reconnectRestartMinMs = 500;
    int reconnectRestartMaxMs = 2000;
    int reconnectRestartBackoffMaxMs = 5000;
    int reconnectRestartGraceMs = 120000;
    // Automatic attempts of one backend start at least this far apart (herd control).
    int reconnectMinGapMs = 30;
    int circuitFailureThreshold = 10;
    int circuitOpenMs = 300000;
    int heartbeatIntervalMs = 5000;
    int heartbeatTimeoutMs = 5000;
    int qualityExcellentMs = 100;
    int qualityGoodMs = 300;
    int qualityPoorMs = 1000;
    int latencyWindow = 100;
    double latencyEwmaAlpha = 0.2;
    // The quality score's window, and the progressive health built on it (docs/health.md).
    int qualityWindowMs = 300000;
    int healthStaleMs = 120000;   // no WebSocket data for this long: critical
    int healthDegradedScore = 70; // a score below this: degraded (back at this + 10)
    int healthRecoverMs = 30000;  // a better level must hold this long before it is taken
    int healthMaxDrops = 3;       // live links lost within quality.window_ms: unhealthy
    qint64 maxMessageBytes = 16 * 1024 * 1024;
    int commandsAckTimeoutMs = 10000;
    int commandsMaxAttempts = 5;
    int commandsMaxPending = 500;
    // Per WebSocket feed: sent and not yet acked. More wait, in order, until an ack makes room.
    int commandsMaxInFlight = 32;
    int commandsTtlMs = 600000;
    int fallbackPollMs = 10000;
    int fallbackTimeoutMs = 5000;
    // An HTTP snapshot request that takes longer than this in all fails (timeout_ms only
    // catches silence: a body that streams forever never goes silent).
    int fallbackDeadlineMs = 20000;
    // An HTTP snapshot larger than this is refused; 0: limits.max_message_bytes.
    qint64 fallbackMaxBytes = 0;
    // Path of a feed's HTTP snapshot on its backend; {feed} becomes the feed's name.
    QString fallbackPath = QStringLiteral("/api/v1/{feed}");
    // What "offline" (QNetworkInformation) pauses: "public" (feeds whose host is not loopback,
    // private or link-local, which stay reachable without a default route) or "all".
    QString networkOfflinePauses = QStringLiteral("public");

    // What is wrong with one setting: its key and the message (empty: nothing). text() is the
    // "key: message" the configuration's errors use.
    struct Problem
    {
        QString key;
        QString message;
        QString text() const;
    };

    // Sets one key from a JSON value; the problem is keyed, its message empty on success.
    Problem trySet(const QString &key, const QJsonValue &value);
    // Same, as an empty string or an error naming the key.
    QString set(const QString &key, const QJsonValue &value);
    // Same, from command-line text ("250", "1.5").
    QString setFromText(const QString &key, const QString &text);
    // Cross-key checks (e.g. good_ms < poor_ms), each keyed by the setting to change.
    QList<Problem> problems() const;
    // The same as "key: message" texts.
    QStringList validate() const;
    QJsonObject toJson() const;

    static bool isKey(const QString &key);
    // Keys whose value is text, not a number (fallback.path, network.offline_pauses).
    static bool isTextKey(const QString &key);
    static QStringList keys();
};
