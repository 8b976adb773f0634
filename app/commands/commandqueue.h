#pragma once

#include "commands/commandrecord.h"
#include "commands/httpcommandsender.h"
#include "config/settings.h"
#include "events/feedevent.h"
#include "protocol/messagedecoder.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

class Clock;
class CommandJournal;
class FeedEngine;
class QTimer;

// Operator commands, delivered once: journaled before sending, sent in order on the owning feed's
// socket when it is connected (commands.max_in_flight unanswered at most), resent with the same id
// until acked or out of attempts, expired when too old to be what the operator still wants. Lives
// on the engine's thread and outlives engines: bindEngine() moves the unfinished commands over to a
// new one.
//
// Attempts: `attempts` counts every send; only a send whose ack window
// (commands.ack_timeout_ms) elapsed in full on a live link counts against
// commands.max_attempts (`ackTimeouts`), so a flapping link never fails a command on its own.
// Retry: failed and expired commands only (a cancel is the operator's decision; acked is final),
// subject to commands.max_pending like a new command. It keeps the id whenever the server may
// have applied the command (no ack, an unreadable ack, expired after a send) so its
// de-duplication still holds; a command the server refused (ack ok:false) is retried as a new
// command with a new id.
//
// HTTP (a command with a CommandRequest, from a profile action): journaled as sent before each
// request leaves; one request at a time per feed, in request order; every attempt carries
// `Idempotency-Key: <id>`. 2xx: done (unless the answer matches the request's failsWhen); 4xx:
// refused, final, the server's `detail` as the error; 5xx, 408/425/429, no answer within
// commands.ack_timeout_ms or a connection lost: retried after backoff.* (Retry-After when longer),
// counted against commands.max_attempts; connection refused: retried, not counted; all within
// commands.ttl_ms. It does not wait for the feed's WebSocket.
//
// Time: the ack window and the time to live run on the monotonic clock while Feedwatch runs;
// only a command taken over from the journal gets its age from the wall clock, once.
// Journal: a command the journal cannot take (disk full) is refused and never sent; a later
// update that fails is reported and the command goes on (the journal still has it, same id).
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
    // `request`: the HTTP request the command is (a profile action's); without one it goes on
    // the feed's WebSocket as {"type":"command"}.
    QString submit(const QString &feedId, const QString &name, const QJsonObject &args = {},
                   const QString &id = {}, const CommandRequest &request = {});
    bool cancel(const QString &id);
    // Returns the id that carries the retry (the same, or the new one), empty when refused.
    QString retry(const QString &id);
    // Emits commandsReset() with every command (for a view that attaches late).
    void publishAll();

signals:
    void commandChanged(const CommandRecord &record);
    // The journal could not be written (empty: it could again); the operator sees it.
    void journalStateChanged(const QString &error);
    void commandsReset(const QList<CommandRecord> &records);
    // Submit, cancel or retry refused; `reason` says why.
    void rejected(const QString &id, const QString &feedId, const QString &name,
                  const QString &reason);
    void eventRaised(const FeedEvent &event);

private:
    void onConnectedChanged(const QString &feedId, bool connected);
    void onAck(const QString &feedId, const QString &id, AckOutcome outcome, const QString &error);
    void sendPending(const QString &feedId);
    void sendOne(CommandRecord &record);
    void onTick();
    void sendHttp(const QString &feedId);
    void sendAllHttp();
    void onHttpAnswer(const HttpCommandSender::Answer &answer);
    std::optional<HttpCommandSender::Target> httpTarget(const QString &feedId) const;
    Settings feedSettings(const QString &feedId) const;
    void expire(CommandRecord &record);
    void finish(CommandRecord &record, Command::Status status, const QString &error = {});
    // Writes the record to the journal (when there is one) and reports it. False when the
    // journal could not take it; a `storage` event has said so.
    bool store(CommandRecord &record, bool insert = false);
    // Keeps the record and says so (event, commandChanged), without writing it.
    void publish(const CommandRecord &record);
    void reportStorage(const CommandRecord &record, const QString &error, bool insert);
    qint64 age(const CommandRecord &record) const;
    // A server's text with every secret Feedwatch knows masked: it goes to the event stream, the
    // journal and the history.
    QString masked(const QString &text) const;
    void startTicking();
    bool isFull(const QString &feedId) const;
    QString fullReason(const QString &feedId) const;

    QPointer<FeedEngine> m_engine;
    CommandJournal *m_journal;
    Settings m_settings;
    const Clock *m_clock;
    QTimer *m_tick = nullptr;
    HttpCommandSender *m_http = nullptr;
    QHash<QString, QString> m_httpInFlight; // feed -> the command whose request is out
    QHash<QString, CommandRecord> m_records;
    QStringList m_unfinished; // ids in request order
    QHash<QString, bool> m_connected;
    QStringList m_secretForms; // of every backend's token, from every engine bound so far
    qint64 m_nextSeq = 0;      // without a journal, or when it could not take a command
    QString m_journalError;
};
