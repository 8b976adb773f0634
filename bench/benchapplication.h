#pragma once

#include <QApplication>
#include <QList>
#include <QString>

// The benchmarks' QApplication: while recording, it times every event the GUI thread
// dispatches (outermost only) in that thread's CPU time. Lateness of a timer says how long the
// loop was blocked; this says which single piece of Feedwatch's work blocked it, and a loaded
// machine cannot stretch it (waiting for a CPU is not CPU time).
class BenchApplication final : public QApplication
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BenchApplication)

public:
    struct Slowest
    {
        double cpuMs = 0;
        QString what; // receiver class and event type
    };

    BenchApplication(int &argc, char **argv);

    static BenchApplication *instance();
    void startRecording();
    // CPU time of each dispatch since startRecording(), in milliseconds.
    QList<double> stopRecording();
    // The longest dispatches of the last recording, longest first.
    QList<Slowest> slowest() const { return m_slowest; }

    bool notify(QObject *receiver, QEvent *event) override;

private:
    bool m_recording = false;
    int m_depth = 0;
    QList<double> m_dispatchMs;
    QList<Slowest> m_slowest;
};
