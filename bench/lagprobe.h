#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

// Event-loop lag: a single-shot timer re-armed every time it fires measures how much later than
// asked it ran. Whatever blocks the loop (a slot, a repaint, a layout) shows up as lateness, and
// so does waiting for a CPU on a loaded machine. The second measure separates the two: lateness
// capped by the CPU time this thread used in that interval, i.e. what its own work can explain.
class LagProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagProbe)

public:
    explicit LagProbe(int intervalMs = 10, QObject *parent = nullptr);

    void start();
    void stop();
    // Lateness of every firing since start(), in microseconds.
    QList<double> samplesUs() const { return m_samples; }
    // The same, each capped by the thread's CPU time since the previous firing.
    QList<double> ownSamplesUs() const { return m_own; }
    // Share of the time since start() this thread was runnable but waiting for a CPU
    // (/proc/thread-self/schedstat); -1 if unreadable.
    double runQueueShare() const;

private:
    void onTimeout();

    QTimer m_timer;
    int m_intervalMs;
    qint64 m_armedNs = 0;
    qint64 m_armedCpuNs = 0;
    qint64 m_startNs = 0;
    qint64 m_startWaitNs = 0;
    qint64 m_stopNs = 0;
    qint64 m_stopWaitNs = 0;
    QList<double> m_samples;
    QList<double> m_own;
};
