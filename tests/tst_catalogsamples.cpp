// Every recorded message of the real tac-webbuilder server, replayed through the catalog: the
// table the window shows, and the engine as a backend that broadcasts every feed on every socket.
#include "catalog/jsonpath.h"
#include "connection/feedengine.h"
#include "eventrecorder.h"
#include "models/feedtablemodel.h"
#include "testfeedserver.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Sample
{
    QString type;
    QJsonValue data;
    QJsonObject message;
};

Sample parseSample(const QString &name)
{
    const QJsonObject message = QJsonDocument::fromJson(TestUtil::sample(name)).object();
    return {message.value("type"_L1).toString(), message.value("data"_L1), message};
}

Config defaultConfig(const QString &server = u"ws://127.0.0.1:1"_s)
{
    ConfigOverrides o;
    o.server = server;
    const ConfigResult result = ConfigLoader::fromJson({}, o);
    return result.config;
}

// The feed of the default profile a sample belongs to ("adw-state-e5f6a7b8" -> its instance).
FeedSpec specForSample(const Config &config, const QString &name)
{
    QString feed = name;
    if (name.startsWith("adw-state-"_L1))
        feed = u"adw-state/"_s + name.mid(10);
    const std::optional<FeedSpec> spec = ConfigLoader::specFor(config, feed);
    return spec.value_or(FeedSpec());
}

bool hasValue(const QJsonValue &value)
{
    return !(value.isNull() || value.isUndefined() || (value.isArray() && value.toArray().isEmpty())
             || (value.isString() && value.toString().isEmpty()));
}

} // namespace

class tst_CatalogSamples : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void eachSampleFillsItsTable_data();
    void eachSampleFillsItsTable();
    void broadcastOnEverySocketIsAppliedOncePerFeed();
    void webhookErrorFormIsNotAMismatch();
    void looseTypesAndNaiveTimes();
};

void tst_CatalogSamples::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QCOMPARE(TestUtil::sampleNames().size(), 9);
}

void tst_CatalogSamples::eachSampleFillsItsTable_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("cell"); // "field=text" on the first row
    QTest::newRow("queue") << u"queue"_s << 5
                           << u"phase_data.title=Phase 1: Schema migration for depends_on_phases"_s;
    QTest::newRow("workflows") << u"workflows"_s << 4 << u"issue_number=213"_s;
    QTest::newRow("routes") << u"routes"_s << 117 << u"name=get_api_version"_s;
    QTest::newRow("workflow-history") << u"workflow-history"_s << 7 << u"model_used=sonnet"_s;
    QTest::newRow("adw-monitor") << u"adw-monitor"_s << 4 << u"phase_progress=27.8%"_s;
    QTest::newRow("planned-features") << u"planned-features"_s << 5 << u"estimated_hours=6"_s;
    QTest::newRow("webhook-status") << u"webhook-status"_s << 0 << QString();
    QTest::newRow("system-status") << u"system-status"_s << 6 << u"name=Backend API"_s;
    // 18 top-level fields and estimated_cost_breakdown's three, flattened.
    QTest::newRow("adw-state") << u"adw-state-e5f6a7b8"_s << 21 << u"value=e5f6a7b8"_s;
}

