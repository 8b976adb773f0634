#include "serverprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

ServerProcess::ServerProcess(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ServerProcess::onReadyRead);
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    send("quit");
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

bool ServerProcess::start(const QStringList &arguments)
{
    m_process.start(QStringLiteral(FEEDWATCH_BENCH_SERVER), arguments);
    if (!m_process.waitForStarted(10000)) {
        m_error = u"cannot start the bench server: %1"_s.arg(m_process.errorString());
        return false;
    }
    const QByteArray ready = waitFor("ready", 60000);
    if (ready.isEmpty()) {
        m_error = u"the bench server never reported ready"_s;
        return false;
    }
    const QList<QByteArray> words = ready.split(' ');
    for (qsizetype i = 1; i < words.size(); ++i)
        m_ports.append(quint16(words.at(i).toUInt()));
    return !m_ports.isEmpty();
}

void ServerProcess::send(const QByteArray &line)
{
    m_process.write(line + '\n');
}

void ServerProcess::onReadyRead()
{
    m_buffer.append(m_process.readAllStandardOutput());
    qsizetype eol;
    while ((eol = m_buffer.indexOf('\n')) >= 0) {
        m_lines.append(m_buffer.left(eol).trimmed());
        m_buffer.remove(0, eol + 1);
    }
}

QByteArray ServerProcess::takeQueued(const QByteArray &prefix)
{
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).startsWith(prefix))
            return m_lines.takeAt(i);
    }
    return {};
}

QByteArray ServerProcess::waitFor(const QByteArray &prefix, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        const QByteArray line = takeQueued(prefix);
        if (!line.isEmpty())
            return line;
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
            return {};
        QEventLoop loop;
        QTimer::singleShot(int(std::min<qint64>(deadline.remainingTime(), 50)), &loop,
                           &QEventLoop::quit);
        connect(&m_process, &QProcess::readyReadStandardOutput, &loop, &QEventLoop::quit,
                Qt::QueuedConnection);
        loop.exec();
    }
}

QByteArray ServerProcess::command(const QByteArray &line, int timeoutMs)
{
    send(line);
    return waitFor(line.split(' ').value(0), timeoutMs);
}

bool ServerProcess::waitForReady(int connections, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (field(command("stats"), "ready") >= connections)
            return true;
        QEventLoop loop;
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return false;
}

qint64 ServerProcess::field(const QByteArray &reply, const QByteArray &key)
{
    const QList<QByteArray> words = reply.split(' ');
    for (const QByteArray &word : words) {
        if (word.startsWith(key + '='))
            return word.mid(key.size() + 1).toLongLong();
    }
    return -1;
}

qint64 ServerProcess::argument(const QByteArray &reply)
{
    return reply.split(' ').value(1).toLongLong();
}
