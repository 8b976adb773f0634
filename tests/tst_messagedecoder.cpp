#include "protocol/messagedecoder.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using Kind = DecodedMessage::Kind;
Q_DECLARE_METATYPE(DecodedMessage::Kind)

class tst_MessageDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void deepNestingDoesNotCrash();
    void hugeArrayIsASnapshot();
    void numbersOutOfRange_data();
    void numbersOutOfRange();
    void acks_data();
    void acks();
    void snapshotForFeed();
};

void tst_MessageDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("errorMentions");
    QTest::newRow("snapshot object")
        << QByteArray(R"({"type":"queue_update","data":{"phases":[]}})") << Kind::Snapshot
        << QString();
    QTest::newRow("snapshot array")
        << QByteArray(R"({"type":"workflows_update","data":[]})") << Kind::Snapshot << QString();
    QTest::newRow("hello") << QByteArray(R"({"type":"hello","server_id":"a"})") << Kind::Hello
                           << QString();
    QTest::newRow("pong") << QByteArray(R"({"type":"pong","timestamp":1})") << Kind::Pong
                          << QString();
    QTest::newRow("ack") << QByteArray(R"({"type":"ack","id":"x","ok":true})") << Kind::Ack
                         << QString();
    QTest::newRow("error") << QByteArray(R"({"type":"error","message":"m"})") << Kind::Error
                           << QString();
    QTest::newRow("unknown type") << QByteArray(R"({"type":"weird"})") << Kind::Unknown
                                  << u"weird"_s;
    QTest::newRow("malformed") << QByteArray(R"({"type":)") << Kind::Invalid << u"malformed"_s;
    QTest::newRow("array") << QByteArray("[1,2]") << Kind::Invalid << u"array"_s;
    QTest::newRow("number") << QByteArray("42") << Kind::Invalid << u"malformed"_s;
    QTest::newRow("empty") << QByteArray("") << Kind::Invalid << u"empty"_s;
    QTest::newRow("whitespace") << QByteArray(" \n\t ") << Kind::Invalid << u"empty"_s;
    QTest::newRow("no type") << QByteArray(R"({"data":1})") << Kind::Invalid << u"type"_s;
    QTest::newRow("type not string") << QByteArray(R"({"type":5})") << Kind::Invalid << u"type"_s;
    QTest::newRow("update without data")
        << QByteArray(R"({"type":"queue_update"})") << Kind::Invalid << u"data"_s;
    QTest::newRow("scalar data") << QByteArray(R"({"type":"queue_update","data":3})")
                                 << Kind::Invalid << u"data"_s;
    QTest::newRow("ack without id")
        << QByteArray(R"({"type":"ack","ok":true})") << Kind::Invalid << u"id"_s;
    QTest::newRow("invalid utf-8")
        << QByteArray("{\"type\":\"\xff\xfe\"}") << Kind::Invalid << u"malformed"_s;
    QTest::newRow("NaN literal") << QByteArray(R"({"type":"queue_update","data":NaN})")
                                 << Kind::Invalid << u"malformed"_s;
    QTest::newRow("Infinity literal") << QByteArray(R"({"type":"queue_update","data":[Infinity]})")
                                      << Kind::Invalid << u"malformed"_s;
    QTest::newRow("-Infinity literal")
        << QByteArray(R"({"type":"queue_update","data":{"a":-Infinity}})") << Kind::Invalid
        << u"malformed"_s;
    QTest::newRow("lone surrogate escape")
        << QByteArray(R"({"type":"hello","server_id":"\ud800"})") << Kind::Hello << QString();
    QTest::newRow("NUL byte inside")
        << QByteArray("{\"type\":\"hello\"}\0garbage", 25) << Kind::Invalid << u"malformed"_s;
    QTest::newRow("trailing garbage")
        << QByteArray(R"({"type":"hello"} {"type":"hello"})") << Kind::Invalid << u"malformed"_s;
    QTest::newRow("type empty") << QByteArray(R"({"type":""})") << Kind::Invalid << u"type"_s;
    QTest::newRow("duplicated key")
        << QByteArray(R"({"type":"hello","type":"queue_update","data":[]})") << Kind::Snapshot
        << QString();
}

void tst_MessageDecoder::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(Kind, kind);
    QFETCH(QString, errorMentions);
    const DecodedMessage m = MessageDecoder::decode(input);
    QCOMPARE(m.kind, kind);
    if (!errorMentions.isEmpty())
        QVERIFY2(m.error.contains(errorMentions, Qt::CaseInsensitive), qPrintable(m.error));
}

void tst_MessageDecoder::deepNestingDoesNotCrash()
{
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    const DecodedMessage m =
        MessageDecoder::decode(R"({"type":"queue_update","data":)" + deep + "}");
    QCOMPARE(m.kind, Kind::Invalid);
    QVERIFY(!m.error.isEmpty());
}

