#include "rulespanel.h"

#include "dashboard/feedhub.h"
#include "models/rulesmodel.h"
#include "statusstyle.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

// A dot of the state's colour beside its word: the word says it, the colour helps.
class RuleStateDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QString state = index.data(RulesModel::StateRole).toString();
        const StatusStyle::Tone tone = state == "firing"_L1 ? StatusStyle::Tone::Bad
            : state == "pending"_L1                         ? StatusStyle::Tone::Warning
            : state == "error"_L1                           ? StatusStyle::Tone::Blocked
            : state == "no data"_L1                         ? StatusStyle::Tone::Idle
                                                            : StatusStyle::Tone::Good;
        option->icon = StatusStyle::dot(tone);
        option->features |= QStyleOptionViewItem::HasDecoration;
    }
};

} // namespace

RulesPanel::RulesPanel(FeedHub *hub, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_model(new RulesModel(nullptr, this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_detail(new QLabel(this))
    , m_silence(new QToolButton(this))
    , m_refresh(new QTimer(this))
{
    setAccessibleName(tr("Rules panel"));
    m_summary->setObjectName(u"rulesSummary"_s);
    m_table->setObjectName(u"rulesTable"_s);
    m_table->setAccessibleName(tr("Alert rules"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(RulesModel::StateColumn, new RuleStateDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // Every column fits its contents but the rows, which take what is left (elided; the detail
    // below and the tooltip say it all). Fitted when the rules change, not on every status
    // (ResizeToContents measured every cell of every row each time: a quarter of the GUI
    // thread's CPU with 60 backends).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(RulesModel::RowsColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_detail->setObjectName(u"ruleDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMinimumHeight(m_detail->fontMetrics().lineSpacing() * 3);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    m_silence->setObjectName(u"silenceRuleButton"_s);
    m_silence->setText(tr("Silence"));
    m_silence->setToolTip(tr("No desktop notification for the selected rule for a while"));
    m_silence->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_silence);
    const auto addSilence = [this, menu](const QString &text, qint64 ms) {
        connect(menu->addAction(text), &QAction::triggered, this,
                [this, ms] { silenceSelected(ms); });
    };
    addSilence(tr("For 1 hour"), 3600'000);
    addSilence(tr("For 4 hours"), 4 * 3600'000);
    addSilence(tr("For 1 day"), 24 * 3600'000);
    menu->addSeparator();
    addSilence(tr("Notify again"), 0);
    m_silence->setMenu(menu);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_silence);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);

    connect(hub, &FeedHub::ruleStatusesChanged, this, [this](const QList<RuleStatus> &statuses) {
        if (isVisible())
            applyStatuses(statuses);
        else
            m_pending = statuses;
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RulesPanel::updateDetail);
    connect(m_refresh, &QTimer::timeout, this, &RulesPanel::refreshSince);
    m_refresh->setInterval(30'000);
    applyStatuses(hub->ruleStatuses());
}

void RulesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_pending)
        applyStatuses(*std::exchange(m_pending, std::nullopt));
    refreshSince(); // the "since" texts aged meanwhile
    m_refresh->start();
}

void RulesPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refresh->stop();
}

void RulesPanel::applyStatuses(const QList<RuleStatus> &statuses)
{
    const QString selected =
        m_model->statusAt(currentRow()).ruleId + u'\x1f' + m_model->statusAt(currentRow()).feedId;
    m_model->setStatuses(statuses);
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const RuleStatus s = m_model->statusAt(r);
        if (s.ruleId + u'\x1f' + s.feedId == selected) {
            m_table->selectRow(r);
            break;
        }
    }
    if (m_model->rowCount() != m_sizedForRows)
        sizeColumns();
    updateSummary();
    updateDetail();
}

void RulesPanel::refreshSince()
{
    if (m_model->rowCount() > 0)
        emit m_model->dataChanged(m_model->index(0, RulesModel::SinceColumn),
                                  m_model->index(m_model->rowCount() - 1, RulesModel::SinceColumn));
}

void RulesPanel::sizeColumns()
{
    m_sizedForRows = m_model->rowCount();
    const QFontMetrics metrics(m_table->font());
    const QAbstractItemView *view = m_table;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        if (c == RulesModel::RowsColumn)
            continue;
        m_table->resizeColumnToContents(c);
        // Fitted while every rule said "no data", State and Since would cut "pending" and
        // "22:58 (3 min ago)" later: they are as wide as the longest text they can show, plus
        // what a cell needs beside its text now (icon, margins: the delegate's size hint).
        int widest = 0;
        for (const QString &text : RulesModel::widestTexts(RulesModel::Column(c)))
            widest = std::max(widest, metrics.horizontalAdvance(text));
        if (widest == 0)
            continue;
        int text = 0;
        for (int r = 0; r < m_model->rowCount(); ++r)
            text = std::max(
                text,
                metrics.horizontalAdvance(m_model->index(r, c).data(Qt::DisplayRole).toString()));
        const int beside = std::max(0, view->sizeHintForColumn(c) - text);
        m_table->setColumnWidth(c, std::max(m_table->columnWidth(c), widest + beside));
    }
}

int RulesPanel::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.row() : -1;
}

QString RulesPanel::summaryText() const
{
    return m_summary->text();
}

QString RulesPanel::detailText() const
{
    return m_detail->text();
}

void RulesPanel::updateSummary()
{
    int firing = 0;
    int pending = 0;
    int errors = 0;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        switch (m_model->statusAt(r).state) {
        case RuleStatus::State::Firing:
            ++firing;
            break;
        case RuleStatus::State::Pending:
            ++pending;
            break;
        case RuleStatus::State::Error:
            ++errors;
            break;
        case RuleStatus::State::Ok:
            break;
        }
    }
    if (m_model->rowCount() == 0) {
        m_summary->setText(tr("No alert rules."));
        return;
    }
    m_summary->setText(tr("%n rule(s):", nullptr, m_model->rowCount()) + u' '
                       + tr("%n firing", nullptr, firing) + u", "_s
                       + tr("%n pending", nullptr, pending) + u", "_s
                       + tr("%n in error", nullptr, errors));
}

void RulesPanel::updateDetail()
{
    const int row = currentRow();
    m_silence->setEnabled(row >= 0);
    if (row < 0) {
        m_detail->setText(tr("Select a rule to see what it says."));
        return;
    }
    const RuleStatus s = m_model->statusAt(row);
    QString text = s.description;
    const QString detail = m_model->index(row, 0).data(RulesModel::DetailRole).toString();
    if (!detail.isEmpty())
        text += u"\n"_s + detail;
    m_detail->setText(text);
}

void RulesPanel::silenceSelected(qint64 ms)
{
    const RuleStatus s = m_model->statusAt(currentRow());
    if (s.ruleId.isEmpty())
        return;
    m_hub->silenceRule(s.ruleId, s.feedId, ms > 0 ? QDateTime::currentMSecsSinceEpoch() + ms : 0);
}
