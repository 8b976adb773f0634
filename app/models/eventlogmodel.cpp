#include "eventlogmodel.h"

#include "eventtext.h"

#include <QDateTime>
#include <QFile>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

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
    case CountRole:
        return row.count;
    case FirstWallMsRole:
        return row.firstWallMs;
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
        if (row.count > 1) {
            const QString since =
                QDateTime::fromMSecsSinceEpoch(row.firstWallMs).toString(u"HH:mm:ss"_s);
            if (e.event == "latency"_L1) {
                return tr("%n round trips since %1 · last: %2", nullptr, row.count)
                    .arg(since, EventText::details(e));
            }
            return tr("%n updates since %1 · %2", nullptr, row.count)
                .arg(since, EventText::details(e));
        }
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

void EventLogModel::append(const FeedEvent &event)
{
    m_pending.append({event, false, 1, event.wallMs});
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void EventLogModel::appendEarlier(const QList<FeedEvent> &events)
{
    for (const FeedEvent &e : events)
        m_pending.append({e, true, 1, e.wallMs});
    flush();
}

// The stream's frequent kinds: a snapshot, a heartbeat's round trip.
bool EventLogModel::foldable(const Row &row)
{
    return !row.earlier && (row.event.event == "update"_L1 || row.event.event == "latency"_L1);
}

// The row of `row`'s feed and kind in the run of foldable rows at the end of `rows`, or -1.
qsizetype EventLogModel::foldTarget(const QList<Row> &rows, const Row &row)
{
    for (qsizetype i = rows.size() - 1; i >= 0; --i) {
        const Row &r = rows.at(i);
        if (!foldable(r))
            return -1;
        if (r.event.feed == row.event.feed && r.event.event == row.event.event)
            return i;
    }
    return -1;
}

void EventLogModel::flush()
{
    m_flushTimer->stop();
    if (m_pending.isEmpty())
        return;
    QList<Row> added;
    qsizetype firstChanged = m_rows.size();
    qsizetype lastChanged = -1;
    for (const Row &row : std::as_const(m_pending)) {
        if (m_foldUpdates && foldable(row)) {
            // The run of foldable rows may start among the shown rows and go on in `added`.
            qsizetype at = foldTarget(added, row);
            Row *into = at >= 0 ? &added[at] : nullptr;
            const bool runReachesShown =
                !into && std::all_of(added.cbegin(), added.cend(), foldable);
            if (runReachesShown && (at = foldTarget(m_rows, row)) >= 0) {
                into = &m_rows[at];
                firstChanged = std::min(firstChanged, at);
                lastChanged = std::max(lastChanged, at);
            }
            if (into) {
                into->event = row.event;
                into->count += row.count;
                continue;
            }
        }
        added.append(row);
    }
    m_pending.clear();
    // Only the newest `capacity` new rows can survive the trim; skip the rest up front (after
    // folding, so a folded row counts every update it stands for).
    if (added.size() > m_capacity)
        added.remove(0, added.size() - m_capacity);
    if (lastChanged >= 0)
        emit dataChanged(index(int(firstChanged), 0), index(int(lastChanged), ColumnCount - 1));
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        m_earlierRows += int(
            std::count_if(added.cbegin(), added.cend(), [](const Row &r) { return r.earlier; }));
        endInsertRows();
    }
    trim();
}

void EventLogModel::trim()
{
    const qsizetype excess = m_rows.size() - m_capacity;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, int(excess) - 1);
    m_earlierRows -= int(std::count_if(m_rows.cbegin(), m_rows.cbegin() + excess,
                                       [](const Row &r) { return r.earlier; }));
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
