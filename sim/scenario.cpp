#include "scenario.h"

#include "demoserver.h"
#include "feedsimulator.h"

#include <QFile>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
// "250ms", "5s", "1.5s", "2m" -> milliseconds; -1 when it is no duration.
qint64 parseDuration(const QString &text)
{
    static const QRegularExpression re(u"^(\\d+(?:\\.\\d+)?)(ms|s|m)$"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return -1;
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    const double factor = unit == u"ms"_s ? 1 : (unit == u"s"_s ? 1000 : 60000);
    return qint64(value * factor + 0.5);
}

// "1024", "64k", "17MiB" -> bytes; -1 when it is no size.
qint64 parseSize(const QString &text)
{
    static const QRegularExpression re(u"^(\\d+)(k|K|KiB|M|MiB)?$"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return -1;
    const QString unit = m.captured(2);
    const qint64 factor = unit.isEmpty() ? 1 : (unit.startsWith(u'M') ? 1024 * 1024 : 1024);
    return m.captured(1).toLongLong() * factor;
}

bool parseInt(const QString &text, int lo, int hi, int *out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < lo || value > hi)
        return false;
    *out = value;
    return true;
}
} // namespace

Scenario::Scenario(QObject *parent)
    : QObject(parent)
{ }

Scenario::~Scenario() = default;

bool Scenario::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        m_error = u"%1: %2"_s.arg(path, file.errorString());
        m_errorLine = 0;
        return false;
    }
    return parse(QString::fromUtf8(file.readAll()));
}

bool Scenario::parse(const QString &text)
{
    m_steps.clear();
    m_error.clear();
    m_errorLine = 0;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        line = line.simplified();
        if (line.isEmpty())
            continue;
        auto fail = [this, i](const QString &problem) {
            m_errorLine = i + 1;
            m_error = u"line %1: %2"_s.arg(i + 1).arg(problem);
            m_steps.clear();
            return false;
        };
        const QStringList words = line.split(u' ');
        if (words.first() != u"at"_s)
            return fail(u"expected 'at <time>' at the start, found '%1'"_s.arg(words.first()));
        if (words.size() < 3)
            return fail(u"expected 'at <time> <command>'"_s);
        const qint64 at = parseDuration(words.at(1));
        if (at < 0)
            return fail(u"'%1' is not a time (use e.g. 250ms, 5s, 1.5s, 2m)"_s.arg(words.at(1)));
        Step step;
        QString error;
        if (!parseCommand(words.mid(2).join(u' '), &step, &error))
            return fail(error);
        step.line = i + 1;
        step.atMs = at;
        m_steps.append(step);
    }
    std::stable_sort(m_steps.begin(), m_steps.end(),
                     [](const Step &a, const Step &b) { return a.atMs < b.atMs; });
    return true;
}

