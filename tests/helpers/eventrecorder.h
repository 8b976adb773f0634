#pragma once

#include "events/feedevent.h"

#include <QList>
#include <QObject>

// Collects the events an engine or connection raises, for assertions.
class EventRecorder final : public QObject
{
    Q_OBJECT

public:
    template<typename Source>
    explicit EventRecorder(Source *source, QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(source, &Source::eventRaised, this, &EventRecorder::record);
    }

    void record(const FeedEvent &event) { m_events.append(event); }
    void clear() { m_events.clear(); }
    const QList<FeedEvent> &events() const { return m_events; }
    QList<FeedEvent> ofKind(const QString &kind) const;
    int count(const QString &kind) const { return int(ofKind(kind).size()); }
    // The last event of that kind (a default-constructed one when there is none).
    FeedEvent last(const QString &kind) const;
    QStringList states() const; // the sequence of "state" values
    QByteArray jsonLines() const;

private:
    QList<FeedEvent> m_events;
};
