#include "commandspanel.h"

#include "dashboard/feedhub.h"
#include "models/commandsmodel.h"
#include "statusdelegate.h"
#include "statusstyle.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CommandsPanel::CommandsPanel(FeedHub *hub, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_tick(new QTimer(this))
{
    setAccessibleName(tr("Commands panel"));
    auto *title = new QLabel(tr("Commands"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"commandsSummary"_s);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(12);
    header->addWidget(m_summary);
    header->addStretch(1);

    m_storage = new QLabel(this);
    m_storage->setObjectName(u"journalState"_s);
    m_storage->setWordWrap(true);
    m_storage->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_cancel = new QPushButton(tr("C&ancel command"), this);
    m_cancel->setObjectName(u"cancelCommandButton"_s);
    m_retry = new QPushButton(tr("&Retry command"), this);
    m_retry->setObjectName(u"retryCommandButton"_s);
    m_pendingOnly = new QCheckBox(tr("&Waiting only"), this);
    m_pendingOnly->setObjectName(u"pendingOnly"_s);
    m_pendingOnly->setToolTip(tr("Show only queued and sent commands"));
    m_status = new QLabel(this);
    m_status->setObjectName(u"commandsStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_cancel);
    bar->addWidget(m_retry);
    bar->addSpacing(12);
    bar->addWidget(m_pendingOnly);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);

    m_proxy->setSourceModel(m_hub->commands());
    m_proxy->setFilterRole(CommandsModel::StatusKeyRole);
    m_proxy->setFilterKeyColumn(CommandsModel::StateColumn);
    m_table->setModel(m_proxy);
    m_table->setObjectName(u"commandsTable"_s);
    m_table->setAccessibleName(tr("Operator commands"));
    auto *delegate = new StatusDelegate(this);
    delegate->setStatusColumn(CommandsModel::StateColumn);
    delegate->setStatusRole(CommandsModel::StatusKeyRole);
    delegate->setMonospaceColumns({CommandsModel::IdColumn});
    m_table->setItemDelegate(delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    const QFontMetrics fm(m_table->font());
    m_table->verticalHeader()->setDefaultSectionSize(fm.height() + 10);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setStretchLastSection(true);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    columns->resizeSection(CommandsModel::IdColumn,
                           QFontMetrics(mono).horizontalAdvance(u"01234567"_s) + 24);
    columns->resizeSection(CommandsModel::FeedColumn,
                           fm.horizontalAdvance(u"workflow-history"_s) + 16);
    columns->resizeSection(CommandsModel::NameColumn,
                           fm.horizontalAdvance(u"workflow.trigger"_s) + 24);
    columns->resizeSection(CommandsModel::ArgsColumn,
                           fm.horizontalAdvance(u"issue_number=1234"_s) + 24);
    columns->resizeSection(CommandsModel::StateColumn,
                           fm.horizontalAdvance(tr("sent, waiting for ack")) + 40);
    columns->resizeSection(CommandsModel::AttemptsColumn,
                           fm.horizontalAdvance(tr("Attempts")) + 24);
    columns->resizeSection(CommandsModel::AgeColumn, fm.horizontalAdvance(u"59 min 59 s"_s) + 20);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addWidget(m_storage);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_cancel, &QPushButton::clicked, this, &CommandsPanel::cancelCurrent);
    connect(m_retry, &QPushButton::clicked, this, &CommandsPanel::retryCurrent);
    connect(m_pendingOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setFilterRegularExpression(on ? u"^(queued|in_progress)$"_s : QString());
        updateButtons();
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, &CommandsPanel::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CommandsPanel::updateButtons);
    CommandsModel *model = m_hub->commands();
    connect(model, &QAbstractItemModel::dataChanged, this, &CommandsPanel::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, &CommandsPanel::updateButtons);
    connect(model, &QAbstractItemModel::rowsInserted, this, &CommandsPanel::updateSummary);
    connect(model, &QAbstractItemModel::modelReset, this, &CommandsPanel::updateSummary);
    connect(model, &CommandsModel::pendingChanged, this, &CommandsPanel::updateSummary);
    connect(m_hub, &FeedHub::storageChanged, this, &CommandsPanel::updateStorage);
    connect(m_hub, &FeedHub::commandChanged, this, [this](const CommandRecord &record) {
        if (record.id == m_actionId)
            showStatus(
                tr("%1: %2").arg(record.id.left(8), CommandsModel::statusText(record.status)),
                false);
    });
    connect(m_hub, &FeedHub::commandRejected, this,
            [this](const QString &id, const QString &, const QString &, const QString &reason) {
                if (!id.isEmpty() && id == m_actionId)
                    showStatus(reason, true);
            });
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, model, &CommandsModel::tick);
    m_tick->start();
    updateStorage();
    updateSummary();
    updateButtons();
}

