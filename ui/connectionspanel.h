#pragma once

#include "connection/connectiontester.h"
#include "connection/feedstats.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QWidget>

class Clock;
class ConnectionsSortProxyModel;
class FeedHub;
class LatencyChart;
class QFrame;
class QHBoxLayout;
class QLabel;
class QSplitter;
class QPushButton;
class QTableView;
class QTimer;
class SparklineDelegate;

// Every feed's connection health in a table, the selected feed in detail (live countdowns,
// circuit, errors, counters) with its controls, and the RTT chart. Talks only to FeedHub.
class ConnectionsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsPanel)

public:
    explicit ConnectionsPanel(FeedHub *hub, QWidget *parent = nullptr);

    QString selectedFeed() const { return m_selected; }
    void selectFeed(const QString &feedId);
    // For tests that drive countdowns with a manual clock; the table keeps the hub's clock.
    void setClock(const Clock *clock);
    QTableView *table() const { return m_table; }
    LatencyChart *chart() const { return m_chart; }
    QPushButton *trustButton() const { return m_trust; }
    // Column visibility and order, splitter positions and the chart window, for QSettings.
    QByteArray saveLayout() const;
    bool restoreLayout(const QByteArray &layout);

signals:
    // The operator asked to trust the certificate that stopped `feedId` (its tls_error fields).
    void trustCertificateRequested(const QString &feedId, const QJsonObject &tlsError);

protected:
    // The 1 s tick (countdowns, sparklines, summary) runs only while the page is on screen: a
    // page behind another, a minimised window or one closed to the tray repaints nothing.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QHBoxLayout *buildBar();
    void buildTable();
    QFrame *buildDetail();
    QSplitter *buildSplitters(QFrame *detail);
    void wire();
    QString dataText(const FeedStats &stats) const;
    QString healthText(const FeedStats &stats, qint64 now) const;
    QString scoreText(const FeedStats &stats) const;
    QString closeCodesText(const FeedStats &stats) const;
    QString timelineText(const QString &feedId) const;
    void onCurrentRowChanged();
    void onStats(const FeedStats &stats);
    void onTestFinished(const TestResult &result);
    void onTick();
    void scheduleTick();
    void updateDetail();
    void updateSummary();
    void showColumnMenu(const QPoint &pos);
    void setValue(QLabel *label, const QString &text);
    QString nextRetryText(const FeedStats &s, qint64 now) const;
    QString circuitText(const FeedStats &s, qint64 now) const;

    FeedHub *m_hub;
    const Clock *m_clock;
    ConnectionsSortProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_split = nullptr;  // table above, detail and chart below
    QSplitter *m_bottom = nullptr; // detail beside the chart
    SparklineDelegate *m_sparkline = nullptr;
    LatencyChart *m_chart = nullptr;
    QTimer *m_tickTimer = nullptr;
    bool m_offScreen = false; // hidden after being shown
    QString m_selected;
    QHash<QString, QString> m_testResults; // last "Test connection" outcome per feed
    QSet<QString> m_testing;

    QLabel *m_summary = nullptr;
    QPushButton *m_reconnectAll = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_lastRtt = nullptr;
    QLabel *m_avgRtt = nullptr;
    QLabel *m_p95Rtt = nullptr;
    QLabel *m_p99Rtt = nullptr;
    QLabel *m_retry = nullptr;
    QLabel *m_totalRetries = nullptr;
    QLabel *m_nextRetry = nullptr;
    QLabel *m_circuit = nullptr;
    QLabel *m_lastError = nullptr;
    QLabel *m_uptime = nullptr;
    QLabel *m_messages = nullptr;
    QLabel *m_protocolErrors = nullptr;
    QLabel *m_unchanged = nullptr;
    QLabel *m_unmatchedPongs = nullptr;
    QLabel *m_rejectedRtt = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_fallback = nullptr;
    QLabel *m_commands = nullptr;
    QLabel *m_data = nullptr; // rows, data problem, routed and ignored snapshots
    QLabel *m_health = nullptr;
    QLabel *m_score = nullptr;
    QLabel *m_closeCodes = nullptr; // disconnections by close code since the start
    QLabel *m_timeline = nullptr;   // the feed's last 20 link events
    QPushButton *m_reconnect = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_stopStart = nullptr;
    QPushButton *m_trust = nullptr;
};
