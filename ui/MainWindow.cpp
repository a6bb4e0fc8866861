#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "AboutDialog.h"
#include "Appearance.h"

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_ui(new Ui::MainWindow)
{
    m_ui->setupUi(this);

    m_ui->logoLabel->setPixmap(spinepath::ui::logoPixmap(96, devicePixelRatioF()));
    m_ui->pages->setCurrentWidget(m_ui->welcomePage);

    // close() rather than qApp->quit(): the window gets its closeEvent, and the
    // application ends through lastWindowClosed like any other close.
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAboutDialog);
}

MainWindow::~MainWindow() = default;

void MainWindow::showAboutDialog()
{
    if (m_aboutDialog) {
        m_aboutDialog->raise();
        m_aboutDialog->activateWindow();
        return;
    }
    m_aboutDialog = new AboutDialog(this);
    m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_aboutDialog->open();
}
