#pragma once

#include <QWidget>

class FeedHub;
class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

// Every operator command with where it stands: queued, sent, acked, failed, expired, cancelled,
// its attempts, age and error. Cancel a queued one, retry a failed or expired one. Says where
// the journal lives, and loudly when commands are only in memory.
class CommandsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandsPanel)

public:
    explicit CommandsPanel(FeedHub *hub, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *retryButton() const { return m_retry; }
    QCheckBox *pendingOnly() const { return m_pendingOnly; }
    QString summaryText() const;
    QString storageText() const;
    QString statusText() const;
    // Selects the row of a command id; false when it is not shown.
    bool selectCommand(const QString &id);

private:
    void updateButtons();
    void updateSummary();
    void updateStorage();
    QString currentId() const;
    void cancelCurrent();
    void retryCurrent();
    void showStatus(const QString &text, bool error);
    void showContextMenu(const QPoint &pos);

    FeedHub *m_hub;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_storage = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QCheckBox *m_pendingOnly = nullptr;
    QTimer *m_tick = nullptr;
    QString m_actionId; // the command the last cancel/retry was about
};
