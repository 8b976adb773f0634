#pragma once

#include "connection/feedstats.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

class Clock;

// One row per feed: the connection's health as the engine measured it.
class ConnectionsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsModel)

public:
    enum Column {
        FeedColumn,
        StateColumn,
        QualityColumn,
        ScoreColumn,           // the quality score 0-100 and its trend over a minute
        HealthColumn,          // healthy / degraded / unhealthy / critical, with why
        PendingCommandsColumn, // operator commands waiting for this feed
        LastRttColumn,
        EwmaRttColumn,
        P95RttColumn,
        RetryColumn, // attempts since the last stable connection
        TotalRetriesColumn,
        CircuitColumn,   // "closed 2/10", "open (half-open in 4 min 2 s)"
        NextRetryColumn, // a countdown
        LastErrorColumn,
        UptimeColumn,
        MessagesColumn,
        ProtocolErrorsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        FeedIdRole = Qt::UserRole,
        StateRole,       // Feed::State
        QualityRole,     // Quality::Tier
        StatsRole,       // FeedStats
        DataProblemRole, // bool: live, but the data is not what the profile describes
    };
    Q_ENUM(Role)

    explicit ConnectionsModel(const Clock *clock = nullptr, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The clock countdowns are computed on; the engine's, so the table and the engine agree.
    void setClock(const Clock *clock);
    int rowOf(const QString &feedId) const;
    FeedStats statsAt(int row) const { return m_rows.value(row); }
    QList<FeedStats> allStats() const { return m_rows; }

    static QString stateText(Feed::State state);
    // The state as the operator should read it: "degraded (HTTP)" while HTTP snapshots flow,
    // "HTTP fallback failing" while they do not, the link state otherwise.
    static QString stateText(const FeedStats &stats);
    // One line on HTTP polling; empty when it is off.
    static QString fallbackText(const FeedStats &stats);
    int pendingCommands(const QString &feedId) const { return m_pending.value(feedId); }
    static QString qualityText(Quality::Tier tier);
    // "87 ▲3", "42 ▼12", "—" before the feed started.
    static QString scoreText(int score, int trend);
    static QString healthText(Health::Level level);
    // Why the feed is at its level, and what was done about it; empty when healthy.
    static QString healthReasonText(const QString &reason);
    static QString healthActionText(const QString &action);
    static QString rttText(double ms);

public slots:
    void updateStats(const FeedStats &stats);
    void removeFeed(const QString &feedId);
    void setPendingCommands(const QString &feedId, int pending);
    // Countdowns move with time, not with stats: the view calls this once a second, and the
    // rows with a countdown (an open circuit, a planned retry) announce their cells.
    void tick();

private:
    QString circuitText(const FeedStats &s) const;
    QString nextRetryText(const FeedStats &s) const;

    const Clock *m_clock;
    QList<FeedStats> m_rows;
    QHash<QString, int> m_pending; // kept apart: stats updates do not carry it
};
