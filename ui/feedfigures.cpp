#include "feedfigures.h"

#include "flowlayout.h"
#include "statusstyle.h"

#include <QLabel>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace {
const QColor kLabelText(0x5f, 0x6b, 0x76);
} // namespace

FeedFigures::FeedFigures(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"feedFigures"_s);
    setAccessibleName(tr("Counters"));
    auto *layout = new FlowLayout(this, 18);
    m_status = new QLabel(this);
    m_status->setObjectName(u"figuresStatus"_s);
    QFont big = m_status->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setWeight(QFont::DemiBold);
    m_status->setFont(big);
    m_status->hide();
    layout->addWidget(m_status);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    hide();
}

void FeedFigures::setCard(bool card)
{
    m_card = card;
    layout()->setContentsMargins(card ? QMargins(16, 10, 12, 10) : QMargins());
    m_status->setVisible(card);
    update();
}

void FeedFigures::setStatus(const QString &normalizedStatus, const QString &tone)
{
    const StatusStyle::Tone t = StatusStyle::toneForStatus(normalizedStatus, tone);
    m_accent = StatusStyle::color(t);
    const QString word =
        StatusStyle::statusLabel(normalizedStatus.isEmpty() ? u"unknown"_s : normalizedStatus);
    m_status->setText(
        u"<span style=\"color:%1\">●</span> %2"_s.arg(m_accent.name(), word.toHtmlEscaped()));
    m_status->setProperty("plainText", word);
    setVisible(m_card || !m_figures.isEmpty());
    update();
}

QLabel *FeedFigures::figureLabel(qsizetype index)
{
    while (m_labels.size() <= index) {
        auto *label = new QLabel(this);
        label->setObjectName(u"figure"_s);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout()->addWidget(label);
        m_labels.append(label);
    }
    return m_labels.at(index);
}

void FeedFigures::setFigures(const QList<FeedDefinition::Figure> &figures)
{
    m_figures = figures;
    for (qsizetype i = 0; i < figures.size(); ++i) {
        const FeedDefinition::Figure &f = figures.at(i);
        QString value = f.text.toHtmlEscaped();
        if (!f.status.isEmpty()) {
            value = u"<span style=\"color:%1\">●</span> %2"_s.arg(
                StatusStyle::color(StatusStyle::toneForStatus(f.status)).name(),
                StatusStyle::statusLabel(f.status).toHtmlEscaped());
        }
        const QString html = u"<span style=\"color:%1\">%2</span>&nbsp; <b>%3</b>"_s.arg(
            kLabelText.name(), f.label.toHtmlEscaped(), value);
        QLabel *label = figureLabel(i);
        if (label->text() != html)
            label->setText(html);
        label->setAccessibleName(u"%1: %2"_s.arg(f.label, f.text));
        label->show();
    }
    for (qsizetype i = figures.size(); i < m_labels.size(); ++i)
        m_labels.at(i)->hide();
    setVisible(m_card || !figures.isEmpty());
    updateGeometry();
}

QString FeedFigures::text() const
{
    QStringList parts;
    for (const FeedDefinition::Figure &f : m_figures)
        parts << u"%1: %2"_s.arg(f.label, f.text);
    return parts.join(u" · "_s);
}

QString FeedFigures::statusText() const
{
    return m_card ? m_status->property("plainText").toString() : QString();
}

void FeedFigures::paintEvent(QPaintEvent *)
{
    if (!m_card)
        return;
    // A card like the service tiles: base background, thin border, the status colour on the left.
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath card;
    card.addRoundedRect(box, 5, 5);
    p.fillPath(card, palette().color(QPalette::Base));
    p.save();
    p.setClipPath(card);
    p.fillRect(QRectF(box.left(), box.top(), 5, box.height()),
               m_accent.isValid() ? m_accent : QColor(Qt::gray));
    p.restore();
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawPath(card);
}
