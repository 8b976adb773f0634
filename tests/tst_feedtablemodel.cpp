#include "config/config.h"
#include "models/feedtablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

FeedColumn column(const QString &field, FeedColumn::Kind kind, const QString &header)
{
    FeedColumn c;
    c.field = field;
    c.kind = kind;
    c.header = header;
    return c;
}

FeedSchema testSchema()
{
    FeedSchema schema;
    schema.snapshotType = u"test_update"_s;
    schema.key = {u"id"_s};
    schema.statusField = u"status"_s;
    schema.columns = {column(u"id"_s, FeedColumn::Kind::Id, u"ID"_s),
                      column(u"n"_s, FeedColumn::Kind::Number, u"N"_s),
                      column(u"status"_s, FeedColumn::Kind::Status, u"Status"_s)};
    return schema;
}

// A feed of the built-in tac-webbuilder profile.
FeedSchema profileSchema(const QString &feed)
{
    return ConfigLoader::defaultProfile()->definitionFor(feed).schema;
}

FeedSchema genericSchema()
{
    FeedSchema schema;
    schema.view = FeedSchema::View::Generic;
    return schema;
}

// "a b:2 c:3:failed" -> [{"id":"a","n":1}, {"id":"b","n":2}, {"id":"c","n":3,"status":"failed"}]
QJsonArray rows(const QString &spec)
{
    QJsonArray array;
    const auto tokens = spec.split(u' ', Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        const QStringList parts = token.split(u':');
        QJsonObject row {{u"id"_s, parts.at(0)},
                         {u"n"_s, parts.size() > 1 ? parts.at(1).toInt() : 1}};
        if (parts.size() > 2)
            row.insert(u"status"_s, parts.at(2));
        array.append(row);
    }
    return array;
}

QString keys(const FeedTableModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(FeedTableModel::KeyRole).toString());
    return result.join(u' ');
}

QJsonValue parse(const QByteArray &json)
{
    // Wrapped so scalars parse too.
    return QJsonDocument::fromJson("[" + json + "]").array().at(0);
}

// Records every structural signal of a model, in order, as short readable lines.
class SignalLog : public QObject
{
public:
    explicit SignalLog(FeedTableModel *model)
    {
        const auto range = [](const char *what, int first, int last) {
            return u"%1 %2-%3"_s.arg(QLatin1StringView(what)).arg(first).arg(last);
        };
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [=, this](const QModelIndex &, int first, int last) {
                    lines.append(range("insert", first, last));
                });
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                [=, this](const QModelIndex &, int first, int last) {
                    lines.append(range("remove", first, last));
                });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [=, this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    QString line = range("change", topLeft.row(), bottomRight.row());
                    if (topLeft.column() != 0 || bottomRight.column() != model->columnCount() - 1)
                        line += u" partial"_s;
                    lines.append(line);
                });
        connect(model, &QAbstractItemModel::modelReset, this, [this] { lines.append(u"reset"_s); });
        connect(model, &QAbstractItemModel::layoutChanged, this,
                [this] { lines.append(u"layout"_s); });
        connect(model, &QAbstractItemModel::rowsMoved, this, [this] { lines.append(u"move"_s); });
        connect(model, &QAbstractItemModel::headerDataChanged, this,
                [this] { lines.append(u"header"_s); });
        connect(model, &FeedTableModel::metaChanged, this, [this] { lines.append(u"meta"_s); });
    }
    QStringList lines;
};

} // namespace

class tst_FeedTableModel : public QObject
{
    Q_OBJECT

private slots:
    void keyedDiff_data();
    void keyedDiff();
    void identicalSnapshotEmitsNothing();
    void duplicateKeysAreKeptAndCounted();
    void mismatchShowsWhatArrived();
    void emptyColumnsAreReported();
    void statusTonesFromTheProfile();
    void malformedData_data();
    void malformedData();
    void wrongFieldTypesShowEmpty();
    void roles();
    void metaChangedOnlyWhenChanged();
    void genericColumnsResetOnlyWhenTheyChange();
    void modelTesterThroughSnapshots();
};

