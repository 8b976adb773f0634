// The profile loader: the built-in tac-webbuilder profile, errors that name the key, templates,
// a configuration's overrides and own feeds, and the lupdate list of the built-in texts.
#include "catalog/backendprofile.h"
#include "catalog/jsonpath.h"
#include "catalog/profiletext.h"
#include "config/config.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QJsonObject builtinJson()
{
    QFile file(u":/profiles/tac-webbuilder.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Every text of a profile a translator must see, as builtinprofiletexts.cpp lists them.
void collectTexts(const QJsonObject &profile, QSet<QString> &texts, QSet<QString> &counts)
{
    const QJsonArray feeds = profile.value("feeds"_L1).toArray();
    for (const QJsonValue &value : feeds) {
        const QJsonObject feed = value.toObject();
        for (const auto key : {"title"_L1, "empty"_L1}) {
            if (!feed.value(key).toString().isEmpty())
                texts.insert(feed.value(key).toString());
        }
        if (feed.value("count"_L1).isString())
            counts.insert(feed.value("count"_L1).toString());
        for (const auto key : {"columns"_L1, "detail"_L1}) {
            const QJsonArray columns = feed.value(key).toArray();
            for (const QJsonValue &c : columns) {
                if (!c.toObject().value("header"_L1).toString().isEmpty())
                    texts.insert(c.toObject().value("header"_L1).toString());
            }
        }
        const QJsonArray counters = feed.value("counters"_L1).toArray();
        for (const QJsonValue &c : counters)
            texts.insert(c.toObject().value("label"_L1).toString());
        const QJsonArray banners = feed.value("banners"_L1).toArray();
        for (const QJsonValue &b : banners)
            texts.insert(b.toObject().value("text"_L1).toString());
        const QJsonArray opens = feed.value("opens"_L1).toArray();
        for (const QJsonValue &o : opens) {
            if (!o.toObject().value("label"_L1).toString().isEmpty())
                texts.insert(o.toObject().value("label"_L1).toString());
        }
    }
    // The alert rules: their titles and message templates (the desktop's notification).
    const QJsonArray rules = profile.value("rules"_L1).toArray();
    for (const QJsonValue &value : rules) {
        for (const auto key : {"title"_L1, "message"_L1}) {
            if (!value.toObject().value(key).toString().isEmpty())
                texts.insert(value.toObject().value(key).toString());
        }
    }
    // The operator's actions: their buttons, descriptions and questions.
    const QJsonArray actions = profile.value("actions"_L1).toArray();
    for (const QJsonValue &value : actions) {
        for (const auto key : {"label"_L1, "description"_L1, "confirm"_L1}) {
            if (!value.toObject().value(key).toString().isEmpty())
                texts.insert(value.toObject().value(key).toString());
        }
    }
}

QString cppString(QString text)
{
    return u'"' + text.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s) + u'"';
}

} // namespace

class tst_BackendProfile : public QObject
{
    Q_OBJECT

private slots:
    void builtinProfileLoadsClean();
    void builtinTextsAreListedForLupdate();
    void defaultFeedsComeFromTheProfile();
    void errorsNameTheKey_data();
    void errorsNameTheKey();
    void actionsComeWithTheProfile();
    void templatesOpenInstances();
    void configOverridesAndAddsFeeds();
    void usersOwnProfileFile();
    void timeZones_data();
    void timeZones();
    void countTextsWithoutATranslation();
    void jsonPaths();
};

