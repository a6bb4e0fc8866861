#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "AboutDialog.h"
#include "AppContext.h"
#include "Appearance.h"
#include "AssessmentSession.h"
#include "library/LibraryPage.h"
#include "pages/EmergencyPage.h"
#include "pages/ResultsPage.h"
#include "questionnaire/QuestionnaireView.h"

#include <QScrollBar>

MainWindow::MainWindow(const AppContext& context, QWidget* parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_ui(new Ui::MainWindow)
    , m_emergencyPage(new EmergencyPage(this))
    , m_resultsPage(new ResultsPage(this))
    , m_libraryPage(new LibraryPage(context.articles, {}, this))
{
    m_ui->setupUi(this);
    m_ui->pages->addWidget(m_emergencyPage);
    m_ui->pages->addWidget(m_resultsPage);
    m_ui->pages->addWidget(m_libraryPage);

    m_ui->logoLabel->setPixmap(spinepath::ui::logoPixmap(96, devicePixelRatioF()));
    m_ui->titleLabel->setText(QString::fromStdString(m_context.clinic.name));
    m_ui->subtitleLabel->setText(QString::fromStdString(m_context.clinic.message("welcome")));
    m_ui->noteLabel->setText(QString::fromStdString(m_context.clinic.message("notADiagnosis")));
    m_ui->resumeBox->setVisible(false); // shown when storage has unfinished home assessments
    m_ui->pages->setCurrentWidget(m_ui->welcomePage);

    // close() rather than qApp->quit(): the window gets its closeEvent, and the
    // application ends through lastWindowClosed like any other close.
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAboutDialog);
    connect(m_ui->clinicButton, &QPushButton::clicked, this, &MainWindow::startAtClinic);
    connect(m_ui->homeButton, &QPushButton::clicked, this, &MainWindow::startAtHome);
    connect(m_emergencyPage, &EmergencyPage::continueRequested, this, [this] {
        if (m_questionnaire)
            m_ui->pages->setCurrentWidget(m_questionnaire);
    });
    connect(m_resultsPage, &ResultsPage::finished, this, &MainWindow::resetToWelcome);
    connect(m_resultsPage, &ResultsPage::articleRequested, this, &MainWindow::showLibrary);
    connect(m_ui->libraryButton, &QPushButton::clicked, this, [this] { showLibrary(); });
    connect(m_libraryPage, &LibraryPage::closeRequested, this, [this] {
        m_ui->pages->setCurrentWidget(m_pageBeforeLibrary ? m_pageBeforeLibrary : m_ui->welcomePage);
    });
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

void MainWindow::startAtClinic()
{
    startSession(true);
}

void MainWindow::startAtHome()
{
    startSession(false);
}

void MainWindow::startSession(bool atClinic)
{
    resetToWelcome();
    m_session = std::make_unique<AssessmentSession>(
        *m_context.screening, atClinic ? AssessmentSession::Mode::Kiosk : AssessmentSession::Mode::Home);
    m_questionnaire = new QuestionnaireView(*m_session, m_ui->pages);
    m_ui->pages->addWidget(m_questionnaire);
    m_ui->pages->setCurrentWidget(m_questionnaire);
    connect(m_questionnaire, &QuestionnaireView::completed, this, &MainWindow::showResults);
    connect(m_questionnaire, &QuestionnaireView::backedOutOfStart, this, &MainWindow::resetToWelcome);
    connect(m_session.get(), &AssessmentSession::emergencyRaised, this, &MainWindow::showEmergency);
}

void MainWindow::showEmergency(const QStringList& flagIds)
{
    QStringList reasons;
    for (const QString& id : flagIds)
        if (const auto* flag = m_context.screening->ruleset().findFlag(id.toStdString()))
            reasons << QString::fromStdString(flag->patient);
    const bool atClinic = m_session && m_session->mode() == AssessmentSession::Mode::Kiosk;
    m_emergencyPage->showEmergency(reasons, QString::fromStdString(m_context.clinic.message(
                                                atClinic ? "emergencyKiosk" : "emergencyHome")));
    m_ui->pages->setCurrentWidget(m_emergencyPage);
}

void MainWindow::showResults()
{
    if (!m_session)
        return;
    m_resultsPage->showResult(m_session->result(), m_context.screening->ruleset(), m_context.clinic,
                              m_context.articles);
    m_ui->pages->setCurrentWidget(m_resultsPage);
    m_resultsPage->verticalScrollBar()->setValue(0);
}

void MainWindow::showLibrary(const QString& article)
{
    m_pageBeforeLibrary = m_ui->pages->currentWidget();
    if (article.isEmpty())
        m_libraryPage->showTopics();
    else
        m_libraryPage->openArticle(article);
    m_ui->pages->setCurrentWidget(m_libraryPage);
}

void MainWindow::resetToWelcome()
{
    m_pageBeforeLibrary = nullptr;
    m_ui->pages->setCurrentWidget(m_ui->welcomePage);
    m_resultsPage->clear();
    if (m_questionnaire) {
        m_ui->pages->removeWidget(m_questionnaire);
        delete m_questionnaire;
        m_questionnaire = nullptr;
    }
    m_session.reset();
}