void tst_FeedTableModel::keyedDiff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("signals_");
    QTest::addColumn<QString>("keysAfter");

    QTest::newRow("insert into empty") << ""
                                       << "a b" << QStringList {u"insert 0-1"_s} << "a b";
    QTest::newRow("insert only") << "a b"
                                 << "a b c d" << QStringList {u"insert 2-3"_s} << "a b c d";
    // New keys are appended in snapshot order even when the snapshot lists them first.
    QTest::newRow("insert before existing")
        << "a b"
        << "x a y b" << QStringList {u"insert 2-3"_s} << "a b x y";
    QTest::newRow("remove one range") << "a b c d e"
                                      << "a e" << QStringList {u"remove 1-3"_s} << "a e";
    QTest::newRow("remove three ranges, back to front")
        << "a b c d e"
        << "b d" << QStringList {u"remove 4-4"_s, u"remove 2-2"_s, u"remove 0-0"_s} << "b d";
    QTest::newRow("remove all") << "a b"
                                << "" << QStringList {u"remove 0-1"_s} << "";
    QTest::newRow("change one") << "a b c d"
                                << "a b:2 c d" << QStringList {u"change 1-1"_s} << "a b c d";
    QTest::newRow("change two adjacent, merged")
        << "a b c d e"
        << "a b:2 c:2 d e" << QStringList {u"change 1-2"_s} << "a b c d e";
    QTest::newRow("change half, separate ranges")
        << "a b c d"
        << "a:2 b c:2 d" << QStringList {u"change 0-0"_s, u"change 2-2"_s} << "a b c d";
    QTest::newRow("change most, one full range")
        << "a b c d"
        << "a:2 b c:2 d:2" << QStringList {u"change 0-3"_s} << "a b c d";
    QTest::newRow("status change is a change")
        << "a b c"
        << "a b:1:failed c" << QStringList {u"change 1-1"_s} << "a b c";
    // Existing rows keep their position: reordering alone is not a change.
    QTest::newRow("reordered") << "a b c"
                               << "c a b" << QStringList() << "a b c";
    QTest::newRow("reordered with one change")
        << "a b c"
        << "c:2 b a" << QStringList {u"change 2-2"_s} << "a b c";
    QTest::newRow("mixed insert, remove, change")
        << "a b c d e f"
        << "b c:2 e g h f:2"
        << QStringList {u"remove 3-3"_s, u"remove 0-0"_s, u"change 1-1"_s, u"change 3-3"_s,
                        u"insert 4-5"_s}
        << "b c e f g h";
}

void tst_FeedTableModel::keyedDiff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QStringList, signals_);
    QFETCH(QString, keysAfter);

    FeedTableModel model(testSchema());
    model.applySnapshot(rows(before));
    QCOMPARE(keys(model), QStringList(before.split(u' ', Qt::SkipEmptyParts)).join(u' '));

    SignalLog log(&model);
    model.applySnapshot(rows(after));
    QCOMPARE(log.lines, signals_);
    QCOMPARE(keys(model), keysAfter);
    QVERIFY(model.lastError().isEmpty());

    // Every row now holds the snapshot's values.
    const QJsonArray expected = rows(after);
    for (const QJsonValue &value : expected) {
        const QJsonObject object = value.toObject();
        const int row = model.rowOfKey(object.value(u"id"_s).toString());
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, 0).data(FeedTableModel::RowObjectRole).toJsonObject(), object);
    }
}

void tst_FeedTableModel::identicalSnapshotEmitsNothing()
{
    FeedTableModel model(profileSchema(u"queue"_s));
    const QJsonValue snapshot = parse(R"({"paused": false, "phases": [
        {"queue_id": "q1", "status": "running", "phase_data": {"title": "Plan"}},
        {"queue_id": "q2", "status": "queued"}]})"_ba);
    model.applySnapshot(snapshot);
    QCOMPARE(model.rowCount(), 2);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy aboutToRemove(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
    QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
    QSignalSpy meta(&model, &FeedTableModel::metaChanged);

    model.applySnapshot(snapshot);
    model.applySnapshot(parse(QJsonDocument(snapshot.toObject()).toJson()));

    for (const QSignalSpy *spy : {&inserted, &removed, &changed, &reset, &layout, &aboutToInsert,
                                  &aboutToRemove, &header, &meta})
        QCOMPARE(spy->count(), 0);
}

