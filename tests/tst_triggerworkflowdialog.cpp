#include "triggerworkflowdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_TriggerWorkflowDialog : public QObject
{
    Q_OBJECT

private slots:
    void validates_data();
    void validates();
    void prefilledFromTheSelectedPhase();
};

void tst_TriggerWorkflowDialog::validates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("issue");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QString() << 0 << QString();
    QTest::newRow("number") << u"142"_s << 142 << QString();
    QTest::newRow("spaces") << u" 7 "_s << 7 << QString();
    QTest::newRow("word") << u"abc"_s << 0 << u"\"abc\" is not a number"_s;
    QTest::newRow("hash") << u"#12"_s << 0 << u"not a number"_s;
    QTest::newRow("zero") << u"0"_s << 0 << u"An issue number is 1 or more"_s;
    QTest::newRow("negative") << u"-3"_s << 0 << u"An issue number is 1 or more"_s;
    QTest::newRow("too large") << u"3000000000"_s << 0 << u"too large"_s;
    QTest::newRow("fraction") << u"1.5"_s << 0 << u"not a number"_s;
}

void tst_TriggerWorkflowDialog::validates()
{
    QFETCH(QString, text);
    QFETCH(int, issue);
    QFETCH(QString, error);
    TriggerWorkflowDialog dialog(u"workflows"_s);
    dialog.issueEdit()->setText(text);
    QCOMPARE(dialog.issueNumber(), issue);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->isEnabled(), issue > 0);
    if (error.isEmpty())
        QVERIFY(dialog.errorText().isEmpty());
    else
        QVERIFY2(dialog.errorText().contains(error), qPrintable(dialog.errorText()));
}

void tst_TriggerWorkflowDialog::prefilledFromTheSelectedPhase()
{
    TriggerWorkflowDialog dialog(u"prod/workflows"_s, 77);
    QCOMPARE(dialog.issueEdit()->text(), u"77"_s);
    QVERIFY(dialog.canAccept());
    QVERIFY(dialog.findChild<QLabel *>()->text().contains(u"prod/workflows"_s));
}

QTEST_MAIN(tst_TriggerWorkflowDialog)
#include "tst_triggerworkflowdialog.moc"
