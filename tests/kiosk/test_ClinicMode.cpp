// The front-desk kiosk driven as patients and staff use it, on the offscreen
// platform: the close keys, the staff corner and PIN, the idle reset that
// must leave nothing of one patient for the next, the thank-you page and an
// emergency that must reach the staff console.
#include "MainWindow.h"
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "common/ClinicPrinter.h"
#include "core/session/AssessmentSession.h"
#include "core/util/Translator.h"
#include "kiosk/ClinicMode.h"
#include "kiosk/IdleWatcher.h"
#include "kiosk/signin/PinDialog.h"
#include "kiosk/signin/SetPinDialog.h"
#include "staff/ReportActions.h"
#include "staff/StaffConsole.h"

#include "core/security/StaffPin.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/AuditLog.h"
#include "core/storage/ClinicSettings.h"
#include "patient/library/ArticleView.h"
#include "support/DialogWatch.h"
#include "support/PatientDriver.h"
#include "support/Screenshot.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAccessible>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextEdit>
#include <QtTest>

#include <algorithm>

using namespace spinepath::ui;

namespace storage = spinepath::storage;
using namespace std::chrono_literals;

class TestClinicMode final : public QObject
{
    Q_OBJECT

    static constexpr const char* kPin = "482915";
    QTemporaryDir m_dataFolder;
    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ClinicMode> m_clinic;

    [[nodiscard]] PatientDriver patient() const { return PatientDriver(m_window.get()); }

