// The event stream on disk: one JSON object a line, each line complete the moment it is
// written (a reader tailing the file never sees half a line), appended after what was there,
// and a clear error for a target it cannot write.
#include "events/eventstreamwriter.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_EventStreamWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesCompleteLinesAtOnce();
    void appendsToAnExistingFile();
    void unwritableTargetIsAClearError();
};

namespace {
QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

void tst_EventStreamWriter::writesCompleteLinesAtOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"events.jsonl"_s);
    EventStreamWriter writer;
    QString error;
    QVERIFY2(writer.open(path, &error), qPrintable(error));
    writer.write({1'790'000'000'123, u"queue"_s, u"state"_s, {{u"state"_s, u"connected"_s}}});
    // Read back before the writer goes away: flushed per line, not at close.
    QByteArray now = contents(path);
    QVERIFY(now.endsWith('\n'));
    QCOMPARE(now.count('\n'), 1);
    writer.write({1'790'000'000'124, QString(), u"engine_stopped"_s, {}});
    now = contents(path);
    QCOMPARE(now.count('\n'), 2);
    QCOMPARE(writer.linesWritten(), 2);
    const QList<QByteArray> lines = now.trimmed().split('\n');
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(first.value("ts"_L1).toString(), u"2026-09-21T14:13:20.123Z"_s);
    QCOMPARE(first.value("feed"_L1).toString(), u"queue"_s);
    QCOMPARE(first.value("event"_L1).toString(), u"state"_s);
    QCOMPARE(first.value("state"_L1).toString(), u"connected"_s);
    const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
    QVERIFY(second.value("feed"_L1).isNull());
    QCOMPARE(second.value("event"_L1).toString(), u"engine_stopped"_s);
}

void tst_EventStreamWriter::appendsToAnExistingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"events.jsonl"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"earlier\":true}\n");
    }
    EventStreamWriter writer;
    QString error;
    QVERIFY(writer.open(path, &error));
    writer.write({1, u"queue"_s, u"attempt"_s, {{u"attempt"_s, 1}}});
    const QList<QByteArray> lines = contents(path).trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.first(), QByteArray("{\"earlier\":true}")); // nothing overwritten
}

void tst_EventStreamWriter::unwritableTargetIsAClearError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EventStreamWriter writer;
    QString error;
    const QString target = dir.filePath(u"no/such/dir/events.jsonl"_s);
    QVERIFY(!writer.open(target, &error));
    QVERIFY2(error.contains(target), qPrintable(error));
    writer.write({1, u"queue"_s, u"attempt"_s, {}}); // harmless when not open
    QCOMPARE(writer.linesWritten(), 0);
}

QTEST_GUILESS_MAIN(tst_EventStreamWriter)
#include "tst_eventstreamwriter.moc"
