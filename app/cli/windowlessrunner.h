#pragma once

#include "cli/commandline.h"

#include <QTextStream>

// The parts of the command line that never open a window: --headless, --check, --command,
// --help, --version. Returns the process exit code (0 ok, 1 a feed failed --check, 2 usage/config).
namespace WindowlessRunner {
int run(const CliOptions &options, QTextStream &out, QTextStream &err);
// Loads the configuration the options name (or the default file when it exists).
ConfigResult loadConfig(const CliOptions &options);
// The SQLite file for commands and history: --journal, or the default in the app data directory.
QString journalPath(const CliOptions &options);
} // namespace WindowlessRunner
