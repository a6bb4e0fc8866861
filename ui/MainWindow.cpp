#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "AboutDialog.h"
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "common/ReportPrinter.h"
#include "common/StaffFileChooser.h"
#include "core/session/AssessmentSession.h"
#include "kiosk/PatientTraces.h"
#include "patient/EmergencyPage.h"
#include "patient/LanguageChooser.h"
#include "patient/ResultsPage.h"
#include "patient/TextSizeChooser.h"
#include "patient/ThankYouPage.h"
#include "patient/library/ArticleView.h"
#include "patient/library/LibraryPage.h"
#include "patient/questionnaire/QuestionnaireView.h"

#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/report/PatientResult.h"
#include "core/report/ReportBuilder.h"
#include "core/report/ReportPdf.h"
#include "core/scoring/Ruleset.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/PostgresUri.h"
#include "core/storage/PrivateFiles.h"
#include "core/util/Languages.h"
#include "core/util/Translator.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPrinter>
#include <QSaveFile>
#include <QScreen>
#include <QShowEvent>
#include <QStyle>
#include <QSvgRenderer>
#include <QToolButton>

#include <QScrollBar>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <functional>
#include <utility>

namespace spinepath::ui {

namespace {

ReportPrinter::Document patientCopyDocument()
{
    return {MainWindow::tr("My results"), spinepath::report::reportPageLayout(spinepath::Paper::A4)};
}

// The language the patient reads now: the content shown is in it.
std::string patientLanguage()
{
    return spinepath::Translator::language().toStdString();
}

// What the patient sees of a result, in the language the patient reads: the
// same wording the patient copy prints (ReportBuilder makes it the same way).
spinepath::report::PatientResult patientResultOf(const spinepath::ClinicContent& content,
                                                 const spinepath::AssessmentSession& session)
{
    const std::string language = patientLanguage();
    return spinepath::report::makePatientResult(
        session.result(), content.screening().ruleset(), content.clinic(), content.articles(language),
        content.screening().roles(), session.mode(), &content.ruleTexts(language));
}

// At home the results page offers ways to take the answers to the visit
// (core/handoff); at the kiosk they are already at the clinic.
bool offersTakeToVisit(bool kiosk, const spinepath::AssessmentSession& session)
{
    return !kiosk && session.mode() == spinepath::AssessmentMode::Home;
}

// Calls back on QEvent::LanguageChange of the object it filters: the window's
// content (results, library) is worded again in the new language.
class LanguageChangeFilter final : public QObject
{
public:
    LanguageChangeFilter(QObject* watched, std::function<void()> changed)
        : QObject(watched)
        , m_changed(std::move(changed))
    {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == parent() && event->type() == QEvent::LanguageChange)
            m_changed();
        return false;
    }

private:
    std::function<void()> m_changed;
};

} // namespace

