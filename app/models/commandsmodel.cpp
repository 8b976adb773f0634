#include "commandsmodel.h"

#include "core/clock.h"
#include "models/freshness.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

CommandsModel::CommandsModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock ? clock : SystemClock::instance())
{
    qRegisterMetaType<CommandRecord>();
}

void CommandsModel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : SystemClock::instance();
    tick();
}

int CommandsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CommandsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CommandsModel::statusText(Command::Status status)
{
    switch (status) {
    case Command::Status::Queued:
        return tr("queued");
    case Command::Status::Sent:
        return tr("sent, waiting for ack");
    case Command::Status::Acked:
        return tr("acked");
    case Command::Status::Failed:
        return tr("failed");
    case Command::Status::Expired:
        return tr("expired");
    case Command::Status::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString CommandsModel::argsText(const QJsonObject &args)
{
    QStringList parts;
    for (auto it = args.begin(); it != args.end(); ++it) {
        const QJsonValue v = it.value();
        const QString text = v.isString() ? v.toString()
            : v.isDouble()                ? QString::number(v.toDouble())
            : v.isBool()                  ? (v.toBool() ? u"true"_s : u"false"_s)
                                          : u"…"_s;
        parts << it.key() + u'=' + text;
    }
    return parts.join(u", "_s);
}

bool CommandsModel::canCancel(const CommandRecord &record)
{
    return record.status == Command::Status::Queued;
}

bool CommandsModel::canRetry(const CommandRecord &record)
{
    return record.status == Command::Status::Failed || record.status == Command::Status::Expired;
}

QVariant CommandsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CommandRecord &r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case FeedIdRole:
        return r.feedId;
    case StatusRole:
        return QVariant::fromValue(r.status);
    case RecordRole:
        return QVariant::fromValue(r);
    case CanCancelRole:
        return canCancel(r);
    case CanRetryRole:
        return canRetry(r);
    case StatusKeyRole:
        switch (r.status) {
        case Command::Status::Queued:
            return u"queued"_s;
        case Command::Status::Sent:
            return u"in_progress"_s;
        case Command::Status::Acked:
            return u"completed"_s;
        case Command::Status::Failed:
        case Command::Status::Expired:
            return u"failed"_s;
        case Command::Status::Cancelled:
            return u"unknown"_s;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ErrorColumn && !r.error.isEmpty())
            return r.error;
        if (index.column() == IdColumn)
            return r.id;
        if (index.column() == AttemptsColumn && r.request.isHttp())
            return tr("Sent %1 times as %2; %3 without an answer that counts (a server error, "
                      "no answer, the connection lost; counted against commands.max_attempts)")
                .arg(r.attempts)
                .arg(r.request.summary())
                .arg(r.ackTimeouts);
        if (index.column() == AttemptsColumn)
            return tr("Sent %1 times; %2 ack windows elapsed on a live link (counted against "
                      "commands.max_attempts)")
                .arg(r.attempts)
                .arg(r.ackTimeouts);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == AttemptsColumn || index.column() == AgeColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case IdColumn:
        return r.id.left(8);
    case FeedColumn:
        return r.feedId;
    case NameColumn:
        return r.name;
    case ArgsColumn:
        return argsText(r.args);
    case StateColumn:
        // An HTTP action has no ack: it waits for the answer, and a 2xx is "done".
        if (r.request.isHttp() && r.status == Command::Status::Sent)
            return tr("sent, waiting for the answer");
        if (r.request.isHttp() && r.status == Command::Status::Acked)
            return tr("done");
        return statusText(r.status);
    case AttemptsColumn:
        return r.attempts;
    case AgeColumn:
        return Freshness::duration(m_clock->wallMs() - r.createdWallMs);
    case ErrorColumn:
        return r.error;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CommandsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IdColumn:
        return tr("ID");
    case FeedColumn:
        return tr("Feed");
    case NameColumn:
        return tr("Command");
    case ArgsColumn:
        return tr("Arguments");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    case AgeColumn:
        return tr("Age");
    case ErrorColumn:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

int CommandsModel::pendingCount(const QString &feedId) const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [&](const CommandRecord &r) {
        return !r.isFinished() && (feedId.isEmpty() || r.feedId == feedId);
    }));
}

QStringList CommandsModel::pendingFeeds() const
{
    QStringList out;
    for (const CommandRecord &r : m_rows) {
        if (!r.isFinished() && !out.contains(r.feedId))
            out << r.feedId;
    }
    return out;
}

void CommandsModel::upsert(const CommandRecord &record)
{
    const int row = rowOf(record.id);
    if (row < 0) {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(record);
        rebuildIndex();
        endInsertRows();
        emit pendingChanged(record.feedId);
        return;
    }
    const bool pendingBefore = !m_rows.at(row).isFinished();
    m_rows[row] = record;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (pendingBefore != !record.isFinished())
        emit pendingChanged(record.feedId);
}

void CommandsModel::reset(const QList<CommandRecord> &records)
{
    QSet<QString> feeds;
    for (const CommandRecord &r : std::as_const(m_rows))
        feeds.insert(r.feedId);
    beginResetModel();
    m_rows = records;
    std::sort(m_rows.begin(), m_rows.end(),
              [](const CommandRecord &a, const CommandRecord &b) { return a.seq > b.seq; });
    rebuildIndex();
    endResetModel();
    for (const CommandRecord &r : std::as_const(m_rows))
        feeds.insert(r.feedId);
    for (const QString &feed : std::as_const(feeds))
        emit pendingChanged(feed);
}

void CommandsModel::tick()
{
    if (m_rows.isEmpty())
        return;
    emit dataChanged(index(0, AgeColumn), index(int(m_rows.size()) - 1, AgeColumn),
                     {Qt::DisplayRole});
}

void CommandsModel::rebuildIndex()
{
    m_rowOfId.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOfId.insert(m_rows.at(i).id, i);
}
