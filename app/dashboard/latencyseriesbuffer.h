#pragma once

#include <QList>
#include <QPointF>

// The points of one chart line: (wall ms, RTT ms), oldest first, holding only the last
// `windowMs` and at most `capacity` points. decimated() keeps the minimum and maximum of each
// bucket, so a spike survives while a line of 6000 samples draws as a few hundred points.
class LatencySeriesBuffer final
{
public:
    explicit LatencySeriesBuffer(qint64 windowMs = 10 * 60 * 1000, qsizetype capacity = 20000);

    qint64 windowMs() const { return m_windowMs; }
    void setWindowMs(qint64 ms) { m_windowMs = ms; }
    qsizetype capacity() const { return m_capacity; }

    // Appends; a sample older than the newest is inserted in time order.
    void append(qint64 wallMs, double rttMs);
    void assign(const QList<QPointF> &points);
    // Drops what is older than nowWallMs - windowMs; returns whether anything was dropped.
    bool trim(qint64 nowWallMs);
    void clear() { m_points.clear(); }

    qsizetype size() const { return m_points.size(); }
    bool isEmpty() const { return m_points.isEmpty(); }
    const QList<QPointF> &points() const { return m_points; }
    // At most 2 * buckets points over [fromMs, toMs]; the points themselves when they are few.
    QList<QPointF> decimated(qint64 fromMs, qint64 toMs, int buckets) const;
    // Smallest and largest RTT at or after fromMs; false when there is none.
    bool range(qint64 fromMs, double *min, double *max) const;

private:
    qsizetype firstAtOrAfter(qint64 wallMs) const;

    qint64 m_windowMs;
    qsizetype m_capacity;
    QList<QPointF> m_points;
};
