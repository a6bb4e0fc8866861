// Drives the real patient screens with clicks and key presses, as a patient
// would, on the offscreen platform. With SPINEPATH_SCREENSHOT_DIR set it also
// saves each screen at 1280 x 800 (how docs/screenshots is made).
#include "MainWindow.h"
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "core/session/AssessmentSession.h"

#include "core/storage/AssessmentQueries.h"
#include "core/util/Translator.h"
#include "support/PatientDriver.h"
#include "support/Screenshot.h"

#include <QAbstractButton>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace spinepath::ui;

class TestPatientFlow final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dataFolder;
    std::unique_ptr<AppContext> m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    std::unique_ptr<MainWindow> m_window;

    // The questionnaire driven through the real widgets (tests/support).
    [[nodiscard]] PatientDriver patient() const { return PatientDriver(m_window.get()); }

    void screenshot(const QString& name) { saveScreenshot(*m_window, name); }

    // Answers worked example 3, then goes back to the safety screen and
    // reports an emergency sign, reads the emergency page, and finishes.
    void finishWithAnEmergency(const char* startButton)
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QLatin1String(startButton)), Qt::LeftButton);
        patient().answerExampleThree();
        auto* back = m_window->findChild<QPushButton*>(QStringLiteral("backButton"));
        for (int i = 0; i < 30 && !patient().progress().startsWith(QStringLiteral("Section 1 of ")); ++i)
            QTest::mouseClick(back, Qt::LeftButton);
        patient().answer("redflag.bladder_bowel", "true");
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("emergencyPage"));
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("emergencyContinueButton")),
                          Qt::LeftButton);
        for (int i = 0;
             i < 30 && patient().currentPage()->objectName() == QStringLiteral("questionnaireView"); ++i)
            patient().next();
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("resultsPage"));
        QVERIFY(patient().currentPage()->findChildren<QProgressBar*>().isEmpty());
        QVERIFY(m_window->findChild<QWidget*>(QStringLiteral("flagBox")));
        QVERIFY(m_window->findChild<QPushButton*>(QStringLiteral("article_warning-signs")));
    }

