#include "models/feedschema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using Kind = FeedColumn::Kind;

namespace {
QJsonValue parse(const QByteArray &json)
{
    return QJsonDocument::fromJson("[" + json + "]").array().at(0);
}

FeedColumn column(const QString &field, Kind kind = Kind::Text)
{
    FeedColumn c;
    c.field = field;
    c.kind = kind;
    return c;
}

FeedSchema generic()
{
    FeedSchema schema;
    schema.view = FeedSchema::View::Generic;
    return schema;
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
    void todayShowsTheClock();
    void numberFormatting();
    void naiveTimesInTheBackendsZone();
    void elapsedDurations();
    void sortValue();
    void nestedPath();
    void genericArrayDerivesColumns();
    void genericObjectWithArray();
    void genericObjectIsKeyValue();
    void flattenedKeysThatReadAlikeKeepDistinctIds();
    void genericArrayWithoutIdIsKeyedByPosition();
    void genericFindsRowsBelowTheTop();
    void rowKeysNeverCollide_data();
    void rowKeysNeverCollide();
    void rowsAtAPointerOrAnObjectOfObjects();
};

void tst_FeedSchema::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void tst_FeedSchema::display_data()
{
    QTest::addColumn<FeedColumn::Kind>("kind");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    // Times of another day with their date, to the minute (today's: the clock, to the second).
    const QString stamp = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC)
                              .toLocalTime()
                              .toString(u"yyyy-MM-dd HH:mm"_s);
    const QString naive =
        QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::LocalTime).toString(u"yyyy-MM-dd HH:mm"_s);

    QTest::newRow("text string") << Kind::Text << R"("hi")"_ba << u"hi"_s;
    QTest::newRow("text int") << Kind::Text << "12"_ba << u"12"_s;
    QTest::newRow("text float noise") << Kind::Text << "1.8599999999999999"_ba << u"1.86"_s;
    QTest::newRow("text small float") << Kind::Text << "0.0042"_ba << u"0.0042"_s;
    QTest::newRow("text bool") << Kind::Text << "true"_ba << u"yes"_s;
    QTest::newRow("text null") << Kind::Text << "null"_ba << QString();
    QTest::newRow("text list") << Kind::Text << R"(["queue", "backend", 3])"_ba
                               << u"queue, backend, 3"_s;
    QTest::newRow("text empty list") << Kind::Text << "[]"_ba << QString();
    QTest::newRow("text object") << Kind::Text << R"({"a": [1]})"_ba << uR"({"a":[1]})"_s;
    QTest::newRow("number") << Kind::Number << "1234"_ba << u"1234"_s;
    QTest::newRow("number fractional") << Kind::Number << "2.5"_ba << u"2.5"_s;
    QTest::newRow("number float noise") << Kind::Number << "57.14285714285714"_ba << u"57.14"_s;
    QTest::newRow("number from string") << Kind::Number << R"("214")"_ba << u"214"_s;
    QTest::newRow("number from word") << Kind::Number << R"("many")"_ba << QString();
    QTest::newRow("status") << Kind::Status << R"("in_progress")"_ba << u"in_progress"_s;
    QTest::newRow("status number") << Kind::Status << "3"_ba << u"3"_s;
    QTest::newRow("id number") << Kind::Id << "214"_ba << u"214"_s;
    QTest::newRow("id string") << Kind::Id << R"("214")"_ba << u"214"_s;
    QTest::newRow("time Z") << Kind::Time << R"("2025-01-02T03:04:05Z")"_ba << stamp;
    QTest::newRow("time offset") << Kind::Time << R"("2025-01-02T04:04:05.250+01:00")"_ba << stamp;
    // Python's isoformat() without a zone is the backend's wall clock: local by default.
    QTest::newRow("time naive is local")
        << Kind::Time << R"("2025-01-02T03:04:05.198276")"_ba << naive;
    QTest::newRow("time SQL spacing") << Kind::Time << R"("2025-01-02 03:04:05")"_ba << naive;
    QTest::newRow("time epoch s") << Kind::Time << "1735787045"_ba << stamp;
    QTest::newRow("time epoch ms") << Kind::Time << "1735787045000"_ba << stamp;
    QTest::newRow("time garbage shown raw") << Kind::Time << R"("yesterday")"_ba << u"yesterday"_s;
    QTest::newRow("time bool") << Kind::Time << "true"_ba << QString();
    QTest::newRow("duration s") << Kind::Duration << "59"_ba << u"59s"_s;
    QTest::newRow("duration m") << Kind::Duration << "95"_ba << u"1m 35s"_s;
    QTest::newRow("duration h") << Kind::Duration << "3725"_ba << u"1h 02m"_s;
    QTest::newRow("duration d") << Kind::Duration << "90061"_ba << u"1d 01h"_s;
    QTest::newRow("duration fraction") << Kind::Duration << "1.637339"_ba << u"1s"_s;
    QTest::newRow("duration negative") << Kind::Duration << "-5"_ba << QString();
    QTest::newRow("duration string") << Kind::Duration << R"("5")"_ba << u"5s"_s;
    // Numbers beyond any integer (found by fuzz_feedschema: a float-to-int overflow) are shown
    // as numbers, never cast.
    QTest::newRow("duration huge") << Kind::Duration << "3.3e107"_ba << u"3.3e+107"_s;
    QTest::newRow("duration 2^63")
        << Kind::Duration << "9223372036854775808"_ba << u"9.22337e+18"_s;
    QTest::newRow("percent huge") << Kind::Percent << "1e300"_ba << u"1e+300%"_s;
    QTest::newRow("time huge") << Kind::Time << "1e300"_ba << QString();
    QTest::newRow("time huge negative") << Kind::Time << "-1e20"_ba << QString();
    QTest::newRow("percent") << Kind::Percent << "42.4"_ba << u"42.4%"_s;
    QTest::newRow("percent whole") << Kind::Percent << "50.0"_ba << u"50%"_s;
    QTest::newRow("percent string") << Kind::Percent << R"("0.0%")"_ba << u"0%"_s;
    QTest::newRow("link") << Kind::Link << R"("https://x.invalid/1")"_ba
                          << u"https://x.invalid/1"_s;
    QTest::newRow("link object") << Kind::Link << "{}"_ba << u"{}"_s;
}

