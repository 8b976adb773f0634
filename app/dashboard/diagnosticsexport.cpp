#include "diagnosticsexport.h"

#include "cli/appinfo.h"
#include "config/configfile.h"
#include "core/redaction.h"
#include "core/zipwriter.h"
#include "dashboard/feedhub.h"
#include "models/eventlogfilterproxymodel.h"
#include "models/eventlogmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSysInfo>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// The configuration file as it may leave the machine: tokens replaced, URLs without their
// credentials, at any depth (backends, feeds).
QJsonValue maskConfig(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(maskConfig(v));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        if (key == "token"_L1 && it.value().isString())
            out.insert(key, QString(Redaction::kMask));
        else if ((key == "server"_L1 || key == "url"_L1 || key == "snapshot_url"_L1)
                 && it.value().isString())
            out.insert(key, Redaction::displayUrl(QUrl(it.value().toString())));
        else
            out.insert(key, maskConfig(it.value()));
    }
    return out;
}

QJsonObject statsJson(const FeedStats &s)
{
    QJsonObject codes;
    for (auto it = s.disconnectsByCode.cbegin(); it != s.disconnectsByCode.cend(); ++it)
        codes.insert(QString::number(it.key()), it.value());
    QJsonObject decisions;
    for (auto it = s.disconnectsByDecision.cbegin(); it != s.disconnectsByDecision.cend(); ++it)
        decisions.insert(it.key(), it.value());
    auto time = [](qint64 wallMs) {
        return wallMs > 0 ? QJsonValue(FeedEvent::isoTimestamp(wallMs)) : QJsonValue();
    };
    QJsonObject restart;
    if (s.restartSinceWallMs > 0) {
        restart = {{u"since"_s, time(s.restartSinceWallMs)},
                   {u"announced"_s, s.restartAnnounced},
                   {u"feeds_back"_s, s.restartFeedsBack},
                   {u"feeds_total"_s, s.restartFeedsTotal}};
    }
    return {
        {u"feed"_s, s.feedId},
        {u"backend"_s, s.backend},
        {u"state"_s, Feed::stateName(s.state)},
        {u"stop_reason"_s, Reconnect::stopReasonName(s.stopReason)},
        {u"attempt"_s, s.attempt},
        {u"attempts"_s, s.totalAttempts},
        {u"retries"_s, s.totalRetries},
        {u"successes"_s, s.successes},
        {u"failures"_s, s.failures},
        {u"last_error"_s, s.lastError},
        {u"last_close_code"_s, s.lastCloseCode},
        {u"close_codes"_s, codes},
        {u"disconnects_by_decision"_s, decisions},
        {u"connected_since"_s, time(s.connectedSinceWallMs)},
        {u"down_since"_s, time(s.downSinceWallMs)},
        {u"next_retry"_s, time(s.nextRetryWallMs)},
        {u"wait"_s, Reconnect::waitName(s.wait)},
        {u"uptime_percent"_s, s.uptimePercent},
        {u"messages"_s, s.messages},
        {u"bytes"_s, s.bytes},
        {u"snapshots"_s, s.snapshots},
        {u"unchanged_snapshots"_s, s.unchangedSnapshots},
        {u"superseded_snapshots"_s, s.supersededSnapshots},
        {u"protocol_errors"_s, s.protocolErrors},
        {u"last_message"_s, time(s.lastMessageWallMs)},
        {u"circuit"_s, Circuit::name(s.circuit)},
        {u"circuit_failures"_s, s.circuitFailures},
        {u"circuit_threshold"_s, s.circuitThreshold},
        {u"quality"_s, Quality::name(s.quality)},
        {u"rtt_ms"_s,
         QJsonObject {{u"last"_s, s.lastRttMs},
                      {u"ewma"_s, s.ewmaRttMs},
                      {u"p50"_s, s.p50RttMs},
                      {u"p95"_s, s.p95RttMs},
                      {u"p99"_s, s.p99RttMs}}},
        {u"heartbeat"_s,
         QJsonObject {{u"pings"_s, s.pingsSent},
                      {u"matched_pongs"_s, s.matchedPongs},
                      {u"unmatched_pongs"_s, s.unmatchedPongs},
                      {u"rejected_rtt_samples"_s, s.rejectedRttSamples},
                      {u"timeouts"_s, s.heartbeatTimeouts}}},
        {u"server_id"_s, s.serverId},
        {u"fallback"_s,
         QJsonObject {{u"degraded"_s, s.degraded},
                      {u"error"_s, s.fallbackError},
                      {u"last_ok"_s, time(s.lastPollOkWallMs)}}},
        {u"restart_incident"_s, restart},
        {u"rows"_s, s.rows},
        {u"data_error"_s, s.dataError},
        {u"routed_in"_s, s.routedIn},
        {u"routed_out"_s, s.routedOut},
        {u"ignored"_s, s.ignored},
    };
}

