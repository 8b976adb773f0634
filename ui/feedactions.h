#pragma once

#include "commands/commandrecord.h"

#include <QJsonObject>
#include <QWidget>

class FeedHub;
class FeedPanel;
class QAction;
class QLabel;
class QToolButton;

// The operator's actions on a feed page, as a bar under the page title and as the table's
// context menu: on the queue, pause / resume the queue, execute a ready phase, remove a phase,
// retry a failed phase; on the queue and workflows pages, trigger a workflow for an issue.
// Every action becomes a command handed to FeedHub (journaled, delivered once); the bar says
// what became of the last one. Actions stay usable while the feed is down: commands wait.
class FeedActions final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedActions)

public:
    enum class Kind { Queue, Workflows };

    FeedActions(FeedHub *hub, FeedPanel *panel, Kind kind, QWidget *parent = nullptr);

    QAction *pauseResumeAction() const { return m_pauseResume; }
    QAction *executeAction() const { return m_execute; }
    QAction *removeAction() const { return m_remove; }
    QAction *retryAction() const { return m_retry; }
    QAction *triggerAction() const { return m_trigger; }
    // What became of the last command, as shown (plain text).
    QString feedbackText() const;
    QString lastCommandId() const { return m_lastId; }

    // Submit directly, as the dialogs do once confirmed.
    void triggerWorkflow(int issueNumber);
    void removeSelectedPhase();
    // "Pause queue", "Execute phase q-7", "Trigger workflow for issue #142", ...
    static QString describe(const QString &name, const QJsonObject &args);

signals:
    void commandsRequested();

private:
    void updateActions();
    void submit(const QString &name, const QJsonObject &args);
    void onCommandChanged(const CommandRecord &record);
    void onRejected(const QString &id, const QString &feedId, const QString &name,
                    const QString &reason);
    void showFeedback(const QString &text, bool error);
    void confirmRemove();
    void openTriggerDialog();
    void showContextMenu(const QPoint &pos);
    QString selectedKey() const;
    QString selectedStatus() const;
    int selectedParentIssue() const;
    QString feedId() const;
    QString commandFeed(const QString &name) const;
    QString pendingQueueCommand() const;

    FeedHub *m_hub;
    FeedPanel *m_panel;
    Kind m_kind;
    QAction *m_pauseResume = nullptr;
    QAction *m_execute = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_trigger = nullptr;
    QLabel *m_feedback = nullptr;
    QString m_lastId;
    QString m_lastName;
    QString m_lastFeed;
    QString m_lastDescription;
    qint64 m_lastSeq = 0;
};
