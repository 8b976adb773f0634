#pragma once

#include "config/config.h"
#include "statusstyle.h"

#include <QHash>
#include <QJsonObject>
#include <QKeySequence>
#include <QMainWindow>

class DemoMenu;
class DemoServer;
class FeedHub;
class FeedPanel;
class Notifier;
class QActionGroup;
class QComboBox;
class QListWidget;
class QMenu;
class QStackedWidget;
class QTimer;
class QToolButton;
class TrayIcon;
struct FeedStats;

// The window shell: a navigation list (one entry per page, a state dot per feed), the pages,
// menus, the status bar summary and the tray. It talks to the FeedHub only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Role of a navigation item holding its page key ("queue", "connections", ...).
    static constexpr int PageKeyRole = Qt::UserRole;
    // Role holding the StatusStyle::Tone of a feed page's dot, as int.
    static constexpr int ToneRole = Qt::UserRole + 1;
    // Role holding the page's title without the pending-commands count.
    static constexpr int TitleRole = Qt::UserRole + 2;

    // `demo` adds the Demo menu; null for a real backend.
    explicit MainWindow(FeedHub *hub, DemoServer *demo = nullptr, QWidget *parent = nullptr);

    // Adds a page to the navigation list and the stack (before the tool pages: Commands,
    // Connections and Event log); returns its index.
    int addPanel(const QString &title, QWidget *panel, const QString &key = {});
    int panelCount() const;
    QString panelTitle(int index) const;
    QString panelKey(int index) const;
    int panelIndex(const QString &key) const;
    int currentPanel() const;
    void showPanel(int index);
    // Shows the page with `key` ("queue", "system-status", "connections"); false if none.
    bool showPanel(const QString &key);
    FeedPanel *feedPanel(const QString &feedName) const;
    StatusStyle::Tone navTone(int index) const;
    QString statusText() const;
    QString currentBackend() const { return m_backend; }
    void setCurrentBackend(const QString &backend);
    DemoMenu *demoMenu() const { return m_demoMenu; }
    Notifier *notifier() const { return m_notifier; }
    // Every key the window answers to, with what it does: the menus' in their order, then the
    // pages' own (Help → Keyboard shortcuts shows this list).
    QList<std::pair<QString, QKeySequence>> shortcutList() const;

    // Where the Settings dialog reads and writes, and what the command line overrides.
    void setConfigSource(const QString &path, const ConfigOverrides &overrides);

    // Window geometry and state, the open page, the backend and the notification switch.
    void restoreSettings();
    void saveSettings() const;

public slots:
    void showSettings();
    void showShortcuts();
    // File → Export diagnostics: asks where, then exportDiagnosticsTo().
    void exportDiagnostics();
    // Writes the diagnostics archive (DiagnosticsExport) with a progress dialog when it is slow;
    // says where in the status bar, or why not in a message box.
    bool exportDiagnosticsTo(const QString &path);
    // The About dialog: the version and the Qt it was built with and runs on.
    void showAbout();
    // "Trust this certificate…" for the certificate that stopped `feedId`: asks the operator,
    // saves the pin through ConfigEditor and applies it (configApplied).
    void trustCertificate(const QString &feedId, const QJsonObject &tlsError);

signals:
    // The settings dialog or a trusted certificate saved a new configuration; apply it without
    // a restart.
    void configApplied(const Config &config);

protected:
    void closeEvent(QCloseEvent *event) override;
    // Minimised, the window paints nothing: models keep up, views catch up on restore.
    void changeEvent(QEvent *event) override;

private:
    void createNavigation();
    void createNotifications();
    void nameQtParts();
    void wireHub();
    void createPages();
    void createToolPages();
    void createMenus();
    void createStatusBar();
    int insertPage(int index, const QString &title, QWidget *panel, const QString &key);
    void addFeedPage(const QString &feedName);
    void onFeedAdded(const QString &feedId);
    void onFeedRemoved(const QString &feedId);
    void refreshNav();
    void refreshNavTitles();
    void refreshStatus();
    void rebuildViewMenu();
    QString feedIdFor(const QString &feedName) const;
    QStringList backendNames() const;
    QStringList feedNames() const;

    FeedHub *m_hub;
    DemoServer *m_demo;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_pages = nullptr;
    QHash<QString, FeedPanel *> m_feedPanels; // by feed name
    int m_toolPages = 0; // Rules, Commands, Connections, Event log: always last
    QComboBox *m_backendCombo = nullptr;
    QString m_backend;
    QToolButton *m_statusButton = nullptr;
    QTimer *m_statusTick = nullptr; // counts a restart incident's downtime up
    QMenu *m_viewMenu = nullptr;
    QActionGroup *m_viewGroup = nullptr;
    DemoMenu *m_demoMenu = nullptr;
    Notifier *m_notifier = nullptr;
    TrayIcon *m_tray = nullptr;
    QString m_configPath;
    ConfigOverrides m_overrides;
    QString m_showWhenAdded; // a page opened from a row, shown once its feed exists
};