void tst_CatalogSamples::eachSampleFillsItsTable()
{
    QFETCH(QString, name);
    QFETCH(int, rows);
    QFETCH(QString, cell);
    const Config config = defaultConfig();
    const Sample sample = parseSample(name);
    const FeedSpec spec = specForSample(config, name);
    QVERIFY2(spec.definitionPtr, qPrintable(name));
    QCOMPARE(spec.messageType, sample.type);

    FeedTableModel model(spec.definition().schema);
    model.applySnapshot(sample.data);
    QVERIFY2(model.shapeProblem().isNull(), qPrintable(model.shapeProblem().englishText()));
    QVERIFY2(!model.derivedColumns(), "the profile's columns, not a generic view");
    QCOMPARE(model.lastWarningCount(), 0);
    QCOMPARE(model.rowCount(), rows);
    if (!cell.isEmpty()) {
        const qsizetype eq = cell.indexOf(u'=');
        const int column = model.columnIndex(cell.left(eq));
        QVERIFY(column >= 0);
        QCOMPARE(model.index(0, column).data().toString(), cell.mid(eq + 1));
    }

    // No column is empty in the table while the sample has that field: every row with a value
    // shows it, and only columns with no value in any row are left empty (and hidden).
    for (int c = 0; c < model.columnCount(); ++c) {
        const FeedColumn column = model.columns().at(c);
        bool anyValue = false;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QJsonObject row =
                model.index(r, c).data(FeedTableModel::RowObjectRole).toJsonObject();
            const bool value = hasValue(column.valueIn(row));
            anyValue = anyValue || value;
            if (value)
                QVERIFY2(!model.index(r, c).data().toString().isEmpty(),
                         qPrintable(u"%1 row %2: %3"_s.arg(name).arg(r).arg(column.field)));
        }
        if (anyValue)
            QVERIFY2(!model.isColumnEmpty(c), qPrintable(column.field));
    }
    // Status words reach the rows (colours, the status filter).
    if (model.statusColumn() >= 0) {
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(!model.index(r, 0).data(FeedTableModel::StatusRole).toString().isEmpty());
    }
    // The counters the profile names are found in this data.
    const QList<FeedDefinition::Figure> figures = spec.definition().figures(model.meta());
    QCOMPARE(figures.size() > 0, !spec.definition().counters.isEmpty());
}

void tst_CatalogSamples::broadcastOnEverySocketIsAppliedOncePerFeed()
{
    // tac-webbuilder's one connection manager: every broadcast goes to every open socket.
    TestFeedServer server;
    QVERIFY(server.listen());
    ConfigOverrides o;
    o.server = server.baseUrl().toString();
    o.sets = {u"stagger.step_ms=10"_s, u"heartbeat.interval_ms=60000"_s};
    const ConfigResult config = ConfigLoader::fromJson({}, o);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    FeedEngine engine(config.config);
    EventRecorder events(&engine);
    engine.start();
    engine.openFeed(u"adw-state/e5f6a7b8"_s);
    const qsizetype feeds = config.config.feeds.size() + 1;
    QTRY_COMPARE(server.activeCount(), int(feeds));
    QTRY_COMPARE(events.count(u"connected"_s), int(feeds));

    const QStringList names = TestUtil::sampleNames();
    for (const QString &name : names)
        server.sendToAll(TestUtil::sample(name));
    // A type no configured feed has (the real server broadcasts it after a queue phase ends).
    server.sendToAll(R"({"type":"workflow_completed","data":{"adw_id":"a1b2c3d4"}})");

    QHash<QString, int> expected = {{u"queue"_s, 5},
                                    {u"workflows"_s, 4},
                                    {u"routes"_s, 117},
                                    {u"workflow-history"_s, 7},
                                    {u"adw-monitor"_s, 4},
                                    {u"planned-features"_s, 5},
                                    {u"webhook-status"_s, 0},
                                    {u"system-status"_s, 6},
                                    {u"adw-state/e5f6a7b8"_s, 21}};
    auto changedUpdates = [&](const QString &feed) {
        int n = 0;
        for (const FeedEvent &e : events.ofKind(u"update"_s))
            n += e.feed == feed && e.fields.value("changed"_L1).toBool() ? 1 : 0;
        return n;
    };
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QTRY_COMPARE_WITH_TIMEOUT(changedUpdates(it.key()), 1, 10000);
    const qsizetype messages = (names.size() + 1) * feeds;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            qint64 seen = 0;
            for (const FeedStats &s : engine.allStats())
                seen += s.messages;
            return seen >= messages;
        }(),
        10000);

    // Each snapshot applied once, the row counts the window's table would hold, no error.
    QCOMPARE(events.count(u"protocol_error"_s), 0);
    qint64 routedOut = 0;
    qint64 ignored = 0;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const QList<FeedEvent> updates = events.ofKind(u"update"_s);
        for (const FeedEvent &e : updates) {
            if (e.feed == it.key() && e.fields.value("changed"_L1).toBool())
                QCOMPARE(e.fields.value("rows"_L1).toInt(), it.value());
        }
    }
    for (const FeedStats &s : engine.allStats()) {
        QCOMPARE(s.protocolErrors, 0);
        QVERIFY2(s.dataError.isEmpty(), qPrintable(s.dataError));
        routedOut += s.routedOut;
        ignored += s.ignored;
        if (expected.contains(s.feedId))
            QCOMPARE(s.rows, expected.value(s.feedId));
    }
    // Every socket but the owner's handed each sample on (9 samples, 10 sockets; qc-metrics has
    // no sample), and each socket ignored the one unknown type.
    QCOMPARE(routedOut, qint64(names.size()) * (feeds - 1));
    QCOMPARE(ignored, qint64(feeds));
    engine.stopAll();
}

