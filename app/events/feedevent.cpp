#include "feedevent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

QString FeedEvent::isoTimestamp(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC)
        .toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s);
}

QByteArray FeedEvent::toJsonLine() const
{
    // ts, feed and event lead every line so a person can read the stream too.
    QByteArray line = "{\"ts\":\"" + isoTimestamp(wallMs).toLatin1() + "\",\"feed\":";
    line += feed.isEmpty()
        ? QByteArray("null")
        : QJsonDocument(QJsonArray {feed}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    line += ",\"event\":"
        + QJsonDocument(QJsonArray {event}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    if (!fields.isEmpty()) {
        const QByteArray rest = QJsonDocument(fields).toJson(QJsonDocument::Compact);
        line += ',' + rest.mid(1); // drop the '{' and keep the closing '}'
    } else {
        line += '}';
    }
    return line;
}

QString FeedEvent::summary() const
{
    QStringList parts;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isDouble())
            text = QString::number(v.toDouble());
        else if (v.isBool())
            text = v.toBool() ? u"true"_s : u"false"_s;
        else if (v.isNull())
            text = u"null"_s;
        else
            text = QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray())
                                                               : QJsonDocument(v.toObject()))
                                         .toJson(QJsonDocument::Compact));
        parts << it.key() + u'=' + text;
    }
    return parts.join(u' ');
}

void EventRing::append(const FeedEvent &event)
{
    if (m_items.size() < m_capacity) {
        m_items.append(event);
        return;
    }
    m_items[m_head] = event;
    m_head = (m_head + 1) % m_capacity;
}

QList<FeedEvent> EventRing::events() const
{
    if (m_items.size() < m_capacity || m_head == 0)
        return m_items;
    return m_items.mid(m_head) + m_items.mid(0, m_head);
}
