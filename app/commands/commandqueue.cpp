#include "commandqueue.h"

#include "commands/commandjournal.h"
#include "connection/feedengine.h"
#include "core/clock.h"

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
{
    qRegisterMetaType<CommandRecord>();
    qRegisterMetaType<QList<CommandRecord>>();
    connect(m_tick, &QTimer::timeout, this, &CommandQueue::onTick);
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
    // Whatever went out on the old engine's links is unanswered now: send it again, same id.
    for (const QString &id : std::as_const(m_unfinished)) {
        CommandRecord &r = m_records[id];
        if (r.status == Command::Status::Sent) {
            r.status = Command::Status::Queued;
            store(r);
        }
    }
    if (!engine)
        return;
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
                             const QString &id)
{
    CommandRecord record;
    record.id = id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id;
    record.feedId = feedId;
    record.name = name;
    record.args = args;
    record.createdWallMs = record.updatedWallMs = m_clock->wallMs();
    if (m_records.contains(record.id)) {
        emit rejected(record.id, feedId, name, u"command id %1 is already taken"_s.arg(record.id));
        return record.id;
    }
    QString refusal;
    if (name.isEmpty())
        refusal = u"a command needs a name"_s;
    else if (m_engine && !m_engine->feed(feedId))
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
    store(record, true); // journaled before it can be sent
    m_unfinished.append(record.id);
    startTicking();
    if (m_connected.value(feedId))
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
        return submit(it->feedId, it->name, it->args);
    it->status = Command::Status::Queued;
    it->attempts = 0;
    it->ackTimeouts = 0;
    it->error.clear();
    it->createdWallMs = m_clock->wallMs(); // a retry is a fresh request: its age starts now
    const QString feed = it->feedId;
    store(*it);
    m_unfinished.append(id);
    startTicking();
    if (m_connected.value(feed))
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
        if (r.feedId == feedId && r.status == Command::Status::Sent) {
            r.status = Command::Status::Queued;
            store(r);
        }
    }
}

void CommandQueue::sendPending(const QString &feedId)
{
    // In request order, each with its original id. finish() edits m_unfinished: iterate a copy.
    const QStringList ids = m_unfinished;
    for (const QString &id : ids) {
        CommandRecord &r = m_records[id];
        if (r.feedId == feedId && r.status == Command::Status::Queued) {
            sendOne(r);
            if (!m_connected.value(feedId))
                return;
        }
    }
}

void CommandQueue::expire(CommandRecord &record)
{
    finish(record, Command::Status::Expired,
           record.attempts > 0
               ? u"not acknowledged within %1 ms (commands.ttl_ms); it may have been applied"_s.arg(
                   m_settings.commandsTtlMs)
               : u"not delivered within %1 ms (commands.ttl_ms)"_s.arg(m_settings.commandsTtlMs));
}

void CommandQueue::sendOne(CommandRecord &record)
{
    const qint64 now = m_clock->wallMs();
    if (now - record.createdWallMs > m_settings.commandsTtlMs) {
        expire(record);
        return;
    }
    if (!m_engine || !m_engine->sendText(record.feedId, record.wireMessage())) {
        m_connected.insert(record.feedId, false);
        return;
    }
    ++record.attempts;
    record.lastSentWallMs = now;
    record.status = Command::Status::Sent;
    store(record);
}

void CommandQueue::onAck(const QString &feedId, const QString &id, bool ok, const QString &error)
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
    if (ok) {
        finish(*it, Command::Status::Acked);
    } else {
        it->refused = true;
        finish(*it, Command::Status::Failed, error.isEmpty() ? u"refused by the server"_s : error);
    }
}

void CommandQueue::onTick()
{
    const qint64 now = m_clock->wallMs();
    const QStringList ids = m_unfinished;
    QStringList resendFeeds;
    for (const QString &id : ids) {
        CommandRecord &r = m_records[id];
        if (r.isFinished())
            continue;
        if (r.status == Command::Status::Queued
            && now - r.createdWallMs > m_settings.commandsTtlMs) {
            expire(r);
        } else if (r.status == Command::Status::Sent
                   && now - r.lastSentWallMs >= m_settings.commandsAckTimeoutMs) {
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

void CommandQueue::store(CommandRecord &record, bool insert)
{
    record.updatedWallMs = m_clock->wallMs();
    if (m_journal && m_journal->isOpen()) {
        QString error;
        const bool ok =
            insert ? m_journal->insert(&record, &error) : m_journal->update(record, &error);
        if (!ok)
            qCWarning(lcCommands) << "journal write failed:" << error;
    } else if (insert) {
        record.seq = ++m_nextSeq;
    }
    m_records.insert(record.id, record);
    QJsonObject fields {{u"id"_s, record.id},
                        {u"name"_s, record.name},
                        {u"status"_s, Command::statusName(record.status)},
                        {u"attempts"_s, record.attempts},
                        {u"ack_timeouts"_s, record.ackTimeouts}};
    if (!record.error.isEmpty())
        fields.insert(u"error"_s, record.error);
    emit eventRaised({record.updatedWallMs, record.feedId, u"command"_s, fields});
    emit commandChanged(record);
}
