#include "commandspanel.h"
#include "dashboard/enginerunner.h"
#include "dashboard/feedhub.h"
#include "models/commandsmodel.h"
#include "statusdelegate.h"

#include <QCheckBox>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
// No backend: every command waits (or expires), which is what this page is about.
struct Rig
{
    QTemporaryDir dir;
    std::unique_ptr<FeedHub> hub;
    std::unique_ptr<EngineRunner> runner;
    std::unique_ptr<CommandsPanel> panel;

    void start(const QStringList &sets = {}, bool journal = true)
    {
        ConfigOverrides o;
        o.server = u"ws://127.0.0.1:1"_s;
        o.feeds = {u"queue"_s};
        o.sets = sets;
        const ConfigResult config = ConfigLoader::fromJson({}, o);
        QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
        hub = std::make_unique<FeedHub>(config.config);
        runner = std::make_unique<EngineRunner>(hub.get());
        if (journal)
            runner->setDataPath(dir.filePath(u"feedwatch.sqlite"_s));
        runner->start(config.config);
        panel = std::make_unique<CommandsPanel>(hub.get());
        panel->resize(1100, 500);
        panel->show();
        // Active before any row exists: a view that gets the focus later makes its first row
        // current (QAbstractItemView::focusInEvent), and "nothing selected" would not hold.
        if (!QTest::qWaitForWindowActive(panel.get()))
            qWarning("tst_commandspanel: the panel's window did not become active");
    }
    ~Rig()
    {
        panel.reset();
        if (runner)
            runner->stop();
    }
    Command::Status status(const QString &id) const { return hub->commands()->record(id).status; }
};
} // namespace

class tst_CommandsPanel : public QObject
{
    Q_OBJECT

private slots:
    void cancelAQueuedCommand();
    void retryAnExpiredCommand();
    void waitingOnlyAndSummary();
    void saysWhereTheJournalIs();
};

void tst_CommandsPanel::cancelAQueuedCommand()
{
    Rig rig;
    rig.start();
    const QString id = rig.hub->submitCommand(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(rig.hub->commands()->rowCount(), 1);
    QVERIFY(!rig.panel->cancelButton()->isEnabled()); // nothing selected
    QVERIFY(rig.panel->selectCommand(id));
    QVERIFY(rig.panel->cancelButton()->isEnabled());
    QVERIFY(!rig.panel->retryButton()->isEnabled());
    QTest::mouseClick(rig.panel->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE(rig.status(id), Command::Status::Cancelled);
    QTRY_VERIFY(!rig.panel->cancelButton()->isEnabled());
    QVERIFY(!rig.panel->retryButton()->isEnabled()); // a cancel is not undone by a retry
    QCOMPARE(rig.hub->commands()->pendingCount(), 0);
    const QModelIndex state = rig.panel->table()->model()->index(0, CommandsModel::StateColumn);
    QCOMPARE(state.data().toString(), u"cancelled"_s);
    // The cell is painted with the state, not with what another role of the model holds (it
    // once showed the command id: the delegate read the feed tables' status role).
    auto *delegate = qobject_cast<StatusDelegate *>(rig.panel->table()->itemDelegate());
    QVERIFY(delegate);
    QCOMPARE(delegate->label(state), u"cancelled"_s);
    QCOMPARE(rig.panel->table()->model()->index(0, CommandsModel::ErrorColumn).data().toString(),
             u"cancelled by the operator"_s);
}

void tst_CommandsPanel::retryAnExpiredCommand()
{
    Rig rig;
    rig.start({u"commands.ttl_ms=300"_s});
    const QString id = rig.hub->submitCommand(u"queue"_s, u"queue.pause"_s);
    QTRY_COMPARE(rig.status(id), Command::Status::Expired);
    QVERIFY(rig.panel->selectCommand(id));
    QVERIFY(rig.panel->retryButton()->isEnabled());
    QVERIFY(!rig.panel->cancelButton()->isEnabled());
    QTest::mouseClick(rig.panel->retryButton(), Qt::LeftButton);
    // The same command (its id kept: it may have been delivered), waiting again, age from now.
    QTRY_COMPARE(rig.status(id), Command::Status::Queued);
    QCOMPARE(rig.hub->commands()->rowCount(), 1);
    QTRY_COMPARE(rig.panel->statusText(), u"%1: queued"_s.arg(id.left(8)));
    QTRY_COMPARE(rig.status(id), Command::Status::Expired); // still no backend
}

void tst_CommandsPanel::waitingOnlyAndSummary()
{
    Rig rig;
    rig.start();
    const QString a = rig.hub->submitCommand(u"queue"_s, u"queue.pause"_s);
    const QString b = rig.hub->submitCommand(u"queue"_s, u"queue.resume"_s);
    QTRY_COMPARE(rig.hub->commands()->rowCount(), 2);
    rig.hub->cancelCommand(a);
    QTRY_COMPARE(rig.status(a), Command::Status::Cancelled);
    QTRY_COMPARE(rig.panel->summaryText(), u"1 of 2 waiting (queue: 1)"_s);
    rig.panel->pendingOnly()->setChecked(true);
    QCOMPARE(rig.panel->table()->model()->rowCount(), 1);
    QVERIFY(rig.panel->selectCommand(b));
    QVERIFY(!rig.panel->selectCommand(a));
    rig.panel->pendingOnly()->setChecked(false);
    QCOMPARE(rig.panel->table()->model()->rowCount(), 2);
}

void tst_CommandsPanel::saysWhereTheJournalIs()
{
    {
        Rig rig;
        rig.start();
        QTRY_VERIFY(rig.panel->storageText().contains(rig.dir.filePath(u"feedwatch.sqlite"_s)));
        QVERIFY(rig.panel->storageText().startsWith(u"Journaled in"_s));
    }
    Rig memory;
    memory.start({}, false);
    QTRY_COMPARE(memory.panel->storageText(),
                 u"Commands are kept in memory only (no journal file)."_s);
}

QTEST_MAIN(tst_CommandsPanel)
#include "tst_commandspanel.moc"
