#include "ruleengine.h"

#include "catalog/jsonpath.h"
#include "catalog/profiletext.h"
#include "core/clock.h"
#include "core/timer.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcRuleStore)

namespace {

bool isEmptyValue(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())
        || (v.isArray() && v.toArray().isEmpty());
}

// Loose, as the backend's types are loose: 214 and "214", 6 and 6.0, "Failed" and "failed".
bool looselyEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (isEmptyValue(a) || isEmptyValue(b))
        return isEmptyValue(a) && isEmptyValue(b);
    if (a.isBool() || b.isBool())
        return a.isBool() && b.isBool() && a.toBool() == b.toBool();
    const std::optional<double> x = FeedColumn::number(a);
    const std::optional<double> y = FeedColumn::number(b);
    if (x && y && (a.isDouble() || b.isDouble()))
        return *x == *y;
    if (a.isString() && b.isString())
        return a.toString().trimmed().compare(b.toString().trimmed(), Qt::CaseInsensitive) == 0;
    return a == b;
}

QString compactJson(const QJsonValue &value)
{
    const QJsonArray wrap {value};
    const QByteArray text = QJsonDocument(wrap).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

// A value as a person reads it in a message: 1.8599999999999999 is 1.86, lists read "a, b".
QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::floor(d) == d && std::abs(d) < 1e15)
            return QString::number(qint64(d));
        QString text = QString::number(d, 'f', 2);
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
        return text;
    }
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << valueText(v);
        return parts.join(u", "_s);
    }
    if (value.isObject())
        return compactJson(value);
    return {};
}

QString describeValue(const QJsonValue &value)
{
    QString text = compactJson(value);
    if (text.size() > 60)
        text = text.left(57) + u"..."_s;
    return text;
}

} // namespace

RuleEngine::RuleEngine(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : SystemClock::instance())
{
    qRegisterMetaType<RuleStatus>();
    qRegisterMetaType<QList<RuleStatus>>();
    qRegisterMetaType<RuleAlert>();
    // Coarse: the moments rules fall due are spread; 5 % late lets them share wake-ups.
    m_tick = m_clock->createTimer([this] { evaluateTime(); }, this, Timer::Slack::Coarse);
    m_statusesHold = m_clock->createTimer(
        [this] {
            if (m_announcePending)
                announce(Announce::Held);
        },
        this);
}

RuleEngine::~RuleEngine() = default;

void RuleEngine::setStore(RuleStore *store)
{
    m_store = store;
    m_restored.clear();
    m_silences.clear();
    if (!store)
        return;
    for (const RuleStore::Entry &e : store->load())
        m_restored[bindingKey(e.rule, e.feed)].append(e);
    m_silences = store->loadSilences();
    for (const auto &b : std::as_const(m_bindings)) {
        takeRestored(*b);
        b->silencedUntilMs = m_silences.value(bindingKey(b->rule.id, b->feedId));
    }
    publish(Announce::Now);
    armTick();
}

void RuleEngine::takeRestored(Binding &b)
{
    const QList<RuleStore::Entry> entries = m_restored.take(bindingKey(b.rule.id, b.feedId));
    b.statusDirty = b.statusDirty || !entries.isEmpty();
    for (const RuleStore::Entry &e : entries) {
        Instance &i = b.instances[e.id];
        i.key = e.key;
        i.state = e.state;
        i.sinceMs = e.sinceMs;
        i.firedMs = e.firedMs;
        i.message = e.message;
        i.text.clear(); // the message as it fired; the translation is not kept
        i.memo = e.memo;
    }
}

