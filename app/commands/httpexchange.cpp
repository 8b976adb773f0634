#include "httpexchange.h"

#include "connection/tls.h"

#include <QSslSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype maxHeadBytes = 16 * 1024;
}

HttpExchange::HttpExchange(const Request &request, const TlsSpec &tls, int timeoutMs,
                           qint64 maxBodyBytes, QObject *parent)
    : QObject(parent)
    , m_request(request)
    , m_tls(tls)
    , m_timeoutMs(timeoutMs)
    , m_maxBody(maxBodyBytes)
    , m_socket(new QSslSocket(this))
    , m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        finish(u"no answer within %1 ms"_s.arg(m_timeoutMs));
    });
    connect(m_socket, &QSslSocket::connected, this, [this] {
        if (m_request.url.scheme() != "https"_L1)
            onConnected();
    });
    connect(m_socket, &QSslSocket::encrypted, this, &HttpExchange::onConnected);
    connect(m_socket, &QSslSocket::readyRead, this, &HttpExchange::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &HttpExchange::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError)
            return; // disconnected() says what the close means
        if (!m_tlsRefused)
            finish(m_socket->errorString());
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        const Tls::Verdict verdict =
            Tls::check(m_tls, m_request.url, m_socket->peerCertificate(), errors);
        if (verdict.pinned) {
            m_socket->ignoreSslErrors(verdict.ignore);
            return;
        }
        m_tlsRefused = true;
        finish(verdict.text());
    });
}

HttpExchange::~HttpExchange()
{
    m_finished = true; // no signal from a dying exchange
    m_socket->abort();
}

void HttpExchange::start()
{
    const QString host = m_request.url.host();
    const bool tls = m_request.url.scheme() == "https"_L1;
    const quint16 port = quint16(m_request.url.port(tls ? 443 : 80));
    m_deadline->start(m_timeoutMs);
    if (tls) {
        m_socket->setSslConfiguration(Tls::configuration(m_tls));
        m_socket->connectToHostEncrypted(host, port);
    } else {
        m_socket->connectToHost(host, port);
    }
}

void HttpExchange::abort()
{
    m_finished = true;
    m_deadline->stop();
    m_socket->abort();
}

void HttpExchange::onConnected()
{
    const QUrl &url = m_request.url;
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    const bool tls = url.scheme() == "https"_L1;
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (url.port() > 0 && url.port() != (tls ? 443 : 80))
        host += ':' + QByteArray::number(url.port());
    QByteArray out = m_request.method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    for (const auto &[name, value] : std::as_const(m_request.headers))
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(m_request.body.size())
        + "\r\nConnection: close\r\n\r\n" + m_request.body;
    m_socket->write(out);
    m_stage = Stage::Sent;
}

void HttpExchange::onReadyRead()
{
    if (m_finished)
        return;
    m_buffer += m_socket->readAll();
    parse();
}

void HttpExchange::parse()
{
    if (!m_headDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > maxHeadBytes)
                finish(u"answer head over %1 bytes"_s.arg(maxHeadBytes));
            return;
        }
        if (!parseHead(end))
            return;
    }
    if (m_chunked) {
        if (parseChunks())
            finish();
        return;
    }
    m_body += m_buffer;
    m_buffer.clear();
    if (m_body.size() > m_maxBody) {
        m_oversize = true;
        m_body.truncate(m_maxBody);
        finish();
    } else if (m_contentLength >= 0 && m_body.size() >= m_contentLength) {
        m_body.truncate(m_contentLength);
        finish();
    }
}

bool HttpExchange::parseHead(qsizetype end)
{
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    bool ok = false;
    const int status = statusLine.value(1).toInt(&ok);
    if (!statusLine.value(0).startsWith("HTTP/1.") || !ok || status < 100 || status > 999) {
        finish(u"not an HTTP answer: %1"_s.arg(QString::fromLatin1(lines.value(0).left(80))));
        return false;
    }
    m_buffer.remove(0, end + 4);
    if (status >= 100 && status < 200) // 100 Continue and friends: the answer follows
        return m_buffer.contains("\r\n\r\n") ? parseHead(m_buffer.indexOf("\r\n\r\n")) : false;
    m_status = status;
    m_stage = Stage::Answered;
    m_headDone = true;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            m_headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    m_chunked = m_headers.value("transfer-encoding").toLower().contains("chunked");
    if (!m_chunked && m_headers.contains("content-length"))
        m_contentLength = m_headers.value("content-length").toLongLong();
    if (m_request.method == "HEAD" || status == 204 || status == 304)
        m_contentLength = 0;
    return true;
}

bool HttpExchange::parseChunks()
{
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n");
        if (lineEnd < 0)
            return false;
        bool ok = false;
        const qint64 size =
            m_buffer.left(lineEnd).split(';').value(0).trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) {
            finish(u"malformed chunked body"_s);
            return false;
        }
        if (size == 0)
            return true; // trailers, if any, do not matter here
        if (m_buffer.size() < lineEnd + 2 + size + 2)
            return false;
        m_body += m_buffer.mid(lineEnd + 2, size);
        m_buffer.remove(0, lineEnd + 2 + size + 2);
        if (m_body.size() > m_maxBody) {
            m_oversize = true;
            m_body.truncate(m_maxBody);
            return true;
        }
    }
}

void HttpExchange::onDisconnected()
{
    if (m_finished)
        return;
    m_buffer += m_socket->readAll();
    parse();
    if (m_finished)
        return;
    if (m_headDone && m_contentLength < 0 && !m_chunked)
        finish(); // the body ran up to the close, as HTTP/1.0 style answers do
    else if (m_headDone)
        finish(u"connection closed before the whole answer"_s);
    else
        finish(m_stage == Stage::Connecting ? u"connection closed while connecting"_s
                                            : u"connection closed before an answer"_s);
}

void HttpExchange::finish(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_deadline->stop();
    m_socket->disconnect(this);
    m_socket->abort();
    emit finished();
}
