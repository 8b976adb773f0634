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
    int circuitFailureThreshold = 10;
    int circuitOpenMs = 300000;
    int heartbeatIntervalMs = 5000;
    int heartbeatTimeoutMs = 5000;
    int qualityExcellentMs = 100;
    int qualityGoodMs = 300;
    int qualityPoorMs = 1000;
    int latencyWindow = 100;
    double latencyEwmaAlpha = 0.2;
    qint64 maxMessageBytes = 16 * 1024 * 1024;
    int commandsAckTimeoutMs = 10000;
    int commandsMaxAttempts = 5;
    int commandsMaxPending = 500;
    int commandsTtlMs = 600000;
    int fallbackPollMs = 10000;
    int fallbackTimeoutMs = 5000;
    // Path of a feed's HTTP snapshot on its backend; {feed} becomes the feed's name.
    QString fallbackPath = QStringLiteral("/api/v1/{feed}");

    // Sets one key from a JSON value; returns an empty string or an error naming the key.
    QString set(const QString &key, const QJsonValue &value);
    // Same, from command-line text ("250", "1.5").
    QString setFromText(const QString &key, const QString &text);
    // Cross-key checks (e.g. good_ms < poor_ms); returns the errors found.
    QStringList validate() const;
    QJsonObject toJson() const;

    static bool isKey(const QString &key);
    // Keys whose value is text, not a number (fallback.path).
    static bool isTextKey(const QString &key);
    static QStringList keys();
};
