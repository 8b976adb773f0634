// The restart inference on a manual clock, from the events a backend's feeds raise.
#include "connection/restarttracker.h"
#include "core/clock.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QStringList kFeeds = {u"queue"_s, u"workflows"_s, u"routes"_s};

struct Rig
{
    Rig()
        : tracker(settings(), &clock)
    {
        for (const QString &f : kFeeds)
            tracker.addFeed(f, u"default"_s);
        QObject::connect(&tracker, &RestartTracker::eventRaised, &tracker,
                         [this](const FeedEvent &e) { raised << e; });
        QObject::connect(&tracker, &RestartTracker::restartExpected, &tracker,
                         [this](const QString &f) { expected << f; });
        QObject::connect(&tracker, &RestartTracker::serverBack, &tracker,
                         [this](const QString &b) { back << b; });
    }
    static Settings settings()
    {
        Settings s;
        s.reconnectRestartGraceMs = 60000;
        return s;
    }
    void feed(const QString &feed, const QString &kind, const QJsonObject &fields = {})
    {
        tracker.observe({clock.wallMs(), feed, kind, fields});
    }
    void connected(const QString &feed) { this->feed(feed, u"connected"_s); }
    void dropped(const QString &feed, int code, const QString &decision, bool wasConnected = true)
    {
        this->feed(feed, u"disconnected"_s,
                   {{u"code"_s, code},
                    {u"decision"_s, decision},
                    {u"was_connected"_s, wasConnected},
                    {u"reason"_s, u"Invalid close code 1002 detected."_s}});
    }
    QStringList kinds() const
    {
        QStringList out;
        for (const FeedEvent &e : raised)
            out << e.event;
        return out;
    }
    FeedEvent last(const QString &kind) const
    {
        for (auto it = raised.crbegin(); it != raised.crend(); ++it) {
            if (it->event == kind)
                return *it;
        }
        return {};
    }
    FeedStats statsOf(const QString &feed) const
    {
        FeedStats s;
        s.feedId = feed;
        tracker.decorate(s);
        return s;
    }

    ManualClock clock {0, 1'790'000'000'000};
    RestartTracker tracker;
    QList<FeedEvent> raised;
    QStringList expected;
    QStringList back;
};

} // namespace

class tst_RestartTracker : public QObject
{
    Q_OBJECT

private slots:
    void announcedRestartIsOneIncident();
    void helloNamesTheNewServer();
    void allLiveFeedsDroppingTogetherIsARestartToo();
    void oneFeedDroppingAloneIsNot();
    void restartThatNeverCompletesEscalates();
    void feedsThatDoNotFollowAreLeftToTheirOwnOutage();
    void helloWithANewServerIdOutsideAnIncident();
};

void tst_RestartTracker::announcedRestartIsOneIncident()
{
    Rig rig;
    for (const QString &f : kFeeds)
        rig.connected(f);
    rig.clock.advance(10000);
    for (const QString &f : kFeeds) {
        rig.dropped(f, 1002, u"retry_restart"_s);
        rig.clock.advance(3);
    }
    QCOMPARE(rig.kinds(), QStringList {u"server_restarting"_s});
    const FeedEvent opened = rig.last(u"server_restarting"_s);
    QVERIFY(opened.feed.isEmpty());
    QCOMPARE(opened.fields.value("backend"_L1).toString(), u"default"_s);
    QCOMPARE(opened.fields.value("announced"_L1).toBool(), true);
    QCOMPARE(opened.fields.value("feeds"_L1).toArray().size(), 3);
    QVERIFY(rig.expected.isEmpty()); // announced: the planners know already
    FeedStats s = rig.statsOf(u"routes"_s);
    QCOMPARE(s.restartSinceWallMs, opened.wallMs);
    QVERIFY(s.restartAnnounced);
    QCOMPARE(s.restartFeedsBack, 0);
    QCOMPARE(s.restartFeedsTotal, 3);

    // Down for 1.5 s; the first feed back says the server is back, after a first message.
    rig.clock.advance(1500);
    rig.connected(u"queue"_s);
    QCOMPARE(rig.back, QStringList {u"default"_s});
    QCOMPARE(rig.kinds().size(), 1);
    rig.clock.advance(RestartTracker::kSettleMs); // no hello from this server
    const FeedEvent restart = rig.last(u"server_restart"_s);
    QCOMPARE(restart.fields.value("downtime_ms"_L1).toDouble(), 1509.0); // first drop to back
    const QJsonArray evidence = restart.fields.value("evidence"_L1).toArray();
    QVERIFY(evidence.at(0).toString().contains(u"1012-2999"_s));
    QCOMPARE(evidence.at(1).toString(), u"3 of 3 feeds closed"_s);
    QCOMPARE(rig.statsOf(u"queue"_s).restartFeedsBack, 1);
    rig.connected(u"workflows"_s);
    rig.connected(u"routes"_s);
    QCOMPARE(rig.kinds(),
             (QStringList {u"server_restarting"_s, u"server_restart"_s, u"restart_complete"_s}));
    QCOMPARE(rig.statsOf(u"queue"_s).restartSinceWallMs, 0);
}

void tst_RestartTracker::helloNamesTheNewServer()
{
    Rig rig;
    rig.connected(u"queue"_s);
    rig.feed(u"queue"_s, u"hello"_s, {{u"server_id"_s, u"a"_s}});
    rig.dropped(u"queue"_s, 1001, u"retry_restart"_s);
    rig.clock.advance(800);
    rig.connected(u"queue"_s);
    rig.feed(u"queue"_s, u"hello"_s, {{u"server_id"_s, u"b"_s}});
    const FeedEvent restart = rig.last(u"server_restart"_s);
    QCOMPARE(restart.fields.value("server_id"_L1).toString(), u"b"_s);
    QCOMPARE(restart.fields.value("previous_server_id"_L1).toString(), u"a"_s);
    QCOMPARE(restart.fields.value("evidence"_L1).toArray().last().toString(),
             u"hello.server_id a -> b"_s);
    QCOMPARE(rig.kinds().count(u"server_restart"_s), 1);
}

