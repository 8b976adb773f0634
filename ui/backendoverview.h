#pragma once

#include <QWidget>

class FeedHub;
class QTableWidget;

// With several backends: one row per backend with its live count ("7/8 live") and the worst
// feed state, so a switch of the backend combo is never needed just to see that all is well.
class BackendOverview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendOverview)

public:
    explicit BackendOverview(FeedHub *hub, QWidget *parent = nullptr);

    // "7/8 live" for `backend`.
    QString liveText(const QString &backend) const;

signals:
    void backendActivated(const QString &backend);

private:
    void refresh();

    FeedHub *m_hub;
    QTableWidget *m_table = nullptr;
};
