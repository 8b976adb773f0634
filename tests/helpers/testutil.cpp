#include "testutil.h"

#include "cli/commandline.h"
#include "cli/windowlessrunner.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace TestUtil {

CliRun runWindowless(const QStringList &args)
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code =
        WindowlessRunner::run(CommandLine::parse(QStringList {u"feedwatch"_s} + args), out, err);
    out.flush();
    err.flush();
    return r;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &contents)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(contents);
    return path;
}

QStringList accelerators(const QString &text)
{
    QStringList out;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        if (!text.at(i + 1).isSpace())
            out << text.at(i + 1).toLower();
    }
    return out;
}

QByteArray isolateSecrets(const QTemporaryDir &dir)
{
    const QByteArray bus = "unix:path=" + QFile::encodeName(dir.filePath(u"no-session-bus"_s));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(u"config"_s)));
    qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    return bus;
}

} // namespace TestUtil

QByteArray TestUtil::sample(const QString &name)
{
    QFile file(u":/samples/tac-webbuilder/%1.json"_s.arg(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList TestUtil::sampleNames()
{
    QStringList names = QDir(u":/samples/tac-webbuilder"_s).entryList({u"*.json"_s}, QDir::Files);
    for (QString &name : names)
        name.chop(5);
    return names;
}
