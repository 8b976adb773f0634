#include "connectionspanel.h"

#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "healthpalette.h"
#include "latencychart.h"
#include "models/connectionsmodel.h"
#include "models/connectionssortproxymodel.h"
#include "models/eventtext.h"
#include "models/feedtablemodel.h"
#include "models/freshness.h"
#include "monospacedelegate.h"
#include "qualitybadgedelegate.h"
#include "sparklinedelegate.h"
#include "statedelegate.h"

#include <QDataStream>
#include <QDateTime>
#include <QFontDatabase>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QLabel *valueLabel(QWidget *parent, const QString &objectName, Qt::Alignment align)
{
    auto *label = new QLabel(u"—"_s, parent);
    label->setObjectName(objectName);
    label->setAlignment(align | Qt::AlignVCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *nameLabel(QWidget *parent, const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

ConnectionsPanel::ConnectionsPanel(FeedHub *hub, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_clock(SystemClock::instance())
    , m_proxy(new ConnectionsSortProxyModel(this))
    , m_table(new QTableView(this))
    , m_sparkline(new SparklineDelegate(hub, this))
    , m_chart(new LatencyChart(hub, this))
    , m_tickTimer(new QTimer(this))
{
    QHBoxLayout *bar = buildBar();
    buildTable();
    QFrame *detail = buildDetail();
    QSplitter *split = buildSplitters(detail);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    setTabOrder(m_reconnectAll, m_table);
    setTabOrder(m_table, m_reconnect);
    setTabOrder(m_reconnect, m_test);
    setTabOrder(m_test, m_stopStart);
    wire();

    m_chart->setShowAllFeeds(true);
    if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    updateSummary();
    updateDetail();
    scheduleTick();
}

// The summary line and "Reconnect all".
QHBoxLayout *ConnectionsPanel::buildBar()
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"summary"_s);
    m_reconnectAll = new QPushButton(tr("Reconnect &all"), this);
    m_reconnectAll->setObjectName(u"reconnectAllButton"_s);
    m_reconnectAll->setAccessibleName(tr("Reconnect all feeds"));
    m_reconnectAll->setToolTip(
        tr("Reconnect every feed now, staggered; resets open circuits and backoff"));
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_summary);
    bar->addStretch(1);
    bar->addWidget(m_reconnectAll);

    return bar;
}

// The table of feeds: delegates, column widths measured in the window's language, hidden
// columns.
void ConnectionsPanel::buildTable()
{
    m_proxy->setSourceModel(m_hub->connections());
    m_table->setModel(m_proxy);
    m_table->setObjectName(u"connectionsTable"_s);
    m_table->setAccessibleName(tr("Feed connections"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // Tab moves on to the buttons
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true); // unsorted until asked: configuration (priority) order
    m_table->setItemDelegateForColumn(ConnectionsModel::FeedColumn, new MonospaceDelegate(this));
    m_table->setItemDelegateForColumn(ConnectionsModel::StateColumn, new StateDelegate(this));
    m_table->setItemDelegateForColumn(ConnectionsModel::QualityColumn,
                                      new QualityBadgeDelegate(this));
    m_table->setItemDelegateForColumn(ConnectionsModel::LastRttColumn, m_sparkline);
    const QFontMetrics fm(m_table->font());
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (m_table->font().pointSizeF() > 0)
        fixed.setPointSizeF(m_table->font().pointSizeF());
    m_table->verticalHeader()->setDefaultSectionSize(fm.height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    auto widthFor = [&](int column, int contents) {
        const int title =
            fm.horizontalAdvance(m_proxy->headerData(column, Qt::Horizontal).toString());
        header->resizeSection(column, std::max(contents, title + 24) + 12);
    };
    widthFor(ConnectionsModel::FeedColumn,
             QFontMetrics(fixed).horizontalAdvance(u"workflow-history"_s));
    // Measured in the window's language: German and French words run longer.
    int stateWidth = 0;
    for (const Feed::State state :
         {Feed::State::Idle, Feed::State::Connecting, Feed::State::Connected,
          Feed::State::ReconnectWait, Feed::State::CircuitOpen, Feed::State::Offline,
          Feed::State::Stopped})
        stateWidth = std::max(stateWidth, fm.horizontalAdvance(ConnectionsModel::stateText(state)));
    for (const Feed::Fallback fallback : {Feed::Fallback::Delivering, Feed::Fallback::Failing}) {
        FeedStats s;
        s.fallback = fallback;
        stateWidth = std::max(stateWidth, fm.horizontalAdvance(ConnectionsModel::stateText(s)));
    }
    int qualityWidth = 0;
    for (const Quality::Tier tier :
         {Quality::Tier::Disconnected, Quality::Tier::Unknown, Quality::Tier::Excellent,
          Quality::Tier::Good, Quality::Tier::Poor, Quality::Tier::Bad})
        qualityWidth =
            std::max(qualityWidth, fm.horizontalAdvance(ConnectionsModel::qualityText(tier)));
    widthFor(ConnectionsModel::StateColumn, stateWidth + 18);
    widthFor(ConnectionsModel::QualityColumn, qualityWidth + 28);
    widthFor(ConnectionsModel::ScoreColumn,
             fm.horizontalAdvance(ConnectionsModel::scoreText(100, -10)));
    int healthWidth = 0;
    for (const Health::Level level : {Health::Level::Healthy, Health::Level::Degraded,
                                      Health::Level::Unhealthy, Health::Level::Critical})
        healthWidth =
            std::max(healthWidth, fm.horizontalAdvance(ConnectionsModel::healthText(level)));
    widthFor(ConnectionsModel::HealthColumn, healthWidth + fm.horizontalAdvance(u": pong late"_s));
    widthFor(ConnectionsModel::PendingCommandsColumn, fm.horizontalAdvance(u"000"_s));
    widthFor(ConnectionsModel::LastRttColumn, 110);
    widthFor(ConnectionsModel::EwmaRttColumn, fm.horizontalAdvance(u"0000 ms"_s));
    widthFor(ConnectionsModel::P95RttColumn, fm.horizontalAdvance(u"0000 ms"_s));
    widthFor(ConnectionsModel::RetryColumn, fm.horizontalAdvance(u"000"_s));
    widthFor(ConnectionsModel::TotalRetriesColumn, fm.horizontalAdvance(u"0000"_s));
    widthFor(ConnectionsModel::CircuitColumn,
             fm.horizontalAdvance(ConnectionsModel::tr("closed %1/%2").arg(10).arg(10)));
    widthFor(ConnectionsModel::NextRetryColumn,
             fm.horizontalAdvance(ConnectionsModel::tr("in %1").arg(Freshness::duration(299000))));
    widthFor(ConnectionsModel::LastErrorColumn,
             fm.horizontalAdvance(u"connection refused (1006)"_s));
    widthFor(ConnectionsModel::UptimeColumn,
             fm.horizontalAdvance(ConnectionsModel::tr("%L1 %").arg(100.0, 0, 'f', 1)));
    widthFor(ConnectionsModel::MessagesColumn, fm.horizontalAdvance(u"0000000"_s));
    // The error text is the one column worth all spare width: last, stretched.
    header->moveSection(header->visualIndex(ConnectionsModel::LastErrorColumn),
                        ConnectionsModel::ColumnCount - 1);
    // At 1366x768 every column does not fit; these are in the detail pane anyway, and the
    // header's context menu brings them back.
    for (const int column :
         {int(ConnectionsModel::P95RttColumn), int(ConnectionsModel::TotalRetriesColumn),
          int(ConnectionsModel::MessagesColumn), int(ConnectionsModel::ProtocolErrorsColumn)})
        header->hideSection(column);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &ConnectionsPanel::showColumnMenu);
}

// The selected feed in detail: figures, texts, buttons.
QFrame *ConnectionsPanel::buildDetail()
{
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (m_table->font().pointSizeF() > 0)
        fixed.setPointSizeF(m_table->font().pointSizeF());
    auto *detail = new QFrame(this);
    detail->setObjectName(u"detail"_s);
    detail->setFrameShape(QFrame::StyledPanel);
    m_title = new QLabel(this);
    m_title->setObjectName(u"detailTitle"_s);
    QFont titleFont = fixed;
    titleFont.setBold(true);
    titleFont.setPointSizeF(fixed.pointSizeF() + 1);
    m_title->setFont(titleFont);
    m_badge = new QLabel(this);
    m_badge->setObjectName(u"qualityBadge"_s);
    m_state = new QLabel(this);
    m_state->setObjectName(u"stateValue"_s);
    m_state->setTextFormat(Qt::RichText);
    auto *head = new QHBoxLayout;
    head->addWidget(m_title);
    head->addWidget(m_badge);
    head->addWidget(m_state);
    head->addStretch(1);

    const Qt::Alignment num = Qt::AlignRight;
    const Qt::Alignment text = Qt::AlignLeft;
    m_lastRtt = valueLabel(this, u"lastRttValue"_s, num);
    m_avgRtt = valueLabel(this, u"avgRttValue"_s, num);
    m_p95Rtt = valueLabel(this, u"p95RttValue"_s, num);
    m_p99Rtt = valueLabel(this, u"p99RttValue"_s, num);
    m_retry = valueLabel(this, u"retryValue"_s, num);
    m_totalRetries = valueLabel(this, u"totalRetriesValue"_s, num);
    m_uptime = valueLabel(this, u"uptimeValue"_s, num);
    m_messages = valueLabel(this, u"messagesValue"_s, num);
    m_protocolErrors = valueLabel(this, u"protocolErrorsValue"_s, num);
    m_unchanged = valueLabel(this, u"unchangedValue"_s, num);
    m_unmatchedPongs = valueLabel(this, u"unmatchedPongsValue"_s, num);
    m_unmatchedPongs->setToolTip(
        tr("Pongs that answered none of our pings (unsolicited, or echoing another clock): "
           "counted, never used as a measurement"));
    m_rejectedRtt = valueLabel(this, u"rejectedRttValue"_s, num);
    m_rejectedRtt->setToolTip(tr("Answers whose round trip was outside any plausible range "
                                 "(negative, or longer than the heartbeat timeout): not averaged"));
    m_nextRetry = valueLabel(this, u"nextRetryValue"_s, text);
    m_nextRetry->setWordWrap(true); // "server not accepting connections yet, reconnecting in 4 s"
    m_circuit = valueLabel(this, u"circuitValue"_s, text);
    m_lastError = valueLabel(this, u"lastErrorValue"_s, text);
    m_lastError->setWordWrap(true);
    m_testResult = valueLabel(this, u"testResult"_s, text);
    m_fallback = valueLabel(this, u"fallbackValue"_s, text);
    m_fallback->setWordWrap(true);
    m_commands = valueLabel(this, u"commandsValue"_s, text);
    m_data = valueLabel(this, u"dataValue"_s, text);
    m_health = valueLabel(this, u"healthValue"_s, text);
    m_health->setWordWrap(true);
    m_score = valueLabel(this, u"scoreValue"_s, text);
    m_score->setWordWrap(true);
    m_closeCodes = valueLabel(this, u"closeCodesValue"_s, text);
    m_closeCodes->setWordWrap(true);
    m_timeline = valueLabel(this, u"timelineValue"_s, text);
    m_timeline->setWordWrap(true);
    m_timeline->setTextFormat(Qt::PlainText);
    m_timeline->setFont(fixed);
    m_data->setWordWrap(true);
    m_testResult->setWordWrap(true);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnMinimumWidth(2, 16);
    auto pair = [&](int row, int col, const QString &name, QLabel *value, int span = 1) {
        QLabel *n = nameLabel(this, name);
        n->setBuddy(value);
        grid->addWidget(n, row, col, Qt::AlignTop); // level with the first line of wrapped text
        grid->addWidget(value, row, col + 1, 1, span);
    };
    pair(0, 0, tr("Last RTT"), m_lastRtt);
    pair(0, 2, tr("Retry"), m_retry);
    pair(1, 0, tr("Average RTT"), m_avgRtt);
    pair(1, 2, tr("Total retries"), m_totalRetries);
    pair(2, 0, tr("p95 RTT"), m_p95Rtt);
    pair(2, 2, tr("Uptime"), m_uptime);
    pair(3, 0, tr("p99 RTT"), m_p99Rtt);
    pair(3, 2, tr("Messages"), m_messages);
    pair(4, 0, tr("Protocol errors"), m_protocolErrors);
    pair(4, 2, tr("Unchanged snapshots"), m_unchanged);
    pair(5, 0, tr("Unmatched pongs"), m_unmatchedPongs);
    pair(5, 2, tr("Rejected RTTs"), m_rejectedRtt);
    pair(6, 0, tr("Health"), m_health, 3);
    pair(7, 0, tr("Score"), m_score, 3);
    pair(8, 0, tr("Next retry"), m_nextRetry, 3);
    pair(9, 0, tr("Circuit"), m_circuit, 3);
    pair(10, 0, tr("Last error"), m_lastError, 3);
    pair(11, 0, tr("HTTP fallback"), m_fallback, 3);
    pair(12, 0, tr("Commands"), m_commands, 3);
    pair(13, 0, tr("Data"), m_data, 3);
    pair(14, 0, tr("Test"), m_testResult, 3);
    pair(15, 0, tr("Close codes"), m_closeCodes, 3);
    pair(16, 0, tr("Timeline"), m_timeline, 3);

    m_reconnect = new QPushButton(tr("&Reconnect"), this);
    m_reconnect->setObjectName(u"reconnectButton"_s);
    m_reconnect->setToolTip(tr("Drop the link and connect now; resets backoff and the circuit"));
    m_test = new QPushButton(tr("Test co&nnection"), this);
    m_test->setObjectName(u"testButton"_s);
    m_test->setToolTip(
        tr("Open a separate connection, measure handshake and ping; the live link is untouched"));
    m_stopStart = new QPushButton(tr("S&top"), this);
    m_stopStart->setObjectName(u"stopStartButton"_s);
    // Offered only while a feed is stopped by a refused certificate.
    m_trust = new QPushButton(tr("Tr&ust this certificate…"), this);
    m_trust->setObjectName(u"trustButton"_s);
    m_trust->setToolTip(tr("Show the refused certificate and, once you confirm, accept exactly "
                           "that certificate on this host and port"));
    m_trust->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reconnect);
    buttons->addWidget(m_test);
    buttons->addWidget(m_stopStart);
    buttons->addWidget(m_trust);
    buttons->addStretch(1);

    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(8, 6, 8, 6);
    detailLayout->setSpacing(6);
    detailLayout->addLayout(head);
    detailLayout->addLayout(grid);
    detailLayout->addLayout(buttons);
    detailLayout->addStretch(1);
    for (QLabel *label : {m_title, m_badge, m_state})
        label->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    detail->setMinimumWidth(420);

    return detail;
}

// Table above; detail beside the chart below.
QSplitter *ConnectionsPanel::buildSplitters(QFrame *detail)
{
    m_bottom = new QSplitter(Qt::Horizontal, this);
    m_bottom->setObjectName(u"detailChartSplitter"_s);
    // The timeline makes the detail tall: it scrolls rather than push the chart away.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"detailScroll"_s);
    scroll->setWidget(detail);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(detail->minimumWidth() + 20);
    m_bottom->addWidget(scroll);
    m_bottom->addWidget(m_chart);
    m_bottom->setStretchFactor(0, 0);
    m_bottom->setStretchFactor(1, 1);
    m_bottom->setChildrenCollapsible(false);
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->setObjectName(u"tableSplitter"_s);
    m_split->addWidget(m_table);
    m_split->addWidget(m_bottom);
    m_split->setStretchFactor(0, 0);
    m_split->setStretchFactor(1, 1);
    m_split->setChildrenCollapsible(false);
    // Room for the usual eight feeds without scrolling; the chart takes the rest.
    const int tableHeight = m_table->horizontalHeader()->sizeHint().height()
        + 9 * m_table->verticalHeader()->defaultSectionSize() + 4;
    m_split->setSizes({tableHeight, 400});

    return m_split;
}

void ConnectionsPanel::wire()
{
    connect(m_reconnectAll, &QPushButton::clicked, m_hub, &FeedHub::reconnectAll);
    connect(m_reconnect, &QPushButton::clicked, this, [this] {
        if (!m_selected.isEmpty())
            m_hub->reconnect(m_selected);
    });
    connect(m_test, &QPushButton::clicked, this, [this] {
        if (m_selected.isEmpty())
            return;
        m_testing.insert(m_selected);
        m_testResults.insert(m_selected, tr("Testing…"));
        updateDetail();
        m_hub->testConnection(m_selected);
    });
    connect(m_trust, &QPushButton::clicked, this, [this] {
        const FeedStats s = m_hub->stats(m_selected);
        if (!m_selected.isEmpty() && !s.tlsError.isEmpty())
            emit trustCertificateRequested(m_selected, s.tlsError);
    });
    connect(m_stopStart, &QPushButton::clicked, this, [this] {
        if (m_selected.isEmpty())
            return;
        if (m_hub->stats(m_selected).state == Feed::State::Stopped)
            m_hub->startFeed(m_selected);
        else
            m_hub->stopFeed(m_selected);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConnectionsPanel::onCurrentRowChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_selected.isEmpty() && m_proxy->rowCount() > 0)
            m_table->selectRow(0);
    });
    connect(m_hub, &FeedHub::statsChanged, this, &ConnectionsPanel::onStats);
    connect(m_hub, &FeedHub::overallChanged, this, &ConnectionsPanel::updateSummary);
    connect(m_hub, &FeedHub::testFinished, this, &ConnectionsPanel::onTestFinished);
    connect(m_hub, &FeedHub::pendingCommandsChanged, this, [this](const QString &feedId) {
        if (feedId == m_selected)
            updateDetail();
    });

    m_tickTimer->setSingleShot(true);
    connect(m_tickTimer, &QTimer::timeout, this, &ConnectionsPanel::onTick);
}

