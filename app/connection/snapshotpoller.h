#pragma once

#include "config/config.h"
#include "config/tlsconfig.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTimer;

// Degraded mode: fetches a feed's snapshot over plain HTTP every `intervalMs`, one request in
// flight at a time. Each request is bounded three ways: silence (`timeoutMs` without a byte),
// size (setMaxBytes) and total time (setDeadlineMs); any of them ends it with failed() naming
// the limit, and polling goes on at its interval. Used before the first WebSocket connect and
// while the feed's circuit is open, so data keeps flowing when the WebSocket cannot.
class SnapshotPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotPoller)

public:
    // `auth` goes with every request like on the WebSocket: header mode (and subprotocol mode,
    // which HTTP lacks) as "Authorization: Bearer", query mode as ?<query_param>=. Errors never
    // contain the token.
    SnapshotPoller(const QUrl &url, int intervalMs, int timeoutMs, const AuthSpec &auth = {},
                   QObject *parent = nullptr);
    ~SnapshotPoller() override;

    QUrl url() const { return m_url; }
    int timeoutMs() const { return m_timeoutMs; }
    // The request as sent (with credentials); for tests.
    QNetworkRequest request() const;
    bool isActive() const { return m_active; }
    // The backend's TLS settings (tls.ca_file, pinned certificates) for https:// URLs.
    void setTls(const TlsSpec &tls) { m_tls = tls; }
    // The largest body read, and the setting that says so (named in the error).
    void setMaxBytes(qint64 maxBytes, const QString &key);
    // The longest a request may take in all, and the setting that says so.
    void setDeadlineMs(int deadlineMs, const QString &key);
    // A network manager shared with the other pollers of this thread (set before start()).
    // Without one the poller makes its own, and each QNetworkAccessManager runs a thread of
    // its own for HTTP: 480 feeds made 480 threads.
    void setNetworkAccess(QNetworkAccessManager *shared);
    void start(); // polls at once, then every interval
    void stop();

signals:
    void snapshotFetched(const QJsonValue &data, qint64 bytes);
    void failed(const QString &error);

private:
    void poll();
    void onFinished(QNetworkReply *reply);
    void onReadyRead(QNetworkReply *reply);
    // Ends the request in flight with `error`; the interval timer keeps polling.
    void abandon(const QString &error);

    QString masked(const QString &text) const;

    QUrl m_url;
    TlsSpec m_tls;
    QJsonObject m_tlsProblem; // the certificate refused by the request in flight
    int m_timeoutMs;
    AuthSpec m_auth;
    // A shared manager may go first (its owner's children are deleted in creation order), and
    // its replies with it: both are guarded.
    QPointer<QNetworkAccessManager> m_network;
    QTimer *m_timer = nullptr;
    QPointer<QNetworkReply> m_inFlight;
    QTimer *m_deadline = nullptr;
    QByteArray m_body;
    qint64 m_maxBytes = 16 * 1024 * 1024;
    QString m_maxBytesKey = QStringLiteral("limits.max_message_bytes");
    int m_deadlineMs = 20000;
    QString m_deadlineKey = QStringLiteral("fallback.deadline_ms");
    bool m_active = false;
};
