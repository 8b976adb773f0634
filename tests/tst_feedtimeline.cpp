// The per-feed timeline of link events: what it keeps, how many, and per feed.
#include "events/feedtimeline.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_FeedTimeline : public QObject
{
    Q_OBJECT

private slots:
    void keepsLinkEventsOnly_data();
    void keepsLinkEventsOnly();
    void keepsTheLastTwentyPerFeed();
};

void tst_FeedTimeline::keepsLinkEventsOnly_data()
{
    QTest::addColumn<QString>("feed");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("kept");
    QTest::newRow("disconnected") << u"queue"_s << u"disconnected"_s << true;
    QTest::newRow("health") << u"queue"_s << u"health"_s << true;
    QTest::newRow("circuit") << u"queue"_s << u"circuit"_s << true;
    QTest::newRow("degraded") << u"queue"_s << u"degraded"_s << true;
    QTest::newRow("alert of a feed") << u"queue"_s << u"alert"_s << true;
    QTest::newRow("update: data, not the link") << u"queue"_s << u"update"_s << false;
    QTest::newRow("latency: a measurement") << u"queue"_s << u"latency"_s << false;
    QTest::newRow("score") << u"queue"_s << u"score"_s << false;
    QTest::newRow("command") << u"queue"_s << u"command"_s << false;
    QTest::newRow("app-wide event") << QString() << u"state"_s << false;
}

void tst_FeedTimeline::keepsLinkEventsOnly()
{
    QFETCH(QString, feed);
    QFETCH(QString, kind);
    QFETCH(bool, kept);
    FeedTimeline timeline;
    QCOMPARE(timeline.add({1, feed, kind, {}}), kept);
    QCOMPARE(timeline.events(feed).size(), kept ? 1 : 0);
}

void tst_FeedTimeline::keepsTheLastTwentyPerFeed()
{
    FeedTimeline timeline;
    for (int i = 0; i < 50; ++i) {
        timeline.add({i, u"queue"_s, u"disconnected"_s, {{u"code"_s, 1000 + i}}});
        timeline.add({i, u"queue"_s, u"update"_s, {}}); // never pushes a link event out
    }
    timeline.add({99, u"routes"_s, u"connected"_s, {}});
    const QList<FeedEvent> queue = timeline.events(u"queue"_s);
    QCOMPARE(queue.size(), 20);
    QCOMPARE(queue.first().fields.value("code"_L1).toInt(), 1030); // oldest kept
    QCOMPARE(queue.last().fields.value("code"_L1).toInt(), 1049);
    QCOMPARE(timeline.events(u"routes"_s).size(), 1);
    timeline.remove(u"queue"_s);
    QVERIFY(timeline.events(u"queue"_s).isEmpty());
}

QTEST_GUILESS_MAIN(tst_FeedTimeline)
#include "tst_feedtimeline.moc"
