#pragma once

#include "config/config.h"

#include <QObject>
#include <QThread>

class FeedEngine;
class FeedHub;
class QNetworkInformation;

// Runs the FeedEngine on its own thread and swaps it for a new one when the settings change,
// keeping the hub (and so every model and view) in place. The engine parses and diffs on that
// thread, so a flood never freezes the window.
class EngineRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineRunner)

public:
    explicit EngineRunner(FeedHub *hub, QObject *parent = nullptr);
    ~EngineRunner() override;

    FeedEngine *engine() const { return m_engine; }
    bool isRunning() const { return m_engine != nullptr; }

public slots:
    void start(const Config &config);
    // Stops the running engine on its thread, then starts a new one built from `config`.
    void replace(const Config &config);
    void stop();

signals:
    void replaced();

private:
    FeedEngine *createEngine(const Config &config);
    void followReachability(FeedEngine *engine);
    void stopEngine();

    FeedHub *m_hub;
    QNetworkInformation *m_network = nullptr; // on this (the GUI) thread; null without a backend
    QThread m_thread;
    FeedEngine *m_engine = nullptr;
};