void RuleEngine::buildBinding(Binding &b, const Config &config, const BackendSpec &backend,
                              const Rule &rule) const
{
    b.rule = rule;
    b.description = rule.describe();
    b.backend = backend.name;
    b.zone = backend.timeZone;
    const bool several = config.backends.size() > 1;
    b.feedId = several ? backend.name + u'/' + rule.feed : rule.feed;
    b.decodes = rule.perRow()
        || std::any_of(rule.when.begin(), rule.when.end(), [](const RuleCondition &c) {
                    return c.subject == RuleCondition::Subject::Count;
                });
    if (!rule.error.isEmpty()) {
        b.setupError = rule.error;
        return;
    }
    const auto spec = std::find_if(config.feeds.begin(), config.feeds.end(),
                                   [&](const FeedSpec &f) { return f.id == b.feedId; });
    if (spec == config.feeds.end()) {
        const bool known = backend.profile && backend.profile->find(rule.feed);
        b.setupError = known
            ? u"the feed '%1' is not open (it is not among the configured feeds)"_s.arg(rule.feed)
            : u"unknown feed '%1': the profile %2 has no such feed"_s.arg(
                rule.feed, backend.profile ? backend.profile->name() : QString());
        return;
    }
    b.schema = spec->definition().schema;
    if (rule.rowsSet) {
        b.schema.rows = rule.rows;
        b.schema.view = FeedSchema::View::Table;
    }
    if (b.decodes && b.schema.view != FeedSchema::View::Table)
        b.setupError = u"the feed '%1' shows one object, not rows: test it with value, or name "
                       "the rows (\"rows\": \"/items\")"_s.arg(rule.feed);
}

void RuleEngine::setConfig(const Config &config)
{
    QHash<QString, std::shared_ptr<Binding>> previous;
    for (const auto &b : std::as_const(m_bindings))
        previous.insert(bindingKey(b->rule.id, b->feedId), b);
    QList<std::shared_ptr<Binding>> next;
    QList<QString> keys;
    for (const BackendSpec &backend : config.backends) {
        for (const Rule &rule : backend.rules) {
            if (!rule.enabled)
                continue;
            auto b = std::make_shared<Binding>();
            buildBinding(*b, config, backend, rule);
            const QString key = bindingKey(rule.id, b->feedId);
            if (const auto old = previous.value(key)) {
                // Same rule on the same feed: its rows and what it remembers stay.
                b->instances = old->instances;
                b->hasData = old->hasData;
                b->lastState = old->lastState;
                b->stateSinceMs = old->stateSinceMs;
                b->lastReported = old->lastReported;
                b->silencedUntilMs = old->silencedUntilMs;
                if (old->hasData && b->setupError.isEmpty())
                    load(*b, old->data);
            } else {
                takeRestored(*b);
                b->silencedUntilMs = m_silences.value(key);
            }
            keys << key;
            next << b;
        }
    }
    m_bindings = next;
    if (m_store)
        m_store->keepOnly(keys);
    const qint64 now = m_clock->wallMs();
    for (const auto &b : std::as_const(m_bindings)) {
        if (!b->setupError.isEmpty() && b->lastReported != b->setupError) {
            b->lastReported = b->setupError;
            qCWarning(lcRuleStore).noquote()
                << "rule" << b->rule.id << "on" << b->feedId << ":" << b->setupError;
            emit eventRaised({now,
                              b->feedId,
                              u"rule_error"_s,
                              {{u"rule"_s, b->rule.id}, {u"error"_s, b->setupError}}});
        }
        if (b->hasData && b->setupError.isEmpty())
            evaluate(*b, false);
    }
    publish(Announce::Now);
    armTick();
}

void RuleEngine::load(Binding &b, const QJsonValue &data, const Binding *decodedAlike)
{
    b.statusDirty = b.statusDirty || !b.hasData;
    b.data = data;
    b.hasData = true;
    b.rows.clear();
    b.rowsProblem.clear();
    if (!b.decodes)
        return;
    if (decodedAlike) {
        // Rules of one feed read the same rows: the snapshot is decoded once, the rows shared.
        b.rows = decodedAlike->rows;
        b.rowsProblem = decodedAlike->rowsProblem;
        return;
    }
    DecodedSnapshot decoded = b.schema.decode(data);
    if (!decoded.problem.isNull())
        b.rowsProblem =
            u"the data is not as the profile describes: %1"_s.arg(decoded.problem.englishText());
    else
        b.rows = std::move(decoded.rows);
}

