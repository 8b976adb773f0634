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
    {"circuit.failure_threshold"_L1, &Settings::circuitFailureThreshold, 1, 1000000},
    {"circuit.open_ms"_L1, &Settings::circuitOpenMs, 1, 86400000},
    {"heartbeat.interval_ms"_L1, &Settings::heartbeatIntervalMs, 10, 3600000},
    {"heartbeat.timeout_ms"_L1, &Settings::heartbeatTimeoutMs, 10, 3600000},
    {"quality.excellent_ms"_L1, &Settings::qualityExcellentMs, 1, 600000},
    {"quality.good_ms"_L1, &Settings::qualityGoodMs, 1, 600000},
    {"quality.poor_ms"_L1, &Settings::qualityPoorMs, 1, 600000},
    {"latency.window"_L1, &Settings::latencyWindow, 1, 100000},
    {"latency.ewma_alpha"_L1, &Settings::latencyEwmaAlpha, 0.001, 1.0},
    {"limits.max_message_bytes"_L1, &Settings::maxMessageBytes, 1024, 1073741824.0},
    {"commands.ack_timeout_ms"_L1, &Settings::commandsAckTimeoutMs, 10, 3600000},
    {"commands.max_attempts"_L1, &Settings::commandsMaxAttempts, 1, 1000},
    {"commands.max_pending"_L1, &Settings::commandsMaxPending, 1, 1000000},
    {"commands.ttl_ms"_L1, &Settings::commandsTtlMs, 100, 604800000},
    {"fallback.poll_ms"_L1, &Settings::fallbackPollMs, 100, 3600000},
    {"fallback.timeout_ms"_L1, &Settings::fallbackTimeoutMs, 50, 600000},
    {"fallback.path"_L1, &Settings::fallbackPath, 0, 0},
};

bool isText(const KeyDef &def)
{
    return std::holds_alternative<TextField>(def.field);
}

QString applyText(Settings &s, const KeyDef &def, const QString &text)
{
    // A path on the backend, not a URL: the scheme, host and port come from the server.
    if (!text.startsWith(u'/') || text.contains(u"://"_s) || text.contains(u' '))
        return u"%1: '%2' must be a path starting with / (e.g. /api/v1/{feed})"_s.arg(def.name,
                                                                                      text);
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
        return u"%1: expected text, got a number"_s.arg(def.name);
    if (!std::isfinite(number))
        return u"%1: %2"_s.arg(def.name,
                               QCoreApplication::translate("Config", "not a finite number"));
    if (number < def.min || number > def.max) {
        return u"%1: %2"_s.arg(def.name,
                               QCoreApplication::translate("Config", "%1 is out of range [%2, %3]")
                                   .arg(number)
                                   .arg(def.min, 0, 'g', 12)
                                   .arg(def.max, 0, 'g', 12));
    }
    const bool integral = !std::holds_alternative<DoubleField>(def.field);
    if (integral && std::floor(number) != number)
        return u"%1: %2"_s.arg(
            def.name,
            QCoreApplication::translate("Config", "expected a whole number, got %1").arg(number));
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

QString Settings::set(const QString &key, const QJsonValue &value)
{
    const KeyDef *def = findKey(key);
    if (!def)
        return u"%1: %2"_s.arg(key, QCoreApplication::translate("Config", "unknown key"));
    if (isText(*def)) {
        if (!value.isString())
            return u"%1: %2"_s.arg(key, QCoreApplication::translate("Config", "expected a string"));
        return applyText(*this, *def, value.toString());
    }
    if (!value.isDouble())
        return u"%1: %2"_s.arg(key, QCoreApplication::translate("Config", "expected a number"));
    return applyNumber(*this, *def, value.toDouble());
}

QString Settings::setFromText(const QString &key, const QString &text)
{
    const KeyDef *def = findKey(key);
    if (!def)
        return u"%1: %2"_s.arg(key, QCoreApplication::translate("Config", "unknown key"));
    if (isText(*def))
        return applyText(*this, *def, text.trimmed());
    bool ok = false;
    const double number = text.trimmed().toDouble(&ok);
    if (!ok)
        return u"%1: %2"_s.arg(
            key, QCoreApplication::translate("Config", "'%1' is not a number").arg(text));
    return applyNumber(*this, *def, number);
}

QStringList Settings::validate() const
{
    QStringList errors;
    if (!(qualityExcellentMs < qualityGoodMs && qualityGoodMs < qualityPoorMs))
        errors << u"quality: "_s
                + QCoreApplication::translate(
                      "Config", "thresholds must rise: excellent_ms < good_ms < poor_ms");
    if (backoffInitialMs > backoffMaxMs)
        errors << u"backoff.initial_ms: "_s
                + QCoreApplication::translate("Config", "larger than backoff.max_ms");
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
