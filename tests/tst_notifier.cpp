#include "core/clock.h"
#include "dashboard/notifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
FeedStats stats(const QString &feed, Feed::State state)
{
    FeedStats s;
    s.feedId = feed;
    s.state = state;
    return s;
}
} // namespace

class tst_Notifier : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void firstConnectIsNotNews();
    void downIsAnnouncedAfterTheBurstWindow();
    void blipWithinTheWindowSaysNothing();
    void burstCollapsesIntoOneMessage();
    void atMostOnePerFeedPerInterval();
    void flapBackToTheAnnouncedStateSaysNothing();
    void silencedSaysNothingAndDoesNotReplay();

private:
    void bringUp(const QStringList &feeds);

    ManualClock *m_clock = nullptr;
    Notifier *m_notifier = nullptr;
    QSignalSpy *m_spy = nullptr;
};

void tst_Notifier::init()
{
    m_clock = new ManualClock(1000);
    m_notifier = new Notifier(m_clock);
    m_notifier->setBurstWindowMs(3000);
    m_notifier->setMinIntervalMs(30000);
    m_spy = new QSignalSpy(m_notifier, &Notifier::notify);
}

void tst_Notifier::cleanup()
{
    delete m_spy;
    delete m_notifier;
    delete m_clock;
}

void tst_Notifier::bringUp(const QStringList &feeds)
{
    for (const QString &feed : feeds) {
        m_notifier->updateStats(stats(feed, Feed::State::Connecting));
        m_notifier->updateStats(stats(feed, Feed::State::Connected));
    }
}

void tst_Notifier::firstConnectIsNotNews()
{
    bringUp({u"queue"_s, u"workflows"_s});
    m_clock->advance(60000);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 0);
}

void tst_Notifier::downIsAnnouncedAfterTheBurstWindow()
{
    bringUp({u"queue"_s});
    m_notifier->updateStats(stats(u"queue"_s, Feed::State::ReconnectWait));
    m_clock->advance(2999);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 0);
    m_clock->advance(1);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 1);
    QCOMPARE(m_spy->at(0).at(0).toString(), u"Feed down"_s);
    QVERIFY(m_spy->at(0).at(1).toString().contains(u"queue"_s));
    QCOMPARE(m_spy->at(0).at(2).toBool(), true);
    QCOMPARE(m_notifier->downFeeds(), QStringList {u"queue"_s});
    // Told once; nothing more while it stays down.
    m_clock->advance(120000);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 1);
}

void tst_Notifier::blipWithinTheWindowSaysNothing()
{
    bringUp({u"queue"_s});
    m_notifier->updateStats(stats(u"queue"_s, Feed::State::ReconnectWait));
    m_clock->advance(1500);
    m_notifier->updateStats(stats(u"queue"_s, Feed::State::Connected));
    m_clock->advance(10000);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 0);
}

void tst_Notifier::burstCollapsesIntoOneMessage()
{
    bringUp({u"queue"_s, u"workflows"_s, u"routes"_s, u"webhook-status"_s});
    m_notifier->updateStats(stats(u"queue"_s, Feed::State::ReconnectWait));
    m_clock->advance(200);
    m_notifier->updateStats(stats(u"workflows"_s, Feed::State::ReconnectWait));
    m_clock->advance(200);
    m_notifier->updateStats(stats(u"routes"_s, Feed::State::CircuitOpen));
    m_clock->advance(3000);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 1);
    QCOMPARE(m_spy->at(0).at(0).toString(), u"3 feeds down"_s);
    QCOMPARE(m_spy->at(0).at(1).toString(), u"queue, workflows, routes"_s);
}

void tst_Notifier::atMostOnePerFeedPerInterval()
{
    bringUp({u"queue"_s});
    m_notifier->updateStats(stats(u"queue"_s, Feed::State::ReconnectWait));
    m_clock->advance(3000);
    m_notifier->poll(); // "down" at t0
    QCOMPARE(m_spy->size(), 1);
    m_clock->advance(1000);
    m_notifier->updateStats(stats(u"queue"_s, Feed::State::Connected));
    m_clock->advance(5000);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 1); // "back" is held: the last message was 6 s ago
    m_clock->advance(30000 - 6000 - 1);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 1);
    m_clock->advance(1);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 2);
    QCOMPARE(m_spy->at(1).at(0).toString(), u"Feed back"_s);
    QCOMPARE(m_spy->at(1).at(2).toBool(), false);
}

void tst_Notifier::flapBackToTheAnnouncedStateSaysNothing()
{
    bringUp({u"queue"_s});
    m_notifier->updateStats(stats(u"queue"_s, Feed::State::ReconnectWait));
    m_clock->advance(3000);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 1);
    for (int i = 0; i < 5; ++i) {
        m_clock->advance(2000);
        m_notifier->updateStats(stats(u"queue"_s, Feed::State::Connected));
        m_clock->advance(2000);
        m_notifier->updateStats(stats(u"queue"_s, Feed::State::ReconnectWait));
        m_notifier->poll();
    }
    m_clock->advance(60000);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 1); // it was down, it is down: nothing new to say
}

void tst_Notifier::silencedSaysNothingAndDoesNotReplay()
{
    bringUp({u"queue"_s, u"workflows"_s});
    m_notifier->setSilenced(true);
    m_notifier->updateStats(stats(u"queue"_s, Feed::State::ReconnectWait));
    m_clock->advance(60000);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 0);
    m_notifier->setSilenced(false);
    m_clock->advance(60000);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 0);
    // New news after un-silencing is told again.
    m_notifier->updateStats(stats(u"workflows"_s, Feed::State::Stopped));
    m_clock->advance(3000);
    m_notifier->poll();
    QCOMPARE(m_spy->size(), 1);
    QVERIFY(m_spy->at(0).at(1).toString().contains(u"workflows"_s));
}

QTEST_GUILESS_MAIN(tst_Notifier)
#include "tst_notifier.moc"
