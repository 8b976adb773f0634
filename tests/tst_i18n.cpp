#include "aboutdialog.h"
#include "connectionspanel.h"
#include "dashboard/feedhub.h"
#include "demoserver.h"
#include "eventlogpanel.h"
#include "i18n.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "statusstyle.h"
#include "testutil.h"

#include <QAbstractButton>
#include <QAbstractSocket>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Config demoConfig()
{
    ConfigOverrides o;
    o.server = u"ws://127.0.0.1:1"_s;
    const ConfigResult r = ConfigLoader::fromJson({}, o);
    if (!r.ok())
        qFatal("bad test config: %s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}

// The window of `feedwatch --demo` (Demo menu included), built in the installed language.
struct DemoWindow
{
    DemoServer demo;
    FeedHub hub {demoConfig()};
    MainWindow window {&hub, &demo};
};

QStringList menuTitles(const MainWindow &window)
{
    QStringList out;
    for (const QAction *a : window.menuBar()->actions())
        out << a->text();
    return out;
}

// "text (letter)" for every duplicate letter among `texts`.
QStringList duplicates(const QStringList &texts)
{
    QHash<QString, QStringList> byLetter;
    for (const QString &t : texts) {
        for (const QString &letter : TestUtil::accelerators(t))
            byLetter[letter] << t;
    }
    QStringList out;
    for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it) {
        if (it.value().size() > 1)
            out << u"'%1': %2"_s.arg(it.key(), it.value().join(u", "_s));
    }
    return out;
}

// Texts with accelerators a page offers while it is shown: buttons and labels with a buddy.
QStringList pageTexts(const QWidget *page)
{
    QStringList out;
    for (const QAbstractButton *b : page->findChildren<QAbstractButton *>())
        out << b->text();
    for (const QLabel *l : page->findChildren<QLabel *>()) {
        if (l->buddy())
            out << l->text();
    }
    return out;
}

void addLanguages()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : I18n::languages())
        QTest::newRow(qPrintable(language)) << language;
}

void install(const QString &language)
{
    QLocale locale;
    QString error;
    QVERIFY2(I18n::localeFor(language, &locale, &error), qPrintable(error));
    I18n::install(qApp, locale);
}
} // namespace

class tst_I18n : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void languagesAreTheCompiledTranslations();
    void unknownLanguageIsAnErrorNamingTheAvailableOnes();
    void englishPluralsWithoutATranslation();
    void windowIsTranslated_data();
    void windowIsTranslated();
    void qtWidgetTextsTranslatedNetworkTextsNot();
    void acceleratorsUniquePerMenuAndPage_data();
    void acceleratorsUniquePerMenuAndPage();
    void windowFitsASmallScreen_data();
    void windowFitsASmallScreen();
};

void tst_I18n::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"feedwatch-tests"_s);
    QCoreApplication::setApplicationName(u"tst_i18n"_s);
}

void tst_I18n::cleanup()
{
    I18n::uninstall();
}

void tst_I18n::languagesAreTheCompiledTranslations()
{
    QCOMPARE(I18n::languages(), QStringList({u"de"_s, u"en"_s, u"fr"_s}));
}

void tst_I18n::unknownLanguageIsAnErrorNamingTheAvailableOnes()
{
    QLocale locale(QLocale::Italian);
    QString error;
    QVERIFY(!I18n::localeFor(u"xx"_s, &locale, &error));
    QCOMPARE(error, u"--lang: no translation for 'xx' (available: de, en, fr)"_s);
    QVERIFY(!I18n::localeFor(u"es"_s, &locale, &error));
    QCOMPARE(locale.language(), QLocale::Italian); // untouched on failure
    QVERIFY(I18n::localeFor(u"de_CH"_s, &locale, &error));
    QCOMPARE(locale.language(), QLocale::German);
    QVERIFY(I18n::localeFor(u"fr"_s, &locale, &error));
    QCOMPARE(locale.language(), QLocale::French);
}

