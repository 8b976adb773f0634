#include "feedpanel.h"

#include "core/clock.h"
#include "dashboard/feedhub.h"
#include "dashboard/freshness.h"
#include "models/commandsmodel.h"
#include "models/feedfilterproxymodel.h"
#include "models/feedtablemodel.h"
#include "statusdelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QShortcut>
#include <QStackedLayout>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxInitialColumnWidth = 320;
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

bool isIdField(const QString &field)
{
    return field == "id"_L1 || field.endsWith("_id"_L1);
}

QString styleForTone(StatusStyle::Tone tone)
{
    const QColor fg = StatusStyle::color(tone).darker(125);
    const QColor bg = StatusStyle::tint(tone);
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

    // Header: title, freshness, row count.
    m_titleLabel = new QLabel(title, this);
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_titleLabel->setFont(titleFont);
    m_freshDot = new QLabel(this);
    m_freshness = new QLabel(this);
    m_freshness->setAccessibleName(tr("Freshness"));
    m_freshness->setTextInteractionFlags(Qt::TextSelectableByMouse);
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
    connect(m_pending, &QLabel::linkActivated, this, &FeedPanel::commandsRequested);

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_titleLabel);
    header->addSpacing(12);
    header->addWidget(m_freshDot);
    header->addWidget(m_freshness);
    header->addStretch(1);
    header->addWidget(m_pending);
    header->addSpacing(12);
    header->addWidget(m_count);

    // Filters.
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter rows…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter %1").arg(title));
    m_filter->setMaximumWidth(360);
    m_statusCombo = new QComboBox(this);
    m_statusCombo->setAccessibleName(tr("Status filter"));
    m_statusCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_statusCombo);
    filters->addStretch(1);
    auto *focusFilter =
        new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(focusFilter, &QShortcut::activated, m_filter,
            [this] { m_filter->setFocus(Qt::ShortcutFocusReason); });

    // Data area: banner, header widgets and table, washed out as one by a veil stacked on top
    // when the feed is not live; the veil also carries the empty/stale message.
    m_dataArea = new QWidget(this);
    auto *dataLayout = new QVBoxLayout(m_dataArea);
    dataLayout->setContentsMargins(0, 0, 0, 0);
    dataLayout->setSpacing(10);
    m_banner = new QLabel(m_dataArea);
    m_banner->setAccessibleName(tr("Banner"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_headerLayout = new QVBoxLayout;
    m_headerLayout->setContentsMargins(0, 0, 0, 0);
    m_view = new QTableView(m_dataArea);
    m_view->setAccessibleName(tr("%1 table").arg(title));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(m_delegate);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // arrival order
    m_view->setSortingEnabled(true);
    dataLayout->addWidget(m_banner);
    dataLayout->addLayout(m_headerLayout);
    dataLayout->addWidget(m_view, 1);
    auto *overlayLayer = new Veil(this);
    m_veil = overlayLayer;
    overlayLayer->setAttribute(Qt::WA_TransparentForMouseEvents);
    auto *overlayLayout = new QVBoxLayout(overlayLayer);
    m_overlay = new QLabel(overlayLayer);
    m_overlay->setAccessibleName(tr("Panel state"));
    m_overlay->setAlignment(Qt::AlignCenter);
    overlayLayout->addStretch(1);
    overlayLayout->addWidget(m_overlay, 0, Qt::AlignHCenter);
    overlayLayout->addStretch(2);

    auto *stack = new QStackedLayout;
    stack->setStackingMode(QStackedLayout::StackAll);
    stack->addWidget(m_dataArea);
    stack->addWidget(overlayLayer);
    stack->setCurrentWidget(overlayLayer);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(12);
    m_actionLayout = new QVBoxLayout;
    m_actionLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addLayout(m_actionLayout);
    layout->addLayout(filters);
    layout->addLayout(stack, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        refreshCount();
        refreshOverlay();
    });
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, &FeedPanel::applyStatusFilter);
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
    connect(m_tick, &QTimer::timeout, this, &FeedPanel::refreshFreshness);
    m_tick->start();

    bindModel();
}

void FeedPanel::setFeedId(const QString &feedId)
{
    if (feedId == m_feedId)
        return;
    m_feedId = feedId;
    bindModel();
}

void FeedPanel::setCountText(const CountFunction &function)
{
    m_countText = function;
    refreshCount();
}

void FeedPanel::setBannerFunction(const BannerFunction &function)
{
    m_bannerFunction = function;
    refreshBanner();
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

void FeedPanel::refreshPending()
{
    const int pending = m_hub->commands()->pendingCount(m_feedId);
    m_pending->setVisible(pending > 0);
    if (pending > 0) {
        m_pending->setText(
            u"<a href=\"commands\" style=\"color:%1; text-decoration:none\">%2</a>"_s.arg(
                StatusStyle::color(StatusStyle::Tone::Warning).darker(120).name(),
                (u"⧗ "_s + pendingText()).toHtmlEscaped()));
    }
}

QString FeedPanel::pendingText() const
{
    const int pending = m_hub->commands()->pendingCount(m_feedId);
    if (pending <= 0)
        return {};
    return pending == 1 ? tr("1 command waiting") : tr("%1 commands waiting").arg(pending);
}

void FeedPanel::setClock(const Clock *clock)
{
    m_clock = clock ? clock : SystemClock::instance();
    refreshFreshness();
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
        m_delegate->setStatusColumn(m_model->statusColumn());
        QSet<int> mono;
        QSet<int> percent;
        const QList<FeedColumn> columns = m_model->columns();
        for (int i = 0; i < columns.size(); ++i) {
            if (isIdField(columns.at(i).field))
                mono.insert(i);
            if (columns.at(i).format == FeedColumn::Format::Percent)
                percent.insert(i);
        }
        m_delegate->setMonospaceColumns(mono);
        m_delegate->setPercentColumns(percent);
        auto changed = [this] {
            refresh();
        };
        connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
            m_columnsSized = false;
            refresh();
        });
        connect(m_model, &QAbstractItemModel::dataChanged, this, &FeedPanel::refreshStatusFilter);
        connect(m_model, &FeedTableModel::metaChanged, this, &FeedPanel::refreshBanner);
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
    refreshStatusFilter();
    refreshCount();
    sizeColumnsOnce();
}

