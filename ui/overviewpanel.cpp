#include "overviewpanel.h"

#include "catalog/feeddefinition.h"
#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "events/alerttracker.h"
#include "models/connectionsmodel.h"
#include "models/feedtablemodel.h"
#include "models/freshness.h"
#include "overviewtile.h"
#include "policy/qualityscore.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr int kColumns = 4;
constexpr int kRowsNamed = 3;
const QString kConnectionsKey = u"connections"_s;
const QString kAlertsKey = u"alerts"_s;

// Worst first, so a tile's accent is its worst row.
int severity(StatusStyle::Tone tone)
{
    switch (tone) {
    case StatusStyle::Tone::Bad:
        return 6;
    case StatusStyle::Tone::Blocked:
        return 5;
    case StatusStyle::Tone::Warning:
        return 4;
    case StatusStyle::Tone::Info:
        return 3;
    case StatusStyle::Tone::Good:
        return 2;
    case StatusStyle::Tone::Neutral:
        return 1;
    case StatusStyle::Tone::Idle:
        return 0;
    }
    return 0;
}

StatusStyle::Tone worse(StatusStyle::Tone a, StatusStyle::Tone b)
{
    return severity(b) > severity(a) ? b : a;
}

StatusStyle::Tone toneForHealth(Health::Level level)
{
    switch (level) {
    case Health::Level::Healthy:
        return StatusStyle::Tone::Good;
    case Health::Level::Degraded:
        return StatusStyle::Tone::Warning;
    case Health::Level::Unhealthy:
    case Health::Level::Critical:
        return StatusStyle::Tone::Bad;
    }
    return StatusStyle::Tone::Idle;
}

QString cellText(const FeedTableModel *table, int row, int column)
{
    return column < 0 ? QString() : table->index(row, column).data().toString().simplified();
}

} // namespace

