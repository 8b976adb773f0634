#pragma once

#include "config/config.h"

#include <QObject>

#include <memory>

class EngineRunner;
class FeedHub;
class MainWindow;

// The dashboard as main.cpp wires it: FeedHub and its models on this (GUI) thread, the engine on
// its own thread (EngineRunner), and optionally the visible main window.
class BenchDashboard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BenchDashboard)

public:
    BenchDashboard(const Config &config, bool withWindow, QObject *parent = nullptr);
    ~BenchDashboard() override;

    void start();
    FeedHub *hub() const { return m_hub.get(); }
    MainWindow *window() const { return m_window.get(); }
    // Feeds whose last stats said connected.
    int connectedCount() const;
    // Feeds whose table holds rows.
    int feedsWithRows() const;
    // Sum of the messages every feed received (stats reach the hub a few times a second).
    qint64 messages() const;
    // Snapshots never decoded: replaced by a newer one of the same socket read, or identical to
    // the one before.
    qint64 undecodedSnapshots() const;

private:
    Config m_config;
    std::unique_ptr<FeedHub> m_hub;
    std::unique_ptr<EngineRunner> m_runner;
    std::unique_ptr<MainWindow> m_window;
};
