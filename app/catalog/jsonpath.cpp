#include "jsonpath.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace JsonPath {

QStringList parts(const QString &path, QString *error)
{
    if (path.isEmpty())
        return {};
    if (!path.startsWith(u'/')) {
        if (path.startsWith(u'.') || path.endsWith(u'.') || path.contains(u".."_s)) {
            if (error)
                *error = u"'%1' has an empty step"_s.arg(path);
            return {};
        }
        return path.split(u'.');
    }
    QStringList out = path.mid(1).split(u'/');
    for (QString &part : out) {
        // RFC 6901: "~1" is "/", "~0" is "~", in that order; any other "~" is malformed.
        for (qsizetype i = part.indexOf(u'~'); i >= 0; i = part.indexOf(u'~', i + 1)) {
            if (i + 1 >= part.size() || (part.at(i + 1) != u'0' && part.at(i + 1) != u'1')) {
                if (error)
                    *error = u"'%1': '~' must be followed by 0 or 1"_s.arg(path);
                return {};
            }
        }
        part.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
    }
    return out;
}

QJsonValue at(const QJsonValue &root, const QStringList &steps)
{
    QJsonValue value = root;
    for (const QString &step : steps) {
        if (value.isObject()) {
            value = value.toObject().value(step);
        } else if (value.isArray()) {
            bool ok = false;
            const qsizetype index = step.toLongLong(&ok);
            const QJsonArray array = value.toArray();
            if (!ok || index < 0 || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            value = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return value;
}

QJsonValue at(const QJsonValue &root, const QString &path)
{
    if (path.isEmpty())
        return root;
    // The common cases, a plain field name or a one-step pointer ("/phases"), without building
    // a list: the engine looks up every changed snapshot's rows.
    if (!path.startsWith(u'/') && !path.contains(u'.'))
        return root.isObject() ? root.toObject().value(path) : QJsonValue(QJsonValue::Undefined);
    if (path.startsWith(u'/') && path.indexOf(u'/', 1) < 0 && !path.contains(u'~'))
        return root.isObject() ? root.toObject().value(QStringView(path).mid(1))
                               : QJsonValue(QJsonValue::Undefined);
    return at(root, parts(path));
}

QJsonValue without(const QJsonValue &root, const QStringList &steps)
{
    if (steps.isEmpty() || !root.isObject())
        return root;
    QJsonObject object = root.toObject();
    if (steps.size() == 1) {
        object.remove(steps.first());
        return object;
    }
    const QJsonValue child = object.value(steps.first());
    if (!child.isObject())
        return root;
    object.insert(steps.first(), without(child, steps.mid(1)));
    return object;
}

QString pointer(const QStringList &steps)
{
    QString out;
    for (QString step : steps)
        out += u'/' + step.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
    return out;
}

} // namespace JsonPath
