#pragma once

#include <QJsonValue>
#include <QMetaType>
#include <QString>

// A feed's snapshot data on its way to the dashboard (FeedEngine::batchReady).
struct FeedSnapshot
{
    QString feedId;
    QString type; // "queue_update"
    QJsonValue data;
};

Q_DECLARE_METATYPE(FeedSnapshot)
