#include "eventrecorder.h"

QList<FeedEvent> EventRecorder::ofKind(const QString &kind) const
{
    QList<FeedEvent> out;
    for (const FeedEvent &e : m_events) {
        if (e.event == kind)
            out.append(e);
    }
    return out;
}

FeedEvent EventRecorder::last(const QString &kind) const
{
    const QList<FeedEvent> all = ofKind(kind);
    return all.isEmpty() ? FeedEvent {} : all.last();
}

QStringList EventRecorder::states() const
{
    QStringList out;
    for (const FeedEvent &e : ofKind(QStringLiteral("state")))
        out << e.fields.value(QLatin1StringView("state")).toString();
    return out;
}

QByteArray EventRecorder::jsonLines() const
{
    QByteArray out;
    for (const FeedEvent &e : m_events)
        out += e.toJsonLine() + '\n';
    return out;
}
