#pragma once

#include "commands/commandrecord.h"
#include "config/settings.h"
#include "events/feedevent.h"

#include <QHash>
#include <QObject>
#include <QStringList>

class Clock;
class CommandJournal;
class FeedEngine;
class QTimer;

// Operator commands, delivered once: journaled before sending, sent in order on the owning feed's
// socket when it is connected, resent with the same id until acked or out of attempts, expired
// when too old to be what the operator still wants. Lives on the engine's thread.
class CommandQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandQueue)

public:
    CommandQueue(FeedEngine *engine, CommandJournal *journal, const Settings &settings,
                 const Clock *clock = nullptr, QObject *parent = nullptr);

    // Takes over unfinished commands from the journal (after a crash or a restart): they are
    // sent again, with their original ids, once their feed is connected.
    int recover();
    QList<CommandRecord> commands() const;
    CommandRecord command(const QString &id) const { return m_records.value(id); }
    int pendingCount(const QString &feedId = {}) const;

public slots:
    // Returns the new command's id; a rejected command (queue full) is reported as failed.
    QString submit(const QString &feedId, const QString &name, const QJsonObject &args = {});
    bool cancel(const QString &id);
    bool retry(const QString &id);

signals:
    void commandChanged(const CommandRecord &record);
    void eventRaised(const FeedEvent &event);

private:
    void onConnectedChanged(const QString &feedId, bool connected);
    void onAck(const QString &feedId, const QString &id, bool ok, const QString &error);
    void sendPending(const QString &feedId);
    void sendOne(CommandRecord &record);
    void onTick();
    void finish(CommandRecord &record, Command::Status status, const QString &error = {});
    void store(CommandRecord &record, bool insert = false);

    FeedEngine *m_engine;
    CommandJournal *m_journal;
    Settings m_settings;
    const Clock *m_clock;
    QTimer *m_tick = nullptr;
    QHash<QString, CommandRecord> m_records;
    QStringList m_unfinished; // ids in journal order
    QHash<QString, bool> m_connected;
};
