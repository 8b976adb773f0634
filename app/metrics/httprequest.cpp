#include "httprequest.h"

#include <QByteArrayView>
#include <QList>

#include <algorithm>

namespace {
bool isTokenChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

// Accept-Encoding: "gzip", "gzip;q=1", "deflate, gzip" — but not "gzip;q=0".
bool listsGzip(QByteArrayView value)
{
    for (const QByteArray &item : value.toByteArray().split(',')) {
        const QList<QByteArray> parts = item.split(';');
        if (parts.first().trimmed().toLower() != "gzip")
            continue;
        bool refused = false;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray p = parts.at(i).trimmed().toLower();
            if (p.startsWith("q=") && p.mid(2).toDouble() <= 0)
                refused = true;
        }
        return !refused;
    }
    return false;
}
} // namespace

qsizetype HttpRequest::headEnd(const QByteArray &buffer)
{
    // RFC 9112 lets a server accept a bare LF as a line terminator; curl and Prometheus send CRLF.
    const qsizetype crlf = buffer.indexOf("\r\n\r\n");
    const qsizetype lf = buffer.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        return crlf + 4;
    return lf >= 0 ? lf + 2 : -1;
}

HttpRequest HttpRequest::parse(const QByteArray &head)
{
    HttpRequest out;
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty()) {
        out.error = 400;
        return out;
    }
    out.method = requestLine.at(0);
    if (!std::all_of(out.method.cbegin(), out.method.cend(), isTokenChar)) {
        out.error = 400;
        return out;
    }
    const QByteArray &version = requestLine.at(2);
    if (!version.startsWith("HTTP/")) {
        out.error = 400;
        return out;
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        out.error = 505;
        return out;
    }
    QByteArray target = requestLine.at(1);
    // Absolute form (a proxy's request line) names the same resource.
    if (target.startsWith("http://") || target.startsWith("https://")) {
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        target = slash < 0 ? QByteArray("/") : target.mid(slash);
    }
    if (!target.startsWith('/')) {
        out.error = 400;
        return out;
    }
    const qsizetype query = target.indexOf('?');
    out.path = query < 0 ? target : target.left(query);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.at(0) == ' ' || line.at(0) == '\t') { // no folded headers
            out.error = 400;
            return out;
        }
        if (line.left(colon).toLower() == "accept-encoding")
            out.acceptsGzip = out.acceptsGzip || listsGzip(line.mid(colon + 1));
    }
    return out;
}
