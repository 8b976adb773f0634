#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Asks for the issue a workflow should run for. OK stays disabled until the text is a positive
// whole number; the reason is shown under the field as the operator types.
class TriggerWorkflowDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriggerWorkflowDialog)

public:
    // `feedId` is where the command goes out; `issue` pre-fills the field (0: empty).
    explicit TriggerWorkflowDialog(const QString &feedId, int issue = 0, QWidget *parent = nullptr);

    QLineEdit *issueEdit() const { return m_issue; }
    // The validated issue number, 0 while the input is not valid.
    int issueNumber() const;
    QString errorText() const;
    bool canAccept() const;

private:
    void validate();

    QLineEdit *m_issue = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
