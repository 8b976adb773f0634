// The Rules page and the marked rows: what the rule engine says reaches the window through the
// hub (FeedHub::ruleStatusesChanged), the page lists every rule with its state, the feed's table
// marks the rows a rule fires for, and silencing from the page reaches the engine.
#include "config/config.h"
#include "core/clock.h"
#include "dashboard/engineservices.h"
#include "dashboard/feedhub.h"
#include "models/feedtablemodel.h"
#include "models/rulesmodel.h"
#include "rules/ruleengine.h"
#include "rulespanel.h"

#include <QJsonArray>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

Config config()
{
    ConfigOverrides o;
    o.server = u"ws://127.0.0.1:1"_s;
    // A broken rule beside the defaults: listed in state error with its reason.
    const QJsonObject root {
        {u"rules"_s,
         QJsonArray {QJsonObject {
             {u"id"_s, u"typo"_s},
             {u"feed"_s, u"queue"_s},
             {u"when"_s, QJsonObject {{u"field"_s, u"status"_s}, {u"equals"_s, u"x"_s}}},
             {u"for"_s, u"5 minutes"_s}}}}};
    return ConfigLoader::fromJson(root, o).config;
}

QJsonObject queue()
{
    const auto phase = [](const QString &id, const QString &status) {
        return QJsonObject {{u"queue_id"_s, id},
                            {u"status"_s, status},
                            {u"phase_data"_s, QJsonObject {{u"title"_s, u"Phase "_s + id}}},
                            {u"error_message"_s, status == "failed"_L1 ? u"boom"_s : QString()}};
    };
    return {{u"phases"_s, QJsonArray {phase(u"q1"_s, u"running"_s), phase(u"q2"_s, u"failed"_s)}},
            {u"paused"_s, false},
            {u"total"_s, 2}};
}

// The page on a hub with the rule engine: the rules are set after the page is shown, as the
// window does it (the columns are fitted then).
struct RulesPage
{
    explicit RulesPage(QSize size = {})
    {
        hub.attachServices(&services);
        panel = std::make_unique<RulesPanel>(&hub);
        if (size.isValid())
            panel->resize(size);
        panel->show();
        services.rules()->setConfig(rules);
    }
    const Config rules = config();
    FeedHub hub {rules};
    EngineServices services;
    std::unique_ptr<RulesPanel> panel;
};

int rowOf(const RulesModel *model, const QString &rule)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->statusAt(r).ruleId == rule)
            return r;
    }
    return -1;
}

} // namespace

class tst_RulesPanel : public QObject
{
    Q_OBJECT

private slots:
    void listsRulesMarksRowsAndSilences();
    void stateAndSinceFitWhatTheyWillShow();
};

