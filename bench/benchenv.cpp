#include "benchenv.h"

#include "benchdata.h"
#include "procstats.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace {
Config checked(const ConfigResult &result)
{
    if (!result.ok()) {
        std::fprintf(stderr, "feedwatch-bench: bad configuration: %s\n",
                     qPrintable(result.errors.join(u"; "_s)));
        std::exit(2);
    }
    return result.config;
}
} // namespace

namespace BenchEnv {

void spinFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

QList<double> cpuWindows(int count, int ms)
{
    QList<double> out;
    for (int i = 0; i < count; ++i) {
        const qint64 cpu0 = ProcStats::cpuUs();
        const qint64 t0 = ProcStats::monotonicNs();
        spinFor(ms);
        out.append(100.0 * double(ProcStats::cpuUs() - cpu0) / 1e6
                   / (double(ProcStats::monotonicNs() - t0) / 1e9));
    }
    return out;
}

QString threadShares(const QHash<QString, qint64> &before, const QHash<QString, qint64> &after,
                     qint64 wallNs)
{
    QList<std::pair<double, QString>> shares;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const double percent =
            100.0 * double(it.value() - before.value(it.key())) / 1e6 / (double(wallNs) / 1e9);
        if (it.key() != u"bench-guard"_s && percent >= 0.005)
            shares.append({percent, it.key()});
    }
    std::sort(shares.begin(), shares.end(), std::greater<>());
    QStringList parts;
    for (const auto &[percent, name] : shares)
        parts.append(u"%1 %2 %"_s.arg(name).arg(percent, 0, 'f', 2));
    return parts.join(u", "_s);
}

bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return done();
}

Config config(quint16 port, const QStringList &feeds, const QStringList &sets)
{
    ConfigOverrides overrides;
    overrides.server = u"ws://127.0.0.1:%1"_s.arg(port);
    overrides.feeds = feeds.isEmpty() ? BenchData::feeds() : feeds;
    overrides.sets = sets;
    return checked(ConfigLoader::fromJson({}, overrides));
}

Config multiBackendConfig(const QList<quint16> &ports, const QStringList &sets)
{
    QJsonObject backends;
    for (qsizetype i = 0; i < ports.size(); ++i) {
        backends.insert(u"b%1"_s.arg(i, 2, 10, QChar(u'0')),
                        QJsonObject {{u"server"_s, u"ws://127.0.0.1:%1"_s.arg(ports.at(i))}});
    }
    ConfigOverrides overrides;
    overrides.sets = sets;
    return checked(ConfigLoader::fromJson(
        {{u"backends"_s, backends}, {u"feeds"_s, QJsonArray::fromStringList(BenchData::feeds())}},
        overrides));
}

} // namespace BenchEnv
