#include "dashboard/enginerunner.h"
#include "dashboard/feedhub.h"
#include "demoserver.h"
#include "feedactions.h"
#include "feedpages.h"
#include "feedpanel.h"
#include "models/commandsmodel.h"
#include "models/feedtablemodel.h"
#include "testfeedserver.h"
#include "triggerworkflowdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QByteArray kQueue = R"({"type":"queue_update","data":{"paused":false,"phases":[
    {"queue_id":"q-ready","parent_issue":7,"phase_number":1,"status":"ready"},
    {"queue_id":"q-failed","parent_issue":8,"phase_number":1,"status":"failed"},
    {"queue_id":"q-running","parent_issue":9,"phase_number":1,"status":"running"},
    {"queue_id":"q-queued","parent_issue":9,"phase_number":2,"status":"queued"}]}})";

// The app's wiring for one queue page: hub, engine thread with its command queue (journal in a
// temporary file), and the page the window would show.
struct Rig
{
    QTemporaryDir dir;
    std::unique_ptr<FeedHub> hub;
    std::unique_ptr<EngineRunner> runner;
    std::unique_ptr<FeedPanel> queue;
    std::unique_ptr<FeedPanel> workflows;

    void start(const QUrl &server, const QStringList &feeds = {u"queue"_s, u"workflows"_s},
               const QStringList &sets = {})
    {
        ConfigOverrides o;
        o.server = server.toString();
        o.feeds = feeds;
        o.sets =
            QStringList {u"stagger.step_ms=0"_s, u"backoff.initial_ms=20"_s, u"backoff.jitter=0"_s}
            + sets;
        const ConfigResult config = ConfigLoader::fromJson({}, o);
        QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
        hub = std::make_unique<FeedHub>(config.config);
        runner = std::make_unique<EngineRunner>(hub.get());
        runner->setDataPath(dir.filePath(u"feedwatch.sqlite"_s));
        runner->start(config.config);
        queue.reset(FeedPages::create(hub.get(), u"queue"_s, u"queue"_s));
        queue->resize(1100, 500);
        queue->show();
        if (feeds.contains(u"workflows"_s))
            workflows.reset(FeedPages::create(hub.get(), u"workflows"_s, u"workflows"_s));
    }
    ~Rig()
    {
        queue.reset();
        workflows.reset();
        if (runner)
            runner->stop();
    }
    FeedActions *actions() const { return queue->findChild<FeedActions *>(); }
    QToolButton *button(const QString &name) const { return queue->findChild<QToolButton *>(name); }
    bool selectKey(const QString &key) const
    {
        QTableView *view = queue->tableView();
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            if (index.data(FeedTableModel::KeyRole).toString() == key) {
                view->setCurrentIndex(index);
                return true;
            }
        }
        return false;
    }
    QString statusOf(const QString &key) const
    {
        const FeedTableModel *model = queue->model();
        const int row = model->rowOfKey(key);
        return row < 0 ? QString()
                       : model->index(row, 0).data(FeedTableModel::StatusRole).toString();
    }
    QString firstKeyWithStatus(const QString &status) const
    {
        const FeedTableModel *model = queue->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(FeedTableModel::StatusRole).toString() == status)
                return model->keyAt(row);
        }
        return {};
    }
};

template<typename T>
T *waitForDialog(QWidget *parent, const QString &name = {})
{
    T *found = nullptr;
    (void)QTest::qWaitFor([&] {
        for (T *candidate : parent->findChildren<T *>(name)) {
            if (candidate->isVisible())
                found = candidate;
        }
        return found != nullptr;
    });
    return found;
}
} // namespace

class tst_FeedActions : public QObject
{
    Q_OBJECT

private slots:
    void enabledOnlyForRowsInTheRightStatus();
    void pauseReachesTheDemoBackendAndTheSnapshotShowsIt();
    void executeRetryAndRemoveChangeTheQueue();
    void triggerWorkflowAsksForAValidIssue();
    void queuedWhileTheFeedIsDownAndSaidSo();
    void fullQueueIsRefusedAtOnce();
    void unknownFeedIsRefusedAtOnce();
};

