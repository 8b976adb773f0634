#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class FeedHub;
class FeedPanel;
class QWidget;

// The feed pages of the window: which title each feed gets and which extras (queue paused
// banner, service tiles) plug into the one generic FeedPanel. Unknown feeds get a plain panel.
// A class of static functions rather than a namespace so that tr() has a context lupdate sees.
class FeedPages final
{
    Q_DECLARE_TR_FUNCTIONS(FeedPages)

public:
    FeedPages() = delete;
    // The feed's name without its backend: "prod/queue" -> "queue", "adw-state/42" stays.
    static QString feedName(const QString &feedId, const QStringList &backends);
    // "Queue", "System status", ...; the name itself for custom feeds.
    static QString title(const QString &feedName);
    static FeedPanel *create(FeedHub *hub, const QString &feedId, const QString &feedName,
                             QWidget *parent = nullptr);
};