void ConnectionsPanel::showColumnMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    QMenu menu(this);
    for (int column = 0; column < ConnectionsModel::ColumnCount; ++column) {
        if (column == ConnectionsModel::FeedColumn)
            continue; // a row needs its name
        QAction *action = menu.addAction(m_proxy->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, header,
                [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
    menu.exec(header->mapToGlobal(pos));
}

namespace {
// Bumped when the layout's contents change; an older layout is then ignored, not misread.
constexpr quint32 kLayoutVersion = 1;
} // namespace

QByteArray ConnectionsPanel::saveLayout() const
{
    QByteArray out;
    QDataStream stream(&out, QIODevice::WriteOnly);
    stream << kLayoutVersion << quint32(ConnectionsModel::ColumnCount)
           << m_table->horizontalHeader()->saveState() << m_split->saveState()
           << m_bottom->saveState() << qint32(m_chart->windowMinutes());
    return out;
}

bool ConnectionsPanel::restoreLayout(const QByteArray &layout)
{
    QDataStream stream(layout);
    quint32 version = 0;
    quint32 columns = 0;
    QByteArray header;
    QByteArray split;
    QByteArray bottom;
    qint32 windowMinutes = 0;
    stream >> version >> columns >> header >> split >> bottom >> windowMinutes;
    // A layout from a build with other columns would put headers over the wrong data.
    if (stream.status() != QDataStream::Ok || version != kLayoutVersion
        || columns != quint32(ConnectionsModel::ColumnCount))
        return false;
    m_table->horizontalHeader()->restoreState(header);
    m_split->restoreState(split);
    m_bottom->restoreState(bottom);
    m_chart->setWindowMinutes(windowMinutes);
    return true;
}

void ConnectionsPanel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : SystemClock::instance();
    m_sparkline->setClock(m_clock);
    m_chart->setClock(m_clock);
    updateDetail();
    scheduleTick();
}

void ConnectionsPanel::selectFeed(const QString &feedId)
{
    const int sourceRow = m_hub->connections()->rowOf(feedId);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_hub->connections()->index(sourceRow, 0));
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
}