void FeedPanel::onStats(const FeedStats &stats)
{
    if (stats.feedId != m_feedId)
        return;
    if (stats.snapshots > 0)
        m_hasData = true;
    refreshFreshness();
}

void FeedPanel::refreshFreshness()
{
    const FeedStats stats = m_hub->stats(m_feedId);
    const Freshness freshness = Freshness::of(stats, m_clock->wallMs());
    const StatusStyle::Tone tone = StatusStyle::toneForStats(stats);
    m_live = freshness.live;
    // HTTP snapshots keep the table current (to the poll interval): not washed out as stale.
    m_degradedData = stats.fallback == Feed::Fallback::Delivering;
    if (m_freshness->text() != freshness.text)
        m_freshness->setText(freshness.text);
    m_freshDot->setPixmap(StatusStyle::dot(tone, 10).pixmap(10, 10));
    const QString style = u"QLabel { color: %1; font-weight: 600; }"_s.arg(
        StatusStyle::color(tone).darker(110).name());
    if (m_freshness->styleSheet() != style)
        m_freshness->setStyleSheet(style);
    static_cast<Veil *>(m_veil)->setOn(!m_live && !m_degradedData && m_hasData);
    refreshOverlay();
}

void FeedPanel::refreshBanner()
{
    Banner banner;
    if (m_bannerFunction && m_model && m_hasData)
        banner = m_bannerFunction(m_model->meta());
    m_banner->setVisible(!banner.text.isEmpty());
    if (banner.text.isEmpty())
        return;
    m_banner->setText(banner.text);
    m_banner->setStyleSheet(styleForTone(banner.tone));
}

void FeedPanel::refreshCount()
{
    const int total = m_model ? m_model->rowCount() : 0;
    const int shown = m_proxy->rowCount();
    auto noun = [this](int n) {
        return m_countText ? m_countText(n) : tr("%n row(s)", nullptr, n);
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
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString s = m_model->index(row, 0).data(FeedTableModel::StatusRole).toString();
        if (!s.isEmpty() && !statuses.contains(s))
            statuses << s;
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
        m_statusCombo->addItem(StatusStyle::dot(StatusStyle::toneForStatus(s)),
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
    if (!m_model)
        text = tr("This feed is not configured.");
    else if (!m_hasData)
        text = tr("Waiting for the first snapshot…");
    else if (!m_live && !m_degradedData) {
        text = tr("Not live — showing the last data received");
        warn = true;
    } else if (m_model->rowCount() == 0)
        text = tr("No rows");
    else if (m_proxy->rowCount() == 0)
        text = tr("No rows match the filter");
    if (m_overlay->text() != text)
        m_overlay->setText(text);
    m_overlay->setVisible(!text.isEmpty());
    const QString style = warn
        ? styleForTone(StatusStyle::Tone::Warning) + u" QLabel { font-weight: 600; }"_s
        : u"QLabel { color: #6b7280; padding: 6px; }"_s;
    if (m_overlay->styleSheet() != style)
        m_overlay->setStyleSheet(style);
}

void FeedPanel::sizeColumnsOnce()
{
    if (m_columnsSized || !m_model || m_model->rowCount() == 0)
        return;
    m_columnsSized = true;
    QHeaderView *header = m_view->horizontalHeader();
    const QList<FeedColumn> columns = m_model->columns();
    // The last long-text column (title, message, description, error, link) takes the spare
    // width; ids, numbers and times keep the width of their content.
    static const QStringList longText = {u"title"_s,       u"phase_data.title"_s, u"message"_s,
                                         u"description"_s, u"error_message"_s,    u"github_url"_s};
    int stretch = -1;
    for (int c = 0; c < columns.size(); ++c) {
        if (longText.contains(columns.at(c).field))
            stretch = c;
    }
    header->setStretchLastSection(stretch < 0);
    for (int c = 0; c < m_proxy->columnCount(); ++c) {
        header->setSectionResizeMode(c, QHeaderView::Interactive);
        m_view->resizeColumnToContents(c);
        header->resizeSection(c, std::min(header->sectionSize(c) + 16, kMaxInitialColumnWidth));
    }
    if (stretch >= 0)
        header->setSectionResizeMode(stretch, QHeaderView::Stretch);
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

QString FeedPanel::overlayText() const
{
    return m_overlay->isVisibleTo(this) ? m_overlay->text() : QString();
}

QString FeedPanel::countText() const
{
    return m_count->text();
}
