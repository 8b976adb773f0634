#include "models/feedschema.h"
#include "models/feedschemas.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Format = FeedColumn::Format;

namespace {
QJsonValue parse(const QByteArray &json)
{
    return QJsonDocument::fromJson("[" + json + "]").array().at(0);
}

QStringList fieldsOf(const QList<FeedColumn> &columns)
{
    QStringList fields;
    for (const FeedColumn &column : columns)
        fields.append(column.field);
    return fields;
}
} // namespace

// FeedColumn formatting and FeedSchema decoding, including the generic schema of custom feeds.
class tst_FeedSchema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void display_data();
    void display();
    void sortValue();
    void nestedPath();
    void genericArrayDerivesColumns();
    void genericObjectWithArray();
    void genericObjectIsKeyValue();
    void genericArrayWithoutIdIsKeyedByPosition();
};

void tst_FeedSchema::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void tst_FeedSchema::display_data()
{
    QTest::addColumn<FeedColumn::Format>("format");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    const QString stamp = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC)
                              .toLocalTime()
                              .toString(u"yyyy-MM-dd HH:mm:ss"_s);

    QTest::newRow("text string") << Format::Text << R"("hi")"_ba << u"hi"_s;
    QTest::newRow("text int") << Format::Text << "12"_ba << u"12"_s;
    QTest::newRow("text bool") << Format::Text << "true"_ba << u"yes"_s;
    QTest::newRow("text null") << Format::Text << "null"_ba << QString();
    QTest::newRow("text object") << Format::Text << R"({"a": [1]})"_ba << uR"({"a":[1]})"_s;
    QTest::newRow("int") << Format::Int << "1234"_ba << u"1234"_s;
    QTest::newRow("int fractional") << Format::Int << "2.5"_ba << u"2.50"_s;
    QTest::newRow("int from string") << Format::Int << R"("12")"_ba << QString();
    QTest::newRow("status") << Format::Status << R"("in_progress")"_ba << u"in_progress"_s;
    QTest::newRow("status number") << Format::Status << "3"_ba << QString();
    QTest::newRow("timestamp Z") << Format::Timestamp << R"("2025-01-02T03:04:05Z")"_ba << stamp;
    QTest::newRow("timestamp offset")
        << Format::Timestamp << R"("2025-01-02T04:04:05.250+01:00")"_ba << stamp;
    QTest::newRow("timestamp naive is UTC")
        << Format::Timestamp << R"("2025-01-02T03:04:05")"_ba << stamp;
    QTest::newRow("timestamp epoch s") << Format::Timestamp << "1735787045"_ba << stamp;
    QTest::newRow("timestamp epoch ms") << Format::Timestamp << "1735787045000"_ba << stamp;
    QTest::newRow("timestamp garbage shown raw")
        << Format::Timestamp << R"("yesterday")"_ba << u"yesterday"_s;
    QTest::newRow("timestamp bool") << Format::Timestamp << "true"_ba << QString();
    QTest::newRow("duration s") << Format::Duration << "59"_ba << u"59s"_s;
    QTest::newRow("duration m") << Format::Duration << "95"_ba << u"1m 35s"_s;
    QTest::newRow("duration h") << Format::Duration << "3725"_ba << u"1h 02m"_s;
    QTest::newRow("duration d") << Format::Duration << "90061"_ba << u"1d 01h"_s;
    QTest::newRow("duration negative") << Format::Duration << "-5"_ba << QString();
    QTest::newRow("duration string") << Format::Duration << R"("5")"_ba << QString();
    // Numbers beyond any integer (found by fuzz_feedschema: a float-to-int overflow) are shown
    // as numbers, never cast.
    QTest::newRow("duration huge") << Format::Duration << "3.3e107"_ba << u"3.3e+107"_s;
    QTest::newRow("duration 2^63")
        << Format::Duration << "9223372036854775808"_ba << u"9.22337e+18"_s;
    QTest::newRow("percent huge") << Format::Percent << "1e300"_ba << u"1e+300%"_s;
    QTest::newRow("timestamp huge") << Format::Timestamp << "1e300"_ba << QString();
    QTest::newRow("timestamp huge negative") << Format::Timestamp << "-1e20"_ba << QString();
    QTest::newRow("percent") << Format::Percent << "42.4"_ba << u"42%"_s;
    QTest::newRow("money") << Format::Money << "0.125"_ba << u"$0.13"_s;
    QTest::newRow("money null") << Format::Money << "null"_ba << QString();
    QTest::newRow("url") << Format::Url << R"("https://x.invalid/1")"_ba
                         << u"https://x.invalid/1"_s;
    QTest::newRow("url object") << Format::Url << "{}"_ba << QString();
}

