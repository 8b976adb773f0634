#pragma once

#include "config/config.h"

#include <QNetworkRequest>
#include <QWebSocketHandshakeOptions>

class QWebSocket;

// The upgrade request for a feed, with its credentials, shared by the live link and the tester.
namespace Handshake {

struct Request
{
    QNetworkRequest request;
    QWebSocketHandshakeOptions options;
};

Request build(const FeedSpec &spec);
// `url` with ?<query_param>=<token>, the token fully percent-encoded (also for HTTP requests).
QUrl withQueryToken(const QUrl &url, const AuthSpec &auth);
// Opens `socket` towards the feed with limits, credentials and TLS configuration applied.
void open(QWebSocket *socket, const FeedSpec &spec);
// Qt 6.4 reports a refused upgrade only through errorString(); 0 when there is no status.
int httpStatusFromError(const QString &errorString);
// "upgrade refused with HTTP 503 (Service Unavailable)" from Qt's handshake error text.
QString refusalText(const QString &errorString, int httpStatus);
// The socket's error text with the token masked (in every form, Redaction::forms()).
QString errorText(const QWebSocket *socket, const FeedSpec &spec);

} // namespace Handshake