OverviewPanel::OverviewPanel(FeedHub *hub, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_clock(SystemClock::instance())
    , m_refresh(new QTimer(this))
{
    setObjectName(u"overviewPanel"_s);
    buildSections();
    wire();
}

void OverviewPanel::buildSections()
{
    auto *content = new QWidget;
    auto *box = new QVBoxLayout(content);
    box->setContentsMargins(8, 8, 8, 8);
    box->setSpacing(10);
    const bool several = m_hub->config().backends.size() > 1;
    for (const BackendSpec &backend : m_hub->config().backends) {
        Section section;
        section.backend = backend.name;
        for (const FeedSpec &feed : m_hub->config().feeds) {
            if (feed.backend == backend.name && !feed.definition().isTemplate()) {
                section.feeds << feed.id;
                // Read once: FeedHub::definition() copies the feed's whole spec each time.
                m_definitions.insert(feed.id, feed.definition());
            }
        }
        if (several) {
            auto *heading = new QLabel(backend.name, content);
            QFont f = heading->font();
            f.setBold(true);
            f.setPointSizeF(f.pointSizeF() * 1.5);
            heading->setFont(f);
            box->addWidget(heading);
        }
        auto *grid = new QGridLayout;
        grid->setSpacing(8);
        int index = 0;
        addTile(section, grid, kConnectionsKey, index++);
        for (const QString &id : std::as_const(section.feeds))
            addTile(section, grid, id, index++);
        addTile(section, grid, kAlertsKey, index++);
        for (int c = 0; c < kColumns; ++c)
            grid->setColumnStretch(c, 1);
        box->addLayout(grid);
        for (const QString &id : std::as_const(section.feeds))
            m_sectionOfFeed.insert(id, int(m_sections.size()));
        m_sections << section;
    }
    box->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

OverviewTile *OverviewPanel::addTile(Section &section, QGridLayout *grid, const QString &key,
                                     int index)
{
    auto *tile = new OverviewTile(key, grid->parentWidget());
    grid->addWidget(tile, index / kColumns, index % kColumns);
    section.tiles.insert(key, tile);
    const QString backend = section.backend;
    connect(tile, &OverviewTile::activated, this, [this, backend](const QString &key) {
        if (key == kAlertsKey) {
            emit pageRequested(backend, u"event-log"_s);
            return;
        }
        if (key == kConnectionsKey) {
            emit pageRequested(backend, kConnectionsKey);
            return;
        }
        // A feed's page is keyed by its name within its backend.
        for (const FeedSpec &feed : m_hub->config().feeds) {
            if (feed.id == key)
                emit pageRequested(backend, feed.name);
        }
    });
    return tile;
}

void OverviewPanel::wire()
{
    m_refresh->setSingleShot(true);
    connect(m_refresh, &QTimer::timeout, this, &OverviewPanel::refresh);
    connect(m_hub, &FeedHub::statsChanged, this, [this](const FeedStats &s) {
        markFeed(s.feedId);
        markSection(m_sectionOfFeed.value(s.feedId, -1));
        scheduleRefresh();
    });
    connect(m_hub, &FeedHub::overallChanged, this, [this] {
        for (int i = 0; i < int(m_sections.size()); ++i)
            markSection(i);
        scheduleRefresh();
    });
    connect(m_hub, &FeedHub::feedDataChanged, this, [this](const QString &id) {
        if (m_sectionOfFeed.contains(id))
            m_dirtyData.insert(id);
        scheduleRefresh();
    });
    connect(m_hub, &FeedHub::eventReceived, this, &OverviewPanel::onEvent);
}

void OverviewPanel::markFeed(const QString &feedId)
{
    if (m_sectionOfFeed.contains(feedId))
        m_dirtyFeeds.insert(feedId);
}

void OverviewPanel::markSection(int index)
{
    if (index >= 0)
        m_dirtySections.insert(index);
}

void OverviewPanel::markAlerts(int index)
{
    if (index >= 0)
        m_dirtyAlerts.insert(index);
}

void OverviewPanel::markAll()
{
    m_allDirty = true;
}

void OverviewPanel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : SystemClock::instance();
    markAll();
    scheduleRefresh();
}

OverviewTile *OverviewPanel::tile(const QString &backend, const QString &key) const
{
    for (const Section &section : m_sections) {
        if (section.backend == backend)
            return section.tiles.value(key);
    }
    return nullptr;
}

QList<OverviewTile *> OverviewPanel::tiles() const
{
    QList<OverviewTile *> out;
    for (const Section &section : m_sections)
        out << section.tiles.values();
    return out;
}

void OverviewPanel::onEvent(const FeedEvent &event)
{
    if (!AlertTracker::isAlert(event))
        return;
    QString backend;
    for (const FeedSpec &feed : m_hub->config().feeds) {
        if (feed.id == event.feed)
            backend = feed.backend;
    }
    if (backend.isEmpty())
        backend = event.fields.value("backend"_L1).toString();
    QList<FeedEvent> &list = m_alerts[backend];
    list << event;
    while (list.size() > kAlertsShown)
        list.removeFirst();
    // App-wide alerts (no backend) are listed on every backend's tile.
    for (int i = 0; i < int(m_sections.size()); ++i) {
        if (backend.isEmpty() || m_sections.at(i).backend == backend)
            markAlerts(i);
    }
    scheduleRefresh();
}

void OverviewPanel::scheduleRefresh()
{
    // Hidden: the next show refreshes; a change while the timer runs joins its refresh.
    if (isVisible() && !m_refresh->isActive())
        m_refresh->start(kRefreshMs);
}

void OverviewPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // What the countdowns would have said meanwhile, too.
    m_dirtyFeeds.unite(m_countdownFeeds);
    m_dirtySections.unite(m_countdownSections);
    if (m_allDirty || !m_dirtyFeeds.isEmpty() || !m_dirtyData.isEmpty()
        || !m_dirtySections.isEmpty() || !m_dirtyAlerts.isEmpty())
        refresh();
}

void OverviewPanel::refreshNow()
{
    markAll();
    refresh();
}

