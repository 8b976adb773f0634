#include "redaction.h"

#include <QJsonArray>
#include <QReadWriteLock>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Forms shorter than this (base64 of a 1-2 byte secret) would mask unrelated text.
constexpr qsizetype kMinEncodedForm = 4;

// The base64 characters that depend on the secret's bytes alone, for the secret starting at
// byte offset `shift` of a longer encoded buffer.
QString base64Core(const QByteArray &bytes, int shift, QByteArray::Base64Options options)
{
    const QByteArray encoded =
        (QByteArray(shift, '\0') + bytes).toBase64(options | QByteArray::OmitTrailingEquals);
    const qsizetype first = (8 * shift + 5) / 6;
    const qsizetype end = (8 * (shift + bytes.size())) / 6;
    return end > first ? QString::fromLatin1(encoded.mid(first, end - first)) : QString();
}

// Never destroyed: Qt still logs while static objects are torn down at exit (plugin unloading
// with qt.*.debug on), and the handler must not touch a destroyed lock then.
QReadWriteLock &knownLock()
{
    static auto *lock = new QReadWriteLock;
    return *lock;
}

QStringList &knownForms()
{
    static auto *forms = new QStringList;
    return *forms;
}

QtMessageHandler g_previous = nullptr;
bool g_installed = false;

void maskingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_previous)
        g_previous(type, context, Redaction::maskKnown(message));
}

} // namespace

namespace Redaction {

QString displayUrl(const QUrl &url)
{
    QUrl out = url;
    if (!out.userInfo().isEmpty())
        out.setUserInfo(QString(kMask));
    if (out.hasQuery()) {
        QUrlQuery query(out);
        QList<std::pair<QString, QString>> items = query.queryItems();
        for (auto &item : items)
            item.second = QString(kMask);
        query.setQueryItems(items);
        out.setQuery(query);
    }
    return out.toString();
}

bool urlHasCredentials(const QUrl &url)
{
    return !url.userInfo().isEmpty() || url.hasQuery();
}

QStringList forms(const QString &secret)
{
    if (secret.isEmpty())
        return {};
    QSet<QString> out {secret};
    const QByteArray utf8 = secret.toUtf8();
    const QString upper = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    out << upper;
    QString lower = upper;
    for (qsizetype i = 0; i + 2 < lower.size(); ++i) {
        if (lower.at(i) == u'%') {
            lower[i + 1] = lower.at(i + 1).toLower();
            lower[i + 2] = lower.at(i + 2).toLower();
        }
    }
    out << lower;
    // What QUrlQuery leaves unencoded ("+", "/", "?") and the HTML form flavour (space as +).
    QUrlQuery query;
    query.addQueryItem(u"k"_s, secret);
    out << query.query(QUrl::FullyEncoded).mid(2) << query.query(QUrl::PrettyDecoded).mid(2);
    out << QString(upper).replace(u"%20"_s, u"+"_s);
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        for (int shift = 0; shift < 3; ++shift)
            out << base64Core(utf8, shift, options);
    }
    QStringList list;
    for (const QString &form : std::as_const(out)) {
        if (form == secret || form.size() >= kMinEncodedForm)
            list << form;
    }
    // Longest first, so a longer form is never half-masked by a shorter one inside it.
    std::sort(list.begin(), list.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    return list;
}

QString mask(QString text, const QStringList &forms)
{
    for (const QString &form : forms)
        text.replace(form, kMask);
    return text;
}

namespace {
QJsonValue maskValue(const QJsonValue &value, const QStringList &forms)
{
    if (value.isString())
        return mask(value.toString(), forms);
    if (value.isObject())
        return mask(value.toObject(), forms);
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(maskValue(item, forms));
        return out;
    }
    return value;
}
} // namespace

QJsonObject mask(const QJsonObject &object, const QStringList &forms)
{
    if (forms.isEmpty())
        return object;
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it)
        out.insert(it.key(), maskValue(it.value(), forms)); // keys are Feedwatch's own names
    return out;
}

void addSecret(const QString &secret)
{
    if (secret.isEmpty())
        return;
    QWriteLocker locker(&knownLock());
    QStringList &known = knownForms();
    for (const QString &form : forms(secret)) {
        if (!known.contains(form))
            known << form;
    }
    std::sort(known.begin(), known.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString maskKnown(const QString &text)
{
    QReadLocker locker(&knownLock());
    return mask(text, knownForms());
}

void installMessageHandler()
{
    if (g_installed)
        return;
    g_installed = true;
    // Qt 6 hands back its default handler (stderr, journald, QT_MESSAGE_PATTERN) here.
    g_previous = qInstallMessageHandler(maskingHandler);
}

} // namespace Redaction
