// The link probe on a manual clock: which pongs count, what they measure, when the link is dead.
#include "core/clock.h"
#include "policy/linkprobe.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Settings probeSettings()
{
    Settings s;
    s.heartbeatIntervalMs = 1000;
    s.heartbeatTimeoutMs = 3000;
    s.qualityExcellentMs = 100;
    s.qualityGoodMs = 300;
    s.qualityPoorMs = 1000;
    return s;
}

// The probe's pings as a peer sees them: the last frame payload and app timestamp.
struct Peer
{
    explicit Peer(LinkProbe *probe)
    {
        QObject::connect(probe, &LinkProbe::pingFrameDue, probe,
                         [this](const QByteArray &payload) { frames << payload; });
        QObject::connect(probe, &LinkProbe::appPingDue, probe, [this](const QString &json) {
            timestamps << QJsonDocument::fromJson(json.toUtf8()).object().value("timestamp"_L1);
        });
        QObject::connect(probe, &LinkProbe::eventRaised, probe,
                         [this](const QString &kind, const QJsonObject &fields) {
                             events << std::pair {kind, fields};
                         });
    }
    int count(const QString &kind) const
    {
        return int(std::count_if(events.begin(), events.end(),
                                 [&](const auto &e) { return e.first == kind; }));
    }
    QJsonObject last(const QString &kind) const
    {
        for (auto it = events.crbegin(); it != events.crend(); ++it) {
            if (it->first == kind)
                return it->second;
        }
        return {};
    }
    QList<QByteArray> frames;
    QList<QJsonValue> timestamps;
    QList<std::pair<QString, QJsonObject>> events;
};

} // namespace

class tst_LinkProbe : public QObject
{
    Q_OBJECT

private slots:
    void matchedPongMeasuresTheRoundTrip();
    void unsolicitedPongsMeasureNothingAndKeepNothingAlive();
    void foreignClockAppPongsAreUnmatched();
    void appPongsEchoingOurTimestampMeasureTheApplication();
    void echoAsAStringStillMatches();
    void answerToAnOlderPingStillMatches();
    void implausibleSampleIsRejected();
    void latePongDegradesQualityTierByTier();
    void nothingIsExcellentWithoutAMeasurement();
};

void tst_LinkProbe::matchedPongMeasuresTheRoundTrip()
{
    ManualClock clock;
    LinkProbe probe(probeSettings(), &clock);
    Peer peer(&probe);
    probe.start();
    clock.advance(250); // the first ping goes out soon after connecting
    QCOMPARE(peer.frames.size(), 1);
    clock.advance(37);
    probe.pongFrame(peer.frames.last());
    QCOMPARE(probe.latency().last(), 37.0);
    QCOMPARE(peer.last(u"latency"_s).value("rtt_ms"_L1).toDouble(), 37.0);
    QCOMPARE(peer.last(u"latency"_s).value("source"_L1).toString(), u"ws"_s);
    QCOMPARE(probe.quality(), Quality::Tier::Excellent);
    QCOMPARE(probe.matchedPongs(), 1);
    QCOMPARE(probe.unmatchedPongs(), 0);
    // The same payload again is not an answer any more.
    probe.pongFrame(peer.frames.last());
    QCOMPARE(probe.unmatchedPongs(), 1);
    QCOMPARE(peer.count(u"latency"_s), 1);
}

// RFC 6455 5.5.3 allows unsolicited pongs as a one-way heartbeat. Taken as answers they made a
// 0.3 ms loopback link read up to ~1000 ms ("poor"/"bad"); they prove the server can send, not
// that our pings reach it, so they measure nothing and keep nothing alive.
void tst_LinkProbe::unsolicitedPongsMeasureNothingAndKeepNothingAlive()
{
    ManualClock clock;
    LinkProbe probe(probeSettings(), &clock);
    Peer peer(&probe);
    QSignalSpy dead(&probe, &LinkProbe::dead);
    probe.start();
    for (int i = 0; i < 40; ++i) { // 4 s of one unsolicited pong every 100 ms
        clock.advance(100);
        probe.pongFrame(QByteArray());
    }
    QCOMPARE(peer.count(u"latency"_s), 0);
    QCOMPARE(probe.latency().count(), 0);
    QCOMPARE(probe.unmatchedPongs(), 40);
    QCOMPARE(peer.count(u"pong_unmatched"_s), 1); // said once per connection, counted always
    QCOMPARE(dead.size(), 1);                     // our ping (at 250 ms) was never answered
    QCOMPARE(dead.first().first().toLongLong(), 3000);
    QCOMPARE(probe.heartbeatTimeouts(), 1);
}

void tst_LinkProbe::foreignClockAppPongsAreUnmatched()
{
    ManualClock clock;
    LinkProbe probe(probeSettings(), &clock);
    Peer peer(&probe);
    probe.start();
    clock.advance(250);
    QCOMPARE(peer.timestamps.size(), 1); // the one probe
    // A server answering with its own clock (reported RTTs up to 1.8e12 ms before).
    probe.appPong({{u"type"_s, u"pong"_s}, {u"timestamp"_s, 42.0}});
    probe.appPong({{u"type"_s, u"pong"_s}, {u"server_time"_s, 1.79e12}});
    QCOMPARE(probe.unmatchedPongs(), 2);
    QCOMPARE(peer.count(u"latency"_s), 0);
    QVERIFY(!probe.appPingsAnswered());
    // The ping frame is still answered and still measures.
    clock.advance(2);
    probe.pongFrame(peer.frames.last());
    QCOMPARE(probe.latency().last(), 2.0);
    QCOMPARE(probe.quality(), Quality::Tier::Excellent);
}

