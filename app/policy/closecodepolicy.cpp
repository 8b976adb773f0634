#include "closecodepolicy.h"

using namespace Qt::StringLiterals;

namespace CloseCodePolicy {

bool isQtMaskedCloseCode(int closeCode, const QString &closeReason)
{
    return closeCode == 1002 && closeReason.startsWith("Invalid close code"_L1);
}

Decision decide(int closeCode, int httpStatus, const QString &closeReason)
{
    if (httpStatus == 401 || httpStatus == 403)
        return {Action::StopAuth,
                u"upgrade refused with HTTP %1: not authorized"_s.arg(httpStatus)};
    if (httpStatus == 404)
        return {Action::StopConfig, u"upgrade refused with HTTP 404: no such feed at this URL"_s};
    if (httpStatus != 0)
        return {Action::Retry, u"upgrade refused with HTTP %1"_s.arg(httpStatus)};

    // The masked code was most likely 1012/1013 ("come back later"): waiting long is the
    // polite reading, and the safe one for a server that asked for room.
    if (isQtMaskedCloseCode(closeCode, closeReason))
        return {Action::RetryAtLeastMax,
                u"server close code in 1012-2999, reported by Qt 6.4 as 1002; treated as 1013"_s};

    switch (closeCode) {
    case 1008:
        return {Action::StopAuth, u"closed with 1008 (policy violation)"_s};
    case 4001:
    case 4003:
        return {Action::StopAuth, u"closed with %1 (not authorized)"_s.arg(closeCode)};
    case 1013:
        return {Action::RetryAtLeastMax, u"closed with 1013 (try again later)"_s};
    case 1015:
        // Never sent on the wire (RFC 6455 7.4.1); the engine reports a refused certificate
        // with it. Retrying cannot help until the configuration changes.
        return {Action::StopTls, u"TLS handshake failed: certificate not trusted (1015)"_s};
    case 1000:
        return {Action::Retry, u"closed normally (1000)"_s};
    case 1001:
        return {Action::Retry, u"server going away (1001)"_s};
    case 1006:
        return {Action::Retry, u"abnormal closure (1006)"_s};
    default:
        return {Action::Retry, u"closed with %1"_s.arg(closeCode)};
    }
}

QString actionName(Action action)
{
    switch (action) {
    case Action::Retry:
        return u"retry"_s;
    case Action::RetryAtLeastMax:
        return u"retry_after_max"_s;
    case Action::StopAuth:
        return u"stop_auth"_s;
    case Action::StopConfig:
        return u"stop_config"_s;
    case Action::StopTls:
        return u"stop_tls"_s;
    }
    return {};
}

} // namespace CloseCodePolicy