void ConnectionsPanel::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    m_selected =
        current.isValid() ? current.data(ConnectionsModel::FeedIdRole).toString() : QString();
    m_chart->setFeed(m_selected);
    updateDetail();
    scheduleTick();
}

void ConnectionsPanel::onStats(const FeedStats &stats)
{
    if (stats.feedId != m_selected)
        return;
    updateDetail();
    scheduleTick();
}

void ConnectionsPanel::onTestFinished(const TestResult &result)
{
    m_testing.remove(result.feedId);
    const QString at = QDateTime::fromMSecsSinceEpoch(m_clock->wallMs()).toString(u"HH:mm:ss"_s);
    QString text;
    if (result.ok) {
        text = tr("%1: ok — %2 (connect %3)")
                   .arg(at, ConnectionsModel::rttText(result.rttMs),
                        ConnectionsModel::rttText(result.connectMs));
    } else if (result.httpStatus > 0) {
        text = tr("%1: failed — %2 (HTTP %3)").arg(at, result.error).arg(result.httpStatus);
    } else {
        text = tr("%1: failed — %2").arg(at, result.error);
    }
    m_testResults.insert(result.feedId, text);
    if (result.feedId == m_selected)
        updateDetail();
}

void ConnectionsPanel::onTick()
{
    m_hub->connections()->tick();
    // Sparklines scroll with time, samples or not: a silent feed's line must run out. Only their
    // column is drawn again; the countdowns' cells follow the model's tick.
    const int sparklines = ConnectionsModel::LastRttColumn;
    m_table->viewport()->update(QRect(m_table->columnViewportPosition(sparklines), 0,
                                      m_table->columnWidth(sparklines),
                                      m_table->viewport()->height()));
    updateDetail();
    updateSummary(); // a restart incident's "down for N s" counts up
    scheduleTick();
}

void ConnectionsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_offScreen)
        return;
    m_offScreen = false;
    onTick(); // what the ticks would have said meanwhile; schedules the next
}

void ConnectionsPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_offScreen = true;
    m_tickTimer->stop();
}

void ConnectionsPanel::scheduleTick()
{
    if (m_offScreen)
        return;
    // Countdowns show whole seconds rounded up, so the selected feed's number changes exactly
    // when (deadline - now) crosses a second: wake just after that, not on an unrelated beat.
    int delay = 1000;
    if (!m_selected.isEmpty()) {
        const FeedStats s = m_hub->stats(m_selected);
        const qint64 deadline = s.state == Feed::State::CircuitOpen ? s.halfOpenAtWallMs
            : s.state == Feed::State::ReconnectWait                 ? s.nextRetryWallMs
                                                                    : 0;
        const qint64 left = deadline - m_clock->wallMs();
        if (deadline > 0 && left > 0)
            delay = int(left % 1000) + 10;
    }
    m_tickTimer->start(delay);
}

void ConnectionsPanel::setValue(QLabel *label, const QString &text)
{
    if (label->text() != text)
        label->setText(text);
}

QString ConnectionsPanel::nextRetryText(const FeedStats &s, qint64 now) const
{
    switch (s.state) {
    case Feed::State::ReconnectWait: {
        const QString when = s.nextRetryWallMs <= 0 ? tr("reconnecting")
            : s.nextRetryWallMs > now
            ? tr("reconnecting in %1").arg(Freshness::duration(s.nextRetryWallMs - now))
            : tr("reconnecting now…");
        const QString why = Freshness::waitText(s.wait);
        return why.isEmpty() ? when : tr("%1, %2").arg(why, when);
    }
    case Feed::State::CircuitOpen:
        return tr("circuit open, next try in %1")
            .arg(Freshness::duration(s.halfOpenAtWallMs - now));
    case Feed::State::Connecting:
        return tr("connecting…");
    case Feed::State::Connected:
        return tr("— (connected)");
    case Feed::State::Offline:
        return tr("waiting for the network");
    case Feed::State::Stopped:
        switch (s.stopReason) {
        case Reconnect::StopReason::Auth:
            return tr("stopped: not authorized (reconnect by hand)");
        case Reconnect::StopReason::Refused:
            return tr("stopped: refused (see Last error; fix the path or the token, then "
                      "reconnect)");
        case Reconnect::StopReason::Tls:
            return tr("stopped: certificate not trusted (see Last error)");
        case Reconnect::StopReason::Config:
        case Reconnect::StopReason::None:
        case Reconnect::StopReason::Manual:
            return Freshness::stopText(s.stopReason);
        }
        return tr("stopped");
    case Feed::State::Idle:
        return tr("not started");
    }
    return {};
}

