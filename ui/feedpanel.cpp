#include "feedpanel.h"

#include "catalog/jsonpath.h"
#include "catalog/profiletext.h"
#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "feedfigures.h"
#include "models/commandsmodel.h"
#include "models/feedfilterproxymodel.h"
#include "models/feedtablemodel.h"
#include "models/freshness.h"
#include "statusdelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QShortcut>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxInitialColumnWidth = 320;
// The stretched column (the queue's Title) is never squeezed below this by the other columns.
constexpr int kMinStretchWidth = 160;
constexpr qreal kVeilAlpha = 0.62;

// Lies over the data area and washes it out while the feed is not live. A sibling on top rather
// than a QGraphicsOpacityEffect: effects on scroll areas leave stale header fragments behind.
class Veil final : public QWidget
{
public:
    using QWidget::QWidget;
    void setOn(bool on)
    {
        if (on != m_on) {
            m_on = on;
            update();
        }
    }
    bool isOn() const { return m_on; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        if (!m_on)
            return;
        QPainter p(this);
        QColor wash = palette().color(QPalette::Window);
        wash.setAlphaF(kVeilAlpha);
        p.fillRect(rect(), wash);
    }

private:
    bool m_on = false;
};

// A banner in the tone, on the system's light or dark palette.
QString styleForTone(StatusStyle::Tone tone, const QPalette &palette)
{
    const QColor bg = StatusStyle::tint(tone, palette);
    QPalette over = palette;
    over.setColor(QPalette::Window, bg);
    const QColor fg = StatusStyle::textColor(tone, over);
    const QColor border = StatusStyle::color(tone).lighter(150);
    return u"QLabel { color: %1; background: %2; border: 1px solid %3; border-radius: 4px;"
           " padding: 6px 10px; }"_s.arg(fg.name(), bg.name(), border.name());
}
} // namespace

