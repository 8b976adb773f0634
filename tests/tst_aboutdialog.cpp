#include "aboutdialog.h"
#include "appicon.h"
#include "cli/appinfo.h"
#include "i18n.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_AboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsVersionQtAndLicense();
    void appIconComesFromResources_data();
    void appIconComesFromResources();
    void installSetsWindowIconAndDesktopId();
    void germanTranslation(); // last: installs a translator for the rest of the run
};

namespace {
QString labelText(const QWidget &dialog, const QString &name)
{
    const auto *label = dialog.findChild<QLabel *>(name);
    return label ? label->text() : QString();
}
} // namespace

void tst_AboutDialog::showsVersionQtAndLicense()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!AppInfo::version().isEmpty());
    QVERIFY(labelText(dialog, u"version"_s).contains(AppInfo::version()));
    const QString qt = labelText(dialog, u"qtVersion"_s);
    QVERIFY2(qt.contains(u"Qt 6"_s), qPrintable(qt));
    QVERIFY(qt.contains(QString::fromLatin1(qVersion())));
    QVERIFY(labelText(dialog, u"license"_s).contains(u"MIT"_s));
}

void tst_AboutDialog::appIconComesFromResources_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("16") << 16;
    QTest::newRow("48") << 48;
    QTest::newRow("256") << 256;
}

void tst_AboutDialog::appIconComesFromResources()
{
    QFETCH(int, size);
    // A null icon here means the SVG icon engine (libqt6svg6) or the resource is missing.
    const QIcon icon(u":/icons/feedwatch.svg"_s);
    QVERIFY(!icon.isNull());
    const QImage image = AppIcon::icon().pixmap(size, size).toImage();
    QCOMPARE(image.size(), QSize(size, size));
    // The centre of the mark is drawn, not transparent.
    QVERIFY(qAlpha(image.pixel(size / 2, size / 2)) > 0);
}

void tst_AboutDialog::installSetsWindowIconAndDesktopId()
{
    AppIcon::install();
    QVERIFY(!QApplication::windowIcon().isNull());
    QCOMPARE(QGuiApplication::desktopFileName(), u"io.feedwatch.Feedwatch"_s);
    QCOMPARE(AppIcon::desktopId(), QGuiApplication::desktopFileName());
}

void tst_AboutDialog::germanTranslation()
{
    QVERIFY(I18n::install(qApp, QLocale(QLocale::German)));
    AboutDialog dialog;
    QCOMPARE(dialog.windowTitle(), u"Über Feedwatch"_s);
    QVERIFY(labelText(dialog, u"qtVersion"_s).contains(u"läuft mit Qt 6"_s));
}

QTEST_MAIN(tst_AboutDialog)
#include "tst_aboutdialog.moc"
