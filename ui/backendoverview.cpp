#include "backendoverview.h"

#include "dashboard/feedhub.h"
#include "models/connectionsmodel.h"
#include "statusstyle.h"

#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

BackendOverview::BackendOverview(FeedHub *hub, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
{
    setAccessibleName(tr("Backends overview"));
    auto *title = new QLabel(tr("Backends"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setWeight(QFont::DemiBold);
    title->setFont(font);
    m_table = new QTableWidget(0, 3, this);
    m_table->setAccessibleName(tr("Backends"));
    m_table->setHorizontalHeaderLabels({tr("Backend"), tr("Feeds live"), tr("Worst state")});
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::cellActivated, this,
            [this](int row, int) { emit backendActivated(m_table->item(row, 0)->text()); });
    // Live counts and worst states change only with a feed's state: overallChanged() says so,
    // statsChanged() comes for every counter too (a few times a second per feed).
    connect(hub, &FeedHub::overallChanged, this, &BackendOverview::refresh);
    connect(hub, &FeedHub::feedAdded, this, &BackendOverview::refresh);
    refresh();
}

QString BackendOverview::liveText(const QString &backend) const
{
    int live = 0;
    int total = 0;
    for (const QString &id : m_hub->feedIds()) {
        const FeedStats &s = m_hub->stats(id);
        if (s.backend != backend)
            continue;
        ++total;
        live += s.state == Feed::State::Connected;
    }
    return tr("%1/%2 live").arg(live).arg(total);
}

void BackendOverview::refresh()
{
    // The worst state is the one furthest from live: stopped/circuit > reconnecting > idle.
    auto rank = [](Feed::State s) {
        const StatusStyle::Tone t = StatusStyle::toneForState(s);
        return t == StatusStyle::Tone::Bad    ? 3
            : t == StatusStyle::Tone::Warning ? 2
            : t == StatusStyle::Tone::Idle    ? 1
                                              : 0;
    };
    struct Summary
    {
        int live = 0;
        int total = 0;
        Feed::State worst = Feed::State::Connected;
    };
    // One pass over the feeds for all rows: with 60 backends a pass per row and cell made every
    // state change cost 60 x 480 lookups.
    QHash<QString, Summary> byBackend;
    for (const QString &id : m_hub->feedIds()) {
        const FeedStats &s = m_hub->stats(id);
        Summary &summary = byBackend[s.backend];
        ++summary.total;
        summary.live += s.state == Feed::State::Connected;
        if (rank(s.state) > rank(summary.worst))
            summary.worst = s.state;
    }
    const QList<BackendSpec> backends = m_hub->config().backends;
    m_table->setRowCount(int(backends.size()));
    for (int row = 0; row < backends.size(); ++row) {
        const QString name = backends.at(row).name;
        const Summary summary = byBackend.value(name);
        auto set = [&](int column, const QString &text) {
            QTableWidgetItem *item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(row, column, item);
            }
            if (item->text() != text)
                item->setText(text);
            return item;
        };
        set(0, name);
        set(1, tr("%1/%2 live").arg(summary.live).arg(summary.total));
        QTableWidgetItem *worst = set(2, ConnectionsModel::stateText(summary.worst));
        const int tone = int(StatusStyle::toneForState(summary.worst));
        if (worst->data(Qt::UserRole) != tone) {
            worst->setData(Qt::UserRole, tone);
            worst->setIcon(StatusStyle::dot(StatusStyle::Tone(tone)));
        }
    }
}
