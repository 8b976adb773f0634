#include "cli/commandline.h"
#include "config/config.h"
#include "metrics/listenaddress.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

// --metrics-listen / metrics.listen: loopback unless an address is named, an address never a
// name to resolve, and every mistake an error naming the option or key.
class tst_ListenAddress : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void configKey_data();
    void configKey();
    void commandLine();
};

void tst_ListenAddress::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // toString(), or empty for off
    QTest::addColumn<QString>("error");    // a part of the error, or empty
    QTest::newRow("off") << QString() << QString() << QString();
    QTest::newRow("port alone is loopback") << u"9464"_s << u"127.0.0.1:9464"_s << QString();
    QTest::newRow(":port is loopback too") << u":9464"_s << u"127.0.0.1:9464"_s << QString();
    QTest::newRow("localhost") << u"localhost:9464"_s << u"127.0.0.1:9464"_s << QString();
    QTest::newRow("all IPv4") << u"0.0.0.0:9464"_s << u"0.0.0.0:9464"_s << QString();
    QTest::newRow("one address") << u"192.0.2.7:80"_s << u"192.0.2.7:80"_s << QString();
    QTest::newRow("IPv6 loopback") << u"[::1]:9464"_s << u"[::1]:9464"_s << QString();
    QTest::newRow("all IPv6") << u"[::]:9464"_s << u"[::]:9464"_s << QString();
    QTest::newRow("system picks the port") << u"0"_s << u"127.0.0.1:0"_s << QString();
    QTest::newRow("spaces trimmed") << u" 9464 "_s << u"127.0.0.1:9464"_s << QString();
    QTest::newRow("a name") << u"probe.example:9464"_s << QString() << u"is not an IP address"_s;
    QTest::newRow("IPv6 without brackets") << u"::1:9464"_s << QString() << u"[::1]:9464"_s;
    QTest::newRow("port too large") << u"127.0.0.1:65536"_s << QString() << u"from 0 to 65535"_s;
    QTest::newRow("no port") << u"127.0.0.1:"_s << QString() << u"from 0 to 65535"_s;
    QTest::newRow("negative") << u"-1"_s << QString() << u"from 0 to 65535"_s;
    QTest::newRow("a URL") << u"http://127.0.0.1:9464"_s << QString() << u"ADDRESS:]PORT"_s;
    QTest::newRow("unclosed bracket") << u"[::1:9464"_s << QString() << u"ADDRESS:]PORT"_s;
}

void tst_ListenAddress::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    QString got;
    const ListenAddress a = ListenAddress::parse(text, &got);
    QCOMPARE(a.toString(), expected);
    QCOMPARE(a.enabled, !expected.isEmpty());
    if (error.isEmpty())
        QVERIFY2(got.isEmpty(), qPrintable(got));
    else
        QVERIFY2(got.contains(error), qPrintable(got));
}

void tst_ListenAddress::configKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("sets");
    QTest::addColumn<QString>("cli");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("error");
    const QStringList none;
    QTest::newRow("off by default")
        << QByteArray("{}") << none << QString() << QString() << QString();
    QTest::newRow("file") << QByteArray(R"({"metrics":{"listen":"9464"}})") << none << QString()
                          << u"127.0.0.1:9464"_s << QString();
    QTest::newRow("--set") << QByteArray("{}") << QStringList {u"metrics.listen=0.0.0.0:9100"_s}
                           << QString() << u"0.0.0.0:9100"_s << QString();
    QTest::newRow("--metrics-listen wins") << QByteArray(R"({"metrics":{"listen":"9464"}})") << none
                                           << u"[::1]:9000"_s << u"[::1]:9000"_s << QString();
    QTest::newRow("unknown key") << QByteArray(R"({"metrics":{"port":9464}})") << none << QString()
                                 << QString() << u"metrics.port: unknown key"_s;
    QTest::newRow("a number") << QByteArray(R"({"metrics":{"listen":9464}})") << none << QString()
                              << QString() << u"metrics.listen: expected a string"_s;
    QTest::newRow("bad in the file") << QByteArray(R"({"metrics":{"listen":"host:1"}})") << none
                                     << QString() << QString() << u"metrics.listen: "_s;
    QTest::newRow("bad on the command line")
        << QByteArray("{}") << none << u"99999"_s << QString() << u"--metrics-listen: "_s;
    QTest::newRow("empty on the command line")
        << QByteArray("{}") << none << u""_s << QString() << u"--metrics-listen: "_s;
    QTest::newRow("not per backend")
        << QByteArray(R"({"backends":{"a":{"server":"ws://h:1","metrics":{"listen":"1"}}}})")
        << none << QString() << QString() << u"backends.a.metrics: unknown key"_s;
}

void tst_ListenAddress::configKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, sets);
    QFETCH(QString, cli);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    ConfigOverrides o;
    o.sets = sets;
    o.metricsListen = cli;
    const ConfigResult r = ConfigLoader::fromJson(QJsonDocument::fromJson(json).object(), o);
    if (!error.isEmpty()) {
        QVERIFY2(r.errors.join(u'\n').contains(error), qPrintable(r.errors.join(u'\n')));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.config.metricsListen.toString(), expected);
}

void tst_ListenAddress::commandLine()
{
    CliOptions o = CommandLine::parse(
        {u"feedwatch"_s, u"--headless"_s, u"--metrics-listen"_s, u"127.0.0.1:9464"_s});
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.overrides.metricsListen, u"127.0.0.1:9464"_s);
    o = CommandLine::parse({u"feedwatch"_s, u"--headless"_s});
    QVERIFY(o.overrides.metricsListen.isNull());
    o = CommandLine::parse({u"feedwatch"_s, u"--check"_s, u"--metrics-listen"_s, u"9464"_s});
    QVERIFY(o.error.contains("--metrics-listen"_L1));
    QVERIFY(o.helpText.contains("--metrics-listen <addr:port>"_L1));
}

QTEST_GUILESS_MAIN(tst_ListenAddress)
#include "tst_listenaddress.moc"
