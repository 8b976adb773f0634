#include "benchapplication.h"

#include "procstats.h"

#include <QMetaEnum>
#include <QThread>

BenchApplication::BenchApplication(int &argc, char **argv)
    : QApplication(argc, argv)
{ }

BenchApplication *BenchApplication::instance()
{
    return static_cast<BenchApplication *>(QCoreApplication::instance());
}

void BenchApplication::startRecording()
{
    m_dispatchMs.clear();
    m_slowest.clear();
    m_recording = true;
}

QList<double> BenchApplication::stopRecording()
{
    m_recording = false;
    return m_dispatchMs;
}

bool BenchApplication::notify(QObject *receiver, QEvent *event)
{
    if (!m_recording || m_depth > 0 || QThread::currentThread() != thread())
        return QApplication::notify(receiver, event);
    // Taken before: the event may delete its receiver (DeferredDelete).
    const char *className = receiver->metaObject()->className();
    // A timer says little alone: its owner says whose ("QTimer in OverviewPanel").
    const QObject *owner = receiver->parent();
    const char *ownerName = owner ? owner->metaObject()->className() : nullptr;
    const QEvent::Type type = event->type();
    ++m_depth;
    const qint64 start = ProcStats::threadCpuNs();
    const bool result = QApplication::notify(receiver, event);
    const double ms = double(ProcStats::threadCpuNs() - start) / 1e6;
    --m_depth;
    m_dispatchMs.append(ms);
    if (m_slowest.size() < 5 || ms > m_slowest.last().cpuMs) {
        QString what = QString::fromLatin1(className);
        if (ownerName)
            what += QLatin1String(" in ") + QString::fromLatin1(ownerName);
        what += QLatin1Char(' ')
            + QString::fromLatin1(QMetaEnum::fromType<QEvent::Type>().valueToKey(type));
        m_slowest.append({ms, what});
        std::sort(m_slowest.begin(), m_slowest.end(),
                  [](const Slowest &a, const Slowest &b) { return a.cpuMs > b.cpuMs; });
        if (m_slowest.size() > 5)
            m_slowest.removeLast();
    }
    return result;
}
