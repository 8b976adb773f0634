#include "triggerworkflowdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <limits>

using namespace Qt::StringLiterals;

TriggerWorkflowDialog::TriggerWorkflowDialog(const QString &feedId, int issue, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Trigger workflow"));
    setAccessibleName(tr("Trigger workflow"));
    auto *intro = new QLabel(
        tr("Starts a workflow for a GitHub issue. The command goes out on the %1 feed; while that "
           "feed is down it waits in the journal and is sent once the link is back.")
            .arg(feedId),
        this);
    intro->setWordWrap(true);
    m_issue = new QLineEdit(issue > 0 ? QString::number(issue) : QString(), this);
    m_issue->setObjectName(u"issueNumber"_s);
    m_issue->setAccessibleName(tr("Issue number"));
    m_issue->setPlaceholderText(tr("e.g. 142"));
    m_issue->setMaxLength(10);
    m_error = new QLabel(this);
    m_error->setObjectName(u"issueError"_s);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->setWordWrap(true);
    auto *label = new QLabel(tr("&Issue number"), this);
    label->setBuddy(m_issue);
    auto *form = new QFormLayout;
    form->addRow(label, m_issue);
    form->addRow(QString(), m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Trigger"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_issue, &QLineEdit::textChanged, this, &TriggerWorkflowDialog::validate);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);
    validate();
}

int TriggerWorkflowDialog::issueNumber() const
{
    bool ok = false;
    const qlonglong n = m_issue->text().trimmed().toLongLong(&ok);
    return ok && n > 0 && n <= std::numeric_limits<int>::max() ? int(n) : 0;
}

bool TriggerWorkflowDialog::canAccept() const
{
    return issueNumber() > 0;
}

QString TriggerWorkflowDialog::errorText() const
{
    return m_error->text();
}

void TriggerWorkflowDialog::validate()
{
    const QString text = m_issue->text().trimmed();
    QString error;
    bool ok = false;
    const qlonglong n = text.toLongLong(&ok);
    if (text.isEmpty())
        error = QString(); // nothing typed yet: no scolding, OK simply waits
    else if (!ok)
        error = tr("\"%1\" is not a number: type the issue's number, e.g. 142").arg(text);
    else if (n <= 0)
        error = tr("An issue number is 1 or more");
    else if (n > std::numeric_limits<int>::max())
        error = tr("%1 is too large for an issue number").arg(text);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(canAccept());
}
