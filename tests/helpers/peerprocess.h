#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

// A real peer (tests/peers/) as its own process; it prints "PORT <n>" once it listens.
class PeerProcess final
{
public:
    PeerProcess(const QString &program, const QStringList &args);
    ~PeerProcess();

    // Starts on `port` (0: the peer picks one) and waits for it to listen, running the event
    // loop meanwhile so live connections keep their timers. Returns the port, 0 on failure.
    quint16 start(quint16 port, int timeoutMs = 20000);
    // SIGKILL: the kernel ends its connections, no close frame.
    void kill();
    // SIGTERM, then waits (running the event loop) for the process to exit.
    bool terminate(int timeoutMs = 10000);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    // Everything it printed, for failure messages and lines like "CLOSED 8".
    QString output() const { return QString::fromUtf8(m_out); }
    QString errorOutput() const { return QString::fromUtf8(m_out + m_err); }

    // Debian's own interpreter: the packages are installed for it, not for a user's pyenv.
    static QString debianPython();
    // Whether `python` imports `modules` ("fastapi, uvicorn").
    static bool pythonHas(const QString &python, const QString &modules);

private:
    QString m_program;
    QStringList m_args;
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};