FeedPanel::FeedPanel(FeedHub *hub, const QString &feedId, const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_feedId(feedId)
    , m_title(title)
    , m_clock(SystemClock::instance())
    , m_proxy(new FeedFilterProxyModel(this))
    , m_delegate(new StatusDelegate(this))
{
    setAccessibleName(tr("%1 panel").arg(title));
    m_definition = hub->definition(feedId);
    buildHeader();
    buildFilters();
    buildDataArea();
    wire();
    bindModel();
}

void FeedPanel::buildHeader()
{
    m_titleLabel = new QLabel(m_title, this);
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_titleLabel->setFont(titleFont);
    m_freshDot = new QLabel(this);
    m_freshness = new QLabel(this);
    m_freshness->setAccessibleName(tr("Freshness"));
    m_freshness->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long reason ("HTTP fallback failing: <url>: ...") wraps instead of widening the window
    // past the screen.
    m_freshness->setWordWrap(true);
    m_count = new QLabel(this);
    m_count->setAccessibleName(tr("Row count"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_pending = new QLabel(this);
    m_pending->setObjectName(u"pendingCommands"_s);
    m_pending->setAccessibleName(tr("Commands waiting"));
    m_pending->setTextFormat(Qt::RichText);
    m_pending->setToolTip(
        tr("Operator commands journaled and waiting to be delivered on this feed"));
    m_pending->hide();
    // Feeds opened from a row (a workflow's state) close with their page.
    m_close = new QToolButton(this);
    m_close->setObjectName(u"closeFeedButton"_s);
    m_close->setText(tr("Close"));
    m_close->setToolTip(tr("Close this page and its feed"));
    m_close->hide();
}

void FeedPanel::buildFilters()
{
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter rows…"));
    m_filter->setClearButtonEnabled(true);
    // Qt's clear button has no name of its own; a screen reader would say only "button".
    for (QToolButton *clear : m_filter->findChildren<QToolButton *>())
        clear->setAccessibleName(tr("Clear the filter"));
    m_filter->setAccessibleName(tr("Filter %1").arg(m_title));
    m_filter->setMaximumWidth(360);
    m_statusCombo = new QComboBox(this);
    m_statusCombo->setAccessibleName(tr("Status filter"));
    m_statusCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
}

void FeedPanel::buildDataArea()
{
    // Data area: banners, counters, header widgets and the table with its detail pane, washed
    // out as one by a veil stacked on top when the feed is not live; the veil also carries the
    // empty/stale message.
    m_dataArea = new QWidget(this);
    auto *dataLayout = new QVBoxLayout(m_dataArea);
    dataLayout->setContentsMargins(0, 0, 0, 0);
    dataLayout->setSpacing(10);
    m_banner = new QLabel(m_dataArea);
    m_banner->setAccessibleName(tr("Banner"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_problem = new QLabel(m_dataArea);
    m_problem->setObjectName(u"dataProblem"_s);
    m_problem->setAccessibleName(tr("Data problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    m_figures = new FeedFigures(m_dataArea);
    m_headerLayout = new QVBoxLayout;
    m_headerLayout->setContentsMargins(0, 0, 0, 0);
    m_view = new QTableView(m_dataArea);
    m_view->setAccessibleName(tr("%1 table").arg(m_title));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(m_delegate);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->viewport()->installEventFilter(this);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // arrival order
    m_view->setSortingEnabled(true);
    m_detail = new QTextBrowser(m_dataArea);
    m_detail->setObjectName(u"rowDetail"_s);
    m_detail->setAccessibleName(tr("Row detail"));
    m_detail->setOpenExternalLinks(true);
    m_detail->setFrameShape(QFrame::StyledPanel);
    m_detail->hide();
    m_splitter = new QSplitter(Qt::Vertical, m_dataArea);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    dataLayout->addWidget(m_banner);
    dataLayout->addWidget(m_problem);
    dataLayout->addWidget(m_figures);
    dataLayout->addLayout(m_headerLayout);
    dataLayout->addWidget(m_splitter, 1);
    auto *overlayLayer = new Veil(this);
    m_veil = overlayLayer;
    overlayLayer->setAttribute(Qt::WA_TransparentForMouseEvents);
    auto *overlayLayout = new QVBoxLayout(overlayLayer);
    m_overlay = new QLabel(overlayLayer);
    m_overlay->setAccessibleName(tr("Panel state"));
    m_overlay->setAlignment(Qt::AlignCenter);
    // Long messages (a refusal with the server's reason) wrap; centred by stretches rather than
    // an alignment flag, which would lose the wrapped label's height for its width.
    m_overlay->setWordWrap(true);
    m_overlay->setMaximumWidth(640);
    m_overlay->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(m_overlay);
    centred->addStretch(1);
    overlayLayout->addStretch(1);
    overlayLayout->addLayout(centred);
    overlayLayout->addStretch(2);

    auto *stack = new QStackedLayout;
    stack->setStackingMode(QStackedLayout::StackAll);
    stack->addWidget(m_dataArea);
    stack->addWidget(overlayLayer);
    stack->setCurrentWidget(overlayLayer);

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_titleLabel);
    header->addSpacing(12);
    header->addWidget(m_freshDot);
    header->addWidget(m_freshness, 1);
    header->addWidget(m_pending);
    header->addSpacing(12);
    header->addWidget(m_count);
    header->addWidget(m_close);
    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_statusCombo);
    filters->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(12);
    m_actionLayout = new QVBoxLayout;
    m_actionLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addLayout(m_actionLayout);
    layout->addLayout(filters);
    layout->addLayout(stack, 1);
}

void FeedPanel::wire()
{
    auto *focusFilter =
        new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    focusFilter->setWhatsThis(tr("Filter the page's table"));
    connect(focusFilter, &QShortcut::activated, m_filter,
            [this] { m_filter->setFocus(Qt::ShortcutFocusReason); });
    connect(m_pending, &QLabel::linkActivated, this, &FeedPanel::commandsRequested);
    connect(m_close, &QToolButton::clicked, this, [this] { m_hub->closeFeed(m_feedId); });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        refreshCount();
        refreshOverlay();
    });
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, &FeedPanel::applyStatusFilter);
    connect(m_view, &QWidget::customContextMenuRequested, this, &FeedPanel::showRowMenu);
    connect(m_view, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { openRowFeed(index.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FeedPanel::refreshDetail);
    connect(m_hub, &FeedHub::statsChanged, this, &FeedPanel::onStats);
    connect(m_hub, &FeedHub::pendingCommandsChanged, this, [this](const QString &id) {
        if (id == m_feedId)
            refreshPending();
    });
    connect(m_hub, &FeedHub::feedDataChanged, this, [this](const QString &id) {
        if (id != m_feedId)
            return;
        m_hasData = true;
        if (!m_model) // feeds added at run time get their table with the first snapshot
            bindModel();
        refresh();
    });
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        refreshFreshness();
        if (m_hasElapsedColumns && m_live)
            m_view->viewport()->update(); // "running for 12m 05s" keeps counting
    });
}

void FeedPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_offScreen = false;
    if (m_tick->isActive())
        return;
    refreshFreshness(); // what the tick would have said while the page was not shown
    m_tick->start();
}

void FeedPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_tick->stop();
    m_offScreen = true;
}

