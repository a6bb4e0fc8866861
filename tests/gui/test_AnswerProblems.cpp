// Nothing typed into a question may end the program: an answer the session
// refuses (a text where a quantity belongs, a date out of range, a number
// that is not an option) is shown beside the question, and the question
// stays unanswered. The questions are those of a section of every R4 item
// type (tests/data/questionnaire/every-type-section.json), added to the
// intake so that the real rules score the answers.
#include "support/ExtraSection.h"

using namespace spinepath::ui;
using nlohmann::json;

class TestAnswerProblems final : public QObject, private spinepath::test::ExtraSection
{
    Q_OBJECT

    // The message beside the question is shown, and says something.
    void expectMessage(const char* linkId)
    {
        QLabel* label = message(linkId);
        QVERIFY2(label->isVisible(), linkId);
        QVERIFY2(!label->text().isEmpty(), linkId);
        QVERIFY2(label->text() != QStringLiteral("Please answer this question to go on."), linkId);
        QVERIFY2(answer(linkId).is_null(), linkId);
    }

    void expectNoMessage(const char* linkId) { QVERIFY2(!message(linkId)->isVisible(), linkId); }

private slots:
    void initTestCase() { loadContentWith("every-type-section.json"); }

    void init() { openSection("types", QSize(900, 700)); }

    void cleanup() { closeSection(); }

    void quantity()
    {
        type("types.quantity", QStringLiteral("heavy"));
        expectMessage("types.quantity");
        type("types.quantity", QStringLiteral("72.5 kg"));
        expectNoMessage("types.quantity");
        QCOMPARE(answer("types.quantity"), json({{"value", 72.5}, {"unit", "kg"}}));
    }

    void dateTime()
    {
        type("types.datetime", QStringLiteral("last spring"));
        expectMessage("types.datetime");
        type("types.datetime", QStringLiteral("2024-03-15 14:30"));
        expectNoMessage("types.datetime");
        QVERIFY(answer("types.datetime").get<std::string>().starts_with("2024-03-15T14:30:00"));
    }

    void time()
    {
        type("types.time", QStringLiteral("early"));
        expectMessage("types.time");
        type("types.time", QStringLiteral("6:45"));
        expectNoMessage("types.time");
        QCOMPARE(answer("types.time"), json("06:45:00"));
    }

    void attachment()
    {
        type("types.attachment", QStringLiteral("scan.png"));
        expectMessage("types.attachment");
    }

    void reference()
    {
        // A reference typed in is kept by its display text.
        type("types.reference", QStringLiteral("Dr Jones"));
        expectNoMessage("types.reference");
        QCOMPARE(answer("types.reference"), json({{"display", "Dr Jones"}}));
    }

    void integerWithOptions()
    {
        // Its options are offered to pick from, so nothing else can be typed ...
        QVERIFY(!field("types.integer_option"));
        auto* two = question("types.integer_option")->findChild<QAbstractButton*>(QStringLiteral("choice_2"));
        QVERIFY(two);
        two->click();
        QCOMPARE(answer("types.integer_option"), json(2));
        // ... and a number that is no option, given any other way, is refused
        // with a reason rather than thrown at the page.
        const auto problem = m_session->setAnswer("types.integer_option", 7);
        QVERIFY(problem);
        QVERIFY(problem->code == spinepath::questionnaire::IssueCode::UnknownCode);
        QVERIFY(answer("types.integer_option").is_null());
        question("types.integer_option")->showProblem(&*problem);
        QVERIFY(message("types.integer_option")->text().contains(QStringLiteral("1, 2, 3")));
    }

    void repeatingItems()
    {
        // One field of a repeating question is a list of one answer.
        type("types.repeating_text", QStringLiteral("walking"));
        expectNoMessage("types.repeating_text");
        QCOMPARE(answer("types.repeating_text"), json({"walking"}));
        type("types.repeating_number", QStringLiteral("7"));
        expectNoMessage("types.repeating_number");
        QCOMPARE(answer("types.repeating_number"), json({7}));
    }

    void dateWithLimits()
    {
        // Outside minValue and maxValue: refused, and the patient is told.
        for (const char* linkId : {"types.bounded_date", "types.bounded_date_time_limits"}) {
            type(linkId, QStringLiteral("1950-05-01"));
            QVERIFY2(answer(linkId).is_null(), linkId);
            const auto* readBack = question(linkId)->findChild<QLabel*>(QStringLiteral("dateReadBack"));
            QVERIFY2(message(linkId)->isVisible() || readBack->property("role") == QStringLiteral("error"),
                     linkId);
        }
        type("types.bounded_date", QStringLiteral("2023-05-01"));
        expectNoMessage("types.bounded_date");
        QCOMPARE(answer("types.bounded_date"), json("2023-05-01"));
    }

    void messageGoesWithAValidAnswer()
    {
        type("types.quantity", QStringLiteral("x"));
        expectMessage("types.quantity");
        // Next with the question unanswered still says why, not just "please answer".
        QVERIFY(m_page->checkRequired());
        type("types.quantity", QStringLiteral("3"));
        expectNoMessage("types.quantity");
    }
};

QTEST_MAIN(TestAnswerProblems)
#include "test_AnswerProblems.moc"
