#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

// The window's languages (translations/README.md). The command line, the event stream and the
// logs stay English whatever the language: scripts and support read them.
namespace I18n {
// Installs Feedwatch's translation for `locale` from :/i18n and Qt's own widget texts (standard
// buttons, context menus, file dialog) from QLibraryInfo::TranslationsPath when they are there
// and Feedwatch speaks the language.
// Replaces what an earlier call installed. Returns false when Feedwatch has no translation for
// the locale; the window is then English, with the English plural forms ("1 phase") installed.
bool install(QCoreApplication *app, const QLocale &locale = QLocale());
// Removes what install() put in.
void uninstall();
// "en" plus every language with a compiled translation, e.g. {"de", "en", "fr"}.
QStringList languages();
// The locale for a --lang value ("de", "fr_CH", "en"); false with `error` set when Feedwatch
// does not speak the language.
bool localeFor(const QString &language, QLocale *locale, QString *error);
// True when the Qt catalogue for widgets in `locale` (qtbase_<lang>.qm) was found and installed.
bool hasQtTranslation();
} // namespace I18n
