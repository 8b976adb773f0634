#pragma once

#include "events/feedevent.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

class QTimer;

// Persistent history in the journal's SQLite file: the last `alertLimit` alerts and each feed's
// last `eventLimit` events (the engine's ring size), so the event log can show what happened in
// earlier sessions. Events are buffered and written in batches, one transaction per batch, on
// the thread this object lives on (the engine's, never the GUI's). Snapshot updates and RTT
// samples are not kept: they would push every meaningful event out of a feed's last 200.
class HistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    explicit HistoryStore(QObject *parent = nullptr);
    ~HistoryStore() override;

    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_open; }
    // What earlier sessions left: alerts and events, oldest first.
    QList<FeedEvent> load() const;

    int alertLimit() const { return m_alertLimit; }
    int eventLimit() const { return m_eventLimit; }
    void setLimits(int alerts, int eventsPerFeed);
    int batchIntervalMs() const;
    void setBatchIntervalMs(int ms);
    // Writes so far (batches, not events), for tests that prove batching.
    int batchesWritten() const { return m_batches; }
    int pendingCount() const { return int(m_pending.size()); }
    static bool isKept(const FeedEvent &event);

public slots:
    void record(const FeedEvent &event);
    // Writes what is buffered now (also on a timer and when the buffer fills).
    void flush();

private:
    QString m_connection;
    bool m_open = false;
    int m_alertLimit = 50;
    int m_eventLimit = 200;
    int m_batches = 0;
    QList<FeedEvent> m_pending;
    QTimer *m_timer = nullptr;
};