MainWindow::MainWindow(const AppContext& context, QWidget* parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_ui(new Ui::MainWindow)
    , m_staffCorner(new QToolButton(this))
    , m_textSize(new TextSizeChooser())
    , m_language(new LanguageChooser())
    , m_staffAction(new QAction(this))
    , m_saveProblem(new QLabel(this))
    , m_printMessage(new QLabel(this))
{
    m_ui->setupUi(this);
    // The language on the left, the text size on the right: both the first
    // things a patient meets, before any text they might not read.
    auto* choices = new QWidget();
    choices->setObjectName(QStringLiteral("welcomeChoices"));
    auto* choicesLayout = new QHBoxLayout(choices);
    choicesLayout->setContentsMargins(0, 0, 0, 0);
    choicesLayout->addWidget(m_language);
    choicesLayout->addStretch();
    choicesLayout->addWidget(m_textSize);
    m_ui->welcomeLayout->insertWidget(0, choices);
    connect(m_language, &LanguageChooser::languageChosen, this, &MainWindow::chooseLanguage);
    new LanguageChangeFilter(this, [this] {
        // Results on screen: worded again from content in the new language.
        if (m_session && m_resultsPage && m_ui->pages->currentWidget() == m_resultsPage &&
            m_session->isCompleted())
            m_resultsPage->showResult(patientResultOf(*m_context.content, *m_session),
                                      offersTakeToVisit(m_kiosk, *m_session));
        // The library is rebuilt in the new language, at its topics.
        if (m_libraryPage) {
            const bool shown = m_ui->pages->currentWidget() == m_libraryPage;
            m_ui->pages->removeWidget(m_libraryPage);
            m_libraryPage->hide();
            m_libraryPage->setParent(nullptr);
            m_libraryPage->deleteLater();
            m_libraryPage = nullptr;
            if (shown) {
                libraryPage()->showTopics();
                m_ui->pages->setCurrentWidget(m_libraryPage);
            }
        }
    });
    connect(m_textSize, &TextSizeChooser::textSizeChosen, this, [this] {
        fitResumeList();
        fitWelcomeToWidth();
    });
    // Small and pale in the top right corner: staff know where it is, a
    // patient has no reason to press it, and it only asks for the PIN.
    m_staffCorner->setObjectName(QStringLiteral("staffCorner"));
    m_staffCorner->setFocusPolicy(Qt::NoFocus);
    m_staffCorner->setFixedSize(72, 48);
    m_staffCorner->hide();
    connect(m_staffCorner, &QToolButton::clicked, this, &MainWindow::staffRequested);
    m_staffAction->setObjectName(QStringLiteral("actionStaffConsole"));
    m_staffAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+S")));
    connect(m_staffAction, &QAction::triggered, this, &MainWindow::staffRequested);
    m_ui->menuFile->insertAction(m_ui->actionQuit, m_staffAction);
    m_ui->menuFile->insertSeparator(m_ui->actionQuit);
    m_saveProblem->setTextFormat(Qt::PlainText);
    m_saveProblem->setObjectName(QStringLiteral("saveProblemLabel"));
    m_saveProblem->setProperty("role", QStringLiteral("error"));
    m_saveProblem->setWordWrap(true);
    m_saveProblem->setContentsMargins(24, 8, 24, 8);
    m_saveProblem->hide();
    m_ui->centralLayout->insertWidget(0, m_saveProblem);
    m_printMessage->setObjectName(QStringLiteral("printMessageLabel"));
    m_printMessage->setWordWrap(true);
    m_printMessage->setTextFormat(Qt::PlainText);
    m_printMessage->setContentsMargins(24, 8, 24, 8);
    m_printMessage->hide();
    m_ui->centralLayout->insertWidget(1, m_printMessage);
    useDatabase();

    retranslate();
    showClinicDetails();
    connect(m_ui->resumeButton, &QPushButton::clicked, this, &MainWindow::resumeSelected);
    connect(m_ui->pages, &QStackedWidget::currentChanged, this, &MainWindow::patientActivity);
    connect(m_ui->resumeList, &QListWidget::itemActivated, this, &MainWindow::resumeSelected);
    refreshResumeList();
    m_ui->pages->setCurrentWidget(m_ui->welcomePage);
    for (QPushButton* start : {m_ui->clinicButton, m_ui->homeButton})
        start->setProperty("role", QStringLiteral("start"));
    m_ui->libraryButton->setProperty("role", QStringLiteral("secondary"));
    // Properties set after setupUi need a fresh polish to pick up their style.
    for (QWidget* button :
         {static_cast<QWidget*>(m_ui->clinicButton), static_cast<QWidget*>(m_ui->homeButton),
          static_cast<QWidget*>(m_ui->libraryButton)}) {
        button->style()->unpolish(button);
        button->style()->polish(button);
    }

    // close() rather than qApp->quit(): the window gets its closeEvent, and the
    // application ends through lastWindowClosed like any other close.
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAboutDialog);
    connect(m_ui->clinicButton, &QPushButton::clicked, this, &MainWindow::startAtClinic);
    connect(m_ui->homeButton, &QPushButton::clicked, this, &MainWindow::startAtHome);
    connect(m_ui->libraryButton, &QPushButton::clicked, this, [this] { showLibrary(); });
}

MainWindow::~MainWindow() = default;

