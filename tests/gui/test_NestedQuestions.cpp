// Items nested under a question (issue 19, point 3): shown beneath it, set in,
// once it is answered; a required one stops Next with its own message; the
// session keeps its answer and the QuestionnaireResponse nests it under the
// answer of its question (R4 answer.item), and reads it back. The questions
// are tests/data/questionnaire/nested-section.json, added to the intake so
// that the real rules load.
#include "support/ExtraSection.h"
#include "support/ResponseRules.h"

#include "core/questionnaire/QuestionnaireResponse.h"

using namespace spinepath::ui;
using nlohmann::json;
namespace q = spinepath::questionnaire;

class TestNestedQuestions final : public QObject, private spinepath::test::ExtraSection
{
    Q_OBJECT

    [[nodiscard]] bool shown(const char* linkId) const { return question(linkId)->isVisibleTo(m_page.get()); }

    // Where a widget is on the page.
    [[nodiscard]] QPoint at(QWidget* widget) const { return widget->mapTo(m_page->widget(), QPoint(0, 0)); }

private slots:
    void initTestCase() { loadContentWith("nested-section.json"); }

    void init() { openSection("nested"); }

    void cleanup() { closeSection(); }

    void shownBeneathTheirQuestionOnceAnswered()
    {
        // Unanswered, the question has nothing for its items to hang under.
        QVERIFY(!shown("nested.smoker.per_day"));
        QVERIFY(!shown("nested.pain.since"));
        auto* smokerBlock = m_page->findChild<QWidget*>(QStringLiteral("nested_nested.smoker"));
        QVERIFY(smokerBlock);
        QVERIFY(!smokerBlock->isVisibleTo(m_page.get()));

        click("nested.smoker", "true");
        QVERIFY(shown("nested.smoker.per_day"));
        QVERIFY(smokerBlock->isVisibleTo(m_page.get()));
        // Beneath its question and set in under it, before the next question.
        QWidget* smoker = question("nested.smoker");
        QWidget* perDay = question("nested.smoker.per_day");
        QVERIFY(at(perDay).y() >= at(smoker).y() + smoker->height());
        QVERIFY(at(perDay).x() > at(smoker).x());
        QVERIFY(at(perDay).y() < at(question("nested.pain")).y());

        // An item's own enableWhen still counts: "No" hides how many a day.
        click("nested.smoker", "false");
        QVERIFY(!shown("nested.smoker.per_day"));
        QVERIFY(!smokerBlock->isVisibleTo(m_page.get()));

        // Any answer shows an item without conditions, and its display text.
        click("nested.pain", "leg");
        QVERIFY(shown("nested.pain.since"));
        bool noteShown = false;
        for (QLabel* label : m_page->findChildren<QLabel*>())
            if (label->text() == QStringLiteral("Tell us more about it."))
                noteShown = label->isVisibleTo(m_page.get());
        QVERIFY(noteShown);
    }

    void requiredNestedItemStopsNextWithItsMessage()
    {
        click("nested.smoker", "true");
        click("nested.pain", "back");
        QVERIFY(!m_page->checkRequired());
        QVERIFY(message("nested.smoker.per_day")->isVisibleTo(m_page.get()));
        QVERIFY(message("nested.pain.since")->isVisibleTo(m_page.get()));
        QVERIFY(!message("nested.smoker")->isVisibleTo(m_page.get()));
        // The first missing one has the focus, as for any required question.
        QVERIFY(question("nested.smoker.per_day")->isAncestorOf(QApplication::focusWidget()));

        type("nested.smoker.per_day", QStringLiteral("4"));
        type("nested.pain.since", QStringLiteral("last winter"));
        QVERIFY(m_page->checkRequired());
        QVERIFY(!message("nested.smoker.per_day")->isVisibleTo(m_page.get()));
    }

    void answersNestUnderTheirQuestionInTheResponse()
    {
        click("nested.smoker", "true");
        type("nested.smoker.per_day", QStringLiteral("4"));
        click("nested.pain", "back");
        type("nested.pain.since", QStringLiteral("May"));
        const json answers = m_session->acceptedAnswers();
        QCOMPARE(answers["nested.smoker.per_day"], json(4));
        QCOMPARE(answers["nested.pain.since"], json("May"));

        const q::Questionnaire& questionnaire = m_content->questionnaire();
        q::ResponseOptions options;
        options.status = "in-progress";
        const json response = q::toQuestionnaireResponse(questionnaire, answers, options);
        QCOMPARE(QString::fromStdString(spinepath::test::responseProblems(questionnaire, response)),
                 QString());
        const json* section = nullptr;
        for (const json& item : response["item"])
            if (item["linkId"] == "nested")
                section = &item;
        QVERIFY(section);
        const json& smoker = (*section)["item"][0];
        QCOMPARE(smoker["linkId"], json("nested.smoker"));
        QCOMPARE(smoker["answer"][0]["valueBoolean"], json(true));
        QCOMPARE(smoker["answer"][0]["item"][0]["linkId"], json("nested.smoker.per_day"));
        QCOMPARE(smoker["answer"][0]["item"][0]["answer"][0]["valueInteger"], json(4));
        QVERIFY(!smoker.contains("item"));
        const json& pain = (*section)["item"][1];
        QCOMPARE(pain["answer"][0]["item"][0]["linkId"], json("nested.pain.since"));

        QCOMPARE(q::fromQuestionnaireResponse(questionnaire, response), answers);

        // Taking the answer of the question back drops the items under it.
        click("nested.smoker", "false");
        QVERIFY(!m_session->acceptedAnswers().contains("nested.smoker.per_day"));
    }
};

QTEST_MAIN(TestNestedQuestions)
#include "test_NestedQuestions.moc"
