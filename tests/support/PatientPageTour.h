#pragma once

// Shows every page a patient can see, one after the other, and calls a
// visitor on each: the checks of layout, contrast and screen-reader names
// all walk the same pages. The window must be shown, with a database open.
//
// At home: the welcome page, every questionnaire section (answered as worked
// example E3, so that the questions that depend on earlier answers show too),
// the results, the library and every article. At the kiosk: the welcome page,
// the emergency stop, every section and the thank-you page.
#include "MainWindow.h"
#include "common/AppContext.h"
#include "patient/questionnaire/QuestionnaireView.h"

#include "support/PatientDriver.h"

#include "core/clinic/ClinicContent.h"

#include <QPushButton>
#include <QtTest>

#include <functional>

namespace spinepath::test {

// Called with a short name of the page the window shows now.
using PageVisitor = std::function<void(const QString& page)>;

namespace tour {

inline void everySection(spinepath::ui::MainWindow& window, const PageVisitor& visit)
{
    auto* view = window.findChild<spinepath::ui::QuestionnaireView*>();
    QVERIFY(view);
    for (int section = 0; section < view->sectionCount(); ++section) {
        view->showSection(section);
        visit(QStringLiteral("section%1").arg(section + 1));
    }
}

} // namespace tour

inline void tourHomePages(spinepath::ui::MainWindow& window, const spinepath::ui::AppContext& context,
                          const PageVisitor& visit)
{
    const PatientDriver patient(&window);
    visit(QStringLiteral("welcome"));
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("homeButton")), Qt::LeftButton);
    patient.answerExampleThree();
    tour::everySection(window, visit);
    patient.next();
    QCOMPARE(patient.currentPage()->objectName(), QStringLiteral("resultsPage"));
    visit(QStringLiteral("results"));
    window.showLibrary();
    visit(QStringLiteral("library"));
    for (const auto& [id, article] : context.content->articles().articles()) {
        window.showLibrary(QString::fromStdString(id));
        visit(QStringLiteral("article-") + QString::fromStdString(id));
    }
}

inline void tourKioskPages(spinepath::ui::MainWindow& window, const PageVisitor& visit)
{
    const PatientDriver patient(&window);
    visit(QStringLiteral("welcome"));
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("clinicButton")), Qt::LeftButton);
    patient.answer("redflag.bladder_bowel", "true");
    QCOMPARE(patient.currentPage()->objectName(), QStringLiteral("emergencyPage"));
    visit(QStringLiteral("emergency"));
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("emergencyContinueButton")),
                      Qt::LeftButton);
    patient.answer("redflag.bladder_bowel", "false");
    patient.answerExampleThree();
    tour::everySection(window, visit);
    patient.next();
    QCOMPARE(patient.currentPage()->objectName(), QStringLiteral("thankYouPage"));
    visit(QStringLiteral("thank-you"));
}

} // namespace spinepath::test
