#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

class FeedHub;

// File → Export diagnostics: one .zip an operator can attach to a report. It holds the version,
// Qt and OS (about.json), the configuration file and the effective configuration with every
// secret masked (config.json, effective.json), each feed's figures with its close codes and
// restart incident (feeds.json), the connection history (history.jsonl: every logged event but
// snapshot updates and RTT samples), the last events (events.jsonl) and the alerts
// (alerts.jsonl). Secrets never leave: tokens become ***, URLs lose their credentials, and every
// file is masked for every form of every configured token (core/redaction.h).
class DiagnosticsExport final
{
public:
    // At most this many of the newest event-log rows go to events.jsonl.
    static constexpr int lastEvents = 2000;

    DiagnosticsExport(const FeedHub *hub, const QString &configPath);

    // The archive's files in order, name and content. `now` stamps about.json.
    QList<std::pair<QString, QByteArray>> files(const QDateTime &now) const;
    // Writes the archive (atomically). `progress(done, total)` is called per file and may
    // return false to cancel (then nothing is written). False with `error` on failure.
    bool write(const QString &path, QString *error,
               const std::function<bool(int, int)> &progress = {}) const;
    // "feedwatch-diagnostics-20261203-0712.zip"
    static QString defaultFileName(const QDateTime &now);

private:
    QByteArray aboutJson(const QDateTime &now) const;
    QByteArray configJson() const;
    QByteArray effectiveJson() const;
    QByteArray feedsJson() const;
    QByteArray eventLines(bool history, bool alerts) const;
    QByteArray masked(const QByteArray &text) const;

    const FeedHub *m_hub;
    QString m_configPath;
    QStringList m_secretForms; // every form of every configured token, longest first
};