// The emergency, results, thank-you and library pages are made when first
// needed: the welcome page shows sooner, and most patients never see the
// emergency page.
EmergencyPage* MainWindow::emergencyPage()
{
    if (!m_emergencyPage) {
        m_emergencyPage = new EmergencyPage(this);
        m_ui->pages->addWidget(m_emergencyPage);
        connect(m_emergencyPage, &EmergencyPage::continueRequested, this, [this] {
            if (m_questionnaire)
                m_ui->pages->setCurrentWidget(m_questionnaire);
        });
    }
    return m_emergencyPage;
}

ResultsPage* MainWindow::resultsPage()
{
    if (!m_resultsPage) {
        m_resultsPage = new ResultsPage(this);
        m_ui->pages->addWidget(m_resultsPage);
        connect(m_resultsPage, &ResultsPage::finished, this, &MainWindow::resetToWelcome);
        connect(m_resultsPage, &ResultsPage::articleRequested, this, &MainWindow::showLibrary);
        connect(m_resultsPage, &ResultsPage::printRequested, this, &MainWindow::printPatientCopy);
        connect(m_resultsPage, &ResultsPage::saveAnswersRequested, this, &MainWindow::saveAnswersFile);
    }
    return m_resultsPage;
}

ThankYouPage* MainWindow::thankYouPage()
{
    if (!m_thankYouPage) {
        m_thankYouPage = new ThankYouPage(this);
        m_ui->pages->addWidget(m_thankYouPage);
        connect(m_thankYouPage, &ThankYouPage::finished, this, &MainWindow::resetToWelcome);
    }
    return m_thankYouPage;
}

LibraryPage* MainWindow::libraryPage()
{
    if (!m_libraryPage) {
        m_libraryPage = new LibraryPage(
            m_context.content->articles(patientLanguage()),
            m_context.content->screening().roles().id(spinepath::ContentRoles::Role::GlossaryArticle), this);
        if (m_context.database)
            m_libraryPage->setDatabasePath(m_context.database->path());
        m_libraryPage->articleView()->setKioskPrinting(m_kiosk, m_printerName);
        m_ui->pages->addWidget(m_libraryPage);
        connect(m_libraryPage, &LibraryPage::closeRequested, this, [this] {
            m_ui->pages->setCurrentWidget(m_pageBeforeLibrary ? m_pageBeforeLibrary : m_ui->welcomePage);
        });
    }
    return m_libraryPage;
}

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
    // The program loads the questionnaire straight after the first frame,
    // before it handles any input; this only guards against a click that
    // could somehow come first.
    if (!m_context.content->hasClinical())
        return;
    // The patient who chose a language on the welcome page keeps it.
    m_keepLanguage = true;
    resetToWelcome();
    m_keepLanguage = false;
    m_session = std::make_unique<spinepath::AssessmentSession>(
        m_context.content->screening(),
        atClinic ? spinepath::AssessmentMode::Kiosk : spinepath::AssessmentMode::Home, m_lifecycle.get());
    connect(m_session.get(), &spinepath::AssessmentSession::saveFailed, this, &MainWindow::showSaveProblem);
    if (m_outbox) {
        const std::string session =
            m_context.database ? m_context.database->kioskSession().toStdString() : m_offlineSession;
        m_session->keepUnsentIn(m_outbox, session);
        connect(m_session.get(), &spinepath::AssessmentSession::keptLocally, this, [this] {
            m_serverLost = true;
            emit answersKeptLocally();
        });
        if (!m_context.database && m_context.databaseUnreachable)
            m_session->serverUnreachable();
    }
    m_questionnaire = new QuestionnaireView(*m_session, m_ui->pages);
    m_questionnaire->setFinishShowsResults(!m_kiosk);
    m_questionnaire->keepTopRightClear(m_kiosk ? m_staffCorner->width() : 0);
    m_ui->pages->addWidget(m_questionnaire);
    m_ui->pages->setCurrentWidget(m_questionnaire);
    // Its wording in the language the patient reads, again after each change.
    m_questionnaire->setWording([this]() -> const spinepath::questionnaire::Questionnaire& {
        return m_context.content->questionnaire(patientLanguage());
    });
    connect(m_questionnaire, &QuestionnaireView::completed, this, &MainWindow::showResults);
    connect(m_questionnaire, &QuestionnaireView::backedOutOfStart, this, &MainWindow::resetToWelcome);
    connect(m_questionnaire, &QuestionnaireView::sectionChanged, this, &MainWindow::patientActivity);
    connect(m_session.get(), &spinepath::AssessmentSession::answersChanged, this,
            &MainWindow::patientActivity);
    connect(m_session.get(), &spinepath::AssessmentSession::emergencyRaised, this,
            &MainWindow::showEmergency);
}

