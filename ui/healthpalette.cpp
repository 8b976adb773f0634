#include "healthpalette.h"

using namespace Qt::StringLiterals;

namespace HealthPalette {

QColor quality(Quality::Tier tier)
{
    switch (tier) {
    case Quality::Tier::Excellent:
        return QColor(0x2e, 0x9d, 0x4f); // green
    case Quality::Tier::Good:
        return QColor(0x17, 0x95, 0x8c); // teal
    case Quality::Tier::Poor:
        return QColor(0xe0, 0x9b, 0x12); // amber
    case Quality::Tier::Bad:
        return QColor(0xd0, 0x34, 0x2c); // red
    case Quality::Tier::Unknown:
        return QColor(0x8a, 0x90, 0x99); // grey: measuring
    case Quality::Tier::Disconnected:
        return QColor(0x4a, 0x4f, 0x57); // dark grey
    }
    return QColor(0x4a, 0x4f, 0x57);
}

QColor state(Feed::State state)
{
    switch (state) {
    case Feed::State::Connected:
        return quality(Quality::Tier::Excellent);
    case Feed::State::Connecting:
        return QColor(0x3a, 0x7b, 0xd5); // blue: in progress
    case Feed::State::ReconnectWait:
        return quality(Quality::Tier::Poor);
    case Feed::State::CircuitOpen:
        return quality(Quality::Tier::Bad);
    case Feed::State::Offline:
    case Feed::State::Stopped:
        return quality(Quality::Tier::Disconnected);
    case Feed::State::Idle:
        return quality(Quality::Tier::Unknown);
    }
    return quality(Quality::Tier::Unknown);
}

QColor textOn(const QColor &background)
{
    // Relative luminance (sRGB weights, no gamma): good enough to pick black or white.
    const double l =
        0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return l > 0.55 ? QColor(0x1b, 0x1b, 0x1b) : QColor(Qt::white);
}

QString badgeStyleSheet(Quality::Tier tier)
{
    const QColor bg = quality(tier);
    return u"QLabel { background-color: %1; color: %2; border-radius: 8px; padding: 1px 9px; "
           "font-weight: 600; }"_s.arg(bg.name(), textOn(bg).name());
}

} // namespace HealthPalette
