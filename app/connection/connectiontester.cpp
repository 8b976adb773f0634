#include "connectiontester.h"

#include "connection/handshake.h"
#include "core/clock.h"

#include <QTimer>
#include <QWebSocket>

using namespace Qt::StringLiterals;

ConnectionTester::ConnectionTester(const FeedSpec &spec, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_clock(clock)
    , m_timeout(new QTimer(this))
{
    m_result.feedId = spec.id;
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        finish(false,
               m_result.connectMs < 0
                   ? u"no handshake within %1 ms"_s.arg(m_spec.settings.connectTimeoutMs)
                   : u"no pong within %1 ms"_s.arg(m_spec.settings.heartbeatTimeoutMs));
    });
}

ConnectionTester::~ConnectionTester()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void ConnectionTester::start()
{
    m_startedAt = m_clock->nowMs();
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, [this] {
        m_result.connectMs = double(m_clock->nowMs() - m_startedAt);
        m_timeout->start(m_spec.settings.heartbeatTimeoutMs);
        m_pingTimer.start();
        m_socket->ping("feedwatch-test");
    });
    connect(socket, &QWebSocket::pong, this, [this](quint64, const QByteArray &) {
        // Qt's `elapsed` is whole milliseconds: 0 on a LAN. Measure like the engine does.
        m_result.rttMs = double(m_pingTimer.nsecsElapsed()) / 1e6;
        finish(true, {});
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        QString text = Handshake::errorText(m_socket, m_spec);
        m_result.httpStatus = Handshake::httpStatusFromError(text);
        if (m_result.httpStatus) {
            text = Handshake::refusalText(text, m_result.httpStatus);
        }
        finish(false, text);
    });
    connect(socket, &QWebSocket::disconnected, this, [this] {
        // Queued so that an error() emitted in the same pass names the cause.
        QTimer::singleShot(0, this, [this] {
            const QString reason = m_socket ? m_socket->closeReason() : QString();
            finish(false,
                   reason.isEmpty() ? u"connection closed by the server"_s
                                    : u"closed by the server: %1"_s.arg(reason));
        });
    });

    m_timeout->start(m_spec.settings.connectTimeoutMs);
    Handshake::open(socket, m_spec);
}

void ConnectionTester::finish(bool ok, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout->stop();
    m_result.ok = ok;
    m_result.error = error;
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket.clear();
        socket->disconnect(this);
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->close(QWebSocketProtocol::CloseCodeNormal, u"test finished"_s);
        else
            socket->abort();
        socket->deleteLater();
    }
    emit finished(m_result);
}