// tac-webbuilder behind its relay, a killed process: no code, but every live feed went at once.
void tst_RestartTracker::allLiveFeedsDroppingTogetherIsARestartToo()
{
    Rig rig;
    for (const QString &f : kFeeds)
        rig.connected(f);
    rig.dropped(u"queue"_s, 1006, u"retry"_s);
    rig.clock.advance(40);
    rig.dropped(u"workflows"_s, 1006, u"retry"_s);
    QVERIFY(rig.raised.isEmpty()); // routes is still live
    rig.clock.advance(40);
    rig.dropped(u"routes"_s, 1006, u"retry"_s);
    QCOMPARE(rig.kinds(), QStringList {u"server_restarting"_s});
    const FeedEvent opened = rig.raised.first();
    QCOMPARE(opened.fields.value("announced"_L1).toBool(), false);
    QCOMPARE(opened.fields.value("evidence"_L1).toString(),
             u"3 of 3 live feeds dropped within 80 ms, none with a restart code"_s);
    QCOMPARE(opened.fields.value("feeds_down"_L1).toInt(), 3);
    QCOMPARE(rig.statsOf(u"queue"_s).restartSinceWallMs, rig.clock.wallMs() - 80);
    rig.expected.sort();
    QCOMPARE(rig.expected, (QStringList {u"queue"_s, u"routes"_s, u"workflows"_s}));
}

void tst_RestartTracker::oneFeedDroppingAloneIsNot()
{
    Rig rig;
    for (const QString &f : kFeeds)
        rig.connected(f);
    rig.dropped(u"queue"_s, 1006, u"retry"_s);
    rig.clock.advance(3000);
    rig.dropped(u"workflows"_s, 1006, u"retry"_s); // outside the window of the first
    rig.connected(u"queue"_s);
    QVERIFY(rig.raised.isEmpty());
    // Failed attempts and the operator's own closes are no drops.
    rig.dropped(u"queue"_s, 1000, u"operator"_s);
    rig.dropped(u"routes"_s, 1006, u"retry"_s, false);
    QVERIFY(rig.raised.isEmpty());
}

void tst_RestartTracker::restartThatNeverCompletesEscalates()
{
    Rig rig;
    rig.connected(u"queue"_s);
    rig.dropped(u"queue"_s, 1002, u"retry_restart"_s);
    rig.clock.advance(59999);
    QCOMPARE(rig.kinds(), QStringList {u"server_restarting"_s});
    rig.clock.advance(1);
    QCOMPARE(rig.kinds(), (QStringList {u"server_restarting"_s, u"server_down"_s}));
    QCOMPARE(rig.last(u"server_down"_s).fields.value("down_ms"_L1).toDouble(), 60000.0);
    // Back after all: the return is reported, marked as after an escalation.
    rig.clock.advance(30000);
    rig.connected(u"queue"_s);
    rig.clock.advance(RestartTracker::kSettleMs);
    QCOMPARE(rig.last(u"server_restart"_s).fields.value("escalated"_L1).toBool(), true);
    QCOMPARE(rig.last(u"server_restart"_s).fields.value("downtime_ms"_L1).toDouble(), 90000.0);
    QCOMPARE(rig.kinds().last(), u"restart_complete"_s);
}

void tst_RestartTracker::feedsThatDoNotFollowAreLeftToTheirOwnOutage()
{
    Rig rig;
    for (const QString &f : kFeeds)
        rig.connected(f);
    for (const QString &f : kFeeds)
        rig.dropped(f, 1002, u"retry_restart"_s);
    rig.clock.advance(2000);
    rig.connected(u"queue"_s);
    rig.feed(u"workflows"_s, u"state"_s, {{u"state"_s, u"stopped"_s}}); // a refusal stopped it
    rig.clock.advance(60000); // routes never comes back (its endpoint is broken)
    const FeedEvent done = rig.last(u"restart_complete"_s);
    QCOMPARE(done.fields.value("still_down"_L1).toArray(), QJsonArray {u"routes"_s});
    QCOMPARE(rig.kinds().count(u"server_down"_s), 0);
    QCOMPARE(rig.statsOf(u"routes"_s).restartSinceWallMs, 0);
}

void tst_RestartTracker::helloWithANewServerIdOutsideAnIncident()
{
    Rig rig;
    rig.connected(u"queue"_s);
    rig.feed(u"queue"_s, u"hello"_s, {{u"server_id"_s, u"a"_s}});
    rig.connected(u"workflows"_s);
    rig.dropped(u"queue"_s, 1006, u"retry"_s); // workflows stays live: no incident
    rig.clock.advance(700);
    rig.connected(u"queue"_s);
    rig.feed(u"queue"_s, u"hello"_s, {{u"server_id"_s, u"b"_s}});
    rig.feed(u"workflows"_s, u"hello"_s, {{u"server_id"_s, u"b"_s}}); // the same news again
    QCOMPARE(rig.kinds(), QStringList {u"server_restart"_s});
    const FeedEvent restart = rig.raised.first();
    QCOMPARE(restart.fields.value("previous_server_id"_L1).toString(), u"a"_s);
    QCOMPARE(restart.fields.value("downtime_ms"_L1).toDouble(), 700.0);
}

QTEST_GUILESS_MAIN(tst_RestartTracker)
#include "tst_restarttracker.moc"
