// The feed pages' operator actions, built from the backend profile's "actions": enabled only
// where a row (or the feed's data) allows them, delivered over the backend's HTTP API through the
// app's own wiring (hub, engine thread, journal), and what the operator reads of the answer.

#include "commands/actioncatalog.h"
#include "dashboard/enginerunner.h"
#include "dashboard/feedhub.h"
#include "demoserver.h"
#include "feedactions.h"
#include "feedpages.h"
#include "feedpanel.h"
#include "models/commandsmodel.h"
#include "models/feedtablemodel.h"
#include "testfeedserver.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
// The real server's queue shape, with one phase in each state the rules care about.
const QByteArray kQueue = R"({"type":"queue_update","data":{"paused":false,"total":4,"phases":[
    {"queue_id":"q-ready","feature_id":7,"phase_number":1,"issue_number":214,"status":"ready"},
    {"queue_id":"q-noissue","feature_id":7,"phase_number":2,"issue_number":null,"status":"ready"},
    {"queue_id":"q-running","feature_id":9,"phase_number":1,"issue_number":215,"status":"running"},
    {"queue_id":"q-queued","feature_id":9,"phase_number":2,"issue_number":null,"status":"queued"}]}})";

// The app's wiring for the queue page: hub, engine thread with its command queue (journal in a
// temporary file), and the page the window would show.
struct Rig
{
    QTemporaryDir dir;
    std::unique_ptr<FeedHub> hub;
    std::unique_ptr<EngineRunner> runner;
    std::unique_ptr<FeedPanel> queue;

    void start(const QUrl &server, const QStringList &sets = {},
               const QStringList &feeds = {u"queue"_s})
    {
        ConfigOverrides o;
        o.server = server.toString();
        o.feeds = feeds;
        o.sets = QStringList {u"stagger.step_ms=0"_s, u"backoff.initial_ms=20"_s,
                              u"backoff.max_ms=200"_s, u"backoff.jitter=0"_s}
            + sets;
        const ConfigResult config = ConfigLoader::fromJson({}, o);
        QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
        hub = std::make_unique<FeedHub>(config.config);
        runner = std::make_unique<EngineRunner>(hub.get());
        runner->setDataPath(dir.filePath(u"feedwatch.sqlite"_s));
        runner->start(config.config);
        queue.reset(FeedPages::create(hub.get(), u"queue"_s));
        queue->resize(1100, 500);
        queue->show();
    }
    ~Rig()
    {
        queue.reset();
        if (runner)
            runner->stop();
    }
    FeedActions *actions() const { return queue->findChild<FeedActions *>(); }
    QAction *action(const QString &name) const { return actions()->action(name); }
    QToolButton *button(const QString &name) const
    {
        return queue->findChild<QToolButton *>(name + u"Button"_s);
    }
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

quint16 deadPort()
{
    QTcpServer reserve;
    reserve.listen(QHostAddress::LocalHost);
    return reserve.serverPort(); // closed when it goes: nobody listens there
}
} // namespace

class tst_FeedActions : public QObject
{
    Q_OBJECT

private slots:
    void buttonsAreTheProfilesActions();
    void enabledOnlyWhereTheRulesAllow();
    void pauseAndResumeOverHttpAgainstTheDemo();
    void executeAndRemoveChangeTheQueue();
    void refusalShowsTheServersDetail();
    void unreachableBackendIsRetriedAndSaidSo();
    void fullQueueIsRefusedAtOnce();
    void actionOfAnUnconfiguredFeedSaysSo();
};

void tst_FeedActions::buttonsAreTheProfilesActions()
{
    TestFeedServer server;
    server.setInitialSnapshot(kQueue);
    QVERIFY(server.listen());
    Rig rig;
    rig.start(server.baseUrl());
    QStringList expected;
    for (const CommandAction &a : ActionCatalog::builtIn().forFeed(u"queue"_s))
        expected << a.name;
    QCOMPARE(rig.actions()->actionNames(), expected);
    for (const QString &name : expected)
        QVERIFY2(rig.button(name), qPrintable(name));
    QCOMPARE(rig.button(u"queue.pause"_s)->text(), u"Pause queue"_s);
    QCOMPARE(rig.button(u"queue.remove"_s)->text(), u"Remove phase…"_s); // it asks first
    // A page whose feed has no action has no bar; another's comes from the same list.
    std::unique_ptr<FeedPanel> routes(FeedPages::create(rig.hub.get(), u"routes"_s));
    QVERIFY(!routes->findChild<FeedActions *>());
    std::unique_ptr<FeedPanel> hooks(FeedPages::create(rig.hub.get(), u"webhook-status"_s));
    QCOMPARE(hooks->findChild<FeedActions *>()->actionNames(), QStringList {u"webhook.start"_s});
}