void tst_RulesPanel::listsRulesMarksRowsAndSilences()
{
    RulesPage page;
    RulesPanel &panel = *page.panel;
    FeedHub &hub = page.hub;
    EngineServices &services = page.services;
    RulesModel *model = panel.model();
    QCOMPARE(model->rowCount(), 8); // the profile's seven and the broken one
    const int typo = rowOf(model, u"typo"_s);
    QVERIFY(typo >= 0);
    QCOMPARE(model->index(typo, RulesModel::StateColumn).data().toString(), u"error"_s);
    QVERIFY(model->index(typo, RulesModel::RowsColumn).data().toString().contains(u"5 minutes"_s));

    // Before its feed sent anything a rule is not "ok": it says it has no data.
    QCOMPARE(
        model->index(rowOf(model, u"workflow-failed"_s), RulesModel::StateColumn).data().toString(),
        u"no data"_s);

    FeedTableModel *table = hub.tableModel(u"queue"_s);
    QVERIFY(table);
    table->applySnapshot(queue());
    services.rules()->observeSnapshot(u"queue"_s, u"queue_update"_s, queue());
    const int failed = rowOf(model, u"phase-failed"_s);
    // Data moves the statuses through the engine's hold (RuleEngine::statusesHoldMs).
    QTRY_COMPARE(model->index(failed, RulesModel::StateColumn).data().toString(), u"firing"_s);
    QCOMPARE(model->index(failed, RulesModel::RowsColumn).data().toString(), u"q2"_s);
    QVERIFY(panel.summaryText().contains(u"1 firing"_s));

    // The failed row is marked with a sign and says why; the running one is not.
    const int q2 = table->rowOfKey(u"q2"_s);
    const int q1 = table->rowOfKey(u"q1"_s);
    QVERIFY(table->isAlerted(q2));
    QVERIFY(!table->isAlerted(q1));
    QVERIFY(table->index(q2, 0).data().toString().startsWith(u"\u26A0 "_s));
    QVERIFY(!table->index(q1, 0).data().toString().startsWith(u"\u26A0"_s));
    QCOMPARE(table->index(q2, 1).data(FeedTableModel::AlertRole).toString(),
             u"Phase q2 failed: boom"_s);
    QVERIFY(table->index(q2, 1).data(Qt::ToolTipRole).toString().startsWith(u"Phase q2 failed"_s));

    panel.table()->selectRow(failed);
    QVERIFY(panel.detailText().contains(u"status = failed"_s));
    QVERIFY(panel.detailText().contains(u"Phase q2 failed: boom"_s));
    QVERIFY(panel.silenceButton()->isEnabled());
    panel.silenceSelected(3600'000);
    QVERIFY(model->statusAt(failed).silencedUntilWallMs > SystemClock::instance()->wallMs());
    QVERIFY(
        model->index(failed, RulesModel::StateColumn).data().toString().contains(u"silenced"_s));
    panel.silenceSelected(0);
    QCOMPARE(model->statusAt(failed).silencedUntilWallMs, 0);

    panel.resize(1000, 400);
    const QString shots = qEnvironmentVariable("FEEDWATCH_SHOT_DIR");
    if (!shots.isEmpty())
        panel.grab().save(shots + u"/rules-panel.png"_s);

    // Resolved: the mark goes.
    QJsonObject fixed = queue();
    fixed.insert(u"phases"_s, QJsonArray {fixed.value("phases"_L1).toArray().at(0)});
    table->applySnapshot(fixed);
    services.rules()->observeSnapshot(u"queue"_s, u"queue_update"_s, fixed);
    QTRY_COMPARE(model->index(failed, RulesModel::StateColumn).data().toString(), u"ok"_s);
    QVERIFY(!table->isAlerted(table->rowOfKey(u"q1"_s)));

    // Off screen the page keeps the last statuses for when it is shown (the table's marks,
    // which the queue page shows, follow).
    panel.hide();
    table->applySnapshot(queue());
    services.rules()->observeSnapshot(u"queue"_s, u"queue_update"_s, queue());
    QTRY_VERIFY(table->isAlerted(table->rowOfKey(u"q2"_s)));
    QCOMPARE(model->index(failed, RulesModel::StateColumn).data().toString(), u"ok"_s);
    panel.show();
    QCOMPARE(model->index(failed, RulesModel::StateColumn).data().toString(), u"firing"_s);
    QVERIFY(panel.summaryText().contains(u"1 firing"_s));
}

void tst_RulesPanel::stateAndSinceFitWhatTheyWillShow()
{
    // The columns are fitted when the rules come, while every one says "no data" and none has a
    // time; the states and times that follow must not be cut ("pendi…", "13:…").
    RulesPage page(QSize(1000, 400));
    RulesPanel &panel = *page.panel;
    EngineServices &services = page.services;
    RulesModel *model = panel.model();
    QCOMPARE(model->rowCount(), 8);
    QTableView *table = panel.table();
    const int stateWidth = table->columnWidth(RulesModel::StateColumn);
    const int sinceWidth = table->columnWidth(RulesModel::SinceColumn);

    // Paused: queue-paused waits for its "for" (pending); the failed phase fires.
    QJsonObject paused = queue();
    paused.insert(u"paused"_s, true);
    services.rules()->observeSnapshot(u"queue"_s, u"queue_update"_s, paused);
    const int failed = rowOf(model, u"phase-failed"_s);
    const int pausedRule = rowOf(model, u"queue-paused"_s);
    QTRY_COMPARE(model->index(failed, RulesModel::StateColumn).data().toString(), u"firing"_s);
    QCOMPARE(model->index(pausedRule, RulesModel::StateColumn).data().toString(), u"pending"_s);
    QVERIFY(!model->index(failed, RulesModel::SinceColumn).data().toString().isEmpty());
    // Not refitted on a status change (that measured every cell each time): still as wide,
    // and what every cell needs now fits.
    QCOMPARE(table->columnWidth(RulesModel::StateColumn), stateWidth);
    QCOMPARE(table->columnWidth(RulesModel::SinceColumn), sinceWidth);
    const QAbstractItemView *view = table;
    QVERIFY2(view->sizeHintForColumn(RulesModel::SinceColumn) <= sinceWidth,
             qPrintable(u"since needs %1 px, has %2"_s
                            .arg(view->sizeHintForColumn(RulesModel::SinceColumn))
                            .arg(sinceWidth)));
    QVERIFY2(view->sizeHintForColumn(RulesModel::StateColumn) <= stateWidth,
             qPrintable(u"state needs %1 px, has %2"_s
                            .arg(view->sizeHintForColumn(RulesModel::StateColumn))
                            .arg(stateWidth)));
}

QTEST_MAIN(tst_RulesPanel)
#include "tst_rulespanel.moc"
