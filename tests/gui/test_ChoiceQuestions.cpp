// The answer widgets made of buttons, built from items of the intake
// questionnaire and driven with the mouse and the keyboard.
#include "patient/questionnaire/ChoiceQuestions.h"

#include "core/questionnaire/Questionnaire.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QLabel>
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
        // The keyboard tests need the focus, which only an active window has.
        if (!QTest::qWaitForWindowActive(widget.get()))
            qWarning("the window of %s did not become active", linkId);
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

    // The text of a label found by name, or "(none)".
    static QString labelText(const QWidget& widget, const char* name)
    {
        const auto* label = widget.findChild<QLabel*>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("(none)");
    }

    static QAccessible::Role roleOf(QObject* object)
    {
        QAccessibleInterface* face = QAccessible::queryAccessibleInterface(object);
        return face ? face->role() : QAccessible::NoRole;
    }

    static QString accessibleText(QObject* object, QAccessible::Text text)
    {
        QAccessibleInterface* face = QAccessible::queryAccessibleInterface(object);
        return face ? face->text(text) : QString();
    }

    static void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, key, modifiers);
    }

    // A one-question questionnaire: a 0 to 10 integer with the given children.
    static q::Questionnaire scaleQuestionnaire(const json& children)
    {
        json item = {{"linkId", "scale"},
                     {"type", "integer"},
                     {"text", "How much?"},
                     {"extension",
                      {{{"url", "http://hl7.org/fhir/StructureDefinition/minValue"}, {"valueInteger", 0}},
                       {{"url", "http://hl7.org/fhir/StructureDefinition/maxValue"}, {"valueInteger", 10}}}}};
        if (!children.empty())
            item["item"] = children;
        return q::Questionnaire::fromJson({{"resourceType", "Questionnaire"},
                                           {"url", "http://example.org/Questionnaire/scale"},
                                           {"version", "1"},
                                           {"status", "active"},
                                           {"item", {item}}});
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

    void scaleAnchorsComeFromTheContent_data()
    {
        QTest::addColumn<QString>("linkId");
        QTest::addColumn<QString>("lower");
        QTest::addColumn<QString>("upper");
        QTest::newRow("pain") << "peg.pain"
                              << "no pain"
                              << "pain as bad as you can imagine";
        QTest::newRow("enjoyment") << "peg.enjoyment"
                                   << "does not interfere"
                                   << "completely interferes";
        QTest::newRow("activity") << "peg.activity"
                                  << "does not interfere"
                                  << "completely interferes";
    }

    void scaleAnchorsComeFromTheContent()
    {
        QFETCH(QString, linkId);
        QFETCH(QString, lower);
        QFETCH(QString, upper);
        const auto widget = make(linkId.toLatin1().constData());
        QVERIFY(qobject_cast<ScaleQuestion*>(widget.get()));
        QCOMPARE(labelText(*widget, "lowerAnchor"), QStringLiteral("0 = ") + lower);
        QCOMPARE(labelText(*widget, "upperAnchor"), QStringLiteral("10 = ") + upper);
        // Nothing of the old hard-coded wording is left.
        for (const QLabel* label : widget->findChildren<QLabel*>())
            QVERIFY2(!label->text().contains(QStringLiteral("worst you can imagine")),
                     qPrintable(label->text()));
        // Each number is a radio button named by its number; its description
        // says what the two ends mean, once each.
        for (int n = 0; n <= 10; ++n) {
            QAbstractButton* button = choice(*widget, QByteArray::number(n).constData());
            QCOMPARE(roleOf(button), QAccessible::RadioButton);
            QCOMPARE(accessibleText(button, QAccessible::Name), QString::number(n));
            const QString description = accessibleText(button, QAccessible::Description);
            QCOMPARE(description, QStringLiteral("0 means %1. 10 means %2.").arg(lower, upper));
        }
    }

    void aScaleWithoutAnchorsShowsOnlyTheNumbers()
    {
        const q::Questionnaire bare = scaleQuestionnaire(json::array());
        const std::unique_ptr<QuestionWidget> widget(QuestionWidget::create(*bare.find("scale"), nullptr));
        QVERIFY(qobject_cast<ScaleQuestion*>(widget.get()));
        QVERIFY(!widget->findChild<QLabel*>(QStringLiteral("lowerAnchor")));
        QVERIFY(!widget->findChild<QLabel*>(QStringLiteral("upperAnchor")));
        QVERIFY(accessibleText(choice(*widget, "5"), QAccessible::Description).isEmpty());
        // Only one end named: only that one is shown.
        const json upperOnly = {
            {{"linkId", "scale.upper"},
             {"type", "display"},
             {"text", "a lot"},
             {"extension",
              {{{"url", "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"},
                {"valueCodeableConcept",
                 {{"coding",
                   {{{"system", "http://hl7.org/fhir/questionnaire-item-control"},
                     {"code", "upper"}}}}}}}}}}};
        const q::Questionnaire half = scaleQuestionnaire(upperOnly);
        const std::unique_ptr<QuestionWidget> halfWidget(
            QuestionWidget::create(*half.find("scale"), nullptr));
        QVERIFY(!halfWidget->findChild<QLabel*>(QStringLiteral("lowerAnchor")));
        QCOMPARE(labelText(*halfWidget, "upperAnchor"), QStringLiteral("10 = a lot"));
    }

    void yesAndNoAreRadioButtonsNamedByTheirText()
    {
        const auto widget = make("cc.meds");
        QVERIFY(qobject_cast<YesNoQuestion*>(widget.get()));
        for (const char* value : {"true", "false"}) {
            QAbstractButton* button = choice(*widget, value);
            QCOMPARE(roleOf(button), QAccessible::RadioButton);
            QCOMPARE(accessibleText(button, QAccessible::Name), button->text());
            QVERIFY(accessibleText(button, QAccessible::Description).isEmpty());
        }
        // The question is the group around them, named by its wording.
        QCOMPARE(roleOf(widget.get()), QAccessible::Grouping);
        const QString name = accessibleText(widget.get(), QAccessible::Name);
        QVERIFY2(name.startsWith(QString::fromStdString(m_intake.find("cc.meds")->text())), qPrintable(name));
    }

    void aDiagnosisIsDescribedByItsOwnHelpOnly()
    {
        const auto widget = make("dx.told");
        const q::Item* item = m_intake.find("dx.told");
        for (const q::AnswerOption& option : item->answerOptions()) {
            QAbstractButton* box = choice(*widget, option.coding.code.c_str());
            QCOMPARE(accessibleText(box, QAccessible::Name), QString::fromStdString(option.coding.display));
            const q::Item* help = m_intake.find("dx.told.help." + option.coding.code);
            QCOMPARE(accessibleText(box, QAccessible::Description),
                     help ? QString::fromStdString(help->text()) : QString());
        }
        // The help button still shows every paragraph.
        QVERIFY(accessibleText(choice(*widget, "fracture"), QAccessible::Description).isEmpty());
    }

    void arrowsMoveWithinAOneAnswerGroupAndTabLeavesIt()
    {
        const auto widget = make("peg.pain");
        const auto changes = recordChanges(*widget);
        // One Tab stop: the first number until one is picked.
        const auto tabStops = [&widget] {
            QStringList stops;
            for (QAbstractButton* button : widget->findChildren<QAbstractButton*>())
                if (button->focusPolicy() & Qt::TabFocus)
                    stops << button->objectName();
            return stops;
        };
        QCOMPARE(tabStops(), QStringList{QStringLiteral("choice_0")});
        choice(*widget, "0")->setFocus(Qt::TabFocusReason);
        press(Qt::Key_Right);
        press(Qt::Key_Right);
        QCOMPARE(QApplication::focusWidget(), choice(*widget, "2"));
        QVERIFY(changes->empty()); // moving is not answering
        press(Qt::Key_Space);
        QCOMPARE(widget->value(), json(2));
        // Once picked, the pick follows the arrows, as with radio buttons.
        press(Qt::Key_Right);
        QCOMPARE(widget->value(), json(3));
        press(Qt::Key_Left);
        press(Qt::Key_Up);
        QCOMPARE(widget->value(), json(1));
        QCOMPARE(tabStops(), QStringList{QStringLiteral("choice_1")});
        // The first and the last keep the focus: nothing else moves or scrolls.
        press(Qt::Key_Left);
        press(Qt::Key_Left);
        QCOMPARE(QApplication::focusWidget(), choice(*widget, "0"));
        QCOMPARE(widget->value(), json(0));
    }

    void enterPressesTheFocusedAnswer()
    {
        const auto widget = make("peg.enjoyment");
        choice(*widget, "0")->setFocus(Qt::TabFocusReason);
        for (int i = 0; i < 4; ++i)
            press(Qt::Key_Right);
        press(Qt::Key_Return);
        QCOMPARE(widget->value(), json(4));

        const auto list = make("dx.told");
        QAbstractButton* ddd = choice(*list, "ddd");
        ddd->setFocus(Qt::TabFocusReason);
        press(Qt::Key_Enter, Qt::KeypadModifier);
        QCOMPARE(list->value(), json({"ddd"}));
        press(Qt::Key_Return);
        QVERIFY(list->value().is_null());
    }

    void everyBoxOfAListTakesTabAndTheArrows()
    {
        const auto widget = make("dx.told");
        const q::Item* item = m_intake.find("dx.told");
        QAbstractButton* first = choice(*widget, item->answerOptions().front().coding.code.c_str());
        first->setFocus(Qt::TabFocusReason);
        // Down through every box in reading order, Space ticks each.
        json expected = json::array();
        for (std::size_t i = 0; i < item->answerOptions().size(); ++i) {
            const std::string& code = item->answerOptions()[i].coding.code;
            QCOMPARE(QApplication::focusWidget(), choice(*widget, code.c_str()));
            press(Qt::Key_Space);
            expected.push_back(code);
            QCOMPARE(widget->value(), expected);
            press(Qt::Key_Down);
        }
        // Back up with Shift+Tab, and forward again with Tab: every box is a Tab stop.
        for (std::size_t i = item->answerOptions().size() - 1; i > 0; --i) {
            press(Qt::Key_Backtab, Qt::ShiftModifier);
            QCOMPARE(QApplication::focusWidget(),
                     choice(*widget, item->answerOptions()[i - 1].coding.code.c_str()));
        }
        for (std::size_t i = 1; i < item->answerOptions().size(); ++i) {
            press(Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(),
                     choice(*widget, item->answerOptions()[i].coding.code.c_str()));
        }
    }
};

QTEST_MAIN(TestChoiceQuestions)
#include "test_ChoiceQuestions.moc"
