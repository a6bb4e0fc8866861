// Repeating groups on a page (issue 19): one framed block per instance, "Add
// another" and "Remove" (named for a screen reader and reached with Tab), the
// answers of each instance kept apart in the session, enableWhen and required
// per instance, and a QuestionnaireResponse with one item per instance. The
// questions are tests/data/questionnaire/repeating-section.json, added to
// the intake so that the real rules load.
#include "support/ExtraSection.h"
#include "support/ResponseRules.h"

#include "core/questionnaire/QuestionnaireResponse.h"
#include "patient/questionnaire/RepeatingGroupView.h"

#include <QPushButton>

using namespace spinepath::ui;
using nlohmann::json;
namespace q = spinepath::questionnaire;

class TestRepeatingGroupView final : public QObject, private spinepath::test::ExtraSection
{
    Q_OBJECT

    [[nodiscard]] RepeatingGroupView* view() const
    {
        return m_page->findChild<RepeatingGroupView*>(QStringLiteral("repeats_repeat.meds"));
    }

    [[nodiscard]] QWidget* frame(int index) const { return view()->instanceFrame(index); }

    // A question of one instance.
    [[nodiscard]] QuestionWidget* inInstance(int index, const char* linkId) const
    {
        return frame(index)->findChild<QuestionWidget*>(QStringLiteral("question_") + QLatin1String(linkId));
    }

    void typeIn(int index, const char* linkId, const QString& text)
    {
        auto* edit = inInstance(index, linkId)->findChild<QLineEdit*>();
        QVERIFY(edit);
        edit->clear();
        edit->setFocus(Qt::OtherFocusReason);
        QTest::keyClicks(edit, text);
    }

    void clickIn(int index, const char* linkId, const char* choice)
    {
        auto* button = inInstance(index, linkId)
                           ->findChild<QAbstractButton*>(QStringLiteral("choice_") + QLatin1String(choice));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    [[nodiscard]] QPushButton* addButton() const
    {
        return view()->findChild<QPushButton*>(QStringLiteral("addInstance"));
    }

    [[nodiscard]] QPushButton* removeButton(int index) const
    {
        return frame(index)->findChild<QPushButton*>(QStringLiteral("removeInstance"));
    }

    [[nodiscard]] json instances() const { return answer("repeat.meds"); }

private slots:
    void initTestCase() { loadContentWith("repeating-section.json"); }

    void init() { openSection("repeat"); }

    void cleanup() { closeSection(); }

    void oneInstanceFirstThenAnotherKeptApart()
    {
        QVERIFY(view());
        QCOMPARE(view()->shownInstances(), 1);
        QVERIFY(instances().is_null());

        typeIn(0, "repeat.meds.name", QStringLiteral("Ibuprofen"));
        QCOMPARE(instances(), json::array({{{"repeat.meds.name", "Ibuprofen"}}}));

        QTest::mouseClick(addButton(), Qt::LeftButton);
        QCOMPARE(view()->shownInstances(), 2);
        // The new instance's first field has the focus: the patient types on.
        QVERIFY(inInstance(1, "repeat.meds.name")->isAncestorOf(QApplication::focusWidget()));
        typeIn(1, "repeat.meds.name", QStringLiteral("Omeprazole"));
        QCOMPARE(instances(),
                 json::array({{{"repeat.meds.name", "Ibuprofen"}}, {{"repeat.meds.name", "Omeprazole"}}}));
        // Nothing of an instance lands at the top level.
        QVERIFY(!m_session->answers().contains("repeat.meds.name"));
        // The first instance still shows its own answer.
        QCOMPARE(inInstance(0, "repeat.meds.name")->value(), json("Ibuprofen"));
    }

    void enableWhenAndRequiredPerInstance()
    {
        typeIn(0, "repeat.meds.name", QStringLiteral("Ibuprofen"));
        QTest::mouseClick(addButton(), Qt::LeftButton);
        clickIn(1, "repeat.meds.prn", "true");
        // Only the second instance asks when it is taken.
        QVERIFY(!inInstance(0, "repeat.meds.reason")->isVisibleTo(m_page.get()));
        QVERIFY(inInstance(1, "repeat.meds.reason")->isVisibleTo(m_page.get()));

        // The second lacks its name and its reason; the first is complete.
        QVERIFY(!m_page->checkRequired());
        auto missingShown = [&](int index, const char* linkId) {
            return inInstance(index, linkId)
                ->findChild<QLabel*>(QStringLiteral("missingLabel"))
                ->isVisibleTo(m_page.get());
        };
        QVERIFY(!missingShown(0, "repeat.meds.name"));
        QVERIFY(missingShown(1, "repeat.meds.name"));
        QVERIFY(missingShown(1, "repeat.meds.reason"));
        QVERIFY(inInstance(1, "repeat.meds.name")->isAncestorOf(QApplication::focusWidget()));

        typeIn(1, "repeat.meds.name", QStringLiteral("Paracetamol"));
        typeIn(1, "repeat.meds.reason", QStringLiteral("headache"));
        QVERIFY(m_page->checkRequired());
    }

    void removeOneLeavesTheOthers()
    {
        typeIn(0, "repeat.meds.name", QStringLiteral("A"));
        QTest::mouseClick(addButton(), Qt::LeftButton);
        typeIn(1, "repeat.meds.name", QStringLiteral("B"));
        QTest::mouseClick(addButton(), Qt::LeftButton);
        typeIn(2, "repeat.meds.name", QStringLiteral("C"));

        QTest::mouseClick(removeButton(1), Qt::LeftButton);
        QCOMPARE(view()->shownInstances(), 2);
        QCOMPARE(instances(), json::array({{{"repeat.meds.name", "A"}}, {{"repeat.meds.name", "C"}}}));
        QCOMPARE(inInstance(1, "repeat.meds.name")->value(), json("C"));
        // The focus goes somewhere sensible, not lost with the removed block.
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(addButton()));

        // Removing the last leaves one empty instance to fill in.
        QTest::mouseClick(removeButton(1), Qt::LeftButton);
        QTest::mouseClick(removeButton(0), Qt::LeftButton);
        QCOMPARE(view()->shownInstances(), 1);
        QVERIFY(instances().is_null());
        QCOMPARE(inInstance(0, "repeat.meds.name")->value(), json());
    }

