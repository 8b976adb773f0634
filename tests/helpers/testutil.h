#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace TestUtil {
// What a windowless run (WindowlessRunner::run, as `feedwatch <args>`) printed and returned.
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};
CliRun runWindowless(const QStringList &args);

// Writes `contents` to `name` inside `dir` and returns the full path.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &contents);
// The keyboard accelerators of a menu or button text, lower case: "&Datei" -> {"d"}. "&&" is a
// literal ampersand, "& " none.
QStringList accelerators(const QString &text);
// For tests that store tokens: the user's config directory becomes `dir` (XDG_CONFIG_HOME) and
// the D-Bus session bus an address nobody listens on, so no keychain is reachable (as on a
// headless machine) and a developer's real keychain is never written. Call before anything
// touches D-Bus; returns the bus address used.
QByteArray isolateSecrets(const QTemporaryDir &dir);
// A recorded message of the real tac-webbuilder server ("queue", "adw-state-e5f6a7b8"), as
// sent: {"type": "queue_update", "data": ...}. Empty when there is no such sample.
QByteArray sample(const QString &name);
// The names of every recorded sample.
QStringList sampleNames();
} // namespace TestUtil
