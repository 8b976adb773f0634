#include "trayicon.h"

#include "appicon.h"
#include "dashboard/feedhub.h"
#include "dashboard/notifier.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QWidget>

#include <algorithm>

TrayIcon::TrayIcon(FeedHub *hub, Notifier *notifier, QWidget *window)
    : QObject(window)
    , m_hub(hub)
    , m_notifier(notifier)
    , m_window(window)
{
    m_menu = new QMenu(window);
    m_menu->addAction(tr("&Show Feedwatch"), window, [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    m_menu->addAction(tr("&Reconnect all"), hub, &FeedHub::reconnectAll);
    m_silence = m_menu->addAction(tr("S&ilence notifications"));
    m_silence->setCheckable(true);
    m_silence->setChecked(notifier->isSilenced());
    connect(m_silence, &QAction::toggled, notifier, &Notifier::setSilenced);
    connect(notifier, &Notifier::silencedChanged, m_silence, &QAction::setChecked);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), qApp, &QApplication::quit);

    if (isAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](auto reason) {
            if (reason == QSystemTrayIcon::Trigger) {
                m_window->showNormal();
                m_window->activateWindow();
            }
        });
        connect(notifier, &Notifier::notify, this,
                [this](const QString &title, const QString &message, bool down) {
                    m_tray->showMessage(
                        title, message,
                        down ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
                });
    }
    connect(hub, &FeedHub::overallChanged, this, &TrayIcon::refresh);
    connect(hub, &FeedHub::feedAdded, this, &TrayIcon::refresh);
    refresh();
    if (m_tray)
        m_tray->show();
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

StatusStyle::Tone TrayIcon::overallTone(const FeedHub *hub)
{
    const QStringList ids = hub->feedIds();
    int live = 0;
    int idle = 0;
    bool stopped = false;
    for (const QString &id : ids) {
        const Feed::State state = hub->stats(id).state;
        live += state == Feed::State::Connected;
        idle += state == Feed::State::Idle;
        stopped = stopped || state == Feed::State::Stopped || state == Feed::State::CircuitOpen;
    }
    if (ids.isEmpty() || idle == ids.size())
        return StatusStyle::Tone::Idle;
    if (live == ids.size())
        return StatusStyle::Tone::Good;
    if (live == 0 || stopped)
        return StatusStyle::Tone::Bad;
    return StatusStyle::Tone::Warning;
}

QIcon TrayIcon::iconFor(StatusStyle::Tone tone)
{
    const QIcon app = AppIcon::icon();
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = app.pixmap(size, size);
        if (pixmap.isNull()) {
            pixmap = QPixmap(size, size);
            pixmap.fill(Qt::transparent);
        }
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal d = std::max(6.0, size * 0.45);
        const QRectF badge(size - d, size - d, d, d);
        // A ring in the window colour keeps the dot readable on the icon and on any panel.
        p.setPen(QPen(QColor(255, 255, 255, 230), std::max(1.0, size / 16.0)));
        p.setBrush(StatusStyle::color(tone));
        p.drawEllipse(badge.adjusted(0.5, 0.5, -0.5, -0.5));
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QString TrayIcon::toolTip() const
{
    return tr("Feedwatch — %1/%n feed(s) live", nullptr, int(m_hub->feedIds().size()))
        .arg(m_hub->liveCount());
}

void TrayIcon::refresh()
{
    m_tone = overallTone(m_hub);
    if (!m_tray)
        return;
    m_tray->setIcon(iconFor(m_tone));
    m_tray->setToolTip(toolTip());
}
