// One alert channel: a data alert of a rule takes the path of the link alerts (EngineServices:
// the event stream, the history in the SQLite file, the hub's notifier) and reaches alerts.exec
// as one JSON line on a real child process's standard input.
#include "config/config.h"
#include "core/clock.h"
#include "dashboard/engineservices.h"
#include "dashboard/notifier.h"
#include "history/historystore.h"
#include "rules/alertexec.h"
#include "rules/ruleengine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

Config configWith(const QJsonObject &extra = {})
{
    ConfigOverrides o;
    o.server = u"ws://127.0.0.1:1"_s;
    const ConfigResult result = ConfigLoader::fromJson(extra, o);
    if (!result.errors.isEmpty())
        qWarning() << result.errors;
    return result.config;
}

QJsonObject queueWith(const QString &status)
{
    return {{u"phases"_s,
             QJsonArray {QJsonObject {{u"queue_id"_s, u"q1"_s},
                                      {u"status"_s, status},
                                      {u"phase_data"_s, QJsonObject {{u"title"_s, u"Phase 1"_s}}},
                                      {u"error_message"_s, u"boom"_s}}}},
            {u"paused"_s, false},
            {u"total"_s, 1}};
}

QList<FeedEvent> alertsOf(const QSignalSpy &spy)
{
    QList<FeedEvent> out;
    for (const QList<QVariant> &args : spy) {
        const FeedEvent e = args.first().value<FeedEvent>();
        if (e.event == "alert"_L1)
            out << e;
    }
    return out;
}

} // namespace

class tst_AlertChannel : public QObject
{
    Q_OBJECT

private slots:
    void ruleAlertsTakeTheLinkAlertsPath();
    void execGetsOneJsonLinePerAlert();
    void execFailuresAreReportedNotWaitedFor();
    void configReadsAlertsExec();
};

void tst_AlertChannel::ruleAlertsTakeTheLinkAlertsPath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"feedwatch.sqlite"_s);
    ManualClock clock;
    {
        EngineServices services(&clock);
        services.open(path, Settings());
        QSignalSpy events(&services, &EngineServices::eventRaised);
        QSignalSpy ruleAlerts(&services, &EngineServices::ruleAlertRaised);
        QSignalSpy statuses(&services, &EngineServices::ruleStatusesChanged);
        services.rules()->setConfig(configWith());
        Notifier notifier(&clock);
        QSignalSpy notified(&notifier, &Notifier::notify);
        connect(&services, &EngineServices::ruleAlertRaised, &notifier, &Notifier::ruleAlert);

        services.rules()->observeSnapshot(u"queue"_s, {}, queueWith(u"failed"_s));
        services.rules()->observeSnapshot(u"queue"_s, {}, queueWith(u"failed"_s));
        QCOMPARE(alertsOf(events).size(), 1);
        QCOMPARE(ruleAlerts.size(), 1);
        QVERIFY(!statuses.isEmpty());
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notified.first().at(0).toString(), u"Queue phase failed"_s);
        QCOMPARE(notified.first().at(1).toString(), u"Phase 1 failed: boom"_s);
        QCOMPARE(notified.first().at(2).toBool(), true);

        // Silenced rule: the event and the history still have it, the desktop does not.
        services.silenceRule(u"phase-failed"_s, u"queue"_s, clock.wallMs() + 3600'000);
        services.rules()->observeSnapshot(u"queue"_s, {}, queueWith(u"completed"_s));
        QCOMPARE(alertsOf(events).size(), 2);
        QCOMPARE(alertsOf(events).last().fields.value("state"_L1).toString(), u"resolved"_s);
        QCOMPARE(notified.size(), 1);
        services.close();
    }
    // The history in the file holds both, as it holds link alerts.
    HistoryStore history;
    QString error;
    QVERIFY(history.open(path, &error));
    int rule = 0;
    for (const FeedEvent &e : history.load())
        rule += e.event == "alert"_L1 && e.fields.value("alert"_L1).toString() == "rule"_L1;
    QCOMPARE(rule, 2);
}

void tst_AlertChannel::execGetsOneJsonLinePerAlert()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"alerts.jsonl"_s);
    AlertExec exec;
    QSignalSpy failures(&exec, &AlertExec::eventRaised);
    // A real child process: appends what it reads to a file.
    exec.setCommand({u"/bin/sh"_s, u"-c"_s, u"cat >> \"$0\""_s, out}, 5000);
    for (int i = 0; i < 6; ++i)
        exec.deliver(
            {1000 + i,
             u"queue"_s,
             u"alert"_s,
             {{u"alert"_s, u"rule"_s}, {u"rule"_s, u"r"_s}, {u"key"_s, QString::number(i)}}});
    // Never more than maxRunning at once; the rest waits its turn.
    QVERIFY(exec.running() <= AlertExec::maxRunning);
    QTRY_COMPARE_WITH_TIMEOUT(exec.running(), 0, 20000);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 6);
    QSet<QString> keys;
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value("event"_L1).toString(), u"alert"_s);
        keys.insert(o.value("key"_L1).toString());
    }
    QCOMPARE(keys.size(), 6);
    QCOMPARE(failures.size(), 0);
}

