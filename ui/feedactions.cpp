#include "feedactions.h"

#include "dashboard/feedhub.h"
#include "feedpanel.h"
#include "models/commandsmodel.h"
#include "models/feedtablemodel.h"
#include "statusstyle.h"
#include "triggerworkflowdialog.h"

#include <QAction>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
QToolButton *buttonFor(QAction *action, const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setObjectName(objectName);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}
} // namespace

FeedActions::FeedActions(FeedHub *hub, FeedPanel *panel, Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_panel(panel)
    , m_kind(kind)
{
    setObjectName(u"feedActions"_s);
    setAccessibleName(tr("Operator actions"));
    m_pauseResume = new QAction(tr("Pause queue"), this);
    m_pauseResume->setObjectName(u"pauseResumeAction"_s);
    m_execute = new QAction(tr("Execute phase"), this);
    m_execute->setObjectName(u"executeAction"_s);
    m_remove = new QAction(tr("Remove phase…"), this);
    m_remove->setObjectName(u"removeAction"_s);
    m_retry = new QAction(tr("Retry phase"), this);
    m_retry->setObjectName(u"retryAction"_s);
    m_trigger = new QAction(tr("Trigger workflow…"), this);
    m_trigger->setObjectName(u"triggerAction"_s);
    m_trigger->setToolTip(tr("Start a workflow for a GitHub issue"));

    m_feedback = new QLabel(this);
    m_feedback->setObjectName(u"commandFeedback"_s);
    m_feedback->setAccessibleName(tr("Last command"));
    m_feedback->setTextFormat(Qt::RichText);
    m_feedback->setWordWrap(false);
    m_feedback->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    connect(m_feedback, &QLabel::linkActivated, this, &FeedActions::commandsRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    if (kind == Kind::Queue) {
        layout->addWidget(buttonFor(m_pauseResume, u"pauseResumeButton"_s, this));
        layout->addWidget(separator(this));
        layout->addWidget(buttonFor(m_execute, u"executeButton"_s, this));
        layout->addWidget(buttonFor(m_retry, u"retryButton"_s, this));
        layout->addWidget(buttonFor(m_remove, u"removeButton"_s, this));
        layout->addWidget(separator(this));
    }
    layout->addWidget(buttonFor(m_trigger, u"triggerButton"_s, this));
    layout->addSpacing(12);
    layout->addWidget(m_feedback, 1);

    connect(m_pauseResume, &QAction::triggered, this, [this] {
        const bool paused =
            m_panel->model() && m_panel->model()->meta().value("paused"_L1).toBool();
        if (paused)
            submit(u"queue.resume"_s, {});
        else
            submit(u"queue.pause"_s, {});
    });
    connect(m_execute, &QAction::triggered, this, [this] {
        const QString key = selectedKey();
        if (!key.isEmpty())
            submit(u"queue.execute"_s, {{u"queue_id"_s, key}});
    });
    connect(m_retry, &QAction::triggered, this, [this] {
        const QString key = selectedKey();
        if (!key.isEmpty())
            submit(u"queue.retry"_s, {{u"queue_id"_s, key}});
    });
    connect(m_remove, &QAction::triggered, this, &FeedActions::confirmRemove);
    connect(m_trigger, &QAction::triggered, this, &FeedActions::openTriggerDialog);

    QTableView *view = m_panel->tableView();
    if (kind == Kind::Queue) {
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this, &FeedActions::showContextMenu);
        connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &FeedActions::updateActions);
        QAbstractItemModel *proxy = view->model();
        connect(proxy, &QAbstractItemModel::dataChanged, this, &FeedActions::updateActions);
        connect(proxy, &QAbstractItemModel::modelReset, this, &FeedActions::updateActions);
        connect(proxy, &QAbstractItemModel::rowsRemoved, this, &FeedActions::updateActions);
        connect(proxy, &QAbstractItemModel::layoutChanged, this, &FeedActions::updateActions);
    }
    connect(m_hub, &FeedHub::feedDataChanged, this, &FeedActions::updateActions);
    connect(m_hub, &FeedHub::commandChanged, this, &FeedActions::onCommandChanged);
    connect(m_hub, &FeedHub::commandRejected, this, &FeedActions::onRejected);
    connect(m_panel, &FeedPanel::modelChanged, this, &FeedActions::updateActions);
    updateActions();
}

QString FeedActions::feedId() const
{
    return m_panel->feedId();
}

QString FeedActions::commandFeed(const QString &name) const
{
    return m_hub->commandFeed(name, m_hub->stats(feedId()).backend);
}

QString FeedActions::selectedKey() const
{
    const QModelIndex current = m_panel->tableView()->currentIndex();
    return current.isValid() ? current.data(FeedTableModel::KeyRole).toString() : QString();
}

