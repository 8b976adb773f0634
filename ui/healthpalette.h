#pragma once

#include "connection/feedstats.h"

#include <QColor>
#include <QString>

// One set of colours for connection health, shared by every panel, so "amber" means the same
// thing in the table, the detail area and the chart.
namespace HealthPalette {
QColor quality(Quality::Tier tier);
QColor state(Feed::State state);
// Black or white, whichever reads better on `background`.
QColor textOn(const QColor &background);
// A QLabel style sheet that draws a quality pill.
QString badgeStyleSheet(Quality::Tier tier);
} // namespace HealthPalette
