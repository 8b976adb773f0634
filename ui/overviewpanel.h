#pragma once

#include "catalog/feeddefinition.h"
#include "events/feedevent.h"
#include "statusstyle.h"

#include <QHash>
#include <QList>
#include <QSet>
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
    static constexpr int kTilesPerPass = 24; // one pass of a refresh redraws at most this many
    static constexpr int kAlertsShown = 4;

    explicit OverviewPanel(FeedHub *hub, QWidget *parent = nullptr);

    // The tile of `key` (a feed's name, "connections", "alerts") on `backend`; null if none.
    OverviewTile *tile(const QString &backend, const QString &key) const;
    QList<OverviewTile *> tiles() const;
    // Countdowns are computed on this clock (tests drive it by hand).
    void setClock(const Clock *clock);
    // Brings every tile up to date now, for tests and screenshots.
    void refreshNow();
    // Refreshes done so far (to show that an idle page does no work), and tiles redrawn by them
    // (to show that a change redraws only what it touches).
    int refreshCount() const { return m_refreshCount; }
    int tilesRefreshed() const { return m_tilesRefreshed; }
    // Times a feed tile's lines were read from its data (to show pongs do not do it).
    int dataLinesRead() const { return m_dataLinesRead; }

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
    // What changed: a feed's tile, a backend's connections tile, its alerts tile, or everything.
    void markFeed(const QString &feedId);
    void markSection(int index);
    void markAlerts(int index);
    void markAll();
    void scheduleRefresh();
    // Brings the marked tiles up to date: a feed's change redraws its tile and its backend's
    // connections tile, not the 480 tiles of 60 backends.
    void refresh();
    void refreshFeed(OverviewTile *tile, const QString &feedId, bool dataChanged);
    // A feed tile's lines from its data (banner, figures, rows by status) and their tone.
    struct DataLines
    {
        QStringList lines;
        StatusStyle::Tone tone = StatusStyle::Tone::Idle;
    };
    DataLines dataLines(const QString &feedId) const;
    void refreshConnections(int index);
    void refreshAlerts(const Section &section);
    void onEvent(const FeedEvent &event);

    FeedHub *m_hub;
    const Clock *m_clock;
    QList<Section> m_sections;
    QHash<QString, FeedDefinition> m_definitions; // per feed id, from the configuration
    QHash<QString, QList<FeedEvent>> m_alerts;    // per backend ("" for app-wide), newest last
    QHash<QString, int> m_sectionOfFeed;
    QTimer *m_refresh = nullptr;
    bool m_allDirty = true;
    QSet<QString> m_dirtyFeeds; // the link line (stats)
    QSet<QString> m_dirtyData;  // and the lines from the data
    QHash<QString, DataLines> m_dataLines;
    QSet<int> m_dirtySections; // connections tiles
    QSet<int> m_dirtyAlerts;   // alerts tiles
    // Tiles that show a countdown: refreshed once a second while the page is seen.
    QSet<QString> m_countdownFeeds;
    QSet<int> m_countdownSections;
    int m_refreshCount = 0;
    int m_tilesRefreshed = 0;
    mutable int m_dataLinesRead = 0;
};
