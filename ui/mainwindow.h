#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Adds a panel to the navigation list and the page stack; returns its index.
    int addPanel(const QString &title, QWidget *panel);
    int panelCount() const;
    QString panelTitle(int index) const;
    void showPanel(int index);

private:
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_pages = nullptr;
};
