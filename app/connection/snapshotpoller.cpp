#include "snapshotpoller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

SnapshotPoller::SnapshotPoller(const QUrl &url, int intervalMs, int timeoutMs, const AuthSpec &auth,
                               QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_timeoutMs(timeoutMs)
    , m_auth(auth)
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

QNetworkRequest SnapshotPoller::request() const
{
    QUrl url = m_url;
    QNetworkRequest request;
    switch (m_auth.mode) {
    case AuthSpec::Mode::None:
        break;
    case AuthSpec::Mode::Header:
    case AuthSpec::Mode::Subprotocol:
        request.setRawHeader("Authorization", "Bearer " + m_auth.token.toUtf8());
        break;
    case AuthSpec::Mode::Query: {
        QUrlQuery query(url);
        query.addQueryItem(m_auth.queryParam, m_auth.token);
        url.setQuery(query);
        break;
    }
    }
    request.setUrl(url);
    // A server that accepts and never answers must not hold the fallback forever.
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    return request;
}

QString SnapshotPoller::masked(QString text) const
{
    if (!m_auth.token.isEmpty()) {
        text.replace(m_auth.token, u"***"_s);
        text.replace(QString::fromUtf8(QUrl::toPercentEncoding(m_auth.token)), u"***"_s);
    }
    return text;
}

void SnapshotPoller::poll()
{
    if (!m_active || m_inFlight) // never two requests at once against a struggling server
        return;
    m_inFlight = m_network->get(request());
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
    if (reply->error() == QNetworkReply::OperationCanceledError
        || reply->error() == QNetworkReply::TimeoutError) {
        // Only the transfer timeout cancels a request that is still ours.
        emit failed(u"%1: no answer within %2 ms (fallback.timeout_ms)"_s.arg(m_url.toString())
                        .arg(m_timeoutMs));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        emit failed(masked(status > 0 ? u"%1: HTTP %2"_s.arg(m_url.toString()).arg(status)
                                      : u"%1: %2"_s.arg(m_url.toString(), reply->errorString())));
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
