#include "closecodepolicy.h"

using namespace Qt::StringLiterals;

namespace CloseCodePolicy {

bool isQtMaskedCloseCode(int closeCode, const QString &closeReason)
{
    return closeCode == 1002 && closeReason.startsWith("Invalid close code"_L1);
}

namespace {

QString withBody(QString text, const QString &body)
{
    const QString trimmed = body.trimmed();
    if (!trimmed.isEmpty())
        text += u"; the server said: %1"_s.arg(trimmed.left(300));
    return text;
}

Decision refusal(const Input &in)
{
    const QString url = in.url.isEmpty() ? u"the upgrade"_s : in.url;
    switch (in.httpStatus) {
    case 401:
        return {
            Action::StopAuth,
            withBody(
                u"the server refused %1 (HTTP 401): the credentials are missing or refused"_s.arg(
                    url),
                in.body)};
    case 403:
        // Starlette/FastAPI answer an unknown WebSocket path with 403, the same as a refused
        // token: both readings are said, and the feed stops (a retry storm with a bad token is
        // what the seeds warn about).
        return {Action::StopRefused,
                withBody(u"the server refused %1 (HTTP 403): the path is unknown to this server, "
                         "or the credentials are refused"_s.arg(url),
                         in.body)};
    case 404:
        return {Action::StopConfig,
                withBody(u"the server refused %1 (HTTP 404): no such feed at this path"_s.arg(url),
                         in.body)};
    case 503:
        return {Action::RetryNotReady,
                withBody(u"server not ready yet (HTTP 503 on the upgrade)"_s, in.body)};
    default:
        return {Action::Retry,
                withBody(u"upgrade refused with HTTP %1"_s.arg(in.httpStatus), in.body)};
    }
}

} // namespace

Decision decide(const Input &in)
{
    if (in.httpStatus != 0)
        return refusal(in);
    if (isQtMaskedCloseCode(in.closeCode, in.closeReason))
        return {Action::RetryRestart,
                u"server close code in 1012-2999, reported by Qt 6.4 as 1002; read as a restart "
                "(1012)"_s};

    switch (in.closeCode) {
    case 1008:
        return {Action::StopAuth, u"closed with 1008 (policy violation)"_s};
    case 4001:
    case 4003:
        return {Action::StopAuth, u"closed with %1 (not authorized)"_s.arg(in.closeCode)};
    case 1001:
        return {Action::RetryRestart, u"server going away (1001)"_s};
    case 1012:
        // Qt 6.4 never reports it (see above); a Qt that does is handled the same way.
        return {Action::RetryRestart, u"server restarting (1012)"_s};
    case 1013:
        return {Action::RetryAtLeastMax, u"closed with 1013 (try again later)"_s};
    case 1015:
        // Never sent on the wire (RFC 6455 7.4.1); the engine reports a refused certificate
        // with it. Retrying cannot help until the configuration changes.
        return {Action::StopTls, u"TLS handshake failed: certificate not trusted (1015)"_s};
    case 1000:
        return {Action::Retry, u"closed normally (1000)"_s};
    case 1006:
        return {Action::Retry, u"abnormal closure (1006)"_s};
    default:
        return {Action::Retry, u"closed with %1"_s.arg(in.closeCode)};
    }
}

Decision decide(int closeCode, int httpStatus, const QString &closeReason)
{
    return decide(Input {closeCode, httpStatus, closeReason});
}

bool isStop(Action action)
{
    switch (action) {
    case Action::StopAuth:
    case Action::StopRefused:
    case Action::StopConfig:
    case Action::StopTls:
        return true;
    case Action::Retry:
    case Action::RetryRestart:
    case Action::RetryAtLeastMax:
    case Action::RetryNotReady:
        return false;
    }
    return false;
}

QString actionName(Action action)
{
    switch (action) {
    case Action::Retry:
        return u"retry"_s;
    case Action::RetryRestart:
        return u"retry_restart"_s;
    case Action::RetryAtLeastMax:
        return u"retry_after_max"_s;
    case Action::RetryNotReady:
        return u"retry_not_ready"_s;
    case Action::StopAuth:
        return u"stop_auth"_s;
    case Action::StopRefused:
        return u"stop_refused"_s;
    case Action::StopConfig:
        return u"stop_config"_s;
    case Action::StopTls:
        return u"stop_tls"_s;
    }
    return {};
}

} // namespace CloseCodePolicy
