#pragma once

#include "events/feedevent.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>

class Clock;
class QProcess;

// alerts.exec (docs/alerts.md): runs the operator's command once per alert and writes the alert
// to its standard input as one JSON line (the event stream's line), then closes it. Runs on the
// engine's thread and never waits for the command: a command that hangs is killed after its
// timeout, one that fails is logged and reported as an `alert_exec` event. At most
// `maxRunning` run at once; alerts beyond them wait in a bounded queue, and the oldest waiting
// one is dropped (and counted in the next failure report) when it overflows.
class AlertExec final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertExec)

public:
    static constexpr int maxRunning = 4;
    static constexpr int maxWaiting = 64;

    explicit AlertExec(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~AlertExec() override;

    // Empty: alerts are not handed to any command.
    void setCommand(const QStringList &argv, int timeoutMs);
    QStringList command() const { return m_argv; }
    int running() const { return int(m_running.size()); }

public slots:
    void deliver(const FeedEvent &alert);

signals:
    // `alert_exec` events: a run that could not start, timed out or exited with an error.
    void eventRaised(const FeedEvent &event);

private:
    void startNext();
    void finish(QProcess *process, const QString &error);

    const Clock *m_clock;
    QStringList m_argv;
    int m_timeoutMs = 10000;
    QList<QProcess *> m_running;
    QList<FeedEvent> m_waiting;
    int m_dropped = 0;
};
