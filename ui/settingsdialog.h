#pragma once

#include "config/config.h"

#include <QDialog>
#include <QHash>
#include <QList>

class ConfigEditor;
struct ConfigProblems;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

// Edits the configuration file through ConfigEditor: server, token and the timing keys. The
// token goes to the token store (keychain, else the owner-only token file), and the file only
// says auth.token_store. Every edit is checked as typed, each error shown under the field of the
// setting it is keyed to, and OK stays disabled while anything is invalid. OK writes the file
// atomically (never a bad file over a good one) and emits the new effective Config,
// command-line overrides included, to apply without a restart.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(const QString &configPath, const ConfigOverrides &overrides,
                   QWidget *parent = nullptr);

    // The keys with a field, in order: "server", "auth.token", then Settings keys.
    static QStringList editableKeys();
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    // The error shown for `key`, empty when valid.
    QString errorText(const QString &key) const;
    QPushButton *okButton() const;
    bool isValid() const { return m_valid; }
    QString configPath() const;
    // Where the token is kept, as the dialog tells the operator.
    QString tokenNote() const;

public slots:
    // Writes and applies; returns false (errors shown) when that failed.
    bool saveAndApply();

signals:
    void configApplied(const Config &config);

private:
    QWidget *buildServerBox(bool serverFromCommandLine);
    QWidget *buildTimingBox();
    QLineEdit *addField(QFormLayout *form, const QString &key, const QString &label);
    void alignLabels();
    void validate();
    void showProblems(const ConfigProblems &problems);
    void showGeneralError(const QString &text);

    ConfigEditor *m_editor;
    bool m_valid = false;
    QHash<QString, QLineEdit *> m_fields;
    QHash<QString, QLabel *> m_errors;
    QList<QLabel *> m_labels;
    QLabel *m_general = nullptr;
    QLabel *m_tokenNote = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
