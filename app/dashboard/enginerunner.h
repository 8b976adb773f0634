#pragma once

#include "config/config.h"

#include <QObject>
#include <QThread>

class EngineServices;
class FeedEngine;
class FeedHub;
class QNetworkInformation;

// Runs the FeedEngine on its own thread and swaps it for a new one when the settings change,
// keeping the hub (and so every model and view) in place. The engine parses and diffs on that
// thread, so a flood never freezes the window. The EngineServices (command queue and journal,
// alerts, history) live on the same thread for the runner's whole life: a swap re-binds them
// to the new engine, so no command is lost or sent twice by a settings change.
class EngineRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineRunner)

public:
    explicit EngineRunner(FeedHub *hub, QObject *parent = nullptr);
    ~EngineRunner() override;

    // The SQLite file for the command journal and history (before start()); empty: commands in
    // memory only, no history. The app passes CommandJournal::defaultPath().
    void setDataPath(const QString &path) { m_dataPath = path; }
    QString dataPath() const { return m_dataPath; }

    FeedEngine *engine() const { return m_engine; }
    // Lives on the engine thread: use it through queued calls only.
    EngineServices *services() const { return m_services; }
    QThread *engineThread() { return &m_thread; }
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
    void startEngine();
    void followReachability(FeedEngine *engine);
    void stopEngine();

    FeedHub *m_hub;
    QNetworkInformation *m_network = nullptr; // on this (the GUI) thread; null without a backend
    QThread m_thread;
    FeedEngine *m_engine = nullptr;
    EngineServices *m_services = nullptr;
    QString m_dataPath;
};
