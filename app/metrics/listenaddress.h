#pragma once

#include <QString>

// Where /metrics listens: `--metrics-listen` and the setting `metrics.listen`. Loopback unless
// the operator names another address, so a probe is never reachable from the network by accident.
struct ListenAddress
{
    // The address as text ("127.0.0.1", "::1"), checked to be a numeric IPv4 or IPv6 address.
    // Kept free of Qt Network, so the configuration (fuzzed with Qt Core alone) can hold it.
    QString host;
    quint16 port = 0; // 0: the system picks a free port (tests)
    bool enabled = false;

    // "9464" and ":9464" mean 127.0.0.1:9464; "0.0.0.0:9464", "[::1]:9464", "localhost:9464".
    // Empty text is "off". Returns an invalid (disabled) address and sets `error`, naming the
    // problem, for anything else.
    static ListenAddress parse(const QString &text, QString *error);
    // "127.0.0.1:9464", "[::1]:9464"
    QString toString() const;
    QString toString(quint16 boundPort) const;
    bool operator==(const ListenAddress &other) const = default;
};
