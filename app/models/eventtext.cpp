#include "eventtext.h"

#include "models/connectionsmodel.h"
#include "models/freshness.h"

#include <QHash>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
struct Kind
{
    QString kind;
    const char *text;
};

const QList<Kind> &kinds()
{
    static const QList<Kind> all = {
        {u"state"_s, QT_TRANSLATE_NOOP("EventText", "State")},
        {u"attempt"_s, QT_TRANSLATE_NOOP("EventText", "Attempt")},
        {u"connected"_s, QT_TRANSLATE_NOOP("EventText", "Connected")},
        {u"stable"_s, QT_TRANSLATE_NOOP("EventText", "Stable")},
        {u"disconnected"_s, QT_TRANSLATE_NOOP("EventText", "Disconnected")},
        {u"retry_scheduled"_s, QT_TRANSLATE_NOOP("EventText", "Retry scheduled")},
        {u"circuit"_s, QT_TRANSLATE_NOOP("EventText", "Circuit breaker")},
        {u"heartbeat_timeout"_s, QT_TRANSLATE_NOOP("EventText", "Heartbeat timeout")},
        {u"latency"_s, QT_TRANSLATE_NOOP("EventText", "Latency")},
        {u"quality"_s, QT_TRANSLATE_NOOP("EventText", "Quality")},
        {u"score"_s, QT_TRANSLATE_NOOP("EventText", "Quality score")},
        {u"health"_s, QT_TRANSLATE_NOOP("EventText", "Health")},
        {u"update"_s, QT_TRANSLATE_NOOP("EventText", "Snapshot")},
        {u"degraded"_s, QT_TRANSLATE_NOOP("EventText", "HTTP polling")},
        {u"poll_error"_s, QT_TRANSLATE_NOOP("EventText", "Polling error")},
        {u"command"_s, QT_TRANSLATE_NOOP("EventText", "Command")},
        {u"protocol_error"_s, QT_TRANSLATE_NOOP("EventText", "Protocol error")},
        {u"hello"_s, QT_TRANSLATE_NOOP("EventText", "Server hello")},
        {u"server_restart"_s, QT_TRANSLATE_NOOP("EventText", "Server restart")},
        {u"server_restarting"_s, QT_TRANSLATE_NOOP("EventText", "Server restarting")},
        {u"restart_complete"_s, QT_TRANSLATE_NOOP("EventText", "Restart complete")},
        {u"server_down"_s, QT_TRANSLATE_NOOP("EventText", "Server down")},
        {u"pong_unmatched"_s, QT_TRANSLATE_NOOP("EventText", "Unmatched pong")},
        {u"rtt_rejected"_s, QT_TRANSLATE_NOOP("EventText", "RTT rejected")},
        {u"server_error"_s, QT_TRANSLATE_NOOP("EventText", "Server error")},
        {u"auth_error"_s, QT_TRANSLATE_NOOP("EventText", "Not authorized")},
        {u"config_error"_s, QT_TRANSLATE_NOOP("EventText", "Configuration error")},
        {u"tls_error"_s, QT_TRANSLATE_NOOP("EventText", "Certificate refused")},
        {u"tls_pinned"_s, QT_TRANSLATE_NOOP("EventText", "Trusted certificate")},
        {u"manual_reconnect"_s, QT_TRANSLATE_NOOP("EventText", "Manual reconnect")},
        {u"test_connection"_s, QT_TRANSLATE_NOOP("EventText", "Connection test")},
        {u"engine_started"_s, QT_TRANSLATE_NOOP("EventText", "Engine started")},
        {u"engine_stopped"_s, QT_TRANSLATE_NOOP("EventText", "Engine stopped")},
        {u"network"_s, QT_TRANSLATE_NOOP("EventText", "Network")},
        {u"commands_recovered"_s, QT_TRANSLATE_NOOP("EventText", "Commands recovered")},
        {u"network_backend"_s, QT_TRANSLATE_NOOP("EventText", "Network monitor")},
        {u"alert"_s, QT_TRANSLATE_NOOP("EventText", "Alert")},
        {u"rule_error"_s, QT_TRANSLATE_NOOP("EventText", "Rule error")},
        {u"alert_exec"_s, QT_TRANSLATE_NOOP("EventText", "Alert command failed")},
        {u"storage"_s, QT_TRANSLATE_NOOP("EventText", "Journal storage")},
        {u"metrics"_s, QT_TRANSLATE_NOOP("EventText", "Prometheus metrics")},
    };
    return all;
}

