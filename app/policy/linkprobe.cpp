#include "linkprobe.h"

#include "core/clock.h"

#include <QJsonDocument>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
// Outstanding pings kept per kind: one round is in flight at a time, an answer to an older one
// may still come while the next is out.
constexpr qsizetype kMaxOutstanding = 4;
} // namespace

LinkProbe::LinkProbe(const Settings &settings, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(clock)
    , m_heartbeat(settings.heartbeatIntervalMs, settings.heartbeatTimeoutMs)
    , m_latency(settings)
    // The tick (next ping, and the dead-link verdict when a pong is overdue) may come up to 5 %
    // of its wait late, with other feeds' ticks in one wake-up: the RTT counts from when the
    // ping left, and the dead-link bound is interval + timeout + 5 % (a freeze seen at 5101 ms
    // with a 5000 ms timeout). The overdue timer that lowers the quality tier stays precise.
    , m_tick(clock->createTimer([this] { onTick(); }, this, Timer::Slack::Coarse))
    , m_overdue(clock->createTimer([this] { onOverdue(); }, this))
{ }

LinkProbe::~LinkProbe() = default;

void LinkProbe::start()
{
    m_running = true;
    m_appPings = false;
    m_appPingProbed = false;
    m_appMeasured = false;
    m_unmatchedReported = false;
    m_samplesThisConnection = 0;
    m_overdueTier = Quality::Tier::Unknown;
    m_framePings.clear();
    m_appPingsOut.clear();
    // Quality describes this link: figures from the previous connection must not carry over.
    m_latency.clear();
    // Measure right away: quality is unknown until the first pong, and a link that died during
    // the handshake should not get a whole interval of benefit of the doubt.
    m_heartbeat.start(m_clock->nowMs(), 250);
    arm();
}

void LinkProbe::stop()
{
    m_running = false;
    m_tick->stop();
    m_overdue->stop();
    m_overdueTier = Quality::Tier::Unknown;
    m_framePings.clear();
    m_appPingsOut.clear();
}

void LinkProbe::setFastHeartbeat(bool fast)
{
    const qint64 normal = m_settings.heartbeatIntervalMs;
    m_heartbeat.setIntervalMs(fast ? std::max<qint64>(std::min<qint64>(250, normal), normal / 4)
                                   : normal);
    if (m_running)
        arm();
}

void LinkProbe::serverAnswersAppPings()
{
    m_appPings = true;
}

Quality::Tier LinkProbe::quality() const
{
    if (!m_running)
        return Quality::Tier::Disconnected;
    const Quality::Tier measured =
        m_samplesThisConnection == 0 ? Quality::Tier::Unknown : m_latency.quality();
    // Tiers from Excellent on are ordered best to worst; a late pong can only make it worse.
    if (m_overdueTier == Quality::Tier::Unknown)
        return measured;
    return measured == Quality::Tier::Unknown ? m_overdueTier : std::max(measured, m_overdueTier);
}

void LinkProbe::arm()
{
    m_tick->start(std::max<qint64>(0, m_heartbeat.nextDeadlineMs() - m_clock->nowMs()));
}

void LinkProbe::expire(QList<Outstanding> &pending, qint64 nowMs) const
{
    pending.removeIf(
        [&](const Outstanding &o) { return nowMs - o.sentMs > m_settings.heartbeatTimeoutMs; });
    while (pending.size() > kMaxOutstanding)
        pending.removeFirst();
}

void LinkProbe::onTick()
{
    if (!m_running)
        return;
    const qint64 now = m_clock->nowMs();
    if (m_heartbeat.timedOut(now)) {
        ++m_timeouts;
        emit dead(m_heartbeat.waitedMs(now));
        return;
    }
    if (m_heartbeat.pingDue(now)) {
        expire(m_framePings, now);
        expire(m_appPingsOut, now);
        const QByteArray payload = "fw" + QByteArray::number(++m_seq);
        m_framePings.append({payload, -1, m_clock->nowNs(), now});
        ++m_pingsSent;
        emit pingFrameDue(payload);
        if (m_appPings || !m_appPingProbed) {
            m_appPingProbed = true;
            double timestamp = double(m_clock->wallMs());
            // Unique among the outstanding ones, so an echo names exactly one of them.
            for (const Outstanding &o : std::as_const(m_appPingsOut))
                timestamp = std::max(timestamp, o.timestamp + 1);
            m_appPingsOut.append({{}, timestamp, m_clock->nowNs(), now});
            const QJsonObject ping {{u"type"_s, u"ping"_s}, {u"timestamp"_s, timestamp}};
            emit appPingDue(QString::fromUtf8(QJsonDocument(ping).toJson(QJsonDocument::Compact)));
        }
        m_heartbeat.pingSent(now);
        m_overdueTier = Quality::Tier::Unknown;
        m_overdue->start(m_settings.qualityExcellentMs);
    }
    arm();
}

void LinkProbe::onOverdue()
{
    if (!m_running || !m_heartbeat.pingInFlight())
        return;
    // No answer yet after `waited` ms: whatever the RTT turns out to be, it is at least that, so
    // the link cannot keep its "excellent" from before while nothing comes back.
    const qint64 waited = m_heartbeat.waitedMs(m_clock->nowMs());
    const Quality::Tier before = quality();
    m_overdueTier = Quality::forRtt(double(waited), m_settings);
    const Quality::Tier after = quality();
    if (after != before) {
        emit eventRaised(u"quality"_s,
                         {{u"quality"_s, Quality::name(after)},
                          {u"reason"_s, u"pong_overdue"_s},
                          {u"waited_ms"_s, double(waited)}});
    }
    for (const int threshold : {m_settings.qualityGoodMs, m_settings.qualityPoorMs}) {
        if (waited < threshold) {
            m_overdue->start(threshold - waited);
            return;
        }
    }
}

void LinkProbe::pongFrame(const QByteArray &payload)
{
    if (!m_running)
        return;
    const auto it = std::find_if(m_framePings.cbegin(), m_framePings.cend(),
                                 [&](const Outstanding &o) { return o.payload == payload; });
    if (it == m_framePings.cend()) {
        unmatched(u"ws"_s);
        return;
    }
    answered(m_framePings, it - m_framePings.cbegin(), u"ws"_s);
}

void LinkProbe::appPong(const QJsonObject &pong)
{
    if (!m_running)
        return;
    // Numbers may come back as strings ("1790000000000"): the same value is the same echo.
    const QJsonValue ts = pong.value("timestamp"_L1);
    bool ok = ts.isDouble();
    const double echoed = ok ? ts.toDouble() : ts.toString().toDouble(&ok);
    const auto it = !ok ? m_appPingsOut.cend()
                        : std::find_if(m_appPingsOut.cbegin(), m_appPingsOut.cend(),
                                       [&](const Outstanding &o) { return o.timestamp == echoed; });
    if (it == m_appPingsOut.cend()) {
        unmatched(u"app"_s);
        return;
    }
    m_appPings = true;
    answered(m_appPingsOut, it - m_appPingsOut.cbegin(), u"app"_s);
}

void LinkProbe::answered(QList<Outstanding> &pending, qsizetype index, const QString &source)
{
    const Outstanding ping = pending.takeAt(index);
    ++m_matched;
    m_heartbeat.pongReceived(m_clock->nowMs());
    m_overdue->stop();
    m_overdueTier = Quality::Tier::Unknown;
    const double rtt = double(m_clock->nowNs() - ping.sentNs) / 1e6;
    if (rtt < 0 || rtt > double(m_settings.heartbeatTimeoutMs)) {
        ++m_rejected;
        emit eventRaised(u"rtt_rejected"_s,
                         {{u"rtt_ms"_s, std::round(rtt * 1000.0) / 1000.0},
                          {u"source"_s, source},
                          {u"reason"_s,
                           rtt < 0 ? u"negative: the clock went back"_s
                                   : u"longer than heartbeat.timeout_ms"_s}});
    } else {
        record(rtt, source);
    }
    arm();
}

void LinkProbe::unmatched(const QString &source)
{
    ++m_unmatched;
    // Once per connection: a server sending them sends them all the time.
    if (m_unmatchedReported)
        return;
    m_unmatchedReported = true;
    emit eventRaised(u"pong_unmatched"_s,
                     {{u"source"_s, source}, {u"count"_s, double(m_unmatched)}});
}

void LinkProbe::record(double rttMs, const QString &source)
{
    // Quality follows the path the data takes: through the server's application once it has
    // answered one of our app pings on this connection (a ping frame is answered by the
    // WebSocket layer and can look fast while the application crawls), through the WebSocket
    // layer until then.
    const bool app = source == "app"_L1;
    if (app && !m_appMeasured) {
        m_appMeasured = true;
        m_latency.clear();
        m_samplesThisConnection = 0;
    }
    if (app || !m_appMeasured) {
        m_latency.addSample(rttMs);
        ++m_samplesThisConnection;
    }
    emit eventRaised(u"latency"_s,
                     {{u"rtt_ms"_s, std::round(rttMs * 1000.0) / 1000.0},
                      {u"quality"_s, Quality::name(quality())},
                      {u"source"_s, source}});
}
