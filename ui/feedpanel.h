#pragma once

#include "statusstyle.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <functional>

class Clock;
class FeedFilterProxyModel;
class FeedHub;
class FeedTableModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QVBoxLayout;
class StatusDelegate;
struct FeedStats;

// One panel for every feed: title and freshness, filters, the feed's table, and an honest empty
// or stale state. Feed-specific extras plug in through a banner function (driven by the table's
// meta) and header widgets above the table; there is no per-feed subclass.
class FeedPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedPanel)

public:
    struct Banner
    {
        QString text; // empty: no banner
        StatusStyle::Tone tone = StatusStyle::Tone::Info;
    };
    using BannerFunction = std::function<Banner(const QJsonObject &meta)>;
    // "3 phases": a numerus tr("%n phase(s)", nullptr, n) of the caller's context.
    using CountFunction = std::function<QString(int n)>;

    FeedPanel(FeedHub *hub, const QString &feedId, const QString &title, QWidget *parent = nullptr);

    QString feedId() const { return m_feedId; }
    // Shows another feed of the same kind ("prod/queue" -> "staging/queue").
    void setFeedId(const QString &feedId);
    QString title() const { return m_title; }
    // How the row count reads ("3 phases"); the default counts rows.
    void setCountText(const CountFunction &function);
    void setBannerFunction(const BannerFunction &function);
    // Extra widgets above the table, greyed out with it when the feed is not live.
    void addHeaderWidget(QWidget *widget);
    // A row of operator actions under the title; never greyed out (commands wait for the link).
    void addActionBar(QWidget *widget);
    // Time source for the countdowns; the system clock by default.
    void setClock(const Clock *clock);

    FeedTableModel *model() const;
    FeedFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *tableView() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *statusCombo() const { return m_statusCombo; }

    // What the panel shows, for tests and accessibility.
    QString freshnessText() const;
    bool showsLive() const { return m_live; }
    // True while the data area is washed out because the feed is not live.
    bool isGreyedOut() const;
    QString bannerText() const;
    QString overlayText() const;
    QString countText() const;
    // "2 commands waiting", empty when none are.
    QString pendingText() const;

public slots:
    void refresh();

signals:
    // The panel now shows another feed's table (setFeedId).
    void modelChanged(FeedTableModel *model);
    // The operator clicked the pending-commands note.
    void commandsRequested();

private:
    void bindModel();
    void onStats(const FeedStats &stats);
    void refreshFreshness();
    void refreshBanner();
    void refreshCount();
    void refreshStatusFilter();
    void refreshOverlay();
    void refreshPending();
    void sizeColumnsOnce();
    void applyStatusFilter();

    FeedHub *m_hub;
    QString m_feedId;
    QString m_title;
    CountFunction m_countText;
    BannerFunction m_bannerFunction;
    const Clock *m_clock;

    QPointer<FeedTableModel> m_model;
    FeedFilterProxyModel *m_proxy = nullptr;
    StatusDelegate *m_delegate = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_freshDot = nullptr;
    QLabel *m_freshness = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_pending = nullptr;
    QVBoxLayout *m_actionLayout = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QWidget *m_dataArea = nullptr;
    QVBoxLayout *m_headerLayout = nullptr;
    QLabel *m_banner = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_overlay = nullptr;
    QWidget *m_veil = nullptr;
    QTimer *m_tick = nullptr;
    bool m_live = false;
    bool m_degradedData = false; // not live, but HTTP polling delivers
    bool m_hasData = false;
    bool m_columnsSized = false;
};