void tst_FeedSchema::display()
{
    QFETCH(FeedColumn::Kind, kind);
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);

    QCOMPARE(column(u"f"_s, kind).display(parse(json)), expected);
}

void tst_FeedSchema::todayShowsTheClock()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QString iso = now.toUTC().toString(Qt::ISODate);
    const QString shown = column(u"t"_s, Kind::Time).display(QJsonValue(iso));
    // Around midnight "now" may be yesterday by the time it is shown; both are honest.
    QVERIFY2(shown == now.toString(u"HH:mm:ss"_s) || shown == now.toString(u"yyyy-MM-dd HH:mm"_s),
             qPrintable(shown));
}

void tst_FeedSchema::numberFormatting()
{
    FeedColumn cost = column(u"c"_s, Kind::Number);
    cost.prefix = u"$"_s;
    cost.decimals = 2;
    QCOMPARE(cost.display(QJsonValue(0.125)), u"$0.13"_s);
    QCOMPARE(cost.display(QJsonValue(3)), u"$3.00"_s);
    QCOMPARE(cost.display(QJsonValue()), QString());
    FeedColumn ms = column(u"d"_s, Kind::Duration);
    ms.unitSeconds = 0.001;
    QCOMPARE(ms.display(QJsonValue(95000)), u"1m 35s"_s);
}

