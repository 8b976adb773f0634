#include "cli/appinfo.h"
#include "cli/commandline.h"
#include "cli/windowlessrunner.h"
#include "connection/feedengine.h"
#include "demoserver.h"
#include "i18n.h"
#include "mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QThread>

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
    if (!demo->start(0)) {
        std::fprintf(stderr, "feedwatch: --demo: %s\n", qPrintable(demo->errorString()));
        return false;
    }
    options.overrides.server = demo->baseUrl().toString();
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
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
        return WindowlessRunner::run(options, out, err);
    }

    QApplication app(argc, argv);
    AppInfo::applyToApplication();
    I18n::install(&app);
    CliOptions options = CommandLine::parse(arguments);
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

    // The engine parses and diffs on its own thread, so a flood never freezes the window.
    QThread engineThread;
    engineThread.setObjectName(u"feedwatch-engine"_s);
    auto *engine = new FeedEngine(config.config);
    engine->moveToThread(&engineThread);
    QObject::connect(&engineThread, &QThread::finished, engine, &QObject::deleteLater);
    engineThread.start();
    QMetaObject::invokeMethod(engine, &FeedEngine::start, Qt::QueuedConnection);

    MainWindow window;
    const QStringList panels = {
        MainWindow::tr("Queue"),       MainWindow::tr("Workflows"), MainWindow::tr("System status"),
        MainWindow::tr("ADW monitor"), MainWindow::tr("Routes"),    MainWindow::tr("History"),
        MainWindow::tr("Planned"),     MainWindow::tr("Webhooks"),  MainWindow::tr("Connections"),
        MainWindow::tr("Event log"),
    };
    for (const QString &title : panels) {
        auto *placeholder = new QLabel(MainWindow::tr("No data yet."));
        placeholder->setAlignment(Qt::AlignCenter);
        window.addPanel(title, placeholder);
    }
    window.show();
    const int rc = app.exec();
    QMetaObject::invokeMethod(engine, &FeedEngine::stopAll, Qt::BlockingQueuedConnection);
    engineThread.quit();
    engineThread.wait();
    return rc;
}
