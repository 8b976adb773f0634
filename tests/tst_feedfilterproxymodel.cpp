#include "models/feedfilterproxymodel.h"
#include "models/feedtablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
FeedSchema schema()
{
    auto column = [](const QString &field, FeedColumn::Kind kind) {
        FeedColumn c;
        c.field = field;
        c.header = field;
        c.kind = kind;
        return c;
    };
    FeedSchema s;
    s.snapshotType = u"test_update"_s;
    s.key = {u"id"_s};
    s.statusField = u"status"_s;
    s.columns = {
        column(u"id"_s, FeedColumn::Kind::Text), column(u"title"_s, FeedColumn::Kind::Text),
        column(u"n"_s, FeedColumn::Kind::Number), column(u"status"_s, FeedColumn::Kind::Status)};
    return s;
}

QJsonArray sample(const QString &betaStatus = u"failed"_s)
{
    return {QJsonObject {{u"id"_s, u"a"_s},
                         {u"title"_s, u"Alpha build"_s},
                         {u"n"_s, 10},
                         {u"status"_s, u"running"_s}},
            QJsonObject {
                {u"id"_s, u"b"_s}, {u"title"_s, u"Beta"_s}, {u"n"_s, 9}, {u"status"_s, betaStatus}},
            QJsonObject {{u"id"_s, u"c"_s},
                         {u"title"_s, u"Gamma BUILD"_s},
                         {u"n"_s, 100},
                         {u"status"_s, u"In Progress"_s}},
            QJsonObject {{u"id"_s, u"d"_s}, {u"title"_s, u"Delta"_s}, {u"n"_s, -1}}};
}

QString keys(const QAbstractItemModel &proxy)
{
    QStringList result;
    for (int row = 0; row < proxy.rowCount(); ++row)
        result.append(proxy.index(row, 0).data(FeedTableModel::KeyRole).toString());
    return result.join(u' ');
}
} // namespace

class tst_FeedFilterProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void filter_data();
    void filter();
    void sortsNumbersNumerically();
    void followsSnapshots();

private:
    FeedTableModel *m_model = nullptr;
    FeedFilterProxyModel *m_proxy = nullptr;
};

void tst_FeedFilterProxyModel::init()
{
    m_model = new FeedTableModel(schema(), this);
    m_model->applySnapshot(sample());
    m_proxy = new FeedFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    new QAbstractItemModelTester(m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_proxy);
}

void tst_FeedFilterProxyModel::cleanup()
{
    delete m_proxy;
    delete m_model;
}

void tst_FeedFilterProxyModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing") << QString() << QStringList() << u"a b c d"_s;
    QTest::newRow("text, case-insensitive") << u"build"_s << QStringList() << u"a c"_s;
    QTest::newRow("text in a number column") << u"100"_s << QStringList() << u"c"_s;
    QTest::newRow("text, trimmed") << u"  DELT "_s << QStringList() << u"d"_s;
    QTest::newRow("no match") << u"zeta"_s << QStringList() << QString();
    QTest::newRow("one status") << QString() << QStringList {u"failed"_s} << u"b"_s;
    QTest::newRow("statuses, normalized")
        << QString() << QStringList {u"Running"_s, u"in-progress"_s} << u"a c"_s;
    QTest::newRow("text and status") << u"build"_s << QStringList {u"running"_s} << u"a"_s;
}

void tst_FeedFilterProxyModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, statuses);
    QFETCH(QString, expected);

    m_proxy->setFilterText(text);
    m_proxy->setStatusFilter(QSet<QString>(statuses.begin(), statuses.end()));
    QCOMPARE(keys(*m_proxy), expected);

    m_proxy->setFilterText(QString());
    m_proxy->setStatusFilter({});
    QCOMPARE(m_proxy->rowCount(), 4);
}

void tst_FeedFilterProxyModel::sortsNumbersNumerically()
{
    const int n = m_model->columnIndex(u"n"_s);
    m_proxy->sort(n, Qt::AscendingOrder);
    QCOMPARE(keys(*m_proxy), u"d b a c"_s); // -1 9 10 100, not "-1" "10" "100" "9"
    m_proxy->sort(n, Qt::DescendingOrder);
    QCOMPARE(keys(*m_proxy), u"c a b d"_s);
    m_proxy->sort(m_model->columnIndex(u"title"_s), Qt::AscendingOrder);
    QCOMPARE(keys(*m_proxy), u"a b d c"_s);
}

void tst_FeedFilterProxyModel::followsSnapshots()
{
    m_proxy->setStatusFilter({u"failed"_s});
    QCOMPARE(keys(*m_proxy), u"b"_s);
    m_model->applySnapshot(sample(u"completed"_s));
    QCOMPARE(keys(*m_proxy), QString());
    m_model->applySnapshot(sample(u"failed"_s));
    QCOMPARE(keys(*m_proxy), u"b"_s);
}

QTEST_GUILESS_MAIN(tst_FeedFilterProxyModel)
#include "tst_feedfilterproxymodel.moc"
