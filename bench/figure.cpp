#include "figure.h"

#include <QJsonValue>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}
double numberOf(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : NAN;
}
QString opText(Figure::Op op)
{
    switch (op) {
    case Figure::Op::AtMost:
        return u"≤"_s;
    case Figure::Op::AtLeast:
        return u"≥"_s;
    case Figure::Op::Above:
        return u">"_s;
    }
    return {};
}
} // namespace

Figure Figure::make(const QString &id, const QString &title, double value, const QString &unit,
                    int runs)
{
    Figure f;
    f.id = id;
    f.title = title;
    f.value = value;
    f.unit = unit;
    f.runs = runs;
    return f;
}

Figure &Figure::goalOnValue(Op comparison, double threshold)
{
    goalOn = GoalOn::Value;
    op = comparison;
    goal = threshold;
    return *this;
}

Figure &Figure::goalOnRatio(Op comparison, double threshold)
{
    goalOn = GoalOn::Ratio;
    op = comparison;
    goal = threshold;
    return *this;
}

Figure &Figure::withPeer(double peerValue, const QString &name, double ratioToPeer)
{
    peer = peerValue;
    peerName = name;
    ratio = ratioToPeer;
    return *this;
}

Figure &Figure::withSpread(const QList<double> &samples)
{
    if (samples.size() < 2)
        return *this;
    const auto [low, high] = std::minmax_element(samples.begin(), samples.end());
    spreadMin = *low;
    spreadMax = *high;
    return *this;
}

QString Figure::spreadText() const
{
    if (!std::isfinite(spreadMin) || !std::isfinite(spreadMax))
        return u"-"_s;
    const double a = std::max(std::abs(spreadMin), std::abs(spreadMax));
    const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
    return u"%1–%2"_s.arg(QString::number(spreadMin, 'f', decimals),
                          QString::number(spreadMax, 'f', decimals));
}

QString Figure::status() const
{
    if (failed)
        return u"miss"_s;
    const double measured = goalOn == GoalOn::Ratio ? ratio : value;
    if (goalOn == GoalOn::None || !std::isfinite(measured) || !std::isfinite(goal))
        return u"info"_s;
    bool ok = false;
    switch (op) {
    case Op::AtMost:
        ok = measured <= goal;
        break;
    case Op::AtLeast:
        ok = measured >= goal;
        break;
    case Op::Above:
        ok = measured > goal;
        break;
    }
    return ok ? u"pass"_s : u"miss"_s;
}

QString Figure::goalText() const
{
    if (goalOn == GoalOn::None || !std::isfinite(goal))
        return u"-"_s;
    const QString g =
        std::abs(goal) >= 100 ? QString::number(goal, 'f', 0) : QString::number(goal, 'g', 3);
    return goalOn == GoalOn::Ratio ? u"%1 %2x peer"_s.arg(opText(op), g)
                                   : u"%1 %2 %3"_s.arg(opText(op), g, unit);
}

QJsonObject Figure::toJson() const
{
    return {{u"id"_s, id},
            {u"figure"_s, title},
            {u"value"_s, number(value)},
            {u"unit"_s, unit},
            {u"goal"_s, goalText()},
            {u"goal_on"_s,
             goalOn == GoalOn::Ratio       ? u"ratio"_s
                 : goalOn == GoalOn::Value ? u"value"_s
                                           : u"none"_s},
            {u"goal_op"_s,
             op == Op::AtMost        ? u"<="_s
                 : op == Op::AtLeast ? u">="_s
                                     : u">"_s},
            {u"goal_value"_s, number(goal)},
            {u"peer"_s, number(peer)},
            {u"peer_name"_s, peerName},
            {u"ratio"_s, number(ratio)},
            {u"runs"_s, runs},
            {u"spread_min"_s, number(spreadMin)},
            {u"spread_max"_s, number(spreadMax)},
            {u"failed"_s, failed},
            {u"status"_s, status()},
            {u"note"_s, note},
            {u"detail"_s, detail}};
}

Figure Figure::fromJson(const QJsonObject &o)
{
    Figure f;
    f.id = o.value("id"_L1).toString();
    f.title = o.value("figure"_L1).toString();
    f.value = numberOf(o.value("value"_L1));
    f.unit = o.value("unit"_L1).toString();
    const QString on = o.value("goal_on"_L1).toString();
    f.goalOn = on == "ratio"_L1 ? GoalOn::Ratio : on == "value"_L1 ? GoalOn::Value : GoalOn::None;
    const QString op = o.value("goal_op"_L1).toString();
    f.op = op == ">="_L1 ? Op::AtLeast : op == ">"_L1 ? Op::Above : Op::AtMost;
    f.goal = numberOf(o.value("goal_value"_L1));
    f.peer = numberOf(o.value("peer"_L1));
    f.peerName = o.value("peer_name"_L1).toString();
    f.ratio = numberOf(o.value("ratio"_L1));
    f.runs = o.value("runs"_L1).toInt();
    f.spreadMin = numberOf(o.value("spread_min"_L1));
    f.spreadMax = numberOf(o.value("spread_max"_L1));
    f.failed = o.value("failed"_L1).toBool();
    f.note = o.value("note"_L1).toString();
    f.detail = o.value("detail"_L1).toObject();
    return f;
}
