#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

// The fault model of the demo backend: what can go wrong on purpose, with which parameters, and
// a data table the dashboard's "Demo" menu is generated from.
namespace Sim {
Q_NAMESPACE

enum class Fault {
    Restart,   // one-shot: close everything, listen again on the same port, new server_id
    Drop,      // one-shot: abort TCP without a close frame (client sees 1006)
    Freeze,    // switch: stop sending and stop reading (no pong to ping frames), TCP stays open
    Latency,   // switch: delay outgoing messages by latencyMs + [0, jitterMs)
    Bandwidth, // switch: pace outgoing messages to bytesPerSecond
    Hang,      // switch: accept TCP, never answer the handshake
    Refuse,    // switch: answer the upgrade with httpStatus instead of 101
    Close,     // one-shot: close frame with closeCode
    Malformed, // one-shot: a text message that is not JSON
    Oversize,  // one-shot: a valid JSON text message of sizeBytes
    Binary,    // one-shot: a binary frame
    Flood,     // one-shot: count snapshots as fast as possible
    DropAcks,  // switch: apply commands but never answer them
};
Q_ENUM_NS(Fault)

inline constexpr qint64 defaultOversizeBytes = 17 * 1024 * 1024;

struct FaultParams
{
    int latencyMs = 0;
    int jitterMs = 0;
    qint64 bytesPerSecond = 0;
    int httpStatus = 403;
    // Refuse: keep TCP open after the HTTP response. Qt 6.4.2 clients then stay in
    // ConnectingState, which is the bug the dashboard has to survive.
    bool keepOpen = true;
    int closeCode = 1001;
    qint64 sizeBytes = defaultOversizeBytes;
    int count = 1000;
    // Switches: clear automatically after this long (0 = until cleared). Restart: downtime.
    qint64 durationMs = 0;
};

struct FaultDescriptor
{
    Fault id = Fault::Restart;
    QString key;             // scenario keyword, e.g. "freeze"
    QString title;           // translated, context "Demo", with a menu accelerator
    bool takesFeed = true;   // false: always applies to the whole server
    bool switchable = false; // true: on until cleared; false: a one-shot action
};

// Every fault, in menu order.
QList<FaultDescriptor> faultDescriptors();
FaultDescriptor faultDescriptor(Fault id);
QString faultKey(Fault id);
// Returns false when `key` names no fault.
bool faultFromKey(const QString &key, Fault *id);
QString describe(Fault id, const FaultParams &params);

} // namespace Sim

Q_DECLARE_METATYPE(Sim::FaultParams)
