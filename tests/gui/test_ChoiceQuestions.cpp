// The answer widgets made of buttons, built from items of the intake
// questionnaire and driven with the mouse and the keyboard.
#include "patient/questionnaire/ChoiceQuestions.h"

#include "core/questionnaire/Questionnaire.h"

#include <QAbstractButton>
#include <QtTest>

#include <memory>
#include <vector>

using namespace spinepath::ui;

namespace q = spinepath::questionnaire;
using nlohmann::json;

class TestChoiceQuestions final : public QObject
{
    Q_OBJECT

    const q::Questionnaire m_intake =
        q::Questionnaire::fromFile(SPINEPATH_SOURCE_DIR "/content/questionnaire/spinepath-intake.json");

    [[nodiscard]] std::unique_ptr<QuestionWidget> make(const char* linkId) const
    {
        const q::Item* item = m_intake.find(linkId);
        if (!item)
            qFatal("no item %s in the intake", linkId);
        std::unique_ptr<QuestionWidget> widget(QuestionWidget::create(*item, nullptr));
        widget->show();
        return widget;
    }

    // Every answer a widget reports (json is no Qt meta type, so no QSignalSpy).
    static std::shared_ptr<std::vector<json>> recordChanges(QuestionWidget& widget)
    {
        auto changes = std::make_shared<std::vector<json>>();
        QObject::connect(&widget, &QuestionWidget::valueChanged,
                         [changes](const std::string&, const json& value) { changes->push_back(value); });
        return changes;
    }

    static QAbstractButton* choice(const QuestionWidget& widget, const char* value)
    {
        return widget.findChild<QAbstractButton*>(QStringLiteral("choice_") + QString::fromLatin1(value));
    }

private slots:
    void noneOfTheseClearsTheOtherChoices()
    {
        const auto widget = make("redflag.bone_risk");
        QVERIFY(qobject_cast<MultipleChoiceQuestion*>(widget.get()));
        const auto changes = recordChanges(*widget);

        QTest::mouseClick(choice(*widget, "steroids"), Qt::LeftButton);
        QTest::mouseClick(choice(*widget, "osteoporosis"), Qt::LeftButton);
        QCOMPARE(widget->value(), json({"steroids", "osteoporosis"}));

        changes->clear();
        QTest::mouseClick(choice(*widget, "none"), Qt::LeftButton);
        QCOMPARE(widget->value(), json({"none"}));
        QVERIFY(!choice(*widget, "steroids")->isChecked());
        QVERIFY(!choice(*widget, "osteoporosis")->isChecked());
        // One click, one new answer: no half-cleared answer is passed on.
        QCOMPARE(*changes, std::vector<json>{json({"none"})});
    }

    void anotherChoiceClearsNoneOfThese()
    {
        const auto widget = make("redflag.infection_risk");
        QTest::mouseClick(choice(*widget, "none"), Qt::LeftButton);
        QCOMPARE(widget->value(), json({"none"}));

        // From the keyboard too.
        QAbstractButton* drugs = choice(*widget, "iv_drugs");
        drugs->setFocus();
        QTest::keyClick(drugs, Qt::Key_Space);
        QCOMPARE(widget->value(), json({"iv_drugs"}));
        QVERIFY(!choice(*widget, "none")->isChecked());

        // Unticking the last choice leaves the question unanswered.
        QTest::keyClick(drugs, Qt::Key_Space);
        QVERIFY(widget->value().is_null());
    }

    void listsWithoutAnExclusiveChoiceKeepEveryTick()
    {
        // dx.told has an "unknown" code, but the content does not make it exclusive.
        const auto widget = make("dx.told");
        QTest::mouseClick(choice(*widget, "ddd"), Qt::LeftButton);
        QTest::mouseClick(choice(*widget, "unknown"), Qt::LeftButton);
        QCOMPARE(widget->value(), json({"ddd", "unknown"}));
    }

    void storedAnswersWithNoneAndOthersShowAsStored()
    {
        // Input may hold both (rule 4 of the spec); showing it must not change it.
        const auto widget = make("redflag.bone_risk");
        const auto changes = recordChanges(*widget);
        widget->setValue(json({"steroids", "none"}));
        QCOMPARE(widget->value(), json({"steroids", "none"}));
        QVERIFY(changes->empty());
    }
};

QTEST_MAIN(TestChoiceQuestions)
#include "test_ChoiceQuestions.moc"
