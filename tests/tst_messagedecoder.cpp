#include "protocol/messagedecoder.h"

#include <QTest>

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

void tst_MessageDecoder::snapshotForFeed()
{
    const DecodedMessage m = MessageDecoder::decode(R"({"type":"queue_update","data":[]})");
    QVERIFY(MessageDecoder::isSnapshotFor(m, u"queue_update"_s));
    QVERIFY(MessageDecoder::isSnapshotFor(m, QString()));
    QVERIFY(!MessageDecoder::isSnapshotFor(m, u"workflows_update"_s));
}

QTEST_GUILESS_MAIN(tst_MessageDecoder)
#include "tst_messagedecoder.moc"
