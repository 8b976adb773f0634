#include "windowlessrunner.h"

#include "cli/appinfo.h"
#include "cli/unixsignalwatcher.h"
#include "commands/commandjournal.h"
#include "connection/connectiontester.h"
#include "connection/feedengine.h"
#include "core/clock.h"
#include "dashboard/engineservices.h"
#include "events/eventstreamwriter.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

int runCheck(const Config &config, bool json, QTextStream &out)
{
    QList<TestResult> results;
    QEventLoop loop;
    int pending = int(config.feeds.size());
    // One attempt per feed, staggered like the engine's start: a check must not be a storm.
    int delay = 0;
    for (const FeedSpec &feed : config.feeds) {
        auto *tester = new ConnectionTester(feed, SystemClock::instance(), &loop);
        QObject::connect(tester, &ConnectionTester::finished, &loop, [&](const TestResult &r) {
            results.append(r);
            if (--pending == 0)
                loop.quit();
        });
        QTimer::singleShot(delay, tester, &ConnectionTester::start);
        delay += config.settings.staggerStepMs;
    }
    if (pending > 0)
        loop.exec();

    // Report in configuration order, whatever order the answers came in.
    std::sort(results.begin(), results.end(), [&](const TestResult &a, const TestResult &b) {
        auto index = [&](const QString &id) {
            return std::find_if(config.feeds.begin(), config.feeds.end(),
                                [&](const FeedSpec &f) { return f.id == id; })
                - config.feeds.begin();
        };
        return index(a.feedId) < index(b.feedId);
    });
    bool allOk = true;
    QJsonArray array;
    qsizetype width = 4;
    for (const TestResult &r : std::as_const(results))
        width = std::max(width, r.feedId.size());
    for (const TestResult &r : std::as_const(results)) {
        allOk = allOk && r.ok;
        if (json) {
            QJsonObject o {{u"feed"_s, r.feedId}, {u"ok"_s, r.ok}};
            if (r.ok) {
                o.insert(u"rtt_ms"_s, std::round(r.rttMs * 1000.0) / 1000.0);
                o.insert(u"connect_ms"_s, r.connectMs);
            } else {
                o.insert(u"error"_s, r.error);
                if (r.httpStatus)
                    o.insert(u"http_status"_s, r.httpStatus);
                if (!r.tls.isEmpty())
                    o.insert(u"tls"_s, r.tls);
            }
            array.append(o);
        } else if (r.ok) {
            out << r.feedId.leftJustified(width) << "  ok      rtt "
                << QString::number(r.rttMs, 'f', 2) << " ms (connect "
                << QString::number(r.connectMs, 'f', 1) << " ms)\n";
        } else {
            out << r.feedId.leftJustified(width) << "  FAILED  " << r.error << '\n';
        }
    }
    if (json) {
        const QJsonObject doc {{u"ok"_s, allOk}, {u"feeds"_s, array}};
        out << QJsonDocument(doc).toJson(QJsonDocument::Compact) << '\n';
    }
    out.flush();
    return allOk ? 0 : 1;
}

int runHeadless(const Config &config, const CliOptions &options, QTextStream &err)
{
    EventStreamWriter writer;
    if (!options.eventsTarget.isEmpty()) {
        QString error;
        if (!writer.open(options.eventsTarget, &error)) {
            err << "feedwatch: --events " << error << '\n';
            return 2;
        }
    }
    FeedEngine engine(config);
    QObject::connect(&engine, &FeedEngine::eventRaised, &writer, &EventStreamWriter::write);
    // Commands journaled by an earlier run (the window's or a crashed one) are delivered here
    // too, and show up as `command` events.
    EngineServices services;
    QObject::connect(&services, &EngineServices::eventRaised, &writer, &EventStreamWriter::write);
    const QString journal = WindowlessRunner::journalPath(options);
    services.open(journal, config.settings);
    if (!services.storageError().isEmpty())
        err << "feedwatch: " << services.storageError()
            << "; commands stay in memory and no history is kept\n";
    err.flush();
    services.bindEngine(&engine);
    engine.followSystemReachability();

    QEventLoop loop;
    UnixSignalWatcher watcher;
    QObject::connect(&watcher, &UnixSignalWatcher::terminationRequested, &loop, &QEventLoop::quit);
    if (options.durationSeconds > 0)
        QTimer::singleShot(qint64(options.durationSeconds * 1000), Qt::PreciseTimer, &loop,
                           &QEventLoop::quit);
    engine.start();
    loop.exec();
    engine.stopAll();
    services.bindEngine(nullptr);
    services.close();
    return 0;
}

} // namespace

namespace WindowlessRunner {

QString journalPath(const CliOptions &options)
{
    return options.journalPath.isEmpty() ? CommandJournal::defaultPath() : options.journalPath;
}

ConfigResult loadConfig(const CliOptions &options)
{
    QString path = options.configPath;
    if (path.isEmpty() && QFileInfo::exists(ConfigLoader::defaultConfigPath()))
        path = ConfigLoader::defaultConfigPath();
    return ConfigLoader::load(path, options.overrides);
}

int run(const CliOptions &options, QTextStream &out, QTextStream &err)
{
    if (!options.error.isEmpty()) {
        err << "feedwatch: " << options.error << "\n(see feedwatch --help)\n";
        return 2;
    }
    switch (options.mode) {
    case CliOptions::Mode::Help:
        out << options.helpText;
        return 0;
    case CliOptions::Mode::Version:
        out << AppInfo::versionLine() << '\n';
        return 0;
    case CliOptions::Mode::Window:
        return 2;
    case CliOptions::Mode::Headless:
    case CliOptions::Mode::Check:
        break;
    }
    const ConfigResult config = loadConfig(options);
    if (!config.ok()) {
        for (const QString &e : config.errors)
            err << "feedwatch: configuration error: " << e << '\n';
        return 2;
    }
    if (options.mode == CliOptions::Mode::Check)
        return runCheck(config.config, options.json, out);
    return runHeadless(config.config, options, err);
}

} // namespace WindowlessRunner
