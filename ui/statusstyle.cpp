#include "statusstyle.h"

#include "models/feedtablemodel.h"

#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QPolygonF>

#include <QPixmap>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace StatusStyle {

QColor color(Tone tone)
{
    switch (tone) {
    case Tone::Neutral:
        return QColor(0x54, 0x6e, 0x7a); // slate: waiting in line
    case Tone::Info:
        return QColor(0x1e, 0x6f, 0xd9);
    case Tone::Good:
        return QColor(0x2e, 0x7d, 0x32);
    case Tone::Warning:
        return QColor(0xc7, 0x7c, 0x02);
    case Tone::Bad:
        return QColor(0xc6, 0x28, 0x28);
    case Tone::Blocked:
        return QColor(0x7b, 0x3f, 0xa0);
    case Tone::Idle:
        return QColor(0x9e, 0x9e, 0x9e);
    }
    return {};
}

QColor textColor(Tone tone, const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const double back = luminance(window);
    const bool dark = back < 0.2;
    QColor c = color(tone);
    // Lighter on a dark window, darker on a light one, until WCAG AA (4.5:1) holds.
    for (int step = 0; step < 12; ++step) {
        const double fore = luminance(c);
        const double ratio = (std::max(fore, back) + 0.05) / (std::min(fore, back) + 0.05);
        if (ratio >= 4.5)
            break;
        // lighter() gives up saturation once the value is full, so this ends near white.
        c = dark ? c.lighter(115) : c.darker(115);
    }
    return c;
}

QColor tint(Tone tone)
{
    const QColor c = color(tone);
    // 12 % of the colour over white: readable behind dark text.
    auto mix = [](int v) {
        return 255 - (255 - v) * 12 / 100;
    };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

QColor tint(Tone tone, const QPalette &palette)
{
    const QColor c = color(tone);
    const QColor w = palette.color(QPalette::Window);
    // 12 % of the colour over the window (18 % on a dark one, where 12 % hardly shows).
    const int share = w.lightnessF() < 0.5 ? 18 : 12;
    auto mix = [share](int over, int under) {
        return under + (over - under) * share / 100;
    };
    return QColor(mix(c.red(), w.red()), mix(c.green(), w.green()), mix(c.blue(), w.blue()));
}

Tone toneForStatus(const QString &status)
{
    static const QHash<QString, Tone> tones = {
        {u"queued"_s, Tone::Neutral},
        {u"pending"_s, Tone::Neutral},
        {u"planned"_s, Tone::Neutral},
        {u"paused"_s, Tone::Neutral},
        {u"ready"_s, Tone::Info},
        {u"running"_s, Tone::Warning},
        {u"in_progress"_s, Tone::Warning},
        {u"degraded"_s, Tone::Warning},
        {u"completed"_s, Tone::Good},
        {u"success"_s, Tone::Good},
        {u"succeeded"_s, Tone::Good},
        {u"healthy"_s, Tone::Good},
        {u"ok"_s, Tone::Good},
        {u"failed"_s, Tone::Bad},
        {u"error"_s, Tone::Bad},
        {u"failing"_s, Tone::Bad},
        {u"blocked"_s, Tone::Blocked},
        {u"unknown"_s, Tone::Idle},
    };
    return tones.value(status, Tone::Idle);
}

Tone toneForName(const QString &name, Tone fallback)
{
    static const QHash<QString, Tone> tones = {
        {u"neutral"_s, Tone::Neutral}, {u"info"_s, Tone::Info}, {u"good"_s, Tone::Good},
        {u"warning"_s, Tone::Warning}, {u"bad"_s, Tone::Bad},   {u"blocked"_s, Tone::Blocked},
        {u"idle"_s, Tone::Idle},
    };
    return tones.value(name, fallback);
}

Tone toneForStatus(const QString &normalizedStatus, const QString &profileTone)
{
    return profileTone.isEmpty() ? toneForStatus(normalizedStatus)
                                 : toneForName(profileTone, toneForStatus(normalizedStatus));
}

Tone toneForState(Feed::State state)
{
    switch (state) {
    case Feed::State::Connected:
        return Tone::Good;
    case Feed::State::Connecting:
    case Feed::State::ReconnectWait:
    case Feed::State::Offline:
        return Tone::Warning;
    case Feed::State::CircuitOpen:
    case Feed::State::Stopped:
        return Tone::Bad;
    case Feed::State::Idle:
        return Tone::Idle;
    }
    return Tone::Idle;
}

Tone toneForStats(const FeedStats &stats)
{
    if (stats.fallback == Feed::Fallback::Delivering)
        return Tone::Warning;
    if (stats.state == Feed::State::Connected && !stats.dataError.isEmpty())
        return Tone::Warning; // live, but the page shows a generic view under a banner
    return toneForState(stats.state);
}

QIcon dot(Tone tone, int size)
{
    // Panels refresh every second; the few distinct dots are drawn once.
    static QHash<int, QIcon> cache;
    const int cacheKey = int(tone) * 1000 + size;
    if (const auto it = cache.constFind(cacheKey); it != cache.cend())
        return it.value();
    QIcon icon;
    for (const qreal dpr : {1.0, 2.0}) {
        QPixmap pixmap(QSize(size, size) * dpr);
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(color(tone));
        // A shape per meaning, so the state reads without telling colours apart: a disc for
        // good, a triangle for warning, a square for bad, a diamond for blocked, a ring for
        // idle or waiting.
        const QRectF box(1, 1, size - 2, size - 2);
        switch (tone) {
        case Tone::Good:
        case Tone::Info:
            p.drawEllipse(box);
            break;
        case Tone::Warning:
            p.drawPolygon(QPolygonF {QPointF(box.center().x(), box.top()), box.bottomRight(),
                                     box.bottomLeft()});
            break;
        case Tone::Bad:
            p.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
            break;
        case Tone::Blocked:
            p.drawPolygon(QPolygonF {
                QPointF(box.center().x(), box.top()), QPointF(box.right(), box.center().y()),
                QPointF(box.center().x(), box.bottom()), QPointF(box.left(), box.center().y())});
            break;
        case Tone::Neutral:
        case Tone::Idle:
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(color(tone), std::max(1.5, size / 6.0)));
            p.drawEllipse(box.adjusted(1, 1, -1, -1));
            break;
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(cacheKey, icon);
    return icon;
}

QIcon blank(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    return QIcon(pixmap);
}

QString statusLabel(const QString &normalizedStatus)
{
    return FeedTableModel::statusText(normalizedStatus);
}

} // namespace StatusStyle
