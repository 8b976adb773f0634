#include "peerprocess.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

namespace {
bool spin(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(2);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || clock.hasExpired(timeoutMs))
            loop.quit();
    });
    poll.start();
    if (!done())
        loop.exec();
    return done();
}
} // namespace

PeerProcess::PeerProcess(const QString &program, const QStringList &args)
    : m_program(program)
    , m_args(args)
{
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                     [this] { m_out += m_process.readAllStandardOutput(); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this] { m_err += m_process.readAllStandardError(); });
}

PeerProcess::~PeerProcess()
{
    kill();
}

quint16 PeerProcess::start(quint16 port, int timeoutMs)
{
    m_out.clear();
    m_err.clear();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    m_process.setProcessEnvironment(env);
    m_process.start(m_program, m_args + QStringList {u"--port"_s, QString::number(port)});
    if (!m_process.waitForStarted(5000))
        return 0;
    spin([this] { return m_out.contains('\n') || m_process.state() == QProcess::NotRunning; },
         timeoutMs);
    const QByteArray line = m_out.left(m_out.indexOf('\n')).trimmed();
    return line.startsWith("PORT ") ? quint16(line.mid(5).toUInt()) : 0;
}

void PeerProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

bool PeerProcess::terminate(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    m_process.terminate();
    return spin([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
}

QString PeerProcess::debianPython()
{
    return QStandardPaths::findExecutable(u"python3"_s, {u"/usr/bin"_s});
}

bool PeerProcess::pythonHas(const QString &python, const QString &modules)
{
    QProcess check;
    check.start(python, {u"-c"_s, u"import "_s + modules});
    return check.waitForFinished(20000) && check.exitStatus() == QProcess::NormalExit
        && check.exitCode() == 0;
}
