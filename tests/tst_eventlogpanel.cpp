#include "connection/feedengine.h"
#include "dashboard/feedhub.h"
#include "eventlogpanel.h"
#include "models/eventlogfilterproxymodel.h"
#include "models/eventlogmodel.h"
#include "testfeedserver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
Config configFor(const QUrl &server)
{
    ConfigOverrides o;
    o.server = server.toString();
    o.feeds = {u"queue"_s, u"routes"_s};
    o.sets = {u"stagger.step_ms=0"_s, u"heartbeat.interval_ms=50"_s};
    ConfigResult r = ConfigLoader::fromJson({}, o);
    if (!r.ok())
        qFatal("bad test config: %s", qPrintable(r.errors.join(u'\n')));
    return r.config;
}

QSet<QString> distinct(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

QStringList column(const QAbstractItemModel *model, int role)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, 0).data(role).toString();
    return out;
}

void choose(QComboBox *combo, const QString &text)
{
    const int i = combo->findText(text);
    QVERIFY2(i >= 0, qPrintable(text));
    combo->setCurrentIndex(i);
}

// The kind filter shows translated names and keeps the stream's kind as item data.
void chooseKind(QComboBox *combo, const QString &kind)
{
    const int i = combo->findData(kind);
    QVERIFY2(i >= 0, qPrintable(kind));
    combo->setCurrentIndex(i);
}
} // namespace

class tst_EventLogPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void filtersByFeedKindAndText();
    void exportsExactlyTheVisibleRows();
    void emptyViewExportsNothing();
    void followsTheNewestRowUnlessScrolledUp();

private:
    std::unique_ptr<TestFeedServer> m_server;
    std::unique_ptr<FeedEngine> m_engine;
    std::unique_ptr<FeedHub> m_hub;
    std::unique_ptr<EventLogPanel> m_panel;
};

void tst_EventLogPanel::init()
{
    m_server = std::make_unique<TestFeedServer>();
    QVERIFY(m_server->listen());
    m_server->setInitialSnapshot(R"({"type":"queue_update","data":{"phases":[]}})");
    const Config config = configFor(m_server->baseUrl());
    m_engine = std::make_unique<FeedEngine>(config);
    m_hub = std::make_unique<FeedHub>(config);
    m_hub->attach(m_engine.get());
    m_panel = std::make_unique<EventLogPanel>(m_hub.get());
    m_panel->resize(900, 400);
    m_panel->show();
    m_engine->start();
    // queue gets its snapshot (update); routes then gets rows that are not where its profile
    // says (protocol_error, on routes only); both ping.
    QTRY_VERIFY(m_panel->findChild<QComboBox *>(u"kindFilter"_s)->findData(u"update"_s) > 0);
    QTRY_COMPARE(m_server->activeCount(), 2);
    m_server->sendToAll(R"({"type":"routes_update","data":{"routes":[],"total":0}})");
    QTRY_VERIFY(m_panel->findChild<QComboBox *>(u"kindFilter"_s)->findData(u"protocol_error"_s)
                > 0);
    QTRY_VERIFY(m_panel->findChild<QComboBox *>(u"kindFilter"_s)->findData(u"latency"_s) > 0);
}

void tst_EventLogPanel::cleanup()
{
    m_engine->stopAll();
    m_panel.reset();
    m_hub.reset();
    m_engine.reset();
    m_server.reset();
}

