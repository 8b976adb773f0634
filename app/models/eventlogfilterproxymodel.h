#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

// Filters an EventLogModel by feed, event kind, hidden ("noise") kinds and free text. Widget-free
// so the rules are testable without a view; the event log panel only sets the filters.
class EventLogFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogFilterProxyModel)

public:
    explicit EventLogFilterProxyModel(QObject *parent = nullptr);

    // No value: every feed. An empty string: app-wide events only (they have no feed).
    std::optional<QString> feedFilter() const { return m_feed; }
    void setFeedFilter(const std::optional<QString> &feed);
    // Empty: every kind.
    QString kindFilter() const { return m_kind; }
    void setKindFilter(const QString &kind);
    // Kinds left out unless the kind filter asks for one of them explicitly.
    QSet<QString> hiddenKinds() const { return m_hiddenKinds; }
    void setHiddenKinds(const QSet<QString> &kinds);
    // Case-insensitive, in the feed, event and details text as shown and as in the stream.
    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);

    // Source rows of the rows that pass, in view order (for exporting what is shown).
    QList<int> visibleSourceRows() const;

    static QSet<QString> noiseKinds(); // update, latency

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<QString> m_feed;
    QString m_kind;
    QSet<QString> m_hiddenKinds;
    QString m_text;
};
