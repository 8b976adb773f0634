#include "handshake.h"

#include "connection/tls.h"
#include "core/redaction.h"

#include <QRegularExpression>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Handshake {

Request build(const FeedSpec &spec)
{
    Request out;
    QUrl url = spec.url;
    switch (spec.auth.mode) {
    case AuthSpec::Mode::None:
        break;
    case AuthSpec::Mode::Header:
        out.request.setRawHeader("Authorization", "Bearer " + spec.auth.token.toUtf8());
        break;
    case AuthSpec::Mode::Query:
        url = withQueryToken(url, spec.auth);
        break;
    case AuthSpec::Mode::Subprotocol:
        out.options.setSubprotocols({u"bearer"_s, spec.auth.token});
        break;
    }
    out.request.setUrl(url);
    return out;
}

QUrl withQueryToken(const QUrl &url, const AuthSpec &auth)
{
    // Fully percent-encoded: QUrlQuery leaves '+' as is, which form-decoding servers (Starlette,
    // PHP, ...) read as a space.
    QUrl out = url;
    QUrlQuery query(out);
    query.addQueryItem(auth.queryParam, QString::fromLatin1(QUrl::toPercentEncoding(auth.token)));
    out.setQuery(query);
    return out;
}

void open(QWebSocket *socket, const FeedSpec &spec)
{
    // Qt's defaults are ~2 GiB; the read buffer is left alone (smaller than a frame stalls).
    socket->setMaxAllowedIncomingMessageSize(quint64(spec.settings.maxMessageBytes));
    socket->setMaxAllowedIncomingFrameSize(quint64(spec.settings.maxMessageBytes));
    if (spec.url.scheme() == "wss"_L1)
        socket->setSslConfiguration(Tls::configuration(spec.tls));
    const Request r = build(spec);
    socket->open(r.request, r.options);
}

int httpStatusFromError(const QString &errorString)
{
    // "QWebSocketPrivate::processHandshake: Unhandled http status code: 403 (Forbidden)."
    static const QRegularExpression re(u"status code: (\\d{3})"_s);
    const QRegularExpressionMatch match = re.match(errorString);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QString refusalText(const QString &errorString, int httpStatus)
{
    static const QRegularExpression re(u"status code: \\d{3} (\\([^)]*\\))"_s);
    const QRegularExpressionMatch match = re.match(errorString);
    return match.hasMatch()
        ? u"upgrade refused with HTTP %1 %2"_s.arg(httpStatus).arg(match.captured(1))
        : u"upgrade refused with HTTP %1"_s.arg(httpStatus);
}

QString errorText(const QWebSocket *socket, const FeedSpec &spec)
{
    return Redaction::mask(socket->errorString(), Redaction::forms(spec.auth.token));
}

} // namespace Handshake