void tst_FeedTableModel::duplicateKeysAreKeptAndCounted()
{
    // Every row the server sent is shown; the repeated keys are said (#15 item 10).
    FeedTableModel model(testSchema());
    QSignalSpy problem(&model, &FeedTableModel::problemChanged);
    model.applySnapshot(rows(u"a:1 b:5 a:2 b:3 c"_s));
    QCOMPARE(keys(model), u"a b a b c"_s);
    QCOMPARE(model.index(2, model.columnIndex(u"n"_s)).data().toString(), u"2"_s);
    QCOMPARE(model.lastWarningCount(), 2);
    QCOMPARE(model.rowWarningText(), u"2 row(s) repeat another row's key"_s);
    QCOMPARE(problem.count(), 1);
    // The repeated rows keep their place in the keyed diff too.
    SignalLog log(&model);
    model.applySnapshot(rows(u"a:1 b:5 a:9 b:3 c"_s));
    QCOMPARE(log.lines, QStringList {u"change 2-2"_s});

    model.applySnapshot(rows(u"a b c"_s));
    QCOMPARE(model.lastWarningCount(), 0);
    QVERIFY(model.lastError().isEmpty());
    QCOMPARE(problem.count(), 2);
}

void tst_FeedTableModel::mismatchShowsWhatArrived()
{
    // planned-features as an older server sent it: a bare array, not {features, stats}.
    FeedTableModel model(profileSchema(u"planned-features"_s));
    SignalLog log(&model);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"expected an array .* at /features"_s));
    model.applySnapshot(parse(R"([{"id": 1, "title": "A", "status": "planned"},
                                  {"id": 2, "title": "B", "status": "done"}])"_ba));
    QVERIFY(!model.shapeProblem().isNull());
    QCOMPARE(model.shapeProblem().path, u"/features"_s);
    QVERIFY(model.derivedColumns());
    QCOMPARE(model.rowCount(), 2); // never an empty page that looks fine
    QCOMPARE(model.columnIndex(u"title"_s) >= 0, true);
    QCOMPARE(model.index(1, 0).data(FeedTableModel::StatusRole).toString(), u"done"_s);
    QVERIFY(model.lastError().startsWith(u"expected an array"_s));
    QCOMPARE(log.lines, QStringList {u"reset"_s});
    // The right shape again: the profile's columns, the problem gone.
    model.applySnapshot(parse(R"({"features": [{"id": 1, "title": "A"}], "stats": {}})"_ba));
    QVERIFY(model.shapeProblem().isNull());
    QVERIFY(!model.derivedColumns());
    QCOMPARE(model.columnCount(), profileSchema(u"planned-features"_s).columns.size());
    QCOMPARE(model.meta(), QJsonObject({{u"stats"_s, QJsonObject()}}));
}

void tst_FeedTableModel::emptyColumnsAreReported()
{
    FeedTableModel model(testSchema());
    QSignalSpy spy(&model, &FeedTableModel::emptyColumnsChanged);
    model.applySnapshot(rows(u"a b"_s)); // no status in any row
    const int status = model.columnIndex(u"status"_s);
    QVERIFY(model.isColumnEmpty(status));
    QVERIFY(!model.isColumnEmpty(model.columnIndex(u"id"_s)));
    const int signalsBefore = int(spy.count());
    model.applySnapshot(rows(u"a b:1:failed"_s));
    QVERIFY(!model.isColumnEmpty(status));
    QCOMPARE(spy.count(), signalsBefore + 1);
}

void tst_FeedTableModel::statusTonesFromTheProfile()
{
    FeedTableModel model(profileSchema(u"planned-features"_s));
    model.applySnapshot(parse(R"({"features": [{"id": 1, "status": "Cancelled"},
                                               {"id": 2, "status": "in-progress"},
                                               {"id": 3, "status": "invented"}]})"_ba));
    QCOMPARE(model.index(0, 0).data(FeedTableModel::StatusRole).toString(), u"cancelled"_s);
    QCOMPARE(model.index(0, 0).data(FeedTableModel::ToneRole).toString(), u"idle"_s);
    QCOMPARE(model.index(1, 0).data(FeedTableModel::ToneRole).toString(), u"warning"_s);
    QCOMPARE(model.index(2, 0).data(FeedTableModel::ToneRole).toString(), QString());
}

