#include "benchapplication.h"
#include "benchenv.h"
#include "procstats.h"
#include "report.h"
#include "sections.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSysInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>
#include <pthread.h>
#include <stdlib.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

// feedwatch-bench: runs every section in a process of its own (fresh RSS, no state carried
// over), each against its own feedwatch-bench-server process, then prints the table and
// writes bench-results.json. `--section NAME` is the child's entry point.
namespace {

struct Section
{
    QString name;
    std::function<QList<Figure>(const BenchOptions &)> run;
};

const QList<Section> &sections()
{
    static const QList<Section> all = {
        {u"ingest"_s, IngestBench::run},        {u"ui-lag"_s, UiLagBench::run},
        {u"dead-link"_s, DeadLinkBench::run},   {u"recovery"_s, RecoveryBench::run},
        {u"footprint"_s, FootprintBench::run},  {u"scale"_s, ScaleBench::run},
        {u"chart"_s, ChartBench::run},          {u"metrics"_s, MetricsBench::run},
        {u"scale-1000"_s, ScaleBench::run1000},
    };
    return all;
}

bool writeJson(const QString &path, const QJsonObject &object)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(QJsonDocument(object).toJson(QJsonDocument::Indented)) > 0 && file.flush();
}

// A section that floods the dashboard can make it grow without bound; on a shared machine that
// must end in a clear failure, not in the OOM killer picking someone else's compiler.
void startMemoryGuard(const QString &name, const QString &out)
{
    const qint64 limitMiB = qEnvironmentVariableIsSet("FEEDWATCH_BENCH_MAX_RSS_MB")
        ? qEnvironmentVariableIntValue("FEEDWATCH_BENCH_MAX_RSS_MB")
        : 2048;
    const QByteArray section = name.toUtf8();
    const QByteArray path = out.toUtf8();
    // Four polls a second of statm: reading VmRSS from status ten times a second was a third of
    // this process's CPU in the idle (hidden window) figures. Its CPU is not counted (cpuUs()).
    std::thread([limitMiB, section, path] {
        pthread_setname_np(pthread_self(), "bench-guard");
        while (true) {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            const qint64 rssMiB = ProcStats::residentKbFast() / 1024;
            ProcStats::setInstrumentCpuNs(ProcStats::threadCpuNs());
            if (rssMiB <= limitMiB)
                continue;
            QByteArray id = section;
            id.replace('-', '_');
            const QByteArray json = "{\"section\":\"" + section + "\",\"figures\":[{\"id\":\"" + id
                + ".aborted\",\"figure\":\"" + section + ": aborted at "
                + QByteArray::number(rssMiB) + " MiB RSS\",\"value\":" + QByteArray::number(rssMiB)
                + ",\"unit\":\"MiB\",\"failed\":true,\"status\":\"miss\"}]}";
            if (FILE *f = std::fopen(path.constData(), "w")) {
                std::fwrite(json.constData(), 1, size_t(json.size()), f);
                std::fclose(f);
            }
            std::fprintf(stderr,
                         "feedwatch-bench: %s: RSS %lld MiB over the %lld MiB guard; "
                         "aborting the section\n",
                         section.constData(), rssMiB, limitMiB);
            _exit(3);
        }
    }).detach();
}

int runChild(const QString &name, const BenchOptions &options, const QString &out)
{
    startMemoryGuard(name, out);
    for (const Section &s : sections()) {
        if (s.name != name)
            continue;
        QJsonArray rows;
        for (Figure f : s.run(options)) {
            // Tiny counts measure nothing: the smoke checks that the sections run, not speed.
            if (options.quick && !f.failed)
                f.goalOn = Figure::GoalOn::None;
            rows.append(f.toJson());
        }
        if (!writeJson(out, {{u"section"_s, name}, {u"figures"_s, rows}})) {
            std::fprintf(stderr, "feedwatch-bench: cannot write %s\n", qPrintable(out));
            return 1;
        }
        return rows.isEmpty() ? 1 : 0;
    }
    std::fprintf(stderr, "feedwatch-bench: no section \"%s\"\n", qPrintable(name));
    return 2;
}

} // namespace

