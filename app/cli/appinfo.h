#pragma once

#include <QString>

namespace AppInfo {
// Sets organization/application name and version on the running QCoreApplication.
void applyToApplication();
QString version();
QString versionLine(); // "feedwatch 0.1.0 (Qt 6.4.2)"
} // namespace AppInfo
