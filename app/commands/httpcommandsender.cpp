#include "httpcommandsender.h"

#include "commands/commandaction.h"
#include "commands/httpexchange.h"
#include "connection/handshake.h"
#include "version.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
// Statuses that say "not now" rather than "no": the request may be sent again.
bool isRetryableClientStatus(int status)
{
    return status == 408 || status == 425 || status == 429;
}
} // namespace

HttpCommandSender::HttpCommandSender(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<HttpCommandSender::Answer>();
}

HttpCommandSender::~HttpCommandSender()
{
    abortAll();
}

HttpCommandSender::Target HttpCommandSender::targetFor(const BackendSpec &backend)
{
    Target target;
    QUrl base = backend.server;
    base.setScheme(base.scheme() == "wss"_L1 ? u"https"_s : u"http"_s);
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path);
    base.setQuery(QString());
    base.setFragment(QString());
    target.base = base;
    target.auth = backend.auth;
    target.tls = backend.tls;
    return target;
}

void HttpCommandSender::send(const CommandRecord &record, const Target &target, int timeoutMs)
{
    abort(record.id);
    HttpExchange::Request request;
    request.method = record.request.method.toLatin1();
    QUrl url = target.base;
    const QString &path = record.request.path;
    const qsizetype query = path.indexOf(u'?');
    url.setPath(url.path() + path.left(query), QUrl::TolerantMode);
    if (query >= 0)
        url.setQuery(path.mid(query + 1), QUrl::TolerantMode);
    if (target.auth.mode == AuthSpec::Mode::Query)
        url = Handshake::withQueryToken(url, target.auth);
    else if (target.auth.mode != AuthSpec::Mode::None && !target.auth.token.isEmpty())
        request.headers.emplaceBack(QByteArray("Authorization"),
                                    QByteArray("Bearer " + target.auth.token.toUtf8()));
    request.url = url;
    // The same key on every attempt of this command: the server's way to apply it once.
    request.headers.emplaceBack(QByteArray("Idempotency-Key"), QByteArray(record.id.toUtf8()));
    request.headers.emplaceBack(QByteArray("Accept"), QByteArray("application/json"));
    request.headers.emplaceBack(QByteArray("User-Agent"),
                                QByteArray(QByteArray("Feedwatch/" FEEDWATCH_VERSION)));
    request.body = record.request.bodyBytes();
    if (!request.body.isEmpty())
        request.headers.emplaceBack(QByteArray("Content-Type"), QByteArray("application/json"));

    auto *exchange = new HttpExchange(request, target.tls, timeoutMs, maxAnswerBytes, this);
    exchange->setTag(record.id);
    m_exchanges.insert(record.id, exchange);
    connect(exchange, &HttpExchange::finished, this, [this, exchange] { onFinished(exchange); });
    exchange->start();
}

void HttpCommandSender::abort(const QString &id)
{
    HttpExchange *exchange = m_exchanges.take(id);
    if (!exchange)
        return;
    exchange->disconnect(this);
    exchange->abort();
    exchange->deleteLater();
}

void HttpCommandSender::abortAll()
{
    const QStringList ids = m_exchanges.keys();
    for (const QString &id : ids)
        abort(id);
}

QString HttpCommandSender::detailOf(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonValue detail = doc.object().value("detail"_L1);
        if (detail.isString())
            return detail.toString();
        if (detail.isArray()) {
            // FastAPI's validation errors: [{"loc":["body","paused"],"msg":"field required"}]
            QStringList parts;
            for (const QJsonValue &item : detail.toArray()) {
                const QJsonObject o = item.toObject();
                QStringList loc;
                for (const QJsonValue &l : o.value("loc"_L1).toArray())
                    loc << CommandAction::text(l);
                const QString msg = o.value("msg"_L1).toString();
                parts << (loc.isEmpty() ? msg : loc.join(u'.') + u": "_s + msg);
            }
            return parts.join(u"; "_s);
        }
        if (!detail.isUndefined())
            return CommandAction::text(detail);
        const QString message = doc.object().value("message"_L1).toString();
        if (!message.isEmpty())
            return message;
    }
    return QString::fromUtf8(body).simplified().left(200);
}

void HttpCommandSender::onFinished(HttpExchange *exchange)
{
    exchange->deleteLater();
    const QString id = exchange->tag();
    if (m_exchanges.value(id) != exchange)
        return;
    m_exchanges.remove(id);

    Answer answer;
    answer.id = id;
    const int status = exchange->status();
    const QByteArray body = exchange->body();
    if (status >= 200 && status < 300) {
        // The server said done; a body cut short or over the cap does not undo that.
        answer.verdict = Verdict::Done;
        answer.status = status;
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (doc.isObject())
            answer.body = doc.object();
        else if (doc.isArray())
            answer.body = doc.array();
        answer.text = exchange->oversize() ? u"answer over %1 bytes, not read"_s.arg(maxAnswerBytes)
                                           : QString::fromUtf8(body).simplified().left(200);
    } else if (status > 0) {
        answer.status = status;
        answer.text = u"HTTP %1: %2"_s.arg(status).arg(detailOf(body));
        if (status >= 500 || isRetryableClientStatus(status)) {
            answer.verdict = Verdict::Retry;
            bool ok = false;
            const qint64 seconds = exchange->header("retry-after").toLongLong(&ok);
            if (ok && seconds >= 0)
                answer.retryAfterMs = seconds * 1000; // an HTTP date is not worth the parse here
        } else {
            // 4xx, and a 3xx that is not followed: the server said no; the same request again
            // gets the same no.
            answer.verdict = Verdict::Refused;
        }
    } else {
        answer.text = exchange->error();
        if (exchange->tlsRefused())
            answer.verdict = Verdict::Undeliverable;
        else if (exchange->stage() == HttpExchange::Stage::Connecting)
            answer.verdict = Verdict::NotReached; // the request never left
        else
            answer.verdict = Verdict::Retry; // it left; the answer did not come
        if (exchange->timedOut())
            answer.text += u" (commands.ack_timeout_ms)"_s;
    }
    emit answered(answer);
}
