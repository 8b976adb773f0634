#pragma once

#include <QString>
#include <QStringList>

class FeedHub;
class FeedPanel;
class QWidget;

// The feed pages of the window: which title each feed gets and which extras (queue paused
// banner, service tiles) plug into the one generic FeedPanel. Unknown feeds get a plain panel.
namespace FeedPages {
// The feed's name without its backend: "prod/queue" -> "queue", "adw-state/42" stays.
QString feedName(const QString &feedId, const QStringList &backends);
// "Queue", "System status", ...; the name itself for custom feeds.
QString title(const QString &feedName);
FeedPanel *create(FeedHub *hub, const QString &feedId, const QString &feedName,
                  QWidget *parent = nullptr);
} // namespace FeedPages
