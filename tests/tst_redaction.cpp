#include "core/redaction.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
const QString kToken = u"fwRED-4x+/=T0k3n"_s;
} // namespace

class tst_Redaction : public QObject
{
    Q_OBJECT

private slots:
    void masksEveryForm_data();
    void masksEveryForm();
    void leavesOtherTextAlone();
    void masksJsonValuesRecursively();
    void logHandlerMasksKnownSecrets();
};

void tst_Redaction::masksEveryForm_data()
{
    QTest::addColumn<QString>("text");
    const QByteArray raw = kToken.toUtf8();
    QTest::newRow("as is") << u"closed: token %1 revoked"_s.arg(kToken);
    QTest::newRow("percent-encoded")
        << u"GET /ws?token=%1 HTTP/1.1"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(kToken)));
    QTest::newRow("percent-encoded, lower-case hex") << [] {
        QString text = QString::fromLatin1(QUrl::toPercentEncoding(kToken));
        for (qsizetype i = text.indexOf(u'%'); i >= 0; i = text.indexOf(u'%', i + 1))
            text.replace(i + 1, 2, text.mid(i + 1, 2).toLower());
        return u"?token="_s + text;
    }();
    QTest::newRow("as QUrl prints a query") << [] {
        QUrl url(u"wss://h/ws"_s);
        url.setQuery(u"token="_s + kToken);
        return url.toString(QUrl::FullyEncoded);
    }();
    QTest::newRow("base64") << QString::fromLatin1(raw.toBase64());
    QTest::newRow("base64url, no padding") << QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    // Inside a longer encoded blob, at each of the three alignments.
    for (const char *prefix : {"user:", "user1:", "user12:"}) {
        QTest::addRow("inside base64 of \"%s<token>\"", prefix)
            << u"Authorization: Basic %1"_s.arg(QString::fromLatin1((prefix + raw).toBase64()));
    }
}

void tst_Redaction::masksEveryForm()
{
    QFETCH(QString, text);
    const QString masked = Redaction::mask(text, Redaction::forms(kToken));
    QVERIFY2(masked.contains(Redaction::kMask), qPrintable(masked));
    // What is left of the token is too short to matter: no 8 characters of it in any form.
    const QStringList pieces = {kToken, QString::fromLatin1(QUrl::toPercentEncoding(kToken)),
                                QString::fromLatin1(kToken.toUtf8().toBase64())};
    for (const QString &piece : pieces) {
        for (qsizetype i = 0; i + 8 <= piece.size(); ++i)
            QVERIFY2(!masked.contains(piece.mid(i, 8)),
                     qPrintable(masked + u" has "_s + piece.mid(i, 8)));
    }
}

void tst_Redaction::leavesOtherTextAlone()
{
    const QString text = u"state connected, attempt 3, url wss://host:8443/api/v1/ws/queue"_s;
    QCOMPARE(Redaction::mask(text, Redaction::forms(kToken)), text);
    QVERIFY(Redaction::forms(QString()).isEmpty());
    QCOMPARE(Redaction::mask(text, {}), text);
}

void tst_Redaction::masksJsonValuesRecursively()
{
    const QJsonObject fields {{u"reason"_s, u"bad "_s + kToken},
                              {u"code"_s, 4001},
                              {u"nested"_s, QJsonObject {{u"list"_s, QJsonArray {kToken, 1}}}}};
    const QJsonObject masked = Redaction::mask(fields, Redaction::forms(kToken));
    QCOMPARE(masked.value("reason"_L1).toString(), u"bad ***"_s);
    QCOMPARE(masked.value("code"_L1).toInt(), 4001);
    QCOMPARE(masked.value("nested"_L1).toObject().value("list"_L1).toArray().at(0).toString(),
             u"***"_s);
    QCOMPARE(masked.keys(), fields.keys());
}

void tst_Redaction::logHandlerMasksKnownSecrets()
{
    // Chained in front of QTest's own handler, as main() chains it in front of Qt's default.
    Redaction::installMessageHandler();
    Redaction::addSecret(kToken);
    QTest::ignoreMessage(QtWarningMsg, "Ignoring invalid WebSocket subprotocol name \"***\"");
    qWarning("Ignoring invalid WebSocket subprotocol name \"%s\"", qPrintable(kToken));
    QTest::ignoreMessage(QtInfoMsg, "url ?token=***");
    qInfo("url ?token=%s", QUrl::toPercentEncoding(kToken).constData());
}

QTEST_GUILESS_MAIN(tst_Redaction)
#include "tst_redaction.moc"