void OverviewPanel::refresh()
{
    m_refresh->stop();
    ++m_refreshCount;
    const bool all = std::exchange(m_allDirty, false);
    const QSet<QString> feeds = std::exchange(m_dirtyFeeds, {});
    const QSet<QString> data = std::exchange(m_dirtyData, {});
    const QSet<int> sections = std::exchange(m_dirtySections, {});
    const QSet<int> alerts = std::exchange(m_dirtyAlerts, {});
    // A pass redraws at most kTilesPerPass tiles and leaves the rest marked for the next one, so
    // that 60 changed tiles of 480 busy feeds are not one 12 ms event of the GUI thread.
    // Everything at once (the first show, refreshNow) is done in one go.
    int budget = all ? std::numeric_limits<int>::max() : kTilesPerPass;
    for (int i = 0; i < int(m_sections.size()); ++i) {
        const Section &section = m_sections.at(i);
        if (all || sections.contains(i)) {
            if (budget-- > 0) {
                refreshConnections(i);
                ++m_tilesRefreshed;
            } else {
                m_dirtySections.insert(i);
            }
        }
        if (all || alerts.contains(i)) {
            if (budget-- > 0) {
                refreshAlerts(section);
                ++m_tilesRefreshed;
            } else {
                m_dirtyAlerts.insert(i);
            }
        }
        for (const QString &id : section.feeds) {
            const bool dataChanged = all || data.contains(id);
            if (!dataChanged && !feeds.contains(id))
                continue;
            if (budget-- > 0) {
                refreshFeed(section.tiles.value(id), id, dataChanged);
                ++m_tilesRefreshed;
            } else {
                (dataChanged ? m_dirtyData : m_dirtyFeeds).insert(id);
            }
        }
    }
    if (budget < 0) {
        m_refresh->start(0); // the rest after whatever else is waiting
        return;
    }
    // Countdowns move with time: once a second while one is shown and the page is seen.
    if ((!m_countdownFeeds.isEmpty() || !m_countdownSections.isEmpty()) && isVisible()) {
        m_dirtyFeeds.unite(m_countdownFeeds);
        m_dirtySections.unite(m_countdownSections);
        m_refresh->start(1000);
    }
}

void OverviewPanel::refreshFeed(OverviewTile *tile, const QString &feedId, bool dataChanged)
{
    const FeedDefinition &def = m_definitions[feedId];
    const FeedStats &s = m_hub->stats(feedId);
    const qint64 now = m_clock->wallMs();
    tile->setTitle(def.titleText());
    QStringList lines;
    StatusStyle::Tone tone = StatusStyle::toneForStats(s);
    // The link first, in words: live or since when stale, with its health.
    const Freshness fresh = Freshness::of(s, now);
    if (!fresh.live && (s.nextRetryWallMs > 0 || s.state == Feed::State::CircuitOpen)) // "in 12 s"
        m_countdownFeeds.insert(feedId);
    else
        m_countdownFeeds.remove(feedId);
    lines << (s.health == Health::Level::Healthy
                  ? tr("%1 · %2").arg(fresh.text, ConnectionsModel::healthText(s.health))
                  : tr("%1 · %2: %3")
                        .arg(fresh.text, ConnectionsModel::healthText(s.health),
                             ConnectionsModel::healthReasonText(s.healthReason)));
    tone = worse(tone, toneForHealth(s.health));
    // What the data says changes with the data only, not with every pong's stats.
    auto cached = m_dataLines.find(feedId);
    if (cached == m_dataLines.end() || dataChanged)
        cached = m_dataLines.insert(feedId, dataLines(feedId));
    lines << cached->lines;
    tile->setLines(lines);
    tile->setTone(worse(tone, cached->tone));
}

