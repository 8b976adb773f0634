#include "demoserver.h"
#include "scenario.h"
#include "version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

// The command line is English, like feedwatch's (docs/cli.md).
namespace {
int fail(int code, const QString &message)
{
    std::fprintf(stderr, "feedwatch-sim: %s\n", qPrintable(message));
    return code;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"feedwatch-sim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FEEDWATCH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Feedwatch demo backend: speaks as the tac-webbuilder server does (its feeds over "
        "WebSockets, its HTTP actions and snapshots) with simulated data, and breaks on request."_s
        + u"\n\n"_s + Scenario::syntaxHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(u"port"_s, u"TCP port (0: any free port)."_s, u"port"_s,
                                        u"8765"_s);
    const QCommandLineOption listenOption(u"listen"_s, u"Address to listen on."_s, u"address"_s,
                                          u"127.0.0.1"_s);
    const QCommandLineOption seedOption(
        u"seed"_s,
        u"Seed for the simulated data; the same seed gives the same data sequence "
        "(default: random)."_s,
        u"n"_s);
    const QCommandLineOption epochOption(
        u"epoch"_s,
        u"Start time of the simulated data in ms since 1970 (default: now); with --seed, "
        "the same epoch gives the same snapshots byte for byte."_s,
        u"ms"_s);
    const QCommandLineOption rateOption(
        u"rate"_s,
        u"Ticks per second for every feed, for load tests (default 0: realistic per-feed rates)."_s,
        u"hz"_s, u"0"_s);
    const QCommandLineOption rowsOption(u"rows"_s, u"Rows in the queue and workflows feeds."_s,
                                        u"n"_s, u"12"_s);
    const QCommandLineOption scenarioOption(
        u"scenario"_s, u"Play a timed fault script (language below)."_s, u"file"_s);
    const QCommandLineOption faultOption(
        u"fault"_s,
        u"Switch a fault on at start, as a scenario command without 'at', "
        "e.g. \"latency all 300 jitter 50\". Repeatable."_s,
        u"command"_s);
    const QCommandLineOption checkOption(u"check"_s,
                                         u"Only check the scenario and --fault commands."_s);
    const QCommandLineOption broadcastOption(
        u"broadcast"_s,
        u"'all' (default): every change goes to every socket, as the real server does; 'own': "
        "each socket gets its own feed only."_s,
        u"all|own"_s, u"all"_s);
    const QCommandLineOption helloOption(
        u"hello"_s,
        u"Send a hello with server_id first on every socket (the real server does not)."_s);
    const QCommandLineOption wsCommandsOption(
        u"ws-commands"_s,
        u"Also answer WebSocket commands with acks (the real server takes actions over HTTP only)."_s);
    parser.addOptions({portOption, listenOption, seedOption, epochOption, rateOption, rowsOption,
                       scenarioOption, faultOption, checkOption, broadcastOption, helloOption,
                       wsCommandsOption});
    parser.process(app);

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(2, u"--port: '%1' is not a port"_s.arg(parser.value(portOption)));
    const QHostAddress address(parser.value(listenOption));
    if (address.isNull())
        return fail(2, u"--listen: '%1' is not an address"_s.arg(parser.value(listenOption)));
    const double rate = parser.value(rateOption).toDouble(&ok);
    if (!ok || rate < 0)
        return fail(2, u"--rate: '%1' is not a rate in Hz"_s.arg(parser.value(rateOption)));
    const QString broadcast = parser.value(broadcastOption);
    if (broadcast != u"all"_s && broadcast != u"own"_s)
        return fail(2, u"--broadcast: '%1' is not all or own"_s.arg(broadcast));
    const int rows = parser.value(rowsOption).toInt(&ok);
    if (!ok || rows < 3)
        return fail(2, u"--rows: '%1' is not a row count >= 3"_s.arg(parser.value(rowsOption)));

    QList<Scenario::Step> initial;
    const QStringList faults = parser.values(faultOption);
    for (const QString &command : faults) {
        Scenario::Step step;
        QString error;
        if (!Scenario::parseCommand(command, &step, &error))
            return fail(2, u"--fault \"%1\": %2"_s.arg(command, error));
        initial.append(step);
    }
    Scenario scenario;
    if (parser.isSet(scenarioOption) && !scenario.load(parser.value(scenarioOption)))
        return fail(2, u"%1: %2"_s.arg(parser.value(scenarioOption), scenario.errorString()));
    if (parser.isSet(checkOption)) {
        std::printf("ok: %lld scenario steps, %lld faults\n", qlonglong(scenario.steps().size()),
                    qlonglong(initial.size()));
        return 0;
    }

    DemoServer server;
    if (parser.isSet(seedOption)) {
        const quint64 seed = parser.value(seedOption).toULongLong(&ok);
        if (!ok)
            return fail(2, u"--seed: '%1' is not a number"_s.arg(parser.value(seedOption)));
        server.setSeed(seed);
    }
    if (parser.isSet(epochOption)) {
        const qint64 epoch = parser.value(epochOption).toLongLong(&ok);
        if (!ok || epoch < 0)
            return fail(2, u"--epoch: '%1' is not a time in ms"_s.arg(parser.value(epochOption)));
        server.setEpochMs(epoch);
    }
    server.setRows(rows);
    server.setRate(rate);
    server.setBroadcastAll(broadcast == u"all"_s);
    server.setHello(parser.isSet(helloOption));
    server.setWebSocketCommands(parser.isSet(wsCommandsOption));
    if (!server.start(quint16(port), address))
        return fail(1,
                    u"cannot listen on %1:%2: %3"_s.arg(address.toString())
                        .arg(port)
                        .arg(server.errorString()));
    for (const Scenario::Step &step : std::as_const(initial))
        Scenario::apply(&server, step);
    std::printf("feedwatch-sim listening on %s (server_id %s)\n",
                qPrintable(server.baseUrl().toString()), qPrintable(server.serverId()));
    std::fflush(stdout);

    QObject::connect(&scenario, &Scenario::quitRequested, &app, &QCoreApplication::quit);
    if (parser.isSet(scenarioOption))
        scenario.run(&server);
    return app.exec();
}