void FeedPanel::setDefinition(const FeedDefinition &definition)
{
    m_definition = definition;
    m_hasElapsedColumns =
        std::any_of(definition.schema.columns.begin(), definition.schema.columns.end(),
                    [](const FeedColumn &c) { return !c.elapsedFrom.isEmpty(); });
    m_figures->setCard(definition.widget.kind == FeedDefinition::Widget::Kind::StatusCard);
    m_columnsSized = false;
    refreshClose();
    refresh();
}

void FeedPanel::setFeedId(const QString &feedId)
{
    if (feedId == m_feedId)
        return;
    m_feedId = feedId;
    // Another backend may describe this feed with another profile.
    setDefinition(m_hub->definition(feedId));
    bindModel();
}

void FeedPanel::addHeaderWidget(QWidget *widget)
{
    widget->setParent(m_dataArea);
    m_headerLayout->addWidget(widget);
}

void FeedPanel::addActionBar(QWidget *widget)
{
    widget->setParent(this);
    m_actionLayout->addWidget(widget);
}

void FeedPanel::addRowActions(const QList<QAction *> &actions)
{
    m_rowActions.append(actions);
}

QString FeedPanel::backend() const
{
    return m_hub->stats(m_feedId).backend;
}

void FeedPanel::refreshPending()
{
    const int pending = m_hub->commands()->pendingCount(m_feedId);
    m_pending->setVisible(pending > 0);
    if (pending > 0) {
        m_pending->setText(
            u"<a href=\"commands\" style=\"color:%1; text-decoration:none\">%2</a>"_s.arg(
                StatusStyle::textColor(StatusStyle::Tone::Warning, palette()).name(),
                (u"⧗ "_s + pendingText()).toHtmlEscaped()));
    }
}

QString FeedPanel::pendingText() const
{
    const int pending = m_hub->commands()->pendingCount(m_feedId);
    if (pending <= 0)
        return {};
    // The status bar's words, so one plural form per language serves both.
    return QCoreApplication::translate("MainWindow", "%n command(s) waiting", nullptr, pending);
}

void FeedPanel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : SystemClock::instance();
    refreshFreshness();
}

void FeedPanel::applyColumnStyles()
{
    if (!m_model)
        return;
    m_delegate->setStatusColumn(m_model->statusColumn());
    QSet<int> mono;
    QSet<int> percent;
    const QList<FeedColumn> columns = m_model->columns();
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).kind == FeedColumn::Kind::Id)
            mono.insert(i);
        if (columns.at(i).kind == FeedColumn::Kind::Percent)
            percent.insert(i);
    }
    m_delegate->setMonospaceColumns(mono);
    m_delegate->setPercentColumns(percent);
}

