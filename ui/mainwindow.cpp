#include "mainwindow.h"

#include "aboutdialog.h"
#include "commandspanel.h"
#include "connectionspanel.h"
#include "eventlogpanel.h"
#include "rulespanel.h"

#include "cli/appinfo.h"
#include "config/configeditor.h"
#include "dashboard/diagnosticsexport.h"
#include "dashboard/feedhub.h"
#include "dashboard/notifier.h"
#include "demomenu.h"
#include "demoserver.h"
#include "feedpages.h"
#include "feedpanel.h"
#include "feedsimulator.h"
#include "models/commandsmodel.h"
#include "models/connectionsmodel.h"
#include "models/freshness.h"
#include "overviewpanel.h"
#include "settingsdialog.h"
#include "trayicon.h"
#include "trustcertificatedialog.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace {
const QString kCommandsKey = u"commands"_s;
const QString kRulesKey = u"rules"_s;
const QString kConnectionsKey = u"connections"_s;
const QString kEventLogKey = u"event-log"_s;
const QString kOverviewKey = u"overview"_s;

} // namespace

MainWindow::MainWindow(FeedHub *hub, DemoServer *demo, QWidget *parent)
    : QMainWindow(parent)
    , m_hub(hub)
    , m_demo(demo)
{
    setWindowTitle(demo ? tr("Feedwatch — demo backend") : tr("Feedwatch"));
    const QStringList backends = backendNames();
    m_backend = backends.size() > 1 ? backends.first() : QString();

    createNavigation();
    createNotifications();
    createPages();
    createMenus();
    createStatusBar();
    nameQtParts();
    wireHub();
    refreshNav();
    refreshStatus();

    const QSize available = screen() ? screen()->availableSize() : QSize(1366, 768);
    resize(QSize(1280, 760).boundedTo(available * 0.94));
}

void MainWindow::createNavigation()
{
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_nav = new QListWidget(central);
    m_nav->setAccessibleName(tr("Panels"));
    m_nav->setFixedWidth(190);
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setIconSize(QSize(10, 10));
    m_nav->setUniformItemSizes(true);
    m_nav->setStyleSheet(
        u"QListWidget { background: palette(window); border-right: 1px solid palette(mid);"
        " padding-top: 10px; outline: 0; }"
        " QListWidget::item { padding: 6px 10px; border: none; }"
        " QListWidget::item:selected { background: palette(highlight);"
        " color: palette(highlighted-text); }"_s);
    m_pages = new QStackedWidget(central);
    layout->addWidget(m_nav);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_nav, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_viewGroup && row >= 0 && row < m_viewGroup->actions().size())
            m_viewGroup->actions().at(row)->setChecked(true);
    });
}

void MainWindow::createNotifications()
{
    m_notifier = new Notifier(nullptr, this);
    connect(m_hub, &FeedHub::statsChanged, m_notifier, &Notifier::updateStats);
    connect(m_hub, &FeedHub::feedRemoved, m_notifier, &Notifier::removeFeed);
    connect(m_hub, &FeedHub::ruleAlertRaised, m_notifier, &Notifier::ruleAlert);
    connect(m_hub, &FeedHub::eventReceived, m_notifier, &Notifier::linkAlert);
    m_tray = new TrayIcon(m_hub, m_notifier, this);
    if (!TrayIcon::isAvailable()) {
        // No tray (some desktops, CI): the news still reaches the operator.
        connect(m_notifier, &Notifier::notify, this,
                [this](const QString &title, const QString &message) {
                    statusBar()->showMessage(tr("%1: %2").arg(title, message), 15000);
                });
    }
}

void MainWindow::nameQtParts()
{
    // Qt's overflow buttons ("»" when the menus or the toolbar do not fit) come unnamed.
    if (auto *more = menuBar()->findChild<QToolButton *>(u"qt_menubar_ext_button"_s))
        more->setAccessibleName(tr("More menus"));
    for (auto *more : findChildren<QToolButton *>(u"qt_toolbar_ext_button"_s))
        more->setAccessibleName(tr("More toolbar items"));
}

