#include "demomenu.h"

#include "demoserver.h"

using namespace Qt::StringLiterals;

namespace {
QString actionKey(Sim::Fault fault, const QString &feed)
{
    return Sim::faultKey(fault) + u'|' + feed;
}
} // namespace

DemoMenu::DemoMenu(DemoServer *server, const QStringList &feeds, QWidget *parent)
    : QMenu(tr("&Demo"), parent)
    , m_server(server)
    , m_descriptors(DemoServer::faultDescriptors())
{
    setToolTipsVisible(true);
    for (const Sim::FaultDescriptor &d : std::as_const(m_descriptors)) {
        if (!d.takesFeed) {
            addFaultAction(this, d, QString(), d.title);
            continue;
        }
        QMenu *sub = addMenu(d.title);
        sub->setToolTipsVisible(true);
        addFaultAction(sub, d, QString(), tr("&All feeds"));
        sub->addSeparator();
        for (const QString &feed : feeds)
            addFaultAction(sub, d, feed, feed);
    }
    addSeparator();
    QAction *clear = addAction(tr("Cl&ear all faults"));
    clear->setObjectName(u"demoClearAll"_s);
    connect(clear, &QAction::triggered, this, [this] {
        if (m_server)
            m_server->clearAllFaults();
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

QAction *DemoMenu::addFaultAction(QMenu *menu, const Sim::FaultDescriptor &d, const QString &feed,
                                  const QString &text)
{
    QAction *action = menu->addAction(text);
    const Sim::FaultParams params = demoParams(d.id);
    action->setToolTip(toolTip(d.id, params));
    action->setCheckable(d.switchable);
    if (d.switchable && m_server)
        action->setChecked(m_server->isFaultActive(d.id, feed));
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
    m_actions.insert(actionKey(d.id, feed), action);
    return action;
}

QAction *DemoMenu::actionFor(Sim::Fault fault, const QString &feed) const
{
    return m_actions.value(actionKey(fault, feed));
}

void DemoMenu::onFaultChanged(Sim::Fault fault, const QString &feed, bool active)
{
    // Clearing with an empty feed clears every entry of that fault.
    if (!active && feed.isEmpty()) {
        for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
            if (it.key().startsWith(Sim::faultKey(fault) + u'|'))
                it.value()->setChecked(false);
        }
        return;
    }
    if (QAction *action = actionFor(fault, feed == "all"_L1 ? QString() : feed))
        action->setChecked(active);
}
