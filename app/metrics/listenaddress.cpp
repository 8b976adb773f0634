#include "listenaddress.h"

#include <arpa/inet.h>

using namespace Qt::StringLiterals;

namespace {
bool isIpAddress(const QString &text, bool *v6)
{
    const QByteArray bytes = text.section(u'%', 0, 0).toLatin1(); // fe80::1%eth0: a scope id
    unsigned char buffer[16];
    if (inet_pton(AF_INET, bytes.constData(), buffer) == 1) {
        *v6 = false;
        return !text.contains(u'%');
    }
    *v6 = true;
    return inet_pton(AF_INET6, bytes.constData(), buffer) == 1;
}

QString usage()
{
    return u"expected [ADDRESS:]PORT, e.g. 127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464"_s;
}
} // namespace

ListenAddress ListenAddress::parse(const QString &input, QString *error)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    QString host;
    QString portText = text;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf("]:"_L1);
        if (close < 0) {
            *error = u"'%1': %2"_s.arg(text, usage());
            return {};
        }
        host = text.mid(1, close - 1);
        portText = text.mid(close + 2);
    } else if (const qsizetype colon = text.lastIndexOf(u':'); colon >= 0) {
        host = text.left(colon);
        portText = text.mid(colon + 1);
        if (host.contains(u':')) { // an IPv6 address needs its brackets, or the port is ambiguous
            *error = u"'%1': %2"_s.arg(text, usage());
            return {};
        }
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535) {
        *error = u"'%1': the port must be a number from 0 to 65535 (%2)"_s.arg(text, usage());
        return {};
    }
    ListenAddress out;
    out.port = quint16(port);
    out.enabled = true;
    if (host.isEmpty() || host.compare("localhost"_L1, Qt::CaseInsensitive) == 0) {
        out.host = u"127.0.0.1"_s;
        return out;
    }
    // An address, never a name to resolve: what a probe binds to must not depend on DNS.
    bool v6 = false;
    if (!isIpAddress(host, &v6) || (v6 && !text.startsWith(u'['))) {
        *error = u"'%1': '%2' is not an IP address (%3)"_s.arg(text, host, usage());
        return {};
    }
    out.host = host;
    return out;
}

QString ListenAddress::toString() const
{
    return toString(port);
}

QString ListenAddress::toString(quint16 boundPort) const
{
    if (!enabled)
        return {};
    const QString host = this->host.contains(u':') ? u"[%1]"_s.arg(this->host) : this->host;
    return u"%1:%2"_s.arg(host).arg(boundPort);
}
