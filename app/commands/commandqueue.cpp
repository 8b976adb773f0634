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
    , m_engine(engine)
    , m_journal(journal)
    , m_settings(settings)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_tick(new QTimer(this))
{
    qRegisterMetaType<CommandRecord>();
    m_tick->setInterval(std::clamp(m_settings.commandsAckTimeoutMs / 4, 10, 250));
    connect(m_tick, &QTimer::timeout, this, &CommandQueue::onTick);
    connect(engine, &FeedEngine::connectedChanged, this, &CommandQueue::onConnectedChanged);
    connect(engine, &FeedEngine::ackReceived, this, &CommandQueue::onAck);
}

int CommandQueue::recover()
{
    if (!m_journal)
        return 0;
    int recovered = 0;
    for (CommandRecord record : m_journal->load(true)) {
        if (m_records.contains(record.id))
            continue;
        // Whether a "sent" command reached the server is unknown: send it again with its id.
        record.status = Command::Status::Queued;
        m_records.insert(record.id, record);
        m_unfinished.append(record.id);
        ++recovered;
    }
    if (recovered) {
        emit eventRaised(
            {m_clock->wallMs(), QString(), u"commands_recovered"_s, {{u"count"_s, recovered}}});
        m_tick->start();
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

int CommandQueue::pendingCount(const QString &feedId) const
{
    return int(std::count_if(m_unfinished.begin(), m_unfinished.end(), [&](const QString &id) {
        return feedId.isEmpty() || m_records.value(id).feedId == feedId;
    }));
}

QString CommandQueue::submit(const QString &feedId, const QString &name, const QJsonObject &args)
{
    CommandRecord record;
    record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.feedId = feedId;
    record.name = name;
    record.args = args;
    record.createdWallMs = record.updatedWallMs = m_clock->wallMs();
    if (pendingCount(feedId) >= m_settings.commandsMaxPending) {
        record.status = Command::Status::Failed;
        record.error = u"%1 commands already wait for %2 (commands.max_pending)"_s
                           .arg(m_settings.commandsMaxPending)
                           .arg(feedId);
        store(record, true);
        return record.id;
    }
    store(record, true); // journaled before it can be sent
    m_unfinished.append(record.id);
    m_tick->start();
    if (m_connected.value(feedId))
        sendPending(feedId);
    return record.id;
}

bool CommandQueue::cancel(const QString &id)
{
    auto it = m_records.find(id);
    if (it == m_records.end() || it->status != Command::Status::Queued)
        return false;
    finish(*it, Command::Status::Cancelled, u"cancelled by the operator"_s);
    return true;
}

bool CommandQueue::retry(const QString &id)
{
    auto it = m_records.find(id);
    if (it == m_records.end() || !it->isFinished() || it->status == Command::Status::Acked)
        return false;
    it->status = Command::Status::Queued;
    it->attempts = 0;
    it->error.clear();
    it->createdWallMs = m_clock->wallMs(); // a retry is a fresh request: its age starts now
    store(*it);
    m_unfinished.append(id);
    m_tick->start();
    if (m_connected.value(it->feedId))
        sendPending(it->feedId);
    return true;
}

void CommandQueue::onConnectedChanged(const QString &feedId, bool connected)
{
    m_connected.insert(feedId, connected);
    if (connected) {
        sendPending(feedId);
        return;
    }
    // Sent but unanswered commands go back to the queue and out again, same id, on reconnect.
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
    // In journal order, each with its original id.
    for (const QString &id : std::as_const(m_unfinished)) {
        CommandRecord &r = m_records[id];
        if (r.feedId == feedId && r.status == Command::Status::Queued) {
            sendOne(r);
            if (!m_connected.value(feedId))
                return;
        }
    }
}

void CommandQueue::sendOne(CommandRecord &record)
{
    const qint64 now = m_clock->wallMs();
    if (now - record.createdWallMs > m_settings.commandsTtlMs) {
        finish(record, Command::Status::Expired,
               u"not delivered within %1 ms (commands.ttl_ms)"_s.arg(m_settings.commandsTtlMs));
        return;
    }
    if (record.attempts >= m_settings.commandsMaxAttempts) {
        finish(record, Command::Status::Failed,
               u"no ack after %1 attempts (commands.max_attempts)"_s.arg(record.attempts));
        return;
    }
    if (!m_engine->sendText(record.feedId, record.wireMessage())) {
        m_connected.insert(record.feedId, false);
        return;
    }
    ++record.attempts;
    record.lastSentWallMs = now;
    record.status = Command::Status::Sent;
    store(record);
}

void CommandQueue::onAck(const QString &, const QString &id, bool ok, const QString &error)
{
    auto it = m_records.find(id);
    // A duplicate ack (after a resend) finds the command finished and changes nothing.
    if (it == m_records.end() || it->isFinished())
        return;
    if (ok)
        finish(*it, Command::Status::Acked);
    else
        finish(*it, Command::Status::Failed, error.isEmpty() ? u"refused by the server"_s : error);
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
            finish(r, Command::Status::Expired,
                   u"not delivered within %1 ms (commands.ttl_ms)"_s.arg(m_settings.commandsTtlMs));
        } else if (r.status == Command::Status::Sent
                   && now - r.lastSentWallMs >= m_settings.commandsAckTimeoutMs) {
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
        static qint64 seq = 0;
        record.seq = ++seq;
    }
    m_records.insert(record.id, record);
    QJsonObject fields {{u"id"_s, record.id},
                        {u"name"_s, record.name},
                        {u"status"_s, Command::statusName(record.status)},
                        {u"attempts"_s, record.attempts}};
    if (!record.error.isEmpty())
        fields.insert(u"error"_s, record.error);
    emit eventRaised({record.updatedWallMs, record.feedId, u"command"_s, fields});
    emit commandChanged(record);
}
