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
    void peekAgreesWithDecode_data();
    void peekAgreesWithDecode();
    void peekReusesItsBufferSafely();
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

// peekSnapshot() lets a snapshot wait undecoded (FeedConnection): whenever it says "a snapshot of
// this type", decode() must say so too, and for every ordinary snapshot it must say it, or the
// flood path would never be taken. It may decline only where the two parsers read JSON
// differently: a duplicated "type" (simdjson takes the first, Qt the last), a raw control
// character in a string (Qt lets it through), numbers beyond a double or 64 bits.
void tst_MessageDecoder::peekAgreesWithDecode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("mayDecline");
    const auto add = [](const char *name, const QByteArray &input, bool mayDecline = false) {
        QTest::newRow(name) << input << mayDecline;
    };
    add("snapshot object", R"({"type":"queue_update","data":{"phases":[]}})");
    add("snapshot array", R"({"type":"queue_update","data":[]})");
    add("spaced, data first", " {\n \"data\" : [ 1, 2 ] ,\t\"type\" : \"queue_update\" } \n");
    add("other feed's snapshot", R"({"type":"workflows_update","data":[]})");
    add("type is a prefix", R"({"type":"queue_updat","data":[]})");
    add("type longer", R"({"type":"queue_updates","data":[]})");
    add("escaped type", R"({"type":"queue\u005fupdate","data":[]})");
    add("non-ASCII data", "{\"type\":\"queue_update\",\"data\":{\"n\":\"\xc3\xa9\xe2\x82\xac\"}}");
    add("hello", R"({"type":"hello","server_id":"a"})");
    add("pong", R"({"type":"pong","timestamp":1})");
    add("malformed", R"({"type":"queue_update","data":[)");
    add("array", R"([{"type":"queue_update","data":[]}])");
    add("empty", "");
    add("whitespace", " \n ");
    add("no type", R"({"data":[]})");
    add("type not string", R"({"type":5,"data":[]})");
    add("without data", R"({"type":"queue_update"})");
    add("scalar data", R"({"type":"queue_update","data":3})");
    add("null data", R"({"type":"queue_update","data":null})");
    add("NaN", R"({"type":"queue_update","data":[NaN]})");
    add("trailing garbage", R"({"type":"queue_update","data":[]} x)");
    add("two documents", R"({"type":"queue_update","data":[]}{"type":"queue_update","data":[]})");
    // Qt takes a raw tab inside a string, which JSON forbids; simdjson does not.
    add("control character in a string", "{\"type\":\"queue_update\",\"data\":[\"a\tb\"]}", true);
    add("1e400", R"({"type":"queue_update","data":{"n":1e400}})", true);
    add("2^64", R"({"type":"queue_update","data":{"n":18446744073709551616}})", true);
    add("deep",
        R"({"type":"queue_update","data":)" + QByteArray(5000, '[') + QByteArray(5000, ']') + "}");
    add("duplicated type", R"({"type":"hello","type":"queue_update","data":[]})", true);
}

void tst_MessageDecoder::peekAgreesWithDecode()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, mayDecline);
    const QString message = QString::fromUtf8(input);
    const MessageDecoder::Peek peek = MessageDecoder::peekSnapshot(message, "queue_update");
    QCOMPARE(peek.utf8.toByteArray(), message.toUtf8()); // the size on the wire, too
    const DecodedMessage decoded = MessageDecoder::decode(message.toUtf8());
    const bool snapshot = MessageDecoder::isSnapshotFor(decoded, u"queue_update"_s);
    if (peek.isSnapshot)
        QVERIFY2(snapshot, qPrintable(decoded.error));
    else if (!mayDecline)
        QVERIFY2(!snapshot, "peekSnapshot() declined an ordinary snapshot");
}

// One buffer per thread: a long message, then a short one, then the long one again.
void tst_MessageDecoder::peekReusesItsBufferSafely()
{
    QString rows;
    for (int i = 0; i < 5000; ++i)
        rows += u"{\"k\":%1,\"s\":\"\u00e9t\u00e9\"},"_s.arg(i);
    rows.chop(1);
    const QString big = u"{\"type\":\"queue_update\",\"data\":["_s + rows + u"]}"_s;
    const QString small = u"{\"type\":\"queue_update\",\"data\":[]}"_s;
    for (const QString &message : {big, small, big, small}) {
        const MessageDecoder::Peek peek = MessageDecoder::peekSnapshot(message, "queue_update");
        QVERIFY(peek.isSnapshot);
        QCOMPARE(peek.utf8.size(), message.toUtf8().size());
    }
    // The type alone does not make a snapshot: decode() calls only *_update types snapshots.
    QVERIFY(
        !MessageDecoder::peekSnapshot(u"{\"type\":\"hello\",\"data\":[]}"_s, "hello").isSnapshot);
}

QTEST_GUILESS_MAIN(tst_MessageDecoder)
#include "tst_messagedecoder.moc"