void tst_AlertChannel::execFailuresAreReportedNotWaitedFor()
{
    AlertExec exec;
    QSignalSpy failures(&exec, &AlertExec::eventRaised);
    const FeedEvent alert {1, u"queue"_s, u"alert"_s, {{u"alert"_s, u"rule"_s}}};

    exec.setCommand({u"/nonexistent/notify-chat"_s}, 5000);
    exec.deliver(alert);
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, 10000);
    QVERIFY(failures.last()
                .first()
                .value<FeedEvent>()
                .fields.value("error"_L1)
                .toString()
                .contains(u"could not start"_s));

    exec.setCommand({u"/bin/sh"_s, u"-c"_s, u"echo 'no route to chat' >&2; exit 3"_s}, 5000);
    exec.deliver(alert);
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 2, 10000);
    QCOMPARE(failures.last().first().value<FeedEvent>().fields.value("error"_L1).toString(),
             u"exited with 3: no route to chat"_s);

    // A command that hangs: delivering returns at once, the command is killed at its timeout.
    exec.setCommand({u"/bin/sleep"_s, u"60"_s}, 300);
    QElapsedTimer took;
    took.start();
    exec.deliver(alert);
    QVERIFY(took.elapsed() < 1000);
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 3, 10000);
    QCOMPARE(failures.last().first().value<FeedEvent>().fields.value("error"_L1).toString(),
             u"timed out after 300 ms; killed"_s);
    QCOMPARE(failures.last().first().value<FeedEvent>().event, u"alert_exec"_s);
    QTRY_COMPARE_WITH_TIMEOUT(exec.running(), 0, 10000);
}

void tst_AlertChannel::configReadsAlertsExec()
{
    Config c = configWith({{u"alerts"_s,
                            QJsonObject {{u"exec"_s, u"notify-chat --room \"on call\""_s},
                                         {u"exec_timeout_ms"_s, 2000}}}});
    QCOMPARE(c.alertsExec, (QStringList {u"notify-chat"_s, u"--room"_s, u"on call"_s}));
    QCOMPARE(c.alertsExecTimeoutMs, 2000);
    ConfigOverrides o;
    o.server = u"ws://127.0.0.1:1"_s;
    o.sets = {u"alerts.exec=/usr/local/bin/page-me"_s};
    ConfigResult r = ConfigLoader::fromJson({}, o);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.config.alertsExec, QStringList {u"/usr/local/bin/page-me"_s});
    o.sets.clear();
    r = ConfigLoader::fromJson({{u"alerts"_s, QJsonObject {{u"exec"_s, 3}, {u"exe"_s, u"x"_s}}}},
                               o);
    QVERIFY2(r.errors.size() == 2, qPrintable(r.errors.join(u"\n"_s)));
    QVERIFY(r.errors.join(u'\n').contains(u"alerts.exe: "_s));
    QVERIFY(r.errors.join(u'\n').contains(u"alerts.exec: "_s));

    // The timed link alerts: defaults, values, 0 for off, a bad value named.
    QCOMPARE(configWith({}).alertsReminderMs, 15 * 60 * 1000);
    QCOMPARE(configWith({}).alertsQualityMs, 5 * 60 * 1000);
    c = configWith({{u"alerts"_s, QJsonObject {{u"reminder_ms"_s, 0}, {u"quality_ms"_s, 600000}}}});
    QCOMPARE(c.alertsReminderMs, 0);
    QCOMPARE(c.alertsQualityMs, 600000);
    o.sets = {u"alerts.reminder_ms=3600000"_s};
    r = ConfigLoader::fromJson({}, o);
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.config.alertsReminderMs, 3600000);
    o.sets = {u"alerts.quality_ms=soon"_s};
    r = ConfigLoader::fromJson({}, o);
    QCOMPARE(r.errors, QStringList {u"--set alerts.quality_ms: 'soon' is not a number"_s});
    o.sets.clear();
    r = ConfigLoader::fromJson({{u"alerts"_s, QJsonObject {{u"reminder_ms"_s, 50}}}}, o);
    QCOMPARE(
        r.errors,
        QStringList {u"alerts.reminder_ms: expected 0 (off) or a number from 1000 to 86400000"_s});
    QCOMPARE(r.config.alertsReminderMs, 15 * 60 * 1000); // the default kept
}

QTEST_GUILESS_MAIN(tst_AlertChannel)
#include "tst_alertchannel.moc"
