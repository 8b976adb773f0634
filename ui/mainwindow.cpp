#include "mainwindow.h"

#include "aboutdialog.h"
#include "commandspanel.h"
#include "connectionspanel.h"
#include "eventlogpanel.h"

#include "backendoverview.h"
#include "cli/appinfo.h"
#include "config/configfile.h"
#include "dashboard/feedhub.h"
#include "dashboard/notifier.h"
#include "demomenu.h"
#include "demoserver.h"
#include "feedpages.h"
#include "feedpanel.h"
#include "models/commandsmodel.h"
#include "models/connectionsmodel.h"
#include "settingsdialog.h"
#include "trayicon.h"
#include "trustcertificatedialog.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
const QString kCommandsKey = u"commands"_s;
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

    const QStringList backends = backendNames();
    m_backend = backends.size() > 1 ? backends.first() : QString();

    m_notifier = new Notifier(nullptr, this);
    connect(hub, &FeedHub::statsChanged, m_notifier, &Notifier::updateStats);
    connect(hub, &FeedHub::feedRemoved, m_notifier, &Notifier::removeFeed);
    m_tray = new TrayIcon(hub, m_notifier, this);
    if (!TrayIcon::isAvailable()) {
        // No tray (some desktops, CI): the news still reaches the operator.
        connect(m_notifier, &Notifier::notify, this,
                [this](const QString &title, const QString &message) {
                    statusBar()->showMessage(tr("%1: %2").arg(title, message), 15000);
                });
    }

    createPages();
    createMenus();
    createStatusBar();

    // The dots and the summary show states and qualities, which overallChanged() reports;
    // statsChanged() also comes for every counter, and both walk all feeds.
    connect(hub, &FeedHub::overallChanged, this, &MainWindow::refreshNav);
    connect(hub, &FeedHub::overallChanged, this, &MainWindow::refreshStatus);
    connect(hub, &FeedHub::feedAdded, this, &MainWindow::onFeedAdded);
    connect(hub, &FeedHub::feedRemoved, this, &MainWindow::onFeedRemoved);
    connect(hub, &FeedHub::pendingCommandsChanged, this, [this] {
        refreshNavTitles();
        refreshStatus();
    });
    // Whatever page the operator is on, a command that went nowhere is said at once.
    connect(hub, &FeedHub::commandRejected, this,
            [this](const QString &, const QString &, const QString &name, const QString &reason) {
                statusBar()->showMessage(tr("Command %1 not accepted: %2").arg(name, reason),
                                         15000);
            });
    refreshNav();
    refreshStatus();

    const QSize available = screen() ? screen()->availableSize() : QSize(1366, 768);
    resize(QSize(1280, 760).boundedTo(available * 0.94));
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
    if (backendNames().size() > 1) {
        auto *overview = new BackendOverview(m_hub);
        connect(overview, &BackendOverview::backendActivated, this, [this](const QString &b) {
            setCurrentBackend(b);
            showPanel(1);
        });
        addPanel(tr("Overview"), overview, kOverviewKey);
    }
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
    insertPage(m_pages->count(), tr("Commands"), commands, kCommandsKey);
    insertPage(m_pages->count(), tr("Connections"), connections, kConnectionsKey);
    insertPage(m_pages->count(), tr("Event log"), eventLog, kEventLogKey);
    m_toolPages = 3;
}

void MainWindow::addFeedPage(const QString &feedName)
{
    FeedPanel *panel = FeedPages::create(m_hub, feedIdFor(feedName), feedName);
    m_feedPanels.insert(feedName, panel);
    connect(panel, &FeedPanel::commandsRequested, this, [this] { showPanel(kCommandsKey); });
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
    // Export… belongs to the event log and arrives with it.
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
        m_demoMenu = new DemoMenu(m_demo, ConfigLoader::defaultFeedNames(), this);
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
    m_viewMenu->clear();
    delete m_viewGroup;
    m_viewGroup = new QActionGroup(this);
    for (int i = 0; i < m_nav->count(); ++i) {
        QAction *action = m_viewMenu->addAction(m_nav->item(i)->data(TitleRole).toString());
        action->setCheckable(true);
        action->setChecked(i == currentPanel());
        m_viewGroup->addAction(action);
        if (i < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { showPanel(i); });
    }
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
    if (m_demo) {
        auto *demo = new QLabel(tr("Demo backend %1").arg(m_demo->baseUrl().toString()), this);
        demo->setStyleSheet(u"color: #5f6b76; padding-right: 8px;"_s);
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
    if (allIdle) {
        parts << tr("Not connected");
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
            item->setData(Qt::AccessibleTextRole,
                          pending > 0 ? tr("%1, %2 commands waiting").arg(title).arg(pending)
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
        const QString path =
            m_configPath.isEmpty() ? ConfigLoader::defaultConfigPath() : m_configPath;
        QJsonObject root;
        QString readError;
        QStringList errors;
        if (!ConfigFile::read(path, &root, &readError)) {
            errors << readError; // never overwrite a file that could not be read
        } else {
            TlsConfig::addTrustedCertificate(root, dialog->host(), dialog->port(),
                                             dialog->fingerprint());
            errors = ConfigFile::write(path, root);
        }
        const ConfigResult applied =
            errors.isEmpty() ? ConfigLoader::load(path, m_overrides) : ConfigResult {};
        errors << applied.errors;
        if (!errors.isEmpty()) {
            QMessageBox::warning(
                this, tr("Certificate not trusted"),
                tr("The exception could not be saved: %1").arg(errors.join(u'\n')));
            return;
        }
        statusBar()->showMessage(tr("Trusting the certificate of %1:%2 for %3; reconnecting.")
                                     .arg(dialog->host())
                                     .arg(dialog->port())
                                     .arg(feedId),
                                 8000);
        emit configApplied(applied.config);
    });
    dialog->open();
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}