// Qt's offscreen platform warns about window hints it cannot apply, once per window; it says
// nothing about the figures and buries the progress lines.
QtMessageHandler g_nextHandler = nullptr;

void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains("propagateSizeHints"_L1))
        return;
    if (g_nextHandler)
        g_nextHandler(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // A private runtime directory (sections inherit it), instead of a warning per process.
    QByteArray runtimeDir;
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        char pattern[] = "/tmp/feedwatch-bench-XXXXXX";
        if (mkdtemp(pattern)) {
            runtimeDir = pattern;
            qputenv("XDG_RUNTIME_DIR", runtimeDir);
        }
    }
    g_nextHandler = qInstallMessageHandler(quietHandler);
    BenchApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"feedwatch-bench"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Feedwatch benchmarks: prints a table of figures against their goals and writes "
        "bench-results.json. Build with scripts/bench.sh (Release, build-bench/)."_s);
    parser.addHelpOption();
    const QCommandLineOption quick(u"quick"_s, u"Tiny counts: checks every section still runs."_s);
    const QCommandLineOption longRun(u"long"_s, u"Also measure RSS after 10 minutes."_s);
    const QCommandLineOption runs(u"runs"_s, u"Rounds per ingest figure (default 9)."_s, u"n"_s,
                                  u"9"_s);
    const QCommandLineOption only(u"sections"_s,
                                  u"Comma-separated subset of: ingest, ui-lag, "
                                  "dead-link, recovery, footprint, scale, chart."_s,
                                  u"list"_s);
    const QCommandLineOption out(u"out"_s, u"Where to write the JSON."_s, u"file"_s,
                                 u"bench-results.json"_s);
    const QCommandLineOption markdown(u"markdown"_s, u"Also write the table as Markdown."_s,
                                      u"file"_s);
    const QCommandLineOption child(u"section"_s, u"Run one section in this process (internal)."_s,
                                   u"name"_s);
    const QCommandLineOption ingestCase(
        u"ingest-case"_s,
        u"Only this ingest case (1k-changing, 64k-identical, ...), for profiling."_s, u"case"_s);
    const QCommandLineOption ingestCount(
        u"ingest-count"_s, u"Messages per ingest round instead of ~1 s worth."_s, u"n"_s);
    const QCommandLineOption scaleBackends(
        u"scale-backends"_s, u"Backends of the scale section (default 60)."_s, u"n"_s, u"60"_s);
    parser.addOptions(
        {quick, longRun, runs, only, out, markdown, child, ingestCase, ingestCount, scaleBackends});
    parser.process(app);

    BenchOptions options;
    options.quick = parser.isSet(quick);
    options.longRun = parser.isSet(longRun);
    options.runs = std::max(1, parser.value(runs).toInt());
    options.ingestCase = parser.value(ingestCase);
    options.ingestCount = parser.value(ingestCount).toInt();
    options.scaleBackends = std::max(1, parser.value(scaleBackends).toInt());
    if (parser.isSet(child))
        return runChild(parser.value(child), options, parser.value(out));
    const auto removeRuntimeDir = qScopeGuard([&] {
        if (!runtimeDir.isEmpty())
            QDir(QString::fromLocal8Bit(runtimeDir)).removeRecursively();
    });

    QStringList wanted;
    for (const Section &s : sections())
        wanted << s.name;
    if (parser.isSet(only))
        wanted = parser.value(only).split(u',', Qt::SkipEmptyParts);

    QTemporaryDir scratch;
    QList<Figure> figures;
    QJsonArray failures;
    const double loadBefore = ProcStats::loadAverage();
    const qint64 t0 = ProcStats::monotonicNs();
    for (const QString &name : std::as_const(wanted)) {
        const QString file = scratch.filePath(name + u".json"_s);
        QStringList args = {u"--section"_s, name,        u"--out"_s,
                            file,           u"--runs"_s, QString::number(options.runs)};
        if (options.quick)
            args << u"--quick"_s;
        if (options.longRun)
            args << u"--long"_s;
        if (!options.ingestCase.isEmpty())
            args << u"--ingest-case"_s << options.ingestCase;
        if (options.ingestCount > 0)
            args << u"--ingest-count"_s << QString::number(options.ingestCount);
        args << u"--scale-backends"_s << QString::number(options.scaleBackends);
        QProcess section;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, scratch.filePath(u"config"_s)); // never the user's
        section.setProcessEnvironment(env);
        section.setProcessChannelMode(QProcess::ForwardedChannels);
        std::fprintf(stderr, "feedwatch-bench: %s...\n", qPrintable(name));
        const qint64 s0 = ProcStats::monotonicNs();
        section.start(QCoreApplication::applicationFilePath(), args);
        const bool finished = section.waitForFinished(options.longRun ? 30 * 60000 : 15 * 60000);
        const double seconds = double(ProcStats::monotonicNs() - s0) / 1e9;
        QFile result(file);
        QJsonParseError error {};
        const QJsonDocument doc = result.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(result.readAll(), &error)
            : QJsonDocument();
        if (!finished || section.exitCode() != 0 || !doc.isObject()) {
            std::fprintf(stderr, "feedwatch-bench: section %s failed (exit %d)\n", qPrintable(name),
                         section.exitCode());
            failures.append(name);
            if (!finished)
                section.kill();
        }
        for (const QJsonValue &v : doc.object().value("figures"_L1).toArray())
            figures.append(Figure::fromJson(v.toObject()));
        std::fprintf(stderr, "feedwatch-bench: %s done in %.0f s\n", qPrintable(name), seconds);
    }

    std::printf("\n");
    Report::printTable(figures, stdout);
    const QJsonObject run {
        {u"date"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {u"mode"_s,
         options.quick         ? u"quick"_s
             : options.longRun ? u"long"_s
                               : u"default"_s},
        {u"runs"_s, options.runs},
        {u"sections"_s, QJsonArray::fromStringList(wanted)},
        {u"failed_sections"_s, failures},
        {u"seconds"_s, double(ProcStats::monotonicNs() - t0) / 1e9},
        {u"cpus"_s, int(sysconf(_SC_NPROCESSORS_ONLN))},
        {u"load_average_before"_s, loadBefore},
        {u"load_average_after"_s, ProcStats::loadAverage()},
        {u"qt"_s, QString::fromLatin1(qVersion())},
        {u"build_type"_s, QStringLiteral(FEEDWATCH_BENCH_BUILD_TYPE)},
        {u"kernel"_s, QSysInfo::kernelVersion()},
    };
    const QString path = parser.value(out);
    if (!writeJson(path, Report::document(figures, run))) {
        std::fprintf(stderr, "feedwatch-bench: cannot write %s\n", qPrintable(path));
        return 1;
    }
    if (parser.isSet(markdown)) {
        QFile md(parser.value(markdown));
        if (!md.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || md.write(Report::markdownTable(figures).toUtf8()) < 0) {
            std::fprintf(stderr, "feedwatch-bench: cannot write %s\n",
                         qPrintable(parser.value(markdown)));
            return 1;
        }
    }
    std::printf("\n%lld figures (%s build, load average %.1f -> %.1f on %d CPUs); written to %s\n",
                qlonglong(figures.size()), FEEDWATCH_BENCH_BUILD_TYPE, loadBefore,
                ProcStats::loadAverage(), int(sysconf(_SC_NPROCESSORS_ONLN)),
                qPrintable(QFileInfo(path).absoluteFilePath()));
    return failures.isEmpty() ? 0 : 1;
}
