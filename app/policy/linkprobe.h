#pragma once

#include "config/settings.h"
#include "policy/heartbeatmonitor.h"
#include "policy/latencytracker.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <memory>

class Clock;
class Timer;

// The link-quality probe of one connection: heartbeats (RFC 6455 ping frames, plus JSON pings
// once the server is known to answer them), matching pongs to OUR outstanding pings, RTT with
// EWMA and percentiles, and the quality tier. It never touches the socket: it asks for pings
// through signals and is told about pongs, so it runs on a manual clock in tests.
//
// Only answers count: a ping-frame RTT comes from a pong whose payload is one of our outstanding
// pings, an app RTT from a pong echoing one of our outstanding timestamps. Any other pong
// (RFC 6455 5.5.3 allows unsolicited ones as a one-way heartbeat; some servers answer with their
// own clock) is counted as unmatched and proves nothing: it says the server can send, not that
// our pings reach it, so it neither measures nor keeps the link alive (docs/protocol.md,
// "Connection design"). A matched sample outside [0, heartbeat.timeout_ms] is rejected, counted
// and never averaged.
class LinkProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkProbe)

public:
    LinkProbe(const Settings &settings, const Clock *clock, QObject *parent = nullptr);
    ~LinkProbe() override;

    // A connection opened: forget the last one's figures, first ping soon.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // The server said it answers JSON pings (hello capabilities); otherwise one probe tells.
    void serverAnswersAppPings();
    // A heartbeat four times as fast (at least 250 ms apart) to confirm a doubt quickly
    // (HealthMonitor, degraded); kept across connections until switched off.
    void setFastHeartbeat(bool fast);
    bool isFastHeartbeat() const
    {
        return m_heartbeat.intervalMs() != m_settings.heartbeatIntervalMs;
    }
    void pongFrame(const QByteArray &payload);
    void appPong(const QJsonObject &pong);

    // Disconnected when not running; Unknown until this connection has a sample.
    Quality::Tier quality() const;
    const LatencyTracker &latency() const { return m_latency; }
    bool appPingsAnswered() const { return m_appPings; }
    // Totals over the feed's life (every connection).
    qint64 unmatchedPongs() const { return m_unmatched; }
    qint64 rejectedSamples() const { return m_rejected; }
    qint64 heartbeatTimeouts() const { return m_timeouts; }
    qint64 pingsSent() const { return m_pingsSent; }
    qint64 matchedPongs() const { return m_matched; }

signals:
    void pingFrameDue(const QByteArray &payload);
    void appPingDue(const QString &json);
    // No answer to our ping within heartbeat.timeout_ms: the link is dead.
    void dead(qint64 waitedMs);
    // latency, quality (pong_overdue), pong_unmatched, rtt_rejected
    void eventRaised(const QString &kind, const QJsonObject &fields);

private:
    struct Outstanding
    {
        QByteArray payload;    // a ping frame's payload
        double timestamp = -1; // an app ping's timestamp
        qint64 sentNs = 0;
        qint64 sentMs = 0;
    };

    void arm();
    void onTick();
    void onOverdue();
    // Takes the outstanding ping at `index` of `pending` as answered.
    void answered(QList<Outstanding> &pending, qsizetype index, const QString &source);
    void unmatched(const QString &source);
    void record(double rttMs, const QString &source);
    void expire(QList<Outstanding> &pending, qint64 nowMs) const;

    Settings m_settings;
    const Clock *m_clock;
    HeartbeatMonitor m_heartbeat;
    LatencyTracker m_latency;
    std::unique_ptr<Timer> m_tick;
    std::unique_ptr<Timer> m_overdue; // re-rates quality while a pong is late
    QList<Outstanding> m_framePings;
    QList<Outstanding> m_appPingsOut;
    bool m_running = false;
    bool m_appPings = false;      // the server answers {"type":"ping"}
    bool m_appPingProbed = false; // one probe per connection tells us
    bool m_appMeasured = false;   // an app sample on this connection: quality follows app RTTs
    bool m_unmatchedReported = false;
    int m_samplesThisConnection = 0;
    quint64 m_seq = 0;
    // A pong that is late bounds the RTT from below: the tier that bound implies, or Unknown.
    Quality::Tier m_overdueTier = Quality::Tier::Unknown;
    qint64 m_unmatched = 0;
    qint64 m_rejected = 0;
    qint64 m_timeouts = 0;
    qint64 m_pingsSent = 0;
    qint64 m_matched = 0;
};
