#include "demomenu.h"

#include "demoserver.h"

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
QString actionKey(Sim::Fault fault, const QString &feed, int variant)
{
    return u"%1|%2|%3"_s.arg(Sim::faultKey(fault), feed).arg(variant);
}

// Whether the server's active parameters are the ones this variant sets.
bool sameVariant(Sim::Fault fault, const Sim::FaultParams &a, const Sim::FaultParams &b)
{
    switch (fault) {
    case Sim::Fault::Latency:
        return a.latencyMs == b.latencyMs && a.jitterMs == b.jitterMs;
    case Sim::Fault::Bandwidth:
        return a.bytesPerSecond == b.bytesPerSecond;
    case Sim::Fault::Refuse:
        return a.httpStatus == b.httpStatus && a.keepOpen == b.keepOpen;
    default:
        return true;
    }
}
} // namespace

DemoMenu::DemoMenu(DemoServer *server, const QStringList &feeds, QWidget *parent)
    : QMenu(tr("&Demo"), parent)
    , m_server(server)
    , m_descriptors(DemoServer::faultDescriptors())
{
    setToolTipsVisible(true);
    for (const Sim::FaultDescriptor &d : std::as_const(m_descriptors)) {
        const QList<Variant> choices = variants(d.id);
        if (!d.takesFeed) {
            addFaultAction(this, d, QString(), d.title, 0, choices.first().params);
            continue;
        }
        QMenu *sub = addMenu(d.title);
        sub->setToolTipsVisible(true);
        if (choices.size() == 1) {
            addFeedActions(sub, d, feeds, 0, choices.first().params);
            continue;
        }
        // Demo > Refuse upgrade > HTTP 404 > queue
        for (int i = 0; i < choices.size(); ++i) {
            QMenu *variantMenu = sub->addMenu(choices.at(i).label);
            variantMenu->setToolTipsVisible(true);
            addFeedActions(variantMenu, d, feeds, i, choices.at(i).params);
        }
    }
    addSeparator();
    QAction *clear = addAction(tr("Cl&ear all faults"));
    clear->setObjectName(u"demoClearAll"_s);
    connect(clear, &QAction::triggered, this, [this] {
        if (m_server)
            m_server->clearAllFaults();
    });
    // The real server sends every change on every socket; a client must take a snapshot of
    // another feed as that feed's data. Off, each socket carries its own feed only.
    QAction *broadcast = addAction(tr("Broadcast every feed on every socket"));
    broadcast->setObjectName(u"demoBroadcastAll"_s);
    broadcast->setCheckable(true);
    broadcast->setChecked(m_server && m_server->broadcastAll());
    broadcast->setToolTip(tr("As the real tac-webbuilder server does"));
    connect(broadcast, &QAction::toggled, this, [this](bool on) {
        if (m_server)
            m_server->setBroadcastAll(on);
    });
    if (m_server)
        connect(m_server, &DemoServer::faultChanged, this, &DemoMenu::onFaultChanged);
}

Sim::FaultParams DemoMenu::demoParams(Sim::Fault fault)
{
    Sim::FaultParams p;
    switch (fault) {
    case Sim::Fault::Restart:
        p.durationMs = 3000; // long enough to see every feed go stale and come back
        break;
    case Sim::Fault::Latency:
        p.latencyMs = 300;
        p.jitterMs = 50;
        break;
    case Sim::Fault::Bandwidth:
        p.bytesPerSecond = 2048;
        break;
    case Sim::Fault::Refuse:
        p.httpStatus = 403;
        break;
    case Sim::Fault::Close:
        p.closeCode = 1011;
        break;
    case Sim::Fault::Flood:
        p.count = 500;
        break;
    default:
        break;
    }
    return p;
}

QString DemoMenu::toolTip(Sim::Fault fault, const Sim::FaultParams &p)
{
    switch (fault) {
    case Sim::Fault::Restart:
        return tr("Close every connection, listen again after %1 s with a new server id")
            .arg(double(p.durationMs) / 1000.0);
    case Sim::Fault::Drop:
        return tr("Abort TCP without a close frame (the client sees 1006)");
    case Sim::Fault::Freeze:
        return tr("Stop sending and reading; TCP stays open, pings go unanswered");
    case Sim::Fault::Latency:
        if (p.jitterMs <= 0)
            return tr("Delay every message by %1 ms").arg(p.latencyMs);
        return tr("Delay every message by %1 ms plus up to %2 ms of jitter")
            .arg(p.latencyMs)
            .arg(p.jitterMs);
    case Sim::Fault::Bandwidth:
        return tr("Limit outgoing data to %1 bytes per second").arg(p.bytesPerSecond);
    case Sim::Fault::Hang:
        return tr("Accept TCP, never answer the WebSocket handshake");
    case Sim::Fault::Refuse:
        return p.keepOpen
            ? tr("Answer the upgrade with HTTP %1 and keep TCP open").arg(p.httpStatus)
            : tr("Answer the upgrade with HTTP %1 and close TCP").arg(p.httpStatus);
    case Sim::Fault::Close:
        return tr("Send a close frame with code %1").arg(p.closeCode);
    case Sim::Fault::Malformed:
        return tr("Send a text message that is not JSON");
    case Sim::Fault::Oversize:
        return tr("Send a valid JSON message of %1 MiB")
            .arg(double(p.sizeBytes) / (1024.0 * 1024.0), 0, 'f', 0);
    case Sim::Fault::Binary:
        return tr("Send a binary frame (the protocol has text frames only)");
    case Sim::Fault::Flood:
        return tr("Send %n snapshot(s) as fast as possible", nullptr, p.count);
    case Sim::Fault::DropAcks:
        return tr("Apply commands but never acknowledge them");
    }
    return {};
}

