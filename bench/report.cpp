#include "report.h"

#include <QHash>
#include <QJsonArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {
QString format(double v, const QString &unit = {})
{
    if (!std::isfinite(v))
        return u"-"_s;
    QString text;
    const double a = std::abs(v);
    if (a >= 1000)
        text = QString::number(std::round(v), 'f', 0);
    else if (a >= 100)
        text = QString::number(v, 'f', 0);
    else if (a >= 10)
        text = QString::number(v, 'f', 1);
    else
        text = QString::number(v, 'f', 2);
    return unit.isEmpty() ? text : text + u' ' + unit;
}

QString cell(const QString &text, int width, bool right = false)
{
    return right ? text.rightJustified(width, u' ') : text.leftJustified(width, u' ');
}
} // namespace

namespace Report {

void printTable(const QList<Figure> &figures, std::FILE *out)
{
    const QString header = cell(u"figure"_s, 46) + cell(u"value"_s, 16, true) + u"  "_s
        + cell(u"goal"_s, 16) + cell(u"peer/baseline"_s, 16, true) + cell(u"ratio"_s, 7, true)
        + cell(u"spread"_s, 16, true) + u"  result"_s;
    std::fprintf(out, "%s\n%s\n", qPrintable(header), qPrintable(QString(header.size(), u'-')));
    for (const Figure &f : figures) {
        const QString line = cell(f.title.left(45), 46) + cell(format(f.value, f.unit), 16, true)
            + u"  "_s + cell(f.goalText(), 16) + cell(format(f.peer), 16, true)
            + cell(format(f.ratio), 7, true) + cell(f.spreadText(), 16, true) + u"  "_s
            + f.status();
        std::fprintf(out, "%s\n", qPrintable(line));
    }
    // Which peer each ratio is against.
    QStringList peers;
    QHash<QString, QStringList> byPeer;
    for (const Figure &f : figures) {
        if (f.peerName.isEmpty())
            continue;
        if (!byPeer.contains(f.peerName))
            peers << f.peerName;
        byPeer[f.peerName] << f.id;
    }
    if (!peers.isEmpty())
        std::fprintf(out, "\npeer/baseline:\n");
    for (const QString &peer : std::as_const(peers))
        std::fprintf(out, "  %s: %s\n", qPrintable(peer),
                     qPrintable(byPeer.value(peer).join(u", "_s)));
}

QString markdownTable(const QList<Figure> &figures)
{
    QString out = u"| figure | value | goal | peer/baseline | ratio | spread (min–max) | result |\n"
                  "| --- | ---: | --- | ---: | ---: | ---: | --- |\n"_s;
    for (const Figure &f : figures) {
        QString title = f.title.trimmed();
        if (f.title.startsWith(u' '))
            title = u"↳ "_s + title;
        out += u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n"_s.arg(
            title, format(f.value, f.unit), f.goalText(), format(f.peer), format(f.ratio),
            f.spreadText(), f.status());
    }
    return out;
}

QJsonObject document(const QList<Figure> &figures, const QJsonObject &run)
{
    QJsonArray rows;
    int misses = 0;
    for (const Figure &f : figures) {
        rows.append(f.toJson());
        misses += f.status() == "miss"_L1 ? 1 : 0;
    }
    return {{u"run"_s, run}, {u"misses"_s, misses}, {u"figures"_s, rows}};
}

} // namespace Report
