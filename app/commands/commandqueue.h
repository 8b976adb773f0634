#pragma once

#include "commands/commandrecord.h"
#include "config/settings.h"
#include "events/feedevent.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class Clock;
class CommandJournal;
class FeedEngine;
class QTimer;

// Operator commands, delivered once: journaled before sending, sent in order on the owning feed's
// socket when it is connected, resent with the same id until acked or out of attempts, expired
// when too old to be what the operator still wants. Lives on the engine's thread and outlives
// engines: bindEngine() moves the unfinished commands over to a new one.
//
// Attempts: `attempts` counts every send; only a send whose ack window
// (commands.ack_timeout_ms) elapsed in full on a live link counts against
// commands.max_attempts (`ackTimeouts`), so a flapping link never fails a command on its own.
// Retry: failed and expired commands only (a cancel is the operator's decision; acked is final),
// subject to commands.max_pending like a new command. It keeps the id whenever the server may
// have applied the command (no ack, expired after a send) so its de-duplication still holds; a
// command the server refused (ack ok:false) is retried as a new command with a new id.
class CommandQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandQueue)

public:
    CommandQueue(FeedEngine *engine, CommandJournal *journal, const Settings &settings,
                 const Clock *clock = nullptr, QObject *parent = nullptr);

    // Switches to `engine` (null: none for now). Commands sent on the old engine's links go back
    // to the queue; the new engine is asked which feeds are already connected.
    void bindEngine(FeedEngine *engine, const Settings &settings);
    FeedEngine *engine() const { return m_engine; }
    // Takes over the journal's commands (after a crash or a restart): unfinished ones are sent
    // again, with their original ids, once their feed is connected; finished ones stay visible
    // (and retryable).
    int recover();
    QList<CommandRecord> commands() const;
    CommandRecord command(const QString &id) const { return m_records.value(id); }
    int pendingCount(const QString &feedId = {}) const;

public slots:
    // Returns the command's id (`id`, or a new uuid when empty). A command that cannot be
    // accepted (unknown feed, queue full) is recorded as failed and reported by rejected().
    QString submit(const QString &feedId, const QString &name, const QJsonObject &args = {},
                   const QString &id = {});
    bool cancel(const QString &id);
    // Returns the id that carries the retry (the same, or the new one), empty when refused.
    QString retry(const QString &id);
    // Emits commandsReset() with every command (for a view that attaches late).
    void publishAll();

signals:
    void commandChanged(const CommandRecord &record);
    void commandsReset(const QList<CommandRecord> &records);
    // Submit, cancel or retry refused; `reason` says why.
    void rejected(const QString &id, const QString &feedId, const QString &name,
                  const QString &reason);
    void eventRaised(const FeedEvent &event);

private:
    void onConnectedChanged(const QString &feedId, bool connected);
    void onAck(const QString &feedId, const QString &id, bool ok, const QString &error);
    void sendPending(const QString &feedId);
    void sendOne(CommandRecord &record);
    void onTick();
    void expire(CommandRecord &record);
    void finish(CommandRecord &record, Command::Status status, const QString &error = {});
    void store(CommandRecord &record, bool insert = false);
    void startTicking();
    bool isFull(const QString &feedId) const;
    QString fullReason(const QString &feedId) const;

    QPointer<FeedEngine> m_engine;
    CommandJournal *m_journal;
    Settings m_settings;
    const Clock *m_clock;
    QTimer *m_tick = nullptr;
    QHash<QString, CommandRecord> m_records;
    QStringList m_unfinished; // ids in request order
    QHash<QString, bool> m_connected;
    qint64 m_nextSeq = 0; // without a journal
};
