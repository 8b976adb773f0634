#include "settings.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <cmath>
#include <limits>
#include <type_traits>
#include <variant>

using namespace Qt::StringLiterals;

namespace {

using IntField = int Settings::*;
using Int64Field = qint64 Settings::*;
using DoubleField = double Settings::*;
using TextField = QString Settings::*;

struct KeyDef
{
    QLatin1StringView name;
    std::variant<IntField, Int64Field, DoubleField, TextField> field;
    double min;
    double max;
};

// One table drives parsing, validation and printing of every key.
const KeyDef kKeys[] = {
    {"stagger.step_ms"_L1, &Settings::staggerStepMs, 0, 60000},
    {"connect.timeout_ms"_L1, &Settings::connectTimeoutMs, 50, 600000},
    {"backoff.initial_ms"_L1, &Settings::backoffInitialMs, 1, 3600000},
    {"backoff.multiplier"_L1, &Settings::backoffMultiplier, 1.0, 100.0},
    {"backoff.max_ms"_L1, &Settings::backoffMaxMs, 1, 86400000},
    {"backoff.jitter"_L1, &Settings::backoffJitter, 0.0, 1.0},
    {"connection.stable_ms"_L1, &Settings::connectionStableMs, 0, 3600000},
    {"reconnect.restart_min_ms"_L1, &Settings::reconnectRestartMinMs, 0, 600000},
    {"reconnect.restart_max_ms"_L1, &Settings::reconnectRestartMaxMs, 0, 600000},
    {"reconnect.restart_backoff_max_ms"_L1, &Settings::reconnectRestartBackoffMaxMs, 1, 3600000},
    {"reconnect.restart_grace_ms"_L1, &Settings::reconnectRestartGraceMs, 0, 86400000},
    {"reconnect.min_gap_ms"_L1, &Settings::reconnectMinGapMs, 0, 60000},
    {"circuit.failure_threshold"_L1, &Settings::circuitFailureThreshold, 1, 1000000},
    {"circuit.open_ms"_L1, &Settings::circuitOpenMs, 1, 86400000},
    {"heartbeat.interval_ms"_L1, &Settings::heartbeatIntervalMs, 10, 3600000},
    {"heartbeat.timeout_ms"_L1, &Settings::heartbeatTimeoutMs, 10, 3600000},
    {"quality.excellent_ms"_L1, &Settings::qualityExcellentMs, 1, 600000},
    {"quality.good_ms"_L1, &Settings::qualityGoodMs, 1, 600000},
    {"quality.poor_ms"_L1, &Settings::qualityPoorMs, 1, 600000},
    {"latency.window"_L1, &Settings::latencyWindow, 1, 100000},
    {"latency.ewma_alpha"_L1, &Settings::latencyEwmaAlpha, 0.001, 1.0},
    {"quality.window_ms"_L1, &Settings::qualityWindowMs, 1000, 86400000},
    {"health.stale_ms"_L1, &Settings::healthStaleMs, 1000, 86400000},
    {"health.degraded_score"_L1, &Settings::healthDegradedScore, 0, 90},
    {"health.recover_ms"_L1, &Settings::healthRecoverMs, 0, 3600000},
    {"health.max_drops"_L1, &Settings::healthMaxDrops, 1, 1000},
    {"limits.max_message_bytes"_L1, &Settings::maxMessageBytes, 1024, 1073741824.0},
    {"commands.ack_timeout_ms"_L1, &Settings::commandsAckTimeoutMs, 10, 3600000},
    {"commands.max_attempts"_L1, &Settings::commandsMaxAttempts, 1, 1000},
    {"commands.max_pending"_L1, &Settings::commandsMaxPending, 1, 1000000},
    {"commands.max_in_flight"_L1, &Settings::commandsMaxInFlight, 1, 100000},
    {"commands.ttl_ms"_L1, &Settings::commandsTtlMs, 100, 604800000},
    {"fallback.poll_ms"_L1, &Settings::fallbackPollMs, 100, 3600000},
    {"fallback.timeout_ms"_L1, &Settings::fallbackTimeoutMs, 50, 600000},
    {"fallback.deadline_ms"_L1, &Settings::fallbackDeadlineMs, 50, 3600000},
    {"fallback.max_bytes"_L1, &Settings::fallbackMaxBytes, 0, 1073741824.0},
    {"fallback.path"_L1, &Settings::fallbackPath, 0, 0},
    {"network.offline_pauses"_L1, &Settings::networkOfflinePauses, 0, 0},
};

bool isText(const KeyDef &def)
{
    return std::holds_alternative<TextField>(def.field);
}

// The apply functions return what is wrong with the value, without the key: the caller keys it.
QString applyText(Settings &s, const KeyDef &def, const QString &text)
{
    if (def.name == "network.offline_pauses"_L1) {
        if (text != "public"_L1 && text != "all"_L1)
            return u"'%1' must be public or all"_s.arg(text);
        s.*std::get<TextField>(def.field) = text;
        return {};
    }
    // A path on the backend, not a URL: the scheme, host and port come from the server.
    if (!text.startsWith(u'/') || text.contains(u"://"_s) || text.contains(u' '))
        return u"'%1' must be a path starting with / (e.g. /api/v1/{feed})"_s.arg(text);
    s.*std::get<TextField>(def.field) = text;
    return {};
}

const KeyDef *findKey(const QString &key)
{
    for (const KeyDef &def : kKeys) {
        if (def.name == key)
            return &def;
    }
    return nullptr;
}

QString applyNumber(Settings &s, const KeyDef &def, double number)
{
    if (isText(def))
        return u"expected text, got a number"_s;
    if (!std::isfinite(number))
        return QCoreApplication::translate("Config", "not a finite number");
    if (number < def.min || number > def.max) {
        return QCoreApplication::translate("Config", "%1 is out of range [%2, %3]")
            .arg(number)
            .arg(def.min, 0, 'g', 12)
            .arg(def.max, 0, 'g', 12);
    }
    const bool integral = !std::holds_alternative<DoubleField>(def.field);
    if (integral && std::floor(number) != number)
        return QCoreApplication::translate("Config", "expected a whole number, got %1").arg(number);
    std::visit(
        [&](auto field) {
            using T = std::remove_reference_t<decltype(s.*field)>;
            if constexpr (std::is_arithmetic_v<T>)
                s.*field = static_cast<T>(number);
        },
        def.field);
    return {};
}

} // namespace