void tst_FeedTableModel::malformedData_data()
{
    QTest::addColumn<QString>("feed");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("rowCount");
    QTest::addColumn<bool>("mismatch"); // shown generically under a problem banner
    QTest::addColumn<bool>("warning");  // rows kept with a warning

    const QString test = u"test"_s, queue = u"queue"_s, system = u"system-status"_s;
    QTest::newRow("null") << test << "null"_ba << 1 << true << false;
    QTest::newRow("number") << test << "42"_ba << 1 << true << false;
    QTest::newRow("string") << test << R"("phases")"_ba << 1 << true << false;
    QTest::newRow("object instead of array") << test << R"({"id": "a"})"_ba << 1 << true << false;
    QTest::newRow("array of non-objects")
        << test << R"([1, "a", null, [], true])"_ba << 0 << false << true;
    QTest::newRow("some rows without key")
        << test << R"([{"id": "a"}, {"n": 1}, {"id": null}, {"id": ""}])"_ba << 4 << false << true;
    QTest::newRow("numeric keys") << test << R"([{"id": 7}, {"id": 8.0}])"_ba << 2 << false
                                  << false;
    QTest::newRow("queue: array instead of object") << queue << "[]"_ba << 1 << true << false;
    QTest::newRow("queue: phases is a number")
        << queue << R"({"phases": 3})"_ba << 1 << true << false;
    QTest::newRow("queue: no phases") << queue << R"({"paused": true})"_ba << 1 << true << false;
    QTest::newRow("system: services is an empty array")
        << system << R"({"services": []})"_ba << 0 << false << false;
    QTest::newRow("system: a service is a string")
        << system << R"({"services": {"db": "up", "api": {"status": "healthy"}}})"_ba << 2 << true
        << false;
    QTest::newRow("generic: number") << u"generic"_s << "3.5"_ba << 1 << false << false;
}

void tst_FeedTableModel::malformedData()
{
    QFETCH(QString, feed);
    QFETCH(QByteArray, json);
    QFETCH(int, rowCount);
    QFETCH(bool, mismatch);
    QFETCH(bool, warning);

    FeedTableModel model(feed == u"test"_s          ? testSchema()
                             : feed == u"generic"_s ? genericSchema()
                                                    : profileSchema(feed));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    if (mismatch)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"expected"_s));
    model.applySnapshot(parse(json));
    QCOMPARE(model.rowCount(), rowCount);
    QCOMPARE(!model.shapeProblem().isNull(), mismatch);
    QCOMPARE(model.lastWarningCount() > 0, warning);
    QCOMPARE(!model.lastError().isEmpty(), mismatch || warning);
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                             int(FeedTableModel::RawValueRole), int(FeedTableModel::StatusRole)})
                model.index(row, column).data(role);
        }
    }
}

void tst_FeedTableModel::wrongFieldTypesShowEmpty()
{
    FeedTableModel model(profileSchema(u"queue"_s));
    model.applySnapshot(parse(R"({"phases": [{"queue_id": "q1", "feature_id": "twelve",
        "phase_number": {"a": 1}, "status": 3, "phase_data": "not an object",
        "created_at": false, "pr_number": null, "priority": "high", "extra": [1, 2]}]})"_ba));
    QVERIFY(model.lastError().isEmpty());
    QCOMPARE(model.rowCount(), 1);
    for (const QString &field : {u"phase_number"_s, u"phase_data.title"_s, u"created_at"_s,
                                 u"pr_number"_s, u"priority"_s}) {
        const int column = model.columnIndex(field);
        QVERIFY2(column >= 0, qPrintable(field));
        QCOMPARE(model.index(0, column).data().toString(), QString());
    }
    // Loose but readable values are shown as they came.
    QCOMPARE(model.index(0, model.columnIndex(u"feature_id"_s)).data().toString(), u"twelve"_s);
    QCOMPARE(model.index(0, model.columnIndex(u"status"_s)).data().toString(), u"3"_s);
    QCOMPARE(model.index(0, 0).data(FeedTableModel::KeyRole).toString(), u"q1"_s);
}

