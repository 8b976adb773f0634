#include "feedpages.h"

#include "feedactions.h"
#include "feedpanel.h"
#include "models/feedtablemodel.h"
#include "servicetiles.h"

using namespace Qt::StringLiterals;

namespace {
FeedPanel::Banner queueBanner(const QJsonObject &meta)
{
    if (meta.value("paused"_L1).toBool())
        return {FeedPages::tr("Queue paused — new phases are not started"),
                StatusStyle::Tone::Warning};
    return {};
}

FeedPanel::Banner systemBanner(const QJsonObject &meta)
{
    const QString overall = meta.value("overall_status"_L1).toString();
    if (overall == "healthy"_L1)
        return {FeedPages::tr("All systems healthy"), StatusStyle::Tone::Good};
    if (overall == "degraded"_L1)
        return {FeedPages::tr("Degraded — some services report problems"),
                StatusStyle::Tone::Warning};
    if (overall == "error"_L1)
        return {FeedPages::tr("Error — at least one service is down"), StatusStyle::Tone::Bad};
    if (!overall.isEmpty())
        return {FeedPages::tr("Overall status: %1").arg(StatusStyle::statusLabel(overall)),
                StatusStyle::Tone::Idle};
    return {};
}
} // namespace

QString FeedPages::feedName(const QString &feedId, const QStringList &backends)
{
    const qsizetype slash = feedId.indexOf(u'/');
    if (slash > 0 && backends.size() > 1 && backends.contains(feedId.left(slash)))
        return feedId.mid(slash + 1);
    return feedId;
}

QString FeedPages::title(const QString &name)
{
    if (name == "queue"_L1)
        return tr("Queue");
    if (name == "workflows"_L1)
        return tr("Workflows");
    if (name == "system-status"_L1)
        return tr("System status");
    if (name == "adw-monitor"_L1)
        return tr("ADW monitor");
    if (name == "routes"_L1)
        return tr("Routes");
    if (name == "workflow-history"_L1)
        return tr("History");
    if (name == "planned-features"_L1)
        return tr("Planned features");
    if (name == "webhook-status"_L1)
        return tr("Webhooks");
    return name;
}

FeedPanel *FeedPages::create(FeedHub *hub, const QString &feedId, const QString &name,
                             QWidget *parent)
{
    auto *panel = new FeedPanel(hub, feedId, title(name), parent);
    auto addActions = [hub, panel](FeedActions::Kind kind) {
        auto *actions = new FeedActions(hub, panel, kind);
        panel->addActionBar(actions);
        QObject::connect(actions, &FeedActions::commandsRequested, panel,
                         &FeedPanel::commandsRequested);
    };
    if (name == "queue"_L1) {
        panel->setCountText([](int n) { return tr("%n phase(s)", nullptr, n); });
        panel->setBannerFunction(queueBanner);
        addActions(FeedActions::Kind::Queue);
    } else if (name == "workflows"_L1) {
        panel->setCountText([](int n) { return tr("%n workflow(s)", nullptr, n); });
        addActions(FeedActions::Kind::Workflows);
    } else if (name == "adw-monitor"_L1) {
        panel->setCountText([](int n) { return tr("%n workflow(s)", nullptr, n); });
    } else if (name == "system-status"_L1) {
        panel->setCountText([](int n) { return tr("%n service(s)", nullptr, n); });
        panel->setBannerFunction(systemBanner);
        auto *tiles = new ServiceTiles;
        panel->addHeaderWidget(tiles);
        tiles->setModel(panel->model());
        QObject::connect(panel, &FeedPanel::modelChanged, tiles, &ServiceTiles::setModel);
    } else if (name == "routes"_L1) {
        panel->setCountText([](int n) { return tr("%n route(s)", nullptr, n); });
    } else if (name == "workflow-history"_L1) {
        panel->setCountText([](int n) { return tr("%n run(s)", nullptr, n); });
    } else if (name == "planned-features"_L1) {
        panel->setCountText([](int n) { return tr("%n feature(s)", nullptr, n); });
    } else if (name == "webhook-status"_L1) {
        panel->setCountText([](int n) { return tr("%n webhook(s)", nullptr, n); });
    }
    return panel;
}
