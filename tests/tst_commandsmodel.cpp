#include "core/clock.h"
#include "models/commandsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
CommandRecord make(const QString &id, qint64 seq, Command::Status status,
                   const QString &feed = u"queue"_s)
{
    CommandRecord r;
    r.id = id;
    r.seq = seq;
    r.feedId = feed;
    r.name = u"queue.execute"_s;
    r.args = {{u"queue_id"_s, u"q-7"_s}};
    r.status = status;
    r.createdWallMs = 1'800'000'000'000;
    return r;
}
} // namespace

class tst_CommandsModel : public QObject
{
    Q_OBJECT

private slots:
    void newestFirstAndUpdatedInPlace();
    void pendingCountsPerFeed();
    void columnsAndRoles_data();
    void columnsAndRoles();
    void ageMovesWithTheClock();
    void httpActionsSayDoneAndTheirRequest();
};

void tst_CommandsModel::newestFirstAndUpdatedInPlace()
{
    CommandsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset(
        {make(u"a"_s, 1, Command::Status::Acked), make(u"b"_s, 2, Command::Status::Queued)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.recordAt(0).id, u"b"_s);
    model.upsert(make(u"c"_s, 3, Command::Status::Queued));
    QCOMPARE(model.recordAt(0).id, u"c"_s);
    QCOMPARE(model.rowOf(u"a"_s), 2);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.upsert(make(u"b"_s, 2, Command::Status::Sent));
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.record(u"b"_s).status, Command::Status::Sent);
    QCOMPARE(model.record(u"nope"_s).id, QString());
}

void tst_CommandsModel::pendingCountsPerFeed()
{
    CommandsModel model;
    QSignalSpy pending(&model, &CommandsModel::pendingChanged);
    model.upsert(make(u"a"_s, 1, Command::Status::Queued));
    model.upsert(make(u"b"_s, 2, Command::Status::Sent));
    model.upsert(make(u"c"_s, 3, Command::Status::Queued, u"workflows"_s));
    model.upsert(make(u"d"_s, 4, Command::Status::Failed));
    QCOMPARE(model.pendingCount(u"queue"_s), 2);
    QCOMPARE(model.pendingCount(u"workflows"_s), 1);
    QCOMPARE(model.pendingCount(), 3);
    QCOMPARE(model.pendingFeeds(), (QStringList {u"workflows"_s, u"queue"_s}));
    pending.clear();
    model.upsert(make(u"b"_s, 2, Command::Status::Sent)); // still pending: no news
    QCOMPARE(pending.size(), 0);
    model.upsert(make(u"b"_s, 2, Command::Status::Acked));
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().first().toString(), u"queue"_s);
    QCOMPARE(model.pendingCount(u"queue"_s), 1);
}

void tst_CommandsModel::columnsAndRoles_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("canCancel");
    QTest::addColumn<bool>("canRetry");
    QTest::newRow("queued") << int(Command::Status::Queued) << u"queued"_s << true << false;
    QTest::newRow("sent") << int(Command::Status::Sent) << u"sent, waiting for ack"_s << false
                          << false;
    QTest::newRow("acked") << int(Command::Status::Acked) << u"acked"_s << false << false;
    QTest::newRow("failed") << int(Command::Status::Failed) << u"failed"_s << false << true;
    QTest::newRow("expired") << int(Command::Status::Expired) << u"expired"_s << false << true;
    QTest::newRow("cancelled") << int(Command::Status::Cancelled) << u"cancelled"_s << false
                               << false;
}

void tst_CommandsModel::columnsAndRoles()
{
    QFETCH(int, status);
    QFETCH(QString, text);
    QFETCH(bool, canCancel);
    QFETCH(bool, canRetry);
    CommandsModel model;
    CommandRecord r = make(u"0123456789abcdef"_s, 1, Command::Status(status));
    r.attempts = 3;
    r.ackTimeouts = 1;
    r.error = u"no phase with queue_id q-7"_s;
    model.upsert(r);
    auto cell = [&](int column, int role = Qt::DisplayRole) {
        return model.index(0, column).data(role);
    };
    QCOMPARE(cell(CommandsModel::IdColumn).toString(), u"01234567"_s);
    QCOMPARE(cell(CommandsModel::IdColumn, Qt::ToolTipRole).toString(), r.id);
    QCOMPARE(cell(CommandsModel::FeedColumn).toString(), u"queue"_s);
    QCOMPARE(cell(CommandsModel::NameColumn).toString(), u"queue.execute"_s);
    QCOMPARE(cell(CommandsModel::ArgsColumn).toString(), u"queue_id=q-7"_s);
    QCOMPARE(cell(CommandsModel::StateColumn).toString(), text);
    QCOMPARE(cell(CommandsModel::AttemptsColumn).toInt(), 3);
    QVERIFY(cell(CommandsModel::AttemptsColumn, Qt::ToolTipRole)
                .toString()
                .contains(u"1 ack windows elapsed"_s));
    QCOMPARE(cell(CommandsModel::ErrorColumn).toString(), r.error);
    QCOMPARE(cell(0, CommandsModel::CanCancelRole).toBool(), canCancel);
    QCOMPARE(cell(0, CommandsModel::CanRetryRole).toBool(), canRetry);
    QCOMPARE(cell(0, CommandsModel::StatusRole).value<Command::Status>(), Command::Status(status));
    QCOMPARE(cell(0, CommandsModel::RecordRole).value<CommandRecord>().id, r.id);
    QCOMPARE(model.headerData(CommandsModel::AgeColumn, Qt::Horizontal).toString(), u"Age"_s);
    QVERIFY(!model.index(1, 0).data().isValid());
}

void tst_CommandsModel::ageMovesWithTheClock()
{
    ManualClock clock(0, 1'800'000'000'000);
    CommandsModel model(&clock);
    model.upsert(make(u"a"_s, 1, Command::Status::Queued));
    QCOMPARE(model.index(0, CommandsModel::AgeColumn).data().toString(), u"0 s"_s);
    clock.advance(61'000);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(CommandsModel::AgeColumn));
    QCOMPARE(model.index(0, CommandsModel::AgeColumn).data().toString(), u"1 min 1 s"_s);
}

void tst_CommandsModel::httpActionsSayDoneAndTheirRequest()
{
    CommandsModel model;
    CommandRecord r = make(u"h"_s, 1, Command::Status::Sent);
    r.request.method = u"POST"_s;
    r.request.path = u"/api/v1/queue/q-7/execute"_s;
    r.attempts = 2;
    r.ackTimeouts = 1;
    model.upsert(r);
    const QModelIndex state = model.index(0, CommandsModel::StateColumn);
    QCOMPARE(state.data().toString(), u"sent, waiting for the answer"_s);
    QVERIFY(model.index(0, CommandsModel::AttemptsColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(u"Sent 2 times as POST /api/v1/queue/q-7/execute; 1 without"_s));
    r.status = Command::Status::Acked;
    model.upsert(r);
    QCOMPARE(model.index(0, CommandsModel::StateColumn).data().toString(), u"done"_s);
    // A WebSocket command keeps its words.
    model.upsert(make(u"w"_s, 2, Command::Status::Acked));
    QCOMPARE(model.index(model.rowOf(u"w"_s), CommandsModel::StateColumn).data().toString(),
             u"acked"_s);
}

QTEST_GUILESS_MAIN(tst_CommandsModel)
#include "tst_commandsmodel.moc"
