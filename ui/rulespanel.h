#pragma once

#include "rules/rulestatus.h"

#include <QList>
#include <QWidget>

#include <optional>

class FeedHub;
class QLabel;
class QTableView;
class QTimer;
class QToolButton;
class RulesModel;

// Every alert rule over the feeds' data (docs/alerts.md) with its state — ok, pending, firing,
// error with the reason — since when and on which rows; the selected rule's messages below.
// The operator silences a rule on its feed for a while (no desktop notification; the page, the
// event stream and the history still show it).
class RulesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesPanel)

public:
    explicit RulesPanel(FeedHub *hub, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    RulesModel *model() const { return m_model; }
    QToolButton *silenceButton() const { return m_silence; }
    QString summaryText() const;
    QString detailText() const;
    // Silences the selected rule for `ms` (0: lifts its silence).
    void silenceSelected(qint64 ms);

protected:
    // Statuses that arrive while the page is not on screen wait for it (the last list wins):
    // with 60 backends they change several times a second, and nobody reads them meanwhile.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void applyStatuses(const QList<RuleStatus> &statuses);
    void sizeColumns();
    void refreshSince();
    void updateSummary();
    void updateDetail();
    int currentRow() const;

    FeedHub *m_hub;
    RulesModel *m_model;
    QLabel *m_summary;
    QTableView *m_table;
    QLabel *m_detail;
    QToolButton *m_silence;
    QTimer *m_refresh; // "since" texts age
    std::optional<QList<RuleStatus>> m_pending;
    int m_sizedForRows = -1; // the row count the columns were last fitted to
};
