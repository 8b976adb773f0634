#pragma once

#include "config/config.h"

#include <QJsonObject>
#include <QStringList>

// The command line is a contract scripts rely on (docs/cli.md).
struct CliOptions
{
    enum class Mode { Window, Headless, Check, Command, Help, Version };
    Mode mode = Mode::Window;
    bool demo = false;
    bool json = false;
    bool rules = false;   // --check --rules: the alert rules too (exit 1 on a critical one firing)
    QString configPath;   // empty: the default location, if it exists
    QString eventsTarget; // "-" for stdout
    QString language;     // --lang; empty: the locale's
    QString journalPath;  // --journal; empty: CommandJournal::defaultPath()
    double durationSeconds = -1;
    QString command;         // --command: a profile action's name ("queue.pause")
    QJsonObject commandArgs; // --arg KEY=VALUE, VALUE read as JSON when it is JSON, else text
    ConfigOverrides overrides;
    QString helpText;
    QString error; // usage error; exit code 2
};

namespace CommandLine {
CliOptions parse(const QStringList &arguments);
// True when `arguments` never need a window (so no QApplication, no display).
bool isWindowless(const QStringList &arguments);
} // namespace CommandLine
