#pragma once

#include "fault.h"

#include <QMap>
#include <QObject>

#include <optional>

class QTimer;

// Which switchable faults are on, for which feed. An empty feed means every feed; a feed entry
// "adw-state" also covers every "adw-state/<id>" topic. Faults with a duration clear themselves.
class FaultController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultController)

public:
    struct Entry
    {
        Sim::Fault fault = Sim::Fault::Freeze;
        QString feed;
        Sim::FaultParams params;
    };

    explicit FaultController(QObject *parent = nullptr);
    ~FaultController() override;

    void set(Sim::Fault fault, const QString &feed, const Sim::FaultParams &params);
    // An empty feed clears every entry of that fault; otherwise only that feed's entry.
    void clear(Sim::Fault fault, const QString &feed = {});
    void clearAll();

    bool isSet(Sim::Fault fault, const QString &feed) const;
    // The parameters that apply to a topic ("queue", "adw-state/abc"): the most specific entry.
    std::optional<Sim::FaultParams> effective(Sim::Fault fault, const QString &topic) const;
    QList<Entry> entries() const;

signals:
    void changed(Sim::Fault fault, const QString &feed, bool active);

private:
    using Key = std::pair<Sim::Fault, QString>;
    struct Slot
    {
        Sim::FaultParams params;
        QTimer *expiry = nullptr;
    };
    void remove(const Key &key);

    QMap<Key, Slot> m_active;
};
