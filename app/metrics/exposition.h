#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

// Writes the Prometheus text exposition format 0.0.4: a `# HELP` and `# TYPE` line per family,
// then its samples, one per line, all of a family together. No timestamps: Prometheus stamps a
// scrape itself, which is what an exporter of current state should let it do.
class Exposition final
{
public:
    enum class Type { Counter, Gauge, Histogram };
    static constexpr QByteArrayView contentType = "text/plain; version=0.0.4; charset=utf-8";

    explicit Exposition(qsizetype reserve = 0);

    void family(QByteArrayView name, Type type, QByteArrayView help);
    // `labels` is a comma-separated list already escaped (labelPair()), empty for none.
    void sample(QByteArrayView name, QByteArrayView labels, double value);
    void sample(QByteArrayView name, QByteArrayView labels, qint64 value);
    void sample(QByteArrayView name, QByteArrayView labels, QByteArrayView extraLabels,
                double value);

    QByteArray take() { return std::move(m_out); }
    const QByteArray &text() const { return m_out; }

    // name="value" with the value escaped (backslash, double quote, line feed).
    static QByteArray labelPair(QByteArrayView name, QStringView value);
    static QByteArray labelPair(QByteArrayView name, QByteArrayView utf8Value);
    // The shortest text that reads back as the same double; "+Inf", "-Inf", "NaN".
    static void appendNumber(QByteArray &out, double value);
    static QByteArray number(double value);

private:
    void begin(QByteArrayView name, QByteArrayView labels, QByteArrayView extraLabels);

    QByteArray m_out;
};