QList<DemoMenu::Variant> DemoMenu::variants(Sim::Fault fault)
{
    const Sim::FaultParams base = demoParams(fault);
    auto with = [&](const QString &label, auto change) {
        Sim::FaultParams p = base;
        change(p);
        return Variant {label, p};
    };
    switch (fault) {
    case Sim::Fault::Refuse: {
        QList<Variant> out;
        for (const auto &[status, label] :
             {std::pair {403, tr("HTTP 403 Forbidden")}, std::pair {404, tr("HTTP 404 Not Found")},
              std::pair {500, tr("HTTP 500 Internal Server Error")},
              std::pair {503, tr("HTTP 503 Service Unavailable")}})
            out << with(label, [status](Sim::FaultParams &p) { p.httpStatus = status; });
        return out;
    }
    case Sim::Fault::Close: {
        QList<Variant> out;
        for (const auto &[code, label] :
             {std::pair {1011, tr("1011 Server error")}, std::pair {1001, tr("1001 Going away")},
              std::pair {1008, tr("1008 Policy violation")},
              std::pair {1013, tr("1013 Try again later")},
              std::pair {4001, tr("4001 Token expired")}})
            out << with(label, [code](Sim::FaultParams &p) { p.closeCode = code; });
        return out;
    }
    case Sim::Fault::Latency:
        return {with(tr("300 ms ± 50"), [](Sim::FaultParams &) {}),
                with(tr("1 s ± 200 ms"),
                     [](Sim::FaultParams &p) {
                         p.latencyMs = 1000;
                         p.jitterMs = 200;
                     }),
                with(tr("3 s"), [](Sim::FaultParams &p) {
                    p.latencyMs = 3000;
                    p.jitterMs = 0;
                })};
    case Sim::Fault::Bandwidth:
        return {with(tr("2 KiB/s"), [](Sim::FaultParams &) {}),
                with(tr("256 B/s"), [](Sim::FaultParams &p) { p.bytesPerSecond = 256; })};
    default:
        return {Variant {QString(), base}};
    }
}

void DemoMenu::addFeedActions(QMenu *menu, const Sim::FaultDescriptor &d, const QStringList &feeds,
                              int variant, const Sim::FaultParams &params)
{
    addFaultAction(menu, d, QString(), tr("&All feeds"), variant, params);
    menu->addSeparator();
    for (const QString &feed : feeds)
        addFaultAction(menu, d, feed, feed, variant, params);
}

QAction *DemoMenu::addFaultAction(QMenu *menu, const Sim::FaultDescriptor &d, const QString &feed,
                                  const QString &text, int variant, const Sim::FaultParams &params)
{
    QAction *action = menu->addAction(text);
    action->setToolTip(toolTip(d.id, params));
    action->setCheckable(d.switchable);
    const Sim::Fault fault = d.id;
    const bool switchable = d.switchable;
    connect(action, &QAction::triggered, this, [this, fault, feed, params, switchable](bool on) {
        if (!m_server)
            return;
        if (switchable && !on)
            m_server->clearFault(fault, feed);
        else
            m_server->setFault(fault, feed, params);
    });
    m_actions.insert(actionKey(d.id, feed, variant), action);
    if (d.switchable)
        onFaultChanged(d.id, feed, m_server && m_server->isFaultActive(d.id, feed));
    return action;
}

QAction *DemoMenu::actionFor(Sim::Fault fault, const QString &feed, int variant) const
{
    return m_actions.value(actionKey(fault, feed, variant));
}

void DemoMenu::onFaultChanged(Sim::Fault fault, const QString &feed, bool active)
{
    const QString prefix = Sim::faultKey(fault) + u'|';
    // Clearing with an empty feed clears every entry of that fault.
    if (!active && feed.isEmpty()) {
        for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
            if (it.key().startsWith(prefix))
                it.value()->setChecked(false);
        }
        return;
    }
    // Exactly the variant whose parameters the server now uses is checked for that feed.
    const QString target = feed == "all"_L1 ? QString() : feed;
    std::optional<Sim::FaultParams> current;
    if (active && m_server) {
        for (const FaultController::Entry &e : m_server->activeFaults()) {
            if (e.fault == fault && e.feed == target)
                current = e.params;
        }
    }
    const QList<Variant> choices = variants(fault);
    for (int i = 0; i < choices.size(); ++i) {
        if (QAction *action = actionFor(fault, target, i))
            action->setChecked(current && sameVariant(fault, choices.at(i).params, *current));
    }
}