void tst_EventLogPanel::filtersByFeedKindAndText()
{
    const QAbstractItemModel *view = m_panel->table()->model();
    auto *feed = m_panel->findChild<QComboBox *>(u"feedFilter"_s);
    auto *kind = m_panel->findChild<QComboBox *>(u"kindFilter"_s);
    auto *text = m_panel->findChild<QLineEdit *>(u"textFilter"_s);
    auto *noise = m_panel->findChild<QCheckBox *>(u"hideNoise"_s);
    QVERIFY(noise->isChecked());
    QVERIFY(!column(view, EventLogModel::EventKindRole).contains(u"update"_s));
    QVERIFY(!column(view, EventLogModel::EventKindRole).contains(u"latency"_s));
    QTest::mouseClick(noise, Qt::LeftButton, {}, QPoint(4, noise->height() / 2));
    QVERIFY(!noise->isChecked());
    QVERIFY(column(view, EventLogModel::EventKindRole).contains(u"update"_s));

    choose(feed, u"routes"_s);
    QVERIFY(view->rowCount() > 0);
    QCOMPARE(distinct(column(view, EventLogModel::FeedIdRole)), QSet<QString> {u"routes"_s});

    chooseKind(kind, u"protocol_error"_s);
    QCOMPARE(kind->currentText(), u"Protocol error"_s);
    QVERIFY(view->rowCount() > 0);
    QCOMPARE(distinct(column(view, EventLogModel::EventKindRole)),
             QSet<QString> {u"protocol_error"_s});
    // The row names the kind in words; the stream's own name is the tooltip.
    const QModelIndex event = view->index(0, EventLogModel::EventColumn);
    QCOMPARE(event.data().toString(), u"Protocol error"_s);
    QCOMPARE(event.data(Qt::ToolTipRole).toString(), u"protocol_error"_s);
    choose(feed, u"queue"_s);
    QCOMPARE(view->rowCount(), 0);

    choose(feed, u"All feeds"_s);
    choose(kind, u"All events"_s);
    QTest::keyClicks(text, u"QUEUE_UPDATE"_s);
    QVERIFY(view->rowCount() > 0);
    for (int r = 0; r < view->rowCount(); ++r) {
        const QString details = view->index(r, EventLogModel::DetailsColumn).data().toString();
        QVERIFY2(details.contains(u"queue_update"_s), qPrintable(details));
    }
    // The stream's field names match too, though the row shows words.
    text->clear();
    QTest::keyClicks(text, u"rtt_ms="_s);
    QTRY_VERIFY(view->rowCount() > 0);
    QCOMPARE(distinct(column(view, EventLogModel::EventKindRole)), QSet<QString> {u"latency"_s});
    QVERIFY(m_panel->findChild<QLabel *>(u"rowCount"_s)->text().contains(u"shown of"_s));
}

void tst_EventLogPanel::exportsExactlyTheVisibleRows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"events.jsonl"_s);
    choose(m_panel->findChild<QComboBox *>(u"feedFilter"_s), u"queue"_s);
    const QAbstractItemModel *view = m_panel->table()->model();
    QVERIFY(view->rowCount() > 0);

    QTest::mouseClick(m_panel->findChild<QPushButton *>(u"exportButton"_s), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_panel->findChild<QFileDialog *>(u"exportDialog"_s)));
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // writes now, before the log can grow
    const QStringList expected = column(view, EventLogModel::JsonLineRole);

    QVERIFY(m_panel->findChild<QLabel *>(u"exportStatus"_s)->text().contains(u"events.jsonl"_s));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines, expected);
    QVERIFY(lines.size() < m_hub->eventLog()->rowCount());
    for (const QString &line : lines)
        QVERIFY(line.contains(uR"("feed":"queue")"_s));
}

void tst_EventLogPanel::emptyViewExportsNothing()
{
    QTest::keyClicks(m_panel->findChild<QLineEdit *>(u"textFilter"_s), u"no such event"_s);
    QCOMPARE(m_panel->table()->model()->rowCount(), 0);
    QTest::mouseClick(m_panel->findChild<QPushButton *>(u"exportButton"_s), Qt::LeftButton);
    QVERIFY(!m_panel->findChild<QFileDialog *>());
    QVERIFY(m_panel->findChild<QLabel *>(u"exportStatus"_s)->text().startsWith(u"Nothing"_s));
}

void tst_EventLogPanel::followsTheNewestRowUnlessScrolledUp()
{
    // Rows that keep arriving: a malformed message to both feeds every 30 ms is a
    // protocol_error row each (latency rows fold into one per feed).
    QTimer garbage;
    connect(&garbage, &QTimer::timeout, this, [this] { m_server->sendToAll("{not json"); });
    garbage.start(30);
    QScrollBar *bar = m_panel->table()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    const int rows = m_panel->table()->model()->rowCount();
    QTRY_VERIFY(m_panel->table()->model()->rowCount() > rows);
    QTRY_COMPARE(bar->value(), bar->maximum());

    bar->setValue(0); // the operator scrolls up to read
    const int now = m_panel->table()->model()->rowCount();
    QTRY_VERIFY(m_panel->table()->model()->rowCount() > now + 5);
    QCOMPARE(bar->value(), 0);

    bar->setValue(bar->maximum()); // and back down: following again
    const int later = m_panel->table()->model()->rowCount();
    QTRY_VERIFY(m_panel->table()->model()->rowCount() > later + 5);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // Hidden (another page shown), the view is not scrolled; shown again, it follows on.
    m_panel->hide();
    const int atHide = bar->value();
    const int hidden = m_panel->table()->model()->rowCount();
    QTRY_VERIFY(m_panel->table()->model()->rowCount() > hidden + 5);
    QCOMPARE(bar->value(), atHide);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(bar->value() > atHide);
}

QTEST_MAIN(tst_EventLogPanel)
#include "tst_eventlogpanel.moc"
