#include "aboutdialog.h"
#include "config/config.h"
#include "dashboard/feedhub.h"
#include "i18n.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "statusstyle.h"
#include "trustcertificatedialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Config configFor(const QStringList &backends = {})
{
    QJsonObject root;
    if (backends.isEmpty()) {
        root.insert(u"server"_s, u"ws://127.0.0.1:1"_s);
    } else {
        QJsonObject b;
        for (const QString &name : backends)
            b.insert(name, QJsonObject {{u"server"_s, u"ws://127.0.0.1:1"_s}});
        root.insert(u"backends"_s, b);
    }
    const ConfigResult r = ConfigLoader::fromJson(root);
    if (!r.ok())
        qFatal("bad test config: %s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}

// Parts of a composite control that a screen reader reaches through their owner.
bool isPartOfAnother(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p)
            || qobject_cast<const QAbstractItemView *>(p))
            return true;
    }
    return false;
}

bool isInteractive(const QWidget *w)
{
    if (qobject_cast<const QScrollBar *>(w) || qobject_cast<const QHeaderView *>(w))
        return false;
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w)
        || qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractItemView *>(w)
        || qobject_cast<const QAbstractSpinBox *>(w);
}

// What a screen reader says for each interactive control that has no name: "QComboBox
// (statusFilter) in FeedPanel".
QStringList unnamedControls(const QWidget *root)
{
    QStringList out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : std::as_const(widgets)) {
        if (!isInteractive(w) || isPartOfAnother(w))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (!name.isEmpty())
            continue;
        QString where;
        for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
            const QString cls = QString::fromLatin1(p->metaObject()->className());
            if (!cls.startsWith(u'Q')) {
                where = cls;
                break;
            }
        }
        out << u"%1 (%2) in %3"_s.arg(QString::fromLatin1(w->metaObject()->className()),
                                      w->objectName(), where);
    }
    return out;
}

// WCAG 2 contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QImage alphaMask(StatusStyle::Tone tone)
{
    return StatusStyle::dot(tone, 12).pixmap(12, 12).toImage().convertToFormat(
        QImage::Format_Alpha8);
}
} // namespace

// Item 8 of #16: every control has a name a screen reader can say, every page and table is
// reachable from the keyboard (and the keys are listed in Help), no state is told by colour
// alone, and text colours stay readable on a light and a dark palette.
class tst_Accessibility : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyControlHasAName_data();
    void everyControlHasAName();
    void dialogsNameTheirControls();
    void everyPageHasAKey();
    void tablesTakeKeyboardFocus();
    void helpListsTheShortcuts();
    void statesDifferInShapeNotOnlyColour();
    void textColoursReadOnLightAndDark();
};

void tst_Accessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"feedwatch-tests"_s);
    QCoreApplication::setApplicationName(u"tst_accessibility"_s);
    QVERIFY(I18n::install(qApp, QLocale(QLocale::English)));
}

void tst_Accessibility::everyControlHasAName_data()
{
    QTest::addColumn<QStringList>("backends");
    QTest::newRow("one backend") << QStringList();
    QTest::newRow("two backends") << QStringList {u"prod"_s, u"staging"_s};
}

