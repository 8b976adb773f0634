#pragma once

#include <QObject>
#include <QWebSocket>

// The platform's limit for the ingest ratio: a QWebSocket that receives each text message and
// parses it with QJsonDocument, and does nothing else.
class BareClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BareClient)

public:
    explicit BareClient(QObject *parent = nullptr);

    void open(const QUrl &url);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // Counts from zero; finished() once `count` messages are parsed.
    void expect(int count);
    int received() const { return m_received; }
    int invalid() const { return m_invalid; }
    qint64 finishedAtNs() const { return m_finishedAtNs; }

signals:
    void finished();

private:
    void onText(const QString &message);

    QWebSocket m_socket;
    int m_expected = 0;
    int m_received = 0;
    int m_invalid = 0;
    qint64 m_finishedAtNs = 0;
};