void tst_BackendProfile::builtinProfileLoadsClean()
{
    const ProfileResult result = BackendProfile::builtin(u"tac-webbuilder"_s);
    QVERIFY2(result.ok(), qPrintable(result.errors.join(u'\n')));
    const BackendProfile &profile = *result.profile;
    QCOMPARE(profile.name(), u"tac-webbuilder"_s);
    // The ten endpoints of the real server (README): nine pages and adw-state/{adw_id}.
    QStringList names;
    for (const FeedDefinition &feed : profile.feeds())
        names << feed.name;
    QCOMPARE(names,
             (QStringList {u"queue"_s, u"workflows"_s, u"system-status"_s, u"adw-monitor"_s,
                           u"routes"_s, u"workflow-history"_s, u"planned-features"_s,
                           u"webhook-status"_s, u"qc-metrics"_s, u"adw-state/{adw_id}"_s}));
    for (const FeedDefinition &feed : profile.feeds()) {
        QVERIFY2(!feed.title.isEmpty(), qPrintable(feed.name));
        QVERIFY2(feed.count.contains(u"%n"_s), qPrintable(feed.name));
        QVERIFY2(feed.path.startsWith(u"/api/v1/ws/"_s), qPrintable(feed.path));
        QString expectedType = feed.name.section(u'/', 0, 0);
        expectedType.replace(u'-', u'_');
        QCOMPARE(feed.messageType, expectedType + u"_update"_s);
    }
    // Built once per process.
    QCOMPARE(BackendProfile::builtin(u"tac-webbuilder"_s).profile.get(), result.profile.get());
}

void tst_BackendProfile::builtinTextsAreListedForLupdate()
{
    // lupdate reads C++ only: every text of a built-in profile must be listed in
    // app/catalog/builtinprofiletexts.cpp, and nothing else, or the translators miss it.
    QSet<QString> texts;
    QSet<QString> counts;
    collectTexts(builtinJson(), texts, counts);
    QVERIFY(texts.size() > 50);
    const QStringList listedTexts = ProfileText::builtinTexts();
    const QStringList listedCounts = ProfileText::builtinCountTexts();
    const QSet<QString> listed(listedTexts.begin(), listedTexts.end());
    const QSet<QString> listedN(listedCounts.begin(), listedCounts.end());
    if (listed != texts || listedN != counts) {
        // Write the list it expects, for `cp` over the checked-in one (then clang-format).
        QStringList sortedTexts(texts.begin(), texts.end());
        QStringList sortedCounts(counts.begin(), counts.end());
        sortedTexts.sort();
        sortedCounts.sort();
        QString body = u"const char *const kTexts[] = {\n"_s;
        for (const QString &t : std::as_const(sortedTexts))
            body += u"    QT_TRANSLATE_NOOP(\"Profile\", %1),\n"_s.arg(cppString(t));
        body += u"};\nconst char *const kCountTexts[] = {\n"_s;
        for (const QString &t : std::as_const(sortedCounts))
            body += u"    QT_TRANSLATE_N_NOOP(\"Profile\", %1),\n"_s.arg(cppString(t));
        body += u"};\n"_s;
        const QString path = QDir(QCoreApplication::applicationDirPath())
                                 .filePath(u"builtinprofiletexts.expected"_s);
        QFile out(path);
        if (out.open(QIODevice::WriteOnly))
            out.write(body.toUtf8());
        const QSet<QString> missing = (texts - listed) + (counts - listedN);
        const QSet<QString> extra = (listed - texts) + (listedN - counts);
        QFAIL(qPrintable(u"builtinprofiletexts.cpp is out of date; missing: %1; extra: %2; the "
                         "expected arrays are in %3"_s.arg(
                             QStringList(missing.begin(), missing.end()).join(u" | "_s),
                             QStringList(extra.begin(), extra.end()).join(u" | "_s), path)));
    }
}

void tst_BackendProfile::defaultFeedsComeFromTheProfile()
{
    QCOMPARE(ConfigLoader::defaultFeedNames(),
             (QStringList {u"queue"_s, u"workflows"_s, u"system-status"_s, u"adw-monitor"_s,
                           u"routes"_s, u"workflow-history"_s, u"planned-features"_s,
                           u"webhook-status"_s, u"qc-metrics"_s}));
    const ConfigResult config = ConfigLoader::fromJson({});
    QVERIFY(config.ok());
    QCOMPARE(config.config.feeds.size(), 9);
    const FeedSpec &routes = config.config.feeds.at(4);
    QCOMPARE(routes.id, u"routes"_s);
    QCOMPARE(routes.url.toString(), u"ws://127.0.0.1:8002/api/v1/ws/routes"_s);
    QCOMPARE(routes.messageType, u"routes_update"_s);
    QCOMPARE(routes.definition().titleText(), u"Routes"_s);
    QCOMPARE(routes.definition().schema.key, (QStringList {u"method"_s, u"path"_s}));
}

