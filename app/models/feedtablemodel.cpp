#include "feedtablemodel.h"

#include <QHash>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcModels, "feedwatch.models")

FeedTableModel::FeedTableModel(const FeedSchema &schema, QObject *parent)
    : QAbstractTableModel(parent)
    , m_schema(schema)
    , m_columns(schema.columns)
    , m_statusColumn(FeedSchema::statusColumn(schema.columns))
{ }

int FeedTableModel::columnIndex(const QString &field) const
{
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).field == field)
            return int(i);
    }
    return -1;
}

QString FeedTableModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).key : QString();
}

QString FeedTableModel::normalizedStatus(const QString &status)
{
    QString normalized = status.trimmed().toLower();
    normalized.replace(u' ', u'_').replace(u'-', u'_');
    return normalized;
}

QString FeedTableModel::statusText(const QString &normalizedStatus)
{
    // The statuses of docs/protocol.md and the usual neighbours a backend might send.
    static const QHash<QString, const char *> known = {
        {u"queued"_s, QT_TR_NOOP("queued")},
        {u"pending"_s, QT_TR_NOOP("pending")},
        {u"planned"_s, QT_TR_NOOP("planned")},
        {u"paused"_s, QT_TR_NOOP("paused")},
        {u"ready"_s, QT_TR_NOOP("ready")},
        {u"running"_s, QT_TR_NOOP("running")},
        {u"in_progress"_s, QT_TR_NOOP("in progress")},
        {u"degraded"_s, QT_TR_NOOP("degraded")},
        {u"completed"_s, QT_TR_NOOP("completed")},
        {u"success"_s, QT_TR_NOOP("success")},
        {u"succeeded"_s, QT_TR_NOOP("succeeded")},
        {u"healthy"_s, QT_TR_NOOP("healthy")},
        {u"ok"_s, QT_TR_NOOP("ok")},
        {u"failed"_s, QT_TR_NOOP("failed")},
        {u"error"_s, QT_TR_NOOP("error")},
        {u"failing"_s, QT_TR_NOOP("failing")},
        {u"blocked"_s, QT_TR_NOOP("blocked")},
        {u"cancelled"_s, QT_TR_NOOP("cancelled")},
        {u"unknown"_s, QT_TR_NOOP("unknown")},
    };
    if (const char *text = known.value(normalizedStatus))
        return tr(text);
    QString label = normalizedStatus;
    label.replace(u'_', u' ');
    return label;
}

int FeedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FeedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant FeedTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};

    const Row &row = m_rows.at(index.row());
    const FeedColumn &column = m_columns.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return column.display(column.valueIn(row.object));
    case Qt::ToolTipRole: {
        const QJsonValue value = column.valueIn(row.object);
        return value.isNull() || value.isUndefined() ? QVariant() : FeedColumn::rawText(value);
    }
    case Qt::TextAlignmentRole:
        return column.isNumeric() ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case StatusRole:
        return row.status;
    case RawValueRole:
        return column.sortValue(column.valueIn(row.object));
    case KeyRole:
        return row.key;
    case RowObjectRole:
        return row.object;
    default:
        return {};
    }
}

QVariant FeedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns.at(section).headerText();
    if (role == Qt::ToolTipRole)
        return m_columns.at(section).field;
    if (role == Qt::TextAlignmentRole) // headers line up with their cells
        return int((m_columns.at(section).isNumeric() ? Qt::AlignRight : Qt::AlignLeft)
                   | Qt::AlignVCenter);
    return {};
}

QHash<int, QByteArray> FeedTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(StatusRole, "status");
    names.insert(RawValueRole, "rawValue");
    names.insert(KeyRole, "key");
    names.insert(RowObjectRole, "rowObject");
    return names;
}

