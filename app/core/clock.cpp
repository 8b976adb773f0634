#include "clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

namespace {
class SystemRandom final : public RandomSource
{
public:
    double uniform() override { return QRandomGenerator::global()->generateDouble(); }
};
} // namespace

qint64 SystemClock::nowMs() const
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

qint64 SystemClock::wallMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

SystemClock *SystemClock::instance()
{
    static SystemClock clock;
    return &clock;
}

RandomSource *systemRandom()
{
    static SystemRandom random;
    return &random;
}
