#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>

// The bench server as a child process: started, told what to do one line at a time, and
// stopped. Replies are read asynchronously; waitFor() spins the caller's event loop, so the
// client being measured keeps running while it waits.
class ServerProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerProcess)

public:
    explicit ServerProcess(QObject *parent = nullptr);
    ~ServerProcess() override;

    // Starts feedwatch-bench-server with `arguments`; false (see error()) if it never got ready.
    bool start(const QStringList &arguments);
    QList<quint16> ports() const { return m_ports; }
    qint64 pid() const { return m_process.processId(); }
    QString error() const { return m_error; }

    void send(const QByteArray &line);
    // The next reply starting with `prefix` (older replies with other prefixes stay queued);
    // empty after `timeoutMs`.
    QByteArray waitFor(const QByteArray &prefix, int timeoutMs = 30000);
    // send() + waitFor(first word of `line`).
    QByteArray command(const QByteArray &line, int timeoutMs = 30000);
    // Polls "stats" until `connections` feed connections sent client_ready.
    bool waitForReady(int connections, int timeoutMs);
    // "key=value" out of a reply.
    static qint64 field(const QByteArray &reply, const QByteArray &key);
    // The second word of a reply as a number ("frozen 123" -> 123).
    static qint64 argument(const QByteArray &reply);

private:
    void onReadyRead();
    QByteArray takeQueued(const QByteArray &prefix);

    QProcess m_process;
    QByteArray m_buffer;
    QList<QByteArray> m_lines;
    QList<quint16> m_ports;
    QString m_error;
};
