#pragma once

#include "catalog/feeddefinition.h"
#include "statusstyle.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class Clock;
class FeedFigures;
class FeedFilterProxyModel;
class FeedHub;
class FeedTableModel;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolButton;
class QVBoxLayout;
class StatusDelegate;
struct FeedStats;

// One panel for every feed: title and freshness, the feed's counters, filters, the feed's table
// with a detail pane for the selected row, and an honest empty, stale, refused or mismatched
// state. What it shows comes from the feed's profile entry (FeedDefinition): the title, the count
// noun, banners, counters, the stretched column, detail fields and the feeds a row opens. There
// is no per-feed subclass; a widget a page needs (service cards) plugs in above the table.
class FeedPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedPanel)

public:
    FeedPanel(FeedHub *hub, const QString &feedId, const QString &title, QWidget *parent = nullptr);

    QString feedId() const { return m_feedId; }
    // Shows another feed of the same name ("prod/queue" -> "staging/queue").
    void setFeedId(const QString &feedId);
    QString title() const { return m_title; }
    // What the page shows, from the backend's profile; FeedPages sets it, setFeedId() re-reads it.
    void setDefinition(const FeedDefinition &definition);
    const FeedDefinition &definition() const { return m_definition; }
    // Extra widgets above the table, greyed out with it when the feed is not live.
    void addHeaderWidget(QWidget *widget);
    // A row of operator actions under the title; never greyed out (commands wait for the link).
    void addActionBar(QWidget *widget);
    // Actions on the selected row, first in the table's context menu (null: a separator).
    void addRowActions(const QList<QAction *> &actions);
    // Time source for the countdowns; the system clock by default.
    void setClock(const Clock *clock);

    FeedTableModel *model() const;
    FeedFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *tableView() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *statusCombo() const { return m_statusCombo; }
    FeedFigures *figures() const { return m_figures; }

    // What the panel shows, for tests and accessibility.
    QString freshnessText() const;
    bool showsLive() const { return m_live; }
    // True while the data area is washed out because the feed is not live.
    bool isGreyedOut() const;
    // The profile's banner ("Queue paused — ..."), empty when none applies.
    QString bannerText() const;
    // What is wrong with the data ("expected an array at /features, got ..."), or row warnings.
    QString problemText() const;
    QString overlayText() const;
    QString countText() const;
    // "2 commands waiting", empty when none are.
    QString pendingText() const;
    // The table's columns the page shows (empty ones are hidden), by header.
    QStringList visibleHeaders() const;
    // The detail pane's text for the current row (plain).
    QString detailText() const;
    // The feeds the row at `proxyRow` opens ("adw-state/e5f6a7b8"); empty names are not offered.
    QStringList rowFeeds(int proxyRow) const;
    // Opens the first feed of the row (what a double-click does); returns its id or empty.
    QString openRowFeed(int proxyRow, int link = 0);
    // The context menu of a row, as shown; the caller owns it.
    QMenu *rowMenu(int proxyRow);

public slots:
    void refresh();

signals:
    // The panel now shows another feed's table (setFeedId).
    void modelChanged(FeedTableModel *model);
    // The operator clicked the pending-commands note.
    void commandsRequested();
    // A feed was opened from a row (its id); the window shows its page once it exists.
    void feedOpenRequested(const QString &feedId);
    // The row menu is about to show: actions may update what they offer.
    void rowMenuAboutToShow();

protected:
    // The once-a-second tick (freshness, elapsed columns) runs only while the page is on screen:
    // a page behind another, a minimised window or one closed to the tray shows nothing.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    // The table's viewport resized: the stretched column may have to stop stretching.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildHeader();
    void buildFilters();
    void buildDataArea();
    void wire();
    void bindModel();
    void onStats(const FeedStats &stats);
    void refreshFreshness();
    void refreshBanner();
    void refreshProblem();
    void refreshFigures();
    void refreshCount();
    void refreshStatusFilter();
    void refreshOverlay();
    void refreshPending();
    void refreshHiddenColumns();
    void refreshDetail();
    void refreshClose();
    void sizeColumnsOnce();
    void fitStretchColumn();
    void applyStatusFilter();
    void applyColumnStyles();
    void showRowMenu(const QPoint &pos);
    QString backend() const;

    FeedHub *m_hub;
    QString m_feedId;
    QString m_title;
    FeedDefinition m_definition;
    const Clock *m_clock;

    QPointer<FeedTableModel> m_model;
    FeedFilterProxyModel *m_proxy = nullptr;
    StatusDelegate *m_delegate = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_freshDot = nullptr;
    QLabel *m_freshness = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_pending = nullptr;
    QToolButton *m_close = nullptr;
    QVBoxLayout *m_actionLayout = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QWidget *m_dataArea = nullptr;
    QVBoxLayout *m_headerLayout = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_problem = nullptr;
    FeedFigures *m_figures = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_view = nullptr;
    QTextBrowser *m_detail = nullptr;
    QLabel *m_overlay = nullptr;
    QWidget *m_veil = nullptr;
    QTimer *m_tick = nullptr;
    bool m_offScreen = false; // hidden after being shown (another page, minimised)
    QList<QAction *> m_rowActions;
    bool m_live = false;
    bool m_degradedData = false; // not live, but HTTP polling delivers
    bool m_hasData = false;
    bool m_columnsSized = false;
    int m_stretchColumn = -1;         // the profile's stretched column, once sized
    int m_stretchMinWidth = 0;        // what it needs to stay readable
    bool m_hasElapsedColumns = false; // durations counted up to now: repainted every second
};
