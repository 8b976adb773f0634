#include "feedactions.h"

#include "catalog/profiletext.h"

#include "dashboard/feedhub.h"
#include "feedpanel.h"
#include "models/commandsmodel.h"
#include "models/feedtablemodel.h"
#include "statusstyle.h"

#include <QAction>
#include <QCoreApplication>
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
QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

FeedActions::FeedActions(FeedHub *hub, FeedPanel *panel, const QList<CommandAction> &actions,
                         QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_panel(panel)
    , m_actions(actions)
{
    setObjectName(u"feedActions"_s);
    setAccessibleName(tr("Operator actions"));
    buildBar(actions);
    wireTable();
    connect(m_hub, &FeedHub::feedDataChanged, this, &FeedActions::updateActions);
    connect(m_hub, &FeedHub::commandChanged, this, &FeedActions::onCommandChanged);
    connect(m_hub, &FeedHub::commandRejected, this, &FeedActions::onRejected);
    connect(m_panel, &FeedPanel::modelChanged, this, &FeedActions::updateActions);
    updateActions();
}

void FeedActions::buildBar(const QList<CommandAction> &actions)
{
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
    // Feed actions first, then the ones for the selected row.
    bool rowsStarted = false;
    for (const CommandAction::Scope scope :
         {CommandAction::Scope::Feed, CommandAction::Scope::Row}) {
        for (const CommandAction &a : actions) {
            if (a.scope != scope)
                continue;
            if (scope == CommandAction::Scope::Row && !rowsStarted) {
                rowsStarted = true;
                if (layout->count() > 0)
                    layout->addWidget(separator(this));
            }
            auto *qaction = new QAction(
                ProfileText::tr(a.label) + (a.confirm.isEmpty() ? u""_s : u"…"_s), this);
            qaction->setObjectName(a.name);
            m_qactions.insert(a.name, qaction);
            connect(qaction, &QAction::triggered, this, [this, name = a.name] { run(name); });
            auto *button = new QToolButton(this);
            button->setDefaultAction(qaction);
            button->setObjectName(a.name + u"Button"_s);
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            layout->addWidget(button);
        }
    }
    layout->addSpacing(12);
    layout->addWidget(m_feedback, 1);
}

void FeedActions::wireTable()
{
    QTableView *view = m_panel->tableView();
    // The panel owns the row menu (it adds the feeds a row opens); row actions come first, then
    // a separator (null) and the feed's own actions.
    QList<QAction *> menu;
    for (const CommandAction::Scope scope :
         {CommandAction::Scope::Row, CommandAction::Scope::Feed}) {
        if (scope == CommandAction::Scope::Feed && !menu.isEmpty())
            menu.append(nullptr);
        for (const CommandAction &a : std::as_const(m_actions)) {
            if (a.scope == scope)
                menu.append(m_qactions.value(a.name));
        }
    }
    m_panel->addRowActions(menu);
    connect(m_panel, &FeedPanel::rowMenuAboutToShow, this, &FeedActions::updateActions);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FeedActions::updateActions);
    QAbstractItemModel *proxy = view->model();
    connect(proxy, &QAbstractItemModel::dataChanged, this, &FeedActions::updateActions);
    connect(proxy, &QAbstractItemModel::modelReset, this, &FeedActions::updateActions);
    connect(proxy, &QAbstractItemModel::rowsRemoved, this, &FeedActions::updateActions);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &FeedActions::updateActions);
}

QStringList FeedActions::actionNames() const
{
    QStringList names;
    for (const CommandAction &a : m_actions)
        names << a.name;
    return names;
}

QString FeedActions::backend() const
{
    return m_hub->stats(m_panel->feedId()).backend;
}

QJsonObject FeedActions::context(const CommandAction &action) const
{
    if (action.scope == CommandAction::Scope::Feed) {
        const QJsonValue data = m_hub->latestData(m_panel->feedId());
        return data.toObject(); // a list-shaped feed has nothing to judge: rules see no fields
    }
    const QModelIndex current = m_panel->tableView()->currentIndex();
    return current.isValid() ? current.data(FeedTableModel::RowObjectRole).toJsonObject()
                             : QJsonObject();
}

QString FeedActions::pendingReason(const CommandAction &action) const
{
    // A feed action on its way is not offered twice: the data still shows the old state.
    if (action.scope != CommandAction::Scope::Feed)
        return {};
    const CommandsModel *commands = m_hub->commands();
    const QString feed = m_hub->actionFeed(action, backend());
    for (int row = 0; row < commands->rowCount(); ++row) {
        const CommandRecord r = commands->recordAt(row);
        if (!r.isFinished() && r.feedId == feed && r.name == action.name)
            return tr("%1 is on its way; see Commands to follow or cancel it")
                .arg(ProfileText::tr(action.label));
    }
    return {};
}

