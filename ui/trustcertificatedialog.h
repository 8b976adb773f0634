#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QCheckBox;
class QPushButton;

// "Trust this certificate…": shows a certificate the engine refused (the tls_error fields: host,
// port, subject, issuer, validity, SHA-256 fingerprint, the problems) and asks the operator to
// confirm an exception for exactly that certificate on exactly that host:port. Trust stays
// disabled until the operator ticks that they checked the fingerprint.
class TrustCertificateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustCertificateDialog)

public:
    explicit TrustCertificateDialog(const QJsonObject &tlsError, QWidget *parent = nullptr);

    QString host() const;
    int port() const;
    QString fingerprint() const;
    QPushButton *trustButton() const { return m_trust; }
    QCheckBox *confirmBox() const { return m_confirm; }
    // The value shown for "host", "subject", "issuer", "not_before", "not_after",
    // "fingerprint_sha256", "problems" (for tests).
    QString shown(const QString &field) const;

private:
    QJsonObject m_details;
    QHash<QString, QString> m_shown;
    QCheckBox *m_confirm = nullptr;
    QPushButton *m_trust = nullptr;
};
