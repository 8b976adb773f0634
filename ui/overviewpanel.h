#pragma once

#include "catalog/feeddefinition.h"
#include "events/feedevent.h"

#include <QHash>
#include <QList>
#include <QWidget>

class Clock;
class FeedHub;
class OverviewTile;
class QGridLayout;
class QTimer;

// The home page: per backend, one tile per feed its profile shows (banner, counters, rows by
// status, the rows that need someone, by name), one for its connections (live/total, worst
// quality and score, retrying feeds with their countdown, open circuits, a latency sparkline)
// and one for its last alerts. Every tile opens its page. Built from the profiles' data only;
// updates are coalesced (at most four a second) and nothing runs while the page is hidden or
// nothing changes.
class OverviewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPanel)

public:
    static constexpr int kRefreshMs = 250;
    static constexpr int kAlertsShown = 4;

    explicit OverviewPanel(FeedHub *hub, QWidget *parent = nullptr);

    // The tile of `key` (a feed's name, "connections", "alerts") on `backend`; null if none.
    OverviewTile *tile(const QString &backend, const QString &key) const;
    QList<OverviewTile *> tiles() const;
    // Countdowns are computed on this clock (tests drive it by hand).
    void setClock(const Clock *clock);
    // Brings every tile up to date now, for tests and screenshots.
    void refreshNow();
    // Refreshes done so far (to show that an idle page does no work).
    int refreshCount() const { return m_refreshCount; }

signals:
    // A tile was activated: show `pageKey` ("queue", "connections", "event-log") of `backend`.
    void pageRequested(const QString &backend, const QString &pageKey);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Section
    {
        QString backend;
        QStringList feeds; // feed ids, in configuration order
        QHash<QString, OverviewTile *> tiles;
    };

    void buildSections();
    OverviewTile *addTile(Section &section, QGridLayout *grid, const QString &key, int index);
    void wire();
    void scheduleRefresh();
    void refresh();
    void refreshFeed(OverviewTile *tile, const QString &feedId);
    void refreshConnections(const Section &section);
    void refreshAlerts(const Section &section);
    void onEvent(const FeedEvent &event);

    FeedHub *m_hub;
    const Clock *m_clock;
    QList<Section> m_sections;
    QHash<QString, FeedDefinition> m_definitions; // per feed id, from the configuration
    QHash<QString, QList<FeedEvent>> m_alerts;    // per backend ("" for app-wide), newest last
    QTimer *m_refresh = nullptr;
    bool m_dirty = true;
    bool m_countdowns = false; // a countdown is shown: refresh once a second while visible
    int m_refreshCount = 0;
};
