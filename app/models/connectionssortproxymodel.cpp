#include "connectionssortproxymodel.h"

#include "connectionsmodel.h"

#include <limits>

namespace {
// Worse sorts higher, so a descending sort puts the trouble first.
int qualityRank(Quality::Tier tier)
{
    switch (tier) {
    case Quality::Tier::Excellent:
        return 0;
    case Quality::Tier::Good:
        return 1;
    case Quality::Tier::Unknown:
        return 2;
    case Quality::Tier::Poor:
        return 3;
    case Quality::Tier::Bad:
        return 4;
    case Quality::Tier::Disconnected:
        return 5;
    }
    return 0;
}

// Unmeasured (-1) sorts after every measurement.
double rttKey(double ms)
{
    return ms < 0 ? std::numeric_limits<double>::max() : ms;
}

double key(const FeedStats &s, int column)
{
    switch (column) {
    case ConnectionsModel::StateColumn:
        return double(s.state);
    case ConnectionsModel::QualityColumn:
        return qualityRank(s.quality);
    case ConnectionsModel::ScoreColumn:
        return s.qualityScore;
    case ConnectionsModel::HealthColumn:
        return double(s.health);
    case ConnectionsModel::PendingCommandsColumn:
        return 0; // not in the stats: sorted by the displayed count below
    case ConnectionsModel::LastRttColumn:
        return rttKey(s.lastRttMs);
    case ConnectionsModel::EwmaRttColumn:
        return rttKey(s.ewmaRttMs);
    case ConnectionsModel::P95RttColumn:
        return rttKey(s.p95RttMs);
    case ConnectionsModel::RetryColumn:
        return s.attempt;
    case ConnectionsModel::TotalRetriesColumn:
        return double(s.totalRetries);
    case ConnectionsModel::CircuitColumn:
        return (s.circuit == Circuit::State::Open           ? 2e6
                    : s.circuit == Circuit::State::HalfOpen ? 1e6
                                                            : 0.0)
            + s.circuitFailures;
    case ConnectionsModel::NextRetryColumn:
        return s.nextRetryWallMs > 0 ? double(s.nextRetryWallMs)
                                     : std::numeric_limits<double>::max();
    case ConnectionsModel::UptimeColumn:
        return s.uptimePercent;
    case ConnectionsModel::MessagesColumn:
        return double(s.messages);
    case ConnectionsModel::ProtocolErrorsColumn:
        return double(s.protocolErrors);
    default:
        return 0;
    }
}
} // namespace

ConnectionsSortProxyModel::ConnectionsSortProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

bool ConnectionsSortProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int column = left.column();
    if (column == ConnectionsModel::FeedColumn || column == ConnectionsModel::LastErrorColumn)
        return QSortFilterProxyModel::lessThan(left, right);
    if (column == ConnectionsModel::PendingCommandsColumn) {
        const int a = left.data().toInt();
        const int b = right.data().toInt();
        if (a != b)
            return a < b;
    }
    const auto a = left.data(ConnectionsModel::StatsRole).value<FeedStats>();
    const auto b = right.data(ConnectionsModel::StatsRole).value<FeedStats>();
    const double ka = key(a, column);
    const double kb = key(b, column);
    if (ka != kb)
        return ka < kb;
    return a.feedId < b.feedId; // stable order among equals
}
