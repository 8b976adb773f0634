#include "feedtablemodel.h"

#include "catalog/jsonpath.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcModels, "feedwatch.models")

FeedTableModel::FeedTableModel(const FeedSchema &schema, QObject *parent)
    : QAbstractTableModel(parent)
    , m_schema(schema)
{
    setColumns(schema.view == FeedSchema::View::Generic ? QList<FeedColumn>() : schema.columns);
    m_emptyColumns = QList<bool>(m_columns.size(), false); // nothing known yet: none hidden
}

void FeedTableModel::setColumns(const QList<FeedColumn> &columns)
{
    m_columns = columns;
    m_statusField = m_schema.statusField;
    if (m_derived || m_statusField.isEmpty()) {
        const int status = FeedSchema::statusColumn(m_columns, QString());
        m_statusField = status >= 0 ? m_columns.at(status).field : m_schema.statusField;
    }
    m_statusColumn = FeedSchema::statusColumn(m_columns, m_statusField);
}

int FeedTableModel::rowOfKey(const QString &key) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return int(i);
    }
    return -1;
}

QString FeedTableModel::lastError() const
{
    if (!m_problem.isNull())
        return m_problem.text();
    return m_warningText;
}

bool FeedTableModel::isColumnEmpty(int column) const
{
    return column >= 0 && column < m_emptyColumns.size() && m_emptyColumns.at(column);
}

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
        {u"canceled"_s, QT_TR_NOOP("cancelled")},
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
    const QString alert = m_alerts.isEmpty() ? QString() : m_alerts.value(row.id);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0 && !alert.isEmpty())
            return QStringLiteral("\u26A0 ") + column.displayIn(row.object);
        return column.displayIn(row.object);
    case Qt::ToolTipRole: {
        const QJsonValue value = column.valueIn(row.object);
        const QString text =
            value.isNull() || value.isUndefined() ? QString() : FeedColumn::rawText(value);
        if (!alert.isEmpty())
            return text.isEmpty() ? alert : alert + u"\n\n"_s + text;
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    case AlertRole:
        return alert;
    case Qt::TextAlignmentRole:
        return column.isNumeric() ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case StatusRole:
        return row.status;
    case RawValueRole:
        return column.sortValueIn(row.object);
    case KeyRole:
        return row.key;
    case RowObjectRole:
        return row.object;
    case ToneRole:
        return row.tone;
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

void FeedTableModel::setAlerts(const QHash<QString, QString> &messagesByRowId)
{
    if (messagesByRowId == m_alerts)
        return;
    QSet<QString> touched;
    for (auto it = m_alerts.cbegin(); it != m_alerts.cend(); ++it)
        touched.insert(it.key());
    for (auto it = messagesByRowId.cbegin(); it != messagesByRowId.cend(); ++it) {
        if (m_alerts.value(it.key()) != it.value())
            touched.insert(it.key());
        else
            touched.remove(it.key());
    }
    m_alerts = messagesByRowId;
    for (const QString &id : std::as_const(touched)) {
        const int r = m_rowOfId.value(id, -1);
        if (r >= 0)
            emit dataChanged(index(r, 0), index(r, columnCount() - 1),
                             {Qt::DisplayRole, Qt::ToolTipRole, AlertRole});
    }
}

bool FeedTableModel::isAlerted(int row) const
{
    return row >= 0 && row < m_rows.size() && m_alerts.contains(m_rows.at(row).id);
}

QHash<int, QByteArray> FeedTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(StatusRole, "status");
    names.insert(RawValueRole, "rawValue");
    names.insert(KeyRole, "key");
    names.insert(RowObjectRole, "rowObject");
    names.insert(ToneRole, "tone");
    names.insert(AlertRole, "alert");
    return names;
}

void FeedTableModel::applySnapshot(const QJsonValue &data)
{
    const DecodedSnapshot snapshot = m_schema.decode(data);
    const QString problemText =
        snapshot.problem.isNull() ? QString() : snapshot.problem.englishText();
    const QString warnings = snapshot.hasWarnings() ? snapshot.warningText() : QString();
    const bool problemChanged = problemText != m_problemText || warnings != m_warningText;
    // Logged once per distinct problem: a broken feed repeats it every snapshot.
    if (!problemText.isEmpty() && problemText != m_problemText)
        qCWarning(lcModels) << m_schema.snapshotType << problemText;
    m_problemText = problemText;
    m_problem = snapshot.problem;
    m_warningText = warnings;
    m_skipped = snapshot.skipped;
    m_duplicates = snapshot.duplicates;
    m_keyless = snapshot.keyless;

    // Which columns no row fills, known before the rows change: a view that reacts to the row
    // signals must not see the previous snapshot's answer.
    const QList<bool> empty =
        emptyColumnsOf(snapshot.derived ? snapshot.columns : m_schema.columns, snapshot.rows);
    const bool emptyChanged = empty != m_emptyColumns;
    m_emptyColumns = empty;

    // Derived columns (a generic view, or what arrived instead of the expected rows) and the
    // profile's columns are different tables: positions mean nothing across them.
    const bool wasDerived = m_derived;
    m_derived = snapshot.derived;
    if (snapshot.derived != wasDerived || (snapshot.derived && snapshot.columns != m_columns)) {
        resetTo(snapshot);
    } else {
        QHash<QString, qsizetype> incoming;
        incoming.reserve(snapshot.rows.size());
        for (qsizetype i = 0; i < snapshot.rows.size(); ++i)
            incoming.insert(snapshot.rows.at(i).id, i);
        removeVanishedRows(incoming);
        updateChangedRows(snapshot.rows);
        appendNewRows(snapshot.rows);
    }
    if (emptyChanged)
        emit emptyColumnsChanged();

    if (snapshot.meta != m_meta) {
        m_meta = snapshot.meta;
        emit metaChanged();
    }
    if (problemChanged)
        emit this->problemChanged();
}

QList<bool> FeedTableModel::emptyColumnsOf(const QList<FeedColumn> &columns,
                                           const QList<DecodedSnapshot::Row> &rows)
{
    QList<bool> empty(columns.size(), true);
    for (qsizetype c = 0; c < columns.size(); ++c) {
        for (const DecodedSnapshot::Row &row : rows) {
            if (!columns.at(c).displayIn(row.object).isEmpty()) {
                empty[c] = false;
                break;
            }
        }
    }
    return empty;
}

void FeedTableModel::resetTo(const DecodedSnapshot &snapshot)
{
    beginResetModel();
    setColumns(snapshot.derived ? snapshot.columns : m_schema.columns);
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
        if (incoming.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        const int last = row;
        while (row >= 0 && !incoming.contains(m_rows.at(row).id))
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
        const int row = m_rowOfId.value(in.id, -1);
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
        if (!m_rowOfId.contains(in.id))
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
    m_rowOfId.clear();
    m_rowOfId.reserve(m_rows.size());
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rowOfId.insert(m_rows.at(i).id, int(i));
}

FeedTableModel::Row FeedTableModel::makeRow(const DecodedSnapshot::Row &row) const
{
    QString status;
    if (!m_statusField.isEmpty())
        status = normalizedStatus(FeedColumn::rawText(JsonPath::at(row.object, m_statusField)));
    return {row.id, row.key, row.object, status, m_schema.statusTones.value(status)};
}
