#include "servicetiles.h"

#include "catalog/jsonpath.h"
#include "flowlayout.h"
#include "models/feedtablemodel.h"
#include "statusstyle.h"

#include <QFrame>
#include <QJsonObject>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int kMinTileWidth = 160;
constexpr int kMaxTileWidth = 260;
constexpr int kTileGap = 10;
const QColor kSecondaryText(0x5f, 0x6b, 0x76);

// A service card: base background, thin border and a left edge in the status colour, painted
// rather than styled: a style sheet re-parses and re-polishes on every change, and a busy
// system-status feed changes a few cards 30 times a second.
class TileFrame final : public QFrame
{
public:
    using QFrame::QFrame;
    QColor accent() const { return m_accent; }
    void setAccent(const QColor &accent)
    {
        if (accent != m_accent) {
            m_accent = accent;
            update();
        }
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        QPainterPath card;
        card.addRoundedRect(box, 5, 5);
        p.fillPath(card, palette().color(QPalette::Base));
        p.save();
        p.setClipPath(card);
        p.fillRect(QRectF(box.left(), box.top(), 4, box.height()), m_accent);
        p.restore();
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.drawPath(card);
    }

private:
    QColor m_accent = Qt::gray;
};

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}
} // namespace

ServiceTiles::ServiceTiles(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Services"));
    auto *layout = new FlowLayout(this, kTileGap);
    Q_UNUSED(layout);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ServiceTiles::setFields(const FeedDefinition::Widget &widget, const QList<FeedColumn> &columns)
{
    m_fields = widget;
    m_figure = FeedColumn();
    m_figure.field = widget.figure;
    for (const FeedColumn &column : columns) {
        if (column.field == widget.figure)
            m_figure = column;
    }
    for (Tile &tile : m_tiles)
        tile.shownName.clear(); // redraw every card with the new fields
    rebuild();
}

void ServiceTiles::setModel(FeedTableModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &ServiceTiles::rebuild);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ServiceTiles::rebuild);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &ServiceTiles::rebuild);
        connect(m_model, &QAbstractItemModel::modelReset, this, &ServiceTiles::rebuild);
    }
    rebuild();
}

int ServiceTiles::tileCount() const
{
    return int(std::count_if(m_tiles.begin(), m_tiles.end(),
                             [this](const Tile &t) { return t.frame->isVisibleTo(this); }));
}

QString ServiceTiles::tileSummary(int index) const
{
    if (index < 0 || index >= m_tiles.size())
        return {};
    return m_tiles.at(index).name->text() + u": "_s + m_tiles.at(index).status->text();
}

QColor ServiceTiles::tileAccent(int index) const
{
    if (index < 0 || index >= m_tiles.size())
        return {};
    return static_cast<const TileFrame *>(m_tiles.at(index).frame)->accent();
}

ServiceTiles::Tile ServiceTiles::makeTile()
{
    Tile tile;
    tile.frame = new TileFrame(this);
    tile.frame->setObjectName(u"serviceTile"_s);
    tile.frame->setFixedWidth(m_tileWidth);
    auto *layout = new QVBoxLayout(tile.frame);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    tile.name = new QLabel(tile.frame);
    QFont bold = tile.name->font();
    bold.setWeight(QFont::DemiBold);
    tile.name->setFont(bold);
    tile.status = new QLabel(tile.frame);
    tile.status->setFont(bold);
    tile.message = new QLabel(tile.frame);
    setTextColor(tile.message, kSecondaryText);
    tile.response = new QLabel(tile.frame);
    setTextColor(tile.response, kSecondaryText);
    auto *middle = new QHBoxLayout;
    middle->setSpacing(6);
    middle->addWidget(tile.status, 1);
    middle->addWidget(tile.response);
    layout->addWidget(tile.name);
    layout->addLayout(middle);
    layout->addWidget(tile.message);
    this->layout()->addWidget(tile.frame);
    return tile;
}

void ServiceTiles::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // As many columns as fit, sharing the width evenly so a row ends flush with the table.
    const int columns = std::max(1, (width() + kTileGap) / (kMinTileWidth + kTileGap));
    const int fitted = (width() - kTileGap * (columns - 1)) / columns;
    const int tileWidth = std::clamp(fitted, kMinTileWidth, kMaxTileWidth);
    if (tileWidth == m_tileWidth)
        return;
    m_tileWidth = tileWidth;
    for (const Tile &tile : std::as_const(m_tiles))
        tile.frame->setFixedWidth(m_tileWidth);
    rebuild();
    updateGeometry();
}

void ServiceTiles::rebuild()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    bool shapeChanged = false;
    while (m_tiles.size() < rows) {
        m_tiles.append(makeTile());
        shapeChanged = true;
    }
    for (int i = 0; i < m_tiles.size(); ++i) {
        Tile &tile = m_tiles[i];
        if (tile.frame->isVisibleTo(this) != (i < rows)) {
            tile.frame->setVisible(i < rows);
            shapeChanged = true;
        }
        if (i >= rows)
            continue;
        const QModelIndex index = m_model->index(i, 0);
        const QJsonObject row = index.data(FeedTableModel::RowObjectRole).toJsonObject();
        const QString status = index.data(FeedTableModel::StatusRole).toString();
        auto textAt = [&row](const QString &path) {
            const QJsonValue value = path.isEmpty() ? QJsonValue() : JsonPath::at(row, path);
            return value.isNull() || value.isUndefined() ? QString() : FeedColumn::rawText(value);
        };
        QString name = textAt(m_fields.title);
        if (name.isEmpty())
            name = index.data(FeedTableModel::KeyRole).toString();
        const QString message = textAt(m_fields.text);
        const QString response = m_fields.figure.isEmpty() ? QString() : m_figure.displayIn(row);
        const StatusStyle::Tone tone =
            StatusStyle::toneForStatus(status, index.data(FeedTableModel::ToneRole).toString());
        if (name != tile.shownName || status != tile.shownStatus) {
            tile.name->setText(name);
            tile.status->setText(
                StatusStyle::statusLabel(status.isEmpty() ? u"unknown"_s : status));
            tile.frame->setAccessibleName(tr("%1: %2").arg(name, StatusStyle::statusLabel(status)));
            tile.shownName = name;
            tile.shownStatus = status;
        }
        if (message != tile.shownMessage || m_tileWidth != tile.shownWidth) {
            tile.message->setText(
                tile.message->fontMetrics().elidedText(message, Qt::ElideRight, m_tileWidth - 28));
            tile.message->setToolTip(message);
            tile.shownMessage = message;
            tile.shownWidth = m_tileWidth;
        }
        if (response != tile.shownResponse) {
            tile.response->setText(response);
            tile.shownResponse = response;
        }
        if (int(tone) != tile.shownTone) {
            setTextColor(tile.status, StatusStyle::textColor(tone, palette()));
            static_cast<TileFrame *>(tile.frame)->setAccent(StatusStyle::color(tone));
            tile.shownTone = int(tone);
        }
    }
    if (shapeChanged)
        updateGeometry();
}