void FeedTableModel::applySnapshot(const QJsonValue &data)
{
    const DecodedSnapshot snapshot = m_schema.decode(data);
    // Logged once per distinct problem: a broken feed repeats it ~30 times a second.
    if (!snapshot.error.isEmpty() && snapshot.error != m_lastError)
        qCWarning(lcModels) << m_schema.snapshotType << snapshot.error;
    m_lastError = snapshot.error;
    m_lastWarningCount = snapshot.warnings;
    // A snapshot that cannot be read at all must not wipe what the operator is looking at:
    // the last good rows stay, and lastError() says why nothing changed.
    if (!snapshot.error.isEmpty() && snapshot.rows.isEmpty() && !m_rows.isEmpty())
        return;

    // Custom feeds derive their columns; when those change, positions mean nothing anymore.
    if (m_schema.source == FeedSchema::RowSource::Auto && snapshot.columns != m_columns) {
        resetTo(snapshot);
    } else {
        QHash<QString, qsizetype> incoming;
        incoming.reserve(snapshot.rows.size());
        for (qsizetype i = 0; i < snapshot.rows.size(); ++i)
            incoming.insert(snapshot.rows.at(i).key, i);
        removeVanishedRows(incoming);
        updateChangedRows(snapshot.rows);
        appendNewRows(snapshot.rows);
    }

    if (snapshot.meta != m_meta) {
        m_meta = snapshot.meta;
        emit metaChanged();
    }
}

void FeedTableModel::resetTo(const DecodedSnapshot &snapshot)
{
    beginResetModel();
    m_columns = snapshot.columns;
    m_statusColumn = FeedSchema::statusColumn(m_columns);
    m_rows.clear();
    for (const auto &row : snapshot.rows)
        m_rows.append(makeRow(row));
    rebuildKeyIndex();
    endResetModel();
}

void FeedTableModel::removeVanishedRows(const QHash<QString, qsizetype> &incoming)
{
    // From the back, so the indices of the ranges still to remove stay valid.
    int row = int(m_rows.size()) - 1;
    while (row >= 0) {
        if (incoming.contains(m_rows.at(row).key)) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !incoming.contains(m_rows.at(row).key))
            --row;
        const int first = row + 1;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        rebuildKeyIndex();
        endRemoveRows();
    }
}

void FeedTableModel::updateChangedRows(const QList<DecodedSnapshot::Row> &incoming)
{
    QList<int> changed;
    for (const auto &in : incoming) {
        const int row = m_rowOfKey.value(in.key, -1);
        if (row < 0 || m_rows.at(row).object == in.object)
            continue;
        m_rows[row] = makeRow(in);
        changed.append(row);
    }
    if (changed.isEmpty() || m_columns.isEmpty())
        return;

    const int lastColumn = int(m_columns.size()) - 1;
    if (changed.size() * 2 > m_rows.size()) {
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, lastColumn));
        return;
    }
    std::sort(changed.begin(), changed.end());
    qsizetype i = 0;
    while (i < changed.size()) {
        qsizetype j = i;
        while (j + 1 < changed.size() && changed.at(j + 1) == changed.at(j) + 1)
            ++j;
        emit dataChanged(index(changed.at(i), 0), index(changed.at(j), lastColumn));
        i = j + 1;
    }
}

void FeedTableModel::appendNewRows(const QList<DecodedSnapshot::Row> &incoming)
{
    QList<Row> fresh;
    for (const auto &in : incoming) {
        if (!m_rowOfKey.contains(in.key))
            fresh.append(makeRow(in));
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.append(fresh);
    rebuildKeyIndex();
    endInsertRows();
}

void FeedTableModel::rebuildKeyIndex()
{
    m_rowOfKey.clear();
    m_rowOfKey.reserve(m_rows.size());
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rowOfKey.insert(m_rows.at(i).key, int(i));
}

FeedTableModel::Row FeedTableModel::makeRow(const DecodedSnapshot::Row &row) const
{
    QString status;
    if (m_statusColumn >= 0)
        status = normalizedStatus(m_columns.at(m_statusColumn).valueIn(row.object).toString());
    return {row.key, row.object, status};
}
