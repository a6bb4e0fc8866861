#pragma once

#include "QuestionWidget.h"

#include <vector>

class QPushButton;
class QVBoxLayout;

namespace spinepath::ui {

// A question that repeats ("repeats": true) and is answered by typing (text,
// a number, a date, a time, ...): one field per answer, each but a lone one
// with "Remove" beside it, and "Add another answer" below them. Its answer is
// the list of the fields' answers, in their order (a FHIR QuestionnaireResponse
// item with one answer each); empty fields are no answer. Each field is the
// single-answer widget of the item's type, without its wording (the question
// says it once above the fields), named for a screen reader by the question
// and its number.
class RepeatingValueQuestion final : public QuestionWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepeatingValueQuestion)

public:
    RepeatingValueQuestion(const spinepath::questionnaire::Item& item, QWidget* parent);
    ~RepeatingValueQuestion() override;

    // The fields' answers as a list; null when no field holds one.
    [[nodiscard]] nlohmann::json value() const override;
    // Shows a list of answers (or one answer), a field each; fields the
    // patient added and left empty stay while the answers are the same.
    void setValue(const nlohmann::json& value) override;
    [[nodiscard]] QWidget* focusTarget() const override;

    [[nodiscard]] int fieldCount() const noexcept { return static_cast<int>(m_fields.size()); }

private:
    struct Field
    {
        QWidget* row = nullptr;
        QuestionWidget* field = nullptr;
        QPushButton* remove = nullptr;
    };

    void addField();
    void removeField(QWidget* row);
    // Numbers and names the fields after one was added or removed.
    void renumber();

    const spinepath::questionnaire::Item& m_item;
    std::vector<Field> m_fields;
    QVBoxLayout* m_fieldsLayout = nullptr;
    QPushButton* m_add = nullptr;
    bool m_updating = false; // set while the widget, not the patient, changes the fields
};

} // namespace spinepath::ui
