#include "faultcontroller.h"

#include <QTimer>

FaultController::FaultController(QObject *parent)
    : QObject(parent)
{ }

FaultController::~FaultController() = default;

void FaultController::set(Sim::Fault fault, const QString &feed, const Sim::FaultParams &params)
{
    const Key key {fault, feed};
    auto it = m_active.find(key);
    if (it != m_active.end() && it->expiry)
        it->expiry->deleteLater();
    Slot slot {params, nullptr};
    if (params.durationMs > 0) {
        slot.expiry = new QTimer(this);
        slot.expiry->setSingleShot(true);
        connect(slot.expiry, &QTimer::timeout, this, [this, key] {
            remove(key);
            emit changed(key.first, key.second, false);
        });
        slot.expiry->start(std::chrono::milliseconds(params.durationMs));
    }
    m_active.insert(key, slot);
    emit changed(fault, feed, true);
}

void FaultController::clear(Sim::Fault fault, const QString &feed)
{
    QList<Key> doomed;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (it.key().first == fault && (feed.isEmpty() || it.key().second == feed))
            doomed.append(it.key());
    }
    for (const Key &key : std::as_const(doomed)) {
        remove(key);
        emit changed(key.first, key.second, false);
    }
}

void FaultController::clearAll()
{
    const QList<Key> doomed = m_active.keys();
    for (const Key &key : doomed) {
        remove(key);
        emit changed(key.first, key.second, false);
    }
}

bool FaultController::isSet(Sim::Fault fault, const QString &feed) const
{
    return m_active.contains(Key {fault, feed});
}

std::optional<Sim::FaultParams> FaultController::effective(Sim::Fault fault,
                                                           const QString &topic) const
{
    // Most specific first: "adw-state/abc", then "adw-state", then all feeds.
    QString candidate = topic;
    for (;;) {
        const auto it = m_active.constFind(Key {fault, candidate});
        if (it != m_active.cend())
            return it->params;
        if (candidate.isEmpty())
            return std::nullopt;
        const qsizetype slash = candidate.lastIndexOf(u'/');
        candidate = slash > 0 ? candidate.left(slash) : QString();
    }
}

QList<FaultController::Entry> FaultController::entries() const
{
    QList<Entry> result;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it)
        result.append(Entry {it.key().first, it.key().second, it->params});
    return result;
}

void FaultController::remove(const Key &key)
{
    const auto it = m_active.find(key);
    if (it == m_active.end())
        return;
    if (it->expiry)
        it->expiry->deleteLater();
    m_active.erase(it);
}
