// Operator actions over a backend's HTTP API, against a real FastAPI + uvicorn peer
// (tests/peers/tacweb_actions_peer.py: the tac-webbuilder actions, FastAPI's own errors, and
// Idempotency-Key honoured). Every action is applied exactly once across lost answers and across a
// SIGKILL of Feedwatch; a 4xx is final and its `detail` is what the operator reads; a 5xx and no
// answer are retried with backoff under the same key. Skips, naming the Debian packages, when
// /usr/bin/python3 cannot import fastapi and uvicorn.

#include "commands/actioncatalog.h"
#include "commands/commandjournal.h"
#include "commands/commandqueue.h"
#include "connection/feedengine.h"
#include "demoserver.h"
#include "faultmatrix.h"
#include "httpstub.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using FaultMatrix::spinUntil;

namespace {

// The peer process; it prints "PORT <n>" once it listens.
class Peer final
{
public:
    explicit Peer(const QString &script)
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { m_out += m_process.readAllStandardOutput(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { m_err += m_process.readAllStandardError(); });
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
        m_process.setProcessEnvironment(env);
        m_process.start(u"/usr/bin/python3"_s, {script, u"--port"_s, u"0"_s});
        if (!m_process.waitForStarted(5000))
            return;
        spinUntil(
            [this] { return m_out.contains('\n') || m_process.state() == QProcess::NotRunning; },
            20000);
        const QByteArray line = m_out.left(m_out.indexOf('\n')).trimmed();
        m_port = line.startsWith("PORT ") ? quint16(line.mid(5).toUInt()) : 0;
    }
    ~Peer()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    quint16 port() const { return m_port; }
    QString output() const { return QString::fromUtf8(m_out + m_err); }
    QUrl server() const { return QUrl(u"ws://127.0.0.1:%1"_s.arg(m_port)); }

