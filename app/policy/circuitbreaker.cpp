#include "circuitbreaker.h"

using namespace Qt::StringLiterals;

QString Circuit::name(State state)
{
    switch (state) {
    case State::Closed:
        return u"closed"_s;
    case State::Open:
        return u"open"_s;
    case State::HalfOpen:
        return u"half_open"_s;
    }
    return {};
}

bool CircuitBreaker::tryAcquire(qint64 nowMs)
{
    switch (m_state) {
    case Circuit::State::Closed:
        return true;
    case Circuit::State::Open:
        if (nowMs < halfOpenAtMs())
            return false;
        m_state = Circuit::State::HalfOpen;
        m_probeInFlight = true;
        return true;
    case Circuit::State::HalfOpen:
        if (m_probeInFlight)
            return false;
        m_probeInFlight = true;
        return true;
    }
    return false;
}

bool CircuitBreaker::recordFailure(qint64 nowMs)
{
    ++m_failures;
    m_probeInFlight = false;
    if (m_state == Circuit::State::HalfOpen
        || (m_state == Circuit::State::Closed && m_failures >= m_threshold)) {
        m_state = Circuit::State::Open;
        m_openedAt = nowMs;
        return true;
    }
    return false;
}

void CircuitBreaker::recordSuccess()
{
    reset();
}

void CircuitBreaker::releaseProbe()
{
    m_probeInFlight = false;
}

void CircuitBreaker::reset()
{
    m_state = Circuit::State::Closed;
    m_failures = 0;
    m_openedAt = 0;
    m_probeInFlight = false;
}
