// The database is checked in a worker thread while the patient starts: a
// check held back on a semaphore must not stop the welcome page from starting
// a questionnaire and taking answers; those answers are stored once the check
// passes; a failing check tells staff and keeps every answer. No timing: the
// check waits until the test lets it go.
#include "MainWindow.h"
#include "common/AppContext.h"
#include "common/DatabaseStartup.h"
#include "kiosk/ClinicMode.h"
#include "staff/StaffConsole.h"

#include "core/security/StaffPin.h"
#include "core/session/AssessmentSession.h"
#include "core/storage/AssessmentLifecycle.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/Outbox.h"
#include "support/PatientDriver.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace spinepath::ui;

namespace {

constexpr char kDamaged[] = "The database /clinic/spinepath.sqlite is damaged (1 problem found).";

} // namespace

class TestDatabaseStartup final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_folder;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ClinicMode> m_clinic;
    std::unique_ptr<DatabaseStartup> m_startup;
    // The check in the worker waits here until the test releases it.
    QSemaphore m_gate;

    [[nodiscard]] PatientDriver patient() const { return PatientDriver(m_window.get()); }
    [[nodiscard]] QString databasePath() const { return m_folder.filePath(QStringLiteral("clinic.sqlite")); }

    // The program's wiring (src/app/main.cpp): the clinic, then the window.
    void startProgram(DatabaseStartup::Check check, bool kiosk = false)
    {
        m_window = std::make_unique<MainWindow>(*m_context);
        ClinicMode::Options options;
        options.kiosk = kiosk;
        options.fullScreen = false;
        options.pinCost = spinepath::security::StaffPin::Cost::Minimal;
        m_clinic = std::make_unique<ClinicMode>(*m_context, *m_window, options);
        QVERIFY(m_clinic->start());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_startup = std::make_unique<DatabaseStartup>(*m_context);
        if (check)
            m_startup->setCheck(std::move(check));
        connect(m_startup.get(), &DatabaseStartup::ready, m_window.get(), [this] {
            m_clinic->useDatabase();
            m_window->useDatabase();
        });
        m_startup->start(databasePath());
    }

    // The real check, held until the test releases the gate. The long
    // wait only keeps a failed test from hanging; no test relies on it.
    [[nodiscard]] DatabaseStartup::Check heldCheck()
    {
        return [this, articles = m_context->articlesToStore()](const QString& path) {
            (void)m_gate.tryAcquire(1, 60000);
            return AppContext::checkDatabase(path, articles);
        };
    }

    void startAndAnswerSafetyQuestions()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("clinicButton")), Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("questionnaireView"));
        patient().type("safety.age", QStringLiteral("42"));
        patient().answer("redflag.bladder_bowel", "false");
        QVERIFY(m_window->session());
        QCOMPARE(m_window->session()->answers().value("safety.age", 0), 42);
        QCOMPARE(m_window->session()->answers().value("redflag.bladder_bowel", true), false);
    }

    // The stored, unfinished assessment read back through a new session.
    [[nodiscard]] nlohmann::json storedAnswers(const std::string& id) const
    {
        spinepath::storage::AssessmentLifecycle lifecycle(*m_context->database, "test");
        spinepath::AssessmentSession reader(m_context->content->screening(), spinepath::AssessmentMode::Home,
                                            &lifecycle);
        if (!reader.resume(id))
            return nullptr;
        return reader.answers();
    }