void tst_FeedActions::enabledOnlyForRowsInTheRightStatus()
{
    TestFeedServer server;
    server.setInitialSnapshot(kQueue);
    QVERIFY(server.listen());
    Rig rig;
    rig.start(server.baseUrl());
    QTRY_COMPARE(rig.queue->model()->rowCount(), 4);
    FeedActions *actions = rig.actions();
    QVERIFY(actions);
    // Nothing selected: no row action.
    QVERIFY(!actions->executeAction()->isEnabled());
    QVERIFY(!actions->retryAction()->isEnabled());
    QVERIFY(!actions->removeAction()->isEnabled());
    QVERIFY(actions->pauseResumeAction()->isEnabled());
    QCOMPARE(actions->pauseResumeAction()->text(), u"Pause queue"_s);
    struct Expect
    {
        const char *key;
        bool execute;
        bool retry;
        bool remove;
    };
    for (const Expect &e :
         {Expect {"q-ready", true, false, true}, Expect {"q-failed", false, true, true},
          Expect {"q-running", false, false, false}, Expect {"q-queued", false, false, true}}) {
        QVERIFY(rig.selectKey(QString::fromLatin1(e.key)));
        QCOMPARE(actions->executeAction()->isEnabled(), e.execute);
        QCOMPARE(actions->retryAction()->isEnabled(), e.retry);
        QCOMPARE(actions->removeAction()->isEnabled(), e.remove);
        // The buttons are the actions.
        QCOMPARE(rig.button(u"executeButton"_s)->isEnabled(), e.execute);
        QCOMPARE(rig.button(u"retryButton"_s)->isEnabled(), e.retry);
    }
    QVERIFY(rig.selectKey(u"q-running"_s));
    QVERIFY(actions->executeAction()->toolTip().contains(u"q-running is running"_s));
    // The context menu carries the same actions.
    QCOMPARE(rig.queue->tableView()->contextMenuPolicy(), Qt::CustomContextMenu);
}

void tst_FeedActions::pauseReachesTheDemoBackendAndTheSnapshotShowsIt()
{
    DemoServer demo;
    demo.setSeed(3);
    QVERIFY(demo.start(0));
    Rig rig;
    rig.start(demo.baseUrl());
    QTRY_VERIFY(rig.queue->showsLive());
    QTRY_VERIFY(rig.queue->model()->rowCount() > 0);
    QToolButton *pause = rig.button(u"pauseResumeButton"_s);
    QCOMPARE(pause->text(), u"Pause queue"_s);
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_VERIFY(demo.simulator().isPaused());
    // The backend's next snapshot says paused: the banner and the button follow it.
    QTRY_VERIFY(rig.queue->model()->meta().value("paused"_L1).toBool());
    QTRY_COMPARE(pause->text(), u"Resume queue"_s);
    QVERIFY(rig.queue->bannerText().startsWith(u"Queue paused"_s));
    QTRY_COMPARE(rig.actions()->feedbackText(), u"✓ Pause queue: done"_s);
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_VERIFY(!demo.simulator().isPaused());
    QTRY_COMPARE(pause->text(), u"Pause queue"_s);
    QCOMPARE(demo.appliedCount(u"queue.pause"_s), 1);
    QCOMPARE(demo.appliedCount(u"queue.resume"_s), 1);
}

void tst_FeedActions::executeRetryAndRemoveChangeTheQueue()
{
    DemoServer demo;
    demo.setSeed(3);
    demo.setRate(0.01); // the data holds still while the test clicks
    QVERIFY(demo.start(0));
    Rig rig;
    rig.start(demo.baseUrl());
    QTRY_VERIFY(rig.queue->model()->rowCount() > 0);
    const QString ready = rig.firstKeyWithStatus(u"ready"_s);
    QVERIFY(!ready.isEmpty());
    QVERIFY(rig.selectKey(ready));
    QTest::mouseClick(rig.button(u"executeButton"_s), Qt::LeftButton);
    QTRY_COMPARE(rig.statusOf(ready), u"running"_s);
    QVERIFY(!rig.actions()->executeAction()->isEnabled()); // it is running now
    QVERIFY(!rig.actions()->removeAction()->isEnabled());

    const QString queued = rig.firstKeyWithStatus(u"queued"_s);
    QVERIFY(rig.selectKey(queued));
    QTest::mouseClick(rig.button(u"removeButton"_s), Qt::LeftButton);
    // Removing asks first; Cancel leaves the phase alone.
    auto *box = waitForDialog<QMessageBox>(rig.queue.get(), u"removeConfirmation"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(queued));
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(100);
    QVERIFY(rig.queue->model()->rowOfKey(queued) >= 0);
    QCOMPARE(demo.appliedCount(u"queue.remove"_s), 0);
    QTest::mouseClick(rig.button(u"removeButton"_s), Qt::LeftButton);
    box = waitForDialog<QMessageBox>(rig.queue.get(), u"removeConfirmation"_s);
    QVERIFY(box);
    box->findChild<QPushButton *>(u"confirmRemoveButton"_s)->click();
    QTRY_COMPARE(rig.queue->model()->rowOfKey(queued), -1);
    QCOMPARE(demo.appliedCount(u"queue.remove"_s), 1);
}

