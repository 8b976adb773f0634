#include "trustcertificatedialog.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QString dateText(const QString &iso)
{
    const QDateTime when = QDateTime::fromString(iso, Qt::ISODate);
    return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::LongFormat) : iso;
}
} // namespace

TrustCertificateDialog::TrustCertificateDialog(const QJsonObject &tlsError, QWidget *parent)
    : QDialog(parent)
    , m_details(tlsError)
{
    setWindowTitle(tr("Trust this certificate?"));
    setAccessibleName(tr("Trust this certificate"));
    const QString target = tr("%1:%2").arg(host()).arg(port());

    auto *intro = new QLabel(
        tr("The server at <b>%1</b> presented a certificate Feedwatch does not trust. Trust it "
           "only if you have checked its SHA-256 fingerprint with the server's administrator: "
           "anyone between you and the server could present a certificate like this one.")
            .arg(target.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);

    QStringList problems;
    for (const QJsonValue &code : tlsError.value("problems"_L1).toArray()) {
        const QString c = code.toString();
        problems << (c == "self_signed"_L1         ? tr("self-signed")
                         : c == "unknown_ca"_L1    ? tr("issued by an unknown CA")
                         : c == "host_mismatch"_L1 ? tr("issued for another host name")
                         : c == "expired"_L1       ? tr("expired")
                         : c == "not_yet_valid"_L1 ? tr("not valid yet")
                         : c == "revoked"_L1       ? tr("revoked")
                                                   : tr("other verification error"));
    }

    auto *form = new QFormLayout;
    auto add = [&](const QString &field, const QString &label, const QString &value,
                   bool monospace = false) {
        auto *text = new QLabel(value, this);
        text->setObjectName(field);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        text->setWordWrap(true);
        if (monospace)
            text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        auto *name = new QLabel(label, this);
        name->setBuddy(text);
        form->addRow(name, text);
        m_shown.insert(field, value);
    };
    add(u"host"_s, tr("Host"), target);
    add(u"problems"_s, tr("Problem"), problems.join(u", "_s));
    add(u"subject"_s, tr("Issued to"), tlsError.value("subject"_L1).toString());
    add(u"issuer"_s, tr("Issued by"), tlsError.value("issuer"_L1).toString());
    add(u"not_before"_s, tr("Valid from"), dateText(tlsError.value("not_before"_L1).toString()));
    add(u"not_after"_s, tr("Valid until"), dateText(tlsError.value("not_after"_L1).toString()));
    add(u"fingerprint_sha256"_s, tr("SHA-256 fingerprint"), fingerprint(), true);

    auto *scope = new QLabel(tr("Feedwatch will accept exactly this certificate on %1, and only "
                                "the errors above. Other hosts, other ports and any other "
                                "certificate are still verified. The exception is saved to the "
                                "configuration file (tls.trusted_certificates).")
                                 .arg(target),
                             this);
    scope->setWordWrap(true);

    m_confirm =
        new QCheckBox(tr("I have checked the fingerprint with the server's administrator"), this);
    m_confirm->setObjectName(u"confirmBox"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_trust = buttons->addButton(tr("&Trust this certificate"), QDialogButtonBox::AcceptRole);
    m_trust->setObjectName(u"trustButton"_s);
    m_trust->setEnabled(false);
    m_trust->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_confirm, &QCheckBox::toggled, m_trust, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_confirm->isChecked())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(scope);
    layout->addWidget(m_confirm);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QString TrustCertificateDialog::host() const
{
    return m_details.value("host"_L1).toString();
}

int TrustCertificateDialog::port() const
{
    return m_details.value("port"_L1).toInt();
}

QString TrustCertificateDialog::fingerprint() const
{
    return m_details.value("fingerprint_sha256"_L1).toString();
}

QString TrustCertificateDialog::shown(const QString &field) const
{
    return m_shown.value(field);
}