void tst_FeedSchema::naiveTimesInTheBackendsZone()
{
    FeedColumn at = column(u"t"_s, Kind::Time);
    at.zone = QTimeZone("America/New_York");
    const QVariant value = at.sortValue(QJsonValue(u"2026-12-02T20:19:51.198276"_s));
    QCOMPARE(value.toDateTime().toUTC(),
             QDateTime(QDate(2026, 12, 3), QTime(1, 19, 51, 198), Qt::UTC));
    // With a zone of its own, a timestamp is exact whatever the backend's zone.
    QCOMPARE(at.sortValue(QJsonValue(u"2026-12-02T20:19:51Z"_s)).toDateTime().toUTC(),
             QDateTime(QDate(2026, 12, 2), QTime(20, 19, 51), Qt::UTC));
}

void tst_FeedSchema::elapsedDurations()
{
    FeedColumn duration = column(u"duration_seconds"_s, Kind::Duration);
    duration.elapsedFrom = u"start_time"_s;
    duration.elapsedTo = u"end_time"_s;
    const QJsonObject failed {{u"duration_seconds"_s, QJsonValue()},
                              {u"start_time"_s, u"2026-12-02T19:04:51.198276"_s},
                              {u"end_time"_s, u"2026-12-02T19:35:51.198276"_s}};
    QCOMPARE(duration.displayIn(failed), u"31m 00s"_s);
    QCOMPARE(duration.sortValueIn(failed).toDouble(), 1860.0);
    QJsonObject given = failed;
    given.insert(u"duration_seconds"_s, 2414);
    QCOMPARE(duration.displayIn(given), u"40m 14s"_s);
    QJsonObject none {{u"duration_seconds"_s, QJsonValue()}};
    QCOMPARE(duration.displayIn(none), QString());
}

void tst_FeedSchema::sortValue()
{
    const FeedColumn number = column(u"n"_s, Kind::Number);
    QCOMPARE(number.sortValue(QJsonValue(9)).toDouble(), 9.0);
    QCOMPARE(number.sortValue(QJsonValue(u"214"_s)).toDouble(), 214.0);
    QVERIFY(!number.sortValue(QJsonValue()).isValid());
    QCOMPARE(column(u"i"_s, Kind::Id).sortValue(QJsonValue(u"205"_s)).toDouble(), 205.0);

    const FeedColumn stamp = column(u"t"_s, Kind::Time);
    const QVariant value = stamp.sortValue(QJsonValue(u"2025-01-02T03:04:05Z"_s));
    QCOMPARE(value.typeId(), QMetaType::QDateTime);
    QCOMPARE(value.toDateTime().toMSecsSinceEpoch(), 1735787045000);
}

void tst_FeedSchema::nestedPath()
{
    const FeedColumn deep = column(u"a.b.c"_s);
    QCOMPARE(deep.valueIn(parse(R"({"a": {"b": {"c": "deep"}}})"_ba).toObject()),
             QJsonValue(u"deep"_s));
    QVERIFY(deep.valueIn(parse(R"({"a": {"b": 3}})"_ba).toObject()).isUndefined());
    QVERIFY(deep.valueIn(QJsonObject()).isUndefined());
    QCOMPARE(column(u"/a/b"_s).valueIn(parse(R"({"a": {"b": 5}})"_ba)).toInt(), 5);
}

void tst_FeedSchema::genericArrayDerivesColumns()
{
    // Union of the keys of the first rows, kinds guessed from names and values.
    const DecodedSnapshot snapshot = generic().decode(parse(R"([
        {"name": "deploy-1", "status": "ok"},
        {"name": "deploy-2", "created_at": "2025-01-02T03:04:05Z", "replicas": 3},
        {"name": "deploy-3", "console_url": "https://x.invalid"}])"_ba));
    QVERIFY(snapshot.problem.isNull());
    QVERIFY(snapshot.derived);
    QCOMPARE(
        fieldsOf(snapshot.columns),
        QStringList({u"name"_s, u"status"_s, u"created_at"_s, u"replicas"_s, u"console_url"_s}));
    QCOMPARE(snapshot.columns.at(1).kind, Kind::Status);
    QCOMPARE(snapshot.columns.at(2).kind, Kind::Time);
    QCOMPARE(snapshot.columns.at(3).kind, Kind::Number);
    QCOMPARE(snapshot.columns.at(4).kind, Kind::Link);
    QCOMPARE(FeedSchema::statusColumn(snapshot.columns, QString()), 1);
    QCOMPARE(snapshot.rows.size(), 3);
    QCOMPARE(snapshot.rows.at(2).key, u"deploy-3"_s);
    QCOMPARE(snapshot.columns.at(0).headerText(), u"name"_s);
}

