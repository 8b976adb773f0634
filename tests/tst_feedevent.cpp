#include "events/eventstreamwriter.h"
#include "events/feedevent.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_FeedEvent : public QObject
{
    Q_OBJECT

private slots:
    void lineFormat();
    void appWideEventHasNullFeed();
    void ringKeepsTheLastN();
    void writerFlushesEveryLine();
};

void tst_FeedEvent::lineFormat()
{
    const FeedEvent e {1795348800123,
                       u"queue"_s,
                       u"retry_scheduled"_s,
                       {{u"attempt"_s, 3}, {u"delay_ms"_s, 4000}}};
    const QByteArray line = e.toJsonLine();
    QVERIFY(!line.contains('\n'));
    QVERIFY2(line.startsWith("{\"ts\":\"2026-11-22T"), line.constData());
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    QVERIFY(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s)
                .match(o.value("ts"_L1).toString())
                .hasMatch());
    QCOMPARE(o.value("ts"_L1).toString(), u"2026-11-22T12:00:00.123Z"_s);
    QCOMPARE(o.value("feed"_L1).toString(), u"queue"_s);
    QCOMPARE(o.value("event"_L1).toString(), u"retry_scheduled"_s);
    QCOMPARE(o.value("attempt"_L1).toInt(), 3);
    QCOMPARE(o.value("delay_ms"_L1).toInt(), 4000);
    QVERIFY(e.summary().contains(u"delay_ms=4000"_s));
}

void tst_FeedEvent::appWideEventHasNullFeed()
{
    const FeedEvent e {0, QString(), u"network"_s, {{u"online"_s, false}}};
    const QJsonObject o = QJsonDocument::fromJson(e.toJsonLine()).object();
    QVERIFY(o.value("feed"_L1).isNull());
    QCOMPARE(o.value("online"_L1).toBool(true), false);
    const FeedEvent bare {0, u"a\"b"_s, u"x"_s, {}};
    QCOMPARE(QJsonDocument::fromJson(bare.toJsonLine()).object().value("feed"_L1).toString(),
             u"a\"b"_s);
}

void tst_FeedEvent::ringKeepsTheLastN()
{
    EventRing ring(200);
    for (int i = 0; i < 450; ++i)
        ring.append({i, u"f"_s, u"e"_s, {}});
    const QList<FeedEvent> events = ring.events();
    QCOMPARE(events.size(), 200);
    QCOMPARE(events.first().wallMs, 250);
    QCOMPARE(events.last().wallMs, 449);
    for (int i = 1; i < events.size(); ++i)
        QCOMPARE(events.at(i).wallMs, events.at(i - 1).wallMs + 1);
}

void tst_FeedEvent::writerFlushesEveryLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"events.jsonl"_s);
    EventStreamWriter writer;
    QString error;
    QVERIFY(writer.open(path, &error));
    writer.write({1, u"queue"_s, u"state"_s, {{u"state"_s, u"connecting"_s}}});
    // Read while the writer is still open: the line must already be on disk.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.endsWith('\n'));
    QCOMPARE(content.count('\n'), 1);

    EventStreamWriter bad;
    QVERIFY(!bad.open(dir.filePath(u"missing/dir/x.jsonl"_s), &error));
    QVERIFY(error.contains(u"cannot open"_s));
}

QTEST_GUILESS_MAIN(tst_FeedEvent)
#include "tst_feedevent.moc"