void tst_Accessibility::everyControlHasAName()
{
    QFETCH(QStringList, backends);
    FeedHub hub(configFor(backends));
    MainWindow window(&hub);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Every page, as the operator would open it (some build parts on first show).
    for (int i = 0; i < window.panelCount(); ++i)
        window.showPanel(i);
    const QStringList unnamed = unnamedControls(&window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
}

void tst_Accessibility::dialogsNameTheirControls()
{
    QTemporaryDir dir;
    SettingsDialog settings(dir.filePath(u"feedwatch.json"_s), {});
    AboutDialog about;
    TrustCertificateDialog trust(QJsonObject {
        {u"host"_s, u"h.test"_s}, {u"port"_s, 8443}, {u"fingerprint_sha256"_s, QString(64, u'a')}});
    for (const QWidget *dialog : {static_cast<QWidget *>(&settings), static_cast<QWidget *>(&about),
                                  static_cast<QWidget *>(&trust)}) {
        const QStringList unnamed = unnamedControls(dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    }
}

void tst_Accessibility::everyPageHasAKey()
{
    FeedHub hub(configFor());
    MainWindow window(&hub);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSet<QKeySequence> keys;
    QList<QAction *> actions = window.findChildren<QAction *>();
    // Each page is one key away: Ctrl+1..9 for the first nine, a named key for the tool pages.
    for (int i = 0; i < window.panelCount(); ++i) {
        const QString title = window.panelTitle(i);
        QAction *page = nullptr;
        for (QAction *a : std::as_const(actions)) {
            if (a->property("pageKey").toString() == window.panelKey(i))
                page = a;
        }
        QVERIFY2(page, qPrintable(title));
        const QKeySequence key = page->shortcut();
        QVERIFY2(!key.isEmpty(), qPrintable(title));
        QVERIFY2(!keys.contains(key), qPrintable(title + u": "_s + key.toString()));
        keys << key;
        window.showPanel(0);
        page->trigger();
        QCOMPARE(window.currentPanel(), i);
    }
    // And from page to page.
    window.showPanel(0);
    auto *next = window.findChild<QAction *>(u"nextPage"_s);
    auto *previous = window.findChild<QAction *>(u"previousPage"_s);
    QVERIFY(next && previous);
    next->trigger();
    QCOMPARE(window.currentPanel(), 1);
    previous->trigger();
    previous->trigger();
    QCOMPARE(window.currentPanel(), window.panelCount() - 1); // wraps around
}

void tst_Accessibility::tablesTakeKeyboardFocus()
{
    FeedHub hub(configFor());
    MainWindow window(&hub);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (int i = 0; i < window.panelCount(); ++i) {
        window.showPanel(i);
        QWidget *page = nullptr;
        for (QWidget *w : window.findChildren<QWidget *>()) {
            if (w->property("pageKey").toString() == window.panelKey(i))
                page = w;
        }
        QVERIFY2(page, qPrintable(window.panelTitle(i)));
        for (QAbstractItemView *view : page->findChildren<QAbstractItemView *>()) {
            if (qobject_cast<QHeaderView *>(view) || isPartOfAnother(view))
                continue;
            QVERIFY2(view->focusPolicy() & Qt::TabFocus,
                     qPrintable(window.panelTitle(i) + u": "_s + view->accessibleName()));
        }
    }
    // F6 moves between the page list and the page.
    auto *pane = window.findChild<QAction *>(u"switchPane"_s);
    QVERIFY(pane);
    auto *nav = window.findChild<QListWidget *>();
    nav->setFocus();
    QTRY_VERIFY(nav->hasFocus());
    pane->trigger();
    QTRY_VERIFY(!nav->hasFocus() && QApplication::focusWidget());
    pane->trigger();
    QTRY_VERIFY(nav->hasFocus());
}

void tst_Accessibility::helpListsTheShortcuts()
{
    FeedHub hub(configFor());
    MainWindow window(&hub);
    const QList<std::pair<QString, QKeySequence>> listed = window.shortcutList();
    // Every action with a key is listed, with that key.
    for (const QAction *a : window.findChildren<QAction *>()) {
        if (a->shortcut().isEmpty())
            continue;
        const bool found = std::any_of(listed.begin(), listed.end(), [a](const auto &row) {
            return row.second == a->shortcut();
        });
        QVERIFY2(found, qPrintable(a->text() + u" "_s + a->shortcut().toString()));
    }
    auto *help = window.findChild<QAction *>(u"keyboardShortcuts"_s);
    QVERIFY(help);
    QVERIFY(!help->shortcut().isEmpty());
}

void tst_Accessibility::statesDifferInShapeNotOnlyColour()
{
    using StatusStyle::Tone;
    const QList<Tone> states = {Tone::Good, Tone::Warning, Tone::Bad, Tone::Idle};
    for (int i = 0; i < states.size(); ++i) {
        for (int j = i + 1; j < states.size(); ++j)
            QVERIFY2(alphaMask(states.at(i)) != alphaMask(states.at(j)),
                     qPrintable(u"tones %1 and %2 share a shape"_s.arg(int(states.at(i)))
                                    .arg(int(states.at(j)))));
    }
}

void tst_Accessibility::textColoursReadOnLightAndDark()
{
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xf5, 0xf5, 0xf5));
    light.setColor(QPalette::WindowText, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    using StatusStyle::Tone;
    for (const QPalette &palette : {light, dark}) {
        for (const Tone tone : {Tone::Good, Tone::Warning, Tone::Bad, Tone::Info}) {
            const QColor text = StatusStyle::textColor(tone, palette);
            const double ratio = contrast(text, palette.color(QPalette::Window));
            // WCAG AA for normal text.
            QVERIFY2(ratio >= 4.5,
                     qPrintable(u"tone %1 on %2: %3"_s.arg(int(tone))
                                    .arg(palette.color(QPalette::Window).name())
                                    .arg(ratio)));
            // A banner: the tone's tint over the window, its text on that tint.
            const QColor tint = StatusStyle::tint(tone, palette);
            QCOMPARE(tint.lightnessF() < 0.5, palette.color(QPalette::Window).lightnessF() < 0.5);
            QPalette banner = palette;
            banner.setColor(QPalette::Window, tint);
            const double onTint = contrast(StatusStyle::textColor(tone, banner), tint);
            QVERIFY2(
                onTint >= 4.5,
                qPrintable(
                    u"tone %1 on its tint %2: %3"_s.arg(int(tone)).arg(tint.name()).arg(onTint)));
        }
    }
}

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
