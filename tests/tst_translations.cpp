// Not a test of one class: keeps translations/*.ts complete and in step with the sources, so a
// new tr() text cannot reach main untranslated. Registered with CTest as translations_complete.
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {
struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList forms;

    QString id() const
    {
        return context + u" | "_s + source
            + (comment.isEmpty() ? QString() : u" ("_s + comment + u')');
    }
};

struct TsFile
{
    QString language;
    QList<Message> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = u"cannot read %1"_s.arg(path);
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == "TS"_L1) {
                out.language = xml.attributes().value("language"_L1).toString();
            } else if (name == "context"_L1) {
                context.clear();
            } else if (name == "name"_L1) {
                context = xml.readElementText();
            } else if (name == "message"_L1) {
                message = {};
                message.context = context;
                message.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            } else if (name == "source"_L1) {
                message.source = xml.readElementText();
            } else if (name == "comment"_L1) {
                message.comment = xml.readElementText();
            } else if (name == "translation"_L1) {
                message.type = xml.attributes().value("type"_L1).toString();
                if (!message.numerus)
                    message.forms << xml.readElementText();
            } else if (name == "numerusform"_L1) {
                message.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == "message"_L1) {
            out.messages << message;
        }
    }
    if (xml.hasError())
        out.error = u"%1: %2 at line %3"_s.arg(path, xml.errorString()).arg(xml.lineNumber());
    return out;
}

// "%1", "%L2", "%n" as a sorted list (a placeholder may appear twice).
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(u"%L?(\\d|n)"_s);
    QStringList out;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        out << m.captured(1);
    out.sort();
    return out;
}

qsizetype accelerators(const QString &text)
{
    return TestUtil::accelerators(text).size();
}

QStringList tsFiles()
{
    return QString::fromUtf8(FEEDWATCH_TS_FILES).split(u'|', Qt::SkipEmptyParts);
}

QString pluralsFile()
{
    return QString::fromUtf8(FEEDWATCH_PLURALS_TS);
}
} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void everyEntryTranslated_data();
    void everyEntryTranslated();
    void upToDateWithTheSources();
};

void tst_Translations::everyEntryTranslated_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("pluralOnly");
    for (const QString &path : tsFiles())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path << false;
    QTest::newRow(qPrintable(QFileInfo(pluralsFile()).fileName())) << pluralsFile() << true;
}

// Finished, no vanished leftovers, the placeholders and accelerators of the source, and every
// plural form of the language filled in.
void tst_Translations::everyEntryTranslated()
{
    QFETCH(QString, path);
    QFETCH(bool, pluralOnly);
    const TsFile ts = readTs(path);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY2(!ts.language.isEmpty(), "the <TS> element has no language attribute");
    QVERIFY(!ts.messages.isEmpty());
    QStringList problems;
    for (const Message &m : ts.messages) {
        if (!m.type.isEmpty()) {
            problems << u"%1: type=\"%2\""_s.arg(m.id(), m.type);
            continue;
        }
        if (pluralOnly && !m.numerus) {
            problems << u"%1: not a plural text (lupdate -pluralonly)"_s.arg(m.id());
            continue;
        }
        if (m.numerus && m.forms.size() < 2)
            problems << u"%1: %2 plural form(s), expected 2"_s.arg(m.id()).arg(m.forms.size());
        for (const QString &form : m.forms) {
            if (form.trimmed().isEmpty()) {
                problems << u"%1: empty translation"_s.arg(m.id());
                continue;
            }
            if (placeholders(form) != placeholders(m.source))
                problems << u"%1: placeholders %2 in \"%3\""_s.arg(
                    m.id(), placeholders(form).join(u','), form);
            if (accelerators(form) != accelerators(m.source))
                problems << u"%1: %2 accelerator(s) in \"%3\", the source has %4"_s.arg(m.id())
                                .arg(accelerators(form))
                                .arg(form)
                                .arg(accelerators(m.source));
        }
    }
    if (!problems.isEmpty())
        qWarning().noquote() << problems.join(u'\n');
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 problem(s), listed above"_s.arg(problems.size())));
}

// lupdate over today's sources, run on copies, must neither add entries (new, untranslated
// texts) nor drop any (texts gone from the sources): otherwise run `cmake --build build
// --target update_translations` and translate what it marks unfinished.
void tst_Translations::upToDateWithTheSources()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString list = QString::fromUtf8(FEEDWATCH_I18N_SOURCES_LIST);
    QVERIFY2(QFileInfo::exists(list), qPrintable(list));
    const QStringList options =
        QString::fromUtf8(FEEDWATCH_LUPDATE_OPTIONS).split(u'|', Qt::SkipEmptyParts);

    auto runLupdate = [&](const QStringList &originals, const QStringList &extra) {
        QStringList copies;
        for (const QString &original : originals) {
            const QString copy = dir.filePath(QFileInfo(original).fileName());
            QFile::remove(copy);
            if (!QFile::copy(original, copy))
                return u"cannot copy %1"_s.arg(original);
            QFile(copy).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            copies << copy;
        }
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QString::fromUtf8(FEEDWATCH_LUPDATE),
                      QStringList {u"@"_s + list} + extra + options + QStringList {u"-ts"_s}
                          + copies);
        if (!lupdate.waitForFinished(120000) || lupdate.exitCode() != 0)
            return u"lupdate failed: %1"_s.arg(QString::fromLocal8Bit(lupdate.readAll()));
        const QString output = QString::fromLocal8Bit(lupdate.readAll());
        // lupdate names file:line for a tr() it cannot place ("Class 'X' lacks Q_OBJECT
        // macro"): such a text would land in the wrong context and never be translated.
        static const QRegularExpression located(u"^.+:\\d+: .*$"_s,
                                                QRegularExpression::MultilineOption);
        if (const QRegularExpressionMatch m = located.match(output); m.hasMatch())
            return u"lupdate warns: %1"_s.arg(m.captured(0));
        QStringList differences;
        for (const QString &original : originals) {
            const TsFile before = readTs(original);
            const TsFile after = readTs(dir.filePath(QFileInfo(original).fileName()));
            QSet<QString> was;
            QSet<QString> is;
            for (const Message &m : before.messages)
                was.insert(m.id());
            for (const Message &m : after.messages)
                is.insert(m.id());
            for (const QString &id : is - was)
                differences << u"%1: new text %2"_s.arg(QFileInfo(original).fileName(), id);
            for (const QString &id : was - is)
                differences << u"%1: no longer in the sources: %2"_s.arg(
                    QFileInfo(original).fileName(), id);
        }
        differences.sort();
        return differences.join(u'\n');
    };

    // The whole list goes to the log: QVERIFY2 cuts long messages short.
    const QString full = runLupdate(tsFiles(), {});
    if (!full.isEmpty())
        qWarning().noquote() << full;
    QVERIFY2(full.isEmpty(), "run the update_translations target and translate what it adds");
    const QString plurals = runLupdate({pluralsFile()}, {u"-pluralonly"_s});
    if (!plurals.isEmpty())
        qWarning().noquote() << plurals;
    QVERIFY2(plurals.isEmpty(), "run the update_translations target and fill the plural forms");
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
