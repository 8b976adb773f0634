#include "configeditor.h"

#include "config/configfile.h"
#include "config/tlsconfig.h"
#include "config/tokenstore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
const QString kServer = u"server"_s;
const QString kToken = u"auth.token"_s;
// The token store's entry for the one backend the dialog edits.
const QString kTokenEntry = u"default"_s;
} // namespace

QStringList ConfigProblems::all() const
{
    QStringList out;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        for (const QString &message : it.value())
            out << u"%1: %2"_s.arg(it.key(), message);
    }
    out.sort();
    return out + general;
}

ConfigEditor::ConfigEditor(const QString &path, const ConfigOverrides &overrides, QObject *parent)
    : QObject(parent)
    , m_path(path.isEmpty() ? ConfigLoader::defaultConfigPath() : path)
    , m_overrides(overrides)
{
    if (!ConfigFile::read(m_path, &m_original, &m_readError) && m_readError.isEmpty())
        m_readError = m_path;
    m_multipleBackends = m_original.contains("backends"_L1);
    m_originalToken = ConfigFile::value(m_original, kToken).toString();
    if (m_originalToken.isEmpty() && ConfigFile::value(m_original, u"auth.token_store"_s).toBool())
        m_originalToken = TokenStore().read(kTokenEntry).token;
    // A token in the clear in the file moves to the store with the next save.
    if (m_original.value("auth"_L1).toObject().contains("token"_L1) && isEditable(kToken))
        m_edits.insert(kToken, m_originalToken);
}

Settings ConfigEditor::fileSettings() const
{
    return ConfigLoader::fromJson(m_original).config.settings;
}

QString ConfigEditor::originalText(const QString &key) const
{
    if (key == kServer)
        return m_original.value(kServer).toString();
    if (key == kToken)
        return m_originalToken;
    const QJsonValue value = ConfigFile::value(fileSettings().toJson(), key);
    return value.isString() ? value.toString() : QString::number(value.toDouble(), 'g', 12);
}

QString ConfigEditor::tokenFile() const
{
    return ConfigFile::value(m_original, u"auth.token_file"_s).toString();
}

bool ConfigEditor::isEditable(const QString &key) const
{
    if (key == kServer)
        return !m_multipleBackends;
    if (key == kToken)
        return !m_multipleBackends && tokenFile().isEmpty();
    return Settings::isKey(key);
}

void ConfigEditor::setText(const QString &key, const QString &text)
{
    if (isEditable(key))
        m_edits.insert(key, text.trimmed());
}

QString ConfigEditor::text(const QString &key) const
{
    return m_edits.contains(key) ? m_edits.value(key) : originalText(key);
}

QJsonValue ConfigEditor::valueFor(const QString &key, const QString &text) const
{
    if (key == kServer || Settings::isTextKey(key))
        return text.isEmpty() && key == kServer ? QJsonValue() : QJsonValue(text);
    bool ok = false;
    const double number = text.toDouble(&ok);
    // Text that is not a number goes in as text, so the check says "expected a number".
    return ok ? QJsonValue(number) : QJsonValue(text);
}

QJsonObject ConfigEditor::candidate() const
{
    QJsonObject root = m_original;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
        if (it.key() == kToken) {
            // The file only says where the token is; the token itself goes to the store.
            ConfigFile::setValue(root, kToken, QJsonValue());
            ConfigFile::setValue(root, u"auth.token_store"_s,
                                 it.value().isEmpty() ? QJsonValue() : QJsonValue(true));
            continue;
        }
        ConfigFile::setValue(root, it.key(), valueFor(it.key(), it.value()));
    }
    return root;
}

ConfigProblems ConfigEditor::check() const
{
    ConfigProblems problems;
    if (!isReadable()) {
        problems.general << m_readError;
        return problems;
    }
    const QJsonObject root = candidate();
    QStringList keyedTexts; // what the loader also reports, so it is not said twice
    auto add = [&](const QString &key, const QString &message) {
        problems.byKey[key] << message;
        keyedTexts << u"%1: %2"_s.arg(key, message);
    };
    if (m_edits.contains(kServer) && !m_edits.value(kServer).isEmpty()) {
        QString error;
        ConfigLoader::validateServerUrl(m_edits.value(kServer), &error);
        if (!error.isEmpty())
            add(kServer, error);
    }
    // Each edited setting on its own, then the checks across settings, all on the file's
    // top-level settings as edited.
    Settings settings = ConfigLoader::fromJson(m_original).config.settings;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it) {
        if (!Settings::isKey(it.key()))
            continue;
        const Settings::Problem problem = settings.trySet(it.key(), valueFor(it.key(), it.value()));
        if (!problem.message.isEmpty())
            add(problem.key, problem.message);
    }
    for (const Settings::Problem &problem : settings.problems())
        add(problem.key, problem.message);
    for (const QString &error : ConfigLoader::fromJson(root).errors) {
        if (!keyedTexts.contains(error))
            problems.general << error;
    }
    return problems;
}

ConfigProblems ConfigEditor::apply()
{
    ConfigProblems problems = check();
    if (!problems.isEmpty())
        return problems;
    if (m_edits.contains(kToken)) {
        const TokenStore store;
        const QString token = m_edits.value(kToken);
        const QString error =
            token.isEmpty() ? store.remove(kTokenEntry) : store.write(kTokenEntry, token);
        if (!error.isEmpty()) {
            problems.byKey[kToken]
                << QCoreApplication::translate("Config", "the token could not be saved: %1")
                       .arg(error);
            return problems;
        }
    }
    return writeAndReload(candidate());
}

ConfigProblems ConfigEditor::trustCertificate(const QString &host, int port, const QString &sha256)
{
    ConfigProblems problems;
    if (!isReadable()) {
        problems.general << m_readError; // never overwrite a file that could not be read
        return problems;
    }
    QJsonObject root = m_original;
    TlsConfig::addTrustedCertificate(root, host, port, sha256);
    return writeAndReload(root);
}

ConfigProblems ConfigEditor::writeAndReload(const QJsonObject &root)
{
    ConfigProblems problems;
    problems.general = ConfigFile::write(m_path, root);
    if (!problems.isEmpty())
        return problems;
    m_original = root;
    m_edits.clear();
    const ConfigResult loaded = ConfigLoader::load(m_path, m_overrides);
    if (!loaded.ok()) {
        // The file is good; the command-line overrides on top of it are not.
        problems.general << QCoreApplication::translate("Config", "saved, but not applied: %1")
                                .arg(loaded.errors.join(u"; "_s));
        return problems;
    }
    emit applied(loaded.config);
    return problems;
}