QString CommandsPanel::currentId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(CommandsModel::IdRole).toString() : QString();
}

bool CommandsPanel::selectCommand(const QString &id)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (m_proxy->index(row, 0).data(CommandsModel::IdRole).toString() == id) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

void CommandsPanel::updateButtons()
{
    const QModelIndex current = m_table->currentIndex();
    const bool canCancel = current.isValid() && current.data(CommandsModel::CanCancelRole).toBool();
    const bool canRetry = current.isValid() && current.data(CommandsModel::CanRetryRole).toBool();
    m_cancel->setEnabled(canCancel);
    m_retry->setEnabled(canRetry);
    const auto status = current.data(CommandsModel::StatusRole).value<Command::Status>();
    m_cancel->setToolTip(
        canCancel ? tr("Drop this command before it is sent")
            : current.isValid() && status == Command::Status::Sent
            ? tr("Already sent: the server may have applied it, so it cannot be cancelled")
            : tr("Only a queued command can be cancelled"));
    m_retry->setToolTip(canRetry ? tr("Ask again: same id when the server may have applied it, a "
                                      "new one when it refused")
                                 : tr("Only a failed or expired command can be retried"));
}

void CommandsPanel::updateSummary()
{
    const CommandsModel *model = m_hub->commands();
    const int pending = model->pendingCount();
    QStringList perFeed;
    for (const QString &feed : model->pendingFeeds())
        perFeed << tr("%1: %2").arg(feed).arg(model->pendingCount(feed));
    const int total = model->rowCount();
    if (pending == 0)
        m_summary->setText(total == 1 ? tr("1 command, none waiting")
                                      : tr("%1 commands, none waiting").arg(total));
    else
        m_summary->setText(
            tr("%1 of %2 waiting (%3)").arg(pending).arg(total).arg(perFeed.join(u", "_s)));
}

void CommandsPanel::updateStorage()
{
    const QString error = m_hub->storageError();
    if (!m_hub->hasCommands()) {
        m_storage->setText(tr("Commands are not available in this session."));
    } else if (!error.isEmpty() && m_hub->isJournaled()) {
        m_storage->setText(tr("Journaled in %1, but: %2. A command the journal cannot take is "
                              "refused and never sent.")
                               .arg(m_hub->storagePath(), error));
    } else if (!error.isEmpty()) {
        m_storage->setText(tr("Not journaled: %1. Commands are kept in memory only and are lost "
                              "if Feedwatch stops.")
                               .arg(error));
    } else if (m_hub->storagePath().isEmpty()) {
        m_storage->setText(tr("Commands are kept in memory only (no journal file)."));
    } else {
        m_storage->setText(tr("Journaled in %1: a command survives a crash or restart and is "
                              "sent once, in order, when its feed is live.")
                               .arg(m_hub->storagePath()));
    }
    const bool bad = !error.isEmpty() || !m_hub->hasCommands();
    m_storage->setStyleSheet(
        bad ? u"QLabel { color: %1; font-weight: 600; }"_s.arg(
            StatusStyle::textColor(StatusStyle::Tone::Bad, palette()).name())
            : u"QLabel { color: %1; }"_s.arg(palette().color(QPalette::PlaceholderText).name()));
}

void CommandsPanel::cancelCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    m_actionId = id;
    m_hub->cancelCommand(id);
    showStatus(tr("Cancelling %1…").arg(id.left(8)), false);
}

void CommandsPanel::retryCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    m_actionId = id;
    m_hub->retryCommand(id);
    showStatus(tr("Retrying %1…").arg(id.left(8)), false);
}

void CommandsPanel::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(
        error ? u"color: %1;"_s.arg(StatusStyle::color(StatusStyle::Tone::Bad).name()) : QString());
}

QString CommandsPanel::summaryText() const
{
    return m_summary->text();
}

QString CommandsPanel::storageText() const
{
    return m_storage->text();
}

QString CommandsPanel::statusText() const
{
    return m_status->text();
}

void CommandsPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        return;
    m_table->setCurrentIndex(index);
    QMenu menu(this);
    QAction *cancel = menu.addAction(m_cancel->text(), this, &CommandsPanel::cancelCurrent);
    cancel->setEnabled(m_cancel->isEnabled());
    QAction *retry = menu.addAction(m_retry->text(), this, &CommandsPanel::retryCurrent);
    retry->setEnabled(m_retry->isEnabled());
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}
