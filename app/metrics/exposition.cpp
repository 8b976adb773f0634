#include "exposition.h"

#include <charconv>
#include <cmath>

namespace {
QByteArrayView typeName(Exposition::Type type)
{
    switch (type) {
    case Exposition::Type::Counter:
        return "counter";
    case Exposition::Type::Gauge:
        return "gauge";
    case Exposition::Type::Histogram:
        return "histogram";
    }
    return "untyped";
}

void appendEscaped(QByteArray &out, QByteArrayView text, bool quote)
{
    for (const char c : text) {
        if (c == '\\')
            out.append("\\\\");
        else if (c == '\n')
            out.append("\\n");
        else if (quote && c == '"')
            out.append("\\\"");
        else
            out.append(c);
    }
}
} // namespace

Exposition::Exposition(qsizetype reserve)
{
    if (reserve > 0)
        m_out.reserve(reserve);
}

void Exposition::family(QByteArrayView name, Type type, QByteArrayView help)
{
    m_out.append("# HELP ").append(name).append(' ');
    appendEscaped(m_out, help, false);
    m_out.append("\n# TYPE ").append(name).append(' ').append(typeName(type)).append('\n');
}

void Exposition::begin(QByteArrayView name, QByteArrayView labels, QByteArrayView extraLabels)
{
    m_out.append(name);
    if (labels.isEmpty() && extraLabels.isEmpty())
        return;
    m_out.append('{').append(labels);
    if (!labels.isEmpty() && !extraLabels.isEmpty())
        m_out.append(',');
    m_out.append(extraLabels).append('}');
}

void Exposition::sample(QByteArrayView name, QByteArrayView labels, double value)
{
    sample(name, labels, {}, value);
}

void Exposition::sample(QByteArrayView name, QByteArrayView labels, QByteArrayView extraLabels,
                        double value)
{
    begin(name, labels, extraLabels);
    m_out.append(' ');
    appendNumber(m_out, value);
    m_out.append('\n');
}

void Exposition::sample(QByteArrayView name, QByteArrayView labels, qint64 value)
{
    begin(name, labels, {});
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_out.append(' ').append(buffer, result.ptr - buffer).append('\n');
}

QByteArray Exposition::labelPair(QByteArrayView name, QStringView value)
{
    return labelPair(name, QByteArrayView(value.toUtf8()));
}

QByteArray Exposition::labelPair(QByteArrayView name, QByteArrayView utf8Value)
{
    QByteArray out;
    out.reserve(name.size() + utf8Value.size() + 4);
    out.append(name).append("=\"");
    appendEscaped(out, utf8Value, true);
    out.append('"');
    return out;
}

void Exposition::appendNumber(QByteArray &out, double value)
{
    if (std::isnan(value)) {
        out.append("NaN");
        return;
    }
    if (std::isinf(value)) {
        out.append(value > 0 ? "+Inf" : "-Inf");
        return;
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

QByteArray Exposition::number(double value)
{
    QByteArray out;
    appendNumber(out, value);
    return out;
}
