#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

// One line of the event stream (docs/events.md): what the engine did and why.
struct FeedEvent
{
    qint64 wallMs = 0;
    QString feed; // empty for app-wide events (written as null)
    QString event;
    QJsonObject fields;

    // {"ts":"2026-11-22T10:00:00.123Z","feed":"queue","event":"state",...} without a newline.
    QByteArray toJsonLine() const;
    // A short human-readable text of the fields, for the event log view.
    QString summary() const;
    static QString isoTimestamp(qint64 wallMs);
};

// The last N events of one feed, oldest first.
class EventRing final
{
public:
    explicit EventRing(qsizetype capacity = 200)
        : m_capacity(capacity)
    { }
    void append(const FeedEvent &event);
    QList<FeedEvent> events() const;
    qsizetype size() const { return m_items.size(); }
    qsizetype capacity() const { return m_capacity; }

private:
    qsizetype m_capacity;
    qsizetype m_head = 0; // index of the oldest item once the ring is full
    QList<FeedEvent> m_items;
};

Q_DECLARE_METATYPE(FeedEvent)