    // The test controls, over HTTP with the event loop running (the peer is another process,
    // but the engine under test shares this thread).
    QJsonValue call(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = m_network.sendCustomRequest(
            request, method, method == "GET" ? QByteArray() : QJsonDocument(body).toJson());
        spinUntil([reply] { return reply->isFinished(); }, 10000);
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        reply->deleteLater();
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    void fault(const QString &kind, int count, int status = 503)
    {
        call("POST", u"/test/%1-next"_s.arg(kind), {{u"count"_s, count}, {u"status"_s, status}});
    }
    QJsonArray log() { return call("GET", u"/test/log"_s).toArray(); }
    QJsonObject state() { return call("GET", u"/test/state"_s).toObject(); }
    // Requests the peer got for `key`: {applied, replayed, total}.
    struct Count
    {
        int applied = 0;
        int replayed = 0;
        int total = 0;
    };
    Count count(const QString &key)
    {
        Count c;
        for (const QJsonValue &e : log()) {
            const QJsonObject o = e.toObject();
            if (o.value("key"_L1).toString() != key)
                continue;
            ++c.total;
            c.applied += o.value("applied"_L1).toBool();
            c.replayed += o.value("replayed"_L1).toBool();
        }
        return c;
    }

private:
    QProcess m_process;
    QNetworkAccessManager m_network;
    QByteArray m_out;
    QByteArray m_err;
    quint16 m_port = 0;
};

QString peerMissing()
{
    QProcess check;
    check.start(u"/usr/bin/python3"_s, {u"-c"_s, u"import fastapi, uvicorn"_s});
    if (!check.waitForFinished(20000) || check.exitStatus() != QProcess::NormalExit
        || check.exitCode() != 0)
        return u"/usr/bin/python3 cannot import fastapi, uvicorn (Debian packages "
               "python3-fastapi python3-uvicorn)"_s;
    return {};
}

Config configFor(const QUrl &server, const QStringList &extraSets = {})
{
    ConfigOverrides o;
    o.server = server.toString();
    o.sets = QStringList {u"backoff.initial_ms=50"_s,   u"backoff.max_ms=400"_s,
                          u"backoff.jitter=0"_s,        u"commands.ack_timeout_ms=5000"_s,
                          u"commands.max_attempts=5"_s, u"stagger.step_ms=0"_s}
        + extraSets;
    ConfigResult r = ConfigLoader::fromJson({}, o);
    if (!r.ok())
        qFatal("%s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}

struct Node
{
    Node(const Config &config, CommandJournal *journal)
        : engine(config)
        , queue(&engine, journal, config.settings)
    { }
    // The action on `context`, as the window submits it; its id.
    QString submit(const QString &name, const QJsonObject &context)
    {
        const CommandAction *action = ActionCatalog::builtIn().find(name);
        if (!action)
            qFatal("no action %s", qPrintable(name));
        CommandRequest request;
        QJsonObject args;
        QString error;
        if (!action->fill(context, &request, &args, &error))
            qFatal("%s", qPrintable(error));
        return queue.submit(action->feed, action->name, args, {}, request);
    }
    FeedEngine engine; // never started: HTTP actions need no socket
    CommandQueue queue;
};

QJsonObject phase(const QJsonObject &state, const QString &queueId)
{
    for (const QJsonValue &p : state.value("queue"_L1).toObject().value("phases"_L1).toArray()) {
        if (p.toObject().value("queue_id"_L1).toString() == queueId)
            return p.toObject();
    }
    return {};
}

} // namespace

class tst_HttpCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyActionAppliedOnceAcrossLostAnswers();
    void refusalsAreFinalAndShowTheDetail();
    void serverErrorsAreRetriedWithBackoffUnderTheSameKey();
    void noAnswerAndNoServer();
    void oneRequestAtATimePerFeedInOrder();
    void sigkillOfFeedwatchThenRecoveryAppliesOnce();
    void everyActionAgainstTheDemoOnceAcrossLostAnswers();

private:
    QString m_script;
    QString m_missing;
    QTemporaryDir m_dir;
};

void tst_HttpCommands::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_script = m_dir.filePath(u"tacweb_actions_peer.py"_s);
    QVERIFY(QFile::copy(u":/peers/tacweb_actions_peer.py"_s, m_script));
    m_missing = peerMissing();
}

void tst_HttpCommands::everyActionAppliedOnceAcrossLostAnswers()
{
    if (!m_missing.isEmpty())
        QSKIP(qPrintable(m_missing));
    Peer peer(m_script);
    QVERIFY2(peer.port(), qPrintable(peer.output()));
    QTemporaryDir dir;
    CommandJournal journal;
    QString error;
    QVERIFY(journal.open(dir.filePath(u"journal.sqlite"_s), &error));
    Node node(configFor(peer.server()), &journal);

    QJsonObject state = peer.state();
    const QJsonArray workflows =
        state.value("adw-monitor"_L1).toObject().value("workflows"_L1).toArray();
    // Each action on what the feed shows, as the window would submit it. The answer to every
    // first attempt is lost: the peer applies it, then drops the connection.
    const QList<std::pair<QString, QJsonObject>> steps = {
        {u"queue.pause"_s, state.value("queue"_L1).toObject()},
        {u"queue.resume"_s, {{u"paused"_s, true}}},
        {u"queue.execute"_s, phase(state, u"q-ready"_s)},
        {u"queue.remove"_s, phase(state, u"q-failed"_s)},
        {u"workflow.resume"_s, workflows.at(1).toObject()},
        {u"webhook.start"_s, state.value("webhook-status"_L1).toObject()},
        {u"history.resync"_s, state.value("workflow-history"_L1).toObject()},
    };
    QStringList ids;
    for (const auto &[name, context] : steps) {
        peer.fault(u"drop"_s, 1);
        const QString id = node.submit(name, context);
        ids << id;
        QTRY_COMPARE_WITH_TIMEOUT(node.queue.command(id).status, Command::Status::Acked, 10000);
        const CommandRecord done = node.queue.command(id);
        QCOMPARE(done.attempts, 2);
        QCOMPARE(done.ackTimeouts, 1); // the lost answer counts; the replayed one is the answer
        QCOMPARE(done.httpStatus, 200);
        const Peer::Count count = peer.count(id); // the Idempotency-Key is the command id
        QCOMPARE(count.total, 2);
        QCOMPARE(count.applied, 1);
        QCOMPARE(count.replayed, 1);
    }
    state = peer.state();
    QCOMPARE(state.value("queue"_L1).toObject().value("paused"_L1).toBool(), false);
    QCOMPARE(phase(state, u"q-ready"_s).value("status"_L1).toString(), u"running"_s);
    QVERIFY(phase(state, u"q-failed"_s).isEmpty());
    QCOMPARE(state.value("webhook-status"_L1).toObject().value("status"_L1).toString(),
             u"healthy"_s);
    QCOMPARE(state.value("workflow-history"_L1)
                 .toObject()
                 .value("analytics"_L1)
                 .toObject()
                 .value("resyncs"_L1)
                 .toInt(),
             1);
    // The journal agrees: all done, with their requests.
    const QList<CommandRecord> journaled = journal.load();
    QCOMPARE(journaled.size(), steps.size());
    for (const CommandRecord &r : journaled) {
        QCOMPARE(r.status, Command::Status::Acked);
        QVERIFY(r.request.isHttp());
    }
    QCOMPARE(journaled.at(2).request.summary(), u"POST /api/v1/queue/q-ready/execute"_s);
}

void tst_HttpCommands::refusalsAreFinalAndShowTheDetail()
{
    if (!m_missing.isEmpty())
        QSKIP(qPrintable(m_missing));
    Peer peer(m_script);
    QVERIFY2(peer.port(), qPrintable(peer.output()));
    Node node(configFor(peer.server()), nullptr);
    const QJsonObject state = peer.state();

    // The server's own rule: only a ready phase runs. 400, its detail, no second attempt.
    const QString queued = node.submit(u"queue.execute"_s, phase(state, u"q-queued"_s));
    QTRY_COMPARE(node.queue.command(queued).status, Command::Status::Failed);
    CommandRecord r = node.queue.command(queued);
    QCOMPARE(r.error, u"HTTP 400: Phase must be 'ready' to execute (current status: queued)"_s);
    QVERIFY(r.refused);
    QCOMPARE(r.attempts, 1);
    QCOMPARE(r.httpStatus, 400);
    QCOMPARE(peer.count(queued).total, 1);
    // A refused command applied nothing: its retry is a new request under a new key.
    const QString again = node.queue.retry(queued);
    QVERIFY(!again.isEmpty() && again != queued);
    QTRY_COMPARE(node.queue.command(again).status, Command::Status::Failed);
    QCOMPARE(peer.count(again).total, 1);

    const QString unknown = node.submit(u"workflow.resume"_s,
                                        {{u"adw_id"_s, u"nope1234"_s}, {u"status"_s, u"paused"_s}});
    QTRY_COMPARE(node.queue.command(unknown).status, Command::Status::Failed);
    QCOMPARE(node.queue.command(unknown).error, u"HTTP 404: ADW directory not found: nope1234"_s);

    // FastAPI's validation errors are a list; they read as "where: what".
    CommandRequest broken;
    broken.method = u"POST"_s;
    broken.path = u"/api/v1/queue/config/pause"_s;
    broken.body = QJsonObject {{u"pause"_s, true}};
    const QString invalid = node.queue.submit(u"queue"_s, u"queue.pause"_s, {}, {}, broken);
    QTRY_COMPARE(node.queue.command(invalid).status, Command::Status::Failed);
    QCOMPARE(node.queue.command(invalid).error, u"HTTP 422: body.paused: field required"_s);
}

void tst_HttpCommands::serverErrorsAreRetriedWithBackoffUnderTheSameKey()
{
    if (!m_missing.isEmpty())
        QSKIP(qPrintable(m_missing));
    Peer peer(m_script);
    QVERIFY2(peer.port(), qPrintable(peer.output()));
    Node node(configFor(peer.server(), {u"commands.max_attempts=3"_s}), nullptr);
    QList<qint64> sentAt;
    QElapsedTimer clock;
    clock.start();
    connect(&node.queue, &CommandQueue::commandChanged, this, [&](const CommandRecord &r) {
        if (r.status == Command::Status::Sent)
            sentAt << clock.elapsed();
    });

    peer.fault(u"fail"_s, 2, 503);
    const QString id = node.submit(u"history.resync"_s, {});
    QTRY_COMPARE(node.queue.command(id).status, Command::Status::Acked);
    QCOMPARE(node.queue.command(id).attempts, 3);
    QCOMPARE(node.queue.command(id).ackTimeouts, 2);
    QCOMPARE(peer.count(id).total, 3);
    QCOMPARE(peer.count(id).applied, 1);
    QCOMPARE(sentAt.size(), 3);
    // backoff.initial_ms 50, multiplier 2, no jitter: 50 ms, then 100 ms.
    QVERIFY2(sentAt.at(1) - sentAt.at(0) >= 50,
             qPrintable(QString::number(sentAt.at(1) - sentAt.at(0))));
    QVERIFY2(sentAt.at(2) - sentAt.at(1) >= 100,
             qPrintable(QString::number(sentAt.at(2) - sentAt.at(1))));

    // Out of attempts: failed, with the last answer and the caveat.
    peer.fault(u"fail"_s, 5, 502);
    const QString failing = node.submit(u"history.resync"_s, {});
    QTRY_COMPARE(node.queue.command(failing).status, Command::Status::Failed);
    const CommandRecord failed = node.queue.command(failing);
    QCOMPARE(failed.attempts, 3);
    QVERIFY(!failed.refused);
    QVERIFY2(failed.error.startsWith(u"no success after 3 attempts (commands.max_attempts); last: "
                                     "HTTP 502: Service temporarily unavailable"_s),
             qPrintable(failed.error));
    QCOMPARE(peer.count(failing).applied, 0);
    // Retry keeps the key: the server may have applied it.
    QCOMPARE(node.queue.retry(failing), failing);
    QTRY_COMPARE(node.queue.command(failing).status, Command::Status::Acked);
    QCOMPARE(peer.count(failing).applied, 1);
}

void tst_HttpCommands::noAnswerAndNoServer()
{
    // An HTTP server that reads the request and never answers: each attempt ends at
    // commands.ack_timeout_ms and counts.
    HttpStub silent(0);
    QVERIFY(silent.isListening());
    const QUrl server(u"ws://127.0.0.1:%1"_s.arg(silent.url().port()));
    Node node(configFor(server, {u"commands.ack_timeout_ms=300"_s, u"commands.max_attempts=2"_s}),
              nullptr);
    QElapsedTimer clock;
    clock.start();
    const QString id = node.submit(u"queue.pause"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(node.queue.command(id).status, Command::Status::Failed, 5000);
    QVERIFY(clock.elapsed() >= 2 * 300 + 50);
    const CommandRecord r = node.queue.command(id);
    QCOMPARE(r.attempts, 2);
    QVERIFY2(r.error.contains(u"no answer within 300 ms (commands.ack_timeout_ms)"_s),
             qPrintable(r.error));
    QCOMPARE(silent.heads().size(), 2);
    QVERIFY(silent.heads().first().contains("Idempotency-Key: " + id.toUtf8()));

    // Nobody listens: nothing left, nothing counts; the time to live ends it as undelivered.
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 dead = reserve.serverPort();
    reserve.close();
    Node lonely(configFor(QUrl(u"ws://127.0.0.1:%1"_s.arg(dead)), {u"commands.ttl_ms=600"_s}),
                nullptr);
    const QString lost = lonely.submit(u"queue.pause"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(lonely.queue.command(lost).status, Command::Status::Expired, 5000);
    const CommandRecord expired = lonely.queue.command(lost);
    QVERIFY(expired.attempts >= 2);
    QCOMPARE(expired.ackTimeouts, 0);
    QVERIFY2(expired.error.startsWith(u"not delivered within 600 ms"_s), qPrintable(expired.error));
}

void tst_HttpCommands::oneRequestAtATimePerFeedInOrder()
{
    if (!m_missing.isEmpty())
        QSKIP(qPrintable(m_missing));
    Peer peer(m_script);
    QVERIFY2(peer.port(), qPrintable(peer.output()));
    Node node(configFor(peer.server()), nullptr);
    // The pause fails twice before it goes through; the resume asked after it must not overtake
    // it, or the queue would end paused against the operator's last word.
    peer.fault(u"fail"_s, 2, 503);
    const QString pause = node.submit(u"queue.pause"_s, {});
    const QString resume = node.submit(u"queue.resume"_s, {{u"paused"_s, true}});
    QTRY_COMPARE(node.queue.command(resume).status, Command::Status::Acked);
    QCOMPARE(node.queue.command(pause).status, Command::Status::Acked);
    QStringList order;
    for (const QJsonValue &e : peer.log())
        order << e.toObject().value("key"_L1).toString();
    QCOMPARE(order, (QStringList {pause, pause, pause, resume}));
    QCOMPARE(peer.state().value("queue"_L1).toObject().value("paused"_L1).toBool(), false);
}

void tst_HttpCommands::sigkillOfFeedwatchThenRecoveryAppliesOnce()
{
    // A real restart: `feedwatch --command` journals the action, the peer applies it and never
    // answers, the process dies by SIGKILL. `feedwatch --headless` on the same journal takes it
    // over and sends it again under the same key: the peer answers from its record.
    if (!m_missing.isEmpty())
        QSKIP(qPrintable(m_missing));
    Peer peer(m_script);
    QVERIFY2(peer.port(), qPrintable(peer.output()));
    QTemporaryDir dir;
    const QString journal = dir.filePath(u"cli.sqlite"_s);
    const QStringList common = {u"--server"_s, peer.server().toString(), u"--journal"_s, journal};
    peer.fault(u"hang"_s, 1);

    QProcess first;
    first.start(
        QStringLiteral(FEEDWATCH_BIN),
        common
            + QStringList {u"--command"_s, u"workflow.resume"_s, u"--arg"_s, u"adw_id=4b5c6d7e"_s});
    QVERIFY(first.waitForStarted());
    QString id;
    QVERIFY(spinUntil(
        [&] {
            const QJsonArray log = peer.log();
            if (log.isEmpty())
                return false;
            id = log.first().toObject().value("key"_L1).toString();
            return log.first().toObject().value("applied"_L1).toBool();
        },
        15000));
    first.kill();
    QVERIFY(first.waitForFinished());
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);

    QProcess second;
    QByteArray events;
    connect(&second, &QProcess::readyReadStandardOutput, this,
            [&] { events += second.readAllStandardOutput(); });
    second.start(QStringLiteral(FEEDWATCH_BIN),
                 common
                     + QStringList {u"--headless"_s, u"--events"_s, u"-"_s, u"--feeds"_s,
                                    u"adw-monitor"_s, u"--duration"_s, u"30"_s});
    QVERIFY(second.waitForStarted());
    QVERIFY2(spinUntil([&] { return events.contains("\"status\":\"acked\""); }, 20000),
             events.constData());
    second.terminate();
    QVERIFY(second.waitForFinished(10000));
    QCOMPARE(second.exitCode(), 0);
    QVERIFY(events.contains("\"event\":\"commands_recovered\",\"count\":1"));
    QVERIFY(events.contains("\"id\":\"" + id.toUtf8() + '"'));
    const Peer::Count count = peer.count(id);
    QCOMPARE(count.total, 2);
    QCOMPARE(count.applied, 1);
    QCOMPARE(count.replayed, 1);
    QCOMPARE(peer.state()
                 .value("adw-monitor"_L1)
                 .toObject()
                 .value("summary"_L1)
                 .toObject()
                 .value("paused"_L1)
                 .toInt(),
             0);
}

void tst_HttpCommands::everyActionAgainstTheDemoOnceAcrossLostAnswers()
{
    // The same actions against `feedwatch --demo`'s backend: its dropacks fault applies an action
    // and closes the connection without an answer, then the resend gets the first answer.
    DemoServer demo;
    demo.setSeed(5);
    demo.setRate(0.01); // the data holds still
    QVERIFY(demo.start(0));
    // Retries 400 ms apart: the test sees each lost attempt before the next one.
    Node node(configFor(demo.baseUrl(), {u"backoff.initial_ms=400"_s}), nullptr);
    const FeedSimulator &sim = demo.simulator();
    auto rowWith = [](const QJsonValue &rows, const QString &status) {
        for (const QJsonValue &r : rows.toArray()) {
            if (r[u"status"_s].toString() == status && !r[u"issue_number"_s].isNull())
                return r.toObject();
        }
        return QJsonObject();
    };
    const QJsonObject queue = sim.data(u"queue"_s).toObject();
    const QJsonObject ready = rowWith(queue.value("phases"_L1), u"ready"_s);
    const QJsonObject failed = rowWith(queue.value("phases"_L1), u"failed"_s);
    const QJsonObject paused = rowWith(sim.data(u"adw-monitor"_s)[u"workflows"_s], u"paused"_s);
    QVERIFY(!ready.isEmpty() && !failed.isEmpty() && !paused.isEmpty());
    const QList<std::pair<QString, QJsonObject>> steps = {
        {u"queue.pause"_s, queue},      {u"queue.resume"_s, {{u"paused"_s, true}}},
        {u"queue.execute"_s, ready},    {u"queue.remove"_s, failed},
        {u"workflow.resume"_s, paused}, {u"webhook.start"_s, {{u"status"_s, u"error"_s}}},
        {u"history.resync"_s, {}},
    };
    for (const auto &[name, context] : steps) {
        const QString feed = ActionCatalog::builtIn().find(name)->feed;
        demo.setFault(Sim::Fault::DropAcks, feed);
        const QString id = node.submit(name, context);
        QTRY_COMPARE(node.queue.command(id).status, Command::Status::Queued); // lost, retrying
        QVERIFY(node.queue.command(id).attempts == 1);
        demo.clearFault(Sim::Fault::DropAcks);
        QTRY_COMPARE_WITH_TIMEOUT(node.queue.command(id).status, Command::Status::Acked, 10000);
        QCOMPARE(node.queue.command(id).attempts, 2);
        int deliveries = 0, duplicates = 0;
        for (const DemoServer::CommandRecord &c : demo.commandLog()) {
            if (c.id == id) {
                ++deliveries;
                duplicates += c.duplicate;
            }
        }
        QCOMPARE(deliveries, 2);
        QCOMPARE(duplicates, 1);
        // queue.pause and queue.resume share one route; the demo counts them by what they did.
        QCOMPARE(demo.appliedCount(name), 1);
    }
    QVERIFY(!sim.isPaused());
}

QTEST_GUILESS_MAIN(tst_HttpCommands)
#include "tst_httpcommands.moc"
