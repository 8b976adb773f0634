#include "settingsdialog.h"

#include "config/configfile.h"
#include "config/tokenstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
struct FieldDef
{
    QString key;
    const char *label;
};

const QList<FieldDef> &timingFields()
{
    static const QList<FieldDef> fields = {
        {u"connect.timeout_ms"_s, QT_TRANSLATE_NOOP("SettingsDialog", "Connect timeout (ms)")},
        {u"backoff.initial_ms"_s, QT_TRANSLATE_NOOP("SettingsDialog", "First retry after (ms)")},
        {u"backoff.max_ms"_s, QT_TRANSLATE_NOOP("SettingsDialog", "Longest retry delay (ms)")},
        {u"heartbeat.interval_ms"_s, QT_TRANSLATE_NOOP("SettingsDialog", "Heartbeat every (ms)")},
        {u"heartbeat.timeout_ms"_s, QT_TRANSLATE_NOOP("SettingsDialog", "Dead after silence (ms)")},
        {u"circuit.failure_threshold"_s,
         QT_TRANSLATE_NOOP("SettingsDialog", "Open circuit after failures")},
        {u"circuit.open_ms"_s, QT_TRANSLATE_NOOP("SettingsDialog", "Circuit stays open (ms)")},
        {u"connection.stable_ms"_s, QT_TRANSLATE_NOOP("SettingsDialog", "Stable after (ms)")},
    };
    return fields;
}

QString numberText(double value)
{
    return QString::number(value, 'g', 12);
}
} // namespace

SettingsDialog::SettingsDialog(const QString &configPath, const ConfigOverrides &overrides,
                               QWidget *parent)
    : QDialog(parent)
    , m_path(configPath.isEmpty() ? ConfigLoader::defaultConfigPath() : configPath)
    , m_overrides(overrides)
{
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));
    m_general = new QLabel(this);
    m_general->setWordWrap(true);
    m_general->setStyleSheet(u"color: #c62828;"_s);
    m_general->hide();

    QString readError;
    const bool readable = ConfigFile::read(m_path, &m_original, &readError);
    m_multipleBackends = m_original.contains("backends"_L1);
    const Settings effective = ConfigLoader::fromJson(m_original).config.settings;
    const QJsonObject effectiveJson = effective.toJson();

    QList<QLabel *> labels;
    auto addField = [this, &labels](QFormLayout *form, const QString &key, const QString &label,
                                    const QString &text) {
        auto *edit = new QLineEdit(text, this);
        edit->setAccessibleName(label);
        edit->setToolTip(key);
        edit->setMinimumWidth(260);
        auto *error = new QLabel(this);
        error->setAccessibleName(tr("%1 error").arg(label));
        error->setWordWrap(true);
        error->setStyleSheet(u"color: #c62828;"_s);
        error->hide();
        auto *cell = new QVBoxLayout;
        cell->setSpacing(2);
        cell->addWidget(edit);
        cell->addWidget(error);
        auto *name = new QLabel(label, this);
        name->setBuddy(edit);
        labels << name;
        form->addRow(name, cell);
        m_fields.insert(key, edit);
        m_errors.insert(key, error);
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
        return edit;
    };

    auto *serverBox = new QGroupBox(tr("Backend"), this);
    auto *serverForm = new QFormLayout(serverBox);
    QLineEdit *server = addField(serverForm, u"server"_s, tr("Server URL"),
                                 m_original.value("server"_L1).toString());
    server->setPlaceholderText(u"ws://127.0.0.1:8002"_s);
    const TokenStore store;
    const QString tokenFile = ConfigFile::value(m_original, u"auth.token_file"_s).toString();
    m_originalToken = ConfigFile::value(m_original, u"auth.token"_s).toString();
    if (m_originalToken.isEmpty() && ConfigFile::value(m_original, u"auth.token_store"_s).toBool())
        m_originalToken = store.read(u"default"_s).token;
    QLineEdit *token = addField(serverForm, u"auth.token"_s, tr("Token"), m_originalToken);
    token->setEchoMode(QLineEdit::Password);
    m_tokenNote = new QLabel(this);
    m_tokenNote->setObjectName(u"tokenNote"_s);
    m_tokenNote->setWordWrap(true);
    m_tokenNote->setStyleSheet(u"color: #5f6b76;"_s);
    const TokenStore::Probe probe = store.probe();
    m_tokenNote->setText(
        !tokenFile.isEmpty()
            ? tr("The token is read from %1 (auth.token_file); edit that file to change it.")
                  .arg(tokenFile)
            : probe.keychainReachable
            ? tr("Saved in the system keychain (%1), not in the configuration file.")
                  .arg(probe.reason)
            : tr("Saved in %1, readable only by you, not in the configuration file (no "
                 "keychain: %2).")
                  .arg(store.filePath(), probe.reason));
    serverForm->addRow(QString(), m_tokenNote);
    if (!tokenFile.isEmpty())
        token->setEnabled(false);
    if (m_multipleBackends) {
        server->setEnabled(false);
        token->setEnabled(false);
        serverForm->addRow(new QLabel(
            tr("Several backends are configured; edit their servers in the file."), this));
    } else if (!overrides.server.isEmpty()) {
        auto *note = new QLabel(
            tr("This session's server comes from the command line; the value here is saved "
               "for later sessions."),
            this);
        note->setWordWrap(true);
        serverForm->addRow(note);
    }

    auto *timingBox = new QGroupBox(tr("Connection timing"), this);
    auto *timingForm = new QFormLayout(timingBox);
    for (const FieldDef &def : timingFields()) {
        addField(timingForm, def.key, tr(def.label),
                 numberText(ConfigFile::value(effectiveJson, def.key).toDouble()));
    }

    // Both groups' fields start at the same x.
    int labelWidth = 0;
    for (QLabel *label : std::as_const(labels))
        labelWidth = std::max(labelWidth, label->sizeHint().width());
    for (QLabel *label : std::as_const(labels))
        label->setMinimumWidth(labelWidth);

    auto *path = new QLabel(tr("Saved to %1").arg(m_path), this);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path->setStyleSheet(u"color: #5f6b76;"_s);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (saveAndApply())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_general);
    layout->addWidget(serverBox);
    layout->addWidget(timingBox);
    layout->addWidget(path);
    layout->addWidget(m_buttons);

    validate();
    if (!readable) {
        // Never offer to overwrite a file we could not read: it may hold what the operator wants.
        showGeneralError(readError);
        okButton()->setEnabled(false);
        m_valid = false;
    }
}