void tst_FeedActions::enabledOnlyWhereTheRulesAllow()
{
    TestFeedServer server;
    server.setInitialSnapshot(kQueue);
    QVERIFY(server.listen());
    Rig rig;
    rig.start(server.baseUrl());
    QTRY_COMPARE(rig.queue->model()->rowCount(), 4);
    // The feed's data says "not paused": pause, not resume.
    QTRY_VERIFY(rig.action(u"queue.pause"_s)->isEnabled());
    QVERIFY(!rig.action(u"queue.resume"_s)->isEnabled());
    QCOMPARE(rig.action(u"queue.resume"_s)->toolTip(), u"Not now: paused is false, not true"_s);
    // Nothing selected: no row action.
    QVERIFY(!rig.action(u"queue.execute"_s)->isEnabled());
    QCOMPARE(rig.action(u"queue.execute"_s)->toolTip(), u"Select a row first"_s);
    struct Expect
    {
        const char *key;
        bool execute;
        bool remove;
    };
    for (const Expect &e : {Expect {"q-ready", true, true}, Expect {"q-noissue", false, true},
                            Expect {"q-running", false, false}, Expect {"q-queued", false, true}}) {
        QVERIFY(rig.selectKey(QString::fromLatin1(e.key)));
        QCOMPARE(rig.action(u"queue.execute"_s)->isEnabled(), e.execute);
        QCOMPARE(rig.action(u"queue.remove"_s)->isEnabled(), e.remove);
        QCOMPARE(rig.button(u"queue.execute"_s)->isEnabled(), e.execute); // the buttons follow
    }
    QVERIFY(rig.selectKey(u"q-running"_s));
    QCOMPARE(rig.action(u"queue.remove"_s)->toolTip(), u"Not now: status is running"_s);
    QVERIFY(rig.selectKey(u"q-ready"_s));
    QCOMPARE(rig.action(u"queue.execute"_s)->toolTip(), u"Execute phase 1 of feature 7"_s);
    QCOMPARE(rig.queue->tableView()->contextMenuPolicy(), Qt::CustomContextMenu);
}

void tst_FeedActions::pauseAndResumeOverHttpAgainstTheDemo()
{
    DemoServer demo;
    demo.setSeed(3);
    QVERIFY(demo.start(0));
    Rig rig;
    rig.start(demo.baseUrl());
    QTRY_VERIFY(rig.queue->model()->rowCount() > 0);
    QTRY_VERIFY(rig.action(u"queue.pause"_s)->isEnabled());
    QTest::mouseClick(rig.button(u"queue.pause"_s), Qt::LeftButton);
    QTRY_VERIFY(demo.simulator().isPaused());
    // The backend's next snapshot says paused: the banner and the buttons follow it.
    QTRY_VERIFY(rig.action(u"queue.resume"_s)->isEnabled());
    QVERIFY(!rig.action(u"queue.pause"_s)->isEnabled());
    QVERIFY(rig.queue->bannerText().startsWith(u"Queue paused"_s));
    QTRY_COMPARE(rig.actions()->feedbackText(), u"✓ Pause queue: done"_s);
    QTest::mouseClick(rig.button(u"queue.resume"_s), Qt::LeftButton);
    QTRY_VERIFY(!demo.simulator().isPaused());
    QTRY_VERIFY(rig.action(u"queue.pause"_s)->isEnabled());
    QCOMPARE(demo.appliedCount(u"queue.pause"_s), 1);
    QCOMPARE(demo.appliedCount(u"queue.resume"_s), 1);
    // Both went over HTTP, each under its own Idempotency-Key: the command's id.
    const QList<DemoServer::CommandRecord> log = demo.commandLog();
    QCOMPARE(log.size(), 2);
    QCOMPARE(rig.hub->commands()->record(log.at(0).id).name, u"queue.pause"_s);
    QCOMPARE(rig.hub->commands()->record(log.at(0).id).request.summary(),
             u"POST /api/v1/queue/config/pause"_s);
}

void tst_FeedActions::executeAndRemoveChangeTheQueue()
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
    QVERIFY(rig.action(u"queue.execute"_s)->isEnabled());
    QTest::mouseClick(rig.button(u"queue.execute"_s), Qt::LeftButton);
    QTRY_COMPARE(rig.statusOf(ready), u"running"_s);
    QTRY_VERIFY(rig.actions()->feedbackText().endsWith(u": done"_s));
    QVERIFY(!rig.action(u"queue.execute"_s)->isEnabled()); // it is running now

    const QString queued = rig.firstKeyWithStatus(u"queued"_s);
    QVERIFY(!queued.isEmpty());
    QVERIFY(rig.selectKey(queued));
    QTest::mouseClick(rig.button(u"queue.remove"_s), Qt::LeftButton);
    auto *box = waitForDialog<QMessageBox>(rig.queue.get(), u"actionConfirmation"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(u"from the queue?"_s));
    QCOMPARE(demo.appliedCount(u"queue.remove"_s), 0); // nothing before the answer
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirmActionButton"_s), Qt::LeftButton);
    QTRY_COMPARE(rig.statusOf(queued), QString());
    QCOMPARE(demo.appliedCount(u"queue.remove"_s), 1);
    QCOMPARE(demo.appliedCount(u"queue.execute"_s), 1);
}