QString FeedActions::selectedStatus() const
{
    const QModelIndex current = m_panel->tableView()->currentIndex();
    return current.isValid() ? current.data(FeedTableModel::StatusRole).toString() : QString();
}

int FeedActions::selectedParentIssue() const
{
    const QModelIndex current = m_panel->tableView()->currentIndex();
    if (!current.isValid())
        return 0;
    return current.data(FeedTableModel::RowObjectRole)
        .toJsonObject()
        .value("parent_issue"_L1)
        .toInt();
}

QString FeedActions::pendingQueueCommand() const
{
    // A pause or resume still on its way: the button says so instead of offering a second one.
    const CommandsModel *commands = m_hub->commands();
    for (int row = 0; row < commands->rowCount(); ++row) {
        const CommandRecord r = commands->recordAt(row);
        if (!r.isFinished() && r.feedId == feedId()
            && (r.name == "queue.pause"_L1 || r.name == "queue.resume"_L1))
            return r.name;
    }
    return {};
}

void FeedActions::updateActions()
{
    if (m_kind == Kind::Queue) {
        const bool paused =
            m_panel->model() && m_panel->model()->meta().value("paused"_L1).toBool();
        const QString pending = pendingQueueCommand();
        if (pending == "queue.pause"_L1) {
            m_pauseResume->setText(tr("Pausing…"));
            m_pauseResume->setToolTip(tr("A pause is on its way; see Commands to cancel it"));
        } else if (pending == "queue.resume"_L1) {
            m_pauseResume->setText(tr("Resuming…"));
            m_pauseResume->setToolTip(tr("A resume is on its way; see Commands to cancel it"));
        } else {
            m_pauseResume->setText(paused ? tr("Resume queue") : tr("Pause queue"));
            m_pauseResume->setToolTip(paused ? tr("Let the queue start new phases again")
                                             : tr("Stop the queue from starting new phases"));
        }
        m_pauseResume->setEnabled(pending.isEmpty());

        const QString key = selectedKey();
        const QString status = selectedStatus();
        const QString label = StatusStyle::statusLabel(status);
        m_execute->setEnabled(!key.isEmpty() && status == "ready"_L1);
        m_execute->setToolTip(
            key.isEmpty() ? tr("Select a ready phase to execute it")
                : status == "ready"_L1
                ? tr("Start phase %1 now").arg(key)
                : tr("Only a ready phase can be executed; %1 is %2").arg(key, label));
        m_retry->setEnabled(!key.isEmpty() && status == "failed"_L1);
        m_retry->setToolTip(
            key.isEmpty() ? tr("Select a failed phase to retry it")
                : status == "failed"_L1
                ? tr("Put phase %1 back in the queue").arg(key)
                : tr("Only a failed phase can be retried; %1 is %2").arg(key, label));
        m_remove->setEnabled(!key.isEmpty() && status != "running"_L1);
        m_remove->setToolTip(key.isEmpty() ? tr("Select a phase to remove it from the queue")
                                 : status == "running"_L1
                                 ? tr("A running phase cannot be removed")
                                 : tr("Remove phase %1 from the queue").arg(key));
    }
    const bool canTrigger = !commandFeed(u"workflow.trigger"_s).isEmpty();
    m_trigger->setEnabled(canTrigger);
    if (!canTrigger)
        m_trigger->setToolTip(tr("Workflows are triggered on the workflows feed, which is not "
                                 "configured"));
}

void FeedActions::submit(const QString &name, const QJsonObject &args)
{
    const QString feed = commandFeed(name);
    const QString description = describe(name, args);
    m_lastName = name;
    m_lastFeed = feed;
    m_lastDescription = description;
    m_lastId.clear();
    m_lastId = m_hub->submitCommand(feed, name, args);
    if (m_lastId.isEmpty())
        return; // rejected on the spot: onRejected() has said why
    const bool live = m_hub->stats(feed).state == Feed::State::Connected;
    showFeedback(live ? tr("⧗ %1: sending…").arg(description)
                      : tr("⧗ %1: queued — goes out when %2 is live again").arg(description, feed),
                 false);
    updateActions();
}

QString FeedActions::describe(const QString &name, const QJsonObject &args)
{
    const QString phase = args.value("queue_id"_L1).toString();
    if (name == "queue.pause"_L1)
        return tr("Pause queue");
    if (name == "queue.resume"_L1)
        return tr("Resume queue");
    if (name == "queue.execute"_L1)
        return tr("Execute phase %1").arg(phase);
    if (name == "queue.remove"_L1)
        return tr("Remove phase %1").arg(phase);
    if (name == "queue.retry"_L1)
        return tr("Retry phase %1").arg(phase);
    if (name == "workflow.trigger"_L1)
        return tr("Trigger workflow for issue #%1").arg(args.value("issue_number"_L1).toInt());
    return name;
}

