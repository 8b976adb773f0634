#pragma once

#include "events/feedevent.h"

#include <QFile>
#include <QObject>

// Writes the event stream as JSON Lines, one flushed line per event, to a file or stdout.
class EventStreamWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStreamWriter)

public:
    explicit EventStreamWriter(QObject *parent = nullptr);
    // "-" is standard output. Appends to an existing file.
    bool open(const QString &target, QString *error);
    qint64 linesWritten() const { return m_lines; }

public slots:
    void write(const FeedEvent &event);

private:
    QFile m_file;
    qint64 m_lines = 0;
};
