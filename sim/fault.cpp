#include "fault.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Sim {

QList<FaultDescriptor> faultDescriptors()
{
    return {
        {Fault::Restart, u"restart"_s, QCoreApplication::translate("Demo", "&Restart server"),
         false, false},
        {Fault::Drop, u"drop"_s,
         QCoreApplication::translate("Demo", "&Drop connections (no close frame)"), true, false},
        {Fault::Freeze, u"freeze"_s, QCoreApplication::translate("Demo", "&Freeze"), true, true},
        {Fault::Latency, u"latency"_s, QCoreApplication::translate("Demo", "Add &latency"), true,
         true},
        {Fault::Bandwidth, u"bandwidth"_s, QCoreApplication::translate("Demo", "Limit &bandwidth"),
         true, true},
        {Fault::Hang, u"hang"_s, QCoreApplication::translate("Demo", "&Hang handshakes"), true,
         true},
        {Fault::Refuse, u"refuse"_s, QCoreApplication::translate("Demo", "Refuse &upgrades"), true,
         true},
        {Fault::Close, u"close"_s, QCoreApplication::translate("Demo", "&Close with code"), true,
         false},
        {Fault::Malformed, u"malformed"_s,
         QCoreApplication::translate("Demo", "Send &malformed JSON"), true, false},
        {Fault::Oversize, u"oversize"_s,
         QCoreApplication::translate("Demo", "Send an &over-size message"), true, false},
        {Fault::Binary, u"binary"_s, QCoreApplication::translate("Demo", "Send a b&inary frame"),
         true, false},
        {Fault::Flood, u"flood"_s, QCoreApplication::translate("Demo", "Flood with &snapshots"),
         true, false},
        {Fault::DropAcks, u"dropacks"_s,
         QCoreApplication::translate("Demo", "Apply commands without &acks"), true, true},
    };
}

FaultDescriptor faultDescriptor(Fault id)
{
    const QList<FaultDescriptor> all = faultDescriptors();
    for (const FaultDescriptor &d : all) {
        if (d.id == id)
            return d;
    }
    return {};
}

QString faultKey(Fault id)
{
    return faultDescriptor(id).key;
}

bool faultFromKey(const QString &key, Fault *id)
{
    const QList<FaultDescriptor> all = faultDescriptors();
    for (const FaultDescriptor &d : all) {
        if (d.key == key) {
            *id = d.id;
            return true;
        }
    }
    return false;
}

QString describe(Fault id, const FaultParams &p)
{
    QString text = faultKey(id);
    switch (id) {
    case Fault::Latency:
        text += u" %1ms jitter %2ms"_s.arg(p.latencyMs).arg(p.jitterMs);
        break;
    case Fault::Bandwidth:
        text += u" %1 B/s"_s.arg(p.bytesPerSecond);
        break;
    case Fault::Refuse:
        text +=
            u" %1%2"_s.arg(p.httpStatus).arg(p.keepOpen ? u" (TCP kept open)"_s : u" (closed)"_s);
        break;
    case Fault::Close:
        text += u" %1"_s.arg(p.closeCode);
        break;
    case Fault::Oversize:
        text += u" %1 bytes"_s.arg(p.sizeBytes);
        break;
    case Fault::Flood:
        text += u" %1"_s.arg(p.count);
        break;
    default:
        break;
    }
    if (p.durationMs > 0)
        text += u" for %1ms"_s.arg(p.durationMs);
    return text;
}

} // namespace Sim