// English is the source language, but "%n phase(s)" needs its forms from feedwatch_en.qm;
// a locale without a translation (C, Spanish) gets them too.
void tst_I18n::englishPluralsWithoutATranslation()
{
    for (const QLocale &locale : {QLocale::c(), QLocale(QLocale::Spanish)}) {
        QVERIFY(!I18n::install(qApp, locale));
        QVERIFY(!I18n::hasQtTranslation());
        QCOMPARE(QCoreApplication::translate("Profile", "%n phase(s)", nullptr, 1), u"1 phase"_s);
        QCOMPARE(QCoreApplication::translate("Profile", "%n phase(s)", nullptr, 2), u"2 phases"_s);
        QCOMPARE(QCoreApplication::translate("Profile", "Queue"), u"Queue"_s);
    }
    QVERIFY(I18n::install(qApp, QLocale(QLocale::English)));
    QCOMPARE(QCoreApplication::translate("EventText", "%n feed(s), started %1 apart", nullptr, 1),
             u"1 feed, started %1 apart"_s);
}

void tst_I18n::windowIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("menus");
    QTest::addColumn<QStringList>("pages"); // first three feed pages, then the two tools
    QTest::addColumn<QString>("running");
    QTest::addColumn<QString>("status");
    QTest::newRow("en") << u"en"_s << QStringList {u"&File"_s, u"&View"_s,     u"&Connection"_s,
                                                   u"&Demo"_s, u"&Settings"_s, u"&Help"_s}
                        << QStringList {u"Queue"_s, u"Workflows"_s, u"System status"_s,
                                        u"Connections"_s, u"Event log"_s}
                        << u"running"_s << u"Not connected"_s;
    QTest::newRow("de") << u"de"_s
                        << QStringList {u"&Datei"_s, u"&Ansicht"_s,       u"&Verbindung"_s,
                                        u"De&mo"_s,  u"&Einstellungen"_s, u"&Hilfe"_s}
                        << QStringList {u"Warteschlange"_s, u"Workflows"_s, u"Systemstatus"_s,
                                        u"Verbindungen"_s, u"Ereignisprotokoll"_s}
                        << u"läuft"_s << u"Nicht verbunden"_s;
    QTest::newRow("fr") << u"fr"_s << QStringList {u"&Fichier"_s, u"&Affichage"_s,  u"&Connexion"_s,
                                                   u"&Démo"_s,    u"&Paramètres"_s, u"Aid&e"_s}
                        << QStringList {u"File d'attente"_s, u"Workflows"_s, u"État du système"_s,
                                        u"Connexions"_s, u"Journal des événements"_s}
                        << u"en cours"_s << u"Non connecté"_s;
}

// The window built after install() speaks the language: menus, pages, a status label, the
// status bar; what the model keeps stays raw.
void tst_I18n::windowIsTranslated()
{
    QFETCH(QString, language);
    QFETCH(QStringList, menus);
    QFETCH(QStringList, pages);
    QFETCH(QString, running);
    QFETCH(QString, status);
    install(language);
    DemoWindow demo;
    MainWindow &window = demo.window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(menuTitles(window), menus);
    const int n = window.panelCount();
    // Page 0 is the Overview; the feed pages follow it.
    QCOMPARE(QStringList({window.panelTitle(1), window.panelTitle(2), window.panelTitle(3),
                          window.panelTitle(n - 2), window.panelTitle(n - 1)}),
             pages);
    QCOMPARE(window.panelKey(0), u"overview"_s);
    QCOMPARE(window.panelKey(1), u"queue"_s); // keys stay: they are saved in QSettings
    QCOMPARE(StatusStyle::statusLabel(u"running"_s), running);
    QCOMPARE(StatusStyle::statusLabel(u"some_custom_state"_s), u"some custom state"_s);
    QCOMPARE(window.statusText(), status);
}

