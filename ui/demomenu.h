#pragma once

#include "fault.h"

#include <QHash>
#include <QMenu>
#include <QPointer>

class DemoServer;

// The "Demo" menu, generated from Sim::faultDescriptors(): one entry per fault, a submenu of
// feeds when the fault takes one, checkable entries for switches (kept in step with the server,
// so a scenario switching a fault shows here too), and "Clear all faults".
class DemoMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoMenu)

public:
    // One way to trigger a fault: a label ("HTTP 404") and the parameters it uses.
    struct Variant
    {
        QString label;
        Sim::FaultParams params;
    };

    DemoMenu(DemoServer *server, const QStringList &feeds, QWidget *parent = nullptr);

    // The parameters the menu uses by default: visible but not extreme (300 ms latency, ...).
    static Sim::FaultParams demoParams(Sim::Fault fault);
    // What the fault does with these parameters, for the menu\'s tooltips.
    static QString toolTip(Sim::Fault fault, const Sim::FaultParams &params);
    // The choices offered for a fault, the default first: status codes for a refused upgrade,
    // close codes, latency and bandwidth levels. One entry for faults without a choice.
    static QList<Variant> variants(Sim::Fault fault);
    // The action for `fault` on `feed` (empty: all feeds, or a fault without a feed), in the
    // given variant.
    QAction *actionFor(Sim::Fault fault, const QString &feed = {}, int variant = 0) const;
    QList<Sim::FaultDescriptor> descriptors() const { return m_descriptors; }

private:
    void addFeedActions(QMenu *menu, const Sim::FaultDescriptor &d, const QStringList &feeds,
                        int variant, const Sim::FaultParams &params);
    QAction *addFaultAction(QMenu *menu, const Sim::FaultDescriptor &d, const QString &feed,
                            const QString &text, int variant, const Sim::FaultParams &params);
    void onFaultChanged(Sim::Fault fault, const QString &feed, bool active);

    QPointer<DemoServer> m_server;
    QList<Sim::FaultDescriptor> m_descriptors;
    QHash<QString, QAction *> m_actions; // "<key>|<feed>|<variant>"
};
