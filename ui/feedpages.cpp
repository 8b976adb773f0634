#include "feedpages.h"

#include "dashboard/feedhub.h"
#include "feedactions.h"
#include "feedpanel.h"
#include "models/feedtablemodel.h"
#include "servicetiles.h"

using namespace Qt::StringLiterals;

QString FeedPages::feedName(const QString &feedId, const QStringList &backends)
{
    const qsizetype slash = feedId.indexOf(u'/');
    if (slash > 0 && backends.size() > 1 && backends.contains(feedId.left(slash)))
        return feedId.mid(slash + 1);
    return feedId;
}

FeedPanel *FeedPages::create(FeedHub *hub, const QString &feedId, QWidget *parent)
{
    const FeedDefinition definition = hub->definition(feedId);
    auto *panel = new FeedPanel(hub, feedId, definition.titleText(), parent);
    panel->setDefinition(definition);
    if (definition.widget.kind == FeedDefinition::Widget::Kind::ServiceCards) {
        auto *tiles = new ServiceTiles;
        panel->addHeaderWidget(tiles);
        tiles->setFields(definition.widget, definition.schema.columns);
        tiles->setModel(panel->model());
        QObject::connect(panel, &FeedPanel::modelChanged, tiles, &ServiceTiles::setModel);
    }
    // The operator's actions come from the backend profile ("actions"), whatever the feed.
    const QList<CommandAction> actions = hub->actions(feedId);
    if (!actions.isEmpty()) {
        auto *bar = new FeedActions(hub, panel, actions);
        panel->addActionBar(bar);
        QObject::connect(bar, &FeedActions::commandsRequested, panel,
                         &FeedPanel::commandsRequested);
    }
    return panel;
}