void tst_FeedSchema::genericObjectWithArray()
{
    const DecodedSnapshot snapshot =
        generic().decode(parse(R"({"count": 2, "jobs": [{"id": 1, "state": "x"}, {"id": 2}]})"_ba));
    QVERIFY(snapshot.problem.isNull());
    QCOMPARE(fieldsOf(snapshot.columns), QStringList({u"id"_s, u"state"_s}));
    QCOMPARE(snapshot.rows.size(), 2);
    QCOMPARE(snapshot.rows.at(1).key, u"2"_s);
    QCOMPARE(snapshot.meta, QJsonObject({{u"count"_s, 2}}));
}

void tst_FeedSchema::genericObjectIsKeyValue()
{
    const DecodedSnapshot snapshot =
        generic().decode(parse(R"({"version": "1.2", "limits": {"cpu": 2}, "tags": ["a"]})"_ba));
    QVERIFY(snapshot.problem.isNull());
    QCOMPARE(fieldsOf(snapshot.columns), QStringList({u"key"_s, u"value"_s}));
    QStringList keys;
    for (const auto &row : snapshot.rows)
        keys.append(row.key);
    QCOMPARE(keys, QStringList({u"limits.cpu"_s, u"tags"_s, u"version"_s}));
    QCOMPARE(snapshot.rows.at(0).object.value(u"value"_s).toInt(), 2);
}

void tst_FeedSchema::flattenedKeysThatReadAlikeKeepDistinctIds()
{
    // Found by fuzz_smoke: an empty key vanished from the dotted path, so {"status": 1, "":
    // {"status": 2}} gave two rows both identified "status" (and the model needs unique
    // identities). The operator reads the dotted path (".status" shows the empty key); the identity
    // is the JSON pointer when a key is empty or holds '.', '/' or '~'.
    const DecodedSnapshot snapshot = generic().decode(parse(
        R"({"status": 1, "": {"status": 2}, "a.b": 3, "a": {"b": 4}, "c/d": 5, "c": {"d": 6}})"_ba));
    QStringList ids;
    QStringList keys;
    for (const auto &row : snapshot.rows) {
        ids.append(row.id);
        keys.append(row.key);
    }
    QCOMPARE(keys,
             QStringList({u".status"_s, u"a.b"_s, u"a.b"_s, u"c.d"_s, u"c/d"_s, u"status"_s}));
    QCOMPARE(ids,
             QStringList({u"//status"_s, u"a.b"_s, u"/a.b"_s, u"c.d"_s, u"/c~1d"_s, u"status"_s}));
    QCOMPARE(generic().countRows(parse(R"({"": {"x": 1}, "x": 2})"_ba)).rows, 2);
}

void tst_FeedSchema::genericArrayWithoutIdIsKeyedByPosition()
{
    const DecodedSnapshot snapshot = generic().decode(parse(R"([{"a": 1}, {"a": 2}, 7])"_ba));
    QCOMPARE(snapshot.rows.size(), 2);
    QCOMPARE(snapshot.rows.at(1).key, u"1"_s);
    QCOMPARE(snapshot.skipped, 1);
    QVERIFY(snapshot.hasWarnings());
}

void tst_FeedSchema::genericFindsRowsBelowTheTop()
{
    // qc-metrics style: the first array of objects, wherever it is, with the rest as meta.
    const DecodedSnapshot snapshot = generic().decode(parse(
        R"({"overall_score": 81.5, "naming": {"violations": [{"file": "a.py"}, {"file": "b"}]}})"_ba));
    QCOMPARE(snapshot.rows.size(), 2);
    QCOMPARE(fieldsOf(snapshot.columns), QStringList({u"file"_s}));
    QCOMPARE(snapshot.meta.value("overall_score"_L1).toDouble(), 81.5);
}