void tst_FeedTableModel::roles()
{
    FeedTableModel model(profileSchema(u"queue"_s));
    model.applySnapshot(parse(R"({"phases": [{"queue_id": "q1", "priority": 12,
        "status": "Running", "phase_data": {"title": "Build it"}, "pr_number": 7}]})"_ba));

    const int title = model.columnIndex(u"phase_data.title"_s);
    const int issue = model.columnIndex(u"priority"_s);
    const int status = model.columnIndex(u"status"_s);
    QVERIFY(title >= 0 && issue >= 0 && status >= 0);
    QCOMPARE(model.statusColumn(), status);
    QCOMPARE(model.columnIndex(u"no_such_field"_s), -1);

    QCOMPARE(model.index(0, title).data().toString(), u"Build it"_s);
    QCOMPARE(model.index(0, title).data(Qt::ToolTipRole).toString(), u"Build it"_s);
    QCOMPARE(model.index(0, status).data().toString(), u"Running"_s);
    QCOMPARE(model.index(0, title).data(FeedTableModel::StatusRole).toString(), u"running"_s);
    QCOMPARE(model.index(0, title).data(FeedTableModel::ToneRole).toString(), u"warning"_s);
    QCOMPARE(model.index(0, title).data(FeedTableModel::KeyRole).toString(), u"q1"_s);
    QCOMPARE(model.index(0, 0)
                 .data(FeedTableModel::RowObjectRole)
                 .toJsonObject()
                 .value(u"pr_number"_s)
                 .toInt(),
             7);

    const QVariant raw = model.index(0, issue).data(FeedTableModel::RawValueRole);
    QVERIFY(raw.canConvert<double>());
    QCOMPARE(raw.toDouble(), 12.0);
    QCOMPARE(model.index(0, issue).data(Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
    QVERIFY(!model.index(0, title).data(Qt::TextAlignmentRole).isValid());

    QCOMPARE(model.headerData(title, Qt::Horizontal).toString(), u"Title"_s);
    QVERIFY(!model.headerData(model.columnCount(), Qt::Horizontal).isValid());
    QVERIFY(!model.index(1, 0).data().isValid());
    QCOMPARE(model.roleNames().value(FeedTableModel::StatusRole), "status"_ba);
    QCOMPARE(QMetaEnum::fromType<FeedTableModel::Role>().valueToKey(FeedTableModel::RawValueRole),
             "RawValueRole");
}

void tst_FeedTableModel::metaChangedOnlyWhenChanged()
{
    FeedTableModel model(profileSchema(u"queue"_s));
    QSignalSpy meta(&model, &FeedTableModel::metaChanged);

    model.applySnapshot(parse(R"({"paused": false, "phases": [{"queue_id": "a"}]})"_ba));
    QCOMPARE(meta.count(), 1);
    QCOMPARE(model.meta(), QJsonObject({{u"paused"_s, false}}));

    model.applySnapshot(parse(R"({"paused": false, "phases": [{"queue_id": "b"}]})"_ba));
    QCOMPARE(meta.count(), 1);

    model.applySnapshot(parse(R"({"paused": true, "phases": [{"queue_id": "b"}]})"_ba));
    QCOMPARE(meta.count(), 2);
    QCOMPARE(model.meta().value(u"paused"_s).toBool(), true);
}

void tst_FeedTableModel::genericColumnsResetOnlyWhenTheyChange()
{
    FeedTableModel model(genericSchema());
    SignalLog log(&model);

    model.applySnapshot(parse(R"([{"id": 1, "name": "x"}, {"id": 2, "name": "y"}])"_ba));
    QCOMPARE(log.lines, QStringList {u"reset"_s});
    QCOMPARE(model.rowCount(), 2);

    log.lines.clear();
    model.applySnapshot(parse(R"([{"id": 1, "name": "x"}, {"id": 3, "name": "z"}])"_ba));
    QCOMPARE(log.lines, QStringList({u"remove 1-1"_s, u"insert 1-1"_s}));

    log.lines.clear();
    model.applySnapshot(parse(R"([{"id": 1, "name": "x", "extra": true}])"_ba));
    QCOMPARE(log.lines, QStringList {u"reset"_s});
    // The fields as QJsonObject orders them (alphabetically).
    QCOMPARE(model.columnIndex(u"extra"_s), 0);
    QCOMPARE(model.columnIndex(u"id"_s), 1);
}

void tst_FeedTableModel::modelTesterThroughSnapshots()
{
    FeedTableModel model(testSchema());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList sequence {u""_s,
                                u"a b c"_s,
                                u"a b c d e f g"_s,
                                u"a:2 c:2 e:2 g:2 h"_s,
                                u"h g f e d c b a"_s,
                                u"z"_s,
                                u"z:3:failed y x w v"_s,
                                u""_s};
    for (const QString &spec : sequence) {
        model.applySnapshot(rows(spec));
        QCOMPARE(model.rowCount(), int(spec.split(u' ', Qt::SkipEmptyParts).size()));
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"expected"_s));
    model.applySnapshot(QJsonValue(5));
    model.applySnapshot(rows(u"a b"_s));
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(tst_FeedTableModel)
#include "tst_feedtablemodel.moc"
