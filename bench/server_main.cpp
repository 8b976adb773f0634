#include "benchserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

// feedwatch-bench-server: the benchmarks' backend process. Prints "ready <port>..." and then
// answers one line per command read from stdin (BenchServer::execute). Exits on "quit" or when
// stdin closes, so it never outlives the benchmark that started it.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption backends(u"backends"_s, u"Listeners (simulated backends)."_s, u"n"_s,
                                      u"1"_s);
    const QCommandLineOption rows(u"rows"_s, u"Rows per feed snapshot."_s, u"n"_s, u"100"_s);
    const QCommandLineOption ring(u"ring"_s, u"Distinct snapshots per feed."_s, u"n"_s, u"32"_s);
    const QCommandLineOption changed(u"changed"_s, u"Rows changed between snapshots."_s, u"n"_s,
                                     u"5"_s);
    parser.addOptions({backends, rows, ring, changed});
    parser.addHelpOption();
    parser.process(app);

    BenchServer server;
    server.prepareFeeds(parser.value(rows).toInt(), parser.value(ring).toInt(),
                        parser.value(changed).toInt());
    if (!server.listen(std::max(1, parser.value(backends).toInt()))) {
        std::fprintf(stderr, "feedwatch-bench-server: cannot listen\n");
        return 1;
    }
    const auto print = [](const QByteArray &line) {
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
    };
    QObject::connect(&server, &BenchServer::reply, &app, print);
    QObject::connect(&server, &BenchServer::quitRequested, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);

    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        pending.append(buffer, n);
        qsizetype eol;
        while ((eol = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(eol).trimmed();
            pending.remove(0, eol + 1);
            if (!line.isEmpty())
                server.execute(line);
        }
    });

    QByteArray ready = "ready";
    for (quint16 port : server.ports())
        ready += ' ' + QByteArray::number(port);
    print(ready);
    return app.exec();
}