OverviewPanel::DataLines OverviewPanel::dataLines(const QString &feedId) const
{
    ++m_dataLinesRead;
    const FeedDefinition &def = *m_definitions.constFind(feedId);
    QStringList lines;
    StatusStyle::Tone tone = StatusStyle::Tone::Idle; // the least: it adds nothing
    const QJsonValue data = m_hub->latestData(feedId);
    const FeedTableModel *table = m_hub->tableModel(feedId);
    if (!data.isUndefined()) {
        if (const FeedDefinition::Banner *banner = def.bannerFor(data)) {
            lines << FeedDefinition::bannerText(*banner, data);
            tone = worse(tone, StatusStyle::toneForName(banner->tone, StatusStyle::Tone::Info));
        }
        QStringList figures;
        for (const FeedDefinition::Figure &f : def.figures(data))
            figures << tr("%1 %2").arg(f.label, f.text);
        if (!figures.isEmpty())
            lines << figures.join(u" · "_s);
    }
    if (table && table->rowCount() > 0) {
        const int statusColumn = table->statusColumn();
        const int nameColumn =
            table->columnIndex(def.widget.title.isEmpty() ? def.stretch : def.widget.title);
        const int whyColumn = def.widget.title.isEmpty() ? -1 : table->columnIndex(def.stretch);
        if (statusColumn >= 0) {
            // Rows by status, the worst first; the rows that need someone by name.
            QMap<QString, int> counts;
            QHash<QString, StatusStyle::Tone> tones;
            QStringList named;
            int more = 0;
            for (int row = 0; row < table->rowCount(); ++row) {
                const QModelIndex cell = table->index(row, statusColumn);
                const QString status = cell.data(FeedTableModel::StatusRole).toString();
                const StatusStyle::Tone rowTone = StatusStyle::toneForStatus(
                    status, cell.data(FeedTableModel::ToneRole).toString());
                ++counts[status];
                tones.insert(status, rowTone);
                if (severity(rowTone) < severity(StatusStyle::Tone::Warning))
                    continue;
                tone = worse(tone, rowTone);
                if (named.size() >= kRowsNamed) {
                    ++more;
                    continue;
                }
                QString name = cellText(table, row, nameColumn);
                if (name.isEmpty())
                    name = table->keyAt(row);
                const QString why = cellText(table, row, whyColumn);
                named
                    << (why.isEmpty()
                            ? tr("%1: %2").arg(FeedTableModel::statusText(status), name)
                            : tr("%1: %2 — %3").arg(FeedTableModel::statusText(status), name, why));
            }
            QStringList statuses = counts.keys();
            std::stable_sort(statuses.begin(), statuses.end(),
                             [&](const QString &a, const QString &b) {
                                 return severity(tones.value(a)) > severity(tones.value(b));
                             });
            QStringList parts;
            for (const QString &status : std::as_const(statuses))
                parts << tr("%1 %2")
                             .arg(counts.value(status))
                             .arg(FeedTableModel::statusText(status));
            lines << parts.join(u" · "_s);
            lines << named;
            if (more > 0)
                lines << tr("and %n more", nullptr, more);
        } else if (def.schema.view == FeedSchema::View::Table) {
            // No status: what the rows are, the first ones by key and their first text column.
            lines << def.countText(table->rowCount());
            int textColumn = -1;
            const QList<FeedColumn> columns = table->columns();
            for (int c = 0; c < columns.size() && textColumn < 0; ++c) {
                if (columns.at(c).kind == FeedColumn::Kind::Text
                    && !def.schema.key.contains(columns.at(c).field))
                    textColumn = c;
            }
            for (int row = 0; row < std::min(kRowsNamed, table->rowCount()); ++row) {
                const QString text = cellText(table, row, textColumn);
                lines << (text.isEmpty() ? table->keyAt(row)
                                         : tr("%1 · %2").arg(table->keyAt(row), text));
            }
        }
    } else if (data.isUndefined()) {
        lines << tr("no data yet");
    }
    return {lines, tone};
}