void tst_FeedSchema::rowKeysNeverCollide_data()
{
    // #15 item 10: 1 and "1", and composite keys with a missing part, used to collide and rows
    // were dropped as "duplicates" without a word.
    QTest::addColumn<QStringList>("key");
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("duplicates");
    QTest::addColumn<int>("keyless");
    QTest::newRow("1 and \"1\"") << QStringList {u"id"_s} << R"([{"id": 1}, {"id": "1"}])"_ba << 2
                                 << 0 << 0;
    QTest::newRow("missing part") << QStringList {u"method"_s, u"path"_s}
                                  << R"([{"method": "GET", "path": "/a"}, {"method": "GET"},
                                         {"method": "GET", "path": null}, {"path": "GET"}])"_ba
                                  << 4 << 1 << 0;
    QTest::newRow("space inside a part")
        << QStringList {u"a"_s, u"b"_s} << R"([{"a": "x y", "b": "z"}, {"a": "x", "b": "y z"}])"_ba
        << 2 << 0 << 0;
    QTest::newRow("true duplicate kept")
        << QStringList {u"id"_s} << R"([{"id": 7, "v": 1}, {"id": 7, "v": 2}])"_ba << 2 << 1 << 0;
    QTest::newRow("no key at all")
        << QStringList {u"id"_s} << R"([{"v": 1}, {"v": 2}])"_ba << 2 << 0 << 2;
}

void tst_FeedSchema::rowKeysNeverCollide()
{
    QFETCH(QStringList, key);
    QFETCH(QByteArray, rows);
    QFETCH(int, shown);
    QFETCH(int, duplicates);
    QFETCH(int, keyless);
    FeedSchema schema;
    schema.key = key;
    schema.columns = {column(key.first())};
    const DecodedSnapshot snapshot = schema.decode(parse(rows));
    QCOMPARE(snapshot.rows.size(), shown);
    QCOMPARE(snapshot.duplicates, duplicates);
    QCOMPARE(snapshot.keyless, keyless);
    QSet<QString> ids;
    for (const auto &row : snapshot.rows)
        ids.insert(row.id);
    QCOMPARE(ids.size(), shown); // identities stay unique, so the keyed diff keeps every row
    QCOMPARE(snapshot.hasWarnings(), duplicates + keyless > 0);
}

void tst_FeedSchema::rowsAtAPointerOrAnObjectOfObjects()
{
    FeedSchema schema;
    schema.rows = u"/data/services"_s;
    schema.columns = {column(u"name"_s)};
    const DecodedSnapshot map = schema.decode(parse(
        R"({"data": {"services": {"db": {"name": "Database"}, "api": {"name": "API"}}}, "ts": 1})"_ba));
    QVERIFY(map.problem.isNull());
    QCOMPARE(map.rows.size(), 2);
    QCOMPARE(map.rows.at(0).key, u"api"_s);
    QCOMPARE(map.meta, QJsonObject({{u"data"_s, QJsonObject()}, {u"ts"_s, 1}}));
    const DecodedSnapshot empty = schema.decode(parse(R"({"data": {"services": {}}})"_ba));
    QVERIFY(empty.problem.isNull());
    QCOMPARE(empty.rows.size(), 0);
    const DecodedSnapshot mixed =
        schema.decode(parse(R"({"data": {"services": {"db": {"name": "x"}, "n": 3}}})"_ba));
    QVERIFY(!mixed.problem.isNull());
    QCOMPARE(mixed.problem.englishText(),
             u"expected an array (or an object of objects) at /data/services, got an object "
             "with keys db, n"_s);
    QVERIFY(mixed.derived); // what arrived, shown generically
}

QTEST_GUILESS_MAIN(tst_FeedSchema)
#include "tst_feedschema.moc"
