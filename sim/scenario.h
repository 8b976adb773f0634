#pragma once

#include "fault.h"

#include <QList>
#include <QObject>
#include <QPointer>

class DemoServer;
class QTimer;

// A timed fault script, one command per line:
//   at 5s freeze queue for 8s
//   at 4s latency all 300 jitter 50 for 10s
// parse() reports the first error as "line N: problem"; run() plays the steps on a DemoServer.
class Scenario final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scenario)

public:
    enum class Action { Set, Clear, ClearAll, Quit };
    Q_ENUM(Action)

    struct Step
    {
        int line = 0;
        qint64 atMs = 0;
        Action action = Action::Set;
        Sim::Fault fault = Sim::Fault::Restart;
        QString feed; // empty: all feeds
        Sim::FaultParams params;
    };

    explicit Scenario(QObject *parent = nullptr);
    ~Scenario() override;

    bool parse(const QString &text);
    bool load(const QString &path);
    // One command without the "at <time>" prefix, e.g. "latency all 300 jitter 50".
    static bool parseCommand(const QString &command, Step *step, QString *error);
    QString errorString() const { return m_error; }
    int errorLine() const { return m_errorLine; }
    QList<Step> steps() const { return m_steps; }

    void run(DemoServer *server);
    void stop();
    bool isRunning() const { return !m_timers.isEmpty(); }
    static void apply(DemoServer *server, const Step &step);
    // The language, for --help and docs.
    static QString syntaxHelp();

signals:
    void stepStarted(int line);
    void finished();
    void quitRequested();

private:
    QList<Step> m_steps;
    QString m_error;
    int m_errorLine = 0;
    QList<QTimer *> m_timers;
    QPointer<DemoServer> m_server;
};
