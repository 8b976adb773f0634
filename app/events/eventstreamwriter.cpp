#include "eventstreamwriter.h"

#include <cstdio>

using namespace Qt::StringLiterals;

EventStreamWriter::EventStreamWriter(QObject *parent)
    : QObject(parent)
{ }

bool EventStreamWriter::open(const QString &target, QString *error)
{
    const bool ok = target == "-"_L1
        ? m_file.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)
        : (m_file.setFileName(target),
           m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered));
    if (!ok && error)
        *error = u"%1: cannot open for writing: %2"_s.arg(target, m_file.errorString());
    return ok;
}

void EventStreamWriter::write(const FeedEvent &event)
{
    if (!m_file.isOpen())
        return;
    m_file.write(event.toJsonLine() + '\n');
    m_file.flush();
    ++m_lines;
}
