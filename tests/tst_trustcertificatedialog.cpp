#include "config/configfile.h"
#include "connection/feedconnection.h"
#include "connectionspanel.h"
#include "core/clock.h"
#include "dashboard/enginerunner.h"
#include "dashboard/feedhub.h"
#include "mainwindow.h"
#include "testfeedserver.h"
#include "testtls.h"
#include "testutil.h"
#include "trustcertificatedialog.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QByteArray configFor(const QUrl &server)
{
    return QJsonDocument(
               QJsonObject {{u"server"_s, server.toString()},
                            {u"feeds"_s, QJsonArray {u"queue"_s}},
                            {u"backoff"_s, QJsonObject {{u"initial_ms"_s, 20}, {u"jitter"_s, 0}}},
                            {u"heartbeat"_s, QJsonObject {{u"interval_ms"_s, 100}}}})
        .toJson();
}
} // namespace

// "Trust this certificate…": the refused certificate is shown in full, nothing is trusted without
// the operator's confirmation, and a confirmed exception is saved and applied without a restart.
class tst_TrustCertificateDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsTheCertificateAndNeedsConfirmation();
    void windowPinsTheCertificateAndReconnects();
};

void tst_TrustCertificateDialog::showsTheCertificateAndNeedsConfirmation()
{
    TestFeedServer server(TestTls::serverConfiguration(u"selfsigned"_s));
    QVERIFY(server.listen());
    const ConfigResult config =
        ConfigLoader::fromJson(QJsonDocument::fromJson(configFor(server.baseUrl())).object());
    FeedConnection feed(config.config.feeds.first(), SystemClock::instance(), systemRandom());
    feed.start();
    QTRY_COMPARE(feed.state(), Feed::State::Stopped);
    const QJsonObject refused = feed.stats().tlsError;

    TrustCertificateDialog dialog(refused);
    QCOMPARE(dialog.shown(u"host"_s), u"127.0.0.1:%1"_s.arg(server.port()));
    QCOMPARE(dialog.shown(u"fingerprint_sha256"_s), TestTls::fingerprint(u"selfsigned"_s));
    QCOMPARE(dialog.shown(u"problems"_s), u"self-signed"_s);
    QVERIFY2(dialog.shown(u"subject"_s).contains(u"CN=localhost"_s),
             qPrintable(dialog.shown(u"subject"_s)));
    QVERIFY(dialog.shown(u"issuer"_s).contains(u"O=Feedwatch tests"_s));
    QVERIFY2(dialog.shown(u"not_after"_s).contains(u"2075"_s),
             qPrintable(dialog.shown(u"not_after"_s)));
    QVERIFY(!dialog.shown(u"not_before"_s).isEmpty());
    QCOMPARE(dialog.host(), u"127.0.0.1"_s);
    QCOMPARE(dialog.port(), int(server.port()));

    // Nothing is trusted by accident: Trust is off until the box is ticked, Cancel is default.
    QVERIFY(!dialog.trustButton()->isEnabled());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.trustButton()->click();
    QCOMPARE(accepted.size(), 0);
    dialog.confirmBox()->setChecked(true);
    QVERIFY(dialog.trustButton()->isEnabled());
    dialog.trustButton()->click();
    QCOMPARE(accepted.size(), 1);
}

void tst_TrustCertificateDialog::windowPinsTheCertificateAndReconnects()
{
    QTemporaryDir home;
    TestUtil::isolateSecrets(home);
    TestFeedServer server(TestTls::serverConfiguration(u"selfsigned"_s));
    server.setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[]}})");
    QVERIFY(server.listen());
    const QString path =
        TestUtil::writeFile(home, u"feedwatch.json"_s, configFor(server.baseUrl()));
    const ConfigResult config = ConfigLoader::load(path);
    QVERIFY(config.ok());

    FeedHub hub(config.config);
    EngineRunner engine(&hub);
    engine.start(config.config);
    MainWindow window(&hub);
    window.setConfigSource(path, {});
    QObject::connect(&window, &MainWindow::configApplied, &engine, &EngineRunner::replace);
    window.showPanel(u"connections"_s);
    auto *panel = window.findChild<ConnectionsPanel *>();
    QVERIFY(panel);
    panel->selectFeed(u"queue"_s);
    QTRY_COMPARE(hub.stats(u"queue"_s).stopReason, Reconnect::StopReason::Tls);
    QTRY_VERIFY(panel->trustButton()->isVisibleTo(panel));
    QCOMPARE(server.connectionCount(), 0);

    panel->trustButton()->click();
    auto *dialog = window.findChild<TrustCertificateDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->fingerprint(), TestTls::fingerprint(u"selfsigned"_s));
    dialog->confirmBox()->setChecked(true);
    QElapsedTimer timer;
    timer.start();
    dialog->trustButton()->click();
    QTRY_COMPARE(hub.stats(u"queue"_s).state, Feed::State::Connected);
    const qint64 connectedAfter = timer.elapsed();
    QCOMPARE(server.connectionCount(), 1);
    QTRY_VERIFY(!panel->trustButton()->isVisibleTo(panel));

    QJsonObject written;
    QString error;
    QVERIFY(ConfigFile::read(path, &written, &error));
    const QJsonArray pins = ConfigFile::value(written, u"tls.trusted_certificates"_s).toArray();
    QCOMPARE(pins.size(), 1);
    QCOMPARE(pins.at(0).toObject().value("host"_L1).toString(), u"127.0.0.1"_s);
    QCOMPARE(pins.at(0).toObject().value("port"_L1).toInt(), int(server.port()));
    QCOMPARE(pins.at(0).toObject().value("sha256"_L1).toString(),
             TestTls::fingerprint(u"selfsigned"_s));
    QCOMPARE(written.value("server"_L1).toString(), server.baseUrl().toString()); // kept
    engine.stop();
    qInfo("pinned from the window: connected %lld ms after Trust, without a restart",
          connectedAfter);
}

QTEST_MAIN(tst_TrustCertificateDialog)
#include "tst_trustcertificatedialog.moc"
