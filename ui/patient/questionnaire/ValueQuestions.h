#pragma once

#include "QuestionWidget.h"

#include "core/questionnaire/ItemType.h"

#include <QDate>

class QLabel;
class QLineEdit;

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

// A calendar date, "YYYY-MM-DD", typed as the patient writes dates (see
// TypedDate) into an ordinary text field: Tab leaves it, and nothing is in it
// until the patient types. A line below says what was understood ("We read
// this as March 15, 1955."), or why it could not be read; only an understood
// date is an answer. No calendar: a birth date is decades away from today.
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
    void showReading();

    QLineEdit* m_edit;
    QLabel* m_readBack;
    QDate m_earliest;
    QDate m_latest;
};

// Free text, up to the item's maxLength; also the field of the types that
// have no control of their own (quantity, time, dateTime, reference, url,
// attachment), read into their FHIR form where it can be.
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
    spinepath::questionnaire::ItemType m_type;
};

} // namespace spinepath::ui