bool Scenario::parseCommand(const QString &command, Step *step, QString *error)
{
    QStringList words = command.simplified().split(u' ', Qt::SkipEmptyParts);
    auto fail = [error](const QString &problem) {
        *error = problem;
        return false;
    };
    if (words.isEmpty())
        return fail(u"missing command"_s);
    const QString verb = words.takeFirst();

    // A trailing "for <time>" applies to every switchable fault (and restart: downtime).
    qint64 duration = 0;
    if (words.size() >= 2 && words.at(words.size() - 2) == u"for"_s) {
        duration = parseDuration(words.last());
        if (duration <= 0)
            return fail(u"'%1' is not a duration (use e.g. 250ms, 5s)"_s.arg(words.last()));
        words.resize(words.size() - 2);
    }
    auto takeFeed = [&words, &fail](QString *feed) {
        if (words.isEmpty())
            return fail(u"missing feed (a feed id or 'all')"_s);
        const QString name = words.takeFirst();
        if (name == u"all"_s) {
            feed->clear();
            return true;
        }
        if (!FeedSimulator::isKnownTopic(name) && name != u"adw-state"_s) {
            return fail(u"unknown feed '%1' (known: all, %2, adw-state/<id>)"_s.arg(
                name, FeedSimulator::feedIds().join(u", "_s)));
        }
        *feed = name;
        return true;
    };

    if (verb == u"quit"_s) {
        step->action = Action::Quit;
        return words.isEmpty() ? true : fail(u"'quit' takes no arguments"_s);
    }
    if (verb == u"clear"_s) {
        if (words.isEmpty())
            return fail(u"'clear' needs a fault name or 'all'"_s);
        const QString what = words.takeFirst();
        if (what == u"all"_s) {
            step->action = Action::ClearAll;
        } else {
            step->action = Action::Clear;
            if (!Sim::faultFromKey(what, &step->fault)
                || !Sim::faultDescriptor(step->fault).switchable)
                return fail(u"'%1' is not a fault that can be cleared"_s.arg(what));
            if (!words.isEmpty() && !takeFeed(&step->feed))
                return false;
        }
        return words.isEmpty() ? true : fail(u"unexpected '%1'"_s.arg(words.join(u' ')));
    }

    Sim::Fault fault;
    if (!Sim::faultFromKey(verb, &fault))
        return fail(u"unknown command '%1'"_s.arg(verb));
    const Sim::FaultDescriptor descriptor = Sim::faultDescriptor(fault);
    step->action = Action::Set;
    step->fault = fault;
    Sim::FaultParams &p = step->params;
    if (duration > 0 && !descriptor.switchable && fault != Sim::Fault::Restart)
        return fail(u"'%1' happens once; 'for' does not apply"_s.arg(verb));
    p.durationMs = duration;
    if (descriptor.takesFeed && !takeFeed(&step->feed))
        return false;

    switch (fault) {
    case Sim::Fault::Latency:
        if (words.isEmpty() || !parseInt(words.takeFirst(), 0, 600000, &p.latencyMs))
            return fail(u"'latency' needs milliseconds, e.g. latency all 300 jitter 50"_s);
        if (!words.isEmpty() && words.first() == u"jitter"_s) {
            words.removeFirst();
            if (words.isEmpty() || !parseInt(words.takeFirst(), 0, 600000, &p.jitterMs))
                return fail(u"'jitter' needs milliseconds"_s);
        }
        break;
    case Sim::Fault::Bandwidth: {
        const qint64 rate = words.isEmpty() ? -1 : parseSize(words.takeFirst());
        if (rate <= 0)
            return fail(u"'bandwidth' needs bytes per second, e.g. bandwidth all 1024"_s);
        p.bytesPerSecond = rate;
        break;
    }
    case Sim::Fault::Refuse:
        if (words.isEmpty() || !parseInt(words.takeFirst(), 400, 599, &p.httpStatus))
            return fail(u"'refuse' needs an HTTP status 400-599, e.g. refuse all 403"_s);
        if (!words.isEmpty() && (words.first() == u"close"_s || words.first() == u"open"_s))
            p.keepOpen = words.takeFirst() == u"open"_s;
        break;
    case Sim::Fault::Close:
        if (words.isEmpty() || !parseInt(words.takeFirst(), 1000, 4999, &p.closeCode)
            || p.closeCode == 1005 || p.closeCode == 1006 || p.closeCode == 1015
            || (p.closeCode > 1015 && p.closeCode < 3000))
            return fail(u"'close' needs a close code that can be sent (1000-1014, 3000-4999)"_s);
        break;
    case Sim::Fault::Oversize:
        if (!words.isEmpty()) {
            p.sizeBytes = parseSize(words.takeFirst());
            if (p.sizeBytes <= 0)
                return fail(u"'oversize' takes a size in bytes, e.g. 17MiB or 65536"_s);
        }
        break;
    case Sim::Fault::Flood:
        if (words.isEmpty() || !parseInt(words.takeFirst(), 1, 10'000'000, &p.count))
            return fail(u"'flood' needs a message count, e.g. flood queue 1000"_s);
        break;
    default:
        break;
    }
    return words.isEmpty() ? true : fail(u"unexpected '%1'"_s.arg(words.join(u' ')));
}

void Scenario::run(DemoServer *server)
{
    stop();
    m_server = server;
    for (const Step &step : std::as_const(m_steps)) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, timer, step] {
            m_timers.removeAll(timer);
            timer->deleteLater();
            emit stepStarted(step.line);
            if (step.action == Action::Quit)
                emit quitRequested();
            else if (m_server)
                apply(m_server, step);
            if (m_timers.isEmpty())
                emit finished();
        });
        m_timers.append(timer);
        timer->start(std::chrono::milliseconds(step.atMs));
    }
    if (m_timers.isEmpty())
        QTimer::singleShot(0, this, &Scenario::finished);
}

void Scenario::stop()
{
    qDeleteAll(m_timers);
    m_timers.clear();
}

void Scenario::apply(DemoServer *server, const Step &step)
{
    switch (step.action) {
    case Action::Set:
        server->setFault(step.fault, step.feed, step.params);
        break;
    case Action::Clear:
        server->clearFault(step.fault, step.feed);
        break;
    case Action::ClearAll:
        server->clearAllFaults();
        break;
    case Action::Quit:
        break;
    }
}

QString Scenario::syntaxHelp()
{
    return uR"(Scenario language: one command per line, '#' starts a comment.
  at <time> <command>           time: 250ms, 5s, 1.5s, 2m (from scenario start)
FEED is 'all' or a feed id (queue, workflows, system-status, adw-monitor, routes,
workflow-history, planned-features, webhook-status, adw-state, adw-state/<id>).
Switches (on until cleared, or for the given time):
  freeze FEED [for T]           stop sending and reading; pings go unanswered
  latency FEED MS [jitter MS] [for T]
  bandwidth FEED BYTES_PER_S [for T]
  hang FEED [for T]             accept TCP, never answer the handshake
  refuse FEED STATUS [open|close] [for T]
                                HTTP STATUS instead of 101; TCP left open by default
  dropacks FEED [for T]         apply commands, never ack them
  clear FAULT [FEED] | clear all
One-shot actions:
  restart [for T]               close all (1001), listen again; T = downtime
  drop FEED                     abort TCP, no close frame (what browsers call 1006)
  close FEED CODE               close frame with CODE (1001, 1008, 1011, 1013, 4001, ...)
  malformed FEED | binary FEED  a broken JSON text message | a binary frame
  oversize FEED [BYTES]         a valid JSON message of BYTES (default 17MiB)
  flood FEED COUNT              COUNT snapshots as fast as possible
  quit                          stop the simulator
Example:
  at 2s latency all 300 jitter 50 for 10s
  at 5s freeze queue for 8s
  at 20s restart)"_s;
}