void FeedPanel::bindModel()
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = m_hub->tableModel(m_feedId);
    m_proxy->setSourceModel(m_model);
    m_columnsSized = false;
    m_hasData = m_hub->stats(m_feedId).snapshots > 0
        || (m_model && (m_model->rowCount() > 0 || !m_model->meta().isEmpty()));
    if (m_model) {
        applyColumnStyles();
        auto changed = [this] {
            refresh();
        };
        connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
            m_columnsSized = false;
            applyColumnStyles();
            refresh();
        });
        connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
            refreshStatusFilter();
            refreshDetail();
        });
        connect(m_model, &FeedTableModel::metaChanged, this, [this] {
            refreshBanner();
            refreshFigures();
        });
        connect(m_model, &FeedTableModel::problemChanged, this, [this] {
            refreshProblem();
            refreshBanner();
        });
        connect(m_model, &FeedTableModel::emptyColumnsChanged, this,
                &FeedPanel::refreshHiddenColumns);
    }
    refreshStatusFilter();
    refresh();
    refreshPending();
    emit modelChanged(m_model);
}

void FeedPanel::refresh()
{
    refreshFreshness();
    refreshBanner();
    refreshProblem();
    refreshFigures();
    refreshStatusFilter();
    refreshCount();
    refreshHiddenColumns();
    sizeColumnsOnce();
    refreshDetail();
    refreshClose();
}

void FeedPanel::onStats(const FeedStats &stats)
{
    if (stats.feedId != m_feedId)
        return;
    if (stats.snapshots > 0)
        m_hasData = true;
    // Stats come every second per feed (health): a page taken off screen catches up when shown.
    if (!m_offScreen)
        refreshFreshness();
}

void FeedPanel::refreshFreshness()
{
    const FeedStats &stats = m_hub->stats(m_feedId);
    const Freshness freshness = Freshness::of(stats, m_clock->wallMs());
    const StatusStyle::Tone tone = StatusStyle::toneForStats(stats);
    m_live = freshness.live;
    // HTTP snapshots keep the table current (to the poll interval): not washed out as stale.
    m_degradedData = stats.fallback == Feed::Fallback::Delivering;
    if (m_freshness->text() != freshness.text)
        m_freshness->setText(freshness.text);
    m_freshDot->setPixmap(StatusStyle::dot(tone, 10).pixmap(10, 10));
    const QString style = u"QLabel { color: %1; font-weight: 600; }"_s.arg(
        StatusStyle::textColor(tone, palette()).name());
    if (m_freshness->styleSheet() != style)
        m_freshness->setStyleSheet(style);
    static_cast<Veil *>(m_veil)->setOn(!m_live && !m_degradedData && m_hasData);
    refreshOverlay();
}

void FeedPanel::refreshBanner()
{
    const FeedDefinition::Banner *banner = nullptr;
    QString text;
    if (m_model && m_hasData && m_model->shapeProblem().isNull()) {
        banner = m_definition.bannerFor(m_model->meta());
        if (banner)
            text = FeedDefinition::bannerText(*banner, m_model->meta());
    }
    m_banner->setVisible(!text.isEmpty());
    if (text.isEmpty())
        return;
    m_banner->setText(text);
    m_banner->setStyleSheet(styleForTone(StatusStyle::toneForName(banner->tone), palette()));
}

void FeedPanel::refreshProblem()
{
    QString text;
    StatusStyle::Tone tone = StatusStyle::Tone::Warning;
    if (m_model && m_hasData) {
        if (!m_model->shapeProblem().isNull()) {
            // The page shows what arrived, and says plainly that it is not what it expected.
            text = tr("The data is not what this page expects: %1. Showing what arrived.")
                       .arg(m_model->shapeProblem().text());
            tone = StatusStyle::Tone::Bad;
        } else if (!m_model->rowWarningText().isEmpty()) {
            text = tr("Some rows are not as expected: %1.").arg(m_model->rowWarningText());
        }
    }
    m_problem->setVisible(!text.isEmpty());
    if (text.isEmpty())
        return;
    m_problem->setText(text);
    m_problem->setStyleSheet(styleForTone(tone, palette()));
}