void tst_BackendProfile::errorsNameTheKey_data()
{
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<QString>("error");
    const QByteArray feed = R"("name":"q","message_type":"q_update","title":"Q","count":"%n q",)";
    QTest::newRow("unknown top-level key") << QByteArray(R"({"name":"p","colour":1,"feeds":[{)"
                                                         + feed + R"("columns":[{"field":"a"}]}]})")
                                           << u"p.json: colour: unknown key"_s;
    QTest::newRow("no feeds") << QByteArray(R"({"name":"p","feeds":[]})")
                              << u"p.json: feeds: expected a non-empty array"_s;
    QTest::newRow("bad kind") << QByteArray(R"({"name":"p","feeds":[{)" + feed
                                            + R"("columns":[{"field":"a","kind":"money"}]}]})")
                              << u"p.json: feeds[0].columns[0].kind: 'money' is not one of"_s;
    QTest::newRow("bad tone") << QByteArray(R"({"name":"p","feeds":[{)" + feed
                                            + R"("columns":[{"field":"a"}],
                                               "status_colors":{"done":"green"}}]})")
                              << u"p.json: feeds[0].status_colors.done: 'green' is not one of"_s;
    QTest::newRow("bad pointer") << QByteArray(R"({"name":"p","feeds":[{)" + feed
                                               + R"("rows":"/a/~2","columns":[{"field":"a"}]}]})")
                                 << u"p.json: feeds[0].rows: '/a/~2': '~' must be followed"_s;
    QTest::newRow("table without columns")
        << QByteArray(R"({"name":"p","feeds":[{)" + feed + R"("rows":"/a"}]})")
        << u"p.json: feeds[0].columns: a table needs at least one column"_s;
    QTest::newRow("count without %n")
        << QByteArray(R"({"name":"p","feeds":[{"name":"q","count":"rows",
                         "columns":[{"field":"a"}]}]})")
        << u"p.json: feeds[0].count: must contain %n"_s;
    QTest::newRow("one type, two feeds")
        << QByteArray(R"({"name":"p","feeds":[{"name":"a","message_type":"x_update",
                         "columns":[{"field":"a"}]},{"name":"b","message_type":"x_update",
                         "columns":[{"field":"a"}]}]})")
        << u"p.json: feeds[1].message_type: 'x_update' belongs to another feed already"_s;
    QTest::newRow("banner without a test")
        << QByteArray(R"({"name":"p","feeds":[{)" + feed + R"("columns":[{"field":"a"}],
                         "banners":[{"when":{"value":"/a"},"text":"A"}]}]})")
        << u"p.json: feeds[0].banners[0].when: expected exactly one of equals, in, exists"_s;
}

void tst_BackendProfile::errorsNameTheKey()
{
    QFETCH(QByteArray, profile);
    QFETCH(QString, error);
    const ProfileResult result = BackendProfile::fromJson(json(profile), u"p.json"_s);
    QVERIFY(!result.ok());
    QVERIFY2(std::any_of(result.errors.begin(), result.errors.end(),
                         [&](const QString &e) { return e.startsWith(error); }),
             qPrintable(result.errors.join(u'\n')));
}

void tst_BackendProfile::actionsComeWithTheProfile()
{
    // The profile carries its "actions" as ActionCatalog reads them: the built-in one has the
    // backend's HTTP actions, and a broken action is the profile's error, naming it.
    const auto builtin = BackendProfile::builtin(u"tac-webbuilder"_s).profile;
    QVERIFY(builtin->actions().find(u"queue.pause"_s));
    QCOMPARE(builtin->actions().forFeed(u"queue"_s).size(), 4);
    QJsonObject root = builtinJson();
    root.insert(u"actions"_s,
                QJsonArray {QJsonObject {{u"name"_s, u"queue.pause"_s}, {u"feed"_s, u"queue"_s}}});
    const ProfileResult result = BackendProfile::fromJson(root, u"with-actions"_s);
    QVERIFY(!result.ok());
    QVERIFY2(result.errors.join(u'\n').contains(u"with-actions: actions[0].label"_s),
             qPrintable(result.errors.join(u'\n')));
}