QByteArray indented(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

void addForms(QStringList &forms, const AuthSpec &auth)
{
    for (const QString &form : Redaction::forms(auth.token)) {
        if (!forms.contains(form))
            forms << form;
    }
}
} // namespace

DiagnosticsExport::DiagnosticsExport(const FeedHub *hub, const QString &configPath)
    : m_hub(hub)
    , m_configPath(configPath.isEmpty() ? ConfigLoader::defaultConfigPath() : configPath)
{
    const Config &config = hub->config();
    for (const BackendSpec &backend : config.backends)
        addForms(m_secretForms, backend.auth);
    for (const FeedSpec &feed : config.feeds)
        addForms(m_secretForms, feed.auth);
    std::sort(m_secretForms.begin(), m_secretForms.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString DiagnosticsExport::defaultFileName(const QDateTime &now)
{
    return u"feedwatch-diagnostics-%1.zip"_s.arg(now.toString(u"yyyyMMdd-HHmm"_s));
}

QByteArray DiagnosticsExport::masked(const QByteArray &text) const
{
    const QString once = Redaction::mask(QString::fromUtf8(text), m_secretForms);
    return Redaction::maskKnown(once).toUtf8();
}

QByteArray DiagnosticsExport::aboutJson(const QDateTime &now) const
{
    return indented({
        {u"application"_s, u"feedwatch"_s},
        {u"version"_s, AppInfo::version()},
        {u"qt_build"_s, QStringLiteral(QT_VERSION_STR)},
        {u"qt_runtime"_s, QString::fromLatin1(qVersion())},
        {u"os"_s, QSysInfo::prettyProductName()},
        {u"kernel"_s, QSysInfo::kernelType() + u' ' + QSysInfo::kernelVersion()},
        {u"cpu"_s, QSysInfo::currentCpuArchitecture()},
        {u"build_abi"_s, QSysInfo::buildAbi()},
        {u"created"_s, FeedEvent::isoTimestamp(now.toMSecsSinceEpoch())},
        {u"config_path"_s, m_configPath},
    });
}

QByteArray DiagnosticsExport::configJson() const
{
    QJsonObject root;
    QString error;
    const bool readable = ConfigFile::read(m_configPath, &root, &error);
    QJsonObject out {{u"path"_s, m_configPath}};
    if (!readable)
        out.insert(u"error"_s, error);
    else
        out.insert(u"file"_s, maskConfig(root));
    return indented(out);
}

QByteArray DiagnosticsExport::effectiveJson() const
{
    const Config &config = m_hub->config();
    QJsonArray backends;
    for (const BackendSpec &b : config.backends) {
        backends.append(QJsonObject {
            {u"name"_s, b.name},
            {u"server"_s, Redaction::displayUrl(b.server)},
            {u"token"_s, b.auth.token.isEmpty() ? u"none"_s : QString(Redaction::kMask)},
            {u"profile"_s, b.profile ? b.profile->name() : QString()},
            {u"timezone"_s, b.timeZoneName},
        });
    }
    QJsonArray feeds;
    for (const FeedSpec &f : config.feeds) {
        feeds.append(QJsonObject {
            {u"id"_s, f.id},
            {u"url"_s, Redaction::displayUrl(f.url)},
            {u"snapshot_url"_s, Redaction::displayUrl(f.snapshotUrl)},
            {u"priority"_s, f.priority},
            {u"settings"_s, f.settings.toJson()},
        });
    }
    return indented({{u"backends"_s, backends},
                     {u"feeds"_s, feeds},
                     {u"settings"_s, config.settings.toJson()}});
}

QByteArray DiagnosticsExport::feedsJson() const
{
    QJsonArray feeds;
    for (const QString &id : m_hub->feedIds())
        feeds.append(statsJson(m_hub->stats(id)));
    return QJsonDocument(feeds).toJson(QJsonDocument::Indented);
}

QByteArray DiagnosticsExport::eventLines(bool history, bool alerts) const
{
    const EventLogModel *log = m_hub->eventLog();
    const QSet<QString> noise = EventLogFilterProxyModel::noiseKinds();
    QList<int> rows;
    for (int r = 0; r < log->rowCount(); ++r) {
        const QString kind = log->eventAt(r).event;
        if ((history && noise.contains(kind)) || (alerts && kind != "alert"_L1))
            continue;
        rows << r;
    }
    if (!history && !alerts && rows.size() > lastEvents)
        rows = rows.mid(rows.size() - lastEvents);
    QByteArray out;
    for (const int r : std::as_const(rows)) {
        FeedEvent event = log->eventAt(r);
        // What the log's row stands for beyond the event itself.
        if (log->countAt(r) > 1)
            event.fields.insert(u"log_folded"_s, log->countAt(r));
        if (log->index(r, 0).data(EventLogModel::EarlierSessionRole).toBool())
            event.fields.insert(u"log_earlier_session"_s, true);
        out += event.toJsonLine() + '\n';
    }
    return out;
}

QList<std::pair<QString, QByteArray>> DiagnosticsExport::files(const QDateTime &now) const
{
    const QByteArray readme =
        "Feedwatch diagnostics. Secrets are masked as ***.\n"
        "about.json      version, Qt, OS\n"
        "config.json     the configuration file\n"
        "effective.json  the configuration in effect (command line included)\n"
        "feeds.json      per feed: state, counters, close codes, latency, restart incident\n"
        "history.jsonl   the connection history (the event log without updates and RTT samples)\n"
        "events.jsonl    the last event-log rows (docs/events.md); log_folded: events folded\n"
        "alerts.jsonl    the alerts in the event log\n";
    return {
        {u"README.txt"_s, readme},
        {u"about.json"_s, masked(aboutJson(now))},
        {u"config.json"_s, masked(configJson())},
        {u"effective.json"_s, masked(effectiveJson())},
        {u"feeds.json"_s, masked(feedsJson())},
        {u"history.jsonl"_s, masked(eventLines(true, false))},
        {u"events.jsonl"_s, masked(eventLines(false, false))},
        {u"alerts.jsonl"_s, masked(eventLines(false, true))},
    };
}

bool DiagnosticsExport::write(const QString &path, QString *error,
                              const std::function<bool(int, int)> &progress) const
{
    const QDateTime now = QDateTime::currentDateTime();
    const QList<std::pair<QString, QByteArray>> entries = files(now);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"%1: %2"_s.arg(path, file.errorString());
        return false;
    }
    const QString folder = defaultFileName(now).chopped(4) + u'/';
    ZipWriter zip(&file);
    for (int i = 0; i < entries.size(); ++i) {
        if (progress && !progress(i, int(entries.size()))) {
            file.cancelWriting();
            *error = u"cancelled"_s;
            return false;
        }
        if (!zip.addFile(folder + entries.at(i).first, entries.at(i).second, now)) {
            file.cancelWriting();
            *error = u"%1: %2"_s.arg(path, zip.errorString());
            return false;
        }
    }
    if (!zip.finish() || !file.commit()) {
        *error = u"%1: %2"_s.arg(path, file.errorString());
        return false;
    }
    if (progress)
        progress(int(entries.size()), int(entries.size()));
    return true;
}
