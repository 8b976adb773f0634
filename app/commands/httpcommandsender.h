#pragma once

#include "commands/commandrecord.h"
#include "config/config.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QUrl>

class HttpExchange;

// Sends one attempt of an HTTP command and says what the answer means for it; the command queue
// decides what comes next. Every attempt carries `Idempotency-Key: <command id>`, the same on
// every resend, so a server that honours it applies a command once however often it arrives.
//
// It speaks HTTP/1.1 itself (HttpExchange, one connection per attempt, `Connection: close`):
// Qt 6.4's QNetworkAccessManager sends a request again on its own when the connection closes
// before the first byte of the answer, POST included, so one attempt could reach the server
// twice without anyone counting it.
class HttpCommandSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpCommandSender)

public:
    // Where a command's backend takes requests: its server URL as http(s), with the token and
    // TLS settings its WebSockets use.
    struct Target
    {
        QUrl base; // http://host:port[/prefix]
        AuthSpec auth;
        TlsSpec tls {};
    };

    enum class Verdict {
        Done,          // 2xx
        Refused,       // 4xx (but 408/425/429), or a redirect: final, nothing applied
        Retry,         // 5xx, 408/425/429, no answer, connection lost: may have been applied
        NotReached,    // connection refused, host unknown: the request never left
        Undeliverable, // TLS refused, bad URL: it never left and retrying cannot help
    };
    Q_ENUM(Verdict)

    struct Answer
    {
        QString id;
        Verdict verdict = Verdict::Retry;
        int status = 0;           // HTTP status, 0 without one
        QString text;             // the server's `detail`, or what went wrong (not masked yet)
        qint64 retryAfterMs = -1; // from Retry-After (seconds), when the server said
        QJsonValue body;          // Done: the answer's JSON, for CommandRequest::failsWhen
    };

    // Reads at most this much of an answer: a `detail` is short, a body that streams on is not
    // an answer to wait for.
    static constexpr qint64 maxAnswerBytes = 64 * 1024;

    explicit HttpCommandSender(QObject *parent = nullptr);
    ~HttpCommandSender() override;

    // The backend as an HTTP target (scheme ws -> http, wss -> https, same host, port, prefix).
    static Target targetFor(const BackendSpec &backend);
    // Starts the attempt; answered() follows exactly once (also after `timeoutMs` in total),
    // unless abort() comes first.
    void send(const CommandRecord &record, const Target &target, int timeoutMs);
    bool isSending(const QString &id) const { return m_exchanges.contains(id); }
    void abort(const QString &id);
    void abortAll();
    // FastAPI's `detail` (a string, or a list of validation errors) or a short text of `body`.
    static QString detailOf(const QByteArray &body);

signals:
    void answered(const HttpCommandSender::Answer &answer);

private:
    void onFinished(HttpExchange *exchange);

    QHash<QString, HttpExchange *> m_exchanges;
};

Q_DECLARE_METATYPE(HttpCommandSender::Answer)
