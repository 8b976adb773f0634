#include "appicon.h"
#include "cli/appinfo.h"
#include "cli/commandline.h"
#include "cli/unixsignalwatcher.h"
#include "cli/windowlessrunner.h"
#include "commands/actioncatalog.h"
#include "core/redaction.h"
#include "dashboard/enginerunner.h"
#include "dashboard/feedhub.h"
#include "demoserver.h"
#include "events/eventstreamwriter.h"
#include "i18n.h"
#include "mainwindow.h"
#include "metrics/metricsexporter.h"
#include "scenario.h"

#include <QApplication>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
// --demo: the embedded demo backend on 127.0.0.1 with an OS-chosen port, and the dashboard
// pointed at it. Returns false (with the reason on stderr) when it cannot listen.
bool startDemo(CliOptions &options, std::unique_ptr<DemoServer> &demo)
{
    if (!options.demo || !options.error.isEmpty())
        return true;
    // The embedded backend's chatter belongs to debugging, not to the operator's terminal.
    QLoggingCategory::setFilterRules(u"feedwatch.sim.info=false"_s);
    demo = std::make_unique<DemoServer>();
    // Like the real server: every change on every socket (docs/demo.md says why).
    demo->setBroadcastAll(true);
    if (!demo->start(0)) {
        std::fprintf(stderr, "feedwatch: --demo: %s\n", qPrintable(demo->errorString()));
        return false;
    }
    options.overrides.server = demo->baseUrl().toString();
    return true;
}
// For scripts/screenshot.sh: FEEDWATCH_PANEL=<page key> opens that page, and with --demo
// FEEDWATCH_DEMO_SCENARIO="at 4s freeze queue" plays scenario lines (docs/demo.md; "; " separates
// lines) against the embedded backend, and FEEDWATCH_DEMO_COMMANDS="at 3s queue.pause; at 4s
// queue.execute queue_id=<id>" issues operator actions as the buttons would.
void scheduleCommands(FeedHub &hub, const QString &script)
{
    for (const QString &line : script.split(u"; "_s, Qt::SkipEmptyParts)) {
        const QStringList words = line.simplified().split(u' ');
        bool ok = false;
        const double seconds =
            words.value(1).endsWith(u's') ? words.value(1).chopped(1).toDouble(&ok) : 0;
        if (words.size() < 3 || words.first() != "at"_L1 || !ok) {
            std::fprintf(stderr, "feedwatch: FEEDWATCH_DEMO_COMMANDS: cannot read '%s'\n",
                         qPrintable(line));
            continue;
        }
        const QString name = words.at(2);
        QJsonObject args;
        for (const QString &pair : words.mid(3)) {
            const QString key = pair.section(u'=', 0, 0);
            const QString value = pair.section(u'=', 1);
            bool number = false;
            const int n = value.toInt(&number);
            args.insert(key, number ? QJsonValue(n) : QJsonValue(value));
        }
        QTimer::singleShot(qint64(seconds * 1000), &hub, [&hub, name, args] {
            // A profile action, filled from the given values as from a row; any other name goes
            // out as a WebSocket command.
            if (const CommandAction *action = ConfigLoader::actionsOf(hub.config()).find(name))
                hub.submitAction(*action, args);
            else
                hub.submitCommand(hub.commandFeed(name), name, args);
        });
    }
}

void playDemoScenario(DemoServer *demo)
{
    const QString script = qEnvironmentVariable("FEEDWATCH_DEMO_SCENARIO");
    if (!demo || script.isEmpty())
        return;
    auto *scenario = new Scenario(demo);
    if (scenario->parse(QString(script).replace(u"; "_s, u"\n"_s)))
        scenario->run(demo);
    else
        std::fprintf(stderr, "feedwatch: FEEDWATCH_DEMO_SCENARIO: %s\n",
                     qPrintable(scenario->errorString()));
}

void applyScreenshotHooks(MainWindow &window, FeedHub &hub, DemoServer *demo)
{
    const QString panel = qEnvironmentVariable("FEEDWATCH_PANEL");
    if (!panel.isEmpty())
        window.showPanel(panel);
    const QString commands = qEnvironmentVariable("FEEDWATCH_DEMO_COMMANDS");
    if (demo && !commands.isEmpty())
        scheduleCommands(hub, commands);
    playDemoScenario(demo);
}
} // namespace

