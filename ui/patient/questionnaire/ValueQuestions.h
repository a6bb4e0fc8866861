#pragma once

#include "QuestionWidget.h"

class QDateEdit;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;

namespace spinepath::ui {

// A typed number (integers, or decimals), within the item's limits.
class NumberQuestion final : public QuestionWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NumberQuestion)

public:
    NumberQuestion(const spinepath::questionnaire::Item& item, QWidget* parent,
                   Presentation presentation = Presentation::Card);
    ~NumberQuestion() override;
    [[nodiscard]] nlohmann::json value() const override;
    void setValue(const nlohmann::json& value) override;
    [[nodiscard]] QWidget* focusTarget() const override;

private:
    QLineEdit* m_edit;
    bool m_integer;
};

// A calendar date, "YYYY-MM-DD"; empty until the patient picks one.
class DateQuestion final : public QuestionWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DateQuestion)

public:
    DateQuestion(const spinepath::questionnaire::Item& item, QWidget* parent);
    ~DateQuestion() override;
    [[nodiscard]] nlohmann::json value() const override;
    void setValue(const nlohmann::json& value) override;
    [[nodiscard]] QWidget* focusTarget() const override;

private:
    QDateEdit* m_edit;
};

// Free text, up to the item's maxLength.
class TextQuestion final : public QuestionWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextQuestion)

public:
    TextQuestion(const spinepath::questionnaire::Item& item, QWidget* parent);
    ~TextQuestion() override;
    [[nodiscard]] nlohmann::json value() const override;
    void setValue(const nlohmann::json& value) override;
    [[nodiscard]] QWidget* focusTarget() const override;

private:
    QLineEdit* m_edit;
};

} // namespace spinepath::ui
