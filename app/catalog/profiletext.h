#pragma once

#include <QString>
#include <QStringList>

// Texts that come from a backend profile (titles, headers, count nouns, banners). The window
// is translated; the profile is data, so its texts are translated in the "Profile" context,
// where lupdate finds the built-in profiles' texts through builtinprofiletexts.cpp. A text
// with no translation (a user's own profile) shows as written.
namespace ProfileText {
QString tr(const QString &source);
// "%n phase(s)" for n: the translation when there is one; otherwise the English the text is
// written in, "(s)" resolved ("1 phase", "3 phases").
QString count(const QString &noun, int n);
// Every text of the built-in profiles, as listed for lupdate (builtinprofiletexts.cpp).
QStringList builtinTexts();
QStringList builtinCountTexts();
} // namespace ProfileText
