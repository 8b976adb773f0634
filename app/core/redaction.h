#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

class QUrl;

// Keeps secrets (auth tokens) out of everything Feedwatch prints or writes: events, logs, error
// texts. A secret is masked in every form it may take on the way out: as is, percent-encoded
// (as a query parameter carries it) and base64 (standard and URL alphabet, at any alignment, so
// also inside a longer encoded blob).
namespace Redaction {
inline constexpr QLatin1StringView kMask {"***"};
// The texts to mask for `secret`, longest first; empty for an empty secret.
QStringList forms(const QString &secret);
QString mask(QString text, const QStringList &forms);
// Masks every string value in `object`, recursively.
QJsonObject mask(const QJsonObject &object, const QStringList &forms);

// `url` as it may be shown or written: user and password replaced by *** and every query value
// too (a token in `?token=` or `?key=` is still a token). Scheme, host, port and path stay.
QString displayUrl(const QUrl &url);
// Whether `url` carries credentials of its own (user info or a query).
bool urlHasCredentials(const QUrl &url);

// Process-wide: secrets the message handler masks in every log line, whichever thread or
// library (Qt's own categories included) writes it.
void addSecret(const QString &secret);
QString maskKnown(const QString &text);
// Chains a handler in front of the current one (Qt's default: stderr) that masks known
// secrets. Call once, early in main().
void installMessageHandler();
} // namespace Redaction
