#include "alertexec.h"

#include "core/clock.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAlertExec, "feedwatch.alerts.exec", QtInfoMsg)

namespace {
constexpr const char *kAlertProperty = "feedwatch_alert";
constexpr const char *kDoneProperty = "feedwatch_done";
} // namespace

AlertExec::AlertExec(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : SystemClock::instance())
{ }

AlertExec::~AlertExec()
{
    // Nothing waits for a command at exit: the running ones are killed, not awaited.
    for (QProcess *p : std::as_const(m_running)) {
        p->disconnect(this);
        p->kill();
        p->waitForFinished(1000);
    }
}

void AlertExec::setCommand(const QStringList &argv, int timeoutMs)
{
    m_argv = argv;
    m_timeoutMs = timeoutMs;
    if (argv.isEmpty())
        m_waiting.clear();
}

void AlertExec::deliver(const FeedEvent &alert)
{
    if (m_argv.isEmpty())
        return;
    if (m_waiting.size() >= maxWaiting) {
        m_waiting.removeFirst();
        ++m_dropped;
    }
    m_waiting.append(alert);
    startNext();
}

void AlertExec::startNext()
{
    while (m_running.size() < maxRunning && !m_waiting.isEmpty()) {
        const FeedEvent alert = m_waiting.takeFirst();
        auto *process = new QProcess(this);
        process->setProgram(m_argv.first());
        process->setArguments(m_argv.mid(1));
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->setStandardOutputFile(QProcess::nullDevice());
        process->setProperty(kAlertProperty, QString::fromUtf8(alert.toJsonLine()));
        m_running.append(process);
        auto *timeout = new QTimer(process);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, this, [this, process] {
            finish(process, u"timed out after %1 ms; killed"_s.arg(m_timeoutMs));
        });
        connect(process, &QProcess::started, this, [process] {
            process->write(process->property(kAlertProperty).toString().toUtf8() + '\n');
            process->closeWriteChannel();
        });
        connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                finish(process, u"could not start: %1"_s.arg(process->errorString()));
        });
        connect(process, &QProcess::finished, this,
                [this, process](int code, QProcess::ExitStatus status) {
                    if (status == QProcess::CrashExit)
                        finish(process, u"crashed"_s);
                    else if (code != 0)
                        finish(process,
                               u"exited with %1: %2"_s.arg(code).arg(QString::fromUtf8(
                                   process->readAllStandardError().trimmed().right(200))));
                    else
                        finish(process, {});
                });
        timeout->start(m_timeoutMs);
        process->start();
    }
}

void AlertExec::finish(QProcess *process, const QString &error)
{
    if (process->property(kDoneProperty).toBool())
        return;
    process->setProperty(kDoneProperty, true);
    m_running.removeOne(process);
    if (!error.isEmpty()) {
        const int dropped = std::exchange(m_dropped, 0);
        qCWarning(lcAlertExec).noquote() << "alerts.exec" << m_argv.first() << error;
        emit eventRaised(
            {m_clock->wallMs(),
             QString(),
             u"alert_exec"_s,
             {{u"command"_s, m_argv.first()}, {u"error"_s, error}, {u"dropped"_s, dropped}}});
    }
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        // Killed: its finished() (or the reaping) comes later; it is deleted then.
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
        process->kill();
    } else {
        process->deleteLater();
    }
    startNext();
}