void tst_FeedSchema::display()
{
    QFETCH(FeedColumn::Format, format);
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);

    const FeedColumn column {u"f"_s, nullptr, format};
    QCOMPARE(column.display(parse(json)), expected);
}

void tst_FeedSchema::sortValue()
{
    const FeedColumn number {u"n"_s, nullptr, Format::Int};
    QCOMPARE(number.sortValue(QJsonValue(9)).toDouble(), 9.0);
    QVERIFY(!number.sortValue(QJsonValue()).isValid());

    const FeedColumn stamp {u"t"_s, nullptr, Format::Timestamp};
    const QVariant value = stamp.sortValue(QJsonValue(u"2025-01-02T03:04:05Z"_s));
    QCOMPARE(value.typeId(), QMetaType::QDateTime);
    QCOMPARE(value.toDateTime().toMSecsSinceEpoch(), 1735787045000);
}

void tst_FeedSchema::nestedPath()
{
    const FeedColumn column {u"a.b.c"_s, nullptr, Format::Text};
    QCOMPARE(column.valueIn(parse(R"({"a": {"b": {"c": "deep"}}})"_ba).toObject()),
             QJsonValue(u"deep"_s));
    QVERIFY(column.valueIn(parse(R"({"a": {"b": 3}})"_ba).toObject()).isUndefined());
    QVERIFY(column.valueIn({}).isUndefined());
}

void tst_FeedSchema::genericArrayDerivesColumns()
{
    // Union of the keys of the first rows, the key field first, formats guessed from values.
    const DecodedSnapshot snapshot = FeedSchemas::generic().decode(parse(R"([
        {"name": "deploy-1", "status": "ok"},
        {"name": "deploy-2", "created_at": "2025-01-02T03:04:05Z", "replicas": 3},
        {"name": "deploy-3", "console_url": "https://x.invalid"}])"_ba));
    QVERIFY(snapshot.error.isEmpty());
    QCOMPARE(
        fieldsOf(snapshot.columns),
        QStringList({u"name"_s, u"status"_s, u"created_at"_s, u"replicas"_s, u"console_url"_s}));
    QCOMPARE(snapshot.columns.at(1).format, Format::Status);
    QCOMPARE(snapshot.columns.at(2).format, Format::Timestamp);
    QCOMPARE(snapshot.columns.at(3).format, Format::Int);
    QCOMPARE(snapshot.columns.at(4).format, Format::Url);
    QCOMPARE(FeedSchema::statusColumn(snapshot.columns), 1);
    QCOMPARE(snapshot.rows.size(), 3);
    QCOMPARE(snapshot.rows.at(2).key, u"deploy-3"_s);
    QCOMPARE(snapshot.columns.at(0).headerText(), u"name"_s);
}

void tst_FeedSchema::genericObjectWithArray()
{
    const DecodedSnapshot snapshot = FeedSchemas::generic().decode(
        parse(R"({"count": 2, "jobs": [{"id": 1, "state": "x"}, {"id": 2}]})"_ba));
    QVERIFY(snapshot.error.isEmpty());
    QCOMPARE(fieldsOf(snapshot.columns), QStringList({u"id"_s, u"state"_s}));
    QCOMPARE(snapshot.rows.size(), 2);
    QCOMPARE(snapshot.rows.at(1).key, u"2"_s);
    QCOMPARE(snapshot.meta, QJsonObject({{u"count"_s, 2}}));
}

void tst_FeedSchema::genericObjectIsKeyValue()
{
    const DecodedSnapshot snapshot = FeedSchemas::generic().decode(
        parse(R"({"version": "1.2", "limits": {"cpu": 2}, "tags": ["a"]})"_ba));
    QVERIFY(snapshot.error.isEmpty());
    QCOMPARE(fieldsOf(snapshot.columns), QStringList({u"key"_s, u"value"_s}));
    QStringList keys;
    for (const auto &row : snapshot.rows)
        keys.append(row.key);
    QCOMPARE(keys, QStringList({u"limits.cpu"_s, u"tags"_s, u"version"_s}));
    QCOMPARE(snapshot.rows.at(0).object.value(u"value"_s).toInt(), 2);
}

void tst_FeedSchema::genericArrayWithoutIdIsKeyedByPosition()
{
    const DecodedSnapshot snapshot =
        FeedSchemas::generic().decode(parse(R"([{"a": 1}, {"a": 2}, 7])"_ba));
    QCOMPARE(snapshot.rows.size(), 2);
    QCOMPARE(snapshot.rows.at(1).key, u"1"_s);
    QCOMPARE(snapshot.warnings, 1);
    QVERIFY(!snapshot.error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_FeedSchema)
#include "tst_feedschema.moc"
