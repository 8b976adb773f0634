#pragma once

#include <QString>

// What the engine does after a connection attempt ends, decided from the close code of the
// WebSocket or the HTTP status of a refused upgrade. Pure, so it is tested as a table.
namespace CloseCodePolicy {

enum class Action {
    Retry,           // 1000/1001/1006/1011, transport errors, 5xx: normal backoff
    RetryAtLeastMax, // 1013 "try again later": wait at least backoff.max_ms
    StopAuth,        // 1008, 4001, 4003, HTTP 401/403: stop until a manual reconnect
    StopConfig,      // HTTP 404: the URL is wrong; stop until a manual reconnect
    StopTls,         // 1015: the server's certificate was refused; stop until a manual reconnect
};

struct Decision
{
    Action action = Action::Retry;
    QString reason; // human-readable, for the event stream
};

// httpStatus is 0 when the upgrade did not fail with an HTTP answer. closeReason matters for one
// case: Qt 6.4 replaces a received close code in 1012-2999 (1012 restart, 1013 try again later,
// 1014 bad gateway) by 1002 with the reason "Invalid close code 1002 detected.", losing the code.
Decision decide(int closeCode, int httpStatus, const QString &closeReason = {});
bool isQtMaskedCloseCode(int closeCode, const QString &closeReason);
// "retry", "retry_after_max", "stop_auth", "stop_config", "stop_tls"
QString actionName(Action action);

} // namespace CloseCodePolicy
