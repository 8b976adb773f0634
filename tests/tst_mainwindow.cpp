#include "i18n.h"
#include "mainwindow.h"

#include <QCoreApplication>
#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void panelsAreListedAndShown();
    void germanTranslationIsBuiltIn();
};

void tst_MainWindow::panelsAreListedAndShown()
{
    MainWindow window;
    window.addPanel(u"Queue"_s, new QLabel(u"queue page"_s));
    window.addPanel(u"Connections"_s, new QLabel(u"connections page"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.panelCount(), 2);
    QCOMPARE(window.panelTitle(1), u"Connections"_s);
    window.showPanel(1);
    auto *visible = window.findChild<QLabel *>();
    QVERIFY(visible);
    const QList<QLabel *> labels = window.findChildren<QLabel *>();
    const auto shown =
        std::find_if(labels.begin(), labels.end(), [](QLabel *l) { return l->isVisible(); });
    QVERIFY(shown != labels.end());
    QCOMPARE((*shown)->text(), u"connections page"_s);
}

void tst_MainWindow::germanTranslationIsBuiltIn()
{
    QVERIFY(I18n::install(qApp, QLocale(QLocale::German)));
    QCOMPARE(MainWindow::tr("Not connected"), u"Nicht verbunden"_s);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