void FeedPanel::refreshFigures()
{
    if (!m_model || !m_hasData) {
        m_figures->setFigures({});
        m_figures->setVisible(false);
        return;
    }
    const QJsonObject meta = m_model->meta();
    if (m_figures->isCard()) {
        const QString status = FeedSchema::normalizedStatus(
            FeedColumn::rawText(JsonPath::at(meta, m_definition.widget.status)));
        m_figures->setStatus(status, m_definition.schema.statusTones.value(status));
    }
    m_figures->setFigures(m_definition.figures(meta));
}

void FeedPanel::refreshCount()
{
    const int total = m_model ? m_model->rowCount() : 0;
    const int shown = m_proxy->rowCount();
    auto noun = [this](int n) {
        return m_definition.countText(n);
    };
    const QString text = !m_hasData ? QString()
        : shown == total            ? noun(total)
                                    : tr("%1 of %2", "3 of 12 phases").arg(shown).arg(noun(total));
    m_count->setText(text);
    refreshOverlay();
}

void FeedPanel::refreshStatusFilter()
{
    const bool hasStatus = m_model && m_model->statusColumn() >= 0;
    m_statusCombo->setVisible(hasStatus);
    if (!hasStatus)
        return;
    QStringList statuses;
    QHash<QString, QString> tones;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const QString s = index.data(FeedTableModel::StatusRole).toString();
        if (!s.isEmpty() && !statuses.contains(s)) {
            statuses << s;
            tones.insert(s, index.data(FeedTableModel::ToneRole).toString());
        }
    }
    const QString current = m_statusCombo->currentData().toString();
    if (!current.isEmpty() && !statuses.contains(current))
        statuses << current; // keep the operator's choice even when no row has it right now
    std::sort(statuses.begin(), statuses.end());
    QStringList existing;
    for (int i = 1; i < m_statusCombo->count(); ++i)
        existing << m_statusCombo->itemData(i).toString();
    if (existing == statuses && m_statusCombo->count() > 0)
        return;
    const QSignalBlocker block(m_statusCombo);
    m_statusCombo->clear();
    m_statusCombo->addItem(tr("All statuses"), QString());
    for (const QString &s : std::as_const(statuses))
        m_statusCombo->addItem(StatusStyle::dot(StatusStyle::toneForStatus(s, tones.value(s))),
                               StatusStyle::statusLabel(s), s);
    m_statusCombo->setCurrentIndex(std::max(0, m_statusCombo->findData(current)));
}

void FeedPanel::applyStatusFilter()
{
    const QString status = m_statusCombo->currentData().toString();
    m_proxy->setStatusFilter(status.isEmpty() ? QSet<QString>() : QSet<QString> {status});
    refreshCount();
}

