#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// Rule state in the journal's SQLite file, so a restart of Feedwatch neither forgets a firing
// alert (and fires it again) nor loses how long a row has been pending or unchanged. One row per
// (rule, feed, table row) the rule holds for or remembers something about; silences beside.
// Used on the engine's thread, like the journal and the history.
class RuleStore final
{
    Q_DISABLE_COPY_MOVE(RuleStore)

public:
    struct Entry
    {
        QString rule;
        QString feed;
        QString id; // the table row's identity; "" for a rule over the data
        QString key;
        int state = 0; // 0: only remembered, 1: pending, 2: firing
        qint64 sinceMs = 0;
        qint64 firedMs = 0;
        QString message;
        QJsonObject memo; // per test: the last value and since when, "seen another value"
    };
    struct Id
    {
        QString rule;
        QString feed;
        QString id;
    };

    RuleStore();
    ~RuleStore();

    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_open; }
    QList<Entry> load() const;
    // (rule, feed) -> silenced until (wall ms)
    QHash<QString, qint64> loadSilences() const;
    static QString silenceKey(const QString &rule, const QString &feed)
    {
        return rule + QChar(0x1f) + feed;
    }
    // One transaction: the entries written, the ids removed.
    void write(const QList<Entry> &entries, const QList<Id> &removed);
    void writeSilence(const QString &rule, const QString &feed, qint64 untilMs);
    // Drops everything of rules (rule, feed pairs as silenceKey) no longer configured.
    void keepOnly(const QList<QString> &ruleFeeds);

private:
    QString m_connection;
    bool m_open = false;
};
