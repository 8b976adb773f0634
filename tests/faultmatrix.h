#pragma once

// Shared by the tst_faultmatrix_* executables: fast settings, feed specs and engine configs that
// point at a FaultProxy, and an event log stamped with a monotonic clock, so every figure a
// matrix cell prints is computed from the engine's own events.

#include "config/config.h"
#include "events/feedevent.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <functional>

namespace FaultMatrix {

// Every delay is exact (jitter 0) and short, so a hundred cycles fit in seconds.
inline Settings fastSettings()
{
    Settings s;
    s.staggerStepMs = 10;
    s.backoffInitialMs = 20;
    s.backoffMultiplier = 2;
    s.backoffMaxMs = 2000;
    s.backoffJitter = 0;
    s.connectionStableMs = 50;
    s.circuitFailureThreshold = 100;
    s.circuitOpenMs = 300;
    s.heartbeatIntervalMs = 100;
    s.heartbeatTimeoutMs = 300;
    s.connectTimeoutMs = 300;
    // A restart close (1001, 1012) reconnects after exactly this (plus the feed's stagger
    // slot), and attempts are not spaced by herd control: every delay stays exact. The deploy
    // test (tst_deployrestart) measures both with the defaults.
    s.reconnectRestartMinMs = 20;
    s.reconnectRestartMaxMs = 20;
    s.reconnectMinGapMs = 0;
    return s;
}

inline FeedSpec feedSpec(const QUrl &base, const Settings &settings,
                         const QString &name = QStringLiteral("queue"))
{
    const BackendSpec backend {QStringLiteral("default"), base, {}};
    FeedSpec spec = ConfigLoader::makeFeed(backend, name, settings, false);
    spec.snapshotUrl =
        QUrl(); // the matrix measures the WebSocket path; tst_degradedmode the HTTP one
    return spec;
}

// An engine config for `feeds` on `base`, every feed with `settings`.
inline Config engineConfig(const QUrl &base, const QStringList &feeds, const Settings &settings)
{
    ConfigOverrides overrides;
    overrides.server = base.toString();
    overrides.feeds = feeds;
    ConfigResult result = ConfigLoader::fromJson(settings.toJson(), overrides);
    if (!result.ok())
        qFatal("bad matrix config: %s", qPrintable(result.errors.join(u'\n')));
    for (FeedSpec &feed : result.config.feeds)
        feed.snapshotUrl = QUrl();
    return result.config;
}

// Runs a real event loop until `done` or the timeout. Unlike QTRY_* and qWaitFor, which sleep
// 10 ms between passes, timers of 1 ms keep their pace here (slicing, bandwidth).
inline bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(2);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || clock.hasExpired(timeoutMs))
            loop.quit();
    });
    poll.start();
    loop.exec();
    return done();
}

struct TimedEvent
{
    qint64 atMs = 0; // monotonic, since the log was created
    FeedEvent event;
    double number(const char *field) const
    {
        return event.fields.value(QLatin1StringView(field)).toDouble();
    }
};

class TimedEventLog final : public QObject
{
public:
    template<typename Source>
    explicit TimedEventLog(Source *source, QObject *parent = nullptr)
        : QObject(parent)
    {
        m_clock.start();
        connect(source, &Source::eventRaised, this, [this](const FeedEvent &e) {
            m_events.append({m_clock.elapsed(), e});
        });
    }

    qint64 nowMs() const { return m_clock.elapsed(); }
    const QList<TimedEvent> &events() const { return m_events; }

    // Events of `kind` (and of `feed` unless empty) at or after `fromMs`.
    QList<TimedEvent> ofKind(const QString &kind, const QString &feed = {}, qint64 fromMs = 0) const
    {
        QList<TimedEvent> out;
        for (const TimedEvent &t : m_events) {
            if (t.event.event == kind && (feed.isEmpty() || t.event.feed == feed)
                && t.atMs >= fromMs)
                out.append(t);
        }
        return out;
    }
    int count(const QString &kind, const QString &feed = {}, qint64 fromMs = 0) const
    {
        return int(ofKind(kind, feed, fromMs).size());
    }

    // For every attempt that a retry_scheduled announced: how late it started, in ms, against
    // the announced delay. Negative would mean early.
    QList<qint64> reconnectLateness(const QString &feed) const
    {
        QList<qint64> out;
        qint64 dueAt = -1;
        for (const TimedEvent &t : m_events) {
            if (t.event.feed != feed)
                continue;
            if (t.event.event == QLatin1StringView("retry_scheduled")) {
                dueAt = t.atMs + qint64(t.number("delay_ms"));
            } else if (t.event.event == QLatin1StringView("attempt") && dueAt >= 0) {
                out.append(t.atMs - dueAt);
                dueAt = -1;
            }
        }
        return out;
    }

private:
    QElapsedTimer m_clock;
    QList<TimedEvent> m_events;
};

// min / p50 / p95 / max of a list of figures, for qInfo() lines.
struct Spread
{
    qint64 min = 0;
    qint64 p50 = 0;
    qint64 p95 = 0;
    qint64 max = 0;
    int n = 0;

    explicit Spread(QList<qint64> values)
    {
        n = int(values.size());
        if (values.isEmpty())
            return;
        std::sort(values.begin(), values.end());
        auto at = [&](double p) {
            const auto i = qsizetype(p * double(values.size() - 1) + 0.5);
            return values.at(std::clamp<qsizetype>(i, 0, values.size() - 1));
        };
        min = values.first();
        max = values.last();
        p50 = at(0.50);
        p95 = at(0.95);
    }
    QString text() const
    {
        return QStringLiteral("min %1 / p50 %2 / p95 %3 / max %4 ms (n=%5)")
            .arg(min)
            .arg(p50)
            .arg(p95)
            .arg(max)
            .arg(n);
    }
};

// Waits until every feed has raised `kind` at least `n` times; returns the feeds that did not.
inline QStringList waitForEach(const TimedEventLog &log, const QStringList &feeds,
                               const QString &kind, int n, int timeoutMs)
{
    auto missing = [&] {
        QStringList out;
        for (const QString &f : feeds) {
            if (log.count(kind, f) < n)
                out << f;
        }
        return out;
    };
    if (QTest::qWaitFor([&] { return missing().isEmpty(); }, timeoutMs))
        return {};
    return missing();
}

// For each restart time, how long each feed took to raise its next "connected".
inline QList<qint64> recoveryTimes(const TimedEventLog &log, const QStringList &feeds,
                                   const QList<qint64> &restartTimes)
{
    QList<qint64> out;
    for (const QString &f : feeds) {
        const QList<TimedEvent> connected = log.ofKind(QStringLiteral("connected"), f);
        for (qint64 t : restartTimes) {
            for (const TimedEvent &c : connected) {
                if (c.atMs >= t) {
                    out << c.atMs - t;
                    break;
                }
            }
        }
    }
    return out;
}

inline QString joined(const QList<qint64> &values)
{
    QStringList parts;
    for (qint64 v : values)
        parts << QString::number(v);
    return parts.join(u' ');
}

inline QList<qint64> allLateness(const TimedEventLog &log, const QStringList &feeds)
{
    QList<qint64> out;
    for (const QString &f : feeds)
        out << log.reconnectLateness(f);
    return out;
}

} // namespace FaultMatrix
