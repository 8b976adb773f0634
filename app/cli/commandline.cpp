#include "commandline.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

// English on purpose, like the man page and docs/cli.md: scripts match these texts and support
// reads them. Only the window is translated (--lang).

namespace CommandLine {

CliOptions parse(const QStringList &arguments)
{
    CliOptions out;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Watches live backend feeds over WebSockets."_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    const QCommandLineOption version({u"v"_s, u"version"_s}, u"Show the version."_s);
    const QCommandLineOption server(
        u"server"_s, u"Base URL of the backend, ws://HOST:PORT or wss://..."_s, u"url"_s);
    const QCommandLineOption feeds(u"feeds"_s, u"Comma-separated subset of feeds to watch."_s,
                                   u"a,b,c"_s);
    const QCommandLineOption config(u"config"_s, u"Configuration file (JSON)."_s, u"file"_s);
    const QCommandLineOption set(
        u"set"_s, u"Override a configuration key, e.g. backoff.max_ms=5000. Repeatable."_s,
        u"key=value"_s);
    const QCommandLineOption headless(u"headless"_s, u"Run the engine without a window."_s);
    const QCommandLineOption events(
        u"events"_s, u"Write the JSON Lines event stream to a file ('-' for standard output)."_s,
        u"file"_s);
    const QCommandLineOption journal(
        u"journal"_s,
        u"SQLite file for the command journal and the event history (default: in the app "
        "data directory)."_s,
        u"file"_s);
    const QCommandLineOption duration(u"duration"_s, u"Exit cleanly after this many seconds."_s,
                                      u"seconds"_s);
    const QCommandLineOption check(
        u"check"_s,
        u"Test every feed once (handshake and ping) and exit: 0 all answered, 1 some failed, "
        "2 usage or configuration error."_s);
    const QCommandLineOption json(u"json"_s, u"With --check: print JSON instead of text."_s);
    const QCommandLineOption rules(
        u"rules"_s,
        u"With --check: also evaluate the alert rules on each feed's first snapshot; exit 1 "
        "when a critical rule is firing."_s);
    const QCommandLineOption demo(u"demo"_s, u"Start the embedded demo backend and watch it."_s);
    const QCommandLineOption lang(
        u"lang"_s, u"Language of the window, e.g. de or fr (default: from the locale)."_s,
        u"code"_s);
    const QCommandLineOption command(
        u"command"_s,
        u"Run one operator action of the backend's profile (e.g. queue.pause) and exit: 0 done, "
        "1 failed or refused, 2 usage."_s,
        u"name"_s);
    const QCommandLineOption arg(
        u"arg"_s,
        u"With --command: a value the action needs, e.g. queue_id=0e6b1a2e. Repeatable."_s,
        u"key=value"_s);
    const QCommandLineOption metricsListen(
        u"metrics-listen"_s,
        u"Serve Prometheus metrics at http://ADDR:PORT/metrics (PORT alone: 127.0.0.1)."_s,
        u"addr:port"_s);
    parser.addOptions({help, version, server, feeds, config, set, headless, events, journal,
                       duration, check, json, rules, demo, lang, metricsListen, command, arg});
    out.helpText = parser.helpText();

    if (!parser.parse(arguments)) {
        out.error = parser.errorText();
        return out;
    }
    if (!parser.positionalArguments().isEmpty()) {
        out.error = u"unexpected argument: %1"_s.arg(parser.positionalArguments().first());
        return out;
    }
    if (parser.isSet(help)) {
        out.mode = CliOptions::Mode::Help;
        return out;
    }
    if (parser.isSet(version)) {
        out.mode = CliOptions::Mode::Version;
        return out;
    }
    if (parser.isSet(check) && parser.isSet(headless)) {
        out.error = u"--check and --headless cannot be combined"_s;
        return out;
    }
    if (parser.isSet(command) && (parser.isSet(check) || parser.isSet(headless))) {
        out.error = parser.isSet(check) ? u"--command and --check cannot be combined"_s
                                        : u"--command and --headless cannot be combined"_s;
        return out;
    }
    if (parser.isSet(check))
        out.mode = CliOptions::Mode::Check;
    else if (parser.isSet(headless))
        out.mode = CliOptions::Mode::Headless;
    else if (parser.isSet(command))
        out.mode = CliOptions::Mode::Command;
    if (parser.isSet(json) && out.mode != CliOptions::Mode::Check
        && out.mode != CliOptions::Mode::Command) {
        out.error = u"--json only applies to --check and --command"_s;
        return out;
    }
    if (parser.isSet(rules) && out.mode != CliOptions::Mode::Check) {
        out.error = u"--rules only applies to --check"_s;
        return out;
    }
    out.rules = parser.isSet(rules);
    if (parser.isSet(arg) && out.mode != CliOptions::Mode::Command) {
        out.error = u"--arg only applies to --command"_s;
        return out;
    }
    out.command = parser.value(command).trimmed();
    if (parser.isSet(command) && out.command.isEmpty()) {
        out.error = u"--command: expected an action name, e.g. queue.pause"_s;
        return out;
    }
    for (const QString &pair : parser.values(arg)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            out.error = u"--arg: '%1' is not KEY=VALUE"_s.arg(pair);
            return out;
        }
        const QString value = pair.mid(eq + 1);
        // 214 is a number, true a boolean, "214" (quoted) text; anything that is not JSON is
        // text as typed (a uuid, a name).
        const QJsonDocument doc = QJsonDocument::fromJson("[" + value.toUtf8() + "]");
        out.commandArgs.insert(pair.left(eq).trimmed(),
                               doc.isArray() && doc.array().size() == 1
                                       && !value.trimmed().isEmpty()
                                   ? doc.array().first()
                                   : QJsonValue(value));
    }
    out.json = parser.isSet(json);
    out.demo = parser.isSet(demo);
    if (out.demo && parser.isSet(server)) {
        out.error = u"--demo and --server cannot be combined"_s;
        return out;
    }
    out.language = parser.value(lang);
    out.configPath = parser.value(config);
    out.eventsTarget = parser.value(events);
    out.journalPath = parser.value(journal);
    if (parser.isSet(journal) && out.journalPath.isEmpty()) {
        out.error = u"--journal: expected a file name"_s;
        return out;
    }
    if (parser.isSet(duration)) {
        bool ok = false;
        out.durationSeconds = parser.value(duration).toDouble(&ok);
        if (!ok || out.durationSeconds <= 0) {
            out.error = u"--duration: '%1' is not a positive number of seconds"_s.arg(
                parser.value(duration));
            return out;
        }
    }
    out.overrides.server = parser.value(server);
    for (const QString &list : parser.values(feeds)) {
        for (const QString &name : list.split(u',', Qt::SkipEmptyParts))
            out.overrides.feeds << name.trimmed();
    }
    out.overrides.sets = parser.values(set);
    if (parser.isSet(metricsListen)) {
        if (out.mode == CliOptions::Mode::Check) {
            out.error = u"--metrics-listen does not apply to --check"_s;
            return out;
        }
        out.overrides.metricsListen = parser.value(metricsListen);
        if (out.overrides.metricsListen.isNull())
            out.overrides.metricsListen = u""_s;
    }
    return out;
}

bool isWindowless(const QStringList &arguments)
{
    static const QStringList windowless = {u"-h"_s,      u"--help"_s,    u"--help-all"_s,
                                           u"-v"_s,      u"--version"_s, u"--headless"_s,
                                           u"--check"_s, u"--command"_s};
    for (const QString &arg : arguments.mid(1)) {
        if (windowless.contains(arg) || arg.startsWith("--command="_L1))
            return true;
    }
    return false;
}

} // namespace CommandLine
