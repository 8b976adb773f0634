#include "connectionsmodel.h"

#include "core/clock.h"
#include "models/freshness.h"

using namespace Qt::StringLiterals;

ConnectionsModel::ConnectionsModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock ? clock : SystemClock::instance())
{ }

int ConnectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ConnectionsModel::rowOf(const QString &feedId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).feedId == feedId)
            return i;
    }
    return -1;
}

QString ConnectionsModel::stateText(Feed::State state)
{
    switch (state) {
    case Feed::State::Idle:
        return tr("idle");
    case Feed::State::Connecting:
        return tr("connecting");
    case Feed::State::Connected:
        return tr("connected");
    case Feed::State::ReconnectWait:
        return tr("waiting to reconnect");
    case Feed::State::CircuitOpen:
        return tr("circuit open");
    case Feed::State::Offline:
        return tr("offline");
    case Feed::State::Stopped:
        return tr("stopped");
    }
    return {};
}

QString ConnectionsModel::stateText(const FeedStats &s)
{
    switch (s.fallback) {
    case Feed::Fallback::Delivering:
        return tr("degraded (HTTP)");
    case Feed::Fallback::Failing:
        return tr("HTTP fallback failing");
    case Feed::Fallback::Starting:
    case Feed::Fallback::Off:
        break;
    }
    if (s.state == Feed::State::Connected && !s.dataError.isEmpty())
        return tr("connected, unexpected data");
    return stateText(s.state);
}

QString ConnectionsModel::fallbackText(const FeedStats &s)
{
    switch (s.fallback) {
    case Feed::Fallback::Off:
        return {};
    case Feed::Fallback::Starting:
        return tr("HTTP fallback: first request in flight");
    case Feed::Fallback::Delivering:
        return tr("degraded (HTTP): snapshots over HTTP while the WebSocket is %1")
            .arg(stateText(s.state));
    case Feed::Fallback::Failing:
        return tr("HTTP fallback failing: %1").arg(s.fallbackError);
    }
    return {};
}

QString ConnectionsModel::qualityText(Quality::Tier tier)
{
    switch (tier) {
    case Quality::Tier::Disconnected:
        return tr("disconnected");
    case Quality::Tier::Unknown:
        return tr("measuring");
    case Quality::Tier::Excellent:
        return tr("excellent");
    case Quality::Tier::Good:
        return tr("good");
    case Quality::Tier::Poor:
        return tr("poor");
    case Quality::Tier::Bad:
        return tr("bad");
    }
    return {};
}

QString ConnectionsModel::scoreText(int score, int trend)
{
    if (score < 0)
        return u"—"_s;
    // The arrow and the sign both tell the direction: never colour alone.
    if (trend >= 1)
        return tr("%1 ▲%2").arg(score).arg(trend);
    if (trend <= -1)
        return tr("%1 ▼%2").arg(score).arg(-trend);
    return QString::number(score);
}

QString ConnectionsModel::healthText(Health::Level level)
{
    switch (level) {
    case Health::Level::Healthy:
        return tr("healthy");
    case Health::Level::Degraded:
        return tr("degraded");
    case Health::Level::Unhealthy:
        return tr("unhealthy");
    case Health::Level::Critical:
        return tr("critical");
    }
    return {};
}

QString ConnectionsModel::healthReasonText(const QString &reason)
{
    if (reason == "circuit_open"_L1)
        return tr("circuit open");
    if (reason == "no_data"_L1)
        return tr("no data beyond the stale limit");
    if (reason == "heartbeat_miss"_L1)
        return tr("heartbeat missed");
    if (reason == "repeated_drops"_L1)
        return tr("repeated drops");
    if (reason == "pong_late"_L1)
        return tr("pong late");
    if (reason == "low_score"_L1)
        return tr("low quality score");
    return reason;
}

QString ConnectionsModel::healthActionText(const QString &action)
{
    QStringList texts;
    for (const QString &part : action.split(u'+', Qt::SkipEmptyParts)) {
        if (part == "fast_heartbeat"_L1)
            texts << tr("faster heartbeat to confirm");
        else if (part == "normal_heartbeat"_L1)
            texts << tr("heartbeat back to normal");
        else if (part == "await_retry"_L1)
            texts << tr("waiting for the scheduled retry");
        else if (part == "http_fallback"_L1)
            texts << tr("HTTP fallback started");
        else if (part == "stop_fallback"_L1)
            texts << tr("HTTP fallback stopped");
        else if (part == "alert"_L1)
            texts << tr("alert raised");
    }
    return texts.join(u", "_s);
}

QString ConnectionsModel::rttText(double ms)
{
    if (ms < 0)
        return u"—"_s;
    return ms < 10 ? tr("%L1 ms").arg(ms, 0, 'f', 2) : tr("%L1 ms").arg(qRound(ms));
}

QString ConnectionsModel::circuitText(const FeedStats &s) const
{
    switch (s.circuit) {
    case Circuit::State::Closed:
        return tr("closed %1/%2").arg(s.circuitFailures).arg(s.circuitThreshold);
    case Circuit::State::HalfOpen:
        return tr("half-open (probing)");
    case Circuit::State::Open:
        return tr("open, half-open in %1")
            .arg(Freshness::duration(s.halfOpenAtWallMs - m_clock->wallMs()));
    }
    return {};
}

void ConnectionsModel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : SystemClock::instance();
    tick();
}

QString ConnectionsModel::nextRetryText(const FeedStats &s) const
{
    if (s.nextRetryWallMs <= 0)
        return QString();
    return tr("in %1").arg(Freshness::duration(s.nextRetryWallMs - m_clock->wallMs()));
}