void tst_MessageDecoder::hugeArrayIsASnapshot()
{
    // A million rows (~12 MB) decodes; what the models make of it is the schemas' business.
    QByteArray rows;
    rows.reserve(12 * 1000 * 1000);
    for (int i = 0; i < 1000 * 1000; ++i)
        rows += (i ? ",{\"k\":" : "{\"k\":") + QByteArray::number(i) + '}';
    const DecodedMessage m =
        MessageDecoder::decode(R"({"type":"queue_update","data":{"phases":[)" + rows + "]}}");
    QCOMPARE(m.kind, Kind::Snapshot);
    QCOMPARE(m.data.toObject().value("phases"_L1).toArray().size(), 1000 * 1000);
}

void tst_MessageDecoder::numbersOutOfRange_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::newRow("1e400") << QByteArray("1e400");
    QTest::newRow("-1e400") << QByteArray("-1e400");
    QTest::newRow("1e-400") << QByteArray("1e-400");
    QTest::newRow("2^64") << QByteArray("18446744073709551616");
    QTest::newRow("400 digits") << QByteArray(400, '9');
}

// Numbers JSON allows but a double cannot hold: never a crash; either a clear error or a finite
// value (Qt 6.4.2 rejects 1e400 and 1e-400 as "illegal number"; 2^64 reads as a double).
void tst_MessageDecoder::numbersOutOfRange()
{
    QFETCH(QByteArray, number);
    const DecodedMessage m =
        MessageDecoder::decode(R"({"type":"queue_update","data":{"n":)" + number + "}}");
    if (m.kind == Kind::Invalid) {
        QVERIFY2(!m.error.isEmpty(), number.constData());
        return;
    }
    QCOMPARE(m.kind, Kind::Snapshot);
    QVERIFY2(std::isfinite(m.data.toObject().value("n"_L1).toDouble()), number.constData());
}

void tst_MessageDecoder::acks_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<AckOutcome>("outcome");
    QTest::addColumn<QString>("errorMentions");
    QTest::newRow("ok") << QByteArray(R"({"type":"ack","id":"c1","ok":true})")
                        << AckOutcome::Applied << QString();
    QTest::newRow("refused with reason")
        << QByteArray(R"({"type":"ack","id":"c1","ok":false,"error":"queue is empty"})")
        << AckOutcome::Refused << u"queue is empty"_s;
    QTest::newRow("refused, no reason") << QByteArray(R"({"type":"ack","id":"c1","ok":false})")
                                        << AckOutcome::Refused << u"no reason"_s;
    QTest::newRow("refused, reason not a string")
        << QByteArray(R"({"type":"ack","id":"c1","ok":false,"error":{"code":3}})")
        << AckOutcome::Refused << u"no reason"_s;
    // Only an explicit ok:false is a refusal: without a boolean the server may have applied it.
    QTest::newRow("ok not a bool") << QByteArray(R"({"type":"ack","id":"c1","ok":"yes"})")
                                   << AckOutcome::Unreadable << u"boolean"_s;
    QTest::newRow("ok missing") << QByteArray(R"({"type":"ack","id":"c1"})")
                                << AckOutcome::Unreadable << u"boolean"_s;
    QTest::newRow("ok null, error text")
        << QByteArray(R"({"type":"ack","id":"c1","ok":null,"error":"boom"})")
        << AckOutcome::Unreadable << u"boolean"_s;
}

// An ack names its command by id; whatever else is wrong with it, it never reads as a success,
// and only an explicit "ok":false reads as a refusal.
void tst_MessageDecoder::acks()
{
    QFETCH(QByteArray, input);
    QFETCH(AckOutcome, outcome);
    QFETCH(QString, errorMentions);
    const DecodedMessage m = MessageDecoder::decode(input);
    QCOMPARE(m.kind, Kind::Ack);
    QCOMPARE(m.ackId, u"c1"_s);
    QCOMPARE(m.ackOutcome, outcome);
    if (outcome == AckOutcome::Applied)
        QVERIFY(m.ackError.isEmpty());
    else
        QVERIFY2(m.ackError.contains(errorMentions), qPrintable(m.ackError));
    const DecodedMessage noId = MessageDecoder::decode(R"({"type":"ack","id":"","ok":true})");
    QCOMPARE(noId.kind, Kind::Invalid);
}

void tst_MessageDecoder::snapshotForFeed()
{
    const DecodedMessage m = MessageDecoder::decode(R"({"type":"queue_update","data":[]})");
    QVERIFY(MessageDecoder::isSnapshotFor(m, u"queue_update"_s));
    QVERIFY(MessageDecoder::isSnapshotFor(m, QString()));
    QVERIFY(!MessageDecoder::isSnapshotFor(m, u"workflows_update"_s));
}

QTEST_GUILESS_MAIN(tst_MessageDecoder)
#include "tst_messagedecoder.moc"
