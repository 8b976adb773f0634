#include "appicon.h"

#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace AppIcon {

QString desktopId()
{
    return u"io.feedwatch.Feedwatch"_s;
}

QIcon icon()
{
    // The SVG icon engine is a plugin (Debian: libqt6svg6); without it the icon would be null.
    QIcon svg(u":/icons/feedwatch.svg"_s);
    if (!svg.isNull())
        return svg;
    return QIcon::fromTheme(desktopId());
}

void install()
{
    QGuiApplication::setWindowIcon(icon());
    QGuiApplication::setDesktopFileName(desktopId());
}

} // namespace AppIcon
