#include "appinfo.h"

#include "version.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace AppInfo {

void applyToApplication()
{
    QCoreApplication::setOrganizationName(u"Feedwatch"_s);
    QCoreApplication::setApplicationName(u"feedwatch"_s);
    QCoreApplication::setApplicationVersion(version());
}

QString version()
{
    return QStringLiteral(FEEDWATCH_VERSION);
}

QString versionLine()
{
    return u"feedwatch %1 (Qt %2)\nCopyright (c) 2026 The Feedwatch developers. MIT License."_s.arg(
        version(), QString::fromLatin1(qVersion()));
}

} // namespace AppInfo
