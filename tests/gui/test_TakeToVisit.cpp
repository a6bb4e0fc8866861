// At home the results page offers to take the answers to the visit: the
// patient copy with its code, or an answers file. At the kiosk it does not
// (the answers are already at the clinic).
#include "patient/ResultsPage.h"

#include "core/report/PatientResult.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using spinepath::ui::ResultsPage;

class TestTakeToVisit final : public QObject
{
    Q_OBJECT

private slots:
    void atHomeBothWaysAreOffered()
    {
        ResultsPage page;
        page.showResult(spinepath::report::PatientResult{}, true);
        auto* print = page.findChild<QPushButton*>(QStringLiteral("printWithCodeButton"));
        auto* save = page.findChild<QPushButton*>(QStringLiteral("saveAnswersButton"));
        QVERIFY(print);
        QVERIFY(save);
        QSignalSpy printed(&page, &ResultsPage::printRequested);
        QSignalSpy saved(&page, &ResultsPage::saveAnswersRequested);
        print->click();
        save->click();
        QCOMPARE(printed.count(), 1);
        QCOMPARE(saved.count(), 1);
    }

    void notWhenTheAnswersAreAlreadyAtTheClinic()
    {
        ResultsPage page;
        page.showResult(spinepath::report::PatientResult{}, false);
        QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("saveAnswersButton")));
        QVERIFY(!page.findChild<QWidget*>(QStringLiteral("takeToVisitBox")));
    }
};

QTEST_MAIN(TestTakeToVisit)
#include "test_TakeToVisit.moc"
