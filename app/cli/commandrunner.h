#pragma once

#include "cli/commandline.h"
#include "config/config.h"

#include <QTextStream>

// feedwatch --command NAME --arg KEY=VALUE: one operator action of the backend's profile,
// journaled and delivered like the window's (same queue, same Idempotency-Key), and the process
// waits for its outcome. Exit 0 done, 1 failed, refused, expired or interrupted (a command that
// may still go out stays in the journal), 2 usage (unknown action, a value it needs missing).
namespace CommandRunner {
int run(const Config &config, const CliOptions &options, QTextStream &out, QTextStream &err);
// The journal --command uses without --journal: its own file beside the window's, so the
// command line works while a window holds that one. Unfinished commands of an earlier run that
// was killed go out with the next run on the same file.
QString defaultJournalPath();
} // namespace CommandRunner
