#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class FeedHub;
class FeedPanel;
class QWidget;

// The feed pages of the window, built from each feed's profile entry (FeedHub::definition):
// the one generic FeedPanel, plus the widget the profile asks for (service cards). A class of
// static functions rather than a namespace so that tr() has a context lupdate sees.
class FeedPages final
{
    Q_DECLARE_TR_FUNCTIONS(FeedPages)

public:
    FeedPages() = delete;
    // The feed's name without its backend: "prod/queue" -> "queue", "adw-state/42" stays.
    static QString feedName(const QString &feedId, const QStringList &backends);
    static FeedPanel *create(FeedHub *hub, const QString &feedId, QWidget *parent = nullptr);
};