QString ConnectionsPanel::circuitText(const FeedStats &s, qint64 now) const
{
    switch (s.circuit) {
    case Circuit::State::Closed:
        return tr("closed · %1/%2 failures").arg(s.circuitFailures).arg(s.circuitThreshold);
    case Circuit::State::HalfOpen:
        return tr("half-open · probing");
    case Circuit::State::Open:
        return tr("open · %1/%2 failures · half-open in %3")
            .arg(s.circuitFailures)
            .arg(s.circuitThreshold)
            .arg(Freshness::duration(s.halfOpenAtWallMs - now));
    }
    return {};
}

void ConnectionsPanel::updateDetail()
{
    const bool has = !m_selected.isEmpty();
    m_reconnect->setEnabled(has);
    m_test->setEnabled(has && !m_testing.contains(m_selected));
    m_stopStart->setEnabled(has);
    m_trust->setVisible(has && !m_hub->stats(m_selected).tlsError.isEmpty());
    if (!has) {
        m_title->setText(tr("No feed selected"));
        m_badge->hide();
        return;
    }
    const FeedStats s = m_hub->stats(m_selected);
    const qint64 now = m_clock->wallMs();
    const QLocale locale;
    setValue(m_title, m_selected);
    m_badge->show();
    setValue(m_badge, ConnectionsModel::qualityText(s.quality));
    const QString sheet = HealthPalette::badgeStyleSheet(s.quality);
    if (m_badge->styleSheet() != sheet)
        m_badge->setStyleSheet(sheet);
    setValue(
        m_state,
        u"<span style=\"color:%1\">●</span> %2"_s.arg(
            HealthPalette::state(s.state).name(), ConnectionsModel::stateText(s).toHtmlEscaped()));
    setValue(m_lastRtt, ConnectionsModel::rttText(s.lastRttMs));
    setValue(m_avgRtt, ConnectionsModel::rttText(s.ewmaRttMs));
    setValue(m_p95Rtt, ConnectionsModel::rttText(s.p95RttMs));
    setValue(m_p99Rtt, ConnectionsModel::rttText(s.p99RttMs));
    setValue(m_retry, locale.toString(s.attempt));
    setValue(m_totalRetries, locale.toString(s.totalRetries));
    setValue(m_uptime, ConnectionsModel::tr("%L1 %").arg(s.uptimePercent, 0, 'f', 1));
    setValue(m_messages, locale.toString(s.messages));
    setValue(m_protocolErrors, locale.toString(s.protocolErrors));
    setValue(m_unchanged, locale.toString(s.unchangedSnapshots));
    setValue(m_unmatchedPongs, locale.toString(s.unmatchedPongs));
    setValue(m_rejectedRtt, locale.toString(s.rejectedRttSamples));
    setValue(m_nextRetry, nextRetryText(s, now));
    setValue(m_circuit, circuitText(s, now));
    setValue(m_lastError,
             s.lastError.isEmpty() ? u"—"_s
                 : s.lastCloseCode ? tr("%1 (close code %2)").arg(s.lastError).arg(s.lastCloseCode)
                                   : s.lastError);
    setValue(m_testResult, m_testResults.value(m_selected, u"—"_s));
    const QString fallback = ConnectionsModel::fallbackText(s);
    setValue(m_fallback,
             fallback.isEmpty() ? tr("off (the WebSocket delivers, or no snapshot URL)")
                                : fallback);
    const int pending = m_hub->connections()->pendingCommands(m_selected);
    setValue(m_commands,
             pending > 0 ? tr("%1 waiting to be delivered").arg(pending) : tr("none waiting"));
    setValue(m_data, dataText(s));
    setValue(m_health, healthText(s, now));
    setValue(m_score, scoreText(s));
    setValue(m_closeCodes, closeCodesText(s));
    setValue(m_timeline, timelineText(m_selected));

    const bool stopped = s.state == Feed::State::Stopped;
    const QString stopStart = stopped ? tr("S&tart") : tr("S&top");
    if (m_stopStart->text() != stopStart)
        m_stopStart->setText(stopStart);
    m_stopStart->setAccessibleName(stopped ? tr("Start feed %1").arg(m_selected)
                                           : tr("Stop feed %1").arg(m_selected));
    m_stopStart->setToolTip(stopped ? tr("Start this feed again")
                                    : tr("Close this feed's link and stop retrying"));
    m_reconnect->setAccessibleName(tr("Reconnect feed %1").arg(m_selected));
    m_test->setAccessibleName(tr("Test connection of feed %1").arg(m_selected));
}

