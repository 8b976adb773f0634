#include "eventlogmodel.h"

#include "eventtext.h"

#include <QDateTime>
#include <QFile>
#include <QTimer>

#include <algorithm>

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
    , m_flushTimer(new QTimer(this))
{
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(100);
    connect(m_flushTimer, &QTimer::timeout, this, &EventLogModel::flush);
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const FeedEvent &e = row.event;
    switch (role) {
    case EventKindRole:
        return e.event;
    case FeedIdRole:
        return e.feed;
    case EarlierSessionRole:
        return row.earlier;
    case JsonLineRole:
        return QString::fromUtf8(e.toJsonLine());
    case SummaryRole:
        return e.summary();
    case Qt::ToolTipRole: {
        // The stream's own words behind the translated ones, e.g. for a search in docs/events.md.
        QString tip = index.column() == EventColumn ? e.event
            : index.column() == DetailsColumn       ? e.summary()
                                                    : QString();
        if (row.earlier)
            tip = tip.isEmpty() ? tr("From an earlier session")
                                : tr("%1\nFrom an earlier session").arg(tip);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case TimeColumn: {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(e.wallMs);
        return row.earlier ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                           : t.toString(QStringLiteral("HH:mm:ss.zzz"));
    }
    case FeedColumn:
        return e.feed.isEmpty() ? tr("(app)") : e.feed;
    case EventColumn:
        return EventText::kindText(e.event);
    case DetailsColumn:
        return EventText::details(e);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case FeedColumn:
        return tr("Feed");
    case EventColumn:
        return tr("Event");
    case DetailsColumn:
        return tr("Details");
    case ColumnCount:
        break;
    }
    return {};
}

int EventLogModel::earlierCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return r.earlier; }));
}

void EventLogModel::append(const FeedEvent &event)
{
    m_pending.append({event, false});
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void EventLogModel::appendEarlier(const QList<FeedEvent> &events)
{
    for (const FeedEvent &e : events)
        m_pending.append({e, true});
    flush();
}

void EventLogModel::flush()
{
    m_flushTimer->stop();
    if (m_pending.isEmpty())
        return;
    // Only the newest `capacity` pending rows can survive the trim; skip the rest up front.
    if (m_pending.size() > m_capacity)
        m_pending.remove(0, m_pending.size() - m_capacity);
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    m_rows.append(m_pending);
    m_pending.clear();
    endInsertRows();
    trim();
}

void EventLogModel::trim()
{
    const qsizetype excess = m_rows.size() - m_capacity;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, int(excess) - 1);
    m_rows.remove(0, excess);
    endRemoveRows();
}

bool EventLogModel::exportTo(const QString &path, QString *error, const QList<int> &rows) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    auto writeRow = [&](int r) {
        file.write(m_rows.at(r).event.toJsonLine() + '\n');
    };
    if (rows.isEmpty()) {
        for (int r = 0; r < m_rows.size(); ++r)
            writeRow(r);
    } else {
        for (int r : rows) {
            if (r >= 0 && r < m_rows.size())
                writeRow(r);
        }
    }
    if (!file.flush()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