Feed::State stateFromName(const QString &name, bool *ok)
{
    for (const Feed::State s : {Feed::State::Idle, Feed::State::Connecting, Feed::State::Connected,
                                Feed::State::ReconnectWait, Feed::State::CircuitOpen,
                                Feed::State::Offline, Feed::State::Stopped}) {
        if (Feed::stateName(s) == name) {
            *ok = true;
            return s;
        }
    }
    *ok = false;
    return Feed::State::Idle;
}

QString qualityLabel(const QString &name)
{
    for (const Quality::Tier t :
         {Quality::Tier::Disconnected, Quality::Tier::Unknown, Quality::Tier::Excellent,
          Quality::Tier::Good, Quality::Tier::Poor, Quality::Tier::Bad}) {
        if (Quality::name(t) == name)
            return ConnectionsModel::qualityText(t);
    }
    return name;
}

// Codes, attempts and counts: no group separator ("1006", not "1,006").
QString number(const QJsonValue &v)
{
    return QString::number(qint64(v.toDouble()));
}

QString bytes(const QJsonValue &v)
{
    return QLocale().toString(qint64(v.toDouble()));
}

QString ms(const QJsonValue &v)
{
    return ConnectionsModel::rttText(v.toDouble(-1));
}
} // namespace

QString EventText::kindText(const QString &kind)
{
    for (const Kind &k : kinds()) {
        if (k.kind == kind)
            return tr(k.text);
    }
    return kind;
}

QStringList EventText::knownKinds()
{
    QStringList out;
    for (const Kind &k : kinds())
        out << k.kind;
    return out;
}

