#pragma once

#include "models/feedschema.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Everything a page shows about one feed, read from a backend profile (docs/protocol.md,
// "Profiles"): where it lives, what its snapshots look like (the schema) and how the page
// presents them. One value per feed; nothing about a particular feed lives in C++.
struct FeedDefinition
{
    // A line of text above the table while its condition holds ("Queue paused — ...").
    struct Banner
    {
        DataCondition when;
        QString text; // source text; "{/message}" is replaced by that value of the data
        QString tone; // good, warning, bad, info, neutral, blocked, idle
        bool replacesRows = false; // data in this state carries no rows: not a mismatch
    };
    // A widget above the table, where a page needs one.
    struct Widget
    {
        enum class Kind { None, ServiceCards, StatusCard };
        Kind kind = Kind::None;
        QString title;  // service cards: the row field naming a card
        QString text;   // service cards: the row field shown under the status
        QString figure; // service cards: a row field shown beside the status (formatted like
                        // its column, if the table has one)
        QString status; // status card: where the status word is in `data` ("/status")
    };
    // The feed's HTTP snapshot (HTTP first, degraded mode) where the backend's is not at
    // `fallback.path` or not shaped like the WebSocket's `data`.
    struct Http
    {
        bool off = false; // "http": false: the backend has no HTTP twin of this feed
        QString path;     // "/api/v1/planned-features/", braces filled; empty: fallback.path
        bool hasRows = false;
        QString rows; // where the body keeps the rows; they go where `rows` says in `data`
    };
    // A feed a row opens ("adw-state/{adw_id}"): the row's fields fill the braces.
    struct RowLink
    {
        QString feed;
        QString label;
    };

    // A counter as the page shows it: "Total" "5".
    struct Figure
    {
        QString label;
        QString text;
        QString status; // normalized status word, for status counters (their colour)
    };

    QString name;        // "queue"; a template has braces: "adw-state/{adw_id}"
    QString path;        // "/api/v1/ws/queue", with the same braces for a template
    QString messageType; // "queue_update"; empty accepts any "*_update"
    QString title;       // source text; may use the template's braces: "Workflow {adw_id}"
    QString count;       // "%n phase(s)"
    QString countOne;    // a user's profile may spell both forms instead
    QString countOther;
    QString empty; // what an empty table says; empty: "No rows"
    int priority = 0;
    bool openByDefault = true; // templates are opened from a row, never at start
    FeedSchema schema;
    QList<FeedColumn> counters; // `field` is a path into `data`, `header` the label
    QList<Banner> banners;
    QString stretch; // the row field whose column takes the spare width
    QList<FeedColumn> detail;
    Widget widget;
    QList<RowLink> opens;
    Http http;
    QHash<QString, QString> params; // an instance's values for the template's braces

    bool isTemplate() const;
    // The brace names of a template: {"adw_id"}.
    QStringList templateParams() const;
    // Whether `feedName` is this feed or an instance of this template; fills `params`.
    bool matches(const QString &feedName, QHash<QString, QString> *params = nullptr) const;
    // This template for `feedName` ("adw-state/e5f6a7b8"): name, path and title filled in.
    FeedDefinition instance(const QString &feedName) const;
    // `text` with "{name}" replaced from `values` (a template's params, a row's fields).
    static QString fill(const QString &text, const QHash<QString, QString> &values);

    QString titleText() const; // translated, braces filled
    // An HTTP snapshot's body as the WebSocket's `data` (http.rows moved to where `rows` says),
    // or Undefined with `error` naming what is missing.
    QJsonValue dataFromHttp(const QJsonValue &body, QString *error) const;
    // The counters over `data` (a table's meta): absent values are left out; "/stats/*" gives
    // one per member; an object value reads "completed 2 · planned 2".
    QList<Figure> figures(const QJsonValue &data) const;
    // The first banner whose condition holds, its text translated and "{/path}" filled in.
    const Banner *bannerFor(const QJsonValue &data) const;
    static QString bannerText(const Banner &banner, const QJsonValue &data);
    QString countText(int n) const;
    QString emptyText() const;
    // Naive timestamps of this feed are in `zone` (the backend's, backends.<b>.timezone).
    void setTimeZone(const QTimeZone &zone);

    // A feed no profile describes: whatever arrives, shown generically.
    static FeedDefinition generic(const QString &name, const QString &messageType = {});
    // Reads one entry of a profile's "feeds" (or a configuration's feed overrides merged into
    // one). `statusColors` are the profile's defaults. Errors name the key: "feeds[2].rows: ...".
    static FeedDefinition fromJson(const QJsonObject &object, const QJsonObject &statusColors,
                                   const QString &where, QStringList *errors);
    // The keys fromJson() reads (a configuration's feed entry may override any but "name").
    static QStringList keys();
    static bool isToneName(const QString &tone);
};
