#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>

// What the server and the kernel can deliver: a WebSocket handshake, then bytes read and thrown
// away, no framing, no UTF-8, no JSON. If this reads far faster than the clients being compared,
// the server is not what limits them.
class SinkClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SinkClient)

public:
    explicit SinkClient(QObject *parent = nullptr);

    void open(quint16 port, const QByteArray &path);
    bool isConnected() const { return m_upgraded; }
    // finished() once `marker` (the last message's unique text) has gone by.
    void expect(const QByteArray &marker);
    qint64 bytes() const { return m_bytes; }
    qint64 finishedAtNs() const { return m_finishedAtNs; }

signals:
    void finished();

private:
    void onReadyRead();

    QTcpSocket m_socket;
    QByteArray m_head;
    QByteArray m_tail; // the end of the previous read, so a marker split across reads is found
    QByteArray m_marker;
    bool m_upgraded = false;
    qint64 m_bytes = 0;
    qint64 m_finishedAtNs = 0;
};
