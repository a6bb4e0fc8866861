#pragma once

#include "QuestionWidget.h"

#include <vector>

class QAbstractButton;
class QButtonGroup;

// Answers picked from buttons: each button stands for one answer value.
class ButtonQuestion : public QuestionWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ButtonQuestion)

public:
    ~ButtonQuestion() override;
    [[nodiscard]] QWidget* focusTarget() const override;
    // One checked button's value (exclusive groups); subclasses with several override.
    [[nodiscard]] nlohmann::json value() const override;
    void setValue(const nlohmann::json& value) override;

protected:
    ButtonQuestion(const spinepath::questionnaire::Item& item, QWidget* parent, bool exclusive);
    // Adds a button for a value; the caller places it in a layout. An exclusive
    // choice ("None of these") unchecks every other, and any other unchecks it.
    void addChoice(QAbstractButton* button, const nlohmann::json& value, const QString& label,
                   bool exclusive = false);
    [[nodiscard]] const std::vector<std::pair<QAbstractButton*, nlohmann::json>>& choices() const noexcept
    {
        return m_choices;
    }
    [[nodiscard]] QButtonGroup* group() const noexcept { return m_group; }
    // Unchecks everything, even in an exclusive group.
    void clearChoices();

private:
    // Unchecks the choices that cannot stand beside `picked`.
    void keepExclusiveChoicesApart(QAbstractButton* picked);

    QButtonGroup* m_group;
    std::vector<std::pair<QAbstractButton*, nlohmann::json>> m_choices;
    std::vector<QAbstractButton*> m_exclusiveChoices;
};

// Big Yes and No buttons.
class YesNoQuestion final : public ButtonQuestion
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YesNoQuestion)

public:
    YesNoQuestion(const spinepath::questionnaire::Item& item, QWidget* parent);
    ~YesNoQuestion() override;
};

// One answer from a list: radio buttons.
class SingleChoiceQuestion final : public ButtonQuestion
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleChoiceQuestion)

public:
    SingleChoiceQuestion(const spinepath::questionnaire::Item& item, QWidget* parent);
    ~SingleChoiceQuestion() override;
};

// Several answers from a list: check boxes. The value is an array.
class MultipleChoiceQuestion final : public ButtonQuestion
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MultipleChoiceQuestion)

public:
    MultipleChoiceQuestion(const spinepath::questionnaire::Item& item, QWidget* parent);
    ~MultipleChoiceQuestion() override;
    [[nodiscard]] nlohmann::json value() const override;
    void setValue(const nlohmann::json& value) override;
};

// A 0 to 10 rating as a row of eleven buttons (the PEG pain items).
class ScaleQuestion final : public ButtonQuestion
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScaleQuestion)

public:
    ScaleQuestion(const spinepath::questionnaire::Item& item, QWidget* parent);
    ~ScaleQuestion() override;
};
