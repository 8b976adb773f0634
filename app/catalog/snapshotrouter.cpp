#include "snapshotrouter.h"

#include "catalog/jsonpath.h"

using namespace Qt::StringLiterals;

void SnapshotRouter::addFeed(const FeedSpec &spec)
{
    Entry entry;
    entry.backend = spec.backend;
    entry.name = spec.name;
    entry.messageType = spec.messageType;
    entry.definition = spec.definitionPtr
        ? spec.definitionPtr
        : std::make_shared<const FeedDefinition>(spec.definition());
    m_feeds.insert(spec.id, entry);
}

void SnapshotRouter::removeFeed(const QString &feedId)
{
    m_feeds.remove(feedId);
    for (Entry &entry : m_feeds) {
        if (entry.follows == feedId)
            entry.follows.clear();
    }
}

QString SnapshotRouter::targetFor(const Entry &source, const QString &type,
                                  const QJsonValue &data) const
{
    QString found;
    for (auto it = m_feeds.cbegin(); it != m_feeds.cend(); ++it) {
        const Entry &entry = it.value();
        if (entry.backend != source.backend || entry.messageType != type || type.isEmpty())
            continue;
        // Instances of a template share a type ("adw_state_update"); the data says which one
        // it is (its adw_id), as the feed's name does.
        const QHash<QString, QString> &params = entry.definition->params;
        const bool mine = std::all_of(params.keyBegin(), params.keyEnd(), [&](const QString &p) {
            return FeedColumn::rawText(JsonPath::at(data, p)) == params.value(p);
        });
        if (mine) {
            if (!found.isEmpty())
                return {}; // two feeds claim it: applying it to either would be a guess
            found = it.key();
        }
    }
    return found;
}

SnapshotRouter::Decision
SnapshotRouter::route(const QString &sourceId, const QString &type, const QJsonValue &data,
                      const std::function<bool(const QString &)> &isConnected)
{
    const auto source = m_feeds.find(sourceId);
    if (source == m_feeds.end())
        return {};
    const QString targetId = targetFor(*source, type, data);
    const auto target = m_feeds.find(targetId);
    if (targetId.isEmpty() || targetId == sourceId || target == m_feeds.end()) {
        ++source->ignored;
        return {};
    }
    ++source->routedOut;
    // The broadcast reaches the target's own socket too: that copy is the one applied.
    if (target->ownSocketDelivers && isConnected(targetId))
        return {Route::Duplicate, targetId};
    // Otherwise (a refused or reconnecting feed) one other socket is followed, so copies that
    // arrive in a different order on different sockets never take the page back and forth.
    if (target->follows.isEmpty() || !m_feeds.contains(target->follows)
        || !isConnected(target->follows))
        target->follows = sourceId;
    if (target->follows != sourceId)
        return {Route::Duplicate, targetId};
    return {Route::Apply, targetId};
}

void SnapshotRouter::routedApplied(const QString &target)
{
    const auto it = m_feeds.find(target);
    if (it != m_feeds.end())
        ++it->routedIn;
}

void SnapshotRouter::observe(const FeedEvent &event)
{
    if (event.feed.isEmpty())
        return;
    const auto it = m_feeds.find(event.feed);
    if (it == m_feeds.end())
        return;
    if (event.event == "update"_L1) {
        if (!it->ownSocketDelivers && !event.fields.contains("routed"_L1)
            && event.fields.value("source"_L1).toString() == "ws"_L1)
            it->ownSocketDelivers = true;
    } else if (event.event == "connected"_L1 || event.event == "disconnected"_L1) {
        it->ownSocketDelivers = false;
    }
}

SnapshotRouter::Inspection SnapshotRouter::inspect(const QString &feedId, const QJsonValue &data)
{
    Inspection out;
    const auto it = m_feeds.find(feedId);
    if (it == m_feeds.end())
        return out;
    const FeedSchema::RowCount counted = it->definition->schema.countRows(data);
    out.rows = counted.rows;
    out.problem = counted.problem;
    it->rows = out.rows;
    it->dataError = counted.problem.isNull() ? QString() : counted.problem.englishText();
    if (!counted.problem.isNull())
        ++it->shapeErrors;
    return out;
}

FeedEvent SnapshotRouter::annotate(const FeedEvent &event)
{
    const auto it = m_feeds.find(event.feed);
    if (it == m_feeds.end() || it->rows < 0)
        return event;
    FeedEvent out = event;
    if (it->lastAnnotatedRows == it->rows && it->lastBase == event.fields
        && !event.fields.contains("routed"_L1)) {
        out.fields = it->lastAnnotated;
        return out;
    }
    out.fields.insert(u"rows"_s, it->rows);
    it->lastBase = event.fields;
    it->lastAnnotated = out.fields;
    it->lastAnnotatedRows = it->rows;
    return out;
}

void SnapshotRouter::addTo(FeedStats &stats) const
{
    const auto it = m_feeds.constFind(stats.feedId);
    if (it == m_feeds.cend())
        return;
    stats.rows = it->rows;
    stats.dataError = it->dataError;
    stats.routedIn = it->routedIn;
    stats.routedOut = it->routedOut;
    stats.ignored = it->ignored;
    stats.protocolErrors += it->shapeErrors;
}
