#pragma once

#include <QJsonValue>
#include <QObject>
#include <QTimer>

#include <optional>

class Clock;

// Sits between the connection engine and a FeedTableModel so a burst of snapshots reaches the
// model at most once per interval (default 33 ms, ~30 per second). The first snapshot after a
// quiet period goes through at once; later ones replace the pending one (latest wins), which is
// delivered when the interval has elapsed.
class SnapshotCoalescer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotCoalescer)

public:
    static constexpr int DefaultIntervalMs = 33;

    // `clock` defaults to the system clock; it must outlive the coalescer.
    explicit SnapshotCoalescer(Clock *clock = nullptr, QObject *parent = nullptr);

    int intervalMs() const { return m_intervalMs; }
    void setIntervalMs(int ms);
    bool hasPending() const { return m_pending.has_value(); }

public slots:
    void submit(const QJsonValue &data);
    // Delivers the pending snapshot if its interval has elapsed on the clock. The timer calls
    // this; tests with a manual clock call it directly.
    void flushDue();

signals:
    void snapshotReady(const QJsonValue &data);

private:
    void deliver(const QJsonValue &data, qint64 now);
    void scheduleFlush(qint64 now);

    Clock *m_clock = nullptr;
    QTimer m_timer;
    int m_intervalMs = DefaultIntervalMs;
    std::optional<qint64> m_lastDeliveryMs;
    std::optional<QJsonValue> m_pending;
};
