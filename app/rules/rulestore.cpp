#include "rulestore.h"

#include "core/sqlitefile.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRuleStore, "feedwatch.rules", QtWarningMsg)

RuleStore::RuleStore()
    : m_connection(u"feedwatch-rules-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

RuleStore::~RuleStore()
{
    SqliteFile::close(m_connection);
}

bool RuleStore::open(const QString &path, QString *error)
{
    const QStringList schema = {
        u"CREATE TABLE IF NOT EXISTS rule_rows (rule TEXT NOT NULL, feed TEXT NOT NULL, "
        "id TEXT NOT NULL, key TEXT NOT NULL, state INTEGER NOT NULL, since_ms INTEGER NOT NULL, "
        "fired_ms INTEGER NOT NULL, message TEXT NOT NULL, memo TEXT NOT NULL, "
        "PRIMARY KEY (rule, feed, id))"_s,
        u"CREATE TABLE IF NOT EXISTS rule_silences (rule TEXT NOT NULL, feed TEXT NOT NULL, "
        "until_ms INTEGER NOT NULL, PRIMARY KEY (rule, feed))"_s,
    };
    m_open = SqliteFile::open(m_connection, path, u"the rule state"_s, schema, error);
    return m_open;
}

QList<RuleStore::Entry> RuleStore::load() const
{
    QList<Entry> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.exec(
        u"SELECT rule, feed, id, key, state, since_ms, fired_ms, message, memo FROM rule_rows"_s);
    while (q.next()) {
        Entry e;
        e.rule = q.value(0).toString();
        e.feed = q.value(1).toString();
        e.id = q.value(2).toString();
        e.key = q.value(3).toString();
        e.state = q.value(4).toInt();
        e.sinceMs = q.value(5).toLongLong();
        e.firedMs = q.value(6).toLongLong();
        e.message = q.value(7).toString();
        e.memo = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
        out << e;
    }
    return out;
}

QHash<QString, qint64> RuleStore::loadSilences() const
{
    QHash<QString, qint64> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.exec(u"SELECT rule, feed, until_ms FROM rule_silences"_s);
    while (q.next())
        out.insert(silenceKey(q.value(0).toString(), q.value(1).toString()),
                   q.value(2).toLongLong());
    return out;
}

void RuleStore::write(const QList<Entry> &entries, const QList<Id> &removed)
{
    if (!m_open || (entries.isEmpty() && removed.isEmpty()))
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery upsert(db);
    upsert.prepare(u"INSERT OR REPLACE INTO rule_rows (rule, feed, id, key, state, since_ms, "
                   "fired_ms, message, memo) VALUES (?,?,?,?,?,?,?,?,?)"_s);
    for (const Entry &e : entries) {
        // A null QString binds as NULL, which the NOT NULL columns refuse.
        upsert.addBindValue(e.rule);
        upsert.addBindValue(e.feed.isNull() ? u""_s : e.feed);
        upsert.addBindValue(e.id.isNull() ? u""_s : e.id);
        upsert.addBindValue(e.key.isNull() ? u""_s : e.key);
        upsert.addBindValue(e.state);
        upsert.addBindValue(e.sinceMs);
        upsert.addBindValue(e.firedMs);
        upsert.addBindValue(e.message.isNull() ? u""_s : e.message);
        upsert.addBindValue(
            QString::fromUtf8(QJsonDocument(e.memo).toJson(QJsonDocument::Compact)));
        if (!upsert.exec())
            qCWarning(lcRuleStore) << "rule state write failed:" << upsert.lastError().text();
    }
    QSqlQuery remove(db);
    remove.prepare(u"DELETE FROM rule_rows WHERE rule=? AND feed=? AND id=?"_s);
    for (const Id &id : removed) {
        remove.addBindValue(id.rule);
        remove.addBindValue(id.feed.isNull() ? u""_s : id.feed);
        remove.addBindValue(id.id.isNull() ? u""_s : id.id);
        if (!remove.exec())
            qCWarning(lcRuleStore) << "rule state delete failed:" << remove.lastError().text();
    }
    if (!db.commit())
        qCWarning(lcRuleStore) << "rule state commit failed:" << db.lastError().text();
}

void RuleStore::writeSilence(const QString &rule, const QString &feed, qint64 untilMs)
{
    if (!m_open)
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (untilMs > 0) {
        q.prepare(u"INSERT OR REPLACE INTO rule_silences (rule, feed, until_ms) VALUES (?,?,?)"_s);
        q.addBindValue(rule);
        q.addBindValue(feed);
        q.addBindValue(untilMs);
    } else {
        q.prepare(u"DELETE FROM rule_silences WHERE rule=? AND feed=?"_s);
        q.addBindValue(rule);
        q.addBindValue(feed);
    }
    if (!q.exec())
        qCWarning(lcRuleStore) << "rule silence write failed:" << q.lastError().text();
}

void RuleStore::keepOnly(const QList<QString> &ruleFeeds)
{
    if (!m_open)
        return;
    const QSet<QString> keep(ruleFeeds.begin(), ruleFeeds.end());
    QList<Id> stale;
    for (const Entry &e : load()) {
        if (!keep.contains(silenceKey(e.rule, e.feed)))
            stale << Id {e.rule, e.feed, e.id};
    }
    write({}, stale);
}
