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
        addFaultAction(sub, d, QString(), tr("All feeds"));
        sub->addSeparator();
        for (const QString &feed : feeds)
            addFaultAction(sub, d, feed, feed);
    }
    addSeparator();
    QAction *clear = addAction(tr("Clear all faults"));
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

QAction *DemoMenu::addFaultAction(QMenu *menu, const Sim::FaultDescriptor &d, const QString &feed,
                                  const QString &text)
{
    QAction *action = menu->addAction(text);
    const Sim::FaultParams params = demoParams(d.id);
    action->setToolTip(Sim::describe(d.id, params));
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