void FeedPanel::refreshOverlay()
{
    QString text;
    bool warn = false;
    const FeedStats &stats = m_hub->stats(m_feedId);
    if (!m_model) {
        text = tr("This feed is not configured.");
    } else if (!m_hasData) {
        // A feed that never delivered says why: a refused upgrade (HTTP 500) is the server's.
        const bool failing = stats.state == Feed::State::ReconnectWait
            || stats.state == Feed::State::CircuitOpen || stats.state == Feed::State::Stopped;
        if (failing && !stats.lastError.isEmpty()) {
            const bool refused = stats.lastCloseCode >= 400 && stats.lastCloseCode < 600;
            const bool stopped = stats.state == Feed::State::Stopped;
            text = refused && stopped
                ? tr("The server refuses this feed: %1. Not retried until you reconnect it.")
                      .arg(stats.lastError)
                : refused
                ? tr("The server refuses this feed: %1. Feedwatch keeps retrying with backoff.")
                      .arg(stats.lastError)
                : tr("No data yet: %1.").arg(stats.lastError);
            warn = true;
        } else {
            text = tr("Waiting for the first snapshot…");
        }
    } else if (!m_live && !m_degradedData) {
        text = tr("Not live — showing the last data received");
        warn = true;
    } else if (m_model->rowCount() == 0) {
        // Data in a state that carries no rows ({"status":"error"}): the banner says why.
        const FeedDefinition::Banner *banner =
            m_model->shapeProblem().isNull() ? m_definition.bannerFor(m_model->meta()) : nullptr;
        if (!banner || !banner->replacesRows)
            text = m_definition.emptyText().isEmpty() ? tr("No rows") : m_definition.emptyText();
    } else if (m_proxy->rowCount() == 0) {
        text = tr("No rows match the filter");
    }
    if (m_overlay->text() != text)
        m_overlay->setText(text);
    m_overlay->setVisible(!text.isEmpty());
    const QString style = warn
        ? styleForTone(StatusStyle::Tone::Warning, palette()) + u" QLabel { font-weight: 600; }"_s
        : u"QLabel { color: %1; padding: 6px; }"_s.arg(
            palette().color(QPalette::PlaceholderText).name());
    if (m_overlay->styleSheet() != style)
        m_overlay->setStyleSheet(style);
}

void FeedPanel::refreshHiddenColumns()
{
    // A column no row has a value in says nothing; the page leaves it out (a header over an
    // empty column reads as "the server sends this, it is just empty").
    const int columns = m_proxy->columnCount();
    bool changed = false;
    for (int c = 0; c < columns; ++c) {
        const bool hide = m_model && m_model->rowCount() > 0 && m_model->isColumnEmpty(c);
        if (m_view->isColumnHidden(c) == hide)
            continue;
        changed = true;
        m_view->setColumnHidden(c, hide);
        // A column that fills up later gets the width of its content, like the others had.
        QHeaderView *header = m_view->horizontalHeader();
        if (!hide && m_columnsSized && c != m_stretchColumn) {
            const bool arrows = header->isSortIndicatorShown();
            header->setSortIndicatorShown(false);
            m_view->resizeColumnToContents(c);
            header->resizeSection(c, std::min(header->sectionSize(c) + 8, kMaxInitialColumnWidth));
            header->setSortIndicatorShown(arrows);
        }
    }
    if (changed)
        fitStretchColumn();
}

void FeedPanel::refreshClose()
{
    m_close->setVisible(m_hub->isOpenedAtRunTime(m_feedId));
}

void FeedPanel::refreshDetail()
{
    const QModelIndex current = m_view->currentIndex();
    if (m_definition.detail.isEmpty() || !current.isValid() || !m_model
        || m_model->derivedColumns()) {
        m_detail->hide();
        return;
    }
    const QJsonObject row = current.data(FeedTableModel::RowObjectRole).toJsonObject();
    QString html;
    for (const FeedColumn &field : std::as_const(m_definition.detail)) {
        const QString value = field.displayIn(row);
        if (value.isEmpty())
            continue;
        QString shown = value.toHtmlEscaped();
        if (field.kind == FeedColumn::Kind::Link)
            shown = u"<a href=\"%1\">%1</a>"_s.arg(shown);
        html += u"<p style=\"margin:0 0 6px 0\"><span style=\"color:%3\">%1</span><br>"
                "<span style=\"white-space:pre-wrap\">%2</span></p>"_s.arg(
                    field.headerText().toHtmlEscaped(), shown,
                    palette().color(QPalette::PlaceholderText).name());
    }
    if (html.isEmpty()) {
        m_detail->hide();
        return;
    }
    if (m_detail->property("shownHtml").toString() != html) {
        m_detail->setHtml(html);
        m_detail->setProperty("shownHtml", html);
    }
    m_detail->show();
}