    void keyboardAndScreenReader()
    {
        // Plain words, and names that say which group and which instance.
        QCOMPARE(addButton()->text(), QStringLiteral("Add another"));
        QCOMPARE(addButton()->accessibleName(), QStringLiteral("Add another: A medicine you take"));
        QCOMPARE(removeButton(0)->accessibleName(), QStringLiteral("Remove A medicine you take, number 1"));
        QCOMPARE(frame(0)->accessibleName(), QStringLiteral("A medicine you take, number 1"));
        QVERIFY(addButton()->focusPolicy() & Qt::TabFocus);

        // Tab from the last field of the instance reaches "Add another"; Space adds one.
        typeIn(0, "repeat.meds.name", QStringLiteral("A"));
        addButton()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(addButton(), Qt::Key_Space);
        QCOMPARE(view()->shownInstances(), 2);
        // Tab order: the first instance, the new one, then "Add another".
        QWidget* at = removeButton(0);
        bool passedSecond = false;
        for (int steps = 0; at != addButton() && steps < 100; ++steps) {
            at = at->nextInFocusChain();
            passedSecond = passedSecond || at == removeButton(1);
        }
        QCOMPARE(at, static_cast<QWidget*>(addButton()));
        QVERIFY(passedSecond);
        QVERIFY(inInstance(1, "repeat.meds.name")->isAncestorOf(QApplication::focusWidget()));
    }

    void responseHoldsEachInstanceAndReadsBack()
    {
        typeIn(0, "repeat.meds.name", QStringLiteral("A"));
        QTest::mouseClick(addButton(), Qt::LeftButton);
        typeIn(1, "repeat.meds.name", QStringLiteral("B"));
        clickIn(1, "repeat.meds.prn", "true");
        typeIn(1, "repeat.meds.reason", QStringLiteral("at night"));

        const json answers = m_session->acceptedAnswers();
        const q::Questionnaire& questionnaire = m_content->questionnaire();
        q::ResponseOptions options;
        options.status = "in-progress";
        const json response = q::toQuestionnaireResponse(questionnaire, answers, options);
        QCOMPARE(QString::fromStdString(spinepath::test::responseProblems(questionnaire, response)),
                 QString());
        const json* section = nullptr;
        for (const json& item : response["item"])
            if (item["linkId"] == "repeat")
                section = &item;
        QVERIFY(section);
        QCOMPARE((*section)["item"].size(), std::size_t(2));
        QCOMPARE((*section)["item"][0]["linkId"], json("repeat.meds"));
        QCOMPARE((*section)["item"][1]["linkId"], json("repeat.meds"));
        QCOMPARE((*section)["item"][1]["item"].size(), std::size_t(3));
        QCOMPARE(q::fromQuestionnaireResponse(questionnaire, response), answers);

        // Shown again after a resume: each instance its own answers.
        m_page->showAnswers();
        QCOMPARE(inInstance(1, "repeat.meds.reason")->value(), json("at night"));
    }
};

QTEST_MAIN(TestRepeatingGroupView)
#include "test_RepeatingGroupView.moc"
