#include "snapshotpoller.h"

#include "connection/handshake.h"
#include "connection/tls.h"
#include "core/redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

SnapshotPoller::SnapshotPoller(const QUrl &url, int intervalMs, int timeoutMs, const AuthSpec &auth,
                               QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_timeoutMs(timeoutMs)
    , m_auth(auth)
    , m_timer(new QTimer(this))
    , m_deadline(new QTimer(this))
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &SnapshotPoller::poll);
    m_deadline->setSingleShot(true);
    // A coarse timer may fire up to 5 % early: "not finished within 600 ms" after 589 ms
    // (ASan run of tst_snapshotpoller). One precise timer per poll in flight.
    m_deadline->setTimerType(Qt::PreciseTimer);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        abandon(u"%1: not finished within %2 ms (%3)"_s.arg(Redaction::displayUrl(m_url))
                    .arg(m_deadlineMs)
                    .arg(m_deadlineKey));
    });
}

void SnapshotPoller::setMaxBytes(qint64 maxBytes, const QString &key)
{
    m_maxBytes = maxBytes;
    m_maxBytesKey = key;
}

void SnapshotPoller::setDeadlineMs(int deadlineMs, const QString &key)
{
    m_deadlineMs = deadlineMs;
    m_deadlineKey = key;
}

SnapshotPoller::~SnapshotPoller()
{
    stop();
}

void SnapshotPoller::setNetworkAccess(QNetworkAccessManager *shared)
{
    m_network = shared;
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
    m_deadline->stop();
    m_body.clear();
    if (m_inFlight) {
        QNetworkReply *reply = std::exchange(m_inFlight, nullptr);
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void SnapshotPoller::abandon(const QString &error)
{
    if (!m_inFlight)
        return;
    QNetworkReply *reply = std::exchange(m_inFlight, nullptr);
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    m_deadline->stop();
    m_body = QByteArray(); // gives the memory back, not just the size
    emit failed(masked(error));
}

void SnapshotPoller::onReadyRead(QNetworkReply *reply)
{
    if (reply != m_inFlight)
        return;
    // Read as it comes, so the cap holds for the body however the server sends it (no length,
    // chunked forever, or a Content-Length it never reaches).
    m_body += reply->read(m_maxBytes + 1 - m_body.size());
    if (m_body.size() > m_maxBytes || reply->bytesAvailable() > 0) {
        abandon(u"%1: snapshot larger than %2 bytes (%3)"_s.arg(Redaction::displayUrl(m_url))
                    .arg(m_maxBytes)
                    .arg(m_maxBytesKey));
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
    case AuthSpec::Mode::Query:
        url = Handshake::withQueryToken(url, m_auth);
        break;
    }
    request.setUrl(url);
    if (url.scheme() == "https"_L1)
        request.setSslConfiguration(Tls::configuration(m_tls));
    // A server that accepts and never answers must not hold the fallback forever.
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    return request;
}

QString SnapshotPoller::masked(const QString &text) const
{
    return Redaction::mask(text, Redaction::forms(m_auth.token));
}

void SnapshotPoller::poll()
{
    if (!m_active || m_inFlight) // never two requests at once against a struggling server
        return;
    m_tlsProblem = {};
    m_body.clear();
    m_inFlight = m_network->get(request());
    QNetworkReply *reply = m_inFlight;
    m_deadline->start(m_deadlineMs);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const qint64 declared = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (reply == m_inFlight && declared > m_maxBytes) {
            abandon(u"%1: snapshot of %2 bytes is larger than %3 (%4)"_s
                        .arg(Redaction::displayUrl(m_url))
                        .arg(declared)
                        .arg(m_maxBytes)
                        .arg(m_maxBytesKey));
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { onReadyRead(reply); });
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        const Tls::Verdict verdict =
            Tls::check(m_tls, m_url, reply->sslConfiguration().peerCertificate(), errors);
        if (verdict.pinned)
            reply->ignoreSslErrors(verdict.ignore);
        else
            m_tlsProblem = verdict.problem;
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void SnapshotPoller::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_inFlight)
        return;
    m_inFlight = nullptr;
    m_deadline->stop();
    if (!m_active)
        return;
    if (reply->error() == QNetworkReply::OperationCanceledError
        || reply->error() == QNetworkReply::TimeoutError) {
        // Only the transfer timeout cancels a request that is still ours.
        emit failed(
            u"%1: no answer within %2 ms (fallback.timeout_ms)"_s.arg(Redaction::displayUrl(m_url))
                .arg(m_timeoutMs));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString why = !m_tlsProblem.isEmpty() ? m_tlsProblem.value("error"_L1).toString()
            : status > 0                            ? u"HTTP %1"_s.arg(status)
                                                    : reply->errorString();
        emit failed(masked(u"%1: %2"_s.arg(Redaction::displayUrl(m_url), why)));
        return;
    }
    const QByteArray body = std::exchange(m_body, {}) + reply->readAll();
    if (body.size() > m_maxBytes) {
        emit failed(u"%1: snapshot larger than %2 bytes (%3)"_s.arg(Redaction::displayUrl(m_url))
                        .arg(m_maxBytes)
                        .arg(m_maxBytesKey));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        emit failed(u"%1: malformed JSON at offset %2: %3"_s.arg(Redaction::displayUrl(m_url))
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
        return;
    }
    emit snapshotFetched(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()),
                         body.size());
}
