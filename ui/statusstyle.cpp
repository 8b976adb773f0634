#include "statusstyle.h"

#include "models/feedtablemodel.h"

#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>

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

QColor tint(Tone tone)
{
    const QColor c = color(tone);
    // 12 % of the colour over white: readable behind dark text.
    auto mix = [](int v) {
        return 255 - (255 - v) * 12 / 100;
    };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
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
    return stats.fallback == Feed::Fallback::Delivering ? Tone::Warning : toneForState(stats.state);
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
        p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
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