void RuleEngine::observeSnapshot(const QString &feedId, const QString &, const QJsonValue &data)
{
    bool any = false;
    QList<const Binding *> decoded;
    for (const auto &b : std::as_const(m_bindings)) {
        if (b->feedId != feedId || !b->setupError.isEmpty())
            continue;
        const Binding *alike = nullptr;
        if (b->decodes) {
            const auto same = std::find_if(decoded.cbegin(), decoded.cend(), [&](const Binding *o) {
                return o->rule.rowsSet == b->rule.rowsSet && o->schema.rows == b->schema.rows;
            });
            alike = same == decoded.cend() ? nullptr : *same;
        }
        load(*b, data, alike);
        if (b->decodes && !alike)
            decoded << b.get();
        evaluate(*b, false);
        any = true;
    }
    if (!any)
        return;
    publish();
    armTick();
}

void RuleEngine::evaluateTime()
{
    const qint64 now = m_clock->wallMs();
    for (const auto &b : std::as_const(m_bindings)) {
        if (b->silencedUntilMs != 0 && b->silencedUntilMs <= now) {
            b->silencedUntilMs = 0; // over: said once more, then no longer looked at
            b->statusDirty = true;
        }
        if (b->hasData && b->setupError.isEmpty() && b->dueMs != 0 && b->dueMs <= now)
            evaluate(*b, true);
    }
    publish();
    armTick();
}

void RuleEngine::armTick()
{
    qint64 due = std::numeric_limits<qint64>::max();
    for (const auto &b : std::as_const(m_bindings)) {
        if (b->hasData && b->setupError.isEmpty() && b->dueMs != 0)
            due = std::min(due, b->dueMs);
        if (b->silencedUntilMs != 0)
            due = std::min(due, b->silencedUntilMs);
    }
    if (due == std::numeric_limits<qint64>::max()) {
        m_tick->stop();
        return;
    }
    if (m_tick->isActive() && m_tickDueMs == due)
        return;
    m_tickDueMs = due;
    m_tick->start(std::max<qint64>(0, due - m_clock->wallMs()));
}

void RuleEngine::silence(const QString &ruleId, const QString &feedId, qint64 untilWallMs)
{
    const QString key = bindingKey(ruleId, feedId);
    if (untilWallMs > 0)
        m_silences.insert(key, untilWallMs);
    else
        m_silences.remove(key);
    for (const auto &b : std::as_const(m_bindings)) {
        if (b->rule.id == ruleId && b->feedId == feedId) {
            b->silencedUntilMs = untilWallMs;
            b->statusDirty = true;
        }
    }
    if (m_store)
        m_store->writeSilence(ruleId, feedId, untilWallMs);
    publish(Announce::Now);
    armTick(); // the Rules page says the silence is over when it is
}

void RuleEngine::remember(const RuleCondition &c, int index, const QJsonValue &value, qint64 now,
                          QJsonObject &memo)
{
    const QString slot = QString::number(index);
    if (c.op == RuleCondition::Op::ChangedTo) {
        // "Changed to" needs the row seen with another value first: a row that is already
        // failed when Feedwatch first sees it did not change to failed while it watched.
        if (!looselyEqual(value, c.values.first())
            && !memo.value(slot).toObject().value("other"_L1).toBool())
            memo.insert(slot, QJsonObject {{u"other"_s, true}});
    } else if (c.op == RuleCondition::Op::UnchangedFor) {
        const QString text = compactJson(value);
        const QJsonObject before = memo.value(slot).toObject();
        if (!before.contains("v"_L1) || before.value("v"_L1).toString() != text)
            memo.insert(slot, QJsonObject {{u"v"_s, text}, {u"t"_s, double(now)}});
    }
}

