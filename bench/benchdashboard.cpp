#include "benchdashboard.h"

#include "dashboard/enginerunner.h"
#include "dashboard/feedhub.h"
#include "mainwindow.h"
#include "models/feedtablemodel.h"

BenchDashboard::BenchDashboard(const Config &config, bool withWindow, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_hub(std::make_unique<FeedHub>(config))
    , m_runner(std::make_unique<EngineRunner>(m_hub.get()))
{
    if (withWindow) {
        m_window = std::make_unique<MainWindow>(m_hub.get());
        m_window->resize(1280, 760);
        m_window->show();
    }
}

BenchDashboard::~BenchDashboard()
{
    // The window and the hub outlive the engine's last signal.
    m_runner->stop();
    m_window.reset();
}

void BenchDashboard::start()
{
    m_runner->start(m_config);
}

int BenchDashboard::connectedCount() const
{
    return m_hub->liveCount();
}

int BenchDashboard::feedsWithRows() const
{
    int n = 0;
    for (const QString &id : m_hub->feedIds()) {
        if (const FeedTableModel *model = m_hub->tableModel(id); model && model->rowCount() > 0)
            ++n;
    }
    return n;
}

qint64 BenchDashboard::messages() const
{
    qint64 n = 0;
    for (const QString &id : m_hub->feedIds())
        n += m_hub->stats(id).messages;
    return n;
}

qint64 BenchDashboard::undecodedSnapshots() const
{
    qint64 n = 0;
    for (const QString &id : m_hub->feedIds()) {
        const FeedStats s = m_hub->stats(id);
        n += s.supersededSnapshots + s.unchangedSnapshots;
    }
    return n;
}
