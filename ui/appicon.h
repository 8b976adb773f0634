#pragma once

#include <QIcon>
#include <QString>

namespace AppIcon {
// One id for the desktop entry, the AppStream component and the themed icon name.
QString desktopId();
// The application icon from :/icons/feedwatch.svg; the installed themed icon when no SVG icon
// engine is available.
QIcon icon();
// Gives every window the icon and tells the desktop which .desktop file the windows belong to
// (Wayland compositors match windows to entries by it). Call once a QGuiApplication exists.
void install();
} // namespace AppIcon
