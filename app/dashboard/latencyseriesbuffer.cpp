#include "latencyseriesbuffer.h"

#include <algorithm>

LatencySeriesBuffer::LatencySeriesBuffer(qint64 windowMs, qsizetype capacity)
    : m_windowMs(windowMs)
    , m_capacity(std::max<qsizetype>(2, capacity))
{ }

void LatencySeriesBuffer::append(qint64 wallMs, double rttMs)
{
    const QPointF point(double(wallMs), rttMs);
    if (!m_points.isEmpty() && point.x() < m_points.constLast().x()) {
        // Rare (clock steps, replays): keep the order every lookup relies on.
        const auto at = std::upper_bound(m_points.cbegin(), m_points.cend(), point.x(),
                                         [](double x, const QPointF &p) { return x < p.x(); });
        m_points.insert(at - m_points.cbegin(), point);
    } else {
        m_points.append(point);
    }
    // Drop in chunks: removing one point per append would move the whole list every sample.
    if (m_points.size() > m_capacity + m_capacity / 8)
        m_points.remove(0, m_points.size() - m_capacity);
}

void LatencySeriesBuffer::assign(const QList<QPointF> &points)
{
    m_points = points;
    if (m_points.size() > m_capacity)
        m_points.remove(0, m_points.size() - m_capacity);
}

qsizetype LatencySeriesBuffer::firstAtOrAfter(qint64 wallMs) const
{
    const auto it = std::lower_bound(m_points.cbegin(), m_points.cend(), double(wallMs),
                                     [](const QPointF &p, double x) { return p.x() < x; });
    return it - m_points.cbegin();
}

bool LatencySeriesBuffer::trim(qint64 nowWallMs)
{
    qsizetype drop = firstAtOrAfter(nowWallMs - m_windowMs);
    if (m_points.size() - drop > m_capacity)
        drop = m_points.size() - m_capacity;
    if (drop <= 0)
        return false;
    m_points.remove(0, drop);
    return true;
}

QList<QPointF> LatencySeriesBuffer::decimated(qint64 fromMs, qint64 toMs, int buckets) const
{
    const qsizetype begin = firstAtOrAfter(fromMs);
    const qsizetype end = firstAtOrAfter(toMs + 1);
    QList<QPointF> out;
    if (begin >= end)
        return out;
    if (buckets < 1 || end - begin <= qsizetype(buckets) * 2)
        return m_points.mid(begin, end - begin);
    out.reserve(buckets * 2);
    const double span = double(std::max<qint64>(1, toMs - fromMs));
    qsizetype i = begin;
    while (i < end) {
        const int bucket =
            std::min(buckets - 1, int((m_points.at(i).x() - fromMs) / span * buckets));
        QPointF lo = m_points.at(i);
        QPointF hi = lo;
        qsizetype j = i + 1;
        for (; j < end; ++j) {
            const QPointF &p = m_points.at(j);
            if (std::min(buckets - 1, int((p.x() - fromMs) / span * buckets)) != bucket)
                break;
            if (p.y() < lo.y())
                lo = p;
            if (p.y() > hi.y())
                hi = p;
        }
        // Keep the two extremes in time order so the line does not double back.
        if (lo.x() == hi.x()) {
            out.append(lo);
        } else if (lo.x() < hi.x()) {
            out.append(lo);
            out.append(hi);
        } else {
            out.append(hi);
            out.append(lo);
        }
        i = j;
    }
    return out;
}

bool LatencySeriesBuffer::range(qint64 fromMs, double *min, double *max) const
{
    const qsizetype begin = firstAtOrAfter(fromMs);
    if (begin >= m_points.size())
        return false;
    double lo = m_points.at(begin).y();
    double hi = lo;
    for (qsizetype i = begin + 1; i < m_points.size(); ++i) {
        lo = std::min(lo, m_points.at(i).y());
        hi = std::max(hi, m_points.at(i).y());
    }
    *min = lo;
    *max = hi;
    return true;
}
