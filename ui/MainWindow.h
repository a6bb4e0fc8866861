#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QScopedPointer>

namespace Ui {
class MainWindow;
}

class AboutDialog;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

public slots:
    // Opens the About dialog window-modal with open() rather than exec(), so
    // the event loop keeps running: tests can find and close the dialog, and a
    // second trigger raises the open dialog instead of stacking another.
    void showAboutDialog();

private:
    QScopedPointer<Ui::MainWindow> m_ui;
    QPointer<AboutDialog> m_aboutDialog;
};
