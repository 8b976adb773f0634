#pragma once

#include "config/config.h"

#include <QStringList>

// The command line is a contract scripts rely on (docs/cli.md).
struct CliOptions
{
    enum class Mode { Window, Headless, Check, Help, Version };
    Mode mode = Mode::Window;
    bool demo = false;
    bool json = false;
    QString configPath;   // empty: the default location, if it exists
    QString eventsTarget; // "-" for stdout
    QString language;     // --lang; empty: the locale's
    QString journalPath;  // --journal; empty: CommandJournal::defaultPath()
    double durationSeconds = -1;
    ConfigOverrides overrides;
    QString helpText;
    QString error; // usage error; exit code 2
};

namespace CommandLine {
CliOptions parse(const QStringList &arguments);
// True when `arguments` never need a window (so no QApplication, no display).
bool isWindowless(const QStringList &arguments);
} // namespace CommandLine