// Standard buttons and context menus come from Qt's qtbase catalogue; the QtNetwork texts in
// the same file must not be translated, or the event stream and the HTTP status the engine reads
// from QWebSocket::errorString() would change with the language.
void tst_I18n::qtWidgetTextsTranslatedNetworkTextsNot()
{
    QVERIFY(I18n::install(qApp, QLocale(QLocale::German)));
    if (!I18n::hasQtTranslation())
        QSKIP("qtbase_de.qm not installed (Debian package qt6-translations-l10n)");
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), u"Abbrechen"_s);
    QCOMPARE(QCoreApplication::translate("QAbstractSocket", "Connection refused"),
             u"Connection refused"_s);
    QCOMPARE(QCoreApplication::translate("QNativeSocketEngine", "Connection refused"),
             u"Connection refused"_s);
    QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Unknown option '%1'."),
             u"Unknown option '%1'."_s);
}

void tst_I18n::acceleratorsUniquePerMenuAndPage_data()
{
    addLanguages();
}

// Alt+letter must reach one thing: unique within each menu, within the menu bar, and among the
// menu bar and the controls of each page and dialog.
void tst_I18n::acceleratorsUniquePerMenuAndPage()
{
    QFETCH(QString, language);
    install(language);
    DemoWindow demo;
    MainWindow &window = demo.window;

    QStringList problems;
    const QStringList bar = menuTitles(window);
    for (const QString &d : duplicates(bar))
        problems << u"menu bar: "_s + d;
    for (const QMenu *menu : window.findChildren<QMenu *>()) {
        QStringList texts;
        for (const QAction *a : menu->actions()) {
            if (!a->isSeparator())
                texts << a->text();
        }
        for (const QString &d : duplicates(texts))
            problems << menu->title() + u": "_s + d;
    }
    const auto *pages = window.findChild<QStackedWidget *>();
    QVERIFY(pages);
    for (int i = 0; i < pages->count(); ++i) {
        for (const QString &d : duplicates(bar + pageTexts(pages->widget(i))))
            problems << window.panelTitle(i) + u": "_s + d;
    }
    QTemporaryDir dir;
    SettingsDialog settings(dir.filePath(u"feedwatch.json"_s), {});
    for (const QString &d : duplicates(pageTexts(&settings)))
        problems << u"settings dialog: "_s + d;
    AboutDialog about;
    for (const QString &d : duplicates(pageTexts(&about)))
        problems << u"about dialog: "_s + d;
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

void tst_I18n::windowFitsASmallScreen_data()
{
    addLanguages();
}

// German runs long: at 1366x768 (minus a panel) nothing may force the window wider or taller.
void tst_I18n::windowFitsASmallScreen()
{
    QFETCH(QString, language);
    install(language);
    DemoWindow demo;
    MainWindow &window = demo.window;
    const QSize available(1366, 768 - 40);
    const QSize minimum = window.minimumSizeHint();
    QVERIFY2(minimum.width() <= available.width() && minimum.height() <= available.height(),
             qPrintable(u"%1x%2"_s.arg(minimum.width()).arg(minimum.height())));
    QTemporaryDir dir;
    SettingsDialog settings(dir.filePath(u"feedwatch.json"_s), {});
    const QSize dialog = settings.sizeHint();
    QVERIFY2(dialog.width() <= available.width() && dialog.height() <= available.height(),
             qPrintable(u"settings %1x%2"_s.arg(dialog.width()).arg(dialog.height())));
    // For a look at the long words (docs/testing.md): the dialogs as laid out.
    const QString shots = QCoreApplication::applicationDirPath() + u"/screenshots"_s;
    QVERIFY(QDir().mkpath(shots));
    settings.adjustSize();
    QVERIFY(settings.grab().save(u"%1/settings-%2.png"_s.arg(shots, language)));
    AboutDialog about;
    about.adjustSize();
    QVERIFY(about.grab().save(u"%1/about-%2.png"_s.arg(shots, language)));
}

QTEST_MAIN(tst_I18n)
#include "tst_i18n.moc"
