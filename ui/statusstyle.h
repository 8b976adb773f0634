#pragma once

#include "connection/feedstats.h"

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

// The dashboard's small colour vocabulary. Every state colour on screen comes from here so that
// green always means the same thing: good, live, done.
namespace StatusStyle {

enum class Tone { Neutral, Info, Good, Warning, Bad, Blocked, Idle };

QColor color(Tone tone);
// The tone for text on `palette`'s window: darkened on a light palette, lightened on a dark
// one, until it reads (WCAG AA, 4.5:1). Follows the system's light or dark scheme.
QColor textColor(Tone tone, const QPalette &palette);
// A light tint of the tone for banners and card backgrounds.
QColor tint(Tone tone);
// The same over `palette`'s window: light on a light scheme, dark on a dark one.
QColor tint(Tone tone, const QPalette &palette);
// Row statuses: queued, ready, running, completed, failed, blocked, healthy, degraded, ...
Tone toneForStatus(const QString &normalizedStatus);
// A profile's colour name ("good", "warning", ...; FeedDefinition::isToneName), or `fallback`.
Tone toneForName(const QString &name, Tone fallback = Tone::Idle);
// A row's status: the profile's colour for it when it names one, the usual one otherwise.
Tone toneForStatus(const QString &normalizedStatus, const QString &profileTone);
// Connection states: live green, reconnecting amber, stopped / circuit open red, idle grey.
Tone toneForState(Feed::State state);
// The same, except amber while HTTP snapshots stand in for the WebSocket (degraded, not dead)
// and while a live feed's data is not what its profile describes (FeedStats::dataError).
Tone toneForStats(const FeedStats &stats);
// A dot of `tone`, sized for item views and menus (crisp on high-DPI screens). Its shape says
// the state too: disc good, triangle warning, square bad, diamond blocked, ring idle.
QIcon dot(Tone tone, int size = 10);
// A transparent icon of the same size, so rows with and without a dot line up.
QIcon blank(int size = 10);
// For display: "in_progress" -> "in progress" (translated); FeedTableModel::statusText.
QString statusLabel(const QString &normalizedStatus);

} // namespace StatusStyle