bool RuleEngine::testOne(const Binding &b, const RuleCondition &c, int index,
                         const DecodedSnapshot::Row *row, const QJsonObject &memo, qint64 now,
                         QJsonValue *valueOut, QString *error, qint64 *due) const
{
    QJsonValue value;
    QString where;
    switch (c.subject) {
    case RuleCondition::Subject::Field:
        value = row ? JsonPath::at(row->object, c.path) : QJsonValue(QJsonValue::Undefined);
        where = row && !row->key.isEmpty() ? u"%1 of row %2"_s.arg(c.path, row->key) : c.path;
        break;
    case RuleCondition::Subject::Value:
        value = JsonPath::at(b.data, c.path);
        where = c.path.isEmpty() ? u"the data"_s : c.path;
        if (value.isUndefined()) {
            *error = u"no value at %1 in the data"_s.arg(where);
            return false;
        }
        break;
    case RuleCondition::Subject::Count: {
        int n = 0;
        for (const DecodedSnapshot::Row &r : b.rows) {
            bool all = true;
            for (qsizetype i = 0; i < c.countOf.size() && all; ++i) {
                QJsonValue ignored;
                all = testOne(b, c.countOf.at(i), -1, &r, {}, now, &ignored, error, due);
                if (!error->isEmpty())
                    return false;
            }
            n += all ? 1 : 0;
        }
        value = n;
        where = u"the count"_s;
        break;
    }
    }
    *valueOut = value;
    const QString slot = QString::number(index);
    switch (c.op) {
    case RuleCondition::Op::Equals:
        return looselyEqual(value, c.values.first());
    case RuleCondition::Op::NotEquals:
        return !looselyEqual(value, c.values.first());
    case RuleCondition::Op::In:
    case RuleCondition::Op::NotIn: {
        const bool found = std::any_of(c.values.begin(), c.values.end(),
                                       [&](const QJsonValue &v) { return looselyEqual(value, v); });
        return c.op == RuleCondition::Op::In ? found : !found;
    }
    case RuleCondition::Op::Below:
    case RuleCondition::Op::Above:
    case RuleCondition::Op::AtMost:
    case RuleCondition::Op::AtLeast: {
        if (isEmptyValue(value))
            return false; // nothing to compare: not a problem of the rule
        const std::optional<double> n = value.isBool() ? std::nullopt : FeedColumn::number(value);
        if (!n) {
            *error = u"%1 is %2, not a number"_s.arg(where, describeValue(value));
            return false;
        }
        switch (c.op) {
        case RuleCondition::Op::Below:
            return *n < c.number;
        case RuleCondition::Op::Above:
            return *n > c.number;
        case RuleCondition::Op::AtMost:
            return *n <= c.number;
        default:
            return *n >= c.number;
        }
    }
    case RuleCondition::Op::ChangedTo:
        return looselyEqual(value, c.values.first())
            && memo.value(slot).toObject().value("other"_L1).toBool();
    case RuleCondition::Op::OlderThan: {
        if (isEmptyValue(value))
            return false;
        // Naive times are the backend's wall clock (backends.<b>.timezone), as the table reads
        // them: never silently UTC.
        const QDateTime at = FeedColumn::timestamp(value, b.zone);
        if (!at.isValid()) {
            *error = u"%1 is %2, not a time"_s.arg(where, describeValue(value));
            return false;
        }
        // Older and older: once it holds it holds until the data changes. Until then, it starts
        // to hold one millisecond past the limit.
        const qint64 holdsFrom = at.toMSecsSinceEpoch() + c.durationMs + 1;
        if (now < holdsFrom)
            *due = std::min(*due, holdsFrom);
        return now >= holdsFrom;
    }
    case RuleCondition::Op::UnchangedFor: {
        const QJsonObject m = memo.value(slot).toObject();
        if (!m.contains("t"_L1))
            return false;
        const qint64 holdsFrom = qint64(m.value("t"_L1).toDouble()) + c.durationMs;
        if (now < holdsFrom)
            *due = std::min(*due, holdsFrom);
        return now >= holdsFrom;
    }
    }
    return false;
}

