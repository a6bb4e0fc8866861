// Acceptance (issue 20): a pseudo-localisation run. Every text of the
// translations comes back marked and about 40 % longer ("[!! Ŝéçţîöñ … ~~ !!]",
// tests/support/PseudoTranslation.h); the test walks every patient page, at
// home and at the kiosk, and the staff pages, and fails on any visible text
// without the marks (a string that never passes through the translations)
// and on any text the longer words clip.
//
// Content is not the program's to translate here (questions, answers,
// articles, the clinic's messages, the rules' texts): the widgets that show
// it are left out by the object names and roles they carry.
//
// CTest runs it on the offscreen platform with a 1024 x 768 screen, the
// smallest the program supports (ScreenFit's config).
#include "common/AppContext.h"
#include "common/ClinicPrinter.h"
#include "common/StaffFileChooser.h"
#include "staff/StaffConsole.h"
#include "staff/audit/AuditLogPage.h"
#include "staff/settings/SettingsPage.h"

#include "core/session/AssessmentSession.h"
#include "core/storage/AssessmentLifecycle.h"

#include "support/ExampleAnswers.h"
#include "support/LayoutCheck.h"
#include "support/PatientPageTour.h"
#include "support/PatientWindowTest.h"
#include "support/PseudoTranslation.h"
#include "support/Screenshot.h"
#include "support/VisibleTexts.h"

#include <QAbstractItemView>
#include <QTableView>
#include <QtTest>

using namespace spinepath::ui;

namespace storage = spinepath::storage;

namespace {

// The visible texts of `window` not from the translations.
QStringList untranslated(QWidget& window)
{
    QStringList found;
    for (const auto& shown : spinepath::test::visibleProgramTexts(window))
        if (!spinepath::test::isPseudoMarked(shown.text))
            found << QStringLiteral("%1 \"%2\"").arg(shown.where, shown.text.left(60));
    return found;
}

} // namespace

class TestPseudoLocalisation final : public QObject, private spinepath::test::PatientWindowTest
{
    Q_OBJECT

    QStringList m_problems;
    QStringList m_staffLayout; // the staff pages' layout: see staffPages()
    spinepath::test::PseudoTranslator* m_pseudo = nullptr;

    // Records what is wrong with what `window` shows now, under `page`.
    void check(QWidget& window, const QString& page)
    {
        spinepath::test::waitForLayoutToSettle(window);
        for (const QString& text : untranslated(window))
            m_problems << page + QStringLiteral(": not translated: ") + text;
        QStringList& layoutProblems = page.startsWith(QLatin1String("staff-")) ? m_staffLayout : m_problems;
        // The staff lists' columns are sized to their headers and dragged
        // wider or narrower by staff: a list wider than its pane scrolls
        // sideways by design, as in any spreadsheet.
        QStringList scrollingLists;
        for (const QAbstractItemView* list : window.findChildren<QAbstractItemView*>())
            scrollingLists << spinepath::test::layout::describe(list) +
                                  QStringLiteral(" needs sideways scrolling");
        for (const QString& problem : spinepath::test::layoutProblems(window))
            if (!scrollingLists.contains(problem))
                layoutProblems << page + QStringLiteral(": ") + problem;
        saveScreenshot(window, QStringLiteral("pseudo-") + page);
    }

    void verifyNoProblems()
    {
        const QStringList problems = std::exchange(m_problems, {});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void openPatientWindow(bool kiosk)
    {
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->setKioskMode(kiosk);
        if (kiosk)
            m_window->showFullScreen();
        else
            m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

private slots:
    void initTestCase()
    {
        prepare(QStringLiteral("pseudo.sqlite"));
        m_pseudo = new spinepath::test::PseudoTranslator(
            QStringLiteral(SPINEPATH_SOURCE_DIR "/resources/translations/spinepath_es.ts"), qApp);
        QVERIFY(m_pseudo->size() > 400);
        QVERIFY(QCoreApplication::installTranslator(m_pseudo));
        StaffFileChooser::setProviderForTesting({});
        ClinicPrinter::setPrintToFileForTesting({});
    }

    void cleanupTestCase()
    {
        QCoreApplication::removeTranslator(m_pseudo);
        delete m_pseudo;
    }

    void cleanup()
    {
        m_window.reset();
        m_problems.clear();
        m_staffLayout.clear();
    }

    void markerKeepsPlaceholders()
    {
        const QString marked = spinepath::test::pseudoText(QStringLiteral("&Save %1 of %n, %L2"));
        QVERIFY(spinepath::test::isPseudoMarked(marked));
        for (const char* kept : {"&S", "%1", "%n", "%L2"})
            QVERIFY2(marked.contains(QLatin1String(kept)), kept);
        QVERIFY(marked.size() >= QStringLiteral("&Save %1 of %n, %L2").size() * 13 / 10);
    }

    void homePages()
    {
        openPatientWindow(false);
        spinepath::test::tourHomePages(*m_window, *m_context,
                                       [&](const QString& page) { check(*m_window, page); });
        verifyNoProblems();
    }

    void kioskPages()
    {
        openPatientWindow(true);
        spinepath::test::tourKioskPages(
            *m_window, [&](const QString& page) { check(*m_window, QStringLiteral("kiosk-") + page); });
        verifyNoProblems();
    }

    void staffPages()
    {
        // One completed assessment (worked example 3), so the console shows a record.
        storage::CompletedAssessment assessment;
        const auto flat = spinepath::test::example3Answers();
        assessment.content = storage::ContentVersions::of(m_context->content->screening().questionnaire(),
                                                          m_context->content->screening().ruleset());
        assessment.answers = spinepath::AssessmentSession::toStore(m_context->content->screening(), flat, {});
        assessment.result = m_context->content->screening().scorer().score(flat);
        assessment.startedAt = QDateTime::currentDateTime().addSecs(-600);
        assessment.completedAt = QDateTime::currentDateTime();
        QVERIFY(storage::AssessmentLifecycle(*m_context->database, "kiosk")
                    .storeCompleted(std::vector{assessment}));

        StaffConsole console(*m_context, "staff:test");
        console.resize(1280, 800);
        console.show();
        QVERIFY(QTest::qWaitForWindowExposed(&console));
        auto* table = console.findChild<QTableView*>();
        QVERIFY(table);
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->selectRow(0);
        check(console, QStringLiteral("staff-console"));

        SettingsPage settings(*m_context, "staff:test");
        settings.resize(1280, 800);
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        check(settings, QStringLiteral("staff-settings"));

        AuditLogPage audit(*m_context->database, "staff:test");
        audit.resize(1280, 800);
        audit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&audit));
        check(audit, QStringLiteral("staff-audit"));
        verifyNoProblems();

        // The staff pages hold under the longer texts too: the console's
        // title goes above its buttons, the settings' columns one under the
        // other, a long id in the results breaks instead of scrolling.
        const QStringList staffLayout = std::exchange(m_staffLayout, {});
        QVERIFY2(staffLayout.isEmpty(), qPrintable(staffLayout.join(u'\n')));
    }
};

QTEST_MAIN(TestPseudoLocalisation)
#include "test_PseudoLocalisation.moc"
