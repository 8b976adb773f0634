#pragma once

#include <QJsonObject>
#include <QString>

#include <cmath>

// One row of the results table and of bench-results.json.
struct Figure
{
    enum class GoalOn { None, Value, Ratio };
    enum class Op { AtMost, AtLeast, Above };

    QString id;    // "ingest.1k.changing"
    QString title; // "Ingest, 1 KB changing snapshots"
    double value = NAN;
    QString unit; // "msg/s", "ms", "%", "MiB"
    GoalOn goalOn = GoalOn::None;
    Op op = Op::AtMost;
    double goal = NAN;
    double peer = NAN;
    QString peerName; // "bare QWebSocket + QJsonDocument"
    double ratio = NAN;
    int runs = 0;
    // Smallest and largest of the samples the value is the median of (rounds, windows), for the
    // measure the goal applies to (the ratio for ratio goals); NaN when measured once.
    double spreadMin = NAN;
    double spreadMax = NAN;
    bool failed = false; // the measurement itself did not complete: always a miss
    QString note;        // how it was measured, one line
    QJsonObject detail;

    // A measured figure; goals and peers are added with the setters below.
    static Figure make(const QString &id, const QString &title, double value, const QString &unit,
                       int runs);
    // The goal applies to the value.
    Figure &goalOnValue(Op op, double goal);
    // The goal applies to the ratio to the peer (measured in the same run).
    Figure &goalOnRatio(Op op, double goal);
    // A peer or baseline measured in the same run; the ratio only where it means something.
    Figure &withPeer(double peerValue, const QString &name, double ratioToPeer = NAN);
    // The spread of `samples` (min-max); fewer than two samples leave it unset.
    Figure &withSpread(const QList<double> &samples);
    // "0.62-0.71", or "-" without a spread.
    QString spreadText() const;

    // "pass", "miss", or "info" without a goal (or without a value).
    QString status() const;
    QString goalText() const;
    QJsonObject toJson() const;
    static Figure fromJson(const QJsonObject &object);
};