void FeedActions::updateActions()
{
    const bool hasData = !m_hub->latestData(m_panel->feedId()).isUndefined();
    for (const CommandAction &a : std::as_const(m_actions)) {
        QAction *qaction = m_qactions.value(a.name);
        const QJsonObject ctx = context(a);
        QString why;
        bool enabled = false;
        if (m_hub->actionFeed(a, backend()).isEmpty()) {
            why = tr("The %1 feed is not configured").arg(a.feed);
        } else if (a.scope == CommandAction::Scope::Row && ctx.isEmpty()) {
            why = tr("Select a row first");
        } else if (a.scope == CommandAction::Scope::Feed && !hasData) {
            why = tr("Waiting for the feed's first data");
        } else if (!a.allows(ctx, &why)) {
            why = tr("Not now: %1").arg(why);
        } else if (const QString pending = pendingReason(a); !pending.isEmpty()) {
            why = pending;
        } else {
            enabled = true;
        }
        qaction->setEnabled(enabled);
        if (enabled) {
            QJsonObject args;
            a.fill(ctx, nullptr, &args, nullptr);
            qaction->setToolTip(a.describe(args, true));
        } else {
            qaction->setToolTip(why);
        }
    }
}

void FeedActions::run(const QString &name, bool confirmed)
{
    const auto it = std::find_if(m_actions.cbegin(), m_actions.cend(),
                                 [&name](const CommandAction &a) { return a.name == name; });
    if (it == m_actions.cend())
        return;
    const CommandAction action = *it;
    const QJsonObject ctx = context(action);
    QString why;
    if ((action.scope == CommandAction::Scope::Row && ctx.isEmpty()) || !action.allows(ctx, &why))
        return; // the button was disabled; a stale click changes nothing
    QJsonObject args;
    action.fill(ctx, nullptr, &args, nullptr);
    if (action.confirm.isEmpty() || confirmed) {
        submit(action, ctx);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, ProfileText::tr(action.label),
                                action.confirmation(args, true), QMessageBox::Cancel, this);
    box->setObjectName(u"actionConfirmation"_s);
    QPushButton *go = box->addButton(ProfileText::tr(action.label), QMessageBox::DestructiveRole);
    go->setObjectName(u"confirmActionButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(go, &QPushButton::clicked, this, [this, action, ctx] { submit(action, ctx); });
    box->open();
}

void FeedActions::submit(const CommandAction &action, const QJsonObject &ctx)
{
    QJsonObject args;
    action.fill(ctx, nullptr, &args, nullptr);
    m_lastName = action.name;
    m_lastDescription = action.describe(args, true);
    m_lastId.clear();
    m_lastId = m_hub->submitAction(action, ctx, backend());
    m_ownIds.insert(m_lastId);
    if (m_lastId.isEmpty())
        return; // rejected on the spot: onRejected() has said why
    showFeedback(tr("⧗ %1: sending…").arg(m_lastDescription), false);
    updateActions();
}

QString FeedActions::describe(const CommandRecord &record) const
{
    for (const CommandAction &a : m_actions) {
        if (a.name == record.name)
            return a.describe(record.args, true);
    }
    return record.name;
}

void FeedActions::onCommandChanged(const CommandRecord &record)
{
    if (actionNames().contains(record.name))
        updateActions();
    // A new command of this page from elsewhere (the Commands page's retry) becomes the one the
    // bar reports.
    const auto mine = std::find_if(m_actions.cbegin(), m_actions.cend(),
                                   [&](const CommandAction &a) { return a.name == record.name; });
    if (mine != m_actions.cend() && record.id != m_lastId && !m_ownIds.contains(record.id)
        && record.seq > m_lastSeq && record.status == Command::Status::Queued
        && record.attempts == 0 && record.feedId == m_hub->actionFeed(*mine, backend())) {
        m_lastId = record.id;
        m_lastName = record.name;
        m_lastDescription = describe(record);
    }
    if (record.id != m_lastId || m_lastId.isEmpty())
        return;
    m_lastSeq = std::max(m_lastSeq, record.seq);
    switch (record.status) {
    case Command::Status::Queued:
        if (record.attempts > 0 && !record.error.isEmpty())
            showFeedback(tr("⧗ %1: retrying — %2").arg(m_lastDescription, record.error), false);
        else
            showFeedback(tr("⧗ %1: queued").arg(m_lastDescription), false);
        break;
    case Command::Status::Sent:
        showFeedback(tr("⧗ %1: sent, waiting for the server").arg(m_lastDescription), false);
        break;
    case Command::Status::Acked:
        showFeedback(tr("✓ %1: done").arg(m_lastDescription), false);
        break;
    case Command::Status::Failed:
        showFeedback(record.refused ? tr("✗ %1 refused: %2").arg(m_lastDescription, record.error)
                                    : tr("✗ %1 failed: %2").arg(m_lastDescription, record.error),
                     true);
        break;
    case Command::Status::Expired:
        showFeedback(tr("✗ %1 expired: %2").arg(m_lastDescription, record.error), true);
        break;
    case Command::Status::Cancelled:
        showFeedback(tr("%1: cancelled").arg(m_lastDescription), false);
        break;
    }
}

void FeedActions::onRejected(const QString &id, const QString &, const QString &name,
                             const QString &reason)
{
    const bool ours = id.isEmpty() ? name == m_lastName : id == m_lastId;
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