RuleEngine::Outcome RuleEngine::test(const Binding &b, const DecodedSnapshot::Row *row,
                                     const QJsonObject &memo, qint64 now, QList<int> *missingField,
                                     qint64 *due) const
{
    Outcome out;
    out.holds = true;
    for (int i = 0; i < b.rule.when.size(); ++i) {
        const RuleCondition &c = b.rule.when.at(i);
        QJsonValue value;
        const bool ok = testOne(b, c, i, row, memo, now, &value, &out.error, due);
        if (c.subject == RuleCondition::Subject::Field && value.isUndefined()
            && out.error.isEmpty())
            (*missingField)[i] += 1;
        if (c.subject == RuleCondition::Subject::Field)
            (*missingField)[b.rule.when.size() + i] += 1; // rows this test looked at
        out.value = value;
        if (!out.error.isEmpty() || !ok) {
            out.holds = false;
            break;
        }
    }
    return out;
}

QString RuleEngine::fill(const QString &text, const Binding &b, const DecodedSnapshot::Row *row,
                         const QJsonValue &value) const
{
    static const QRegularExpression placeholder(u"\\{([^{}]+)\\}"_s);
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1).trimmed();
        if (name == "$key"_L1)
            out += row ? row->key : QString();
        else if (name == "$value"_L1)
            out += valueText(value);
        else if (name == "$feed"_L1)
            out += b.feedId;
        else if (name == "$rule"_L1)
            out += b.rule.id;
        else
            // "{/summary/total}" is the feed's data, "{status}" the row's (the data without one).
            out += valueText(JsonPath::at(
                row && !name.startsWith(u'/') ? QJsonValue(row->object) : b.data, name));
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