void tst_FeedActions::triggerWorkflowAsksForAValidIssue()
{
    DemoServer demo;
    demo.setSeed(3);
    QVERIFY(demo.start(0));
    Rig rig;
    rig.start(demo.baseUrl());
    QTRY_VERIFY(rig.queue->showsLive());
    FeedActions *actions = rig.workflows->findChild<FeedActions *>();
    QVERIFY(actions);
    QVERIFY(actions->triggerAction()->isEnabled());
    actions->triggerAction()->trigger();
    auto *dialog = waitForDialog<TriggerWorkflowDialog>(rig.workflows.get());
    QVERIFY(dialog);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // empty
    QTest::keyClicks(dialog->issueEdit(), u"abc"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->errorText().contains(u"not a number"_s));
    dialog->issueEdit()->setText(u"-4"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->errorText().contains(u"1 or more"_s));
    dialog->issueEdit()->setText(u"99999999999"_s);
    QVERIFY(!ok->isEnabled());
    dialog->issueEdit()->setText(u"4242"_s);
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog->errorText().isEmpty());
    ok->click();
    // It goes out on the workflows feed, and the backend starts the workflow.
    QTRY_COMPARE(rig.hub->commands()->rowCount(), 1);
    const CommandRecord record = rig.hub->commands()->recordAt(0);
    QCOMPARE(record.feedId, u"workflows"_s);
    QCOMPARE(record.name, u"workflow.trigger"_s);
    QCOMPARE(record.args.value("issue_number"_L1).toInt(), 4242);
    QTRY_COMPARE(rig.hub->commands()->record(record.id).status, Command::Status::Acked);
    QTRY_COMPARE(actions->feedbackText(), u"✓ Trigger workflow for issue #4242: done"_s);
    QCOMPARE(demo.appliedCount(u"workflow.trigger"_s), 1);
}

void tst_FeedActions::queuedWhileTheFeedIsDownAndSaidSo()
{
    // No backend at all: the command waits, and the page says so; it is not lost.
    Rig rig;
    rig.start(QUrl(u"ws://127.0.0.1:1"_s));
    FeedActions *actions = rig.actions();
    QTest::mouseClick(rig.button(u"pauseResumeButton"_s), Qt::LeftButton);
    QTRY_COMPARE(rig.hub->commands()->pendingCount(u"queue"_s), 1);
    QVERIFY2(actions->feedbackText().contains(u"queued — goes out when queue is live again"_s),
             qPrintable(actions->feedbackText()));
    QTRY_COMPARE(rig.queue->pendingText(), u"1 command waiting"_s);
    QTRY_COMPARE(actions->pauseResumeAction()->text(), u"Pausing…"_s);
    QVERIFY(!actions->pauseResumeAction()->isEnabled()); // one pause on its way is enough
}

void tst_FeedActions::fullQueueIsRefusedAtOnce()
{
    Rig rig;
    rig.start(QUrl(u"ws://127.0.0.1:1"_s), {u"queue"_s, u"workflows"_s},
              {u"commands.max_pending=1"_s});
    FeedActions *actions = rig.workflows->findChild<FeedActions *>();
    actions->triggerWorkflow(1);
    QTRY_COMPARE(rig.hub->commands()->pendingCount(u"workflows"_s), 1);
    actions->triggerWorkflow(2);
    QTRY_VERIFY2(actions->feedbackText().contains(u"not accepted: 1 commands already wait for "
                                                  "workflows (commands.max_pending)"_s),
                 qPrintable(actions->feedbackText()));
    QCOMPARE(rig.hub->commands()->pendingCount(u"workflows"_s), 1);
}

void tst_FeedActions::unknownFeedIsRefusedAtOnce()
{
    // Only the queue is watched: a workflow trigger has nowhere to go.
    Rig rig;
    rig.start(QUrl(u"ws://127.0.0.1:1"_s), {u"queue"_s});
    FeedActions *actions = rig.actions();
    QVERIFY(!actions->triggerAction()->isEnabled());
    QVERIFY(actions->triggerAction()->toolTip().contains(u"not configured"_s));
    actions->triggerWorkflow(5); // as if it were clicked anyway
    QVERIFY2(actions->feedbackText().contains(u"not accepted"_s),
             qPrintable(actions->feedbackText()));
    QVERIFY(actions->feedbackText().contains(u"workflows feed, which is not configured"_s));
    QCOMPARE(rig.hub->commands()->rowCount(), 0);
}

QTEST_MAIN(tst_FeedActions)
#include "tst_feedactions.moc"