void tst_BackendProfile::templatesOpenInstances()
{
    const auto profile = BackendProfile::builtin(u"tac-webbuilder"_s).profile;
    QVERIFY(!profile->defaultFeedNames().contains(u"adw-state/{adw_id}"_s));
    const FeedDefinition state = profile->definitionFor(u"adw-state/e5f6a7b8"_s);
    QCOMPARE(state.name, u"adw-state/e5f6a7b8"_s);
    QCOMPARE(state.path, u"/api/v1/ws/adw-state/e5f6a7b8"_s);
    QCOMPARE(state.titleText(), u"Workflow e5f6a7b8"_s);
    QCOMPARE(state.params.value(u"adw_id"_s), u"e5f6a7b8"_s);
    QVERIFY(!state.openByDefault);
    QVERIFY(!profile->find(u"adw-state/a/b"_s)); // a brace is one path segment
    QVERIFY(!profile->find(u"adw-state/"_s));

    ConfigOverrides o;
    o.server = u"ws://host:9/prefix"_s;
    o.feeds = {u"queue"_s, u"adw-state/e5f6a7b8"_s};
    const ConfigResult config = ConfigLoader::fromJson({}, o);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    QCOMPARE(config.config.feeds.at(1).url.toString(),
             u"ws://host:9/prefix/api/v1/ws/adw-state/e5f6a7b8"_s);
    QCOMPARE(config.config.feeds.at(1).messageType, u"adw_state_update"_s);
    // At run time the hub and the engine find the same instance for an id.
    ConfigOverrides plain;
    plain.server = u"ws://host:9"_s;
    const Config base = ConfigLoader::fromJson({}, plain).config;
    QVERIFY(ConfigLoader::specFor(base, u"adw-state/42"_s));
    QVERIFY(!ConfigLoader::specFor(base, u"nonsense"_s));
}

void tst_BackendProfile::configOverridesAndAddsFeeds()
{
    const ConfigResult config = ConfigLoader::fromJson(json(R"({
        "server": "ws://h:1",
        "feeds": [
            {"id": "routes", "title": "Endpoints",
             "columns": [{"field": "path", "header": "Path"}, {"field": "method"}]},
            {"id": "deployments", "message_type": "deployments_update", "rows": "/items",
             "row_key": "id", "view": "table",
             "columns": [{"field": "id", "kind": "id"}, {"field": "state", "kind": "status"}]},
            {"id": "mystery"}
        ]})"));
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    const FeedDefinition &routes = config.config.feeds.at(0).definition();
    QCOMPARE(routes.titleText(), u"Endpoints"_s);
    QCOMPARE(routes.schema.columns.size(), 2);
    QCOMPARE(routes.schema.key, (QStringList {u"method"_s, u"path"_s})); // the profile's
    QCOMPARE(routes.count, u"%n route(s)"_s);
    const FeedSpec &deployments = config.config.feeds.at(1);
    QCOMPARE(deployments.url.path(), u"/api/v1/ws/deployments"_s); // the profile's feed_path
    QCOMPARE(deployments.messageType, u"deployments_update"_s);
    QCOMPARE(deployments.definition().schema.rows, u"/items"_s);
    QCOMPARE(deployments.definition().schema.view, FeedSchema::View::Table);
    const FeedSpec &mystery = config.config.feeds.at(2);
    QCOMPARE(mystery.definition().schema.view, FeedSchema::View::Generic);
    QVERIFY(mystery.messageType.isEmpty());

    const ConfigResult bad = ConfigLoader::fromJson(json(R"({
        "feeds": [{"id": "queue", "columns": [{"field": "x", "kind": "colour"}]}]})"));
    QVERIFY(!bad.ok());
    QVERIFY2(bad.errors.first().startsWith(u"feeds[0].columns[0].kind: 'colour'"_s),
             qPrintable(bad.errors.join(u'\n')));
}

