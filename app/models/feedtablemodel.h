#pragma once

#include "models/feedschema.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>

// One table model for every feed: a FeedSchema (from the backend's profile) says where the rows
// are and what the columns are. Snapshots are applied by key, like qBittorrent's
// TransferListModel: rows keep their position, vanished rows are removed and new ones appended
// in batches, and only changed rows emit dataChanged. An identical snapshot emits nothing.
// When the rows are not where the schema says, the table shows what arrived (generic columns)
// and shapeProblem() says what was expected: a page never looks fine while it is wrong.
class FeedTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedTableModel)

public:
    enum Role {
        StatusRole = Qt::UserRole, // QString, normalized: "in_progress", "healthy", ...
        RawValueRole,  // the cell's JSON value as QVariant (numbers, QDateTime for timestamps)
        KeyRole,       // QString, the row key
        RowObjectRole, // QJsonObject, the whole row
        ToneRole,      // QString, the profile's colour for the row's status ("good"), or empty
        AlertRole,     // QString, the messages of the alert rules firing on the row, or empty
    };
    Q_ENUM(Role)

    explicit FeedTableModel(const FeedSchema &schema, QObject *parent = nullptr);

    FeedSchema schema() const { return m_schema; }
    QList<FeedColumn> columns() const { return m_columns; }
    // The column showing `field` ("status", "phase_data.title"), or -1.
    int columnIndex(const QString &field) const;
    int statusColumn() const { return m_statusColumn; }
    // The first row whose key reads `key` ("q-7", "GET /health"), or -1.
    int rowOfKey(const QString &key) const;
    QString keyAt(int row) const;
    // Side data that is not rows: queue "paused", system-status "overall_status", ...
    QJsonObject meta() const { return m_meta; }
    // Why the last snapshot's rows were not where the schema says (null when they were); the
    // table then shows what arrived, with derivedColumns() true.
    ShapeProblem shapeProblem() const { return m_problem; }
    bool derivedColumns() const { return m_derived; }
    // The problem, or the row warnings, as the page says it; empty when all was well.
    QString lastError() const;
    // Rows of the last snapshot that were not objects, repeated a key or had none.
    int lastWarningCount() const { return m_skipped + m_duplicates + m_keyless; }
    QString rowWarningText() const { return m_warningText; }
    // A column no row has a value in (hidden by the page).
    bool isColumnEmpty(int column) const;

    static QString normalizedStatus(const QString &status)
    {
        return FeedSchema::normalizedStatus(status);
    }
    // What the window shows for a normalized status: "running" -> "running" / "läuft"; unknown
    // statuses with spaces for underscores. StatusRole keeps the raw normalized value.
    static QString statusText(const QString &normalizedStatus);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The rows alert rules are firing for (docs/alerts.md), by row identity, with what the
    // alerts say: marked in the first column (a sign, not only a colour) and in the tooltips.
    void setAlerts(const QHash<QString, QString> &messagesByRowId);
    bool isAlerted(int row) const;

public slots:
    // `data` is the `data` field of a "<feed>_update" message.
    void applySnapshot(const QJsonValue &data);

signals:
    void metaChanged();
    // The shape problem, the row warnings or the set of empty columns changed.
    void problemChanged();
    void emptyColumnsChanged();

private:
    struct Row
    {
        QString id;
        QString key;
        QJsonObject object;
        QString status;
        QString tone;
    };

    void resetTo(const DecodedSnapshot &snapshot);
    static QList<bool> emptyColumnsOf(const QList<FeedColumn> &columns,
                                      const QList<DecodedSnapshot::Row> &rows);
    void setColumns(const QList<FeedColumn> &columns);
    void removeVanishedRows(const QHash<QString, qsizetype> &incoming);
    void updateChangedRows(const QList<DecodedSnapshot::Row> &incoming);
    void appendNewRows(const QList<DecodedSnapshot::Row> &incoming);
    void rebuildKeyIndex();
    Row makeRow(const DecodedSnapshot::Row &row) const;

    FeedSchema m_schema;
    QList<FeedColumn> m_columns;
    int m_statusColumn = -1;
    QString m_statusField;
    bool m_derived = false;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOfId;
    QJsonObject m_meta;
    ShapeProblem m_problem;
    QString m_problemText; // English, for the log: once per distinct problem
    QString m_warningText;
    int m_skipped = 0;
    int m_duplicates = 0;
    int m_keyless = 0;
    QList<bool> m_emptyColumns;
    QHash<QString, QString> m_alerts; // row id -> alert messages
};