void MainWindow::wireHub()
{
    // The dots and the summary show states and qualities, which overallChanged() reports;
    // statsChanged() also comes for every counter, and both walk all feeds.
    connect(m_hub, &FeedHub::overallChanged, this, &MainWindow::refreshNav);
    connect(m_hub, &FeedHub::overallChanged, this, &MainWindow::refreshStatus);
    connect(m_hub, &FeedHub::feedAdded, this, &MainWindow::onFeedAdded);
    connect(m_hub, &FeedHub::feedRemoved, this, &MainWindow::onFeedRemoved);
    connect(m_hub, &FeedHub::pendingCommandsChanged, this, [this] {
        refreshNavTitles();
        refreshStatus();
    });
    // Whatever page the operator is on, a command that went nowhere is said at once.
    connect(m_hub, &FeedHub::commandRejected, this,
            [this](const QString &, const QString &, const QString &name, const QString &reason) {
                statusBar()->showMessage(tr("Command %1 not accepted: %2").arg(name, reason),
                                         15000);
            });
}

QStringList MainWindow::backendNames() const
{
    QStringList names;
    for (const BackendSpec &b : m_hub->config().backends)
        names << b.name;
    return names;
}

QStringList MainWindow::feedNames() const
{
    QStringList names;
    const QStringList backends = backendNames();
    for (const QString &id : m_hub->feedIds()) {
        const QString name = FeedPages::feedName(id, backends);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

QString MainWindow::feedIdFor(const QString &feedName) const
{
    return m_backend.isEmpty() ? feedName : m_backend + u'/' + feedName;
}

void MainWindow::createPages()
{
    // The home page: every backend at a glance; each tile opens its page.
    auto *overview = new OverviewPanel(m_hub);
    connect(overview, &OverviewPanel::pageRequested, this,
            [this](const QString &backend, const QString &key) {
                setCurrentBackend(backend);
                showPanel(key);
            });
    addPanel(tr("Overview"), overview, kOverviewKey);
    for (const QString &name : feedNames())
        addFeedPage(name);
    createToolPages();
}

void MainWindow::createToolPages()
{
    // The one place the tool pages are built: commands and the two diagnostic pages.
    QWidget *commands = new CommandsPanel(m_hub);
    auto *connections = new ConnectionsPanel(m_hub);
    connect(connections, &ConnectionsPanel::trustCertificateRequested, this,
            &MainWindow::trustCertificate);
    QWidget *eventLog = new EventLogPanel(m_hub);
    insertPage(m_pages->count(), tr("Rules"), new RulesPanel(m_hub), kRulesKey);
    insertPage(m_pages->count(), tr("Commands"), commands, kCommandsKey);
    insertPage(m_pages->count(), tr("Connections"), connections, kConnectionsKey);
    insertPage(m_pages->count(), tr("Event log"), eventLog, kEventLogKey);
    m_toolPages = 4;
}

void MainWindow::addFeedPage(const QString &feedName)
{
    FeedPanel *panel = FeedPages::create(m_hub, feedIdFor(feedName));
    m_feedPanels.insert(feedName, panel);
    connect(panel, &FeedPanel::commandsRequested, this, [this] { showPanel(kCommandsKey); });
    // A feed opened from a row: its page is shown as soon as the engine has added it.
    connect(panel, &FeedPanel::feedOpenRequested, this, [this](const QString &id) {
        const QString name = FeedPages::feedName(id, backendNames());
        if (m_feedPanels.contains(name))
            showPanel(name);
        else
            m_showWhenAdded = name;
    });
    addPanel(panel->title(), panel, feedName);
}

int MainWindow::addPanel(const QString &title, QWidget *panel, const QString &key)
{
    // Pages go before the tool pages, which stay last.
    return insertPage(m_pages->count() - m_toolPages, title, panel, key);
}

int MainWindow::insertPage(int index, const QString &title, QWidget *panel, const QString &key)
{
    m_pages->insertWidget(index, panel);
    panel->setProperty("pageKey", key.isEmpty() ? title : key);
    auto *item = new QListWidgetItem(title);
    item->setData(PageKeyRole, key.isEmpty() ? title : key);
    item->setData(TitleRole, title);
    item->setData(ToneRole, -1);
    item->setIcon(StatusStyle::blank()); // keeps every title on the same left edge
    m_nav->insertItem(index, item);
    if (m_nav->currentRow() < 0)
        m_nav->setCurrentRow(0);
    if (m_viewMenu)
        rebuildViewMenu();
    return index;
}

int MainWindow::panelCount() const
{
    return m_pages->count();
}

QString MainWindow::panelTitle(int index) const
{
    const QListWidgetItem *item = m_nav->item(index);
    return item ? item->data(TitleRole).toString() : QString();
}

QString MainWindow::panelKey(int index) const
{
    const QListWidgetItem *item = m_nav->item(index);
    return item ? item->data(PageKeyRole).toString() : QString();
}

int MainWindow::panelIndex(const QString &key) const
{
    for (int i = 0; i < m_nav->count(); ++i) {
        if (m_nav->item(i)->data(PageKeyRole).toString() == key)
            return i;
    }
    return -1;
}

int MainWindow::currentPanel() const
{
    return m_nav->currentRow();
}

void MainWindow::showPanel(int index)
{
    m_nav->setCurrentRow(index);
}

bool MainWindow::showPanel(const QString &key)
{
    const int index = panelIndex(key);
    if (index < 0)
        return false;
    showPanel(index);
    return true;
}

FeedPanel *MainWindow::feedPanel(const QString &feedName) const
{
    return m_feedPanels.value(feedName);
}

StatusStyle::Tone MainWindow::navTone(int index) const
{
    const QListWidgetItem *item = m_nav->item(index);
    const int tone = item ? item->data(ToneRole).toInt() : -1;
    return tone < 0 ? StatusStyle::Tone::Idle : StatusStyle::Tone(tone);
}

void MainWindow::setCurrentBackend(const QString &backend)
{
    if (backend == m_backend || !backendNames().contains(backend))
        return;
    m_backend = backend;
    for (auto it = m_feedPanels.cbegin(); it != m_feedPanels.cend(); ++it)
        it.value()->setFeedId(feedIdFor(it.key()));
    if (m_backendCombo)
        m_backendCombo->setCurrentText(backend);
    refreshNav();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *diagnostics =
        file->addAction(tr("Export &diagnostics…"), this, &MainWindow::exportDiagnostics);
    diagnostics->setObjectName(u"exportDiagnostics"_s);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    rebuildViewMenu();

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    QAction *reconnectAll =
        connection->addAction(tr("&Reconnect all"), m_hub, &FeedHub::reconnectAll);
    reconnectAll->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    reconnectAll->setObjectName(u"reconnectAll"_s);
    QAction *reconnectThis = connection->addAction(tr("Reconnect &this feed"), this, [this] {
        const QString key = panelKey(currentPanel());
        if (m_feedPanels.contains(key))
            m_hub->reconnect(feedIdFor(key));
    });
    reconnectThis->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));

    if (m_demo) {
        // The demo backend's own feeds: its faults are per topic it serves.
        m_demoMenu = new DemoMenu(m_demo, FeedSimulator::feedIds(), this);
        menuBar()->addMenu(m_demoMenu);
    }

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *prefs = settings->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    prefs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    prefs->setMenuRole(QAction::PreferencesRole);
    QAction *silence = settings->addAction(tr("Silence desktop &notifications"));
    silence->setCheckable(true);
    connect(silence, &QAction::toggled, m_notifier, &Notifier::setSilenced);
    connect(m_notifier, &Notifier::silencedChanged, silence, &QAction::setChecked);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    keys->setObjectName(u"keyboardShortcuts"_s);
    keys->setShortcut(QKeySequence::HelpContents);
    QAction *about = help->addAction(tr("&About Feedwatch"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);

    const QStringList backends = backendNames();
    if (backends.size() > 1) {
        QToolBar *bar = addToolBar(tr("Backend"));
        bar->setObjectName(u"backendToolBar"_s);
        bar->setMovable(false);
        auto *label = new QLabel(tr("&Backend"), bar);
        label->setContentsMargins(0, 0, 6, 0);
        m_backendCombo = new QComboBox(bar);
        m_backendCombo->setAccessibleName(tr("Backend"));
        m_backendCombo->addItems(backends);
        label->setBuddy(m_backendCombo);
        bar->addWidget(label);
        bar->addWidget(m_backendCombo);
        connect(m_backendCombo, &QComboBox::currentTextChanged, this,
                &MainWindow::setCurrentBackend);
    }
}

void MainWindow::rebuildViewMenu()
{
    // The tool pages keep their keys wherever they are in the list; the others are numbered.
    static const QHash<QString, QKeySequence> toolKeys = {
        // The home page has the browsers' "home" key, so the feed pages keep Ctrl+1..9.
        {kOverviewKey, QKeySequence(Qt::ALT | Qt::Key_Home)},
        {kRulesKey, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
        {kCommandsKey, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
        {kConnectionsKey, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
        {kEventLogKey, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
    };
    m_viewMenu->clear();
    delete m_viewGroup;
    m_viewGroup = new QActionGroup(this);
    int numbered = 0;
    for (int i = 0; i < m_nav->count(); ++i) {
        const QString key = m_nav->item(i)->data(PageKeyRole).toString();
        QAction *action = m_viewMenu->addAction(m_nav->item(i)->data(TitleRole).toString());
        action->setCheckable(true);
        action->setChecked(i == currentPanel());
        action->setProperty("pageKey", key);
        m_viewGroup->addAction(action);
        if (toolKeys.contains(key))
            action->setShortcut(toolKeys.value(key));
        else if (numbered < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + numbered++)));
        connect(action, &QAction::triggered, this, [this, i] { showPanel(i); });
    }
    m_viewMenu->addSeparator();
    auto step = [this](int by) {
        const int count = m_nav->count();
        if (count > 0)
            showPanel((currentPanel() + by + count) % count);
    };
    QAction *next = m_viewMenu->addAction(tr("&Next page"), this, [step] { step(1); });
    next->setObjectName(u"nextPage"_s);
    next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    QAction *previous = m_viewMenu->addAction(tr("&Previous page"), this, [step] { step(-1); });
    previous->setObjectName(u"previousPage"_s);
    previous->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    // F6, the usual "next pane" key: between the page list and the open page.
    QAction *pane = m_viewMenu->addAction(tr("Switch between page &list and page"), this, [this] {
        QWidget *page = m_pages->currentWidget();
        if (!m_nav->hasFocus() || !page) {
            m_nav->setFocus(Qt::ShortcutFocusReason);
            return;
        }
        // The page's first control that Tab would reach.
        for (QWidget *w = page->nextInFocusChain(); w && w != page; w = w->nextInFocusChain()) {
            if (page->isAncestorOf(w) && w->isVisible() && w->isEnabled()
                && (w->focusPolicy() & Qt::TabFocus)) {
                w->setFocus(Qt::TabFocusReason);
                return;
            }
        }
    });
    pane->setObjectName(u"switchPane"_s);
    pane->setShortcut(QKeySequence(Qt::Key_F6));
}

QList<std::pair<QString, QKeySequence>> MainWindow::shortcutList() const
{
    QList<std::pair<QString, QKeySequence>> rows;
    auto add = [&rows](const QString &text, const QKeySequence &key) {
        const std::pair<QString, QKeySequence> row {text, key};
        if (!key.isEmpty() && !rows.contains(row))
            rows.append(row);
    };
    // The menus first, in their order, then keys that live on a page.
    std::function<void(const QList<QAction *> &)> walk = [&](const QList<QAction *> &actions) {
        for (const QAction *a : actions) {
            if (a->menu())
                walk(a->menu()->actions());
            for (const QKeySequence &key : a->shortcuts())
                add(QString(a->text()).remove(u'&'), key);
        }
    };
    walk(menuBar()->actions());
    const QList<QAction *> actions = findChildren<QAction *>();
    for (const QAction *a : actions) {
        for (const QKeySequence &key : a->shortcuts())
            add(QString(a->text()).remove(u'&'), key);
    }
    const QList<QShortcut *> shortcuts = findChildren<QShortcut *>();
    for (const QShortcut *s : shortcuts) {
        if (!s->whatsThis().isEmpty())
            add(s->whatsThis(), s->key());
    }
    add(tr("Next / previous control"), QKeySequence(Qt::Key_Tab));
    add(tr("Open the menu of the selected row"), QKeySequence(Qt::Key_Menu));
    return rows;
}

void MainWindow::showShortcuts()
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    const QList<std::pair<QString, QKeySequence>> rows = shortcutList();
    auto *table = new QTableWidget(int(rows.size()), 2, dialog);
    table->setObjectName(u"shortcutTable"_s);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Key"), tr("Does")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    for (int r = 0; r < rows.size(); ++r) {
        table->setItem(r, 0,
                       new QTableWidgetItem(rows.at(r).second.toString(QKeySequence::NativeText)));
        table->setItem(r, 1, new QTableWidgetItem(rows.at(r).first));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(520, 560);
    dialog->open();
}

void MainWindow::createStatusBar()
{
    m_statusButton = new QToolButton(this);
    m_statusButton->setAutoRaise(true);
    m_statusButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_statusButton->setAccessibleName(tr("Feeds summary"));
    m_statusButton->setToolTip(tr("Open Connections"));
    connect(m_statusButton, &QToolButton::clicked, this, [this] { showPanel(kConnectionsKey); });
    statusBar()->addPermanentWidget(m_statusButton);
    m_statusTick = new QTimer(this);
    m_statusTick->setInterval(1000);
    connect(m_statusTick, &QTimer::timeout, this, &MainWindow::refreshStatus);
    if (m_demo) {
        auto *demo = new QLabel(tr("Demo backend %1").arg(m_demo->baseUrl().toString()), this);
        demo->setForegroundRole(QPalette::PlaceholderText);
        demo->setContentsMargins(0, 0, 8, 0);
        statusBar()->addPermanentWidget(demo);
    }
}

QString MainWindow::statusText() const
{
    const QStringList ids = m_hub->feedIds();
    const bool allIdle = std::all_of(ids.begin(), ids.end(), [this](const QString &id) {
        return m_hub->stats(id).state == Feed::State::Idle;
    });
    QStringList parts;
    // A restart incident comes first, once per backend: it is the news of the moment.
    QStringList incidentBackends;
    for (const QString &id : ids) {
        const FeedStats &s = m_hub->stats(id);
        if (s.restartSinceWallMs <= 0 || incidentBackends.contains(s.backend))
            continue;
        incidentBackends << s.backend;
        const QString text = Freshness::restartText(s, QDateTime::currentMSecsSinceEpoch());
        parts << (m_hub->config().backends.size() > 1 ? tr("%1: %2").arg(s.backend, text) : text);
    }
    // One backend restarting: its "N/M feeds back" already is the live count.
    const bool incidentSaysIt = !incidentBackends.isEmpty() && m_hub->config().backends.size() < 2;
    if (allIdle) {
        parts << tr("Not connected");
    } else if (incidentSaysIt) {
        parts << tr("worst quality: %1").arg(ConnectionsModel::qualityText(m_hub->worstQuality()));
    } else {
        parts << tr("%1/%n feed(s) live · worst quality: %2", nullptr, int(ids.size()))
                     .arg(m_hub->liveCount())
                     .arg(ConnectionsModel::qualityText(m_hub->worstQuality()));
    }
    int degraded = 0;
    int failing = 0;
    for (const QString &id : ids) {
        const Feed::Fallback fallback = m_hub->stats(id).fallback;
        degraded += fallback == Feed::Fallback::Delivering ? 1 : 0;
        failing += fallback == Feed::Fallback::Failing ? 1 : 0;
    }
    // Live feeds whose data is not what the profile describes (their pages show a banner).
    int unexpected = 0;
    for (const QString &id : ids) {
        const FeedStats &s = m_hub->stats(id);
        unexpected += s.state == Feed::State::Connected && !s.dataError.isEmpty() ? 1 : 0;
    }
    if (unexpected > 0)
        parts << tr("%n with unexpected data", nullptr, unexpected);
    // Degraded means HTTP delivers; a fallback that fails is never counted as degraded data.
    if (degraded > 0)
        parts << tr("%n degraded (HTTP)", nullptr, degraded);
    if (failing > 0)
        parts << tr("%n HTTP fallback failing", nullptr, failing);
    const int pending = m_hub->commands()->pendingCount();
    if (pending > 0)
        parts << tr("%n command(s) waiting", nullptr, pending);
    return parts.join(u" · "_s);
}

void MainWindow::refreshStatus()
{
    const QString text = statusText();
    if (m_statusButton->text() != text)
        m_statusButton->setText(text);
    const QStringList ids = m_hub->feedIds();
    const bool incident = std::any_of(ids.begin(), ids.end(), [this](const QString &id) {
        return m_hub->stats(id).restartSinceWallMs > 0;
    });
    if (incident && !m_statusTick->isActive())
        m_statusTick->start();
    else if (!incident)
        m_statusTick->stop();
    m_statusButton->setIcon(StatusStyle::dot(TrayIcon::overallTone(m_hub)));
}

void MainWindow::refreshNav()
{
    for (int i = 0; i < m_nav->count(); ++i) {
        QListWidgetItem *item = m_nav->item(i);
        const QString key = item->data(PageKeyRole).toString();
        if (!m_feedPanels.contains(key))
            continue;
        const QString id = feedIdFor(key);
        const StatusStyle::Tone tone = m_hub->feedIds().contains(id)
            ? StatusStyle::toneForStats(m_hub->stats(id))
            : StatusStyle::Tone::Idle;
        if (item->data(ToneRole).toInt() == int(tone))
            continue;
        item->setData(ToneRole, int(tone));
        item->setIcon(StatusStyle::dot(tone));
        const QString state = ConnectionsModel::stateText(m_hub->stats(id));
        item->setToolTip(state);
        item->setData(Qt::AccessibleDescriptionRole, state);
    }
    refreshNavTitles();
}

void MainWindow::refreshNavTitles()
{
    // "Queue (2)": commands waiting for that feed; "Commands (3)": waiting in all.
    const CommandsModel *commands = m_hub->commands();
    for (int i = 0; i < m_nav->count(); ++i) {
        QListWidgetItem *item = m_nav->item(i);
        const QString key = item->data(PageKeyRole).toString();
        const QString title = item->data(TitleRole).toString();
        int pending = 0;
        if (key == kCommandsKey)
            pending = commands->pendingCount();
        else if (m_feedPanels.contains(key))
            pending = commands->pendingCount(feedIdFor(key));
        const QString text = pending > 0 ? tr("%1 (%2)").arg(title).arg(pending) : title;
        if (item->text() != text) {
            item->setText(text);
            item->setData(
                Qt::AccessibleTextRole,
                pending > 0 ? tr("%1, %2").arg(title, tr("%n command(s) waiting", nullptr, pending))
                            : title);
        }
    }
}

void MainWindow::onFeedAdded(const QString &feedId)
{
    const QString name = FeedPages::feedName(feedId, backendNames());
    if (!m_feedPanels.contains(name))
        addFeedPage(name);
    refreshNav();
    refreshStatus();
    if (name == m_showWhenAdded) {
        m_showWhenAdded.clear();
        showPanel(name);
    }
}

void MainWindow::onFeedRemoved(const QString &feedId)
{
    const QString name = FeedPages::feedName(feedId, backendNames());
    if (feedNames().contains(name) || !m_feedPanels.contains(name))
        return;
    FeedPanel *panel = m_feedPanels.take(name);
    const int index = m_pages->indexOf(panel);
    delete m_nav->takeItem(index);
    m_pages->removeWidget(panel);
    panel->deleteLater();
    rebuildViewMenu();
    refreshStatus();
}

void MainWindow::setConfigSource(const QString &path, const ConfigOverrides &overrides)
{
    m_configPath = path;
    m_overrides = overrides;
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_configPath, m_overrides, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::configApplied, this, [this](const Config &config) {
        statusBar()->showMessage(tr("Settings saved and applied."), 5000);
        emit configApplied(config);
    });
    dialog->open();
}

void MainWindow::trustCertificate(const QString &feedId, const QJsonObject &tlsError)
{
    auto *dialog = new TrustCertificateDialog(tlsError, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, feedId] {
        ConfigEditor editor(m_configPath, m_overrides);
        connect(&editor, &ConfigEditor::applied, this, &MainWindow::configApplied);
        const ConfigProblems problems =
            editor.trustCertificate(dialog->host(), dialog->port(), dialog->fingerprint());
        if (!problems.isEmpty()) {
            QMessageBox::warning(
                this, tr("Certificate not trusted"),
                tr("The exception could not be saved: %1").arg(problems.all().join(u'\n')));
            return;
        }
        statusBar()->showMessage(tr("Trusting the certificate of %1:%2 for %3; reconnecting.")
                                     .arg(dialog->host())
                                     .arg(dialog->port())
                                     .arg(feedId),
                                 8000);
    });
    dialog->open();
}