private slots:
    void initTestCase()
    {
        spinepath::ui::applyAppearance(*qApp);
        spinepath::Translator::install(*qApp, QLocale(QLocale::English)); // as the program does: plurals
        QVERIFY(m_dataFolder.isValid());
        m_context->openDatabase(m_dataFolder.filePath(QStringLiteral("flow.sqlite")));
        QVERIFY2(m_context->databaseProblem.empty(), m_context->databaseProblem.c_str());
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>(*m_context);
        // SPINEPATH_SCREENSHOT_SIZE=1024x768 checks the smallest screen we support.
        const QStringList size =
            qEnvironmentVariable("SPINEPATH_SCREENSHOT_SIZE", QStringLiteral("1280x800")).split(u'x');
        m_window->resize(size.value(0).toInt(), size.value(1).toInt());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void welcomeOffersBothWaysIn()
    {
        screenshot(QStringLiteral("welcome"));
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("welcomePage"));
        QVERIFY(m_window->findChild<QPushButton*>(QStringLiteral("clinicButton"))->isVisible());
        QVERIFY(m_window->findChild<QPushButton*>(QStringLiteral("homeButton"))->isVisible());
    }

    void workedExampleThreeReachesRegenerativeEvaluation()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("clinicButton")), Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("questionnaireView"));
        QVERIFY(patient().progress().startsWith(QStringLiteral("Section 1 of ")));
        // The safety check part answered, as a patient sees it on the way.
        patient().type("safety.age", QStringLiteral("42"));
        for (const char* id : {"redflag.bladder_bowel", "redflag.saddle_numbness", "redflag.sexual_function"})
            patient().answer(id, "false");
        screenshot(QStringLiteral("questionnaire-safety"));
        patient().answerExampleThree();
        // About you is optional: Next goes straight on to the results.
        QVERIFY(patient().progress().contains(QStringLiteral("About you")));
        screenshot(QStringLiteral("questionnaire-about"));
        patient().next();

        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("resultsPage"));
        const auto* category =
            m_context->content->screening().ruleset().findCategory("regenerative_evaluation");
        QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("categoryTitle"))->text(),
                 QString::fromStdString(category->title));
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("note_discography_may_confirm_level")));
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("note_other_biologics")));
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("factor_annular_tear")));
        // The patient never sees a score: no bar, no number out of 100.
        QVERIFY(patient().currentPage()->findChildren<QProgressBar*>().isEmpty());
        for (const QLabel* label : patient().currentPage()->findChildren<QLabel*>())
            QVERIFY2(!label->text().contains(QStringLiteral("of 100")), qPrintable(label->text()));
        QVERIFY(!m_window->findChild<QWidget*>(QStringLiteral("flagBox")));
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("saveProblemLabel"))->isVisible());
        // Stored as completed, with its category.
        {
            auto stored = spinepath::storage::AssessmentQueries(*m_context->database)
                              .get(m_window->session()->assessmentId());
            QVERIFY(stored.ok());
            QVERIFY(stored.value().status == spinepath::storage::Status::Completed);
            QCOMPARE(stored.value().category, std::string("regenerative_evaluation"));
            // The article versions the results page pointed to are kept with it.
            QVERIFY(!stored.value().articles.empty());
        }
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("disclaimer"))
                    ->text()
                    .contains(QStringLiteral("not a diagnosis")));
        screenshot(QStringLiteral("results"));

        // The patient's copy opens in a print preview.
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("printButton")), Qt::LeftButton);
        QPointer<QDialog> preview;
        QTRY_VERIFY((preview = m_window->findChild<QDialog*>(QStringLiteral("patientCopyPreview"))) &&
                    preview->isVisible());
        preview->close();
        QTRY_VERIFY(!preview);

        // Article links open the library at that article.
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("article_regenerative-treatment")),
                          Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("libraryPage"));
        QVERIFY(m_window->findChild<QLabel*>(QStringLiteral("articleTitle"))
                    ->text()
                    .contains(QStringLiteral("Regenerative"), Qt::CaseInsensitive));
        screenshot(QStringLiteral("library-article"));
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("libraryBackButton")),
                          Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("resultsPage"));

        // Finishing leaves nothing of this patient on any page.
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("finishButton")), Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("welcomePage"));
        QVERIFY(!m_window->session());
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("categoryTitle")));
        QVERIFY(!patient().question("pain.duration"));
    }

    void requiredQuestionsStopNextWithAMessageBesideThem()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("homeButton")), Qt::LeftButton);
        patient().answer("redflag.bladder_bowel", "false");
        patient().next();
        QVERIFY(patient().progress().startsWith(QStringLiteral("Section 1 of ")));
        auto* missing =
            patient().question("redflag.saddle_numbness")->findChild<QLabel*>(QStringLiteral("missingLabel"));
        QVERIFY(missing->isVisible());
        QVERIFY(!patient()
                     .question("redflag.bladder_bowel")
                     ->findChild<QLabel*>(QStringLiteral("missingLabel"))
                     ->isVisible());
        screenshot(QStringLiteral("questionnaire-missing-answer"));
        patient().answer("redflag.saddle_numbness", "false");
        QVERIFY(!missing->isVisible());
    }

    void emergencyAnswerStopsTheFlowAtOnce()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("clinicButton")), Qt::LeftButton);
        patient().answer("redflag.bladder_bowel", "true");
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("emergencyPage"));
        const QString action = m_window->findChild<QLabel*>(QStringLiteral("emergencyAction"))->text();
        QCOMPARE(action, QString::fromStdString(m_context->content->clinic().message("emergencyKiosk")));
        screenshot(QStringLiteral("emergency"));

        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("emergencyContinueButton")),
                          Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("questionnaireView"));
        // The same flag does not interrupt twice.
        patient().answer("redflag.saddle_numbness", "false");
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("questionnaireView"));
    }

    void emergencyAtHomeSaysToCallEmergencyServices()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("homeButton")), Qt::LeftButton);
        patient().answer("redflag.progressive_weakness", "true");
        QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("emergencyAction"))->text(),
                 QString::fromStdString(m_context->content->clinic().message("emergencyHome")));
    }

    void anEmergencyAtHomeEndsWithWhatToDoAtHome()
    {
        finishWithAnEmergency("homeButton");
        QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("alertAction"))->text(),
                 QString::fromStdString(m_context->content->clinic().message("emergencyHome")));
        screenshot(QStringLiteral("results-emergency"));
    }

    void anEmergencyAtTheClinicEndsWithWhatToDoAtTheClinic()
    {
        finishWithAnEmergency("clinicButton");
        QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("alertAction"))->text(),
                 QString::fromStdString(m_context->content->clinic().message("emergencyKiosk")));
    }

    void backKeepsAnswersAndEnableWhenShowsItemsLive()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("homeButton")), Qt::LeftButton);
        patient().answerSafetyAllNo();
        patient().next();
        patient().answer("pain.duration", "gt12m");
        patient().answer("pain.location", "both");
        patient().answer("peg.pain", "3");
        patient().answer("peg.enjoyment", "3");
        patient().answer("peg.activity", "3");
        // Pain of more than 12 months asks the inflammatory back pain questions.
        for (const char* id : {"ibp.onset_before_40", "ibp.slow_onset", "ibp.better_with_exercise",
                               "ibp.rest_no_help", "ibp.night_better_up"})
            patient().answer(id, "false");
        patient().next();
        QVERIFY(!patient().question("dx.spondy_grade")->isVisible());
        patient().answer("dx.told", "spondylolisthesis");
        QVERIFY(patient().question("dx.spondy_grade")->isVisible());
        screenshot(QStringLiteral("questionnaire-diagnosis"));
        patient().answer("dx.told", "spondylolisthesis"); // unchecks it again
        QVERIFY(!patient().question("dx.spondy_grade")->isVisible());

        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("backButton")), Qt::LeftButton);
        QVERIFY(patient().progress().contains(QStringLiteral("Your pain")));
        auto* chosen =
            patient().question("pain.duration")->findChild<QAbstractButton*>(QStringLiteral("choice_gt12m"));
        QVERIFY(chosen->isChecked());
        QCOMPARE(m_window->session()->answers().at("peg.pain"), nlohmann::json(3));
    }

    void theKeyboardCanAnswerAndEnterActsOnTheFocusedAnswer()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("clinicButton")), Qt::LeftButton);
        auto* first = patient()
                          .question("redflag.bladder_bowel")
                          ->findChild<QAbstractButton*>(QStringLiteral("choice_false"));
        first->setFocus();
        QTest::keyClick(first, Qt::Key_Space);
        QVERIFY(first->isChecked());
        // Enter acts on the answer with the focus, never on the page (it once
        // meant Next wherever the focus was): still section 1, no messages.
        QTest::keyClick(first, Qt::Key_Return);
        QVERIFY(first->isChecked());
        QVERIFY(patient().progress().startsWith(QStringLiteral("Section 1 of ")));
        QVERIFY(!patient()
                     .question("redflag.saddle_numbness")
                     ->findChild<QLabel*>(QStringLiteral("missingLabel"))
                     ->isVisible());
    }

    void librarySearchFindsArticlesAsThePatientTypes()
    {
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("libraryButton")), Qt::LeftButton);
        QCOMPARE(patient().currentPage()->objectName(), QStringLiteral("libraryPage"));
        auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("librarySearch"));
        QTest::keyClicks(search, QStringLiteral("discog")); // a prefix of "discography"
        auto* list = m_window->findChild<QListWidget*>(QStringLiteral("articleList"));
        QTRY_VERIFY(list->count() > 0 && list->item(0)->data(Qt::UserRole).toString() != QString());
        QStringList found;
        for (int i = 0; i < list->count(); ++i)
            found << list->item(i)->data(Qt::UserRole).toString();
        QVERIFY2(found.contains(QStringLiteral("tests-your-doctor-may-order")), qPrintable(found.join(u',')));
        // The snippet marks the matching word.
        QVERIFY(list->item(0)->data(Qt::UserRole + 1).toString().contains(QStringLiteral("<b style")));
        screenshot(QStringLiteral("library-search"));
        QTest::mouseClick(list->visualItemRect(list->item(0)).isEmpty() ? list : list->viewport(),
                          Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("articleTitle"))->text().isEmpty());
    }

    void answersAreStoredAsGivenAndAHomeQuestionnaireResumesAfterARestart()
    {
        QTemporaryDir folder;
        auto context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
        context->openDatabase(folder.filePath(QStringLiteral("test.sqlite")));
        QVERIFY(context->databaseProblem.empty());
        {
            MainWindow first(*context);
            first.show();
            QTest::mouseClick(first.findChild<QPushButton*>(QStringLiteral("homeButton")), Qt::LeftButton);
            // The safety check done, and the pain section begun.
            PatientDriver(&first).answerSafetyAllNo();
            PatientDriver(&first).next();
            PatientDriver(&first).answer("pain.duration", "6m_12m");
            QVERIFY(!first.session()->assessmentId().empty());
        } // the window closes as if the app had stopped
        MainWindow second(*context);
        second.show();
        auto* list = second.findChild<QListWidget*>(QStringLiteral("resumeList"));
        QCOMPARE(list->count(), 1);
        QVERIFY(!list->item(0)->text().contains(QStringLiteral("redflag"))); // a date, never an answer
        QTest::mouseClick(second.findChild<QPushButton*>(QStringLiteral("resumeButton")), Qt::LeftButton);
        QVERIFY(second.session());
        QCOMPARE(second.session()->answers().at("redflag.fever"), nlohmann::json(false));
        auto* chosen = second.findChild<QWidget*>(QStringLiteral("question_redflag.fever"))
                           ->findChild<QAbstractButton*>(QStringLiteral("choice_false"));
        QVERIFY(chosen->isChecked());
        // It opens where the patient stopped, not at the first section.
        const QString progress = PatientDriver(&second).progress();
        QVERIFY2(progress.startsWith(QStringLiteral("Section 2 of ")), qPrintable(progress));
        QVERIFY(PatientDriver(&second)
                    .question("pain.duration")
                    ->findChild<QAbstractButton*>(QStringLiteral("choice_6m_12m"))
                    ->isChecked());
    }

    void everyInteractiveWidgetHasAnAccessibleName()
    {
        // The library page is made on first use: visit it so its widgets are checked too.
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("libraryButton")), Qt::LeftButton);
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("libraryBackButton")),
                          Qt::LeftButton);
        QTest::mouseClick(m_window->findChild<QPushButton*>(QStringLiteral("clinicButton")), Qt::LeftButton);
        const auto buttons = m_window->findChildren<QAbstractButton*>();
        QVERIFY(buttons.size() > 50);
        for (const QAbstractButton* button : buttons) {
            // Qt's own buttons (the menu bar extension, a line edit's clear button) are not ours to name.
            if (button->objectName().startsWith(QStringLiteral("qt_")) ||
                qobject_cast<QLineEdit*>(button->parentWidget()))
                continue;
            QVERIFY2(!button->accessibleName().isEmpty() || !button->text().isEmpty(),
                     qPrintable(button->objectName()));
        }
        for (const QLineEdit* edit : m_window->findChildren<QLineEdit*>())
            if (edit->objectName() != QStringLiteral("qt_spinbox_lineedit"))
                QVERIFY2(!edit->accessibleName().isEmpty(), qPrintable(edit->objectName()));
    }
};

QTEST_MAIN(TestPatientFlow)
#include "test_PatientFlow.moc"
