#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}
} // namespace

namespace CommandLine {

CliOptions parse(const QStringList &arguments)
{
    CliOptions out;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Watches live backend feeds over WebSockets."));
    const QCommandLineOption help({u"h"_s, u"help"_s}, tr("Show this help."));
    const QCommandLineOption version({u"v"_s, u"version"_s}, tr("Show the version."));
    const QCommandLineOption server(
        u"server"_s, tr("Base URL of the backend, ws://HOST:PORT or wss://..."), u"url"_s);
    const QCommandLineOption feeds(u"feeds"_s, tr("Comma-separated subset of feeds to watch."),
                                   u"a,b,c"_s);
    const QCommandLineOption config(u"config"_s, tr("Configuration file (JSON)."), u"file"_s);
    const QCommandLineOption set(u"set"_s,
                                 tr("Override a configuration key, e.g. backoff.max_ms=5000. "
                                    "Repeatable."),
                                 u"key=value"_s);
    const QCommandLineOption headless(u"headless"_s, tr("Run the engine without a window."));
    const QCommandLineOption events(u"events"_s,
                                    tr("Write the JSON Lines event stream to a file ('-' for "
                                       "standard output)."),
                                    u"file"_s);
    const QCommandLineOption journal(
        u"journal"_s,
        tr("SQLite file for the command journal and the event history (default: in the app "
           "data directory)."),
        u"file"_s);
    const QCommandLineOption duration(u"duration"_s, tr("Exit cleanly after this many seconds."),
                                      u"seconds"_s);
    const QCommandLineOption check(u"check"_s,
                                   tr("Test every feed once (handshake and ping) and exit: 0 all "
                                      "answered, 1 some failed, 2 usage or configuration error."));
    const QCommandLineOption json(u"json"_s, tr("With --check: print JSON instead of text."));
    const QCommandLineOption demo(u"demo"_s, tr("Start the embedded demo backend and watch it."));
    parser.addOptions({help, version, server, feeds, config, set, headless, events, journal,
                       duration, check, json, demo});
    out.helpText = parser.helpText();

    if (!parser.parse(arguments)) {
        out.error = parser.errorText();
        return out;
    }
    if (!parser.positionalArguments().isEmpty()) {
        out.error = tr("unexpected argument: %1").arg(parser.positionalArguments().first());
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
        out.error = tr("--check and --headless cannot be combined");
        return out;
    }
    if (parser.isSet(check))
        out.mode = CliOptions::Mode::Check;
    else if (parser.isSet(headless))
        out.mode = CliOptions::Mode::Headless;
    if (parser.isSet(json) && out.mode != CliOptions::Mode::Check) {
        out.error = tr("--json only applies to --check");
        return out;
    }
    out.json = parser.isSet(json);
    out.demo = parser.isSet(demo);
    if (out.demo && parser.isSet(server)) {
        out.error = tr("--demo and --server cannot be combined");
        return out;
    }
    out.configPath = parser.value(config);
    out.eventsTarget = parser.value(events);
    out.journalPath = parser.value(journal);
    if (parser.isSet(journal) && out.journalPath.isEmpty()) {
        out.error = tr("--journal: expected a file name");
        return out;
    }
    if (parser.isSet(duration)) {
        bool ok = false;
        out.durationSeconds = parser.value(duration).toDouble(&ok);
        if (!ok || out.durationSeconds <= 0) {
            out.error = tr("--duration: '%1' is not a positive number of seconds")
                            .arg(parser.value(duration));
            return out;
        }
    }
    out.overrides.server = parser.value(server);
    for (const QString &list : parser.values(feeds)) {
        for (const QString &name : list.split(u',', Qt::SkipEmptyParts))
            out.overrides.feeds << name.trimmed();
    }
    out.overrides.sets = parser.values(set);
    return out;
}

bool isWindowless(const QStringList &arguments)
{
    static const QStringList windowless = {u"-h"_s,     u"--help"_s,    u"--help-all"_s,
                                           u"-v"_s,     u"--version"_s, u"--headless"_s,
                                           u"--check"_s};
    for (const QString &arg : arguments.mid(1)) {
        if (windowless.contains(arg))
            return true;
    }
    return false;
}

} // namespace CommandLine