void RuleEngine::evaluate(Binding &b, bool timeOnly)
{
    Q_UNUSED(timeOnly)
    const qint64 now = m_clock->wallMs();
    // Conditions are tested in order and a row stops at the first that fails: a later one can
    // start to hold only after an earlier one did, and only one on time can do that by itself.
    qint64 due = std::numeric_limits<qint64>::max();
    QString error;
    QSet<QString> seen;
    // Per test: rows where its field was missing, then rows it looked at.
    QList<int> fieldCounts(b.rule.when.size() * 2, 0);
    const auto step = [&](const DecodedSnapshot::Row *row) {
        const QString id = row ? row->id : QString();
        seen.insert(id);
        Instance scratch;
        const auto it = b.instances.find(id);
        Instance &inst = it == b.instances.end() ? scratch : *it;
        const Instance before = inst;
        for (int i = 0; i < b.rule.when.size(); ++i) {
            const RuleCondition &c = b.rule.when.at(i);
            if (!c.remembers())
                continue;
            const QJsonValue value = c.subject == RuleCondition::Subject::Field
                ? (row ? JsonPath::at(row->object, c.path) : QJsonValue(QJsonValue::Undefined))
                : JsonPath::at(b.data, c.path);
            if (!value.isUndefined())
                remember(c, i, value, now, inst.memo);
        }
        const Outcome outcome = test(b, row, inst.memo, now, &fieldCounts, &due);
        if (!outcome.error.isEmpty() && error.isEmpty())
            error = outcome.error;
        inst.key = row ? row->key : QString();
        if (outcome.holds) {
            if (inst.state == 0) {
                inst.state = 1;
                inst.sinceMs = now;
            }
            if (inst.state == 1 && now - inst.sinceMs >= b.rule.forMs) {
                inst.state = 2;
                inst.firedMs = now;
                inst.message = fill(b.rule.message, b, row, outcome.value);
                const QString translated = ProfileText::tr(b.rule.message);
                inst.text = translated == b.rule.message ? inst.message
                                                         : fill(translated, b, row, outcome.value);
                raise(b, inst, true);
            }
            if (inst.state == 1)
                due = std::min(due, inst.sinceMs + b.rule.forMs);
        } else if (outcome.error.isEmpty()) {
            // An error says nothing about the row: what it was stays until it can be told.
            if (inst.state == 2)
                raise(b, inst, false);
            if (inst.state != 0) {
                inst.state = 0;
                inst.sinceMs = 0;
                inst.firedMs = 0;
                inst.message.clear();
                inst.text.clear();
            }
        }
        const bool changed = inst.state != before.state || inst.memo != before.memo
            || inst.key != before.key || inst.sinceMs != before.sinceMs;
        if (&inst == &scratch) {
            if (inst.state != 0 || !inst.memo.isEmpty()) {
                b.instances.insert(id, inst);
                persist(b, id, &inst);
            }
        } else if (inst.state == 0 && inst.memo.isEmpty()) {
            b.instances.remove(id);
            persist(b, id, nullptr);
        } else if (changed) {
            persist(b, id, &inst);
        }
    };

    if (b.decodes && !b.rowsProblem.isEmpty()) {
        error = b.rowsProblem;
    } else if (b.rule.perRow()) {
        for (const DecodedSnapshot::Row &row : std::as_const(b.rows))
            step(&row);
        for (int i = 0; i < b.rule.when.size(); ++i) {
            const int missing = fieldCounts.at(i);
            const int looked = fieldCounts.at(b.rule.when.size() + i);
            if (looked > 0 && missing == looked && error.isEmpty())
                error = u"no row has the field '%1'"_s.arg(b.rule.when.at(i).path);
        }
        // Rows gone from the data leave the condition: a failed phase removed from the queue
        // is resolved, not forgotten.
        const QList<QString> ids = b.instances.keys();
        for (const QString &id : ids) {
            if (seen.contains(id))
                continue;
            const Instance inst = b.instances.take(id);
            if (inst.state == 2)
                raise(b, inst, false);
            persist(b, id, nullptr);
        }
    } else {
        step(nullptr);
    }
    b.dueMs = due == std::numeric_limits<qint64>::max() ? 0 : due;
    b.statusDirty = b.statusDirty || b.dataError != error;
    b.dataError = error;
    if (!error.isEmpty() && error != b.lastReported) {
        qCWarning(lcRuleStore).noquote() << "rule" << b.rule.id << "on" << b.feedId << ":" << error;
        emit eventRaised(
            {now, b.feedId, u"rule_error"_s, {{u"rule"_s, b.rule.id}, {u"error"_s, error}}});
    }
    b.lastReported = error;
    if (m_store && (!m_pendingWrites.isEmpty() || !m_pendingRemovals.isEmpty()))
        m_store->write(std::exchange(m_pendingWrites, {}), std::exchange(m_pendingRemovals, {}));
    m_pendingWrites.clear();
    m_pendingRemovals.clear();
}

void RuleEngine::persist(Binding &b, const QString &id, const Instance *instance)
{
    b.statusDirty = true; // called for every change of an instance
    if (!m_store)
        return;
    if (!instance) {
        m_pendingRemovals << RuleStore::Id {b.rule.id, b.feedId, id};
        return;
    }
    m_pendingWrites << RuleStore::Entry {b.rule.id,         b.feedId,          id,
                                         instance->key,     instance->state,   instance->sinceMs,
                                         instance->firedMs, instance->message, instance->memo};
}

void RuleEngine::raise(Binding &b, const Instance &instance, bool firing)
{
    const qint64 now = m_clock->wallMs();
    const FeedEvent event {now,
                           b.feedId,
                           u"alert"_s,
                           {{u"alert"_s, u"rule"_s},
                            {u"rule"_s, b.rule.id},
                            {u"key"_s, instance.key},
                            {u"state"_s, firing ? u"firing"_s : u"resolved"_s},
                            {u"severity"_s, b.rule.severityName()},
                            {u"message"_s, instance.message}}};
    RuleAlert alert;
    alert.ruleId = b.rule.id;
    alert.feedId = b.feedId;
    alert.key = instance.key;
    alert.severity = b.rule.severityName();
    alert.title = ProfileText::tr(b.rule.title);
    alert.text = instance.text.isEmpty() ? instance.message : instance.text;
    alert.firing = firing;
    alert.silenced = now < b.silencedUntilMs;
    emit alertRaised(event, alert);
}