int main(int argc, char *argv[])
{
    // Before anything can log: every message, Qt's own included, has known tokens masked.
    Redaction::installMessageHandler();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // Options that never open a window run on a QCoreApplication, so they work without a display.
    if (CommandLine::isWindowless(arguments)) {
        QCoreApplication app(argc, argv);
        AppInfo::applyToApplication();
        QTextStream out(stdout);
        QTextStream err(stderr);
        CliOptions options = CommandLine::parse(arguments);
        std::unique_ptr<DemoServer> demo;
        if (!startDemo(options, demo))
            return 1;
        // The demo scenario hook works without a window too (tests of --headless --demo).
        playDemoScenario(demo.get());
        return WindowlessRunner::run(options, out, err);
    }

    QApplication app(argc, argv);
    AppInfo::applyToApplication();
    AppIcon::install();
    // Usage and configuration errors go to the terminal in English, so the translators come in
    // after them, just before the window.
    CliOptions options = CommandLine::parse(arguments);
    QLocale locale;
    if (options.error.isEmpty() && !options.language.isEmpty()
        && I18n::localeFor(options.language, &locale, &options.error))
        QLocale::setDefault(locale); // numbers and dates follow the chosen language too
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "feedwatch: %s\n", qPrintable(options.error));
        return 2;
    }
    std::unique_ptr<DemoServer> demo;
    if (!startDemo(options, demo))
        return 1;
    const ConfigResult config = WindowlessRunner::loadConfig(options);
    if (!config.ok()) {
        for (const QString &e : config.errors)
            std::fprintf(stderr, "feedwatch: configuration error: %s\n", qPrintable(e));
        return 2;
    }

    I18n::install(&app, locale);

    // --events with a window: the stream carries what the event log is shown, as it arrives.
    EventStreamWriter events;
    if (!options.eventsTarget.isEmpty()) {
        QString error;
        if (!events.open(options.eventsTarget, &error)) {
            std::fprintf(stderr, "feedwatch: --events %s\n", qPrintable(error));
            return 2;
        }
    }

    FeedHub hub(config.config);
    if (!options.eventsTarget.isEmpty())
        QObject::connect(&hub, &FeedHub::eventReceived, &events, &EventStreamWriter::write);
    // /metrics from the window: what the hub holds and shows; HTTP on a thread of its own.
    MetricsExporter metrics(config.config);
    if (!options.eventsTarget.isEmpty())
        QObject::connect(&metrics, &MetricsExporter::eventRaised, &events,
                         &EventStreamWriter::write);
    metrics.follow(&hub);
    auto listenMetrics = [&metrics](const ListenAddress &address) {
        QString error;
        // The dashboard stays useful without its metrics (a second window on the same
        // configuration, say): a warning, not an exit.
        if (!metrics.listen(address, &error))
            std::fprintf(stderr, "feedwatch: metrics: %s\n", qPrintable(error));
    };
    listenMetrics(config.config.metricsListen);
    // The engine parses and diffs on its own thread, so a flood never freezes the window.
    EngineRunner engine(&hub);
    engine.setDataPath(WindowlessRunner::journalPath(options));
    engine.start(config.config);

    MainWindow window(&hub, demo.get());
    window.setConfigSource(options.configPath, options.overrides);
    QObject::connect(&window, &MainWindow::configApplied, &engine, &EngineRunner::replace);
    QObject::connect(&window, &MainWindow::configApplied, &metrics,
                     [&metrics, &listenMetrics,
                      listening = config.config.metricsListen](const Config &applied) mutable {
                         metrics.setConfig(applied);
                         if (applied.metricsListen == listening)
                             return;
                         listening = applied.metricsListen;
                         listenMetrics(listening);
                     });
    window.restoreSettings();
    applyScreenshotHooks(window, hub, demo.get());
    // SIGINT/SIGTERM (logout, systemd, Ctrl+C) close the window like File > Quit: settings are
    // saved, the engine closes its links, the last history batch is written and the journal is
    // closed cleanly.
    UnixSignalWatcher unixSignals;
    QObject::connect(&unixSignals, &UnixSignalWatcher::terminationRequested, &window,
                     &QWidget::close);
    // --duration with a window: closes it like File > Quit (for demos and screenshots). Precise:
    // a coarse timer may fire 5 % early, and scripts read "after this many seconds" literally.
    if (options.durationSeconds > 0)
        QTimer::singleShot(qint64(options.durationSeconds * 1000), Qt::PreciseTimer, &window,
                           &QWidget::close);
    window.show();
    const int rc = app.exec();
    engine.stop();
    return rc;
}
