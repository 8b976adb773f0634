#pragma once

#include "events/feedevent.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// What the event log shows an operator: a translated name for each event kind and a sentence
// made of its fields ("attempt 3 in 4 s (connection refused)"). The stream itself, exports and
// the JSON line of a row keep the kinds and fields of docs/events.md, in English.
class EventText final
{
    Q_DECLARE_TR_FUNCTIONS(EventText)

public:
    EventText() = delete;
    // "retry_scheduled" -> "Retry scheduled"; an unknown kind is shown as it is.
    static QString kindText(const QString &kind);
    // The fields in words; an unknown kind gets FeedEvent::summary() (key=value).
    static QString details(const FeedEvent &event);
    // Every kind of docs/events.md.
    static QStringList knownKinds();
};
