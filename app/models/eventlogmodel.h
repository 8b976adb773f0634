#pragma once

#include "events/feedevent.h"

#include <QAbstractTableModel>
#include <QList>

class QTimer;

// The engine's events for the event log view, newest last. Appends are batched (one
// beginInsertRows per batch) and the log keeps at most `capacity` rows, so a flood of events
// costs the view a few updates a second, not one per event. A feed's `update` and `latency`
// events fold into its row of that kind in the run of such rows at the end of the log (one row
// per feed and kind, with a count), so neither a flood of snapshots nor a day of heartbeats (one
// `latency` per feed every 5 s filled the 10,000 rows in 90 minutes at 9 feeds, in under 2 at
// 480) buries or trims away the disconnect before them.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)

public:
    enum Column { TimeColumn, FeedColumn, EventColumn, DetailsColumn, ColumnCount };
    Q_ENUM(Column)
    // The Event and Details columns show translated text (EventText); these roles keep the
    // stream's own: the kind, and the fields as key=value.
    enum Role {
        EventKindRole = Qt::UserRole,
        FeedIdRole,
        EarlierSessionRole,
        JsonLineRole,
        SummaryRole,
        // How many events the row stands for (folded updates or round trips); 1 for any other row.
        CountRole,
        // The wall time (ms) of the row's first event; the Time column shows its newest.
        FirstWallMsRole
    };
    Q_ENUM(Role)

    explicit EventLogModel(int capacity = 10000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int capacity() const { return m_capacity; }
    // Rows from earlier sessions (persistent history) still in the log; counted as rows come and
    // go (the event log panel asks after every batch, and the log holds up to 10,000 rows).
    int earlierCount() const { return m_earlierRows; }
    FeedEvent eventAt(int row) const { return m_rows.value(row).event; }
    int countAt(int row) const { return m_rows.value(row).count; }
    // On by default; off, every event is a row of its own (rows already folded stay so).
    void setFoldUpdates(bool on) { m_foldUpdates = on; }
    bool foldsUpdates() const { return m_foldUpdates; }
    // Writes every row (or the given rows) as JSON Lines; false with a reason on failure.
    bool exportTo(const QString &path, QString *error, const QList<int> &rows = {}) const;

public slots:
    void append(const FeedEvent &event);
    // Events from an earlier run, shown marked (persistent history).
    void appendEarlier(const QList<FeedEvent> &events);
    void flush();

private:
    struct Row
    {
        FeedEvent event;
        bool earlier = false;
        int count = 1;
        qint64 firstWallMs = 0;
    };
    // The row of `feed` in the trailing run of live `update` rows of `rows`, or -1.
    static bool foldable(const Row &row);
    static qsizetype foldTarget(const QList<Row> &rows, const Row &row);
    void trim();

    int m_capacity;
    QList<Row> m_rows;
    int m_earlierRows = 0;
    QList<Row> m_pending;
    QTimer *m_flushTimer = nullptr;
    bool m_foldUpdates = true;
};
