#pragma once

#include "QuestionWidget.h"

#include <vector>

class QAbstractButton;
class QButtonGroup;
class QLineEdit;

namespace spinepath::ui {

// Answers picked from buttons: each button stands for one answer value.
//
// The keyboard reaches every answer in reading order. One-answer questions
// work as radio buttons do in any dialog: the group is one Tab stop (the
// picked answer, or the first), the arrow keys move between its answers (and
// move the pick along once there is one), Space or Enter picks. In a "choose
// all that apply" list every box is a Tab stop, the arrow keys move between
// the boxes, and Space or Enter ticks or unticks. The arrow keys never scroll
// the page while an answer has the focus.
class ButtonQuestion : public QuestionWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ButtonQuestion)

public:
    ~ButtonQuestion() override;
    [[nodiscard]] QWidget* focusTarget() const override;
    // One checked button's value (exclusive groups); subclasses with several override.
    [[nodiscard]] nlohmann::json value() const override;
    // Checks the button of the value, or of each value in an array.
    void setValue(const nlohmann::json& value) override;

protected:
    ButtonQuestion(const spinepath::questionnaire::Item& item, QWidget* parent, bool exclusive,
                   Presentation presentation = Presentation::Card);
    // Adds a button for a value; the caller places it in a layout. An exclusive
    // choice ("None of these") unchecks every other, and any other unchecks it.
    // Its accessible name is `label`, its visible text; `description` is only
    // what adds to it (the option's own help, a scale's anchors).
    void addChoice(QAbstractButton* button, const nlohmann::json& value, const QString& label,
                   bool exclusive = false, const QString& description = {});
    bool eventFilter(QObject* watched, QEvent* event) override;
    [[nodiscard]] const std::vector<std::pair<QAbstractButton*, nlohmann::json>>& choices() const noexcept
    {
        return m_choices;
    }
    // For an open-choice item: "Other:" and a text box below the options. Its
    // text (trimmed) is an answer of its own, a FHIR valueString. With one
    // answer only, typing unpicks the option and picking an option empties it.
    void addOtherField();
    // The text of the "Other" box, null when there is none or it is empty.
    [[nodiscard]] nlohmann::json otherText() const;

private:
    // Unchecks the choices that cannot stand beside `picked`.
    void keepExclusiveChoicesApart(QAbstractButton* picked);
    // Moves the focus to the previous (-1) or next (+1) shown answer.
    void moveFocus(QAbstractButton* from, int step);
    // One-answer groups: only the picked answer (or the first) takes Tab.
    void keepOneTabStop();

    QButtonGroup* m_group;        // one-answer questions only
    QLineEdit* m_other = nullptr; // open-choice only
    std::vector<std::pair<QAbstractButton*, nlohmann::json>> m_choices;
    std::vector<QAbstractButton*> m_exclusiveChoices;
    bool m_updating = false; // set while the widget, not the patient, changes the buttons
};

// Big Yes and No buttons; for a screen reader two radio buttons.
class YesNoQuestion final : public ButtonQuestion
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YesNoQuestion)

public:
    YesNoQuestion(const spinepath::questionnaire::Item& item, QWidget* parent);
    ~YesNoQuestion() override;
};

// A row of a Yes/No table: the wording, then Yes and No as two radio buttons
// of their own exclusive group, so Tab goes from row to row, the arrow keys
// from Yes to No and Space answers. Nothing is picked until the patient picks.
class YesNoRowQuestion final : public ButtonQuestion
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YesNoRowQuestion)

public:
    YesNoRowQuestion(const spinepath::questionnaire::Item& item, QWidget* parent);
    ~YesNoRowQuestion() override;
};

// One answer from a list: radio buttons.
class SingleChoiceQuestion final : public ButtonQuestion
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleChoiceQuestion)

public:
    SingleChoiceQuestion(const spinepath::questionnaire::Item& item, QWidget* parent,
                         Presentation presentation = Presentation::Card);
    ~SingleChoiceQuestion() override;
};

// Several answers from a list: check boxes. The value is an array.
class MultipleChoiceQuestion final : public ButtonQuestion
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MultipleChoiceQuestion)

public:
    MultipleChoiceQuestion(const spinepath::questionnaire::Item& item, QWidget* parent,
                           Presentation presentation = Presentation::Card);
    ~MultipleChoiceQuestion() override;
    [[nodiscard]] nlohmann::json value() const override;
};

// A 0 to 10 rating as a row of eleven buttons (the PEG pain items), radio
// buttons for a screen reader. What the ends mean comes from the content: a
// display child with the FHIR itemControl "lower" and one with "upper" (codes
// of http://hl7.org/fhir/questionnaire-item-control). Without them only the
// numbers are shown.
class ScaleQuestion final : public ButtonQuestion
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScaleQuestion)

public:
    ScaleQuestion(const spinepath::questionnaire::Item& item, QWidget* parent);
    ~ScaleQuestion() override;
};

} // namespace spinepath::ui
