#include "i18n.h"
#include "models/eventtext.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_EventText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyDocumentedKindHasAName();
    void unknownKindShownAsItIs();
    void details_data();
    void details();
};

void tst_EventText::initTestCase()
{
    // Not qApp: in a widgets translation unit it casts to QApplication, which this test has none
    // of.
    QVERIFY(I18n::install(QCoreApplication::instance(), QLocale(QLocale::English))); // plural forms
}

// docs/events.md is the contract; a kind added there (or in the engine) needs a name here, or the
// event log would show the raw key to the operator.
void tst_EventText::everyDocumentedKindHasAName()
{
    QFile doc(QStringLiteral(FEEDWATCH_EVENTS_MD));
    QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
    const QString text = QString::fromUtf8(doc.readAll());
    const qsizetype perFeed = text.indexOf(u"## Per-feed events"_s);
    QVERIFY(perFeed > 0);
    static const QRegularExpression row(u"^\\| `([a-z_]+)` \\|"_s,
                                        QRegularExpression::MultilineOption);
    QStringList documented;
    for (const QRegularExpressionMatch &m : row.globalMatch(text.mid(perFeed)))
        documented << m.captured(1);
    QVERIFY(documented.size() > 20);
    const QStringList known = EventText::knownKinds();
    for (const QString &kind : std::as_const(documented)) {
        QVERIFY2(known.contains(kind), qPrintable(kind));
        QVERIFY2(EventText::kindText(kind) != kind, qPrintable(kind));
    }
    for (const QString &kind : known)
        QVERIFY2(documented.contains(kind), qPrintable(kind + u" is not in docs/events.md"_s));
}

void tst_EventText::unknownKindShownAsItIs()
{
    QCOMPARE(EventText::kindText(u"something_new"_s), u"something_new"_s);
    const FeedEvent e {0, u"queue"_s, u"something_new"_s, {{u"a"_s, 1}, {u"b"_s, u"x"_s}}};
    QCOMPARE(EventText::details(e), e.summary());
}

void tst_EventText::details_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("expected");
    QTest::newRow("state stopped by hand")
        << u"state"_s << QJsonObject {{u"state"_s, u"stopped"_s}, {u"reason"_s, u"manual"_s}}
        << u"stopped by the operator"_s;
    QTest::newRow("state unknown")
        << u"state"_s << QJsonObject {{u"state"_s, u"warp"_s}} << u"warp"_s;
    QTest::newRow("retry") << u"retry_scheduled"_s
                           << QJsonObject {{u"attempt"_s, 3},
                                           {u"delay_ms"_s, 4000},
                                           {u"reason"_s, u"connection refused"_s}}
                           << u"attempt 3 in 4 s (connection refused)"_s;
    QTest::newRow("retry circuit") << u"retry_scheduled"_s
                                   << QJsonObject {{u"attempt"_s, 11},
                                                   {u"delay_ms"_s, 300000},
                                                   {u"reason"_s, u"circuit_open"_s}}
                                   << u"attempt 11 in 5 min 0 s, when the circuit half-opens"_s;
    QTest::newRow("disconnected")
        << u"disconnected"_s
        << QJsonObject {{u"code"_s, 1006},
                        {u"reason"_s, u"connection refused"_s},
                        {u"uptime_ms"_s, 0},
                        {u"was_connected"_s, false},
                        {u"decision"_s, u"retry"_s}}
        << u"attempt failed: connection refused (code 1006); will retry"_s;
    QTest::newRow("circuit open") << u"circuit"_s
                                  << QJsonObject {{u"state"_s, u"open"_s},
                                                  {u"failures"_s, 10},
                                                  {u"open_ms"_s, 30000}}
                                  << u"open after 10 failures, for 30 s"_s;
    QTest::newRow("latency") << u"latency"_s
                             << QJsonObject {{u"rtt_ms"_s, 12.4},
                                             {u"quality"_s, u"good"_s},
                                             {u"source"_s, u"ws"_s}}
                             << u"12 ms · good · ping frame"_s;
    QTest::newRow("quality late pong") << u"quality"_s
                                       << QJsonObject {{u"quality"_s, u"poor"_s},
                                                       {u"reason"_s, u"pong_overdue"_s},
                                                       {u"waited_ms"_s, 300}}
                                       << u"poor: no pong for 300 ms"_s;
    QTest::newRow("identical snapshot")
        << u"update"_s
        << QJsonObject {{u"type"_s, u"queue_update"_s}, {u"bytes"_s, 512}, {u"changed"_s, false}}
        << u"queue_update: 512 bytes, identical to the last one"_s;
    QTest::newRow("command acked") << u"command"_s
                                   << QJsonObject {{u"id"_s, u"c1"_s},
                                                   {u"name"_s, u"pause_queue"_s},
                                                   {u"status"_s, u"acked"_s},
                                                   {u"attempts"_s, 1}}
                                   << u"pause_queue (c1): acknowledged, attempts: 1"_s;
    QTest::newRow("test failed") << u"test_connection"_s
                                 << QJsonObject {{u"ok"_s, false}, {u"error"_s, u"timeout"_s}}
                                 << u"failed: timeout"_s;
    QTest::newRow("state stopped by a refused certificate")
        << u"state"_s << QJsonObject {{u"state"_s, u"stopped"_s}, {u"reason"_s, u"tls"_s}}
        << u"stopped: certificate not trusted"_s;
    QTest::newRow("tls pinned")
        << u"tls_pinned"_s
        << QJsonObject {{u"host"_s, u"h.test"_s},
                        {u"port"_s, 8443},
                        {u"fingerprint_sha256"_s, u"AB:CD"_s}}
        << u"h.test:8443 presented the certificate trusted for it (SHA-256 AB:CD)"_s;
    QTest::newRow("missing fields") << u"attempt"_s << QJsonObject {} << u"attempt 0 to "_s;
}

void tst_EventText::details()
{
    QFETCH(QString, kind);
    QFETCH(QJsonObject, fields);
    QFETCH(QString, expected);
    QCOMPARE(EventText::details({0, u"queue"_s, kind, fields}), expected);
}

QTEST_GUILESS_MAIN(tst_EventText)
#include "tst_eventtext.moc"
