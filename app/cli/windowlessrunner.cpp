#include "windowlessrunner.h"

#include "cli/appinfo.h"
#include "cli/commandrunner.h"
#include "cli/unixsignalwatcher.h"
#include "commands/commandjournal.h"
#include "connection/connectiontester.h"
#include "connection/feedengine.h"
#include "core/clock.h"
#include "dashboard/engineservices.h"
#include "events/eventstreamwriter.h"
#include "metrics/metricsexporter.h"
#include "rules/ruleengine.h"
#include "rules/rulestore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// How long --check --rules waits for the first snapshot of the feeds its rules look at.
constexpr int kRuleCheckWaitMs = 15000;

// --check --rules: the engine runs until every feed a rule looks at has sent its first snapshot
// (or kRuleCheckWaitMs), the rules are evaluated on it with their state in the journal's file (so
// a `for` spans runs from cron, and an alert the window fired is not new), and each is reported.
// Nothing is notified, recorded or handed to alerts.exec: a check only looks.
QList<RuleStatus> evaluateRules(const Config &config, const QString &statePath)
{
    RuleStore store;
    QString error;
    const bool stored = !statePath.isEmpty() && store.open(statePath, &error);
    RuleEngine rules;
    if (stored)
        rules.setStore(&store);
    rules.setConfig(config);
    // The feeds the rules look at; a rule on a feed that is not watched is in error already.
    QSet<QString> waiting;
    for (const RuleStatus &s : rules.statuses()) {
        if (std::any_of(config.feeds.begin(), config.feeds.end(),
                        [&](const FeedSpec &f) { return f.id == s.feedId; }))
            waiting.insert(s.feedId);
    }
    if (!waiting.isEmpty()) {
        FeedEngine engine(config);
        QEventLoop loop;
        QObject::connect(&engine, &FeedEngine::snapshotReceived, &loop,
                         [&](const QString &feedId, const QString &type, const QJsonValue &data) {
                             rules.observeSnapshot(feedId, type, data);
                             waiting.remove(feedId);
                             if (waiting.isEmpty())
                                 loop.quit();
                         });
        QTimer::singleShot(kRuleCheckWaitMs, &loop, &QEventLoop::quit);
        engine.start();
        loop.exec();
        engine.stopAll();
    }
    return rules.statuses();
}

int runCheck(const Config &config, const CliOptions &options, QTextStream &out)
{
    const bool json = options.json;
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
    QJsonArray ruleArray;
    if (options.rules) {
        const QList<RuleStatus> statuses =
            evaluateRules(config, WindowlessRunner::journalPath(options));
        qsizetype ruleWidth = 4;
        for (const RuleStatus &s : statuses)
            ruleWidth = std::max(ruleWidth, s.ruleId.size() + s.feedId.size() + 4);
        if (!json && !statuses.isEmpty())
            out << '\n';
        for (const RuleStatus &s : statuses) {
            // A rule whose feed sent nothing was not evaluated: said, never "ok".
            const QString state = s.state == RuleStatus::State::Error || s.evaluated
                ? RuleStatus::stateName(s.state)
                : u"no data"_s;
            const bool critical =
                s.severity == "critical"_L1 && s.state == RuleStatus::State::Firing;
            allOk = allOk && !critical;
            QStringList keys;
            QStringList messages;
            for (const RuleRow &r : s.rows) {
                keys << r.key;
                if (r.firing)
                    messages << r.message;
            }
            if (json) {
                QJsonObject o {{u"rule"_s, s.ruleId},
                               {u"feed"_s, s.feedId},
                               {u"severity"_s, s.severity},
                               {u"state"_s, state}};
                if (!s.error.isEmpty())
                    o.insert(u"error"_s, s.error);
                if (!s.rows.isEmpty())
                    o.insert(u"keys"_s, QJsonArray::fromStringList(keys));
                if (!messages.isEmpty())
                    o.insert(u"messages"_s, QJsonArray::fromStringList(messages));
                ruleArray.append(o);
                continue;
            }
            out << (s.ruleId + u" ("_s + s.feedId + u')').leftJustified(ruleWidth) << "  "
                << state.toUpper().leftJustified(8) << ' ' << s.severity.leftJustified(8);
            if (!s.error.isEmpty())
                out << ' ' << s.error;
            else if (!messages.isEmpty())
                out << ' ' << messages.join(u" | "_s);
            else if (!keys.isEmpty())
                out << ' ' << keys.join(u", "_s);
            out << '\n';
        }
    }
    if (json) {
        QJsonObject doc {{u"ok"_s, allOk}, {u"feeds"_s, array}};
        if (options.rules)
            doc.insert(u"rules"_s, ruleArray);
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
            << (services.isJournaled() ? "; commands are journaled, no history is kept\n"
                                       : "; commands stay in memory and no history is kept\n");
    err.flush();
    services.bindEngine(&engine);
    // /metrics reads the same stats and events the stream carries; its HTTP side runs on a
    // thread of its own, so a slow scraper never holds up this (the engine's) thread.
    MetricsExporter metrics(config);
    metrics.follow(&engine, &services);
    QObject::connect(&metrics, &MetricsExporter::eventRaised, &writer, &EventStreamWriter::write);
    if (config.metricsListen.enabled) {
        QString error;
        if (!metrics.listen(config.metricsListen, &error)) {
            // A probe whose metrics cannot be scraped is not running: say so and let the
            // service manager retry.
            err << "feedwatch: --metrics-listen: " << error << '\n';
            err.flush();
            services.bindEngine(nullptr);
            services.close();
            return 1;
        }
    }
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
    case CliOptions::Mode::Command:
        break;
    }
    const ConfigResult config = loadConfig(options);
    if (!config.ok()) {
        for (const QString &e : config.errors)
            err << "feedwatch: configuration error: " << e << '\n';
        return 2;
    }
    if (options.mode == CliOptions::Mode::Check)
        return runCheck(config.config, options, out);
    if (options.mode == CliOptions::Mode::Command)
        return CommandRunner::run(config.config, options, out, err);
    return runHeadless(config.config, options, err);
}

} // namespace WindowlessRunner