QString FeedPanel::detailText() const
{
    return m_detail->isVisibleTo(this) ? m_detail->toPlainText() : QString();
}

void FeedPanel::sizeColumnsOnce()
{
    if (m_columnsSized || !m_model || m_model->rowCount() == 0)
        return;
    m_columnsSized = true;
    QHeaderView *header = m_view->horizontalHeader();
    const QList<FeedColumn> columns = m_model->columns();
    // The profile's stretched column takes the spare width; ids, numbers and times keep the
    // width of their content.
    int stretch = -1;
    for (int c = 0; c < columns.size(); ++c) {
        if (!m_model->derivedColumns() && columns.at(c).field == m_definition.stretch)
            stretch = c;
    }
    header->setStretchLastSection(stretch < 0);
    // Sized without the room Qt keeps in every header for a sort arrow: fourteen queue columns
    // must fit beside the title; the arrow of the one sorted column overlaps its text instead.
    const bool arrows = header->isSortIndicatorShown();
    header->setSortIndicatorShown(false);
    for (int c = 0; c < m_proxy->columnCount(); ++c) {
        header->setSectionResizeMode(c, QHeaderView::Interactive);
        m_view->resizeColumnToContents(c);
        header->resizeSection(c, std::min(header->sectionSize(c) + 8, kMaxInitialColumnWidth));
    }
    header->setSortIndicatorShown(arrows);
    m_stretchColumn = stretch;
    if (stretch >= 0) {
        m_stretchMinWidth =
            std::clamp(header->sectionSize(stretch), kMinStretchWidth, kMaxInitialColumnWidth);
        fitStretchColumn();
    }
}

// The stretched column takes the spare width, but when the other columns leave it less than
// it needs (fourteen queue columns, a long error text), it keeps that width and the table
// scrolls sideways: a title elided to "P…" tells the operator nothing.
void FeedPanel::fitStretchColumn()
{
    if (!m_columnsSized || m_stretchColumn < 0 || m_stretchColumn >= m_proxy->columnCount())
        return;
    QHeaderView *header = m_view->horizontalHeader();
    int others = 0;
    for (int c = 0; c < header->count(); ++c) {
        if (c != m_stretchColumn && !header->isSectionHidden(c))
            others += header->sectionSize(c);
    }
    const bool room = m_view->viewport()->width() - others >= m_stretchMinWidth;
    const QHeaderView::ResizeMode mode = room ? QHeaderView::Stretch : QHeaderView::Interactive;
    const bool switched = header->sectionResizeMode(m_stretchColumn) != mode;
    if (switched)
        header->setSectionResizeMode(m_stretchColumn, mode);
    // Out of stretching it would keep the width it had stretched to (a wide window's).
    if (!room && (switched || header->sectionSize(m_stretchColumn) < m_stretchMinWidth))
        header->resizeSection(m_stretchColumn, m_stretchMinWidth);
}

bool FeedPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitStretchColumn();
    return QWidget::eventFilter(watched, event);
}

QStringList FeedPanel::rowFeeds(int proxyRow) const
{
    QStringList out;
    const QModelIndex index = m_proxy->index(proxyRow, 0);
    if (!index.isValid() || !m_model || m_model->derivedColumns())
        return out;
    const QJsonObject row = index.data(FeedTableModel::RowObjectRole).toJsonObject();
    for (const FeedDefinition::RowLink &link : m_definition.opens) {
        // "adw-state/{adw_id}": every brace filled from the row, or the row opens nothing.
        QHash<QString, QString> values;
        bool complete = true;
        FeedDefinition pattern;
        pattern.name = link.feed;
        for (const QString &param : pattern.templateParams()) {
            const QJsonValue value = JsonPath::at(row, param);
            const QString text =
                value.isNull() || value.isUndefined() ? QString() : FeedColumn::rawText(value);
            complete = complete && !text.isEmpty() && !text.contains(u'/');
            values.insert(param, text);
        }
        out.append(complete ? FeedDefinition::fill(link.feed, values) : QString());
    }
    return out;
}

