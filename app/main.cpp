#include "cli/appinfo.h"
#include "i18n.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLabel>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {
// Options that never open a window run on a QCoreApplication, so they work without a display.
bool needsWindow(int argc, char *argv[])
{
    static const char *const windowless[] = {"--help", "-h", "--help-all", "--version", "-v",
                                             "--headless", "--check"};
    for (int i = 1; i < argc; ++i) {
        for (const char *option : windowless) {
            if (std::strcmp(argv[i], option) == 0)
                return false;
        }
    }
    return true;
}
} // namespace

int main(int argc, char *argv[])
{
    if (!needsWindow(argc, argv)) {
        QCoreApplication app(argc, argv);
        AppInfo::applyToApplication();
        QCommandLineParser parser;
        parser.setApplicationDescription(
                QCoreApplication::translate("main", "Watches live backend feeds over WebSockets."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.process(app);
        return 0;
    }
    QApplication app(argc, argv);
    AppInfo::applyToApplication();
    I18n::install(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QCoreApplication::translate("main", "Watches live backend feeds over WebSockets."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    MainWindow window;
    const QStringList panels = {
        MainWindow::tr("Queue"),         MainWindow::tr("Workflows"),
        MainWindow::tr("System status"), MainWindow::tr("ADW monitor"),
        MainWindow::tr("Routes"),        MainWindow::tr("History"),
        MainWindow::tr("Planned"),       MainWindow::tr("Webhooks"),
        MainWindow::tr("Connections"),   MainWindow::tr("Event log"),
    };
    for (const QString &title : panels) {
        auto *placeholder = new QLabel(MainWindow::tr("No data yet."));
        placeholder->setAlignment(Qt::AlignCenter);
        window.addPanel(title, placeholder);
    }
    window.show();
    return app.exec();
}