void MainWindow::showEmergency(const QStringList& flagIds)
{
    if (m_kiosk && m_session && !m_session->assessmentId().empty())
        emit emergencyAlert(QString::fromStdString(m_session->assessmentId()));
    const auto& ruleset = m_context.content->screening().ruleset();
    const auto& texts = m_context.content->ruleTexts(patientLanguage());
    QStringList reasons;
    for (const QString& id : flagIds)
        if (ruleset.findFlag(id.toStdString()))
            reasons << QString::fromStdString(texts.flag(id.toStdString()));
    // What to do now, from the same clinic.json message the results page and
    // the patient copy give for an interrupting severity at this place.
    const auto& severities = ruleset.severities();
    const auto interrupting = std::find_if(severities.begin(), severities.end(),
                                           [](const auto& severity) { return severity.interrupts; });
    const std::string key = spinepath::report::instructionKey(
        interrupting != severities.end() ? interrupting->id : std::string(), reportMode());
    emergencyPage()->showEmergency(
        reasons, QString::fromStdString(m_context.content->clinic().message(key, patientLanguage())));
    m_ui->pages->setCurrentWidget(emergencyPage());
}

void MainWindow::showResults()
{
    if (!m_session)
        return;
    if (m_session->complete()) {
        m_saveProblem->hide();
        // At the kiosk the summary goes to the front desk; the patient's
        // screen keeps nothing of it. If the save failed, the results stay
        // on screen instead, so nothing is lost.
        if (m_kiosk) {
            showThankYou();
            return;
        }
    } else if (!m_lifecycle) {
        m_saveProblem->setText(
            tr("Your answers are on this screen only. Please tell the front desk before you leave."));
        m_saveProblem->show();
    }
    const spinepath::report::PatientResult result = patientResultOf(*m_context.content, *m_session);
    resultsPage()->showResult(result, offersTakeToVisit(m_kiosk, *m_session));
    m_ui->pages->setCurrentWidget(m_resultsPage);
    m_resultsPage->verticalScrollBar()->setValue(0);

    recordShownArticles(result);
}

// Which article versions this patient was pointed to, for the record.
void MainWindow::recordShownArticles(const spinepath::report::PatientResult& result)
{
    if (!m_lifecycle || !m_session || m_session->assessmentId().empty())
        return;
    std::vector<spinepath::storage::ShownArticle> shown;
    for (const auto& offered : result.articles)
        if (const auto* article = m_context.content->articles(patientLanguage()).find(offered.id))
            shown.push_back({offered.id, article->version,
                             spinepath::storage::Article::hashOf(article->title, article->body)});
    (void)m_lifecycle->recordShownArticles(m_session->assessmentId(), shown);
}

std::optional<spinepath::AssessmentMode> MainWindow::reportMode() const
{
    if (!m_session)
        return std::nullopt;
    return m_session->mode();
}

void MainWindow::showLibrary(const QString& article)
{
    m_pageBeforeLibrary = m_ui->pages->currentWidget();
    if (article.isEmpty())
        libraryPage()->showTopics();
    else
        libraryPage()->openArticle(article);
    m_ui->pages->setCurrentWidget(libraryPage());
}

void MainWindow::printPatientCopy()
{
    if (!m_session)
        return;
    // At the kiosk no print dialog or preview: their "Print to File" opens
    // the computer's files to whoever stands there.
    if (m_kiosk) {
        printPatientCopyAtKiosk();
        return;
    }
    // The preview owns the copy of the report: it goes when the dialog closes.
    auto report = std::make_shared<spinepath::report::ReportData>(patientCopy());
    ReportPrinter::openPreview(
        this, QStringLiteral("patientCopyPreview"), patientCopyDocument(), [report](QPrinter& target) {
            spinepath::report::render(spinepath::report::DocumentKind::PatientCopy, *report, target);
            return true;
        });
}

