#pragma once

#include <QByteArray>

// The head of one HTTP/1.x request, as much of it as /metrics needs. Parsing is strict and
// never keeps header values: nothing a client sends can end up in a response or a metric.
struct HttpRequest
{
    QByteArray method;
    QByteArray path; // without the query
    bool acceptsGzip = false;
    int error = 0; // 0, or the status to answer with (400, 505)

    // `head` is everything up to and including the blank line.
    static HttpRequest parse(const QByteArray &head);
    // Index just past the blank line ending the head in `buffer`, or -1 while incomplete.
    static qsizetype headEnd(const QByteArray &buffer);
};
