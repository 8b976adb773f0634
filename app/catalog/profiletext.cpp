#include "profiletext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace ProfileText {

QString tr(const QString &source)
{
    if (source.isEmpty())
        return source;
    return QCoreApplication::translate("Profile", source.toUtf8().constData());
}

QString count(const QString &noun, int n)
{
    const QByteArray utf8 = noun.toUtf8();
    const QString translated = QCoreApplication::translate("Profile", utf8.constData(), nullptr, n);
    QString plain = noun;
    plain.replace(u"%n"_s, QString::number(n));
    if (translated != plain)
        return translated;
    // Untranslated: the source is English, where "(s)" is the plural ending.
    plain.replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    return plain;
}

} // namespace ProfileText
