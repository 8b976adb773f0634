#include "rulesmodel.h"

#include "catalog/profiletext.h"
#include "core/clock.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

RulesModel::RulesModel(const Clock *clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock ? clock : SystemClock::instance())
{ }

void RulesModel::setStatuses(const QList<RuleStatus> &statuses)
{
    const bool sameRules = statuses.size() == m_statuses.size()
        && std::equal(statuses.begin(), statuses.end(), m_statuses.begin(),
                      [](const RuleStatus &a, const RuleStatus &b) {
                          return a.ruleId == b.ruleId && a.feedId == b.feedId;
                      });
    if (!sameRules) {
        beginResetModel();
        m_statuses = statuses;
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        if (statuses.at(i) == m_statuses.at(i))
            continue;
        m_statuses[i] = statuses.at(i);
        emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
    }
}

RuleStatus RulesModel::statusAt(int row) const
{
    return row >= 0 && row < m_statuses.size() ? m_statuses.at(row) : RuleStatus();
}

int RulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_statuses.size());
}

int RulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RulesModel::stateText(RuleStatus::State state)
{
    switch (state) {
    case RuleStatus::State::Ok:
        return tr("ok");
    case RuleStatus::State::Pending:
        return tr("pending");
    case RuleStatus::State::Firing:
        return tr("firing");
    case RuleStatus::State::Error:
        return tr("error");
    }
    return {};
}

QString RulesModel::sinceText(qint64 sinceWallMs, qint64 nowWallMs)
{
    const qint64 minutes = std::max<qint64>(0, (nowWallMs - sinceWallMs) / 60000);
    const QString at = QLocale().toString(QDateTime::fromMSecsSinceEpoch(sinceWallMs).time(),
                                          QLocale::ShortFormat);
    if (minutes < 1)
        return tr("%1 (just now)").arg(at);
    if (minutes < 120)
        return tr("%1 (%n min ago)", nullptr, int(minutes)).arg(at);
    return tr("%1 (%n h ago)", nullptr, int(minutes / 60)).arg(at);
}

QString RulesModel::sinceText(const RuleStatus &status) const
{
    if (status.sinceWallMs <= 0 || !status.evaluated)
        return {};
    return sinceText(status.sinceWallMs, m_clock->wallMs());
}

QStringList RulesModel::widestTexts(Column column)
{
    switch (column) {
    case StateColumn:
        return {stateText(RuleStatus::State::Ok), stateText(RuleStatus::State::Pending),
                stateText(RuleStatus::State::Firing), stateText(RuleStatus::State::Error),
                tr("no data")};
    case SinceColumn: {
        // 22:58, the widest hour and minute in most fonts; 119 min and 23 h, the widest counts.
        const qint64 at = QDateTime(QDate(2026, 1, 1), QTime(22, 58)).toMSecsSinceEpoch();
        return {sinceText(at, at), sinceText(at, at + 119 * 60000),
                sinceText(at, at + 23 * 3600000)};
    }
    default:
        return {};
    }
}

QString RulesModel::detail(const RuleStatus &status) const
{
    if (!status.error.isEmpty())
        return status.error;
    QStringList lines;
    for (const RuleRow &r : status.rows)
        lines << (r.firing ? r.text : tr("pending: %1").arg(r.key.isEmpty() ? r.text : r.key));
    return lines.join(u'\n');
}

QVariant RulesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_statuses.size())
        return {};
    const RuleStatus &s = m_statuses.at(index.row());
    switch (role) {
    case RuleIdRole:
        return s.ruleId;
    case FeedIdRole:
        return s.feedId;
    case StateRole:
        return !s.evaluated && s.state == RuleStatus::State::Ok ? u"no data"_s
                                                                : RuleStatus::stateName(s.state);
    case DetailRole:
        return detail(s);
    case Qt::ToolTipRole:
        return index.column() == RuleColumn ? s.description + u"\n"_s + s.ruleId : detail(s);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case RuleColumn:
        return ProfileText::tr(s.title.isEmpty() ? s.ruleId : s.title);
    case FeedColumn:
        return s.feedId;
    case SeverityColumn:
        return s.severity == "critical"_L1 ? tr("critical")
            : s.severity == "info"_L1      ? tr("info")
                                           : tr("warning");
    case StateColumn: {
        // Not evaluated yet (its feed sent nothing): not "ok", which it has not been shown to be.
        QString text =
            !s.evaluated && s.state == RuleStatus::State::Ok ? tr("no data") : stateText(s.state);
        if (s.silencedUntilWallMs > 0)
            text += tr(", silenced until %1")
                        .arg(QLocale().toString(
                            QDateTime::fromMSecsSinceEpoch(s.silencedUntilWallMs).time(),
                            QLocale::ShortFormat));
        return text;
    }
    case SinceColumn:
        return sinceText(s);
    case RowsColumn: {
        if (s.state == RuleStatus::State::Error)
            return s.error;
        QStringList keys;
        for (const RuleRow &r : s.rows)
            keys << (r.key.isEmpty() ? tr("the feed") : r.key);
        return keys.join(u", "_s);
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case RuleColumn:
        return tr("Rule");
    case FeedColumn:
        return tr("Feed");
    case SeverityColumn:
        return tr("Severity");
    case StateColumn:
        return tr("State");
    case SinceColumn:
        return tr("Since");
    case RowsColumn:
        return tr("Rows");
    case ColumnCount:
        break;
    }
    return {};
}