private slots:
    void initTestCase() { QVERIFY(m_folder.isValid()); }

    void init()
    {
        QFile::remove(databasePath());
        m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    }

    void cleanup()
    {
        m_gate.release(); // a check still waiting ends, so the worker can be joined
        m_startup.reset();
        m_clinic.reset();
        m_window.reset();
        m_context.reset();
        m_gate.acquire(m_gate.available());
    }

    void patientAnswersWhileTheCheckIsHeld()
    {
        startProgram(heldCheck());
        startAndAnswerSafetyQuestions();
        QVERIFY(!m_startup->isReady());
        QVERIFY(!m_context->database);
        QVERIFY(m_window->session()->assessmentId().empty());
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("saveProblemLabel"))->isVisible());
    }

    void answersGivenBeforeTheDatabaseAreStoredWhenItIsReady()
    {
        startProgram(heldCheck());
        startAndAnswerSafetyQuestions();
        QVERIFY(m_window->session()->assessmentId().empty());

        m_gate.release();
        QTRY_VERIFY_WITH_TIMEOUT(m_startup->isReady(), 60000);
        QVERIFY2(m_context->database, m_context->databaseProblem.c_str());
        const std::string id = m_window->session()->assessmentId();
        QVERIFY(!id.empty());
        nlohmann::json stored = storedAnswers(id);
        QCOMPARE(stored.value("safety.age", 0), 42);
        QCOMPARE(stored.value("redflag.bladder_bowel", true), false);

        // From now on each answer is saved as it is given, to the same assessment.
        patient().answer("redflag.saddle_numbness", "false");
        QCOMPARE(m_window->session()->assessmentId(), id);
        stored = storedAnswers(id);
        QCOMPARE(stored.value("redflag.saddle_numbness", true), false);
        QCOMPARE(stored.value("safety.age", 0), 42);
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("saveProblemLabel"))->isVisible());
    }

    void failingCheckTellsStaffAndKeepsTheAnswers()
    {
        startProgram([this](const QString&) {
            (void)m_gate.tryAcquire(1, 60000);
            AppContext::DatabaseCheck failed;
            failed.problem = kDamaged;
            return failed;
        });
        startAndAnswerSafetyQuestions();

        m_gate.release();
        QTRY_VERIFY_WITH_TIMEOUT(m_startup->isReady(), 60000);
        QVERIFY(!m_context->database);
        QCOMPARE(m_context->databaseProblem, std::string(kDamaged));
        // Staff: the console says why it shows no assessments.
        QVERIFY(m_clinic->console());
        auto* staffMessage = m_clinic->console()->findChild<QLabel*>(QStringLiteral("databaseProblem"));
        QVERIFY(staffMessage);
        QVERIFY(staffMessage->text().contains(QLatin1String(kDamaged)));
        // The patient's screen: the answers stay, and it says they are not saved.
        auto* banner = m_window->findChild<QLabel*>(QStringLiteral("saveProblemLabel"));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QLatin1String(kDamaged)));
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("questionnaireView"));
        QCOMPARE(m_window->session()->answers().value("safety.age", 0), 42);
        QCOMPARE(m_window->session()->answers().value("redflag.bladder_bowel", true), false);
        // ... and the patient can go on.
        patient().answer("redflag.saddle_numbness", "false");
        QCOMPARE(m_window->session()->answers().value("redflag.saddle_numbness", true), false);
        QCOMPARE(m_window->session()->answers().value("safety.age", 0), 42);
    }

    // A kiosk of a clinic network whose server is out of reach at start-up:
    // the patient goes on with no alarming message, and every answer, the
    // emergency among them, waits in the kiosk's outbox for its sender.
    void aKioskWhoseServerIsOutOfReachKeepsTheAnswersInItsOutbox()
    {
        auto outbox = spinepath::storage::Outbox::open(m_folder.filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY2(outbox.ok(), outbox.ok() ? "" : outbox.error().message.c_str());
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->keepUnsentIn(outbox->get());
        QSignalSpy kept(m_window.get(), &MainWindow::answersKeptLocally);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_startup = std::make_unique<DatabaseStartup>(*m_context);
        m_startup->setCheck([this](const QString&) {
            (void)m_gate.tryAcquire(1, 60000);
            AppContext::DatabaseCheck failed;
            failed.problem = "SpinePath could not connect to its database server because the database server "
                             "postgresql://kiosk@clinic-db/spinepath cannot be reached.";
            failed.unreachable = true;
            return failed;
        });
        connect(m_startup.get(), &DatabaseStartup::ready, m_window.get(),
                [this] { m_window->useDatabase(); });
        m_startup->start(databasePath());
        startAndAnswerSafetyQuestions();
        m_gate.release();
        QTRY_VERIFY_WITH_TIMEOUT(m_startup->isReady(), 60000);
        QVERIFY(!m_context->database);
        QVERIFY(m_context->databaseUnreachable);

        const std::string id = m_window->session()->assessmentId();
        QVERIFY(!id.empty());
        QVERIFY(m_window->session()->isKeptLocally());
        QVERIFY(!kept.isEmpty());
        patient().answer("redflag.saddle_numbness", "false");
        auto entry = (*outbox)->find(id);
        QVERIFY(entry.ok() && entry.value().has_value());
        const auto response = entry.value()->answers.response.dump();
        QVERIFY(response.find("saddle_numbness") != std::string::npos);
        QVERIFY(response.find("42") != std::string::npos);
        // Nothing tells the patient of a problem: nothing was lost.
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("saveProblemLabel"))->isVisible());

        // The next patient's answers go the same way.
        m_window->resetToWelcome();
        startAndAnswerSafetyQuestions();
        QVERIFY(m_window->session()->isKeptLocally());
        QVERIFY(m_window->session()->assessmentId() != id);
        QCOMPARE((*outbox)->count().value(), 2);
    }

    // At the kiosk an emergency answered before the database is ready is
    // stored with its alert, and reaches the front desk, once it is.
    void anEmergencyBeforeTheDatabaseReachesTheFrontDesk()
    {
        {
            // A kiosk that has been set up: its PIN is in the database.
            const auto setUp = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
            setUp->openDatabase(databasePath());
            QVERIFY2(setUp->database, setUp->databaseProblem.c_str());
            spinepath::security::StaffPin pin(*setUp->database, {},
                                              spinepath::security::StaffPin::Cost::Minimal);
            QVERIFY(pin.set("482915").ok());
        }
        startProgram(heldCheck(), true);
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("clinicButton")), Qt::LeftButton);
        patient().answer("redflag.bladder_bowel", "true");
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("emergencyPage"));
        QVERIFY(!m_clinic->console()); // nobody to tell yet: the alert waits with the answers

        m_gate.release();
        QTRY_VERIFY_WITH_TIMEOUT(m_startup->isReady(), 60000);
        QVERIFY2(m_context->database, m_context->databaseProblem.c_str());
        QVERIFY(m_clinic->console());
        QCOMPARE(m_clinic->console()->alertCount(), 1);
        const std::string id = m_window->session()->assessmentId();
        QVERIFY(!id.empty());
        const auto queue = spinepath::storage::AssessmentQueries(*m_context->database).todayQueue();
        QVERIFY(queue.ok());
        QVERIFY(!queue.value().empty());
        QCOMPARE(queue.value().front().id, id);
        QCOMPARE(queue.value().front().severity, std::string("emergency"));
    }

    // The real check: a file that is not a database is set aside in the
    // worker, and the notice reaches the GUI's connection for the staff banner.
    void realCheckSetsADamagedFileAsideAndKeepsTheNotice()
    {
        {
            QFile junk(databasePath());
            QVERIFY(junk.open(QIODevice::WriteOnly));
            QVERIFY(junk.write(QByteArray(8192, 'x')) == 8192);
        }
        startProgram({});
        QTRY_VERIFY_WITH_TIMEOUT(m_startup->isReady(), 60000);
        QVERIFY2(m_context->database, m_context->databaseProblem.c_str());
        QVERIFY(m_context->databaseProblem.empty());
        const auto& notices = m_context->database->notices();
        QVERIFY(std::any_of(notices.begin(), notices.end(), [](const spinepath::storage::Notice& notice) {
            return notice.kind == spinepath::storage::Notice::Kind::SetAside;
        }));
        // The GUI's own connection works: a patient's answer is stored.
        startAndAnswerSafetyQuestions();
        QVERIFY(!m_window->session()->assessmentId().empty());
        QCOMPARE(storedAnswers(m_window->session()->assessmentId()).value("safety.age", 0), 42);
    }
};

QTEST_MAIN(TestDatabaseStartup)
#include "test_DatabaseStartup.moc"