QStringList SettingsDialog::editableKeys()
{
    QStringList keys = {u"server"_s, u"auth.token"_s};
    for (const FieldDef &def : timingFields())
        keys << def.key;
    return keys;
}

QString SettingsDialog::errorText(const QString &key) const
{
    const QLabel *label = m_errors.value(key);
    return label && !label->isHidden() ? label->text() : QString();
}

QString SettingsDialog::tokenNote() const
{
    return m_tokenNote->text();
}

QPushButton *SettingsDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QJsonObject SettingsDialog::candidate() const
{
    QJsonObject root = m_original;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (!it.value()->isEnabled())
            continue;
        const QString text = it.value()->text().trimmed();
        if (it.key() == "auth.token"_L1) {
            // The file only says where the token is; the token itself goes to the store.
            ConfigFile::setValue(root, u"auth.token"_s, QJsonValue());
            ConfigFile::setValue(root, u"auth.token_store"_s,
                                 text.isEmpty() ? QJsonValue() : QJsonValue(true));
            continue;
        }
        if (it.key() == "server"_L1) {
            ConfigFile::setValue(root, it.key(), text.isEmpty() ? QJsonValue() : QJsonValue(text));
            continue;
        }
        bool ok = false;
        const double number = text.toDouble(&ok);
        // Text that is not a number goes in as text so the loader names the key in its error.
        ConfigFile::setValue(root, it.key(), ok ? QJsonValue(number) : QJsonValue(text));
    }
    return root;
}

void SettingsDialog::validate()
{
    QStringList errors = ConfigLoader::fromJson(candidate()).errors;
    for (QLabel *label : std::as_const(m_errors))
        label->hide();
    QStringList general;
    for (const QString &error : std::as_const(errors)) {
        const QString key = error.section(u':', 0, 0).trimmed();
        if (QLabel *label = m_errors.value(key)) {
            label->setText(label->isHidden() ? error : label->text() + u'\n' + error);
            label->show();
        } else {
            general << error;
        }
    }
    m_general->setVisible(!general.isEmpty());
    m_general->setText(general.join(u'\n'));
    m_valid = errors.isEmpty();
    okButton()->setEnabled(m_valid);
}

void SettingsDialog::showGeneralError(const QString &text)
{
    m_general->setText(text);
    m_general->show();
}

bool SettingsDialog::saveAndApply()
{
    validate();
    if (!m_valid)
        return false;
    QLineEdit *token = m_fields.value(u"auth.token"_s);
    if (token->isEnabled()) {
        // Token first: a failed store leaves the file as it was.
        const TokenStore store;
        const QString text = token->text().trimmed();
        const QString error =
            text.isEmpty() ? store.remove(u"default"_s) : store.write(u"default"_s, text);
        if (!error.isEmpty()) {
            showGeneralError(tr("The token could not be saved: %1").arg(error));
            return false;
        }
    }
    const QStringList writeErrors = ConfigFile::write(m_path, candidate());
    if (!writeErrors.isEmpty()) {
        showGeneralError(writeErrors.join(u'\n'));
        return false;
    }
    const ConfigResult applied = ConfigLoader::load(m_path, m_overrides);
    if (!applied.ok()) {
        // The file is good; the command-line overrides on top of it are not.
        showGeneralError(tr("Saved, but not applied: %1").arg(applied.errors.join(u"; "_s)));
        return false;
    }
    emit configApplied(applied.config);
    return true;
}
