#pragma once

#include "commands/commandaction.h"
#include "commands/commandrecord.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QWidget>

class FeedHub;
class FeedPanel;
class QAction;
class QLabel;

// The operator's actions on a feed page, from the backend profile's "actions" for that feed:
// a button per action under the page title, and the row actions in the table's context menu.
// An action is enabled only where its rules allow it (the selected row, or the feed's data for a
// feed action), and says why not in its tooltip. Each becomes a command handed to FeedHub
// (journaled, delivered once); the bar says what became of the last one. Nothing here knows a
// particular feed: the profile does.
class FeedActions final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedActions)

public:
    FeedActions(FeedHub *hub, FeedPanel *panel, const QList<CommandAction> &actions,
                QWidget *parent = nullptr);

    // The QAction of a profile action, by its name ("queue.pause"); null when the page has none.
    QAction *action(const QString &name) const { return m_qactions.value(name); }
    QStringList actionNames() const;
    // What became of the last command, as shown (plain text).
    QString feedbackText() const;
    QString lastCommandId() const { return m_lastId; }
    // Runs an action as its button does, on the current row; `confirmed` skips the question.
    void run(const QString &name, bool confirmed = false);

signals:
    void commandsRequested();

private:
    void buildBar(const QList<CommandAction> &actions);
    void wireTable();
    void updateActions();
    // The row for a row action, the feed's data for a feed action; empty without one.
    QJsonObject context(const CommandAction &action) const;
    QString pendingReason(const CommandAction &action) const;
    void submit(const CommandAction &action, const QJsonObject &context);
    void onCommandChanged(const CommandRecord &record);
    void onRejected(const QString &id, const QString &feedId, const QString &name,
                    const QString &reason);
    void showFeedback(const QString &text, bool error);
    QString backend() const;
    QString describe(const CommandRecord &record) const;

    FeedHub *m_hub;
    FeedPanel *m_panel;
    QList<CommandAction> m_actions;
    QHash<QString, QAction *> m_qactions;
    QLabel *m_feedback = nullptr;
    QString m_lastId;
    QSet<QString> m_ownIds; // submitted here: their late news never takes the bar from a newer one
    QString m_lastName;
    QString m_lastDescription;
    qint64 m_lastSeq = 0;
};