    void startClinic(bool kiosk)
    {
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->resize(1280, 800);
        ClinicMode::Options options;
        options.kiosk = kiosk;
        options.fullScreen = false;
        options.pinCost = spinepath::security::StaffPin::Cost::Minimal;
        m_clinic = std::make_unique<ClinicMode>(*m_context, *m_window, options);
        QVERIFY(m_clinic->start());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void startAtClinic()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("clinicButton")), Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("questionnaireView"));
    }

    [[nodiscard]] QPointer<PinDialog> pinDialog() const { return m_window->findChild<PinDialog*>(); }

    void signIn(const char* pin)
    {
        QPointer<PinDialog> dialog = pinDialog();
        QVERIFY(dialog && dialog->isVisible());
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("pinEdit"));
        edit->clear();
        QTest::keyClicks(edit, QString::fromLatin1(pin));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
    }

    [[nodiscard]] int auditCount(std::string_view action) const
    {
        auto entries = storage::AuditLog(*m_context->database).list(1000);
        if (!entries)
            return -1;
        return static_cast<int>(std::count_if(entries.value().begin(), entries.value().end(),
                                              [&](const auto& entry) { return entry.action == action; }));
    }

    [[nodiscard]] storage::Status statusOf(const std::string& id) const
    {
        return storage::AssessmentQueries(*m_context->database).get(id).value().status;
    }

    void screenshot(QWidget& widget, const QString& name) { saveScreenshot(widget, name); }

    template <typename T = QWidget> [[nodiscard]] T* child(const char* name) const
    {
        auto* found = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no widget %s", name);
        return found;
    }

    void openLibrary()
    {
        QTest::mouseClick(child<QPushButton>("libraryButton"), Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("libraryPage"));
    }

    // Opens the article of the list's row by clicking it, as a patient does.
    void clickArticle(int row)
    {
        auto* list = child<QListWidget>("articleList");
        QListWidgetItem* item = list->item(row);
        list->scrollToItem(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    }

    // The rows of the list a patient can open (topic headings cannot be).
    [[nodiscard]] QList<int> articleRows() const
    {
        QList<int> rows;
        auto* list = child<QListWidget>("articleList");
        for (int row = 0; row < list->count(); ++row)
            if (list->item(row)->flags() & Qt::ItemIsEnabled)
                rows << row;
        return rows;
    }

    // Every text a widget of the patient window shows or holds.
    [[nodiscard]] QStringList visibleTexts() const
    {
        QStringList texts;
        for (QWidget* widget : m_window->findChildren<QWidget*>()) {
            if (auto* edit = qobject_cast<QLineEdit*>(widget))
                texts << edit->text();
            else if (auto* label = qobject_cast<QLabel*>(widget))
                texts << label->text();
            else if (auto* text = qobject_cast<QTextEdit*>(widget))
                texts << text->toPlainText();
            else if (auto* button = qobject_cast<QAbstractButton*>(widget))
                texts << button->text();
            texts << widget->accessibleName() << widget->toolTip();
        }
        return texts;
    }

private slots:
    void initTestCase()
    {
        spinepath::ui::applyAppearance(*qApp);
        spinepath::Translator::install(*qApp, QLocale(QLocale::English)); // as the program does
        QVERIFY(m_dataFolder.isValid());
        m_context->openDatabase(m_dataFolder.filePath(QStringLiteral("kiosk.sqlite")));
        QVERIFY2(m_context->databaseProblem.empty(), m_context->databaseProblem.c_str());
        spinepath::security::StaffPin pin(*m_context->database, {},
                                          spinepath::security::StaffPin::Cost::Minimal);
        QVERIFY(pin.set(kPin).ok());
    }

    void cleanup()
    {
        m_clinic.reset();
        m_window.reset();
    }

    // The set-up dialog's parts, typed into as staff (or a patient) would.
    // Fills in and submits the set-PIN dialog; false when a field is missing,
    // so the caller's QVERIFY stops the test instead of a crash.
    [[nodiscard]] static bool setPinWithCode(SetPinDialog& dialog, const QString& code, const QString& pin)
    {
        auto* codeEdit = dialog.findChild<QLineEdit*>(QStringLiteral("resetCodeEdit"));
        auto* newPin = dialog.findChild<QLineEdit*>(QStringLiteral("newPinEdit"));
        auto* confirmPin = dialog.findChild<QLineEdit*>(QStringLiteral("confirmPinEdit"));
        auto* submit = dialog.findChild<QPushButton*>(QStringLiteral("setPinButton"));
        if (!codeEdit || !newPin || !confirmPin || !submit)
            return false; // the kiosk sets a PIN only with a reset code
        const auto type = [](QLineEdit* edit, const QString& text) {
            edit->clear();
            QTest::keyClicks(edit, text);
        };
        type(codeEdit, code);
        type(newPin, pin);
        type(confirmPin, pin);
        QTest::mouseClick(submit, Qt::LeftButton);
        return true;
    }

    [[nodiscard]] bool pinIsSet() const
    {
        spinepath::security::StaffPin pin(*m_context->database, {},
                                          spinepath::security::StaffPin::Cost::Minimal);
        return pin.isSet().value();
    }

    // What `spinepath-cli db reset-pin` does, while the kiosk runs.
    [[nodiscard]] std::string resetPin() const
    {
        spinepath::security::StaffPin pin(*m_context->database, {},
                                          spinepath::security::StaffPin::Cost::Minimal);
        auto code = pin.issueResetCode("cli:it");
        return code ? code->code : std::string();
    }

    void firstStartAsksStaffForThePinWithAResetCode()
    {
        QSqlQuery forget(m_context->database->connection());
        QVERIFY(forget.exec(QStringLiteral("DELETE FROM settings WHERE key = 'staff.pin_hash'")));

        // The dialog comes up at once and names the command that gives the code.
        startClinic(true);
        QSignalSpy exits(m_clinic.get(), &ClinicMode::exitRequested);
        QPointer<SetPinDialog> dialog = m_window->findChild<SetPinDialog*>();
        QTRY_VERIFY(dialog && dialog->isVisible());
        const auto* resetCommand = dialog->findChild<QLabel*>(QStringLiteral("resetCommand"));
        QVERIFY(resetCommand);
        const QString command = resetCommand->text();
        QCOMPARE(command, QStringLiteral("spinepath-cli db reset-pin --db ") + m_context->database->path());

        // Whoever stands there cannot choose the PIN without the code.
        QVERIFY(setPinWithCode(*dialog, QString(), QStringLiteral("Patient 9731")));
        QVERIFY(setPinWithCode(*dialog, QStringLiteral("AAAA-BBBB-CCCC"), QStringLiteral("Patient 9731")));
        QVERIFY(!pinIsSet());
        QVERIFY(!m_clinic->isConsoleOpen());

        // Cancel leaves the kiosk locked: ending the program would be a way out.
        auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("cancelButton"));
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY(!dialog);
        QCOMPARE(exits.count(), 0);
        QVERIFY(m_window->isVisible());
        QVERIFY(!m_window->close());

        // Staff run the command and enter its code: the kiosk is ready for the first patient.
        const std::string code = resetPin();
        QVERIFY(!code.empty());
        auto* staffCorner = m_window->findChild<QAbstractButton*>(QStringLiteral("staffCorner"));
        QVERIFY(staffCorner);
        QTest::mouseClick(staffCorner, Qt::LeftButton);
        QTRY_VERIFY((dialog = m_window->findChild<SetPinDialog*>()) && dialog->isVisible());
        screenshot(*dialog, QStringLiteral("kiosk-set-pin"));
        QVERIFY(setPinWithCode(*dialog, QString::fromStdString(code), QString::fromLatin1(kPin)));
        QTRY_VERIFY(!dialog);
        QVERIFY(pinIsSet());
        QVERIFY(m_clinic->isConsoleOpen());
        m_clinic->lockConsole();
    }

    // `db reset-pin` while the kiosk ran once let the next person
    // who tapped Staff choose a PIN and open the console.
    void aPinResetDoesNotHandTheConsoleToWhoeverIsAtTheKiosk()
    {
        startClinic(true);
        const std::string code = resetPin();
        QVERIFY(!code.empty());
        const int failedBefore = auditCount(storage::audit::kResetCodeFailed);

        // A patient taps Staff and types a PIN of their own, with no code and with guessed ones
        // (two: the kiosk runs on the real clock, and a third would make staff wait a second).
        QTest::mouseClick(m_window->findChild<QAbstractButton*>(QStringLiteral("staffCorner")),
                          Qt::LeftButton);
        QPointer<SetPinDialog> dialog;
        QTRY_VERIFY((dialog = m_window->findChild<SetPinDialog*>()) && dialog->isVisible());
        for (const QString& guess :
             {QString(), QStringLiteral("AAAA-BBBB-CCCC"), QStringLiteral("2345-6789-ABCD")})
            QVERIFY(setPinWithCode(*dialog, guess, QStringLiteral("Patient 9731")));
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(!m_clinic->isConsoleOpen());
        QVERIFY(!pinIsSet());
        QCOMPARE(auditCount(storage::audit::kResetCodeFailed), failedBefore + 2);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QTRY_VERIFY(!dialog);
        QVERIFY(!m_clinic->isConsoleOpen());

        // Staff with the code set the new PIN and reach the console; the code then is used up.
        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY((dialog = m_window->findChild<SetPinDialog*>()) && dialog->isVisible());
        QVERIFY(setPinWithCode(*dialog, QString::fromStdString(code), QString::fromLatin1(kPin)));
        QTRY_VERIFY(m_clinic->isConsoleOpen());
        QTRY_VERIFY(!dialog);
        m_clinic->lockConsole();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        spinepath::security::StaffPin pin(*m_context->database, {},
                                          spinepath::security::StaffPin::Cost::Minimal);
        QVERIFY(pin.setWithResetCode(code, "Patient 9731").kind ==
                spinepath::security::ResetOutcome::Kind::NoCode);
        QTest::mouseClick(m_window->findChild<QAbstractButton*>(QStringLiteral("staffCorner")),
                          Qt::LeftButton);
        QTRY_VERIFY(pinDialog() && pinDialog()->isVisible());
    }

    void closeKeysDoNothingInTheKiosk()
    {
        startClinic(true);
        QVERIFY(!m_window->menuBar()->isVisible());
        QVERIFY(!m_window->findChild<QPushButton*>(QStringLiteral("homeButton"))->isVisible());
        QVERIFY(m_window->findChild<QWidget*>(QStringLiteral("staffCorner"))->isVisible());
        screenshot(*m_window, QStringLiteral("kiosk-welcome"));
        startAtClinic();
        const std::vector<std::pair<Qt::Key, Qt::KeyboardModifiers>> closeKeys = {
            {Qt::Key_F4, Qt::AltModifier},
            {Qt::Key_Q, Qt::ControlModifier},
            {Qt::Key_W, Qt::ControlModifier},
            {Qt::Key_Escape, Qt::NoModifier},
        };
        for (const auto& [key, modifiers] : closeKeys) {
            QTest::keyClick(m_window.get(), key, modifiers);
            QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), key,
                            modifiers);
            QVERIFY(m_window->isVisible());
            QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("questionnaireView"));
        }
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
        QVERIFY(!pinDialog());
    }

    void closeKeysStillWorkOutsideTheKiosk()
    {
        startClinic(false);
        QVERIFY(m_window->menuBar()->isVisible());
        QTest::keyClick(m_window.get(), Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!m_window->isVisible());
    }

    void staffCornerAndShortcutAskForThePin()
    {
        startClinic(true);
        QTest::mouseClick(m_window->findChild<QAbstractButton*>(QStringLiteral("staffCorner")),
                          Qt::LeftButton);
        QTRY_VERIFY(pinDialog() && pinDialog()->isVisible());
        screenshot(*pinDialog(), QStringLiteral("kiosk-pin"));
        QTest::mouseClick(pinDialog()->findChild<QPushButton*>(QStringLiteral("cancelButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!pinDialog());
        QVERIFY(!m_clinic->isConsoleOpen());

        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(pinDialog() && pinDialog()->isVisible());
    }

    void theRightPinOpensTheConsoleAndLockReturnsToTheKiosk()
    {
        startClinic(true);
        const int failedBefore = auditCount(storage::audit::kSignInFailed);
        const int signedInBefore = auditCount(storage::audit::kSignedIn);
        const int signedOutBefore = auditCount(storage::audit::kSignedOut);
        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(pinDialog());
        signIn("000000");
        QTRY_VERIFY(!pinDialog()->findChild<QLabel*>(QStringLiteral("pinMessage"))->text().isEmpty());
        QVERIFY(!m_clinic->isConsoleOpen());
        QCOMPARE(auditCount(storage::audit::kSignInFailed), failedBefore + 1);

        signIn(kPin);
        QTRY_VERIFY(m_clinic->isConsoleOpen());
        QVERIFY(!m_window->isVisible());
        QCOMPARE(auditCount(storage::audit::kSignedIn), signedInBefore + 1);

        QTest::mouseClick(m_clinic->console()->findChild<QPushButton*>(QStringLiteral("lockButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!m_clinic->isConsoleOpen());
        QVERIFY(m_window->isVisible());
        QCOMPARE(auditCount(storage::audit::kSignedOut), signedOutBefore + 1);
        // Locked again: the close keys do nothing once more.
        QVERIFY(!m_window->close());
    }

    void anIdleConsoleLocksItself()
    {
        startClinic(true);
        m_clinic->setTimingForTesting(10s, 20ms, 300ms);
        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(pinDialog());
        signIn(kPin);
        QTRY_VERIFY(m_clinic->isConsoleOpen());
        QTRY_VERIFY_WITH_TIMEOUT(!m_clinic->isConsoleOpen(), 5000);
        QVERIFY(m_window->isVisible());
    }

    void idleCountdownLetsThePatientCarryOn()
    {
        startClinic(true);
        m_clinic->setTimingForTesting(200ms, 50ms, 10min);
        startAtClinic();
        patient().answer("redflag.bladder_bowel", "false");
        const std::string id = m_window->session()->assessmentId();
        auto* prompt = m_window->findChild<QWidget*>(QStringLiteral("stillTherePrompt"));
        QTRY_VERIFY(prompt->isVisible());
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("stillThereCountdown"))
                    ->text()
                    .contains(QStringLiteral("second")));
        screenshot(*m_window, QStringLiteral("kiosk-still-there"));
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("stillHereButton")),
                          Qt::LeftButton);
        QVERIFY(!prompt->isVisible());
        QVERIFY(m_window->session());
        QCOMPARE(m_window->session()->assessmentId(), id);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("questionnaireView"));
        QVERIFY(patient()
                    .question("redflag.bladder_bowel")
                    ->findChild<QAbstractButton*>(QStringLiteral("choice_false"))
                    ->isChecked());
    }

    void theStillTherePromptHidesThePatientsAnswers()
    {
        startClinic(true);
        m_clinic->setTimingForTesting(10min, 10min, 10min);
        startAtClinic();
        patient().answerExampleThree();
        auto* name = patient().question("about.name")->findChild<QLineEdit*>();
        QVERIFY(name);
        QTest::keyClicks(name, QStringLiteral("Quentin Zeblowski"));

        m_clinic->setTimingForTesting(100ms, 10min, 10min);
        auto* prompt = m_window->findChild<QWidget*>(QStringLiteral("stillTherePrompt"));
        QTRY_VERIFY_WITH_TIMEOUT(prompt->isVisible(), 5000);
        // Nothing of the patient is shown, to the eye or to a screen reader
        // (hidden widgets are left out of the accessibility tree).
        QVERIFY(!name->isVisible());
        for (QWidget* widget : m_window->findChildren<QWidget*>())
            if (widget->isVisible())
                QVERIFY2(!QAccessible::queryAccessibleInterface(widget)
                                 ->text(QAccessible::Value)
                                 .contains(QStringLiteral("Zeblowski")) &&
                             !QAccessible::queryAccessibleInterface(widget)
                                  ->text(QAccessible::Name)
                                  .contains(QStringLiteral("Zeblowski")),
                         qPrintable(widget->objectName()));
        screenshot(*m_window, QStringLiteral("kiosk-still-there-covers"));

        m_clinic->setTimingForTesting(10min, 10min, 10min);
        QTest::keyClick(m_window->findChild<QPushButton*>(QStringLiteral("stillHereButton")), Qt::Key_Space);
        QVERIFY(!prompt->isVisible());
        QTRY_VERIFY(name->isVisible());
        QCOMPARE(name->text(), QStringLiteral("Quentin Zeblowski"));
    }

    void answeringThroughTheAccessibilityBusCountsAsActivity()
    {
        // Switch access and screen readers press buttons through their
        // accessible actions: no key or mouse event reaches the program.
        startClinic(true);
        m_clinic->setTimingForTesting(10min, 10min, 10min);
        startAtClinic();
        auto* idle = m_clinic->findChild<IdleWatcher*>(QStringLiteral("patientIdle"));
        QVERIFY(idle);
        auto* no = patient()
                       .question("redflag.bladder_bowel")
                       ->findChild<QAbstractButton*>(QStringLiteral("choice_false"));
        QVERIFY(no);
        // The page settles (it may restart the clock as it shows), then time passes.
        QTRY_VERIFY_WITH_TIMEOUT(idle->remaining() < 10min - 250ms, 5000);
        const auto before = idle->remaining();
        QAccessibleInterface* button = QAccessible::queryAccessibleInterface(no);
        QVERIFY(button && button->actionInterface());
        button->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
        QTRY_VERIFY(no->isChecked());
        QVERIFY2(idle->remaining() > before, "an accessible press must restart the idle clock");
    }

    void idleResetLeavesNoTraceOfThePreviousPatient()
    {
        startClinic(true);
        m_clinic->setTimingForTesting(10min, 10ms, 10min);
        startAtClinic();
        patient().answerExampleThree();
        QVERIFY(patient().progress().contains(QStringLiteral("About you")));
        auto* name = patient().question("about.name")->findChild<QLineEdit*>();
        QVERIFY(name);
        QTest::keyClicks(name, QStringLiteral("Quentin Zeblowski"));
        auto* phone = patient().question("about.phone")->findChild<QLineEdit*>();
        QTest::keyClicks(phone, QStringLiteral("555-0199"));
        QVERIFY(visibleTexts().join(u'\n').contains(QStringLiteral("Zeblowski")));
        const std::string id = m_window->session()->assessmentId();

        m_clinic->setTimingForTesting(150ms, 10ms, 10min);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isAtWelcome(), 5000);
        QVERIFY(statusOf(id) == storage::Status::Abandoned);
        const QString everything = visibleTexts().join(u'\n');
        for (const QString& trace :
             {QStringLiteral("Quentin"), QStringLiteral("Zeblowski"), QStringLiteral("555-0199")})
            QVERIFY2(!everything.contains(trace), qPrintable(trace));
        QVERIFY(m_window->findChildren<QWidget*>(QRegularExpression(QStringLiteral("^question_"))).isEmpty());
        QVERIFY(!m_window->findChild<QWidget*>(QStringLiteral("questionnaireView")));
        QVERIFY(!m_window->findChild<QWidget*>(QStringLiteral("resumeBox"))->isVisible());
        // No key leads back to the last patient's pages.
        for (Qt::Key key : {Qt::Key_Back, Qt::Key_Escape, Qt::Key_Backspace})
            QTest::keyClick(m_window.get(), key);
        QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("welcomePage"));
        QVERIFY(!m_window->session());
    }

    void finishingShowsThankYouAndTheAssessmentReachesTheQueue()
    {
        startClinic(true);
        startAtClinic();
        patient().answerExampleThree();
        const std::string id = m_window->session()->assessmentId();
        // The button says what comes: no results are shown at the kiosk.
        QCOMPARE(m_window->findChild<QPushButton*>(QStringLiteral("nextButton"))->text(),
                 QStringLiteral("Finish"));
        patient().next();
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("thankYouPage"));
        QVERIFY(!m_window->session());
        QVERIFY(statusOf(id) == storage::Status::Completed);
        // The thank-you page shows no result.
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("categoryTitle")));
        screenshot(*m_window, QStringLiteral("kiosk-thank-you"));
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("thankYouDoneButton")),
                          Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("welcomePage"));
    }

    void aFinishedAssessmentIsPrintedWhenAutoPrintIsOn()
    {
        auto settings = storage::loadClinicSettings(*m_context->database).value();
        settings.autoPrint = true;
        QVERIFY(storage::saveClinicSettings(*m_context->database, "test", settings).ok());
        const QString printed = m_dataFolder.filePath(QStringLiteral("auto-printed.pdf"));
        ClinicPrinter::setPrintToFileForTesting(printed);
        const int printedBefore = auditCount(storage::audit::kPrinted);

        startClinic(true);
        startAtClinic();
        patient().answerExampleThree();
        patient().next();
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("thankYouPage"));
        QTRY_VERIFY(QFileInfo(printed).size() > 0);
        QCOMPARE(auditCount(storage::audit::kPrinted), printedBefore + 1);

        ClinicPrinter::setPrintToFileForTesting({});
        settings.autoPrint = false;
        QVERIFY(storage::saveClinicSettings(*m_context->database, "test", settings).ok());
    }

    void anEmergencyAnswerReachesTheStaffQueue()
    {
        startClinic(true);
        StaffConsole* console = m_clinic->console();
        const int alertsBefore = console->alertCount();
        startAtClinic();
        patient().answer("redflag.bladder_bowel", "true");
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("emergencyPage"));
        const QString id = QString::fromStdString(m_window->session()->assessmentId());
        QCOMPARE(console->alertCount(), alertsBefore + 1);
        QVERIFY(console->alertSoundsPlayed() > 0);

        // Staff sign in and find it at the top of today's queue, marked urgent.
        QTest::mouseClick(m_window->findChild<QAbstractButton*>(QStringLiteral("staffCorner")),
                          Qt::LeftButton);
        QTRY_VERIFY(pinDialog());
        signIn(kPin);
        QTRY_VERIFY(m_clinic->isConsoleOpen());
        QVERIFY(console->findChild<QWidget*>(QStringLiteral("emergencyBanner"))->isVisible());
        auto* queue = console->findChild<QTableView*>(QStringLiteral("queueView"));
        QVERIFY(queue);
        // The queue is read off the GUI thread: the alert's row arrives with the next read.
        QTRY_COMPARE(queue->model()->index(0, 0).data(Qt::UserRole + 1).toString(), id);
        // With the settings and audit pages added, the console still fits the smallest screen.
        QVERIFY(console->minimumSizeHint().width() <= 1024);
        screenshot(*console, QStringLiteral("staff-emergency"));
    }

    void aPatientNeverSeesAFileOrPrintDialogInTheLibrary()
    {
        DialogWatch watch;
        const QString printed = m_dataFolder.filePath(QStringLiteral("kiosk-article.pdf"));
        ClinicPrinter::setPrintToFileForTesting(printed);
        startClinic(true);
        openLibrary();
        const QList<int> rows = articleRows();
        QVERIFY(rows.size() > 5);
        auto* library = child("libraryPage");
        auto* view = child<ArticleView>("articleView");
        for (int row : rows) {
            clickArticle(row);
            QVERIFY(!view->currentArticle().isEmpty());
            QVERIFY(!child("saveArticleButton")->isVisible());
            if (row == rows.first())
                screenshot(*m_window, QStringLiteral("kiosk-library-article"));
            // Every button a patient can press on the page, and the keys
            // that print or save elsewhere.
            for (QAbstractButton* button : library->findChildren<QAbstractButton*>())
                if (button->isVisible() && button->isEnabled() &&
                    button->objectName() != QStringLiteral("libraryBackButton"))
                    QTest::mouseClick(button, Qt::LeftButton);
            for (const QKeySequence& keys :
                 {QKeySequence(QKeySequence::Print), QKeySequence(QKeySequence::Save),
                  QKeySequence(QKeySequence::SaveAs), QKeySequence(QKeySequence::Open)})
                QTest::keySequence(child("articleBrowser"), keys);
            QVERIFY2(watch.seen().isEmpty(), qPrintable(watch.seen().join(u',')));
        }
        // Print went to the clinic's printer, once an article, with no dialog.
        QVERIFY(QFileInfo(printed).size() > 0);
        QVERIFY(child<QLabel>("articlePrintMessage")->isVisible());
        QVERIFY(!child<QLabel>("articlePrintMessage")->text().isEmpty());
        // Whatever calls the save slot, at the kiosk there is no file dialog.
        view->saveAsPdfWithDialog();
        QCoreApplication::processEvents();
        QVERIFY2(watch.seen().isEmpty(), qPrintable(watch.seen().join(u',')));
        ClinicPrinter::setPrintToFileForTesting({});
    }

    void thePatientCopyAtTheKioskPrintsWithoutADialog()
    {
        DialogWatch watch;
        const QString printed = m_dataFolder.filePath(QStringLiteral("kiosk-patient-copy.pdf"));
        ClinicPrinter::setPrintToFileForTesting(printed);
        startClinic(true);
        startAtClinic();
        patient().answerExampleThree();
        // The results stay on screen at the kiosk only when the final save
        // fails: make it fail.
        QSqlQuery readOnly(m_context->database->connection());
        QVERIFY(readOnly.exec(QStringLiteral("PRAGMA query_only = ON")));
        patient().next();
        QVERIFY(readOnly.exec(QStringLiteral("PRAGMA query_only = OFF")));
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("resultsPage"));
        QTest::mouseClick(child<QPushButton>("printButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>("printButton"), Qt::LeftButton);
        QCoreApplication::processEvents();
        QVERIFY2(watch.seen().isEmpty(), qPrintable(watch.seen().join(u',')));
        QVERIFY(QFileInfo(printed).size() > 0);
        QVERIFY(child<QLabel>("printMessageLabel")->isVisible());
        ClinicPrinter::setPrintToFileForTesting({});
    }

    void aFileDialogThatShowsAtTheKioskIsClosed()
    {
        startClinic(true);
        // Whatever path might open one: the guard closes it as it shows.
        QPointer<QFileDialog> dialog = new QFileDialog(m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        QTRY_VERIFY(!dialog || !dialog->isVisible());
    }

    void theIdleResetClosesEveryDialog()
    {
        startClinic(true);
        m_clinic->setTimingForTesting(10min, 10ms, 10min);
        openLibrary();
        // A patient opens the PIN prompt and walks away; other dialogs, modal
        // or not, were left open too.
        QTest::mouseClick(child<QAbstractButton>("staffCorner"), Qt::LeftButton);
        QTRY_VERIFY(pinDialog() && pinDialog()->isVisible());
        QPointer<QDialog> plain = new QDialog(m_window.get());
        plain->show();
        QPointer<QMessageBox> box =
            new QMessageBox(QMessageBox::Information, QStringLiteral("Note"), QStringLiteral("Left open"),
                            QMessageBox::Ok, m_window.get());
        box->open();
        QTRY_VERIFY(plain->isVisible() && box->isVisible());
        m_clinic->setTimingForTesting(150ms, 10ms, 10min);
        QTRY_VERIFY_WITH_TIMEOUT(!pinDialog(), 5000);
        QTRY_VERIFY(!plain->isVisible());
        QTRY_VERIFY(!box->isVisible());
        QVERIFY(m_window->isAtWelcome());
        for (QWidget* window : QApplication::topLevelWidgets())
            if (qobject_cast<QDialog*>(window))
                QVERIFY2(!window->isVisible(), window->metaObject()->className());
        delete plain;
        delete box;
    }

    void theIdleResetLeavesNoUndoHistoryClipboardOrLibraryState()
    {
        startClinic(true);
        m_clinic->setTimingForTesting(10min, 10ms, 10min);
        // A name copied in the questionnaire.
        startAtClinic();
        patient().answerExampleThree();
        auto* name = patient().question("about.name")->findChild<QLineEdit*>();
        QTest::keyClicks(name, QStringLiteral("Quentin Zeblowski"));
        QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(name, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Quentin Zeblowski"));
        m_clinic->setTimingForTesting(150ms, 10ms, 10min);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isAtWelcome(), 5000);
        QVERIFY(!QGuiApplication::clipboard()->text().contains(QStringLiteral("Zeblowski")));

        // A search, an article scrolled down, then the patient walks away.
        m_clinic->setTimingForTesting(10min, 10ms, 10min);
        openLibrary();
        auto* search = child<QLineEdit>("librarySearch");
        QTest::keyClicks(search, QStringLiteral("fusion"));
        auto* list = child<QListWidget>("articleList");
        QTRY_VERIFY(list->count() > 0 && list->item(0)->flags() & Qt::ItemIsEnabled &&
                    list->item(0)->data(Qt::UserRole + 1).toString().contains(QStringLiteral("<b style")));
        clickArticle(0);
        const QString article = child<ArticleView>("articleView")->currentArticle();
        QVERIFY(!article.isEmpty());
        auto* browser = child<QTextBrowser>("articleBrowser");
        QScrollBar* articleScroll = child<QScrollArea>("articleScroll")->verticalScrollBar();
        QTRY_VERIFY(articleScroll->maximum() > 0);
        articleScroll->setValue(articleScroll->maximum());
        m_clinic->setTimingForTesting(150ms, 10ms, 10min);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isAtWelcome(), 5000);

        // The next patient opens the library at its start.
        m_clinic->setTimingForTesting(10min, 10ms, 10min);
        openLibrary();
        QVERIFY(search->text().isEmpty());
        QVERIFY(!search->isUndoAvailable());
        search->setFocus();
        QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY2(search->text().isEmpty(), qPrintable(search->text()));
        QVERIFY(child<ArticleView>("articleView")->currentArticle().isEmpty());
        QVERIFY(child<QLabel>("articleTitle")->text().isEmpty());
        QVERIFY(browser->toPlainText().isEmpty());
        QCOMPARE(articleScroll->value(), 0);
        QCOMPARE(list->verticalScrollBar()->value(), 0);
        QVERIFY(list->selectedItems().isEmpty());
        QVERIFY(
            !list->item(0)->flags().testFlag(Qt::ItemIsEnabled)); // the first topic heading: not a search hit
        for (QLineEdit* edit : m_window->findChildren<QLineEdit*>())
            QVERIFY2(!edit->isUndoAvailable() && !edit->isRedoAvailable(), qPrintable(edit->objectName()));
    }

    void whateverIsTypedInTheSearchTheKioskStaysResponsive()
    {
        startClinic(true);
        m_clinic->setTimingForTesting(10min, 10ms, 10min);
        openLibrary();
        auto* search = child<QLineEdit>("librarySearch");
        QTest::keyClicks(search, QStringLiteral("a ").repeated(200));
        QTest::keyClicks(search, QStringLiteral("\"disc\"*").repeated(400));
        // The box takes a bounded query; a paste of 32,767 characters too.
        QVERIFY(search->text().size() <= 100);
        QGuiApplication::clipboard()->setText(QString(32767, u'x'));
        search->selectAll();
        QTest::keyClick(search, Qt::Key_V, Qt::ControlModifier);
        QVERIFY(search->text().size() <= 100);
        // Staff can still come, and the idle reset still clears the screen.
        QTest::keyClick(search, Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
        QTRY_VERIFY(pinDialog() && pinDialog()->isVisible());
        m_clinic->setTimingForTesting(150ms, 10ms, 10min);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isAtWelcome() && !pinDialog(), 5000);
        QVERIFY(search->text().isEmpty());
    }

    void aPatientWithARedFlagWhoWalksAwayStaysInTheQueue()
    {
        startClinic(true);
        m_clinic->setTimingForTesting(10min, 10ms, 10min);
        startAtClinic();
        patient().answer("redflag.saddle_numbness", "true");
        const std::string id = m_window->session()->assessmentId();
        m_clinic->setTimingForTesting(100ms, 5ms, 10min);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isAtWelcome(), 5000);
        QVERIFY(statusOf(id) == storage::Status::Abandoned);
        const auto queue = storage::AssessmentQueries(*m_context->database).todayQueue();
        QVERIFY(queue.ok());
        QVERIFY(!queue.value().empty());
        QCOMPARE(queue.value().front().id, id);
        QCOMPARE(queue.value().front().severity, std::string("emergency"));
    }
};

QTEST_MAIN(TestClinicMode)
#include "test_ClinicMode.moc"
