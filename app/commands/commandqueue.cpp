#include "commandqueue.h"

#include "commands/commandaction.h"
#include "commands/commandjournal.h"
#include "commands/httpcommandsender.h"
#include "connection/feedengine.h"
#include "core/clock.h"
#include "core/redaction.h"
#include "policy/backoffpolicy.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCommands, "feedwatch.commands", QtWarningMsg)

CommandQueue::CommandQueue(FeedEngine *engine, CommandJournal *journal, const Settings &settings,
                           const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_settings(settings)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_tick(new QTimer(this))
    , m_http(new HttpCommandSender(this))
{
    qRegisterMetaType<CommandRecord>();
    qRegisterMetaType<CommandRequest>();
    qRegisterMetaType<QList<CommandRecord>>();
    connect(m_tick, &QTimer::timeout, this, &CommandQueue::onTick);
    connect(m_http, &HttpCommandSender::answered, this, &CommandQueue::onHttpAnswer);
    bindEngine(engine, settings);
}

void CommandQueue::bindEngine(FeedEngine *engine, const Settings &settings)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    m_settings = settings;
    m_tick->setInterval(std::clamp(m_settings.commandsAckTimeoutMs / 4, 10, 250));
    m_connected.clear();
    if (engine) {
        // A server may echo any backend's token in an error text: mask them all.
        const Config &config = engine->config();
        QStringList tokens;
        for (const BackendSpec &b : config.backends)
            tokens << b.auth.token;
        for (const FeedSpec &f : config.feeds)
            tokens << f.auth.token;
        for (const QString &token : std::as_const(tokens)) {
            for (const QString &form : Redaction::forms(token)) {
                if (!m_secretForms.contains(form))
                    m_secretForms << form;
            }
        }
        // Longest first, so a form inside a longer one never leaves part of the longer behind.
        std::sort(m_secretForms.begin(), m_secretForms.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
    }
    // Whatever went out on the old engine's links is unanswered now: send it again, same id.
    // An HTTP request in flight is not on a link of the engine; its answer still comes.
    for (const QString &id : std::as_const(m_unfinished)) {
        CommandRecord &r = m_records[id];
        if (r.status == Command::Status::Sent && !r.request.isHttp()) {
            r.status = Command::Status::Queued;
            store(r);
        }
    }
    if (!engine)
        return;
    sendAllHttp();
    connect(engine, &FeedEngine::connectedChanged, this, &CommandQueue::onConnectedChanged);
    connect(engine, &FeedEngine::ackReceived, this, &CommandQueue::onAck);
    // The engine may have connected its feeds before this queue existed: ask, do not wait for a
    // connectedChanged() that already happened.
    for (const QString &feed : engine->feedIds()) {
        if (engine->isConnected(feed)) {
            m_connected.insert(feed, true);
            sendPending(feed);
        }
    }
}

int CommandQueue::recover()
{
    if (!m_journal || !m_journal->isOpen())
        return 0;
    int recovered = 0;
    for (CommandRecord record : m_journal->load()) {
        if (m_records.contains(record.id))
            continue;
        // Its age so far comes from the wall clock, once; from here on the monotonic one runs.
        record.createdMs =
            m_clock->nowMs() - std::max<qint64>(0, m_clock->wallMs() - record.createdWallMs);
        if (!record.isFinished()) {
            // Whether a "sent" command reached the server is unknown: send it again with its id.
            record.status = Command::Status::Queued;
            m_unfinished.append(record.id);
            ++recovered;
        }
        m_records.insert(record.id, record);
    }
    if (recovered) {
        emit eventRaised(
            {m_clock->wallMs(), QString(), u"commands_recovered"_s, {{u"count"_s, recovered}}});
        startTicking();
        for (auto it = m_connected.cbegin(); it != m_connected.cend(); ++it) {
            if (it.value())
                sendPending(it.key());
        }
        sendAllHttp();
    }
    return recovered;
}

QList<CommandRecord> CommandQueue::commands() const
{
    QList<CommandRecord> out = m_records.values();
    std::sort(out.begin(), out.end(),
              [](const CommandRecord &a, const CommandRecord &b) { return a.seq < b.seq; });
    return out;
}

void CommandQueue::publishAll()
{
    emit commandsReset(commands());
}

int CommandQueue::pendingCount(const QString &feedId) const
{
    return int(std::count_if(m_unfinished.begin(), m_unfinished.end(), [&](const QString &id) {
        return feedId.isEmpty() || m_records.value(id).feedId == feedId;
    }));
}

bool CommandQueue::isFull(const QString &feedId) const
{
    return pendingCount(feedId) >= m_settings.commandsMaxPending;
}

QString CommandQueue::fullReason(const QString &feedId) const
{
    return u"%1 commands already wait for %2 (commands.max_pending)"_s
        .arg(m_settings.commandsMaxPending)
        .arg(feedId);
}

QString CommandQueue::submit(const QString &feedId, const QString &name, const QJsonObject &args,
                             const QString &id, const CommandRequest &request)
{
    CommandRecord record;
    record.id = id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id;
    record.feedId = feedId;
    record.name = name;
    record.args = args;
    record.request = request;
    record.createdWallMs = record.updatedWallMs = m_clock->wallMs();
    record.createdMs = m_clock->nowMs();
    if (m_records.contains(record.id)) {
        emit rejected(record.id, feedId, name, u"command id %1 is already taken"_s.arg(record.id));
        return record.id;
    }
    QString refusal;
    if (name.isEmpty())
        refusal = u"a command needs a name"_s;
    else if (m_engine && !m_engine->hasFeed(feedId))
        refusal = u"no feed %1 is configured"_s.arg(feedId);
    else if (isFull(feedId))
        refusal = fullReason(feedId);
    if (!refusal.isEmpty()) {
        // Recorded, so the commands view shows what was asked and why it went nowhere.
        record.status = Command::Status::Failed;
        record.error = refusal;
        store(record, true);
        emit rejected(record.id, feedId, name, refusal);
        return record.id;
    }
    if (!store(record, true)) {
        // Sent unjournaled, a crash would lose it while the server applies it: refuse it.
        const QString reason = u"not journaled (%1): refused, not sent"_s.arg(m_journalError);
        record.status = Command::Status::Failed;
        record.error = reason;
        publish(record); // in memory: the operator sees it; the journal would not take it
        emit rejected(record.id, feedId, name, reason);
        return record.id;
    }
    m_unfinished.append(record.id);
    startTicking();
    if (record.request.isHttp())
        sendHttp(feedId);
    else if (m_connected.value(feedId))
        sendPending(feedId);
    return record.id;
}

bool CommandQueue::cancel(const QString &id)
{
    auto it = m_records.find(id);
    if (it == m_records.end()) {
        emit rejected(id, {}, {}, u"no command %1"_s.arg(id));
        return false;
    }
    if (it->status != Command::Status::Queued) {
        // A sent command may already be applied; cancelling it would be a lie.
        emit rejected(id, it->feedId, it->name,
                      u"only a queued command can be cancelled; this one is %1"_s.arg(
                          Command::statusName(it->status)));
        return false;
    }
    finish(*it, Command::Status::Cancelled, u"cancelled by the operator"_s);
    return true;
}

QString CommandQueue::retry(const QString &id)
{
    auto it = m_records.find(id);
    if (it == m_records.end()) {
        emit rejected(id, {}, {}, u"no command %1"_s.arg(id));
        return {};
    }
    if (it->status != Command::Status::Failed && it->status != Command::Status::Expired) {
        emit rejected(id, it->feedId, it->name,
                      u"only a failed or expired command can be retried; this one is %1"_s.arg(
                          Command::statusName(it->status)));
        return {};
    }
    if (isFull(it->feedId)) {
        emit rejected(id, it->feedId, it->name, fullReason(it->feedId));
        return {};
    }
    if (it->refused) // the server said no and applied nothing: ask again, as a new request
        return submit(it->feedId, it->name, it->args, {}, it->request);
    it->status = Command::Status::Queued;
    it->attempts = 0;
    it->ackTimeouts = 0;
    it->error.clear();
    it->createdWallMs = m_clock->wallMs(); // a retry is a fresh request: its age starts now
    it->createdMs = m_clock->nowMs();
    it->nextAttemptMs = 0;
    const QString feed = it->feedId;
    const bool http = it->request.isHttp();
    store(*it);
    m_unfinished.append(id);
    startTicking();
    if (http)
        sendHttp(feed);
    else if (m_connected.value(feed))
        sendPending(feed);
    return id;
}

void CommandQueue::onConnectedChanged(const QString &feedId, bool connected)
{
    m_connected.insert(feedId, connected);
    if (connected) {
        sendPending(feedId);
        return;
    }
    // Sent but unanswered commands go back to the queue and out again, same id, on reconnect.
    // The cut-off send does not count against commands.max_attempts.
    for (const QString &id : std::as_const(m_unfinished)) {
        CommandRecord &r = m_records[id];
        if (r.feedId == feedId && r.status == Command::Status::Sent && !r.request.isHttp()) {
            r.status = Command::Status::Queued;
            store(r);
        }
    }
}

void CommandQueue::sendPending(const QString &feedId)
{
    // In request order, each with its original id, no more than commands.max_in_flight out
    // unanswered: every ack makes room for the next. A whole backlog written at once would reach
    // the server, but its acks would queue behind the burst, and a link that flaps faster than
    // the burst takes would never see one. finish() edits m_unfinished: iterate a copy.
    const QStringList ids = m_unfinished;
    int inFlight = 0;
    for (const QString &id : ids) {
        const CommandRecord &r = m_records[id];
        inFlight += r.feedId == feedId && r.status == Command::Status::Sent && !r.request.isHttp();
    }
    for (const QString &id : ids) {
        if (inFlight >= m_settings.commandsMaxInFlight)
            return;
        CommandRecord &r = m_records[id];
        if (r.feedId == feedId && r.status == Command::Status::Queued && !r.request.isHttp()) {
            sendOne(r);
            if (!m_connected.value(feedId))
                return;
            inFlight += r.status == Command::Status::Sent;
        }
    }
}

void CommandQueue::expire(CommandRecord &record)
{
    // Over HTTP an attempt that never reached the server (connection refused) is no delivery.
    const bool mayHaveArrived =
        record.request.isHttp() ? record.ackTimeouts > 0 : record.attempts > 0;
    finish(record, Command::Status::Expired,
           mayHaveArrived
               ? u"not acknowledged within %1 ms (commands.ttl_ms); it may have been applied"_s.arg(
                   m_settings.commandsTtlMs)
               : u"not delivered within %1 ms (commands.ttl_ms)"_s.arg(m_settings.commandsTtlMs));
}

void CommandQueue::sendOne(CommandRecord &record)
{
    if (age(record) > m_settings.commandsTtlMs) {
        expire(record);
        return;
    }
    if (!m_engine || !m_engine->sendText(record.feedId, record.wireMessage())) {
        m_connected.insert(record.feedId, false);
        return;
    }
    ++record.attempts;
    record.lastSentWallMs = m_clock->wallMs();
    record.lastSentMs = m_clock->nowMs();
    record.status = Command::Status::Sent;
    store(record);
}

void CommandQueue::onAck(const QString &feedId, const QString &id, AckOutcome outcome,
                         const QString &error)
{
    auto it = m_records.find(id);
    // A duplicate ack (after a resend) finds the command finished and changes nothing.
    if (it == m_records.end() || it->isFinished())
        return;
    if (it->feedId != feedId) {
        // Commands are answered on the socket they went out on; anything else is not ours.
        qCWarning(lcCommands) << "ack for" << id << "on feed" << feedId << "but it belongs to"
                              << it->feedId << "- ignored";
        return;
    }
    switch (outcome) {
    case AckOutcome::Applied:
        finish(*it, Command::Status::Acked);
        break;
    case AckOutcome::Refused:
        it->refused = true;
        finish(*it, Command::Status::Failed,
               error.isEmpty() ? u"refused by the server"_s : masked(error));
        break;
    case AckOutcome::Unreadable: {
        // Not a refusal: the server may have applied it. Failed with the outcome unknown, so the
        // operator decides; a retry keeps the id and the server can recognise it.
        const QString why = masked(error);
        emit eventRaised(
            {m_clock->wallMs(),
             feedId,
             u"protocol_error"_s,
             {{u"error"_s, u"unreadable ack for command %1: %2"_s.arg(id, why)}, {u"id"_s, id}}});
        it->refused = false;
        finish(*it, Command::Status::Failed,
               u"protocol error: %1; the outcome is unknown, it may have been applied"_s.arg(why));
        break;
    }
    }
    if (m_connected.value(feedId))
        sendPending(feedId); // the answer made room in the send window
}

void CommandQueue::onTick()
{
    const qint64 now = m_clock->nowMs();
    const QStringList ids = m_unfinished;
    QStringList resendFeeds;
    for (const QString &id : ids) {
        CommandRecord &r = m_records[id];
        if (r.isFinished())
            continue;
        if (r.status == Command::Status::Queued && age(r) > m_settings.commandsTtlMs) {
            expire(r);
        } else if (r.request.isHttp()) {
            continue; // its request has its own deadline; the next attempt is sendAllHttp()'s
        } else if (r.status == Command::Status::Sent
                   && now - r.lastSentMs >= m_settings.commandsAckTimeoutMs) {
            // A full ack window on a live link (a disconnect would have re-queued it).
            ++r.ackTimeouts;
            if (r.ackTimeouts >= m_settings.commandsMaxAttempts) {
                finish(r, Command::Status::Failed,
                       u"no ack after %1 sends of %2 ms each on a live link "
                       "(commands.max_attempts, commands.ack_timeout_ms)"_s.arg(r.ackTimeouts)
                           .arg(m_settings.commandsAckTimeoutMs));
                continue;
            }
            r.status = Command::Status::Queued;
            store(r);
            if (!resendFeeds.contains(r.feedId))
                resendFeeds.append(r.feedId);
        }
    }
    for (const QString &feed : std::as_const(resendFeeds)) {
        if (m_connected.value(feed))
            sendPending(feed);
    }
    sendAllHttp();
    if (m_unfinished.isEmpty())
        m_tick->stop();
}

void CommandQueue::startTicking()
{
    if (!m_tick->isActive())
        m_tick->start();
}

void CommandQueue::finish(CommandRecord &record, Command::Status status, const QString &error)
{
    record.status = status;
    record.error = error;
    m_unfinished.removeAll(record.id);
    store(record);
}

bool CommandQueue::store(CommandRecord &record, bool insert)
{
    record.updatedWallMs = m_clock->wallMs();
    bool written = true;
    if (m_journal && m_journal->isOpen()) {
        QString error;
        written = insert ? m_journal->insert(&record, &error) : m_journal->update(record, &error);
        if (!written) {
            qCWarning(lcCommands) << "journal write failed:" << error;
            reportStorage(record, error, insert);
        } else if (!m_journalError.isEmpty()) {
            m_journalError.clear();
            emit journalStateChanged({});
        }
    }
    if (insert && (!written || !m_journal || !m_journal->isOpen()))
        record.seq = ++m_nextSeq;
    m_nextSeq = std::max(m_nextSeq, record.seq);
    publish(record);
    return written;
}

void CommandQueue::publish(const CommandRecord &record)
{
    m_records.insert(record.id, record);
    QJsonObject fields {{u"id"_s, record.id},
                        {u"name"_s, record.name},
                        {u"status"_s, Command::statusName(record.status)},
                        {u"attempts"_s, record.attempts},
                        {u"ack_timeouts"_s, record.ackTimeouts}};
    if (!record.error.isEmpty())
        fields.insert(u"error"_s, record.error);
    if (record.request.isHttp()) {
        fields.insert(u"request"_s, record.request.summary());
        if (record.httpStatus > 0)
            fields.insert(u"http_status"_s, record.httpStatus);
        if (record.status == Command::Status::Queued && record.nextAttemptMs > m_clock->nowMs())
            fields.insert(u"retry_in_ms"_s, record.nextAttemptMs - m_clock->nowMs());
    }
    emit eventRaised({record.updatedWallMs, record.feedId, u"command"_s, fields});
    emit commandChanged(record);
}

void CommandQueue::reportStorage(const CommandRecord &record, const QString &error, bool insert)
{
    m_journalError = error;
    emit journalStateChanged(error);
    emit eventRaised({m_clock->wallMs(),
                      QString(),
                      u"storage"_s,
                      {{u"path"_s, m_journal->path()},
                       {u"error"_s, error},
                       {u"id"_s, record.id},
                       {u"journaled"_s, !insert},
                       {u"fallback"_s,
                        insert ? u"command %1 refused, not sent"_s.arg(record.id)
                               : u"command %1 goes on; the journal may hold an older state "
                                 "of it"_s.arg(record.id)}}});
}

qint64 CommandQueue::age(const CommandRecord &record) const
{
    return m_clock->nowMs() - record.createdMs;
}

QString CommandQueue::masked(const QString &text) const
{
    return Redaction::maskKnown(Redaction::mask(text, m_secretForms));
}

// --- HTTP -------------------------------------------------------------------------------------

void CommandQueue::sendAllHttp()
{
    QStringList feeds;
    for (const QString &id : std::as_const(m_unfinished)) {
        const CommandRecord &r = m_records[id];
        if (r.request.isHttp() && !feeds.contains(r.feedId))
            feeds << r.feedId;
    }
    for (const QString &feed : std::as_const(feeds))
        sendHttp(feed);
}

std::optional<HttpCommandSender::Target> CommandQueue::httpTarget(const QString &feedId) const
{
    if (!m_engine)
        return std::nullopt;
    const Config &config = m_engine->config();
    QString backend;
    for (const FeedSpec &f : config.feeds) {
        if (f.id == feedId)
            backend = f.backend;
    }
    if (backend.isEmpty() && m_engine->hasFeed(feedId)) {
        // Added at run time (adw-state/<id>): "prod/adw-state/x" is prod's, else the first's.
        const QString prefix = feedId.section(u'/', 0, 0);
        backend = config.backends.isEmpty() ? QString() : config.backends.first().name;
        for (const BackendSpec &b : config.backends) {
            if (b.name == prefix)
                backend = b.name;
        }
    }
    for (const BackendSpec &b : config.backends) {
        if (b.name == backend)
            return HttpCommandSender::targetFor(b);
    }
    return std::nullopt;
}

Settings CommandQueue::feedSettings(const QString &feedId) const
{
    if (m_engine) {
        for (const FeedSpec &f : m_engine->config().feeds) {
            if (f.id == feedId)
                return f.settings;
        }
    }
    return m_settings;
}

void CommandQueue::sendHttp(const QString &feedId)
{
    // One request at a time per feed, in the order they were asked for: "pause" then "resume"
    // must not reach the server the other way round because the first one was retried.
    if (m_httpInFlight.contains(feedId))
        return;
    const QStringList ids = m_unfinished;
    for (const QString &id : ids) {
        CommandRecord &r = m_records[id];
        if (r.feedId != feedId || !r.request.isHttp() || r.status != Command::Status::Queued)
            continue;
        if (age(r) > m_settings.commandsTtlMs) {
            expire(r);
            continue;
        }
        if (r.nextAttemptMs > m_clock->nowMs())
            return; // backing off; the ones behind it wait their turn
        const std::optional<HttpCommandSender::Target> target = httpTarget(feedId);
        if (!target)
            return; // no engine (settings being applied) or no such feed: it waits
        ++r.attempts;
        r.status = Command::Status::Sent;
        r.lastSentWallMs = m_clock->wallMs();
        r.lastSentMs = m_clock->nowMs();
        store(r); // journaled as sent before the request leaves
        m_httpInFlight.insert(feedId, r.id);
        m_http->send(r, *target, m_settings.commandsAckTimeoutMs);
        return;
    }
}

void CommandQueue::onHttpAnswer(const HttpCommandSender::Answer &answer)
{
    auto it = m_records.find(answer.id);
    if (it == m_records.end())
        return;
    const QString feed = it->feedId;
    if (m_httpInFlight.value(feed) == answer.id)
        m_httpInFlight.remove(feed);
    if (it->status != Command::Status::Sent) {
        sendHttp(feed);
        return;
    }
    it->httpStatus = answer.status;
    const QString text = masked(answer.text);
    switch (answer.verdict) {
    case HttpCommandSender::Verdict::Done: {
        QString reason;
        if (CommandAction::answerFails(it->request.failsWhen, answer.body, &reason)) {
            it->refused = true;
            finish(*it, Command::Status::Failed,
                   u"HTTP %1, but the answer says it failed: %2"_s.arg(answer.status)
                       .arg(masked(reason)));
        } else {
            finish(*it, Command::Status::Acked);
        }
        break;
    }
    case HttpCommandSender::Verdict::Refused:
        it->refused = true;
        finish(*it, Command::Status::Failed, text);
        break;
    case HttpCommandSender::Verdict::Undeliverable:
        it->refused = true; // it never reached the server: a retry may be a new request
        finish(*it, Command::Status::Failed, text + u" (not sent)"_s);
        break;
    case HttpCommandSender::Verdict::Retry:
    case HttpCommandSender::Verdict::NotReached: {
        const bool counted = answer.verdict == HttpCommandSender::Verdict::Retry;
        if (counted)
            ++it->ackTimeouts;
        if (it->ackTimeouts >= m_settings.commandsMaxAttempts) {
            finish(*it, Command::Status::Failed,
                   u"no success after %1 attempts (commands.max_attempts); last: %2; it may "
                   "have been applied"_s.arg(it->ackTimeouts)
                       .arg(text));
            break;
        }
        const BackoffPolicy backoff(feedSettings(feed));
        qint64 delay = backoff.delayMs(it->attempts, systemRandom()->uniform());
        if (answer.retryAfterMs >= 0)
            delay = std::max(delay, answer.retryAfterMs);
        it->nextAttemptMs = m_clock->nowMs() + delay;
        it->status = Command::Status::Queued;
        it->error = counted ? text
                + u"; it may have been applied, retried with the same "
                  "Idempotency-Key"_s
                            : text + u"; not reached, retried"_s;
        store(*it);
        startTicking();
        break;
    }
    }
    sendHttp(feed);
}