void MainWindow::saveAnswersFile()
{
    if (!m_session || m_kiosk)
        return;
    const QString suggested = tr("my-spine-answers") + QStringLiteral(".json");
    QString path =
        StaffFileChooser::saveFileName(this, tr("Save your answers"), suggested, tr("Answers file (*.json)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    try {
        spinepath::questionnaire::ResponseOptions options;
        const QDateTime finished =
            m_session->completedAt().isValid() ? m_session->completedAt() : QDateTime::currentDateTimeUtc();
        options.authored = finished.toUTC().toString(Qt::ISODate).toStdString();
        const auto response = spinepath::questionnaire::toQuestionnaireResponse(
            m_context.content->screening().questionnaire(), m_session->acceptedAnswers(), options);
        // Health information: readable by the patient's account only, from the first byte.
        spinepath::storage::PrivateUmask privateFiles;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            throw std::runtime_error(file.errorString().toStdString());
        file.write(QByteArray::fromStdString(response.dump(2) + '\n'));
        if (!file.commit())
            throw std::runtime_error(file.errorString().toStdString());
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        showPrintMessage(tr("Your answers are saved in %1. Bring this file to your visit.").arg(path));
    } catch (const std::exception& error) {
        showPrintMessage(tr("Your answers could not be saved: %1").arg(QString::fromUtf8(error.what())));
    }
}

spinepath::report::ReportData MainWindow::patientCopy() const
{
    spinepath::report::AssessmentInfo info;
    info.id = QString::fromStdString(m_session->assessmentId());
    // When the patient finished: every copy of these answers carries the same
    // time, so the clinic knows a second copy for what it is.
    info.takenAt =
        m_session->completedAt().isValid() ? m_session->completedAt() : QDateTime::currentDateTime();
    info.mode = reportMode();
    info.language = patientLanguage(); // the patient copy in the language the patient reads
    return m_context.content->reportFromResult(m_session->acceptedAnswers(), m_session->result(), info);
}

void MainWindow::printPatientCopyAtKiosk()
{
    if (m_patientCopyPrinted) {
        showPrintMessage(tr("Your copy was sent to the printer already. Please ask at the front desk."));
        return;
    }
    const auto outcome =
        ReportPrinter::printDirect(m_printerName, patientCopyDocument(), [this](QPrinter& printer) {
            try {
                spinepath::report::render(spinepath::report::DocumentKind::PatientCopy, patientCopy(),
                                          printer);
                return true;
            } catch (const spinepath::report::ReportError&) {
                return false;
            }
        });
    switch (outcome) {
    case ReportPrinter::Outcome::NoPrinter:
        showPrintMessage(tr("There is no printer here. The front desk can print your copy for you."));
        return;
    case ReportPrinter::Outcome::NotPrinted:
        showPrintMessage(tr("Your copy could not be printed. Please ask at the front desk."));
        return;
    case ReportPrinter::Outcome::Printed:
        break;
    }
    m_patientCopyPrinted = true;
    showPrintMessage(tr("Sent to the printer. Please collect it at the front desk."));
}

void MainWindow::showPrintMessage(const QString& text)
{
    m_printMessage->setText(text);
    m_printMessage->setVisible(!text.isEmpty());
}

void MainWindow::showSaveProblem(const QString& message)
{
    m_saveProblem->setText(
        tr("Your answers could not be saved: %1 They stay on this screen; nothing you entered is lost.")
            .arg(message));
    m_saveProblem->show();
}

void MainWindow::refreshResumeList()
{
    m_ui->resumeList->clear();
    if (!m_lifecycle || m_kiosk) {
        m_ui->resumeBox->hide();
        return;
    }
    spinepath::storage::AssessmentFilter filter;
    filter.status = spinepath::storage::Status::InProgress;
    auto page =
        spinepath::storage::AssessmentQueries(m_lifecycle->database()).list(filter, {20, 0, std::nullopt});
    if (page) {
        // Dates only: the welcome screen never shows a name or an answer.
        for (const auto& row : page.value().rows) {
            if (row.mode != spinepath::AssessmentMode::Home)
                continue;
            auto* item = new QListWidgetItem(
                tr("Started %1, %2")
                    .arg(QLocale().toString(row.startedAt.toLocalTime().date(), QLocale::LongFormat),
                         QLocale().toString(row.startedAt.toLocalTime().time(), QLocale::ShortFormat)),
                m_ui->resumeList);
            item->setData(Qt::UserRole, QString::fromStdString(row.id));
        }
    }
    m_ui->resumeBox->setVisible(m_ui->resumeList->count() > 0);
    if (m_ui->resumeList->count() > 0)
        m_ui->resumeList->setCurrentRow(0);
    fitResumeList();
}

void MainWindow::fitResumeList()
{
    QListWidget* list = m_ui->resumeList;
    list->ensurePolished();
    const int rows = std::clamp(list->count(), 1, 4);
    const int rowHeight = list->count() > 0 ? list->sizeHintForRow(0) : list->fontMetrics().height();
    list->setMinimumHeight(rows * rowHeight + 2 * list->frameWidth() + 4);
}

void MainWindow::resumeSelected()
{
    const QListWidgetItem* item = m_ui->resumeList->currentItem();
    if (!item)
        return;
    const std::string id = item->data(Qt::UserRole).toString().toStdString();
    startSession(false);
    if (!m_session->resume(id)) {
        showSaveProblem(tr("That questionnaire could not be opened."));
        resetToWelcome();
        return;
    }
    m_questionnaire->resumeWhereStopped();
}

void MainWindow::showThankYou()
{
    const QString id = QString::fromStdString(m_session->assessmentId());
    m_keepLanguage = true;
    resetToWelcome();
    m_keepLanguage = false;
    thankYouPage()->present(QString::fromStdString(m_context.content->clinic().message("kioskThankYou")));
    m_ui->pages->setCurrentWidget(m_thankYouPage);
    emit assessmentFinished(id);
}

void MainWindow::useDatabase()
{
    if (m_lifecycle)
        return;
    if (m_context.database) {
        m_lifecycle =
            std::make_unique<spinepath::storage::AssessmentLifecycle>(*m_context.database, "patient");
        if (m_libraryPage)
            m_libraryPage->setDatabasePath(m_context.database->path());
        storeSessionStartedBefore();
    } else if (m_outbox && m_context.databaseUnreachable) {
        // The kiosk goes on: the outbox keeps the answers until the server is back.
        spdlog::warn("the database server cannot be reached; answers are kept in the kiosk's outbox");
        if (m_session)
            m_session->serverUnreachable();
    } else if (!m_context.databaseProblem.empty())
        showSaveProblem(QString::fromStdString(m_context.databaseProblem));
    refreshResumeList();
}

void MainWindow::keepUnsentIn(spinepath::storage::Outbox* outbox)
{
    m_outbox = outbox;
    m_offlineSession = spinepath::storage::ServerLogin::newKioskSession().toStdString();
}

void MainWindow::serverReachable()
{
    if (!m_serverLost || !m_context.database)
        return;
    // The same server session: the rows this kiosk made are still its own.
    if (auto reconnected = m_context.database->reconnect(); !reconnected) {
        spdlog::warn("could not connect to the database server again: {}", reconnected.error().message);
        return;
    }
    m_serverLost = false;
}

void MainWindow::storeSessionStartedBefore()
{
    if (!m_session)
        return;
    const bool resultsShown = m_ui->pages->currentWidget() == m_resultsPage;
    const QStringList alerts = m_session->useStorage(m_lifecycle.get());
    // The front desk hears of an emergency as soon as it has a stored
    // assessment to open (ClinicMode connects emergencyAlert first).
    if (m_kiosk && !alerts.isEmpty())
        emit emergencyAlert(QString::fromStdString(m_session->assessmentId()));
    if (resultsShown && m_session->isCompleted()) {
        m_saveProblem->hide();
        recordShownArticles(patientResultOf(*m_context.content, *m_session));
        if (m_kiosk)
            emit assessmentFinished(QString::fromStdString(m_session->assessmentId()));
    }
}

void MainWindow::showClinicDetails()
{
    // The clinic's own logo when content names one; SpinePath's otherwise.
    QSvgRenderer clinicLogo(QString::fromStdString(m_context.content->clinic().logoPath));
    if (!m_context.content->clinic().logoPath.empty() && clinicLogo.isValid()) {
        QPixmap logo(QSize(96, 96) * devicePixelRatioF());
        logo.fill(Qt::transparent);
        QPainter painter(&logo);
        clinicLogo.render(&painter);
        logo.setDevicePixelRatio(devicePixelRatioF());
        m_ui->logoLabel->setPixmap(logo);
    } else {
        m_ui->logoLabel->setPixmap(spinepath::ui::logoPixmap(96, devicePixelRatioF()));
    }
    m_ui->logoLabel->setAccessibleName(QString::fromStdString(m_context.content->clinic().name));
    // The clinic's own words, shown as written, never as markup.
    for (QLabel* label : {m_ui->titleLabel, m_ui->subtitleLabel, m_ui->noteLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true); // a long clinic name in large text must not widen the page
    }
    m_ui->titleLabel->setText(QString::fromStdString(m_context.content->clinic().name));
    // In the patient's language: this page is where they choose it.
    const std::string language = patientLanguage();
    m_ui->subtitleLabel->setText(
        QString::fromStdString(m_context.content->clinic().message("welcome", language)));
    m_ui->noteLabel->setText(
        QString::fromStdString(m_context.content->clinic().message("notADiagnosis", language)));
}

void MainWindow::setKioskMode(bool kiosk)
{
    m_kiosk = kiosk;
    menuBar()->setVisible(!kiosk);
    m_ui->homeButton->setVisible(!kiosk);
    retranslate();
    m_staffCorner->setVisible(kiosk);
    m_staffCorner->raise();
    // The staff corner sits over the top right of every page: the text-size
    // buttons there keep clear of it.
    m_textSize->setContentsMargins(0, 0, kiosk ? m_staffCorner->width() : 0, 0);
    if (m_libraryPage)
        m_libraryPage->articleView()->setKioskPrinting(m_kiosk, m_printerName);
    refreshResumeList();
}

void MainWindow::setClinicPrinter(const QString& printerName)
{
    m_printerName = printerName;
    if (m_libraryPage)
        m_libraryPage->articleView()->setKioskPrinting(m_kiosk, m_printerName);
}

bool MainWindow::isAtWelcome() const
{
    return !m_session && m_ui->pages->currentWidget() == m_ui->welcomePage;
}

void MainWindow::clearForNextPatient()
{
    resetToWelcome();
    forgetVisit();
}

void MainWindow::setClinicLanguage(const QString& code)
{
    m_clinicLanguage = spinepath::languages::isAvailable(code) ? code : QString();
    // Physician summaries are in the clinic's language: the setting, else the
    // computer's (as the program starts in), else English.
    const QString system = QLocale::languageToCode(QLocale::system().language());
    const QString summary = !m_clinicLanguage.isEmpty()                 ? m_clinicLanguage
                            : spinepath::languages::isAvailable(system) ? system
                                                                        : QStringLiteral("en");
    m_context.content->setClinicLanguage(summary.toStdString());
    if (!m_clinicLanguage.isEmpty() && isAtWelcome())
        chooseLanguage(m_clinicLanguage);
}

void MainWindow::chooseLanguage(const QString& code)
{
    if (code == spinepath::Translator::language() || !spinepath::languages::isAvailable(code))
        return;
    spinepath::languages::use(*QCoreApplication::instance(), code);
    // Translator::install posts QEvent::LanguageChange to every window; the
    // patient sees the new language on this very page, not after a repaint.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    m_ui->retranslateUi(this);
    retranslate();
    // retranslateUi put the .ui's placeholder texts back over the clinic's.
    showClinicDetails();
    refreshResumeList();
    // The pages made when first needed are made again when next needed, in
    // the new language (their content too); the one showing stays.
    QWidget* current = m_ui->pages->currentWidget();
    const auto drop = [&](auto*& page) {
        if (!page || page == current || page == m_pageBeforeLibrary)
            return;
        m_ui->pages->removeWidget(page);
        page->deleteLater();
        page = nullptr;
    };
    drop(m_emergencyPage);
    drop(m_resultsPage);
    drop(m_thankYouPage);
    drop(m_libraryPage);
}

void MainWindow::retranslate()
{
    m_staffCorner->setText(tr("Staff"));
    m_staffCorner->setAccessibleName(tr("Staff sign-in"));
    m_staffAction->setText(tr("&Staff console..."));
    // At the kiosk everyone is at the clinic: the button only has to start.
    m_ui->clinicButton->setText(m_kiosk ? tr("Start the questionnaire") : tr("I'm at the clinic"));
    fitWelcomeToWidth();
}

void MainWindow::forgetVisit()
{
    // The next patient at the kiosk starts in the clinic's language.
    if (!m_clinicLanguage.isEmpty() && !m_keepLanguage)
        chooseLanguage(m_clinicLanguage);
    m_textSize->reset();
    if (m_libraryPage)
        m_libraryPage->clear();
    patienttraces::forgetEditHistory(*this);
    patienttraces::clearOwnClipboard();
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    m_staffCorner->move(width() - m_staffCorner->width(), 0);
    fitWelcomeToWidth();
}

void MainWindow::fitWelcomeToWidth()
{
    // The start buttons sit side by side when both fit and one above the other
    // when not, and the note wraps to the width there is: on a small screen or
    // with large text the page scrolls down, never sideways.
    const int margin = width() < 900 ? 24 : 48;
    // A short screen (a 1280x720 kiosk) keeps the whole page in view with
    // less air above and below, instead of hiding the last button below the fold.
    const int vertical = height() < 800 ? 16 : margin;
    m_ui->welcomeLayout->setContentsMargins(margin, vertical, margin, vertical);
    const int available =
        std::max(0, width() - 2 * margin - m_ui->welcomeScroll->verticalScrollBar()->sizeHint().width());
    m_ui->noteLabel->setMinimumWidth(std::min(600, available));
    m_ui->resumeBox->setMinimumWidth(std::min(624, available));
    // A push button does not wrap: when the full invitation is wider than
    // the page (a small screen with the largest text), it says less.
    QPushButton* library = m_ui->libraryButton;
    library->setText(tr("Learn about your spine and the treatments"));
    if (library->sizeHint().width() > available)
        library->setText(tr("Learn about your spine"));
    library->setMinimumWidth(std::min(300, available));
    int sideBySide = -m_ui->startButtonsLayout->spacing();
    for (const QPushButton* start : {m_ui->clinicButton, m_ui->homeButton})
        if (!start->isHidden())
            sideBySide += start->sizeHint().width() + m_ui->startButtonsLayout->spacing();
    m_ui->startButtonsLayout->setDirection(sideBySide <= available ? QBoxLayout::LeftToRight
                                                                   : QBoxLayout::TopToBottom);
}

void MainWindow::showEvent(QShowEvent* event)
{
    // The default size (the .ui's) may be larger than a small screen, or a
    // screen scaled 1.5 times: never open with parts off the screen.
    if (!m_fittedToScreen && !isFullScreen() && !isMaximized()) {
        m_fittedToScreen = true;
        if (const QScreen* shown = screen()) {
            const QRect available = shown->availableGeometry();
            const QSize fitted = size().boundedTo(available.size() * 0.95).expandedTo(minimumSize());
            if (fitted != size()) {
                resize(fitted);
                move(available.center() - rect().center());
            }
        }
    }
    QMainWindow::showEvent(event);
}

void MainWindow::resetToWelcome()
{
    m_pageBeforeLibrary = nullptr;
    if (m_thankYouPage)
        m_thankYouPage->stop();
    if (m_emergencyPage)
        m_emergencyPage->clear();
    // A clinic visitor who walks away leaves an abandoned record; a home
    // questionnaire stays open to be finished later.
    if (m_session && m_session->mode() == spinepath::AssessmentMode::Kiosk)
        m_session->abandon();
    m_ui->pages->setCurrentWidget(m_ui->welcomePage);
    if (m_resultsPage)
        m_resultsPage->clear();
    if (m_questionnaire) {
        m_ui->pages->removeWidget(m_questionnaire);
        delete m_questionnaire;
        m_questionnaire = nullptr;
    }
    m_session.reset();
    m_patientCopyPrinted = false;
    showPrintMessage({});
    // At the kiosk the next person may be someone else.
    if (m_kiosk)
        forgetVisit();
    refreshResumeList();
}

} // namespace spinepath::ui