void MainWindow::exportDiagnostics()
{
    const QString suggested =
        QDir::home().filePath(DiagnosticsExport::defaultFileName(QDateTime::currentDateTime()));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export diagnostics"), suggested,
                                                      tr("Zip archives (*.zip)"));
    if (!path.isEmpty())
        exportDiagnosticsTo(path);
}

bool MainWindow::exportDiagnosticsTo(const QString &path)
{
    // Shown only when writing takes longer than half a second (a long event log, a slow disk).
    QProgressDialog progress(tr("Writing the diagnostics archive…"), tr("Cancel"), 0, 1, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    progress.setAccessibleName(tr("Diagnostics export progress"));
    QString error;
    const bool written = DiagnosticsExport(m_hub, m_configPath)
                             .write(path, &error, [&progress](int done, int total) {
                                 progress.setMaximum(total);
                                 progress.setValue(done);
                                 return !progress.wasCanceled();
                             });
    if (written)
        statusBar()->showMessage(tr("Diagnostics written to %1").arg(path), 8000);
    else if (!progress.wasCanceled())
        QMessageBox::warning(this, tr("Diagnostics not written"),
                             tr("The diagnostics archive could not be written: %1").arg(error));
    return written;
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray())) {
        const QSize available = screen() ? screen()->availableSize() : QSize(1366, 768);
        resize(QSize(1280, 760).boundedTo(available * 0.94));
    }
    restoreState(settings.value(u"window/state"_s).toByteArray());
    setCurrentBackend(settings.value(u"window/backend"_s).toString());
    showPanel(settings.value(u"window/panel"_s).toString());
    m_notifier->setSilenced(settings.value(u"notifications/silenced"_s, false).toBool());
    if (auto *connections = findChild<ConnectionsPanel *>())
        connections->restoreLayout(settings.value(u"connections/layout"_s).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/panel"_s, panelKey(currentPanel()));
    if (!m_backend.isEmpty())
        settings.setValue(u"window/backend"_s, m_backend);
    settings.setValue(u"notifications/silenced"_s, m_notifier->isSilenced());
    if (const auto *connections = findChild<ConnectionsPanel *>())
        settings.setValue(u"connections/layout"_s, connections->saveLayout());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() != QEvent::WindowStateChange)
        return;
    // X11 stops painting an unmapped (minimised) window by itself; platforms that keep it
    // exposed (offscreen, some compositors) would repaint every table a model changes. The
    // chart and the tickers already stop on the hide event a minimise sends.
    setUpdatesEnabled(!isMinimized());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}
