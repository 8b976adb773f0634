#include "historystore.h"

#include "core/sqlitefile.h"
#include "events/alerttracker.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHistory, "feedwatch.history", QtWarningMsg)

namespace {
constexpr int kMaxBuffered = 500;
}

HistoryStore::HistoryStore(QObject *parent)
    : QObject(parent)
    , m_connection(u"feedwatch-history-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &HistoryStore::flush);
}

HistoryStore::~HistoryStore()
{
    flush();
    SqliteFile::close(m_connection);
}

void HistoryStore::setLimits(int alerts, int eventsPerFeed)
{
    m_alertLimit = alerts;
    m_eventLimit = eventsPerFeed;
}

int HistoryStore::batchIntervalMs() const
{
    return m_timer->interval();
}

void HistoryStore::setBatchIntervalMs(int ms)
{
    m_timer->setInterval(ms);
}

bool HistoryStore::open(const QString &path, QString *error)
{
    const QStringList schema = {
        u"CREATE TABLE IF NOT EXISTS history (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "ts_ms INTEGER NOT NULL, feed TEXT NOT NULL, event TEXT NOT NULL, fields TEXT NOT NULL, "
        "alert INTEGER NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS history_by_feed ON history (alert, feed, id)"_s,
    };
    m_open = SqliteFile::open(m_connection, path, u"the history"_s, schema, error);
    return m_open;
}

QList<FeedEvent> HistoryStore::load() const
{
    QList<FeedEvent> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.exec(u"SELECT ts_ms, feed, event, fields FROM history ORDER BY ts_ms, id"_s);
    while (q.next()) {
        FeedEvent e;
        e.wallMs = q.value(0).toLongLong();
        e.feed = q.value(1).toString();
        e.event = q.value(2).toString();
        e.fields = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        out.append(e);
    }
    return out;
}

bool HistoryStore::isKept(const FeedEvent &event)
{
    return event.event != "update"_L1 && event.event != "latency"_L1;
}

void HistoryStore::record(const FeedEvent &event)
{
    if (!m_open || !isKept(event))
        return;
    m_pending.append(event);
    if (m_pending.size() >= kMaxBuffered)
        flush();
    else if (!m_timer->isActive())
        m_timer->start();
}

void HistoryStore::flush()
{
    m_timer->stop();
    if (!m_open || m_pending.isEmpty())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const QList<FeedEvent> batch = std::exchange(m_pending, {});
    db.transaction();
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO history (ts_ms, feed, event, fields, alert) VALUES (?,?,?,?,?)"_s);
    QSet<QString> feeds;
    bool alerts = false;
    for (const FeedEvent &e : batch) {
        const bool alert = AlertTracker::isAlert(e);
        insert.addBindValue(e.wallMs);
        insert.addBindValue(e.feed.isEmpty() ? u""_s : e.feed); // a null QString binds as NULL
        insert.addBindValue(e.event);
        insert.addBindValue(
            QString::fromUtf8(QJsonDocument(e.fields).toJson(QJsonDocument::Compact)));
        insert.addBindValue(alert ? 1 : 0);
        if (!insert.exec())
            qCWarning(lcHistory) << "history write failed:" << insert.lastError().text();
        alerts = alerts || alert;
        if (!alert)
            feeds.insert(e.feed);
    }
    // Keep the newest N per feed (and of the alerts); only for what this batch touched.
    QSqlQuery trim(db);
    if (alerts) {
        trim.prepare(u"DELETE FROM history WHERE alert=1 AND id NOT IN "
                     "(SELECT id FROM history WHERE alert=1 ORDER BY id DESC LIMIT ?)"_s);
        trim.addBindValue(m_alertLimit);
        trim.exec();
    }
    for (const QString &feed : std::as_const(feeds)) {
        trim.prepare(
            u"DELETE FROM history WHERE alert=0 AND feed=? AND id NOT IN "
            "(SELECT id FROM history WHERE alert=0 AND feed=? ORDER BY id DESC LIMIT ?)"_s);
        trim.addBindValue(feed);
        trim.addBindValue(feed);
        trim.addBindValue(m_eventLimit);
        trim.exec();
    }
    if (!db.commit())
        qCWarning(lcHistory) << "history commit failed:" << db.lastError().text();
    ++m_batches;
}
