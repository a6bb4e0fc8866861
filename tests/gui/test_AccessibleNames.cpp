// Acceptance (issue 18, point 7): a screen reader finds every control of every
// patient page with a name and the right role. The test walks every page a
// patient sees at home and at the kiosk (support/PatientPageTour.h) and checks
// each control a patient can reach with Tab through its accessible interface,
// the same one the accessibility bus reads; the pages that stop a patient are
// heard heading first.
#include "kiosk/StillTherePrompt.h"

#include "support/AccessibleCheck.h"
#include "support/PatientPageTour.h"
#include "support/PatientWindowTest.h"

#include <QAccessible>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace spinepath::ui;

class TestAccessibleNames final : public QObject, private spinepath::test::PatientWindowTest
{
    Q_OBJECT

    void open(bool kiosk)
    {
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->setKioskMode(kiosk);
        m_window->resize(1024, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

private slots:
    void initTestCase() { prepare(QStringLiteral("names.sqlite")); }

    void cleanup() { m_window.reset(); }

    void everyHomePage()
    {
        open(false);
        QStringList problems;
        spinepath::test::tourHomePages(*m_window, *m_context, [&](const QString& page) {
            for (const QString& problem : spinepath::test::accessibilityProblems(m_window.get()))
                problems << page + QStringLiteral(": ") + problem;
        });
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // At the kiosk: every page named, and the emergency stop and the
    // thank-you page heard heading first.
    void everyKioskPage()
    {
        open(true);
        QStringList problems;
        QHash<QString, QString> headingsHeard;
        spinepath::test::tourKioskPages(*m_window, [&](const QString& page) {
            for (const QString& problem : spinepath::test::accessibilityProblems(m_window.get()))
                problems << page + QStringLiteral(": ") + problem;
            QWidget* shown = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"))->currentWidget();
            headingsHeard[page] = spinepath::test::firstTextRead(shown);
            if (page == QStringLiteral("emergency")) {
                // Focus is on the button: what it says first is the heading.
                auto* carryOn = m_window->findChild<QPushButton*>(QStringLiteral("emergencyContinueButton"));
                QVERIFY(carryOn->hasFocus());
                QVERIFY(carryOn->accessibleDescription().startsWith(QStringLiteral("Please get help now.")));
            }
        });
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(headingsHeard.value(QStringLiteral("emergency")), QStringLiteral("Please get help now"));
        QCOMPARE(headingsHeard.value(QStringLiteral("thank-you")),
                 QStringLiteral("Thank you. You are all done."));
    }

    // The idle prompt is named, heard heading first, and its button says
    // what it stops.
    void theStillTherePromptIsAnnounced()
    {
        open(true);
        StillTherePrompt prompt(m_window.get());
        prompt.start(30);
        QCOMPARE(QAccessible::queryAccessibleInterface(&prompt)->text(QAccessible::Name),
                 QStringLiteral("Are you still there?"));
        QCOMPARE(spinepath::test::firstTextRead(&prompt), QStringLiteral("Are you still there?"));
        auto* stillHere = prompt.findChild<QPushButton*>(QStringLiteral("stillHereButton"));
        QVERIFY(stillHere->accessibleDescription().contains(QStringLiteral("30 seconds")));
        const QStringList problems = spinepath::test::accessibilityProblems(&prompt);
        prompt.dismiss();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
};

QTEST_MAIN(TestAccessibleNames)
#include "test_AccessibleNames.moc"
