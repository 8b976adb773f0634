#include "eventlogpanel.h"

#include "statusstyle.h"

#include "dashboard/feedhub.h"
#include "eventlogdelegate.h"
#include "models/eventlogfilterproxymodel.h"
#include "models/eventlogmodel.h"
#include "models/eventtext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// Keeps "All" first and the rest sorted as items arrive.
void insertSorted(QComboBox *combo, const QString &text, const QVariant &data)
{
    int at = 1;
    while (at < combo->count() && combo->itemText(at).compare(text, Qt::CaseInsensitive) < 0)
        ++at;
    combo->insertItem(at, text, data);
}
} // namespace

EventLogPanel::EventLogPanel(FeedHub *hub, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_proxy(new EventLogFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_feedCombo(new QComboBox(this))
    , m_kindCombo(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_hideNoise(new QCheckBox(tr("Hide &update/latency noise"), this))
    , m_alertsOnly(new QPushButton(tr("&Alerts only"), this))
    , m_export(new QPushButton(tr("E&xport…"), this))
    , m_count(new QLabel(this))
    , m_status(new QLabel(this))
{
    m_feedCombo->setObjectName(u"feedFilter"_s);
    m_feedCombo->setAccessibleName(tr("Filter by feed"));
    m_feedCombo->addItem(tr("All feeds"), QVariant());
    m_feedCombo->addItem(tr("App events (no feed)"), QVariant(QString()));
    m_feedCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_kindCombo->setObjectName(u"kindFilter"_s);
    m_kindCombo->setAccessibleName(tr("Filter by event kind"));
    m_kindCombo->addItem(tr("All events"), QString());
    m_kindCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_search->setObjectName(u"textFilter"_s);
    m_search->setAccessibleName(tr("Filter text"));
    m_search->setPlaceholderText(tr("Filter text…"));
    m_search->setClearButtonEnabled(true);
    // Qt's clear button has no name of its own; a screen reader would say only "button".
    for (QToolButton *clear : m_search->findChildren<QToolButton *>())
        clear->setAccessibleName(tr("Clear the filter text"));
    m_hideNoise->setObjectName(u"hideNoise"_s);
    m_hideNoise->setChecked(true);
    m_hideNoise->setToolTip(tr("Hide snapshot updates and RTT samples unless chosen as the kind"));
    m_alertsOnly->setObjectName(u"alertsOnly"_s);
    m_alertsOnly->setCheckable(true);
    m_alertsOnly->setToolTip(tr("Only the alerts: feed down or back, circuit opened, not "
                                "authorized, server restarted; earlier sessions' are in grey"));
    m_export->setObjectName(u"exportButton"_s);
    m_export->setAccessibleName(tr("Export shown events"));
    m_export->setToolTip(tr("Write the rows shown to a JSON Lines file"));
    m_count->setObjectName(u"rowCount"_s);
    m_status->setObjectName(u"exportStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *feedLabel = new QLabel(tr("F&eed"), this);
    feedLabel->setBuddy(m_feedCombo);
    auto *kindLabel = new QLabel(tr("Eve&nt"), this);
    kindLabel->setBuddy(m_kindCombo);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(feedLabel);
    bar->addWidget(m_feedCombo);
    bar->addWidget(kindLabel);
    bar->addWidget(m_kindCombo);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_hideNoise);
    bar->addWidget(m_alertsOnly);
    bar->addWidget(m_export);

    m_proxy->setSourceModel(m_hub->eventLog());
    m_proxy->setHiddenKinds(EventLogFilterProxyModel::noiseKinds());
    m_table->setModel(m_proxy);
    m_table->setObjectName(u"eventTable"_s);
    m_table->setAccessibleName(tr("Event log"));
    m_table->setItemDelegate(new EventLogDelegate(this));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    const QFontMetrics fm(m_table->font());
    m_table->verticalHeader()->setDefaultSectionSize(fm.height() + 6);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->resizeSection(EventLogModel::TimeColumn, fm.horizontalAdvance(u"00:00:00.000"_s) + 20);
    header->resizeSection(EventLogModel::FeedColumn,
                          fm.horizontalAdvance(u"workflow-history"_s) + 28);
    int kindWidth = 0;
    for (const QString &kind : EventText::knownKinds())
        kindWidth = std::max(kindWidth, fm.horizontalAdvance(EventText::kindText(kind)));
    header->resizeSection(EventLogModel::EventColumn, kindWidth + 20);

    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(0, 0, 0, 0);
    footer->addWidget(m_count);
    footer->addStretch(1);
    footer->addWidget(m_status);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addLayout(footer);

    for (const QString &id : m_hub->feedIds())
        addFeed(id);
    onSourceRowsInserted(0, m_hub->eventLog()->rowCount() - 1);

    connect(m_hub, &FeedHub::feedAdded, this, &EventLogPanel::addFeed);
    connect(
        m_hub->eventLog(), &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int first, int last) { onSourceRowsInserted(first, last); });
    connect(m_feedCombo, &QComboBox::currentIndexChanged, this, &EventLogPanel::applyFilters);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &EventLogPanel::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &EventLogPanel::applyFilters);
    connect(m_hideNoise, &QCheckBox::toggled, this, &EventLogPanel::applyFilters);
    connect(m_alertsOnly, &QPushButton::toggled, this, &EventLogPanel::applyFilters);
    connect(m_export, &QPushButton::clicked, this, &EventLogPanel::openExportDialog);

    // Follow the newest row only while the view is at the bottom: an operator reading
    // something further up must not have it scroll away under them.
    // While hidden the view is not scrolled (at 480 feeds that laid the hidden table out after
    // every batch) and the choice to follow stays what it was when last seen.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        if (!isVisible())
            return;
        const QScrollBar *bar = m_table->verticalScrollBar();
        m_follow = bar->value() >= bar->maximum();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow && isVisible())
            m_table->scrollToBottom();
        updateCount();
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &EventLogPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EventLogPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &EventLogPanel::updateCount);
    updateCount();
}

void EventLogPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_follow)
        m_table->scrollToBottom();
}

void EventLogPanel::addFeed(const QString &feedId)
{
    if (feedId.isEmpty() || m_feeds.contains(feedId))
        return;
    m_feeds.insert(feedId);
    // After "All feeds" and "App events".
    int at = 2;
    while (at < m_feedCombo->count()
           && m_feedCombo->itemText(at).compare(feedId, Qt::CaseInsensitive) < 0)
        ++at;
    m_feedCombo->insertItem(at, feedId, feedId);
}

void EventLogPanel::addKind(const QString &kind)
{
    if (kind.isEmpty() || m_kinds.contains(kind))
        return;
    m_kinds.insert(kind);
    insertSorted(m_kindCombo, EventText::kindText(kind), kind);
}

void EventLogPanel::onSourceRowsInserted(int first, int last)
{
    const EventLogModel *log = m_hub->eventLog();
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = log->index(row, 0);
        addKind(index.data(EventLogModel::EventKindRole).toString());
        addFeed(index.data(EventLogModel::FeedIdRole).toString());
    }
    updateCount();
}

void EventLogPanel::applyFilters()
{
    const QVariant feed = m_feedCombo->currentData();
    m_proxy->setFeedFilter(feed.isValid() ? std::optional<QString>(feed.toString()) : std::nullopt);
    m_kindCombo->setEnabled(!m_alertsOnly->isChecked());
    m_proxy->setKindFilter(m_alertsOnly->isChecked() ? u"alert"_s
                                                     : m_kindCombo->currentData().toString());
    m_proxy->setHiddenKinds(m_hideNoise->isChecked() ? EventLogFilterProxyModel::noiseKinds()
                                                     : QSet<QString>());
    m_proxy->setFilterText(m_search->text());
    if (m_follow)
        m_table->scrollToBottom();
    updateCount();
}

void EventLogPanel::setAlertsOnly(bool on)
{
    m_alertsOnly->setChecked(on);
}

QString EventLogPanel::countText() const
{
    return m_count->text();
}

void EventLogPanel::updateCount()
{
    const int shown = m_proxy->rowCount();
    const EventLogModel *log = m_hub->eventLog();
    const int total = log->rowCount();
    QString text = shown == total ? tr("Events: %1").arg(total)
                                  : tr("Events: %1 shown of %2").arg(shown).arg(total);
    const int earlier = log->earlierCount();
    if (earlier > 0)
        text += u" · "_s + tr("%1 from earlier sessions (grey, italic)").arg(earlier);
    m_count->setText(text);
}

void EventLogPanel::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: %1;"_s.arg(
                                StatusStyle::textColor(StatusStyle::Tone::Bad, palette()).name())
                                  : QString());
}

void EventLogPanel::openExportDialog()
{
    if (m_proxy->rowCount() == 0) {
        showStatus(tr("Nothing to export: no events are shown"), true);
        return;
    }
    auto *dialog = new QFileDialog(this, tr("Export event log"), QDir::homePath(),
                                   tr("JSON Lines (*.jsonl);;All files (*)"));
    dialog->setObjectName(u"exportDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"jsonl"_s);
    dialog->selectFile(u"feedwatch-events-%1.jsonl"_s.arg(
        QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s)));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { exportVisibleRows(path); });
    dialog->open();
}

bool EventLogPanel::exportVisibleRows(const QString &path)
{
    const QList<int> rows = m_proxy->visibleSourceRows();
    // exportTo() writes every row for an empty list; an empty view exports nothing.
    if (rows.isEmpty()) {
        showStatus(tr("Nothing to export: no events are shown"), true);
        return false;
    }
    QString error;
    if (!m_hub->eventLog()->exportTo(path, &error, rows)) {
        showStatus(error, true);
        return false;
    }
    showStatus(tr("Exported to %1 (rows: %2)").arg(QDir::toNativeSeparators(path)).arg(rows.size()),
               false);
    return true;
}
