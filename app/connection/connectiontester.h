#pragma once

#include "config/config.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QPointer>

class QTimer;
class QWebSocket;
class Clock;

struct TestResult
{
    QString feedId;
    bool ok = false;
    double connectMs = -1;
    double rttMs = -1;
    int httpStatus = 0;
    QString error;
};
Q_DECLARE_METATYPE(TestResult)

// "Test connection": a separate, short-lived socket that does the handshake and one ping, then
// closes. It never touches the feed's live link.
class ConnectionTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTester)

public:
    ConnectionTester(const FeedSpec &spec, const Clock *clock, QObject *parent = nullptr);
    ~ConnectionTester() override;
    void start();

signals:
    void finished(const TestResult &result);

private:
    void finish(bool ok, const QString &error);

    FeedSpec m_spec;
    const Clock *m_clock;
    QPointer<QWebSocket> m_socket;
    QTimer *m_timeout = nullptr;
    TestResult m_result;
    qint64 m_startedAt = 0;
    QElapsedTimer m_pingTimer;
    bool m_done = false;
};
