#pragma once

#include "connection/feedstats.h"

#include <QColor>
#include <QIcon>
#include <QString>

// The dashboard's small colour vocabulary. Every state colour on screen comes from here so that
// green always means the same thing: good, live, done.
namespace StatusStyle {

enum class Tone { Neutral, Info, Good, Warning, Bad, Blocked, Idle };

QColor color(Tone tone);
// A light tint of the tone for banners and card backgrounds.
QColor tint(Tone tone);
// Row statuses: queued, ready, running, completed, failed, blocked, healthy, degraded, ...
Tone toneForStatus(const QString &normalizedStatus);
// Connection states: live green, reconnecting amber, stopped / circuit open red, idle grey.
Tone toneForState(Feed::State state);
// The same, except amber while HTTP snapshots stand in for the WebSocket (degraded, not dead).
Tone toneForStats(const FeedStats &stats);
// A filled dot of `tone`, sized for item views and menus (crisp on high-DPI screens).
QIcon dot(Tone tone, int size = 10);
// A transparent icon of the same size, so rows with and without a dot line up.
QIcon blank(int size = 10);
// For display: "in_progress" -> "in progress" (translated); FeedTableModel::statusText.
QString statusLabel(const QString &normalizedStatus);

} // namespace StatusStyle
