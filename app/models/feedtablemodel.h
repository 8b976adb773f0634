#pragma once

#include "models/feedschema.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>

// One table model for every feed: a FeedSchema says where the rows are and what the columns are.
// Snapshots are applied by key, like qBittorrent's TransferListModel: rows keep their position,
// vanished rows are removed and new ones appended in batches, and only changed rows emit
// dataChanged. An identical snapshot emits nothing.
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
    };
    Q_ENUM(Role)

    explicit FeedTableModel(const FeedSchema &schema, QObject *parent = nullptr);

    FeedSchema schema() const { return m_schema; }
    QList<FeedColumn> columns() const { return m_columns; }
    // The column showing `field` ("status", "phase_data.title"), or -1.
    int columnIndex(const QString &field) const;
    int statusColumn() const { return m_statusColumn; }
    int rowOfKey(const QString &key) const { return m_rowOfKey.value(key, -1); }
    QString keyAt(int row) const;
    // Side data that is not rows: queue "paused", system-status "overall_status", ...
    QJsonObject meta() const { return m_meta; }
    // What was wrong with the last snapshot; empty when it decoded cleanly.
    QString lastError() const { return m_lastError; }
    // Rows skipped in the last snapshot: not an object, without a key, or a duplicate key.
    int lastWarningCount() const { return m_lastWarningCount; }

    static QString normalizedStatus(const QString &status);
    // What the window shows for a normalized status: "running" -> "running" / "läuft"; unknown
    // statuses with spaces for underscores. StatusRole keeps the raw normalized value.
    static QString statusText(const QString &normalizedStatus);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public slots:
    // `data` is the `data` field of a "<feed>_update" message.
    void applySnapshot(const QJsonValue &data);

signals:
    void metaChanged();

private:
    struct Row
    {
        QString key;
        QJsonObject object;
        QString status;
    };

    void resetTo(const DecodedSnapshot &snapshot);
    void removeVanishedRows(const QHash<QString, qsizetype> &incoming);
    void updateChangedRows(const QList<DecodedSnapshot::Row> &incoming);
    void appendNewRows(const QList<DecodedSnapshot::Row> &incoming);
    void rebuildKeyIndex();
    Row makeRow(const DecodedSnapshot::Row &row) const;

    FeedSchema m_schema;
    QList<FeedColumn> m_columns;
    int m_statusColumn = -1;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOfKey;
    QJsonObject m_meta;
    QString m_lastError;
    int m_lastWarningCount = 0;
};