QString ConnectionsPanel::healthText(const FeedStats &s, qint64 now) const
{
    QString text = ConnectionsModel::healthText(s.health);
    if (s.health != Health::Level::Healthy)
        text = tr("%1: %2").arg(text, ConnectionsModel::healthReasonText(s.healthReason));
    const QString action = ConnectionsModel::healthActionText(s.healthAction);
    if (!action.isEmpty())
        text = tr("%1 (%2)").arg(text, action);
    if (s.healthSinceWallMs > 0)
        text = tr("%1 · for %2")
                   .arg(text, Freshness::duration(std::max<qint64>(0, now - s.healthSinceWallMs)));
    return text;
}

QString ConnectionsPanel::scoreText(const FeedStats &s) const
{
    if (s.qualityScore < 0)
        return u"—"_s;
    return tr("%1 of 100 (trend over a minute: %2%3)")
        .arg(s.qualityScore)
        .arg(s.qualityTrend > 0 ? u"+"_s : QString())
        .arg(s.qualityTrend);
}

QString ConnectionsPanel::closeCodesText(const FeedStats &s) const
{
    // Since the feed started, most frequent first: the diagnosis a flapping link needs.
    QList<std::pair<int, qint64>> codes;
    for (auto it = s.disconnectsByCode.cbegin(); it != s.disconnectsByCode.cend(); ++it)
        codes << std::pair {it.key(), it.value()};
    if (codes.isEmpty())
        return tr("none since the start");
    std::stable_sort(codes.begin(), codes.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    QStringList parts;
    for (const auto &[code, count] : std::as_const(codes))
        parts << tr("%1 × %2").arg(code).arg(QLocale().toString(count));
    return parts.join(u" · "_s);
}

QString ConnectionsPanel::timelineText(const QString &feedId) const
{
    const QList<FeedEvent> events = m_hub->timeline(feedId);
    if (events.isEmpty())
        return tr("no link events yet");
    QStringList lines;
    // Newest first: what just happened is on top.
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        lines << tr("%1  %2: %3")
                     .arg(QDateTime::fromMSecsSinceEpoch(it->wallMs).toString(u"HH:mm:ss.zzz"_s),
                          EventText::kindText(it->event), EventText::details(*it));
    }
    return lines.join(u'\n');
}

