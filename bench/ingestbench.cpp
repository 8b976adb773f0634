#include "bareclient.h"
#include "benchdashboard.h"
#include "benchstats.h"
#include "procstats.h"
#include "sections.h"
#include "serverprocess.h"
#include "sinkclient.h"

#include "dashboard/feedhub.h"
#include "models/feedtablemodel.h"

#include <QJsonArray>

#include <cstdio>

using namespace Qt::StringLiterals;

// Ingest ratio: messages/s through Feedwatch's whole pipeline (socket -> decode -> identical/diff
// check -> queued to the GUI thread -> coalescer -> keyed model diff) against a bare QWebSocket
// that only parses each message with QJsonDocument. Same server process, same pre-framed
// messages, rounds interleaved in one run. A third client that only drains the TCP bytes shows
// what the server and the kernel can deliver.
namespace {

enum class Client { Feedwatch, Bare, Sink };

struct Round
{
    double rate = 0;        // messages/s, wall clock
    double cpuUsPerMsg = 0; // this process, all threads
    double engineCpuUsPerMsg = 0;
    double guiCpuUsPerMsg = 0;
    double serverCpuUsPerMsg = 0;
    double decodedShare = 1; // Feedwatch: messages decoded / messages received
    bool ok = false;
};

struct Rig
{
    ServerProcess *server = nullptr;
    BenchDashboard *dashboard = nullptr;
    BareClient *bare = nullptr;
    SinkClient *sink = nullptr;
    FeedTableModel *model = nullptr;
};

Round runRound(Rig &rig, Client client, int count)
{
    static int rounds = 0;
    Round result;
    const char *target = client == Client::Feedwatch ? "fw"
        : client == Client::Bare                     ? "bare"
                                                     : "sink";
    const int round = ++rounds;
    const QString marker = u"end-%1"_s.arg(round);
    if (client == Client::Bare)
        rig.bare->expect(count);
    if (client == Client::Sink)
        rig.sink->expect("\"queue_id\":\"" + marker.toUtf8() + '"');
    const qint64 messagesBefore = rig.dashboard->messages();
    const qint64 undecodedBefore = rig.dashboard->undecodedSnapshots();
    qint64 doneNs = 0;
    QMetaObject::Connection watch;
    if (client == Client::Feedwatch) {
        // Done when the model holds the last snapshot: parsed, queued, coalesced and diffed.
        watch = QObject::connect(rig.dashboard->hub(), &FeedHub::feedDataChanged, rig.model,
                                 [&](const QString &) {
                                     if (!doneNs && rig.model->rowOfKey(marker) >= 0)
                                         doneNs = ProcStats::monotonicNs();
                                 });
    }
    const QHash<QString, qint64> threads0 = ProcStats::threadCpuUsByName();
    const qint64 cpu0 = ProcStats::cpuUs();
    const qint64 t0 = ProcStats::monotonicNs();
    rig.server->send(QByteArray("blast ") + target + ' ' + QByteArray::number(round));
    const bool finished = BenchEnv::spinUntil(
        [&] {
            switch (client) {
            case Client::Feedwatch:
                return doneNs != 0;
            case Client::Bare:
                return rig.bare->finishedAtNs() != 0;
            case Client::Sink:
                return rig.sink->finishedAtNs() != 0;
            }
            return true;
        },
        120000);
    QObject::disconnect(watch);
    const qint64 cpu1 = ProcStats::cpuUs();
    const QHash<QString, qint64> threads1 = ProcStats::threadCpuUsByName();
    const QByteArray blast = rig.server->waitFor("blast", 30000);
    if (!finished || blast.isEmpty())
        return result;
    const qint64 t1 = client == Client::Feedwatch ? doneNs
        : client == Client::Bare                  ? rig.bare->finishedAtNs()
                                                  : rig.sink->finishedAtNs();
    result.rate = double(count) / (double(t1 - t0) / 1e9);
    result.cpuUsPerMsg = double(cpu1 - cpu0) / count;
    // Thread names as the kernel keeps them (15 characters).
    const QString engine = u"feedwatch-engin"_s;
    const QString gui = u"feedwatch-bench"_s;
    result.engineCpuUsPerMsg = double(threads1.value(engine) - threads0.value(engine)) / count;
    result.guiCpuUsPerMsg = double(threads1.value(gui) - threads0.value(gui)) / count;
    result.serverCpuUsPerMsg = double(ServerProcess::field(blast, "cpu_us")) / count;
    result.ok = true;
    if (client == Client::Feedwatch) {
        // Every message counted by the engine (its stats reach the hub every 200 ms).
        BenchEnv::spinUntil([&] { return rig.dashboard->messages() >= messagesBefore + count; },
                            2000);
        result.ok = rig.dashboard->messages() >= messagesBefore + count;
        result.decodedShare =
            1.0 - double(rig.dashboard->undecodedSnapshots() - undecodedBefore) / count;
    }
    if (client == Client::Bare)
        result.ok = rig.bare->invalid() == 0;
    return result;
}

QJsonArray rates(const QList<Round> &rounds)
{
    QJsonArray out;
    for (const Round &r : rounds)
        out.append(std::round(r.rate));
    return out;
}

} // namespace

