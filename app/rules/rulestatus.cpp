#include "rulestatus.h"

using namespace Qt::StringLiterals;

QString RuleStatus::stateName(State state)
{
    switch (state) {
    case State::Ok:
        return u"ok"_s;
    case State::Pending:
        return u"pending"_s;
    case State::Firing:
        return u"firing"_s;
    case State::Error:
        return u"error"_s;
    }
    return u"ok"_s;
}