void OverviewPanel::refreshConnections(int index)
{
    const Section &section = m_sections.at(index);
    bool countdowns = false;
    OverviewTile *tile = section.tiles.value(kConnectionsKey);
    const qint64 now = m_clock->wallMs();
    int live = 0;
    int worstScore = -1;
    QString worstFeed;
    QList<int> scores;
    Quality::Tier worstTier = Quality::Tier::Excellent;
    bool anyLive = false;
    QStringList retrying;
    QStringList circuits;
    StatusStyle::Tone tone = StatusStyle::Tone::Good;
    QString restart;
    for (const QString &id : section.feeds) {
        const FeedStats &s = m_hub->stats(id);
        const QString name = m_definitions.value(id).titleText();
        if (s.state == Feed::State::Connected) {
            ++live;
            if (!anyLive || int(s.quality) > int(worstTier))
                worstTier = s.quality;
            anyLive = true;
        }
        scores << s.qualityScore;
        if (s.qualityScore >= 0 && (worstScore < 0 || s.qualityScore < worstScore)) {
            worstScore = s.qualityScore;
            worstFeed = name;
        }
        if (s.circuit == Circuit::State::Open) {
            circuits << (s.halfOpenAtWallMs > 0
                             ? tr("%1: circuit open, probe in %2")
                                   .arg(name, Freshness::duration(s.halfOpenAtWallMs - now))
                             : tr("%1: circuit open").arg(name));
            countdowns = true;
        } else if (s.state != Feed::State::Connected && s.nextRetryWallMs > 0) {
            retrying
                << tr("%1: retry in %2").arg(name, Freshness::duration(s.nextRetryWallMs - now));
            countdowns = true;
        }
        tone = worse(tone, StatusStyle::toneForStats(s));
        tone = worse(tone, toneForHealth(s.health));
        if (restart.isEmpty())
            restart = Freshness::restartText(s, now);
    }
    if (countdowns)
        m_countdownSections.insert(index);
    else
        m_countdownSections.remove(index);
    const int total = int(section.feeds.size());
    tile->setTitle(section.backend == "default"_L1 || m_sections.size() == 1
                       ? tr("Connections")
                       : tr("Connections · %1").arg(section.backend));
    QStringList lines;
    if (!restart.isEmpty())
        lines << restart;
    lines << tr("%1/%2 live").arg(live).arg(total);
    const int backendScore = QualityScore::backend(scores);
    if (backendScore >= 0) {
        lines << tr("score %1 · worst %2 (%3)").arg(backendScore).arg(worstScore).arg(worstFeed);
    }
    lines << tr("worst quality: %1")
                 .arg(ConnectionsModel::qualityText(anyLive ? worstTier
                                                            : Quality::Tier::Disconnected));
    const int shown = 3;
    lines << retrying.mid(0, shown);
    if (retrying.size() > shown)
        lines << tr("and %n more retrying", nullptr, int(retrying.size()) - shown);
    lines << circuits;
    tile->setLines(lines);
    tile->setTone(live == 0 && total > 0 ? StatusStyle::Tone::Bad : tone);

    // One series for the backend: every feed's samples of the last ten minutes, in time order.
    QList<QPointF> series;
    const qint64 from = now - 10 * 60 * 1000;
    for (const QString &id : section.feeds) {
        for (const QPointF &p : m_hub->latencySamples(id)) {
            if (p.x() >= double(from))
                series << p;
        }
    }
    std::sort(series.begin(), series.end(),
              [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    // Until ten minutes have passed, the line spans what there is.
    tile->setSeries(series, series.isEmpty() ? from : qint64(series.first().x()), now);
}

void OverviewPanel::refreshAlerts(const Section &section)
{
    OverviewTile *tile = section.tiles.value(kAlertsKey);
    tile->setTitle(tr("Last alerts"));
    QList<FeedEvent> alerts = m_alerts.value(section.backend);
    // App-wide alerts (a restart incident names its backend; others none) go to every backend.
    for (const FeedEvent &e : m_alerts.value(QString()))
        alerts << e;
    std::sort(alerts.begin(), alerts.end(),
              [](const FeedEvent &a, const FeedEvent &b) { return a.wallMs > b.wallMs; });
    QStringList lines;
    for (const FeedEvent &e : alerts.mid(0, kAlertsShown)) {
        lines << tr("%1 %2").arg(QDateTime::fromMSecsSinceEpoch(e.wallMs).toString(u"HH:mm:ss"_s),
                                 e.fields.value("message"_L1).toString());
    }
    if (lines.isEmpty())
        lines << tr("none since the start");
    tile->setLines(lines);
    tile->setTone(lines.size() > 0 && !alerts.isEmpty() ? StatusStyle::Tone::Warning
                                                        : StatusStyle::Tone::Good);
}
