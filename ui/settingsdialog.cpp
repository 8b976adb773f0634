#include "settingsdialog.h"

#include "config/configeditor.h"
#include "config/tokenstore.h"
#include "statusstyle.h"

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

// Red that reads on the system's light or dark palette.
QString errorStyle(const QPalette &palette)
{
    return u"color: %1;"_s.arg(StatusStyle::textColor(StatusStyle::Tone::Bad, palette).name());
}
} // namespace

SettingsDialog::SettingsDialog(const QString &configPath, const ConfigOverrides &overrides,
                               QWidget *parent)
    : QDialog(parent)
    , m_editor(new ConfigEditor(configPath, overrides, this))
{
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));
    connect(m_editor, &ConfigEditor::applied, this, &SettingsDialog::configApplied);
    m_general = new QLabel(this);
    m_general->setObjectName(u"generalError"_s);
    m_general->setAccessibleName(tr("Settings error"));
    m_general->setWordWrap(true);
    m_general->setStyleSheet(errorStyle(palette()));
    m_general->hide();

    QWidget *serverBox = buildServerBox(!overrides.server.isEmpty());
    QWidget *timingBox = buildTimingBox();
    alignLabels();

    auto *path = new QLabel(tr("Saved to %1").arg(m_editor->path()), this);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path->setForegroundRole(QPalette::PlaceholderText);

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
    if (!m_editor->isReadable()) {
        // Never offer to overwrite a file we could not read: it may hold what the operator wants.
        showGeneralError(m_editor->readError());
        okButton()->setEnabled(false);
        m_valid = false;
    }
}

QLineEdit *SettingsDialog::addField(QFormLayout *form, const QString &key, const QString &label)
{
    auto *edit = new QLineEdit(m_editor->originalText(key), this);
    edit->setAccessibleName(label);
    edit->setToolTip(key);
    edit->setMinimumWidth(260);
    edit->setEnabled(m_editor->isEditable(key));
    auto *error = new QLabel(this);
    error->setAccessibleName(tr("%1 error").arg(label));
    error->setWordWrap(true);
    error->setStyleSheet(errorStyle(palette()));
    error->hide();
    auto *cell = new QVBoxLayout;
    cell->setSpacing(2);
    cell->addWidget(edit);
    cell->addWidget(error);
    auto *name = new QLabel(label, this);
    name->setBuddy(edit);
    m_labels << name;
    form->addRow(name, cell);
    m_fields.insert(key, edit);
    m_errors.insert(key, error);
    connect(edit, &QLineEdit::textChanged, this, [this, key](const QString &text) {
        m_editor->setText(key, text);
        validate();
    });
    return edit;
}

QWidget *SettingsDialog::buildServerBox(bool serverFromCommandLine)
{
    auto *box = new QGroupBox(tr("Backend"), this);
    auto *form = new QFormLayout(box);
    QLineEdit *server = addField(form, u"server"_s, tr("Server URL"));
    server->setPlaceholderText(u"ws://127.0.0.1:8002"_s);
    QLineEdit *token = addField(form, u"auth.token"_s, tr("Token"));
    token->setEchoMode(QLineEdit::Password);
    m_tokenNote = new QLabel(this);
    m_tokenNote->setObjectName(u"tokenNote"_s);
    m_tokenNote->setWordWrap(true);
    m_tokenNote->setForegroundRole(QPalette::PlaceholderText);
    const TokenStore store;
    const TokenStore::Probe probe = store.probe();
    const QString tokenFile = m_editor->tokenFile();
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
    form->addRow(QString(), m_tokenNote);
    if (m_editor->hasMultipleBackends()) {
        form->addRow(new QLabel(
            tr("Several backends are configured; edit their servers in the file."), this));
    } else if (serverFromCommandLine) {
        auto *note = new QLabel(
            tr("This session's server comes from the command line; the value here is saved "
               "for later sessions."),
            this);
        note->setWordWrap(true);
        form->addRow(note);
    }
    return box;
}

QWidget *SettingsDialog::buildTimingBox()
{
    auto *box = new QGroupBox(tr("Connection timing"), this);
    auto *form = new QFormLayout(box);
    for (const FieldDef &def : timingFields())
        addField(form, def.key, tr(def.label));
    return box;
}

void SettingsDialog::alignLabels()
{
    // Both groups' fields start at the same x.
    int labelWidth = 0;
    for (QLabel *label : std::as_const(m_labels))
        labelWidth = std::max(labelWidth, label->sizeHint().width());
    for (QLabel *label : std::as_const(m_labels))
        label->setMinimumWidth(labelWidth);
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

QString SettingsDialog::configPath() const
{
    return m_editor->path();
}

void SettingsDialog::showProblems(const ConfigProblems &problems)
{
    for (QLabel *label : std::as_const(m_errors))
        label->hide();
    QStringList general = problems.general;
    for (auto it = problems.byKey.cbegin(); it != problems.byKey.cend(); ++it) {
        QStringList lines;
        for (const QString &message : it.value())
            lines << u"%1: %2"_s.arg(it.key(), message);
        if (QLabel *label = m_errors.value(it.key())) {
            label->setText(lines.join(u'\n'));
            label->show();
        } else {
            general << lines; // a setting without a field here (e.g. quality.*)
        }
    }
    m_general->setVisible(!general.isEmpty());
    m_general->setText(general.join(u'\n'));
}

void SettingsDialog::validate()
{
    const ConfigProblems problems = m_editor->check();
    showProblems(problems);
    m_valid = problems.isEmpty();
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
    const ConfigProblems problems = m_editor->apply();
    if (!problems.isEmpty()) {
        showProblems(problems);
        return false;
    }
    return true;
}
