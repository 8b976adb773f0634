#pragma once

#include "config/config.h"
#include "config/tlsconfig.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTimer;

// Degraded mode: fetches a feed's snapshot over plain HTTP every `intervalMs`, one request in
// flight at a time, each with a timeout. Used before the first WebSocket connect and while the
// feed's circuit is open, so data keeps flowing when the WebSocket cannot.
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
    void start(); // polls at once, then every interval
    void stop();

signals:
    void snapshotFetched(const QJsonValue &data, qint64 bytes);
    void failed(const QString &error);

private:
    void poll();
    void onFinished(QNetworkReply *reply);

    QString masked(const QString &text) const;

    QUrl m_url;
    TlsSpec m_tls;
    QJsonObject m_tlsProblem; // the certificate refused by the request in flight
    int m_timeoutMs;
    AuthSpec m_auth;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_timer = nullptr;
    QNetworkReply *m_inFlight = nullptr;
    bool m_active = false;
};
