#pragma once

#include "catalog/feeddefinition.h"

#include <QList>
#include <QWidget>

class QLabel;

// A feed's counters from its data (the profile's "counters": "Total 5", "Paused no"), as a row
// of small figures under the page title; or, for a feed that is one status object (the profile's
// "status_card" widget, the webhook service), as a card led by the status word in its colour.
class FeedFigures final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedFigures)

public:
    explicit FeedFigures(QWidget *parent = nullptr);

    void setCard(bool card);
    bool isCard() const { return m_card; }
    // The card's status word (normalized) and the profile's colour for it (may be empty).
    void setStatus(const QString &normalizedStatus, const QString &tone);
    void setFigures(const QList<FeedDefinition::Figure> &figures);
    // "Total: 5 · Paused: no", for tests and accessibility.
    QString text() const;
    QString statusText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *figureLabel(qsizetype index);

    bool m_card = false;
    QLabel *m_status = nullptr;
    QList<QLabel *> m_labels;
    QList<FeedDefinition::Figure> m_figures;
    QColor m_accent;
};
