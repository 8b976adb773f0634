// EngineServices: what the `storage` event says when part of the SQLite file cannot be used.

#include "connection/feedengine.h"
#include "dashboard/engineservices.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_EngineServices : public QObject
{
    Q_OBJECT

private slots:
    void historyFailureKeepsTheJournal();
    void lockedFileFallsBackToMemory();
    void journalWriteFailureReachesTheOperator();
};

void tst_EngineServices::historyFailureKeepsTheJournal()
{
    // A file whose "history" is a view: the journal opens, the history cannot build its index.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"feedwatch.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"prepare"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE VIEW history AS SELECT 1 AS id"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"prepare"_s);

    EngineServices services;
    QSignalSpy events(&services, &EngineServices::eventRaised);
    QSignalSpy storage(&services, &EngineServices::storageStateChanged);
    services.open(path, Settings());
    QVERIFY(services.isJournaled());
    QVERIFY(!services.history());
    QCOMPARE(events.size(), 1);
    const FeedEvent event = events.first().first().value<FeedEvent>();
    QCOMPARE(event.event, u"storage"_s);
    QCOMPARE(event.fields.value("path"_L1).toString(), path);
    QVERIFY(!event.fields.value("error"_L1).toString().isEmpty());
    QCOMPARE(event.fields.value("journaled"_L1).toBool(), true);
    QCOMPARE(event.fields.value("history"_L1).toBool(), false);
    const QString fallback = event.fields.value("fallback"_L1).toString();
    QVERIFY2(!fallback.contains(u"memory"_s), qPrintable(fallback));
    QVERIFY2(fallback.contains(u"no history"_s), qPrintable(fallback));
    QCOMPARE(storage.size(), 1);
    QCOMPARE(storage.first().at(2).toBool(), true); // commands are journaled
    services.close();
}

void tst_EngineServices::lockedFileFallsBackToMemory()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"feedwatch.sqlite"_s);
    EngineServices first;
    first.open(path, Settings());
    QVERIFY(first.isJournaled());
    EngineServices second;
    QSignalSpy events(&second, &EngineServices::eventRaised);
    second.open(path, Settings());
    QVERIFY(!second.isJournaled());
    QCOMPARE(events.size(), 1);
    const FeedEvent event = events.first().first().value<FeedEvent>();
    QCOMPARE(event.event, u"storage"_s);
    QVERIFY(event.fields.value("error"_L1).toString().contains(u"in use by another"_s));
    QCOMPARE(event.fields.value("journaled"_L1).toBool(), false);
    QCOMPARE(event.fields.value("history"_L1).toBool(), false);
    QCOMPARE(event.fields.value("fallback"_L1).toString(),
             u"commands in memory only, no history"_s);
}

void tst_EngineServices::journalWriteFailureReachesTheOperator()
{
    QTemporaryDir dir;
    EngineServices services;
    services.open(dir.filePath(u"feedwatch.sqlite"_s), Settings());
    QVERIFY(services.isJournaled());
    QStringList connections = QSqlDatabase::connectionNames();
    connections.removeIf([](const QString &n) { return !n.startsWith("feedwatch-journal-"_L1); });
    QCOMPARE(connections.size(), 1);
    QSqlQuery pragma(QSqlDatabase::database(connections.first()));
    QVERIFY(pragma.exec(u"PRAGMA page_count"_s) && pragma.next());
    QVERIFY(pragma.exec(u"PRAGMA max_page_count = %1"_s.arg(pragma.value(0).toInt())));

    QSignalSpy storage(&services, &EngineServices::storageStateChanged);
    QSignalSpy rejected(&services, &EngineServices::commandRejected);
    QSignalSpy events(&services, &EngineServices::eventRaised);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"journal write failed.*full"_s));
    services.submit(u"c-1"_s, u"queue"_s, u"queue.pause"_s, {{u"note"_s, QString(20000, u'x')}});
    QCOMPARE(rejected.size(), 1);
    QVERIFY(rejected.first().at(3).toString().contains(u"refused, not sent"_s));
    QCOMPARE(storage.size(), 1);
    QVERIFY(storage.first().at(1).toString().contains(u"full"_s));
    QCOMPARE(storage.first().at(2).toBool(), true);
    int storageEvents = 0;
    for (const QList<QVariant> &e : std::as_const(events))
        storageEvents += e.first().value<FeedEvent>().event == "storage"_L1;
    QCOMPARE(storageEvents, 1);
    // Room again: the next write clears what the operator was shown.
    QVERIFY(pragma.exec(u"PRAGMA max_page_count = 100000"_s));
    services.submit(u"c-2"_s, u"queue"_s, u"queue.pause"_s, {});
    QCOMPARE(storage.size(), 2);
    QCOMPARE(storage.last().at(1).toString(), QString());
    services.close();
}

QTEST_GUILESS_MAIN(tst_EngineServices)
#include "tst_engineservices.moc"
