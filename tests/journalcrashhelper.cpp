// A process that journals operator commands and then waits to be killed (tst_commandjournal):
//   journalcrashhelper JOURNAL SERVER_URL COUNT unsent|sent
// unsent: the engine never starts, so the commands are written and never sent; `sent`: the
// engine connects and sends them (the test's server applies but never acks). Each id is printed
// on stdout once it reached that state; then the process waits for SIGKILL.
#include "commands/commandjournal.h"
#include "commands/commandqueue.h"
#include "connection/feedengine.h"

#include <QCoreApplication>
#include <QSet>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: journalcrashhelper JOURNAL SERVER_URL COUNT unsent|sent\n");
        return 2;
    }
    const bool send = args.at(4) == "sent"_L1;
    CommandJournal journal;
    QString error;
    if (!journal.open(args.at(1), &error)) {
        std::fprintf(stderr, "journalcrashhelper: %s\n", qPrintable(error));
        return 1;
    }
    ConfigOverrides overrides;
    overrides.server = args.at(2);
    overrides.feeds = {u"queue"_s};
    overrides.sets = {u"commands.ack_timeout_ms=3600000"_s};
    const ConfigResult config = ConfigLoader::fromJson({}, overrides);
    if (!config.ok()) {
        std::fprintf(stderr, "journalcrashhelper: %s\n", qPrintable(config.errors.join(u' ')));
        return 2;
    }
    FeedEngine engine(config.config);
    CommandQueue queue(&engine, &journal, config.config.settings);
    QTextStream out(stdout);
    QSet<QString> reported;
    QObject::connect(&queue, &CommandQueue::commandChanged, &app, [&](const CommandRecord &record) {
        const bool reached = send ? record.status == Command::Status::Sent
                                  : record.status == Command::Status::Queued;
        if (reached && !reported.contains(record.id)) {
            reported.insert(record.id);
            out << (send ? "sent " : "journaled ") << record.id << '\n';
            out.flush();
        }
    });
    const int count = args.at(3).toInt();
    for (int i = 0; i < count; ++i)
        queue.submit(u"queue"_s, i % 2 ? u"queue.resume"_s : u"queue.pause"_s);
    if (send)
        engine.start();
    return app.exec();
}
