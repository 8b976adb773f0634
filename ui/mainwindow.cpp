#include "mainwindow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Feedwatch"));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_nav = new QListWidget(central);
    m_nav->setAccessibleName(tr("Panels"));
    m_nav->setFixedWidth(190);
    m_pages = new QStackedWidget(central);
    layout->addWidget(m_nav);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_nav, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    statusBar()->showMessage(tr("Not connected"));
    resize(1280, 760);
}

int MainWindow::addPanel(const QString &title, QWidget *panel)
{
    m_nav->addItem(title);
    const int index = m_pages->addWidget(panel);
    if (m_nav->currentRow() < 0)
        m_nav->setCurrentRow(0);
    return index;
}

int MainWindow::panelCount() const
{
    return m_pages->count();
}

QString MainWindow::panelTitle(int index) const
{
    const QListWidgetItem *item = m_nav->item(index);
    return item ? item->text() : QString();
}

void MainWindow::showPanel(int index)
{
    m_nav->setCurrentRow(index);
}