QString Settings::Problem::text() const
{
    return message.isEmpty() ? QString() : u"%1: %2"_s.arg(key, message);
}

Settings::Problem Settings::trySet(const QString &key, const QJsonValue &value)
{
    const KeyDef *def = findKey(key);
    if (!def)
        return {key, QCoreApplication::translate("Config", "unknown key")};
    if (isText(*def)) {
        if (!value.isString())
            return {key, QCoreApplication::translate("Config", "expected a string")};
        return {key, applyText(*this, *def, value.toString())};
    }
    if (!value.isDouble())
        return {key, QCoreApplication::translate("Config", "expected a number")};
    return {key, applyNumber(*this, *def, value.toDouble())};
}

QString Settings::set(const QString &key, const QJsonValue &value)
{
    return trySet(key, value).text();
}

QString Settings::setFromText(const QString &key, const QString &text)
{
    const KeyDef *def = findKey(key);
    if (!def)
        return u"%1: %2"_s.arg(key, QCoreApplication::translate("Config", "unknown key"));
    if (isText(*def))
        return Problem {key, applyText(*this, *def, text.trimmed())}.text();
    bool ok = false;
    const double number = text.trimmed().toDouble(&ok);
    if (!ok)
        return u"%1: %2"_s.arg(
            key, QCoreApplication::translate("Config", "'%1' is not a number").arg(text));
    return Problem {key, applyNumber(*this, *def, number)}.text();
}

QList<Settings::Problem> Settings::problems() const
{
    QList<Problem> out;
    if (!(qualityExcellentMs < qualityGoodMs && qualityGoodMs < qualityPoorMs))
        out.append({u"quality"_s,
                    QCoreApplication::translate(
                        "Config", "thresholds must rise: excellent_ms < good_ms < poor_ms")});
    if (reconnectRestartMinMs > reconnectRestartMaxMs)
        out.append({u"reconnect.restart_min_ms"_s,
                    QCoreApplication::translate("Config", "larger than reconnect.restart_max_ms")});
    if (backoffInitialMs > backoffMaxMs)
        out.append({u"backoff.initial_ms"_s,
                    QCoreApplication::translate("Config", "larger than backoff.max_ms")});
    return out;
}

QStringList Settings::validate() const
{
    QStringList errors;
    for (const Problem &problem : problems())
        errors << problem.text();
    return errors;
}

QJsonObject Settings::toJson() const
{
    QJsonObject out;
    for (const KeyDef &def : kKeys) {
        const QString name = def.name;
        const QString group = name.section(u'.', 0, 0);
        const QString leaf = name.section(u'.', 1);
        QJsonObject sub = out.value(group).toObject();
        std::visit(
            [&](auto field) {
                using T = std::remove_cvref_t<decltype(this->*field)>;
                if constexpr (std::is_arithmetic_v<T>)
                    sub.insert(leaf, static_cast<double>(this->*field));
                else
                    sub.insert(leaf, this->*field);
            },
            def.field);
        out.insert(group, sub);
    }
    return out;
}

bool Settings::isKey(const QString &key)
{
    return findKey(key) != nullptr;
}

bool Settings::isTextKey(const QString &key)
{
    const KeyDef *def = findKey(key);
    return def && isText(*def);
}

QStringList Settings::keys()
{
    QStringList out;
    for (const KeyDef &def : kKeys)
        out << QString(def.name);
    return out;
}
