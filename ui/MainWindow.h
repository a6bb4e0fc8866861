#pragma once

#include "core/assessment/AssessmentMode.h"
#include "core/report/ReportData.h"

#include <QMainWindow>
#include <QPointer>
#include <QScopedPointer>

#include <memory>

namespace spinepath::storage {
class AssessmentLifecycle;
class Outbox;
} // namespace spinepath::storage
class QLabel;
class QToolButton;

namespace Ui {
class MainWindow;
}

namespace spinepath {
class AssessmentSession;
}
namespace spinepath::report {
struct PatientResult;
}

namespace spinepath::ui {

class AboutDialog;
class EmergencyPage;
class LanguageChooser;
class LibraryPage;
class QuestionnaireView;
class ResultsPage;
class TextSizeChooser;
class ThankYouPage;
struct AppContext;

// The patient's window: welcome, the questionnaire, the emergency stop and
// the results. One assessment at a time; finishing or leaving clears every
// page, so nothing of one patient is left for the next.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const AppContext& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] spinepath::AssessmentSession* session() const noexcept { return m_session.get(); }

    // The front-desk kiosk: no menu, no home questionnaire and no list of
    // unfinished ones (they belong to other patients), a thank-you page instead
    // of the results, and a discreet staff corner.
    void setKioskMode(bool kiosk);
    [[nodiscard]] bool isKioskMode() const noexcept { return m_kiosk; }
    // Whether the welcome page is showing, with nothing of a patient behind it.
    [[nodiscard]] bool isAtWelcome() const;
    // The clinic's name, logo and messages on the welcome page (again, after
    // staff edit the clinic details).
    void showClinicDetails();
    // The database is open (or failed to open): answers are saved from now
    // on and unfinished home questionnaires are offered. The program checks
    // it in a worker thread (DatabaseStartup), so a patient may have started
    // already: what they answered meanwhile, and an emergency alert or a
    // completion that waited, is stored now.
    void useDatabase();
    // A clinic network's kiosk: answers the server cannot take (it is out
    // of reach at start-up, or is lost while a patient answers) are kept in
    // `outbox`, which an OutboxSender delivers; the patient goes on.
    void keepUnsentIn(spinepath::storage::Outbox* outbox);
    // The sender reached the server again: the window's own connection,
    // cut when the server went away, is opened again for the next patient.
    void serverReachable();

public slots:
    // Opens the About dialog window-modal with open() rather than exec(), so
    // the event loop keeps running: tests can find and close the dialog, and a
    // second trigger raises the open dialog instead of stacking another.
    void showAboutDialog();
    void startAtClinic();
    void startAtHome();
    // Back to the welcome page with no trace of the last assessment.
    void resetToWelcome();
    // The education library, opened at an article ("id" or "id#Heading") if given.
    void showLibrary(const QString& article = {});
    // The patient's copy of the results in a print preview (print, or print to a PDF file).
    // Opened with open(), not exec(), so tests can find and close the dialog.
    // At the kiosk it goes straight to the clinic's printer, once a visit.
    void printPatientCopy();
    // At home: the answers as a FHIR QuestionnaireResponse file (0600) to carry to the visit.
    void saveAnswersFile();
    // For the idle reset: the assessment is kept as abandoned, and every page
    // and field goes back to its empty state, with no undo history, and the
    // clipboard is emptied if this program filled it.
    void clearForNextPatient();
    // The clinic's printer (setting), where the kiosk prints; empty: the default printer.
    void setClinicPrinter(const QString& printerName);
    // The clinic's language ("en", "es"; --lang or the staff setting): used
    // now when no patient has started, and at the kiosk again after each
    // patient. Empty: whatever language is in use stays.
    void setClinicLanguage(const QString& code);
    // A patient's choice on the welcome page: every page follows at once.
    void chooseLanguage(const QString& code);

signals:
    // The staff corner, the menu or Ctrl+Alt+S: staff want the console.
    void staffRequested();
    // A patient at the kiosk gave an emergency answer (already stored).
    void emergencyAlert(const QString& assessmentId);
    // A kiosk assessment was stored as completed.
    void assessmentFinished(const QString& assessmentId);
    // The patient changed an answer or a page. Assistive technology (a switch
    // or a screen reader acting through the accessibility bus) does this
    // without any key or mouse event, so the kiosk's idle clock listens here too.
    void patientActivity();
    // Answers were kept in the outbox: its sender should try at once.
    void answersKeptLocally();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void startSession(bool atClinic);
    void resumeSelected();
    void refreshResumeList();
    // Tall enough for a few rows at the chosen text size: a list squeezed to
    // nothing hides the patient's saved work.
    void fitResumeList();
    // Lays the welcome page out for the width it has: see the .cpp.
    void fitWelcomeToWidth();
    void showSaveProblem(const QString& message);
    void showEmergency(const QStringList& flagIds);
    void showResults();
    // The database came after the patient started: what waited is stored.
    void storeSessionStartedBefore();
    void recordShownArticles(const spinepath::report::PatientResult& result);
    // Where this session is taken, as the reports name it.
    [[nodiscard]] std::optional<spinepath::AssessmentMode> reportMode() const;
    void showThankYou();
    void printPatientCopyAtKiosk();
    void showPrintMessage(const QString& text);
    [[nodiscard]] spinepath::report::ReportData patientCopy() const;
    // The library, the text fields' undo history and the clipboard: at the
    // kiosk nothing of one visitor is left for the next.
    void forgetVisit();
    // The texts set in code rather than in the .ui, again in the language in use.
    void retranslate();
    [[nodiscard]] EmergencyPage* emergencyPage();
    [[nodiscard]] ResultsPage* resultsPage();
    [[nodiscard]] ThankYouPage* thankYouPage();
    [[nodiscard]] LibraryPage* libraryPage();

    const AppContext& m_context;
    QScopedPointer<Ui::MainWindow> m_ui;
    QPointer<AboutDialog> m_aboutDialog;
    std::unique_ptr<spinepath::AssessmentSession> m_session;
    QuestionnaireView* m_questionnaire = nullptr;
    EmergencyPage* m_emergencyPage = nullptr;
    ResultsPage* m_resultsPage = nullptr;
    LibraryPage* m_libraryPage = nullptr;
    ThankYouPage* m_thankYouPage = nullptr;
    QToolButton* m_staffCorner;
    TextSizeChooser* m_textSize;
    LanguageChooser* m_language;
    QAction* m_staffAction;
    QString m_clinicLanguage;
    // Set while a reset only makes way for the same patient (starting the
    // questionnaire, the kiosk's thank-you page): their language stays.
    bool m_keepLanguage = false;
    bool m_fittedToScreen = false;
    bool m_kiosk = false;
    QLabel* m_saveProblem;
    QLabel* m_printMessage;
    QString m_printerName;
    bool m_patientCopyPrinted = false;
    std::unique_ptr<spinepath::storage::AssessmentLifecycle> m_lifecycle;
    // keepUnsentIn: the kiosk's outbox, the server session its answers
    // belong to when there is no database, and whether the server was lost.
    spinepath::storage::Outbox* m_outbox = nullptr;
    std::string m_offlineSession;
    bool m_serverLost = false;
    QWidget* m_pageBeforeLibrary = nullptr;
};

} // namespace spinepath::ui