namespace IngestBench {

QList<Figure> run(const BenchOptions &options)
{
    QList<Figure> figures;
    ServerProcess server;
    if (!server.start({u"--rows"_s, u"3"_s, u"--ring"_s, u"2"_s})) {
        std::fprintf(stderr, "ingest: %s\n", qPrintable(server.error()));
        return figures;
    }
    const quint16 port = server.ports().first();
    BenchDashboard dashboard(BenchEnv::config(port, {u"queue"_s}), false);
    BareClient bare;
    SinkClient sink;
    dashboard.start();
    bare.open(QUrl(u"ws://127.0.0.1:%1/bare/queue"_s.arg(port)));
    sink.open(port, "/sink/queue");
    Rig rig {&server, &dashboard, &bare, &sink, dashboard.hub()->tableModel(u"queue"_s)};
    if (!BenchEnv::spinUntil(
            [&] { return bare.isConnected() && sink.isConnected() && rig.model->rowCount() > 0; },
            20000)) {
        std::fprintf(stderr, "ingest: clients did not connect\n");
        return figures;
    }

    const int rounds = options.quick ? 1 : options.runs;
    const double roundSeconds = 1.0;
    struct Case
    {
        int bytes;
        bool changing;
    };
    const QList<Case> cases = {{1024, true}, {1024, false}, {65536, true}, {65536, false}};
    for (const Case &c : cases) {
        const QString sizeName = c.bytes >= 65536 ? u"64k"_s : u"1k"_s;
        const QString modeName = c.changing ? u"changing"_s : u"identical"_s;
        const QByteArray mode = c.changing ? "changing" : "identical";
        if (!options.ingestCase.isEmpty() && options.ingestCase != sizeName + u'-' + modeName)
            continue;
        // Calibrate on the bare client, so every round lasts about a second for it.
        int count = options.quick ? 20 : (c.bytes >= 65536 ? 100 : 2000);
        const QByteArray prepared = server.command("ingest " + QByteArray::number(c.bytes) + ' '
                                                   + mode + ' ' + QByteArray::number(count));
        const qint64 frameBytes = ServerProcess::field(prepared, "frame_bytes");
        if (options.ingestCount > 0)
            count = options.ingestCount;
        if (!options.quick && options.ingestCount == 0) {
            runRound(rig, Client::Feedwatch, count); // warm-up
            const Round calibration = runRound(rig, Client::Bare, count);
            if (calibration.ok)
                count = std::clamp(int(calibration.rate * roundSeconds), 50, 500000);
            server.command("ingest " + QByteArray::number(c.bytes) + ' ' + mode + ' '
                           + QByteArray::number(count));
        }
        QList<Round> fw;
        QList<Round> peer;
        QList<Round> sinkRounds;
        QList<double> ratios;
        bool allOk = true;
        for (int r = 0; r < rounds; ++r) {
            // Alternate who goes first, so a drift in the machine's load favours neither.
            Round a;
            Round b;
            if (r % 2 == 0) {
                b = runRound(rig, Client::Bare, count);
                a = runRound(rig, Client::Feedwatch, count);
            } else {
                a = runRound(rig, Client::Feedwatch, count);
                b = runRound(rig, Client::Bare, count);
            }
            const Round s = runRound(rig, Client::Sink, count);
            allOk = allOk && a.ok && b.ok && s.ok;
            fw.append(a);
            peer.append(b);
            sinkRounds.append(s);
            if (a.ok && b.ok && b.rate > 0)
                ratios.append(a.rate / b.rate);
        }
        const double fwRate = BenchStats::median(BenchStats::values(fw, &Round::rate));
        const double bareRate = BenchStats::median(BenchStats::values(peer, &Round::rate));
        const double sinkRate = BenchStats::median(BenchStats::values(sinkRounds, &Round::rate));
        const double serverCpu =
            BenchStats::median(BenchStats::values(fw, &Round::serverCpuUsPerMsg)
                               + BenchStats::values(peer, &Round::serverCpuUsPerMsg));
        const double serverCapacity = serverCpu > 0 ? 1e6 / serverCpu : NAN;

        // The ratio is the median of the per-round ratios, each measured back to back.
        Figure f =
            Figure::make(u"ingest.%1.%2"_s.arg(sizeName, modeName),
                         u"ingest %1 %2"_s.arg(c.bytes >= 65536 ? u"64 KB"_s : u"1 KB"_s, modeName),
                         fwRate, u"msg/s"_s, rounds)
                .withPeer(bareRate, u"bare QWebSocket + QJsonDocument::fromJson"_s,
                          BenchStats::median(ratios))
                .goalOnRatio(Figure::Op::AtLeast, c.changing ? 1.0 : 5.0)
                .withSpread(ratios);
        const double decodedShare =
            BenchStats::median(BenchStats::values(fw, &Round::decodedShare));
        f.note = u"median of %1 interleaved rounds of %2 messages each; Feedwatch checked every "
                 u"message and decoded %3 % (a new snapshot, the newest of its socket read)"_s
                     .arg(rounds)
                     .arg(count)
                     .arg(100 * decodedShare, 0, 'f', 1);
        f.detail = {
            {u"messages_per_round"_s, count},
            {u"frame_bytes"_s, frameBytes},
            {u"feedwatch_msgs_per_s"_s, rates(fw)},
            {u"bare_msgs_per_s"_s, rates(peer)},
            {u"sink_msgs_per_s"_s, rates(sinkRounds)},
            // Snapshots of one socket read are checked each, decoded as the newest only.
            {u"feedwatch_decoded_share"_s, decodedShare},
            {u"feedwatch_cpu_us_per_msg"_s,
             BenchStats::median(BenchStats::values(fw, &Round::cpuUsPerMsg))},
            {u"feedwatch_engine_thread_cpu_us_per_msg"_s,
             BenchStats::median(BenchStats::values(fw, &Round::engineCpuUsPerMsg))},
            {u"feedwatch_gui_thread_cpu_us_per_msg"_s,
             BenchStats::median(BenchStats::values(fw, &Round::guiCpuUsPerMsg))},
            {u"bare_cpu_us_per_msg"_s,
             BenchStats::median(BenchStats::values(peer, &Round::cpuUsPerMsg))},
            {u"server_cpu_us_per_msg"_s, serverCpu},
            {u"all_rounds_complete"_s, allOk},
        };
        figures.append(f);

        // CPU time is what a loaded machine does not blur: the whole process (both threads)
        // per message, against the bare client's in the same rounds. The ratio reads like the
        // throughput ratio: above 1, Feedwatch spends less per message.
        const QList<double> fwCpu = BenchStats::values(fw, &Round::cpuUsPerMsg);
        const QList<double> bareCpu = BenchStats::values(peer, &Round::cpuUsPerMsg);
        QList<double> cpuRatios;
        for (qsizetype r = 0; r < std::min(fwCpu.size(), bareCpu.size()); ++r) {
            if (fwCpu.at(r) > 0)
                cpuRatios.append(bareCpu.at(r) / fwCpu.at(r));
        }
        Figure cpu = Figure::make(u"ingest.%1.%2.cpu"_s.arg(sizeName, modeName),
                                  u"  CPU per message (ratio: bare / Feedwatch)"_s,
                                  BenchStats::median(fwCpu), u"µs"_s, rounds)
                         .withPeer(BenchStats::median(bareCpu), u"bare client, CPU per message"_s,
                                   BenchStats::median(cpuRatios))
                         .withSpread(cpuRatios);
        cpu.note =
            u"process CPU (all threads) per message; engine thread %1 µs, GUI thread %2 µs"_s
                .arg(BenchStats::median(BenchStats::values(fw, &Round::engineCpuUsPerMsg)), 0, 'f',
                     2)
                .arg(BenchStats::median(BenchStats::values(fw, &Round::guiCpuUsPerMsg)), 0, 'f', 2);
        figures.append(cpu);

        // The server is not the limit: it could send far more per CPU-second than the fastest
        // client read, and a client that does not parse reads far faster.
        Figure s = Figure::make(u"ingest.%1.%2.server"_s.arg(sizeName, modeName),
                                u"  server capacity (msg per server CPU-s)"_s, serverCapacity,
                                u"msg/s"_s, rounds)
                       .withPeer(std::max(fwRate, bareRate), u"the faster of the two clients"_s,
                                 serverCapacity / std::max(fwRate, bareRate))
                       .goalOnRatio(Figure::Op::AtLeast, 2.0);
        s.note = u"server CPU per message sent; sink (drains TCP only) read %1 msg/s"_s.arg(
            std::round(sinkRate));
        s.detail = {{u"sink_msgs_per_s"_s, sinkRate},
                    {u"sink_vs_faster_client"_s, s.peer > 0 ? sinkRate / s.peer : 0}};
        figures.append(s);
        std::fprintf(stderr,
                     "ingest %s %s: feedwatch %.0f, bare %.0f, sink %.0f msg/s, ratio %.2f "
                     "(%.2f-%.2f); CPU %.2f vs %.2f us/msg; decoded %.1f %% of messages\n",
                     qPrintable(sizeName), qPrintable(modeName), fwRate, bareRate, sinkRate,
                     f.ratio, f.spreadMin, f.spreadMax, cpu.value, cpu.peer, 100 * decodedShare);
    }
    return figures;
}

} // namespace IngestBench
