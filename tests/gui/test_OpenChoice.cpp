// open-choice items (issue 19): the options, and "Other:" with a text box
// below them. The typed text is the answer (a FHIR valueString); with one
// answer only, typing unpicks the option and picking an option empties the
// box; in a list the text is one more answer. Stored answers that are none of
// the options come back into the box, and a QuestionnaireResponse carries
// them as valueString both ways.
#include "patient/questionnaire/ChoiceQuestions.h"
#include "support/ResponseRules.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/questionnaire/QuestionnaireResponse.h"

#include <QAbstractButton>
#include <QLineEdit>
#include <QtTest>

#include <memory>
#include <vector>

using namespace spinepath::ui;
namespace q = spinepath::questionnaire;
using nlohmann::json;

namespace {

json coding(const char* code, const char* display)
{
    return {{"valueCoding", {{"system", "http://example.org/src"}, {"code", code}, {"display", display}}}};
}

const json kResource{{"resourceType", "Questionnaire"},
                     {"status", "draft"},
                     {"url", "http://example.org/fhir/Questionnaire/open-choice"},
                     {"item",
                      {{{"linkId", "where"},
                        {"type", "open-choice"},
                        {"text", "Where did you hear of us?"},
                        {"answerOption", {coding("gp", "My doctor"), coding("web", "The web")}}},
                       {{"linkId", "tried"},
                        {"type", "open-choice"},
                        {"repeats", true},
                        {"text", "What have you tried?"},
                        {"answerOption", {{{"valueString", "Rest"}}, {{"valueString", "Heat"}}}}}}}};

} // namespace

class TestOpenChoice final : public QObject
{
    Q_OBJECT

    const q::Questionnaire m_form = q::Questionnaire::fromJson(kResource);

    [[nodiscard]] std::unique_ptr<QuestionWidget> make(const char* linkId) const
    {
        std::unique_ptr<QuestionWidget> widget(QuestionWidget::create(*m_form.find(linkId), nullptr));
        widget->show();
        return widget;
    }

    static std::shared_ptr<std::vector<json>> recordChanges(QuestionWidget& widget)
    {
        auto changes = std::make_shared<std::vector<json>>();
        QObject::connect(&widget, &QuestionWidget::valueChanged,
                         [changes](const std::string&, const json& value) { changes->push_back(value); });
        return changes;
    }

    static QLineEdit* other(const QuestionWidget& widget)
    {
        return widget.findChild<QLineEdit*>(QStringLiteral("otherText"));
    }

    static QAbstractButton* choice(const QuestionWidget& widget, const char* value)
    {
        return widget.findChild<QAbstractButton*>(QStringLiteral("choice_") + QLatin1String(value));
    }

private slots:
    void oneAnswerTypedOrPicked()
    {
        auto widget = make("where");
        QLineEdit* box = other(*widget);
        QVERIFY(box);
        QCOMPARE(box->accessibleName(), QStringLiteral("Other, in your own words"));
        const auto changes = recordChanges(*widget);

        QTest::mouseClick(choice(*widget, "gp"), Qt::LeftButton);
        QCOMPARE(widget->value(), json("gp"));
        // Typing replaces the picked option.
        box->setFocus();
        QTest::keyClicks(box, QStringLiteral("A friend"));
        QCOMPARE(widget->value(), json("A friend"));
        QVERIFY(!choice(*widget, "gp")->isChecked());
        QCOMPARE(changes->back(), json("A friend"));
        // Picking an option empties the box.
        QTest::mouseClick(choice(*widget, "web"), Qt::LeftButton);
        QCOMPARE(widget->value(), json("web"));
        QVERIFY(box->text().isEmpty());
        QCOMPARE(changes->back(), json("web"));

        // A stored text that is no option comes back into the box.
        widget->setValue(json("Radio"));
        QCOMPARE(box->text(), QStringLiteral("Radio"));
        QVERIFY(!choice(*widget, "web")->isChecked());
    }

    void aListTakesTheTextAsOneMoreAnswer()
    {
        auto widget = make("tried");
        QTest::mouseClick(choice(*widget, "Rest"), Qt::LeftButton);
        QTest::keyClicks(other(*widget), QStringLiteral(" Swimming "));
        QCOMPARE(widget->value(), json({"Rest", "Swimming"}));
        QVERIFY(choice(*widget, "Rest")->isChecked());
        widget->setValue(json({"Heat", "Yoga"}));
        QVERIFY(choice(*widget, "Heat")->isChecked());
        QCOMPARE(other(*widget)->text(), QStringLiteral("Yoga"));
    }

    void typedAnswersTravelAsValueString()
    {
        const json answers{{"where", "A friend"}, {"tried", {"Rest", "Swimming"}}};
        QVERIFY(m_form.validate(answers).valid());
        const json response = q::toQuestionnaireResponse(m_form, answers);
        QCOMPARE(response["item"][0]["answer"][0], json({{"valueString", "A friend"}}));
        QCOMPARE(response["item"][1]["answer"][0], json({{"valueString", "Rest"}}));
        QCOMPARE(response["item"][1]["answer"][1], json({{"valueString", "Swimming"}}));
        QCOMPARE(q::fromQuestionnaireResponse(m_form, response), answers);
        QCOMPARE(QString::fromStdString(spinepath::test::responseProblems(m_form, response)), QString());
        // A picked option stays a Coding with its system and display.
        const json coded = q::toQuestionnaireResponse(m_form, {{"where", "gp"}});
        QCOMPARE(coded["item"][0]["answer"][0]["valueCoding"]["display"], json("My doctor"));
        QCOMPARE(QString::fromStdString(spinepath::test::responseProblems(m_form, coded)), QString());
    }
};

QTEST_MAIN(TestOpenChoice)
#include "test_OpenChoice.moc"
