#pragma once

#include "config/tlsconfig.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// Degraded mode: fetches a feed's snapshot over plain HTTP every `intervalMs`, one request in
// flight at a time, each with a timeout. Used before the first WebSocket connect and while the
// feed's circuit is open, so data keeps flowing when the WebSocket cannot.
class SnapshotPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotPoller)

public:
    SnapshotPoller(const QUrl &url, int intervalMs, int timeoutMs, QObject *parent = nullptr);
    ~SnapshotPoller() override;

    QUrl url() const { return m_url; }
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

    QUrl m_url;
    TlsSpec m_tls;
    QJsonObject m_tlsProblem; // the certificate refused by the request in flight
    int m_timeoutMs;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_timer = nullptr;
    QNetworkReply *m_inFlight = nullptr;
    bool m_active = false;
};
