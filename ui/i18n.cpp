#include "i18n.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {
// Qt's catalogue for the widgets only. qtbase_<lang>.qm also translates QtNetwork, QtSql and
// QtCore messages ("Connection refused", JSON parse errors), which the engine puts into the event
// stream and uses to recognise refused upgrades: those must stay English, so every context not
// listed here is left alone. A context Qt adds later simply shows English.
class WidgetCatalog final : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        static const QSet<QByteArray> widgetContexts = {
            "CloseButton",
            "MAC_APPLICATION_MENU",
            "QAbstractFileIconProvider",
            "QAbstractSpinBox",
            "QAccessibleActionInterface",
            "QApplication",
            "QColorDialog",
            "QComboBox",
            "QDBusTrayIcon",
            "QDialog",
            "QDialogButtonBox",
            "QDockWidget",
            "QErrorMessage",
            "QFileDialog",
            "QFileSystemModel",
            "QFontDialog",
            "QGnomeTheme",
            "QGuiApplication",
            "QInputDialog",
            "QKeySequenceEdit",
            "QLineEdit",
            "QMessageBox",
            "QPlatformTheme",
            "QProgressDialog",
            "QScrollBar",
            "QShortcut",
            "QSpiAccessibleBridge",
            "QTabBar",
            "QUnicodeControlCharacterMenu",
            "QWhatsThisAction",
            "QWidget",
            "QWidgetTextControl",
        };
        if (!context || !widgetContexts.contains(QByteArray(context)))
            return {};
        return QTranslator::translate(context, sourceText, disambiguation, n);
    }
};

QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

bool g_qtLoaded = false;
} // namespace

namespace I18n {

void uninstall()
{
    for (const QPointer<QTranslator> &t : std::as_const(installed())) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installed().clear();
    g_qtLoaded = false;
}

bool install(QCoreApplication *app, const QLocale &locale)
{
    uninstall();
    auto *own = new QTranslator(app);
    const bool translated = own->load(locale, u"feedwatch"_s, u"_"_s, u":/i18n"_s);
    // English needs its catalogue for the plural forms ("1 phase", "2 phases"); so does every
    // language Feedwatch does not speak, which falls back to English.
    if (!translated && !own->load(u":/i18n/feedwatch_en.qm"_s)) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    installed() << own;
    if (!translated || own->language().startsWith("en"_L1))
        return translated;
    // Only with a Feedwatch translation: an English window with German standard buttons would be
    // worse than one language throughout.
    auto *qt = new WidgetCatalog(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed() << qt;
        g_qtLoaded = true;
    } else {
        delete qt;
    }
    return true;
}

bool hasQtTranslation()
{
    return g_qtLoaded;
}

QStringList languages()
{
    QStringList out = {u"en"_s};
    const QStringList files = QDir(u":/i18n"_s).entryList({u"feedwatch_*.qm"_s}, QDir::Files);
    for (const QString &file : files)
        out << file.mid(10).chopped(3); // "feedwatch_" ... ".qm"
    out.removeDuplicates();
    out.sort();
    return out;
}

bool localeFor(const QString &language, QLocale *locale, QString *error)
{
    const QLocale candidate(language);
    const QString code = QLocale::languageToCode(candidate.language());
    if (candidate.language() == QLocale::C || !languages().contains(code)) {
        if (error)
            *error = u"--lang: no translation for '%1' (available: %2)"_s.arg(
                language, languages().join(u", "_s));
        return false;
    }
    *locale = candidate;
    return true;
}

} // namespace I18n
