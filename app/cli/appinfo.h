#pragma once

#include <QString>

namespace AppInfo {
// Sets organization/application name and version on the running QCoreApplication.
void applyToApplication();
QString version();
// "feedwatch 0.1.0 (Qt 6.4.2)" and a line with the copyright and license.
QString versionLine();
} // namespace AppInfo
