#pragma once

#include "config/config.h"
#include "connection/feedstats.h"
#include "events/feedevent.h"
#include "models/feedschema.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <memory>

// The catalog's side of the engine, on the engine's thread.
//
// Routing: some backends (tac-webbuilder) send every feed's snapshot on every socket. A
// snapshot whose type belongs to another feed of the same backend is that feed's data: it is
// applied there once, from one socket, and counted (`routed`); a type no configured feed has is
// counted as ignored. Neither is a protocol error.
//
// Inspection: every changed snapshot is measured with its feed's schema (FeedSchema::countRows,
// the locating code the window's table decodes with), so the event stream says how many rows
// the page holds (`rows`) and when the rows were not where the profile says (a protocol_error
// with `path`), headless as in the window.
class SnapshotRouter final
{
public:
    enum class Route {
        Apply,     // hand it to `target`
        Duplicate, // `target` has it from its own socket, or follows another socket
        Ignore,    // no configured feed of that backend has this type
    };
    struct Decision
    {
        Route route = Route::Ignore;
        QString target;
    };
    struct Inspection
    {
        int rows = 0;
        ShapeProblem problem; // set when the rows were not where the profile says
    };

    void addFeed(const FeedSpec &spec);
    void removeFeed(const QString &feedId);
    // A message of `type` came on `sourceId`'s socket and is not that feed's. `isConnected`
    // says whether a feed's socket is open.
    Decision route(const QString &sourceId, const QString &type, const QJsonValue &data,
                   const std::function<bool(const QString &)> &isConnected);
    // The target applied a routed snapshot (it was new data there).
    void routedApplied(const QString &target);
    // A feed's event went by: tells whether its own socket delivers its snapshots.
    void observe(const FeedEvent &event);
    // A changed snapshot of `feedId`, decoded with its schema.
    Inspection inspect(const QString &feedId, const QJsonValue &data);
    // An `update` event with the rows its feed's table holds now.
    FeedEvent annotate(const FeedEvent &event);
    // The routing counters, the row count and the data problem, into the feed's stats.
    void addTo(FeedStats &stats) const;

private:
    struct Entry
    {
        QString backend;
        QString name;
        QString messageType;
        std::shared_ptr<const FeedDefinition> definition;
        qint64 routedIn = 0;
        qint64 routedOut = 0;
        qint64 ignored = 0;
        qint64 shapeErrors = 0;
        int rows = -1;
        QString dataError; // English, as in the protocol_error event
        bool ownSocketDelivers = false;
        QString follows; // the one other socket routed snapshots are taken from
        // The last update event's fields as they came and as annotated: a feed's update events
        // differ in a value or two, so the annotated object is reused while nothing changed.
        QJsonObject lastBase;
        QJsonObject lastAnnotated;
        int lastAnnotatedRows = -2;
    };

    QString targetFor(const Entry &source, const QString &type, const QJsonValue &data) const;

    QHash<QString, Entry> m_feeds;
};