void tst_LinkProbe::appPongsEchoingOurTimestampMeasureTheApplication()
{
    ManualClock clock;
    LinkProbe probe(probeSettings(), &clock);
    Peer peer(&probe);
    probe.start();
    clock.advance(250);
    clock.advance(1);
    probe.pongFrame(peer.frames.last()); // the WebSocket layer: fast
    clock.advance(499);
    probe.appPong({{u"type"_s, u"pong"_s}, {u"timestamp"_s, peer.timestamps.last()}});
    // From now on quality follows the application's answers, which took 500 ms.
    QVERIFY(probe.appPingsAnswered());
    QCOMPARE(probe.latency().last(), 500.0);
    QCOMPARE(probe.latency().count(), 1);
    QCOMPARE(probe.quality(), Quality::Tier::Poor);
    QCOMPARE(peer.last(u"latency"_s).value("source"_L1).toString(), u"app"_s);
    // The next round sends both pings again.
    clock.advance(1000);
    QCOMPARE(peer.frames.size(), 2);
    QCOMPARE(peer.timestamps.size(), 2);
}

void tst_LinkProbe::echoAsAStringStillMatches()
{
    ManualClock clock;
    LinkProbe probe(probeSettings(), &clock);
    Peer peer(&probe);
    probe.start();
    clock.advance(250);
    clock.advance(12);
    const QString text = QString::number(peer.timestamps.last().toDouble(), 'f', 0);
    probe.appPong({{u"type"_s, u"pong"_s}, {u"timestamp"_s, text}});
    QCOMPARE(probe.unmatchedPongs(), 0);
    QCOMPARE(probe.latency().last(), 12.0);
}

void tst_LinkProbe::answerToAnOlderPingStillMatches()
{
    ManualClock clock;
    LinkProbe probe(probeSettings(), &clock);
    Peer peer(&probe);
    probe.start();
    clock.advance(250);
    clock.advance(5);
    probe.pongFrame(peer.frames.at(0));  // round 1 answered by the frame
    clock.advance(1000);                 // round 2 goes out; round 1's app pong still outstanding
    QCOMPARE(peer.timestamps.size(), 1); // no app answer yet: one probe only
    QCOMPARE(peer.frames.size(), 2);
    probe.appPong({{u"type"_s, u"pong"_s}, {u"timestamp"_s, peer.timestamps.at(0)}});
    QCOMPARE(probe.unmatchedPongs(), 0);
    QCOMPARE(probe.latency().last(), 1005.0);
}

void tst_LinkProbe::implausibleSampleIsRejected()
{
    ManualClock clock(100000);
    LinkProbe probe(probeSettings(), &clock);
    Peer peer(&probe);
    probe.start();
    clock.advance(250);
    clock.advance(10);
    probe.pongFrame(peer.frames.last());
    QCOMPARE(probe.latency().count(), 1);
    clock.advance(1000);
    clock.set(clock.nowMs() - 500); // a broken monotonic source: the answer "comes before" it left
    probe.pongFrame(peer.frames.last());
    QCOMPARE(probe.rejectedSamples(), 1);
    QCOMPARE(probe.latency().count(), 1); // never averaged
    QCOMPARE(probe.latency().last(), 10.0);
    QCOMPARE(peer.last(u"rtt_rejected"_s).value("rtt_ms"_L1).toDouble(), -490.0);
    QCOMPARE(probe.quality(), Quality::Tier::Excellent);
}

void tst_LinkProbe::latePongDegradesQualityTierByTier()
{
    ManualClock clock;
    LinkProbe probe(probeSettings(), &clock);
    Peer peer(&probe);
    QSignalSpy dead(&probe, &LinkProbe::dead);
    probe.start();
    clock.advance(250);
    clock.advance(1);
    probe.pongFrame(peer.frames.last());
    QCOMPARE(probe.quality(), Quality::Tier::Excellent);
    clock.advance(999); // round 2 is out, then nothing comes back
    QStringList tiers;
    for (int i = 0; i < 30; ++i) {
        clock.advance(100);
        if (peer.count(u"quality"_s) > tiers.size())
            tiers << peer.last(u"quality"_s).value("quality"_L1).toString();
    }
    QCOMPARE(tiers, (QStringList {u"good"_s, u"poor"_s, u"bad"_s}));
    QCOMPARE(dead.size(), 1);
}

void tst_LinkProbe::nothingIsExcellentWithoutAMeasurement()
{
    ManualClock clock;
    LinkProbe probe(probeSettings(), &clock);
    QCOMPARE(probe.quality(), Quality::Tier::Disconnected);
    probe.start();
    QCOMPARE(probe.quality(), Quality::Tier::Unknown);
    probe.stop();
    QCOMPARE(probe.quality(), Quality::Tier::Disconnected);
}

QTEST_GUILESS_MAIN(tst_LinkProbe)
#include "tst_linkprobe.moc"