void tst_FeedActions::refusalShowsTheServersDetail()
{
    // The page shows a phase the backend no longer has (its WebSocket data from elsewhere): the
    // backend's 404 is final, and its `detail` is what the operator reads.
    TestFeedServer stale;
    stale.setInitialSnapshot(kQueue);
    QVERIFY(stale.listen());
    DemoServer demo;
    QVERIFY(demo.start(0));
    Rig rig;
    rig.start(demo.baseUrl(), {u"feeds.queue.url=%1"_s.arg(stale.url().toString())});
    QTRY_COMPARE(rig.queue->model()->rowCount(), 4);
    QVERIFY(rig.selectKey(u"q-ready"_s));
    QTRY_VERIFY(rig.action(u"queue.execute"_s)->isEnabled());
    QTest::mouseClick(rig.button(u"queue.execute"_s), Qt::LeftButton);
    QTRY_COMPARE(rig.actions()->feedbackText(),
                 u"✗ Execute phase 1 of feature 7 refused: HTTP 404: Queue ID q-ready not found"_s);
    const CommandRecord r = rig.hub->commands()->record(rig.actions()->lastCommandId());
    QCOMPARE(r.status, Command::Status::Failed);
    QVERIFY(r.refused);
    QCOMPARE(r.attempts, 1);
}

void tst_FeedActions::unreachableBackendIsRetriedAndSaidSo()
{
    TestFeedServer data;
    data.setInitialSnapshot(kQueue);
    QVERIFY(data.listen());
    Rig rig;
    rig.start(QUrl(u"ws://127.0.0.1:%1"_s.arg(deadPort())),
              {u"feeds.queue.url=%1"_s.arg(data.url().toString())});
    QTRY_VERIFY(rig.action(u"queue.pause"_s)->isEnabled());
    QTest::mouseClick(rig.button(u"queue.pause"_s), Qt::LeftButton);
    QTRY_VERIFY2(rig.actions()->feedbackText().startsWith(u"⧗ Pause queue: retrying — "_s),
                 qPrintable(rig.actions()->feedbackText()));
    QVERIFY(rig.actions()->feedbackText().contains(u"not reached, retried"_s));
    // While it is on its way the button does not offer a second one.
    QVERIFY(!rig.action(u"queue.pause"_s)->isEnabled());
    QVERIFY(rig.action(u"queue.pause"_s)->toolTip().contains(u"on its way"_s));
}

void tst_FeedActions::fullQueueIsRefusedAtOnce()
{
    TestFeedServer data;
    data.setInitialSnapshot(kQueue);
    QVERIFY(data.listen());
    Rig rig;
    rig.start(QUrl(u"ws://127.0.0.1:%1"_s.arg(deadPort())),
              {u"feeds.queue.url=%1"_s.arg(data.url().toString()), u"commands.max_pending=1"_s});
    QTRY_COMPARE(rig.queue->model()->rowCount(), 4);
    QVERIFY(rig.selectKey(u"q-ready"_s));
    rig.actions()->run(u"queue.execute"_s);
    QVERIFY(rig.selectKey(u"q-queued"_s));
    rig.actions()->run(u"queue.remove"_s, true);
    QTRY_VERIFY2(rig.actions()->feedbackText().startsWith(
                     u"✗ Remove phase 2 of feature 9 not accepted: 1 commands already wait"_s),
                 qPrintable(rig.actions()->feedbackText()));
}

void tst_FeedActions::actionOfAnUnconfiguredFeedSaysSo()
{
    TestFeedServer server;
    server.setInitialSnapshot(kQueue);
    QVERIFY(server.listen());
    Rig rig;
    rig.start(server.baseUrl());
    std::unique_ptr<FeedPanel> monitor(FeedPages::create(rig.hub.get(), u"adw-monitor"_s));
    FeedActions *actions = monitor->findChild<FeedActions *>();
    QVERIFY(actions);
    QAction *resume = actions->action(u"workflow.resume"_s);
    QVERIFY(!resume->isEnabled());
    QCOMPARE(resume->toolTip(), u"The adw-monitor feed is not configured"_s);
}

QTEST_MAIN(tst_FeedActions)
#include "tst_feedactions.moc"