QString ConnectionsPanel::dataText(const FeedStats &s) const
{
    // What the catalog made of the data, and the broadcast snapshots this socket carried.
    QStringList parts;
    parts << (s.rows < 0 ? tr("no snapshot yet") : tr("%n row(s) in the table", nullptr, s.rows));
    if (!s.dataError.isEmpty())
        parts << tr("not as the profile describes: %1").arg(s.dataError);
    if (const FeedTableModel *table = m_hub->tableModel(s.feedId);
        table && !table->rowWarningText().isEmpty())
        parts << table->rowWarningText();
    parts << tr("routed: %1 applied here from other sockets, %2 handed to other feeds")
                 .arg(QLocale().toString(s.routedIn), QLocale().toString(s.routedOut));
    parts << tr("ignored (no configured feed): %1").arg(QLocale().toString(s.ignored));
    return parts.join(u"\n"_s);
}

void ConnectionsPanel::updateSummary()
{
    const int total = int(m_hub->feedIds().size());
    QString text = tr("%1 of %n feed(s) live · worst quality: %2", nullptr, total)
                       .arg(m_hub->liveCount())
                       .arg(ConnectionsModel::qualityText(m_hub->worstQuality()));
    // A restart incident, once per backend, in front: what the operator watches in a deploy.
    QStringList seen;
    for (const QString &id : m_hub->feedIds()) {
        const FeedStats &s = m_hub->stats(id);
        if (s.restartSinceWallMs <= 0 || seen.contains(s.backend))
            continue;
        seen << s.backend;
        const QString incident = Freshness::restartText(s, m_clock->wallMs());
        text = tr("%1 · %2").arg(
            m_hub->config().backends.size() > 1 ? tr("%1: %2").arg(s.backend, incident) : incident,
            text);
    }
    if (m_summary->text() != text)
        m_summary->setText(text);
}
