#include "closecodepolicy.h"

using namespace Qt::StringLiterals;

namespace CloseCodePolicy {

Decision decide(int closeCode, int httpStatus)
{
    if (httpStatus == 401 || httpStatus == 403)
        return {Action::StopAuth,
                u"upgrade refused with HTTP %1: not authorized"_s.arg(httpStatus)};
    if (httpStatus == 404)
        return {Action::StopConfig, u"upgrade refused with HTTP 404: no such feed at this URL"_s};
    if (httpStatus != 0)
        return {Action::Retry, u"upgrade refused with HTTP %1"_s.arg(httpStatus)};

    switch (closeCode) {
    case 1008:
        return {Action::StopAuth, u"closed with 1008 (policy violation)"_s};
    case 4001:
    case 4003:
        return {Action::StopAuth, u"closed with %1 (not authorized)"_s.arg(closeCode)};
    case 1013:
        return {Action::RetryAtLeastMax, u"closed with 1013 (try again later)"_s};
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
    }
    return {};
}

} // namespace CloseCodePolicy