QString EventText::details(const FeedEvent &e)
{
    const QJsonObject &f = e.fields;
    auto str = [&f](const char *key) {
        return f.value(QLatin1StringView(key)).toString();
    };
    auto val = [&f](const char *key) {
        return f.value(QLatin1StringView(key));
    };
    const QString &k = e.event;

    if (k == "state"_L1) {
        bool ok = false;
        const Feed::State state = stateFromName(str("state"), &ok);
        const QString label = ok ? ConnectionsModel::stateText(state) : str("state");
        const QString reason = str("reason");
        if (reason == "manual"_L1)
            return tr("%1 by the operator").arg(label);
        if (reason == "auth"_L1)
            return tr("%1: not authorized").arg(label);
        if (reason == "config"_L1)
            return tr("%1: configuration error").arg(label);
        if (reason == "tls"_L1)
            return tr("%1: certificate not trusted").arg(label);
        return reason.isEmpty() ? label : tr("%1 (%2)").arg(label, reason);
    }
    if (k == "attempt"_L1)
        return tr("attempt %1 to %2").arg(number(val("attempt")), str("url"));
    if (k == "connected"_L1)
        return tr("attempt %1, handshake in %2").arg(number(val("attempt")), ms(val("connect_ms")));
    if (k == "stable"_L1)
        return tr("up for %1: attempts, backoff and circuit reset")
            .arg(Freshness::duration(qint64(val("uptime_ms").toDouble())));
    if (k == "disconnected"_L1) {
        // A server that is still booting is the normal backoff, not an error.
        if (val("refused").toBool())
            return tr("server not accepting connections yet; will retry");
        const QString reason = str("reason");
        const QString code = number(val("code"));
        QString text = val("was_connected").toBool()
            ? tr("closed after %1: %2 (code %3)")
                  .arg(Freshness::duration(qint64(val("uptime_ms").toDouble())), reason, code)
            : tr("attempt failed: %1 (code %2)").arg(reason, code);
        const QString decision = str("decision");
        if (decision == "retry"_L1)
            text = tr("%1; will retry").arg(text);
        else if (decision == "retry_after_max"_L1)
            text = tr("%1; will retry after the longest delay").arg(text);
        else if (decision == "retry_restart"_L1)
            text = tr("%1; the server is restarting: reconnecting soon").arg(text);
        else if (decision == "retry_not_ready"_L1)
            text = tr("%1; the server is not ready yet: will retry").arg(text);
        else if (decision == "stop_refused"_L1)
            text = tr("%1; stopped: refused (unknown path, or credentials refused)").arg(text);
        else if (decision == "stop_auth"_L1)
            text = tr("%1; stopped: not authorized").arg(text);
        else if (decision == "stop_config"_L1)
            text = tr("%1; stopped: configuration error").arg(text);
        else if (decision == "stop_tls"_L1)
            text = tr("%1; stopped: certificate not trusted").arg(text);
        return text;
    }
    if (k == "retry_scheduled"_L1) {
        const QString delay = Freshness::duration(qint64(val("delay_ms").toDouble()));
        const QString reason = str("reason");
        if (reason == "circuit_open"_L1)
            return tr("attempt %1 in %2, when the circuit half-opens")
                .arg(number(val("attempt")), delay);
        return reason.isEmpty()
            ? tr("attempt %1 in %2").arg(number(val("attempt")), delay)
            : tr("attempt %1 in %2 (%3)").arg(number(val("attempt")), delay, reason);
    }
    if (k == "circuit"_L1) {
        const QString state = str("state");
        const int failures = val("failures").toInt();
        QString text;
        if (state == "open"_L1)
            text = tr("open after %n failure(s), for %1", nullptr, failures)
                       .arg(Freshness::duration(qint64(val("open_ms").toDouble())));
        else if (state == "half_open"_L1)
            text = tr("half-open: one probe attempt");
        else if (state == "closed"_L1)
            text = tr("closed");
        else
            text = state;
        const QString reason = str("reason");
        return reason == "manual reconnect"_L1 ? tr("%1 by a manual reconnect").arg(text) : text;
    }
    if (k == "heartbeat_timeout"_L1)
        return tr("no pong within %1: the link is dead and was aborted").arg(ms(val("waited_ms")));
    if (k == "latency"_L1) {
        const QString source = str("source");
        const QString via = source == "ws"_L1 ? tr("ping frame")
            : source == "app"_L1              ? tr("JSON ping")
                                              : source;
        return tr("%1 · %2 · %3").arg(ms(val("rtt_ms")), qualityLabel(str("quality")), via);
    }
    if (k == "quality"_L1) {
        const QString label = qualityLabel(str("quality"));
        return str("reason") == "pong_overdue"_L1
            ? tr("%1: no pong for %2").arg(label, ms(val("waited_ms")))
            : label;
    }
    if (k == "score"_L1) {
        const QString latency =
            val("latency").isNull() ? tr("no sample") : tr("%1 %").arg(val("latency").toInt());
        return tr("%1 of 100 (latency %2, attempts %3 %, uptime %4 %, freshness %5 %), trend %6")
            .arg(val("score").toInt())
            .arg(latency)
            .arg(val("success").toInt())
            .arg(val("uptime").toInt())
            .arg(val("freshness").toInt())
            .arg(val("trend").toInt());
    }
    if (k == "health"_L1) {
        Health::Level level = Health::Level::Healthy;
        for (const Health::Level l :
             {Health::Level::Degraded, Health::Level::Unhealthy, Health::Level::Critical}) {
            if (str("level") == Health::name(l))
                level = l;
        }
        QString text = ConnectionsModel::healthText(level);
        if (!str("reason").isEmpty())
            text = tr("%1: %2").arg(text, ConnectionsModel::healthReasonText(str("reason")));
        const QString action = ConnectionsModel::healthActionText(str("action"));
        return action.isEmpty()
            ? tr("%1 (score %2)").arg(text).arg(val("score").toInt())
            : tr("%1 (score %2) — %3").arg(text).arg(val("score").toInt()).arg(action);
    }
    if (k == "update"_L1) {
        QString text = val("changed").toBool(true)
            ? tr("%1: %2 bytes").arg(str("type"), bytes(val("bytes")))
            : tr("%1: %2 bytes, identical to the last one").arg(str("type"), bytes(val("bytes")));
        if (str("source") == "http"_L1)
            text = tr("%1, over HTTP").arg(text);
        return text;
    }
    if (k == "degraded"_L1)
        return val("active").toBool()
            ? tr("on: snapshots from %1 while the WebSocket cannot deliver").arg(str("url"))
            : tr("off: the WebSocket delivers again");
    if (k == "poll_error"_L1)
        return tr("HTTP snapshot request failed: %1").arg(str("error"));
    if (k == "command"_L1) {
        static const QHash<QString, const char *> statuses = {
            {u"queued"_s, QT_TR_NOOP("queued")},      {u"sent"_s, QT_TR_NOOP("sent")},
            {u"acked"_s, QT_TR_NOOP("acknowledged")}, {u"failed"_s, QT_TR_NOOP("failed")},
            {u"expired"_s, QT_TR_NOOP("expired")},    {u"cancelled"_s, QT_TR_NOOP("cancelled")},
        };
        const char *status = statuses.value(str("status"));
        QString text = tr("%1 (%2): %3, attempts: %4")
                           .arg(str("name"), str("id"), status ? tr(status) : str("status"),
                                number(val("attempts")));
        const QString error = str("error");
        return error.isEmpty() ? text : tr("%1 — %2").arg(text, error);
    }
    if (k == "protocol_error"_L1)
        return tr("%1 (%2 bytes)").arg(str("error"), bytes(val("bytes")));
    if (k == "hello"_L1)
        return tr("server %1, connection %2").arg(str("server_id"), str("connection_id"));
    if (k == "server_restart"_L1) {
        if (e.fields.contains("downtime_ms"_L1) && e.fields.contains("backend"_L1))
            return tr("%1: the server is back after %2")
                .arg(str("backend"), ms(val("downtime_ms")));
        return tr("server id changed from %1 to %2")
            .arg(str("previous_server_id"), str("server_id"));
    }
    if (k == "server_restarting"_L1)
        return val("announced").toBool()
            ? tr("%1: the server is restarting (%2)").arg(str("backend"), str("evidence"))
            : tr("%1: the server is restarting or unreachable (%2)")
                  .arg(str("backend"), str("evidence"));
    if (k == "restart_complete"_L1)
        return tr("%1: %n feed(s) back after %2", nullptr, val("feeds_back").toInt())
            .arg(str("backend"), ms(val("recovered_ms")));
    if (k == "server_down"_L1)
        return tr("%1: not back after %2, %n feed(s) down", nullptr, val("feeds_down").toInt())
            .arg(str("backend"), ms(val("down_ms")));
    if (k == "pong_unmatched"_L1)
        return tr("a pong that answers none of our pings (%1): counted, not measured")
            .arg(str("source") == "app"_L1 ? tr("JSON pong") : tr("pong frame"));
    if (k == "rtt_rejected"_L1)
        return tr("%1 rejected: %2").arg(ms(val("rtt_ms")), str("reason"));
    if (k == "server_error"_L1)
        return tr("the server says: %1").arg(str("message"));
    if (k == "auth_error"_L1)
        return tr("%1 — no automatic retries until a manual reconnect").arg(str("error"));
    if (k == "config_error"_L1)
        return tr("%1 — stopped until a manual reconnect").arg(str("error"));
    // The engine's own text names the problem, host:port, fingerprint and fix (it stays English,
    // like every engine reason).
    if (k == "tls_error"_L1)
        return tr("%1 — stopped until a manual reconnect").arg(str("error"));
    if (k == "tls_pinned"_L1)
        return tr("%1:%2 presented the certificate trusted for it (SHA-256 %3)")
            .arg(str("host"), number(val("port")), str("fingerprint_sha256"));
    if (k == "manual_reconnect"_L1)
        return tr("backoff and circuit reset");
    if (k == "test_connection"_L1)
        return val("ok").toBool()
            ? tr("ok: RTT %1, handshake %2").arg(ms(val("rtt_ms")), ms(val("connect_ms")))
            : tr("failed: %1").arg(str("error"));
    if (k == "engine_started"_L1)
        return tr("%n feed(s), started %1 apart", nullptr, val("feeds").toInt())
            .arg(ms(val("stagger_ms")));
    if (k == "engine_stopped"_L1)
        return tr("clean shutdown");
    if (k == "network"_L1)
        return val("online").toBool() ? tr("online: retrying now") : tr("offline: retries paused");
    if (k == "commands_recovered"_L1)
        return tr("%n unfinished command(s) taken over from the journal", nullptr,
                  val("count").toInt());
    if (k == "network_backend"_L1)
        return str("backend").isEmpty() ? tr("none: the network counts as always online")
                                        : tr("reachability from %1").arg(str("backend"));
    if (k == "alert"_L1) // the engine wrote the sentence; keep it as it is
        return str("message");
    if (k == "storage"_L1) {
        if (!str("id").isEmpty())
            return val("journaled").toBool()
                ? tr("journal write failed (%1): command %2 goes on").arg(str("error"), str("id"))
                : tr("journal write failed (%1): command %2 refused, not sent")
                      .arg(str("error"), str("id"));
        if (val("journaled").toBool())
            return tr("%1: the history cannot be kept (%2); commands are journaled")
                .arg(str("path"), str("error"));
        return tr("%1 cannot be used (%2): commands are kept in memory only, no history")
            .arg(str("path"), str("error"));
    }
    if (k == "metrics"_L1)
        return str("error").isEmpty()
            ? tr("served at %1").arg(str("url"))
            : tr("cannot listen on %1: %2").arg(str("listen"), str("error"));
    return e.summary();
}