void FeedActions::onCommandChanged(const CommandRecord &record)
{
    if (record.name.startsWith("queue."_L1))
        updateActions();
    // A new command on this page's feed from elsewhere (the commands view's retry, another
    // window of the same session) becomes the one the bar reports.
    if (record.id != m_lastId && record.feedId == feedId() && record.seq > m_lastSeq
        && record.status == Command::Status::Queued) {
        m_lastId = record.id;
        m_lastName = record.name;
        m_lastFeed = record.feedId;
        m_lastDescription = describe(record.name, record.args);
    }
    if (record.id != m_lastId || m_lastId.isEmpty())
        return;
    m_lastSeq = std::max(m_lastSeq, record.seq);
    switch (record.status) {
    case Command::Status::Queued:
        showFeedback(tr("⧗ %1: queued — goes out when %2 is live again")
                         .arg(m_lastDescription, record.feedId),
                     false);
        break;
    case Command::Status::Sent:
        showFeedback(tr("⧗ %1: sent, waiting for the server").arg(m_lastDescription), false);
        break;
    case Command::Status::Acked:
        showFeedback(tr("✓ %1: done").arg(m_lastDescription), false);
        break;
    case Command::Status::Failed:
        showFeedback(tr("✗ %1 failed: %2").arg(m_lastDescription, record.error), true);
        break;
    case Command::Status::Expired:
        showFeedback(tr("✗ %1 expired: %2").arg(m_lastDescription, record.error), true);
        break;
    case Command::Status::Cancelled:
        showFeedback(tr("%1: cancelled").arg(m_lastDescription), false);
        break;
    }
}

void FeedActions::onRejected(const QString &id, const QString &feedId, const QString &name,
                             const QString &reason)
{
    const bool ours = id.isEmpty() ? (name == m_lastName && feedId == m_lastFeed) : id == m_lastId;
    if (!ours)
        return;
    showFeedback(tr("✗ %1 not accepted: %2").arg(m_lastDescription, reason), true);
}

void FeedActions::showFeedback(const QString &text, bool error)
{
    const QString colour = error ? StatusStyle::color(StatusStyle::Tone::Bad).name()
                                 : palette().color(QPalette::WindowText).name();
    m_feedback->setText(
        u"<span style=\"color:%1\">%2</span> &nbsp;<a href=\"commands\">%3</a>"_s.arg(
            colour, text.toHtmlEscaped(), tr("Commands…").toHtmlEscaped()));
    m_feedback->setToolTip(text);
    m_feedback->setProperty("plainText", text);
}

QString FeedActions::feedbackText() const
{
    return m_feedback->property("plainText").toString();
}

void FeedActions::confirmRemove()
{
    const QString key = selectedKey();
    if (key.isEmpty())
        return;
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Remove phase"),
                        tr("Remove phase %1 from the queue?").arg(key), QMessageBox::Cancel, this);
    box->setObjectName(u"removeConfirmation"_s);
    box->setInformativeText(tr("The backend drops the phase; this cannot be undone once sent."));
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"confirmRemoveButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(remove, &QPushButton::clicked, this, [this, key] {
        submit(u"queue.remove"_s, {{u"queue_id"_s, key}});
    });
    box->open();
}

void FeedActions::removeSelectedPhase()
{
    const QString key = selectedKey();
    if (!key.isEmpty())
        submit(u"queue.remove"_s, {{u"queue_id"_s, key}});
}

void FeedActions::openTriggerDialog()
{
    const QString feed = commandFeed(u"workflow.trigger"_s);
    auto *dialog =
        new TriggerWorkflowDialog(feed, m_kind == Kind::Queue ? selectedParentIssue() : 0, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { triggerWorkflow(dialog->issueNumber()); });
    dialog->open();
}

void FeedActions::triggerWorkflow(int issueNumber)
{
    if (issueNumber <= 0)
        return;
    submit(u"workflow.trigger"_s, {{u"issue_number"_s, issueNumber}});
}

void FeedActions::showContextMenu(const QPoint &pos)
{
    QTableView *view = m_panel->tableView();
    const QModelIndex index = view->indexAt(pos);
    if (index.isValid())
        view->setCurrentIndex(index);
    updateActions();
    QMenu menu(this);
    menu.addAction(m_execute);
    menu.addAction(m_retry);
    menu.addAction(m_remove);
    menu.addSeparator();
    menu.addAction(m_trigger);
    menu.addAction(m_pauseResume);
    menu.exec(view->viewport()->mapToGlobal(pos));
}