void tst_BackendProfile::usersOwnProfileFile()
{
    QTemporaryDir dir;
    const QString path = TestUtil::writeFile(dir, u"mine.json"_s, R"({
        "name": "mine", "feed_path": "/ws/{feed}",
        "feeds": [{"name": "jobs", "message_type": "jobs", "title": "Jobs",
                   "count": {"one": "%n job", "other": "%n jobs"},
                   "rows": "/jobs", "row_key": "id",
                   "columns": [{"field": "id", "header": "Job", "kind": "id"}]}]})");
    ConfigOverrides o;
    o.sets = {u"backends.b.profile=%1"_s.arg(path), u"backends.b.server=ws://h:2"_s};
    const ConfigResult config = ConfigLoader::fromJson({}, o);
    QVERIFY2(config.ok(), qPrintable(config.errors.join(u'\n')));
    QCOMPARE(config.config.feeds.size(), 1);
    const FeedSpec &jobs = config.config.feeds.first();
    QCOMPARE(jobs.url.toString(), u"ws://h:2/ws/jobs"_s);
    QCOMPARE(jobs.definition().countText(1), u"1 job"_s);
    QCOMPARE(jobs.definition().countText(3), u"3 jobs"_s);

    const ConfigResult missing =
        ConfigLoader::fromJson(json(R"({"profile": "/nonexistent/profile.json"})"));
    QVERIFY(!missing.ok());
    QVERIFY2(
        missing.errors.first().startsWith(u"profile: /nonexistent/profile.json: cannot read"_s),
        qPrintable(missing.errors.join(u'\n')));
}

void tst_BackendProfile::timeZones_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("local");
    QTest::newRow("default") << QString() << true << true;
    QTest::newRow("local") << u"local"_s << true << true;
    QTest::newRow("UTC") << u"UTC"_s << true << false;
    QTest::newRow("IANA") << u"Europe/Berlin"_s << true << false;
    QTest::newRow("offset") << u"UTC+02:00"_s << true << false;
    QTest::newRow("nonsense") << u"Mars/Olympus"_s << false << false;
}

void tst_BackendProfile::timeZones()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(bool, local);
    QString error;
    const QTimeZone zone = ConfigLoader::parseTimeZone(text, &error);
    QCOMPARE(error.isEmpty(), ok);
    if (ok)
        QCOMPARE(!zone.isValid(), local);
    const ConfigResult config =
        ConfigLoader::fromJson(QJsonObject {{u"timezone"_s, text.isEmpty() ? u"local"_s : text}});
    QCOMPARE(config.ok(), ok);
}

void tst_BackendProfile::countTextsWithoutATranslation()
{
    // A user's profile shows its English as written, "(s)" resolved.
    QCOMPARE(ProfileText::count(u"%n widget(s)"_s, 1), u"1 widget"_s);
    QCOMPARE(ProfileText::count(u"%n widget(s)"_s, 0), u"0 widgets"_s);
    QCOMPARE(ProfileText::count(u"%n widget(s)"_s, 12), u"12 widgets"_s);
    QCOMPARE(ProfileText::tr(u"Something of mine"_s), u"Something of mine"_s);
}

void tst_BackendProfile::jsonPaths()
{
    const QJsonObject data = json(R"({"a": {"b/c": [10, {"d": 4}]}, "x.y": 1, "e": {"f": 2}})");
    QCOMPARE(JsonPath::at(data, u"/a/b~1c/0"_s).toInt(), 10);
    QCOMPARE(JsonPath::at(data, u"/a/b~1c/1/d"_s).toInt(), 4);
    QCOMPARE(JsonPath::at(data, u"e.f"_s).toInt(), 2);
    QCOMPARE(JsonPath::at(data, u"/x.y"_s).toInt(), 1);
    QVERIFY(JsonPath::at(data, u"/a/b~1c/7"_s).isUndefined());
    QVERIFY(JsonPath::at(data, u"/nothing/here"_s).isUndefined());
    QCOMPARE(JsonPath::at(data, QString()).toObject(), data);
    QCOMPARE(JsonPath::pointer(JsonPath::parts(u"a.b/c"_s)), u"/a/b~1c"_s);
    QCOMPARE(JsonPath::without(data, {u"e"_s, u"f"_s}).toObject().value("e"_L1).toObject(),
             QJsonObject());
}

QTEST_GUILESS_MAIN(tst_BackendProfile)
#include "tst_backendprofile.moc"
