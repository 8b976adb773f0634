#include "feedpages.h"

#include "feedactions.h"
#include "feedpanel.h"
#include "models/feedtablemodel.h"
#include "servicetiles.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("FeedPages", text);
}

FeedPanel::Banner queueBanner(const QJsonObject &meta)
{
    if (meta.value("paused"_L1).toBool())
        return {tr("Queue paused — new phases are not started"), StatusStyle::Tone::Warning};
    return {};
}

FeedPanel::Banner systemBanner(const QJsonObject &meta)
{
    const QString overall = meta.value("overall_status"_L1).toString();
    if (overall == "healthy"_L1)
        return {tr("All systems healthy"), StatusStyle::Tone::Good};
    if (overall == "degraded"_L1)
        return {tr("Degraded — some services report problems"), StatusStyle::Tone::Warning};
    if (overall == "error"_L1)
        return {tr("Error — at least one service is down"), StatusStyle::Tone::Bad};
    if (!overall.isEmpty())
        return {tr("Overall status: %1").arg(overall), StatusStyle::Tone::Idle};
    return {};
}
} // namespace

namespace FeedPages {

QString feedName(const QString &feedId, const QStringList &backends)
{
    const qsizetype slash = feedId.indexOf(u'/');
    if (slash > 0 && backends.size() > 1 && backends.contains(feedId.left(slash)))
        return feedId.mid(slash + 1);
    return feedId;
}

QString title(const QString &name)
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

FeedPanel *create(FeedHub *hub, const QString &feedId, const QString &name, QWidget *parent)
{
    auto *panel = new FeedPanel(hub, feedId, title(name), parent);
    auto addActions = [hub, panel](FeedActions::Kind kind) {
        auto *actions = new FeedActions(hub, panel, kind);
        panel->addActionBar(actions);
        QObject::connect(actions, &FeedActions::commandsRequested, panel,
                         &FeedPanel::commandsRequested);
    };
    if (name == "queue"_L1) {
        panel->setRowNouns(tr("%1 phase"), tr("%1 phases"));
        panel->setBannerFunction(queueBanner);
        addActions(FeedActions::Kind::Queue);
    } else if (name == "workflows"_L1) {
        panel->setRowNouns(tr("%1 workflow"), tr("%1 workflows"));
        addActions(FeedActions::Kind::Workflows);
    } else if (name == "adw-monitor"_L1) {
        panel->setRowNouns(tr("%1 workflow"), tr("%1 workflows"));
    } else if (name == "system-status"_L1) {
        panel->setRowNouns(tr("%1 service"), tr("%1 services"));
        panel->setBannerFunction(systemBanner);
        auto *tiles = new ServiceTiles;
        panel->addHeaderWidget(tiles);
        tiles->setModel(panel->model());
        QObject::connect(panel, &FeedPanel::modelChanged, tiles, &ServiceTiles::setModel);
    } else if (name == "routes"_L1) {
        panel->setRowNouns(tr("%1 route"), tr("%1 routes"));
    } else if (name == "workflow-history"_L1) {
        panel->setRowNouns(tr("%1 run"), tr("%1 runs"));
    } else if (name == "planned-features"_L1) {
        panel->setRowNouns(tr("%1 feature"), tr("%1 features"));
    } else if (name == "webhook-status"_L1) {
        panel->setRowNouns(tr("%1 webhook"), tr("%1 webhooks"));
    }
    return panel;
}

} // namespace FeedPages
