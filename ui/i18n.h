#pragma once

#include <QLocale>

class QCoreApplication;

namespace I18n {
// Installs Feedwatch's translation for `locale` from :/i18n; returns false when there is none
// (English, the source language, needs none).
bool install(QCoreApplication *app, const QLocale &locale = QLocale());
} // namespace I18n
