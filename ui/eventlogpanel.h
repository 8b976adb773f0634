#pragma once

#include <QSet>
#include <QWidget>

class EventLogFilterProxyModel;
class FeedHub;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

// The engine's event log: filter by feed, kind and text, follow the newest row unless the
// operator scrolled away, and export what is shown as JSON Lines.
class EventLogPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogPanel)

public:
    explicit EventLogPanel(FeedHub *hub, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    EventLogFilterProxyModel *proxy() const { return m_proxy; }
    // Shows only alerts (feed down/up, circuit opened, auth error, server restart), this
    // session's and earlier sessions'.
    void setAlertsOnly(bool on);
    QString countText() const;
    // Writes the rows shown, in view order; the Export… dialog ends here. Reports in the status
    // label and returns whether a file was written.
    bool exportVisibleRows(const QString &path);

protected:
    // Following the newest row waits while the panel is hidden (another page is shown): the
    // first show scrolls to it, if the operator was following it.
    void showEvent(QShowEvent *event) override;

private:
    void onSourceRowsInserted(int first, int last);
    void addFeed(const QString &feedId);
    void addKind(const QString &kind);
    void applyFilters();
    void updateCount();
    void showStatus(const QString &text, bool error);
    void openExportDialog();

    FeedHub *m_hub;
    EventLogFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_feedCombo = nullptr;
    QComboBox *m_kindCombo = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_hideNoise = nullptr;
    QPushButton *m_alertsOnly = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_status = nullptr;
    QSet<QString> m_feeds;
    QSet<QString> m_kinds;
    bool m_follow = true;
};
