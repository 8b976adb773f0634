#include "snapshotpoller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

SnapshotPoller::SnapshotPoller(const QUrl &url, int intervalMs, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_timeoutMs(timeoutMs)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &SnapshotPoller::poll);
}

SnapshotPoller::~SnapshotPoller()
{
    stop();
}

void SnapshotPoller::start()
{
    if (m_active)
        return;
    m_active = true;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    poll();
    m_timer->start();
}

void SnapshotPoller::stop()
{
    m_active = false;
    m_timer->stop();
    if (m_inFlight) {
        QNetworkReply *reply = std::exchange(m_inFlight, nullptr);
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void SnapshotPoller::poll()
{
    if (!m_active || m_inFlight) // never two requests at once against a struggling server
        return;
    QNetworkRequest request(m_url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    m_inFlight = m_network->get(request);
    QNetworkReply *reply = m_inFlight;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void SnapshotPoller::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_inFlight)
        return;
    m_inFlight = nullptr;
    if (!m_active)
        return;
    if (reply->error() != QNetworkReply::NoError) {
        emit failed(u"%1: %2"_s.arg(m_url.toString(), reply->errorString()));
        return;
    }
    const QByteArray body = reply->readAll();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        emit failed(u"%1: malformed JSON at offset %2: %3"_s.arg(m_url.toString())
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
        return;
    }
    emit snapshotFetched(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()),
                         body.size());
}
