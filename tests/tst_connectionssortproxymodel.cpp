#include "models/connectionsmodel.h"
#include "models/connectionssortproxymodel.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_ConnectionsSortProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void sortsByValue_data();
    void sortsByValue();
};

void tst_ConnectionsSortProxyModel::sortsByValue_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("ascending");
    QTest::newRow("rtt: numbers, unmeasured last")
        << int(ConnectionsModel::LastRttColumn) << QStringList {u"b"_s, u"a"_s, u"c"_s};
    QTest::newRow("quality: worst last")
        << int(ConnectionsModel::QualityColumn) << QStringList {u"b"_s, u"a"_s, u"c"_s};
    QTest::newRow("messages") << int(ConnectionsModel::MessagesColumn)
                              << QStringList {u"c"_s, u"a"_s, u"b"_s};
    QTest::newRow("circuit: open last")
        << int(ConnectionsModel::CircuitColumn) << QStringList {u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("feed: text") << int(ConnectionsModel::FeedColumn)
                                << QStringList {u"a"_s, u"b"_s, u"c"_s};
}

void tst_ConnectionsSortProxyModel::sortsByValue()
{
    QFETCH(int, column);
    QFETCH(QStringList, ascending);
    ConnectionsModel model;
    FeedStats a;
    a.feedId = u"a"_s;
    a.lastRttMs = 12; // "12 ms" sorts before "9.50 ms" as text
    a.quality = Quality::Tier::Good;
    a.messages = 100;
    FeedStats b;
    b.feedId = u"b"_s;
    b.lastRttMs = 9.5;
    b.quality = Quality::Tier::Excellent;
    b.messages = 2000;
    b.circuitFailures = 3;
    FeedStats c;
    c.feedId = u"c"_s;
    c.quality = Quality::Tier::Disconnected;
    c.messages = 5;
    c.circuit = Circuit::State::Open;
    for (const FeedStats &s : {c, a, b})
        model.updateStats(s);
    ConnectionsSortProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(column, Qt::AscendingOrder);
    QStringList order;
    for (int r = 0; r < proxy.rowCount(); ++r)
        order << proxy.index(r, 0).data(ConnectionsModel::FeedIdRole).toString();
    QCOMPARE(order, ascending);
}

QTEST_GUILESS_MAIN(tst_ConnectionsSortProxyModel)
#include "tst_connectionssortproxymodel.moc"