void tst_CatalogSamples::webhookErrorFormIsNotAMismatch()
{
    const Config config = defaultConfig();
    const FeedSpec spec = specForSample(config, u"webhook-status"_s);
    FeedTableModel model(spec.definition().schema);
    const QJsonObject error {{u"status"_s, u"error"_s},
                             {u"message"_s, u"Connection refused (port 8001)"_s}};
    model.applySnapshot(error);
    QVERIFY(model.shapeProblem().isNull());
    QCOMPARE(model.rowCount(), 0);
    const FeedDefinition::Banner *banner = spec.definition().bannerFor(model.meta());
    QVERIFY(banner);
    QCOMPARE(banner->tone, u"bad"_s);
    QCOMPARE(FeedDefinition::bannerText(*banner, model.meta()),
             u"The webhook service reports an error: Connection refused (port 8001)"_s);
    // Without that state, missing rows are a mismatch again.
    model.applySnapshot(QJsonObject {{u"status"_s, u"healthy"_s}});
    QVERIFY(!model.shapeProblem().isNull());
    QCOMPARE(model.shapeProblem().path, u"/recent_failures"_s);
}

void tst_CatalogSamples::looseTypesAndNaiveTimes()
{
    // adw-monitor sends issue_number as a string; the profile shows it as an id, sorts it as a
    // number; its naive start_time is read in the backend's zone.
    ConfigOverrides o;
    o.server = u"ws://127.0.0.1:1"_s;
    o.sets = {u"timezone=Europe/Berlin"_s};
    const ConfigResult config = ConfigLoader::fromJson({}, o);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    const FeedSpec spec = specForSample(config.config, u"adw-monitor"_s);
    FeedTableModel model(spec.definition().schema);
    model.applySnapshot(parseSample(u"adw-monitor"_s).data);
    const int issue = model.columnIndex(u"issue_number"_s);
    QCOMPARE(model.index(0, issue).data().toString(), u"214"_s);
    QCOMPARE(model.index(0, issue).data(FeedTableModel::RawValueRole).toDouble(), 214.0);
    const int started = model.columnIndex(u"start_time"_s);
    const QDateTime at = model.index(0, started).data(FeedTableModel::RawValueRole).toDateTime();
    // "2026-12-02T20:19:51.198276" in Berlin (CET, +01:00) is 19:19:51 UTC.
    QCOMPARE(at.toUTC(), QDateTime(QDate(2026, 12, 2), QTime(19, 19, 51, 198), Qt::UTC));
    const int cost = model.columnIndex(u"current_cost"_s);
    QCOMPARE(model.index(1, cost).data().toString(), u"$1.86"_s); // 1.8599999999999999
}

QTEST_GUILESS_MAIN(tst_CatalogSamples)
#include "tst_catalogsamples.moc"
