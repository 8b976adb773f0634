#include "commandrunner.h"

#include "cli/unixsignalwatcher.h"
#include "commands/actioncatalog.h"
#include "commands/commandjournal.h"
#include "commands/commandqueue.h"
#include "connection/feedengine.h"
#include "dashboard/engineservices.h"
#include "events/eventstreamwriter.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace CommandRunner {

QString defaultJournalPath()
{
    return QFileInfo(CommandJournal::defaultPath()).dir().filePath(u"feedwatch-cli.sqlite"_s);
}

namespace {
QString actionList(const ActionCatalog &catalog)
{
    QStringList names;
    for (const CommandAction &a : catalog.actions())
        names << a.name;
    return names.join(u", "_s);
}

void report(const CommandRecord &r, const CliOptions &options, QTextStream &out)
{
    if (options.json) {
        QJsonObject o {{u"id"_s, r.id},
                       {u"name"_s, r.name},
                       {u"feed"_s, r.feedId},
                       {u"status"_s, Command::statusName(r.status)},
                       {u"attempts"_s, r.attempts},
                       {u"refused"_s, r.refused}};
        if (r.request.isHttp())
            o.insert(u"request"_s, r.request.summary());
        if (r.httpStatus > 0)
            o.insert(u"http_status"_s, r.httpStatus);
        if (!r.error.isEmpty())
            o.insert(u"error"_s, r.error);
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    const QString attempts = r.attempts == 1 ? u"1 attempt"_s : u"%1 attempts"_s.arg(r.attempts);
    const QString status =
        r.httpStatus > 0 ? u"HTTP %1, %2"_s.arg(r.httpStatus).arg(attempts) : attempts;
    switch (r.status) {
    case Command::Status::Acked:
        out << r.name << ": done (" << status << ")";
        break;
    case Command::Status::Failed:
        out << r.name << (r.refused ? ": refused: " : ": failed: ") << r.error;
        break;
    case Command::Status::Expired:
        out << r.name << ": expired: " << r.error;
        break;
    default:
        out << r.name << ": " << Command::statusName(r.status)
            << (r.error.isEmpty() ? QString() : u": "_s + r.error);
        break;
    }
    out << "  [id " << r.id << "]\n";
}
} // namespace

int run(const Config &config, const CliOptions &options, QTextStream &out, QTextStream &err)
{
    QString name = options.command;
    QString backend = config.backends.isEmpty() ? QString() : config.backends.first().name;
    const bool several = config.backends.size() > 1;
    if (several) {
        if (!name.contains(u'/')) {
            err << "feedwatch: --command: several backends are configured; name one, e.g. "
                << config.backends.first().name << '/' << name << '\n';
            return 2;
        }
        backend = name.section(u'/', 0, 0);
        name = name.section(u'/', 1);
    }
    // The backend's own profile says which actions it has.
    const ActionCatalog &catalog = ConfigLoader::actionsOf(config, backend);
    const CommandAction *action = catalog.find(name);
    if (!action) {
        err << "feedwatch: --command: no action \"" << name << "\" in the " << catalog.profileName()
            << " profile; its actions: " << actionList(catalog) << '\n';
        return 2;
    }
    const QString feedId = several ? backend + u'/' + action->feed : action->feed;
    const bool configured = std::any_of(config.feeds.begin(), config.feeds.end(),
                                        [&](const FeedSpec &f) { return f.id == feedId; });
    if (!configured) {
        err << "feedwatch: --command " << name << ": it goes out on the " << feedId
            << " feed, which is not configured\n";
        return 2;
    }
    CommandRequest request;
    QJsonObject args;
    QString error;
    if (!action->fill(options.commandArgs, &request, &args, &error)) {
        QStringList needed;
        for (const QString &field : action->placeholders())
            needed << u"--arg %1=…"_s.arg(field);
        err << "feedwatch: --command " << error << " (" << needed.join(u' ') << ")\n";
        return 2;
    }

    EventStreamWriter writer;
    if (!options.eventsTarget.isEmpty() && !writer.open(options.eventsTarget, &error)) {
        err << "feedwatch: --events " << error << '\n';
        return 2;
    }
    FeedEngine engine(config);
    QObject::connect(&engine, &FeedEngine::eventRaised, &writer, &EventStreamWriter::write);
    EngineServices services;
    QObject::connect(&services, &EngineServices::eventRaised, &writer, &EventStreamWriter::write);
    const QString journal =
        options.journalPath.isEmpty() ? defaultJournalPath() : options.journalPath;
    services.open(journal, config.settings);
    if (!services.isJournaled()) {
        // Sent unjournaled, a killed run would lose it while the server applies it.
        err << "feedwatch: --command " << name << ": not journaled (" << services.storageError()
            << "); not sent\n";
        services.close();
        return 1;
    }
    const int recovered = services.queue()->pendingCount();
    if (recovered > 0)
        err << "feedwatch: " << recovered << " unfinished command(s) of an earlier run on "
            << journal << " go out too\n";
    err.flush();
    services.bindEngine(&engine);
    // An HTTP action needs no socket; a WebSocket one goes out on its feed's link.
    if (!action->isHttp())
        engine.start();

    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QEventLoop loop;
    int code = -1;
    QObject::connect(&services, &EngineServices::commandChanged, &loop,
                     [&](const CommandRecord &r) {
                         if (r.id != id || !r.isFinished())
                             return;
                         report(r, options, out);
                         code = r.status == Command::Status::Acked ? 0 : 1;
                         loop.quit();
                     });
    QObject::connect(&services, &EngineServices::commandRejected, &loop,
                     [&](const QString &rid, const QString &, const QString &, const QString &why) {
                         if (rid != id || code >= 0)
                             return;
                         err << "feedwatch: --command " << name << ": not accepted: " << why
                             << '\n';
                         code = 1;
                         loop.quit();
                     });
    UnixSignalWatcher watcher;
    QObject::connect(&watcher, &UnixSignalWatcher::terminationRequested, &loop, &QEventLoop::quit);
    if (options.durationSeconds > 0)
        QTimer::singleShot(qint64(options.durationSeconds * 1000), Qt::PreciseTimer, &loop,
                           &QEventLoop::quit);
    services.submit(id, feedId, action->name, args, request);
    if (code < 0)
        loop.exec();
    if (code < 0) {
        const CommandRecord r = services.queue()->command(id);
        err << "feedwatch: --command " << name << ": " << Command::statusName(r.status)
            << " when stopped; it stays in " << journal
            << " and goes out with the next run on that journal  [id " << id << "]\n";
        code = 1;
    }
    out.flush();
    err.flush();
    engine.stopAll();
    services.bindEngine(nullptr);
    services.close();
    return code;
}

} // namespace CommandRunner
