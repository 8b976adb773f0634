#include "models/eventlogfilterproxymodel.h"
#include "models/eventlogmodel.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
FeedEvent makeEvent(const QString &feed, const QString &kind, const QJsonObject &fields = {})
{
    static qint64 t = 1'790'000'000'000;
    return FeedEvent {++t, feed, kind, fields};
}
} // namespace

class tst_EventLogFilterProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void filters_data();
    void filters();
    void visibleSourceRowsFollowTheFilter();
    void newRowsAreFiltered();

private:
    EventLogModel *m_log = nullptr;
};

void tst_EventLogFilterProxyModel::init()
{
    delete m_log;
    m_log = new EventLogModel(100, this);
    m_log->append(makeEvent(u"queue"_s, u"state"_s, {{u"state"_s, u"connected"_s}}));
    m_log->append(makeEvent(u"queue"_s, u"latency"_s, {{u"rtt_ms"_s, 0.4}}));
    m_log->append(makeEvent(u"queue"_s, u"update"_s, {{u"type"_s, u"queue_update"_s}}));
    m_log->append(makeEvent(u"routes"_s, u"disconnected"_s, {{u"code"_s, 1006}}));
    m_log->append(makeEvent(u"routes"_s, u"retry_scheduled"_s, {{u"delay_ms"_s, 4000}}));
    m_log->append(makeEvent(QString(), u"network"_s, {{u"online"_s, false}}));
    m_log->append(makeEvent(u"routes"_s, u"latency"_s, {{u"rtt_ms"_s, 12.0}}));
    m_log->flush();
}

void tst_EventLogFilterProxyModel::filters_data()
{
    QTest::addColumn<QVariant>("feed"); // invalid: all; a string (maybe empty): that feed
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("hideNoise");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("kinds"); // the rows that pass, in order

    const QVariant all;
    QTest::newRow("everything") << all << QString() << false << QString()
                                << QStringList {u"state"_s,           u"latency"_s,
                                                u"update"_s,          u"disconnected"_s,
                                                u"retry_scheduled"_s, u"network"_s,
                                                u"latency"_s};
    QTest::newRow("noise hidden") << all << QString() << true << QString()
                                  << QStringList {u"state"_s, u"disconnected"_s,
                                                  u"retry_scheduled"_s, u"network"_s};
    QTest::newRow("kind beats noise")
        << all << u"latency"_s << true << QString() << QStringList {u"latency"_s, u"latency"_s};
    QTest::newRow("feed") << QVariant(u"routes"_s) << QString() << true << QString()
                          << QStringList {u"disconnected"_s, u"retry_scheduled"_s};
    QTest::newRow("app events") << QVariant(QString()) << QString() << false << QString()
                                << QStringList {u"network"_s};
    QTest::newRow("feed and kind")
        << QVariant(u"queue"_s) << u"latency"_s << true << QString() << QStringList {u"latency"_s};
    QTest::newRow("text in details")
        << all << QString() << false << u"1006"_s << QStringList {u"disconnected"_s};
    QTest::newRow("text is case-insensitive")
        << all << QString() << true << u"RETRY"_s << QStringList {u"retry_scheduled"_s};
    QTest::newRow("text in feed") << QVariant() << QString() << true << u"queue"_s
                                  << QStringList {u"state"_s};
    QTest::newRow("nothing") << QVariant(u"queue"_s) << u"network"_s << false << QString()
                             << QStringList {};
}

void tst_EventLogFilterProxyModel::filters()
{
    QFETCH(QVariant, feed);
    QFETCH(QString, kind);
    QFETCH(bool, hideNoise);
    QFETCH(QString, text);
    QFETCH(QStringList, kinds);

    EventLogFilterProxyModel proxy;
    proxy.setSourceModel(m_log);
    proxy.setFeedFilter(feed.isValid() ? std::optional<QString>(feed.toString()) : std::nullopt);
    proxy.setKindFilter(kind);
    proxy.setHiddenKinds(hideNoise ? EventLogFilterProxyModel::noiseKinds() : QSet<QString>());
    proxy.setFilterText(text);
    QStringList shown;
    for (int r = 0; r < proxy.rowCount(); ++r)
        shown << proxy.index(r, 0).data(EventLogModel::EventKindRole).toString();
    QCOMPARE(shown, kinds);
}

void tst_EventLogFilterProxyModel::visibleSourceRowsFollowTheFilter()
{
    EventLogFilterProxyModel proxy;
    proxy.setSourceModel(m_log);
    QCOMPARE(proxy.visibleSourceRows(), (QList<int> {0, 1, 2, 3, 4, 5, 6}));
    proxy.setHiddenKinds(EventLogFilterProxyModel::noiseKinds());
    QCOMPARE(proxy.visibleSourceRows(), (QList<int> {0, 3, 4, 5}));
    proxy.setFeedFilter(u"routes"_s);
    QCOMPARE(proxy.visibleSourceRows(), (QList<int> {3, 4}));
}

void tst_EventLogFilterProxyModel::newRowsAreFiltered()
{
    EventLogFilterProxyModel proxy;
    proxy.setSourceModel(m_log);
    proxy.setFeedFilter(u"queue"_s);
    proxy.setHiddenKinds(EventLogFilterProxyModel::noiseKinds());
    QCOMPARE(proxy.rowCount(), 1);
    m_log->append(makeEvent(u"queue"_s, u"heartbeat_timeout"_s));
    m_log->append(makeEvent(u"routes"_s, u"heartbeat_timeout"_s));
    m_log->append(makeEvent(u"queue"_s, u"latency"_s));
    m_log->flush();
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(proxy.index(1, 0).data(EventLogModel::EventKindRole).toString(),
             u"heartbeat_timeout"_s);
}

QTEST_GUILESS_MAIN(tst_EventLogFilterProxyModel)
#include "tst_eventlogfilterproxymodel.moc"