QString FeedPanel::openRowFeed(int proxyRow, int link)
{
    const QStringList feeds = rowFeeds(proxyRow);
    const QString name = feeds.value(link);
    if (name.isEmpty())
        return {};
    const QString id = m_hub->openFeed(name, backend());
    if (!id.isEmpty())
        emit feedOpenRequested(id);
    return id;
}

QMenu *FeedPanel::rowMenu(int proxyRow)
{
    auto *menu = new QMenu(this);
    emit rowMenuAboutToShow();
    for (QAction *action : std::as_const(m_rowActions)) {
        if (action)
            menu->addAction(action);
        else
            menu->addSeparator();
    }
    const QStringList feeds = rowFeeds(proxyRow);
    if (!m_rowActions.isEmpty() && !feeds.isEmpty())
        menu->addSeparator();
    for (int i = 0; i < feeds.size(); ++i) {
        const FeedDefinition::RowLink &link = m_definition.opens.at(i);
        const QString label =
            link.label.isEmpty() ? tr("Open %1").arg(link.feed) : ProfileText::tr(link.label);
        QAction *open =
            menu->addAction(feeds.at(i).isEmpty() ? label : tr("%1 (%2)").arg(label, feeds.at(i)),
                            this, [this, proxyRow, i] { openRowFeed(proxyRow, i); });
        open->setObjectName(u"openFeedAction"_s);
        open->setEnabled(!feeds.at(i).isEmpty());
    }
    // Links of the row (a GitHub issue): opened in the browser.
    const QModelIndex index = m_proxy->index(proxyRow, 0);
    if (index.isValid() && m_model) {
        const QJsonObject row = index.data(FeedTableModel::RowObjectRole).toJsonObject();
        const QList<FeedColumn> columns = m_model->columns();
        bool separated = false;
        for (const FeedColumn &column : columns) {
            if (column.kind != FeedColumn::Kind::Link)
                continue;
            const QUrl url(column.displayIn(row));
            if (!url.isValid() || url.scheme().isEmpty())
                continue;
            if (!separated && !menu->isEmpty())
                menu->addSeparator();
            separated = true;
            menu->addAction(tr("Open %1").arg(url.toDisplayString()), this,
                            [url] { QDesktopServices::openUrl(url); });
        }
        const QModelIndex cell = m_view->currentIndex();
        if (cell.isValid() && !cell.data().toString().isEmpty()) {
            if (!menu->isEmpty())
                menu->addSeparator();
            const QString text = cell.data().toString();
            menu->addAction(
                tr("Copy \"%1\"").arg(fontMetrics().elidedText(text, Qt::ElideMiddle, 240)), this,
                [text] { QApplication::clipboard()->setText(text); });
        }
    }
    return menu;
}

void FeedPanel::showRowMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    QMenu *menu = rowMenu(index.isValid() ? index.row() : -1);
    if (menu->isEmpty()) {
        delete menu;
        return;
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

QStringList FeedPanel::visibleHeaders() const
{
    QStringList out;
    for (int c = 0; c < m_proxy->columnCount(); ++c) {
        if (!m_view->isColumnHidden(c))
            out << m_proxy->headerData(c, Qt::Horizontal).toString();
    }
    return out;
}

FeedTableModel *FeedPanel::model() const
{
    return m_model;
}

bool FeedPanel::isGreyedOut() const
{
    return static_cast<const Veil *>(m_veil)->isOn();
}

QString FeedPanel::freshnessText() const
{
    return m_freshness->text();
}

QString FeedPanel::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

QString FeedPanel::problemText() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : QString();
}

QString FeedPanel::overlayText() const
{
    return m_overlay->isVisibleTo(this) ? m_overlay->text() : QString();
}

QString FeedPanel::countText() const
{
    return m_count->text();
}