QVariant ConnectionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FeedStats &s = m_rows.at(index.row());
    switch (role) {
    case FeedIdRole:
        return s.feedId;
    case StateRole:
        return QVariant::fromValue(s.state);
    case QualityRole:
        return QVariant::fromValue(s.quality);
    case StatsRole:
        return QVariant::fromValue(s);
    case DataProblemRole:
        return s.state == Feed::State::Connected && !s.dataError.isEmpty();
    case Qt::TextAlignmentRole:
        return (index.column() >= LastRttColumn || index.column() == PendingCommandsColumn)
                && index.column() != CircuitColumn && index.column() != NextRetryColumn
                && index.column() != LastErrorColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == LastErrorColumn && !s.lastError.isEmpty())
            return s.lastError;
        if (index.column() == StateColumn && s.fallback != Feed::Fallback::Off)
            return fallbackText(s);
        if (index.column() == StateColumn && !s.dataError.isEmpty())
            return tr("The data is not what the profile describes: %1").arg(s.dataError);
        if (index.column() == HealthColumn && s.health != Health::Level::Healthy) {
            const QString action = healthActionText(s.healthAction);
            return action.isEmpty() ? healthReasonText(s.healthReason)
                                    : tr("%1; %2").arg(healthReasonText(s.healthReason), action);
        }
        if (index.column() == PendingCommandsColumn && m_pending.value(s.feedId) > 0)
            return tr("Operator commands waiting to be delivered: %1")
                .arg(m_pending.value(s.feedId));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case FeedColumn:
        return s.feedId;
    case StateColumn:
        return stateText(s);
    case QualityColumn:
        return qualityText(s.quality);
    case ScoreColumn:
        return scoreText(s.qualityScore, s.qualityTrend);
    case HealthColumn:
        return s.health == Health::Level::Healthy
            ? healthText(s.health)
            : tr("%1: %2").arg(healthText(s.health), healthReasonText(s.healthReason));
    case PendingCommandsColumn: {
        const int pending = m_pending.value(s.feedId);
        return pending > 0 ? QVariant(pending) : QVariant(QString());
    }
    case LastRttColumn:
        return rttText(s.lastRttMs);
    case EwmaRttColumn:
        return rttText(s.ewmaRttMs);
    case P95RttColumn:
        return rttText(s.p95RttMs);
    case RetryColumn:
        return s.attempt;
    case TotalRetriesColumn:
        return s.totalRetries;
    case CircuitColumn:
        return circuitText(s);
    case NextRetryColumn:
        return nextRetryText(s);
    case LastErrorColumn:
        if (s.lastError.isEmpty())
            return QString();
        return s.lastCloseCode ? u"%1 (%2)"_s.arg(s.lastError).arg(s.lastCloseCode) : s.lastError;
    case UptimeColumn:
        return tr("%L1 %").arg(s.uptimePercent, 0, 'f', 1);
    case MessagesColumn:
        return s.messages;
    case ProtocolErrorsColumn:
        return s.protocolErrors;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ConnectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case FeedColumn:
        return tr("Feed");
    case StateColumn:
        return tr("State");
    case QualityColumn:
        return tr("Quality");
    case ScoreColumn:
        return tr("Score");
    case HealthColumn:
        return tr("Health");
    case PendingCommandsColumn:
        return tr("Commands");
    case LastRttColumn:
        return tr("RTT");
    case EwmaRttColumn:
        return tr("RTT (avg)");
    case P95RttColumn:
        return tr("RTT p95");
    case RetryColumn:
        return tr("Retry");
    case TotalRetriesColumn:
        return tr("Total retries");
    case CircuitColumn:
        return tr("Circuit");
    case NextRetryColumn:
        return tr("Next retry");
    case LastErrorColumn:
        return tr("Last error");
    case UptimeColumn:
        return tr("Uptime");
    case MessagesColumn:
        return tr("Messages");
    case ProtocolErrorsColumn:
        return tr("Protocol errors");
    case ColumnCount:
        break;
    }
    return {};
}

void ConnectionsModel::updateStats(const FeedStats &stats)
{
    const int row = rowOf(stats.feedId);
    if (row < 0) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(stats);
        endInsertRows();
        return;
    }
    m_rows[row] = stats;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ConnectionsModel::setPendingCommands(const QString &feedId, int pending)
{
    if (m_pending.value(feedId) == pending)
        return;
    if (pending > 0)
        m_pending.insert(feedId, pending);
    else
        m_pending.remove(feedId);
    const int row = rowOf(feedId);
    if (row >= 0)
        emit dataChanged(index(row, PendingCommandsColumn), index(row, PendingCommandsColumn));
}

void ConnectionsModel::removeFeed(const QString &feedId)
{
    const int row = rowOf(feedId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ConnectionsModel::tick()
{
    // Only a countdown moves with time: an open circuit's half-open time and a planned retry.
    // A connected feed's cells stay as they are, and the view repaints nothing for them.
    for (int row = 0; row < int(m_rows.size()); ++row) {
        const FeedStats &s = m_rows.at(row);
        const bool circuit = s.circuit == Circuit::State::Open;
        const bool retry = s.nextRetryWallMs > 0;
        if (circuit || retry) {
            emit dataChanged(index(row, circuit ? CircuitColumn : NextRetryColumn),
                             index(row, retry ? NextRetryColumn : CircuitColumn),
                             {Qt::DisplayRole});
        }
    }
}
