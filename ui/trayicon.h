#pragma once

#include "statusstyle.h"

#include <QIcon>
#include <QObject>

class FeedHub;
class Notifier;
class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

// The tray icon: overall state in its colour and tooltip, and the Notifier's news as desktop
// notifications. What to announce and how often is the Notifier's business, not this class's.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    TrayIcon(FeedHub *hub, Notifier *notifier, QWidget *window);

    static bool isAvailable();
    // Green all live, amber some down, red none live or one stopped, grey nothing started.
    static StatusStyle::Tone overallTone(const FeedHub *hub);
    // The application icon with the overall state as a dot in its lower right corner: the tray
    // shows which program it is and how it is doing.
    static QIcon iconFor(StatusStyle::Tone tone);
    QString toolTip() const;
    QAction *silenceAction() const { return m_silence; }

private:
    void refresh();

    FeedHub *m_hub;
    Notifier *m_notifier;
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_silence = nullptr;
    StatusStyle::Tone m_tone = StatusStyle::Tone::Idle;
};
