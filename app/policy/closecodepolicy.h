#pragma once

#include <QString>

// What the engine does after a connection attempt ends, decided from the close code of the
// WebSocket or the HTTP status of a refused upgrade. Pure, so it is tested as a table; the
// ReconnectPlanner turns the action into a delay (docs/protocol.md, "Connection design").
namespace CloseCodePolicy {

enum class Action {
    Retry,           // 1000/1006/1011, transport errors, 5xx but 503: normal backoff
    RetryRestart,    // 1001 going away, 1012 restart (Qt 6.4: 1002 "Invalid close code"): soon
    RetryAtLeastMax, // 1013 "try again later": wait backoff.max_ms or longer (jittered)
    RetryNotReady,   // HTTP 503 on the upgrade: up but not ready yet; normal backoff
    StopAuth,        // 1008, 4001, 4003, HTTP 401: stop until a manual reconnect
    StopRefused,     // HTTP 403: unknown path or refused credentials; stop until fixed
    StopConfig,      // HTTP 404: the URL is wrong; stop until a manual reconnect
    StopTls,         // 1015: the server's certificate was refused; stop until a manual reconnect
};

struct Decision
{
    Action action = Action::Retry;
    QString reason; // human-readable, for the event stream
};

struct Input
{
    int closeCode = 1006;
    int httpStatus = 0;     // 0 when the upgrade did not fail with an HTTP answer
    QString closeReason {}; // the close frame's reason, or Qt's error text
    QString url {};         // the feed's URL without credentials, for refusal texts
    QString body {};        // what the server sent with a refused upgrade, if anything
};

// closeReason matters for one case: Qt 6.4 replaces a received close code in 1012-2999 (1012
// restart, 1013 try again later, 1014 bad gateway) by 1002 with the reason "Invalid close code
// 1002 detected.", losing the code. It is read as the likeliest of them, a restart; the planner
// reads a second one before the link became stable as 1013.
Decision decide(const Input &input);
Decision decide(int closeCode, int httpStatus, const QString &closeReason = {});
bool isQtMaskedCloseCode(int closeCode, const QString &closeReason);
bool isStop(Action action);
// "retry", "retry_restart", "retry_after_max", "retry_not_ready", "stop_auth", "stop_refused",
// "stop_config", "stop_tls"
QString actionName(Action action);

} // namespace CloseCodePolicy
