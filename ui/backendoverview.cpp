#include "backendoverview.h"

#include "dashboard/feedhub.h"
#include "models/connectionsmodel.h"
#include "statusstyle.h"

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
    connect(hub, &FeedHub::statsChanged, this, &BackendOverview::refresh);
    connect(hub, &FeedHub::overallChanged, this, &BackendOverview::refresh);
    refresh();
}

QString BackendOverview::liveText(const QString &backend) const
{
    int live = 0;
    int total = 0;
    for (const QString &id : m_hub->feedIds()) {
        const FeedStats s = m_hub->stats(id);
        if (s.backend != backend)
            continue;
        ++total;
        live += s.state == Feed::State::Connected;
    }
    return tr("%1/%2 live").arg(live).arg(total);
}

void BackendOverview::refresh()
{
    const QList<BackendSpec> backends = m_hub->config().backends;
    m_table->setRowCount(int(backends.size()));
    for (int row = 0; row < backends.size(); ++row) {
        const QString name = backends.at(row).name;
        // The worst state is the one furthest from live: stopped/circuit > reconnecting > idle.
        Feed::State worst = Feed::State::Connected;
        auto rank = [](Feed::State s) {
            const StatusStyle::Tone t = StatusStyle::toneForState(s);
            return t == StatusStyle::Tone::Bad    ? 3
                : t == StatusStyle::Tone::Warning ? 2
                : t == StatusStyle::Tone::Idle    ? 1
                                                  : 0;
        };
        for (const QString &id : m_hub->feedIds()) {
            const FeedStats s = m_hub->stats(id);
            if (s.backend == name && rank(s.state) > rank(worst))
                worst = s.state;
        }
        auto set = [&](int column, const QString &text) {
            QTableWidgetItem *item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(row, column, item);
            }
            item->setText(text);
            return item;
        };
        set(0, name);
        set(1, liveText(name));
        set(2, ConnectionsModel::stateText(worst))
            ->setIcon(StatusStyle::dot(StatusStyle::toneForState(worst)));
    }
}