RuleStatus RuleEngine::statusOf(const Binding &b) const
{
    RuleStatus s;
    s.ruleId = b.rule.id;
    s.feedId = b.feedId;
    s.backend = b.backend;
    s.title = b.rule.title;
    s.severity = b.rule.severityName();
    s.description = b.description;
    s.origin = b.rule.origin;
    s.error = b.setupError.isEmpty() ? b.dataError : b.setupError;
    s.evaluated = b.hasData;
    s.silencedUntilWallMs = b.silencedUntilMs > m_clock->wallMs() ? b.silencedUntilMs : 0;
    for (auto it = b.instances.cbegin(); it != b.instances.cend(); ++it) {
        if (it->state == 0)
            continue;
        RuleRow row;
        row.id = it.key();
        row.key = it->key;
        row.firing = it->state == 2;
        row.sinceWallMs = it->sinceMs;
        row.firedWallMs = it->firedMs;
        row.message = it->message;
        row.text = it->text.isEmpty() ? it->message : it->text;
        s.rows << row;
    }
    std::sort(s.rows.begin(), s.rows.end(), [](const RuleRow &x, const RuleRow &y) {
        return std::tie(x.sinceWallMs, x.key) < std::tie(y.sinceWallMs, y.key);
    });
    if (!s.error.isEmpty())
        s.state = RuleStatus::State::Error;
    else if (s.firingCount() > 0)
        s.state = RuleStatus::State::Firing;
    else if (!s.rows.isEmpty())
        s.state = RuleStatus::State::Pending;
    else
        s.state = RuleStatus::State::Ok;
    return s;
}

void RuleEngine::publish(Announce when)
{
    const qint64 now = m_clock->wallMs();
    bool changed = m_statuses.size() != m_bindings.size();
    for (const auto &b : std::as_const(m_bindings)) {
        // A silence ends with time, not with a change of the rule.
        if (!b->statusDirty && b->silencedUntilMs == 0)
            continue;
        b->statusDirty = false;
        RuleStatus s = statusOf(*b);
        if (s.state != b->lastState || b->stateSinceMs == 0) {
            b->lastState = s.state;
            b->stateSinceMs = now;
        }
        // Since when: the first row that fired (or entered) for those states, which a restart
        // keeps; the moment of the change for the others.
        qint64 since = b->stateSinceMs;
        for (const RuleRow &r : std::as_const(s.rows)) {
            if (s.state == RuleStatus::State::Firing && r.firing)
                since = std::min(since, r.firedWallMs);
            else if (s.state == RuleStatus::State::Pending)
                since = std::min(since, r.sinceWallMs);
        }
        s.sinceWallMs = since;
        if (s != b->status) {
            b->status = s;
            changed = true;
        }
    }
    if (!changed)
        return;
    m_statusesStale = true;
    announce(when);
}

// The list is built when it is announced or asked for, not per snapshot: under a flood of
// snapshots (480 feeds) copying and comparing every binding's status on each one was a
// twentieth of the engine thread.
void RuleEngine::refreshStatuses() const
{
    if (!m_statusesStale)
        return;
    m_statusesStale = false;
    QList<RuleStatus> out;
    out.reserve(m_bindings.size());
    for (const auto &b : std::as_const(m_bindings))
        out << b->status;
    if (out == m_statuses)
        return;
    m_statuses = out;
    m_statusesUnannounced = true;
}

QList<RuleStatus> RuleEngine::statuses() const
{
    refreshStatuses();
    return m_statuses;
}

void RuleEngine::announce(Announce when)
{
    if (when == Announce::Held && m_statusesHold->isActive()) {
        m_announcePending = true;
        return;
    }
    m_announcePending = false;
    refreshStatuses();
    if (!m_statusesUnannounced)
        return;
    m_statusesUnannounced = false;
    emit statusesChanged(m_statuses);
    m_statusesHold->start(statusesHoldMs);
}
