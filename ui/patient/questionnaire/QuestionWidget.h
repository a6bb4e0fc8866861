#pragma once

#include <QFrame>

#include <nlohmann/json.hpp>

#include <memory>
#include <utility>
#include <vector>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace spinepath::questionnaire {
class Item;
struct ValidationIssue;
} // namespace spinepath::questionnaire

namespace spinepath::ui {

// One question of a generated page: its wording, an optional "What does this
// mean?" explanation, the answer controls (made by a subclass for the item's
// type) and a friendly message beside it when a required answer is missing.
// Values use the flat-answer form of the clinical spec.
//
// For a screen reader the question is a group named by its wording (as a
// fieldset with its legend on the web), so each answer control is named by
// its own visible text alone; a missing answer is the group's description.
class QuestionWidget : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuestionWidget)

public:
    // How the question sits on its page: a card of its own, or a row of a
    // table of questions (a group with the FHIR itemControl "table"), where
    // short answers such as Yes and No stand to the right of the wording.
    enum class Presentation
    {
        Card,
        TableRow,
    };

    ~QuestionWidget() override;

    // The widget for the item's type; never null (unknown types get a text field).
    [[nodiscard]] static QuestionWidget* create(const spinepath::questionnaire::Item& item, QWidget* parent,
                                                Presentation presentation = Presentation::Card);

    // The widget of one answer of the item's type, even when the item repeats
    // (RepeatingValueQuestion makes one per answer of a repeating typed question).
    [[nodiscard]] static QuestionWidget* createSingle(const spinepath::questionnaire::Item& item,
                                                      QWidget* parent,
                                                      Presentation presentation = Presentation::Card);
    [[nodiscard]] const std::string& linkId() const noexcept { return m_linkId; }
    // null when unanswered
    [[nodiscard]] virtual nlohmann::json value() const = 0;
    virtual void setValue(const nlohmann::json& value) = 0;
    // The control that should take the focus, e.g. when the answer is missing.
    [[nodiscard]] virtual QWidget* focusTarget() const = 0;

    // The answer as the session takes it: value(), in a list of one for a
    // question that repeats but shows one field (a list of many stays as it is).
    [[nodiscard]] nlohmann::json answer() const;
    // Shows an answer the session holds (the reverse of answer()).
    void showAnswer(const nlohmann::json& answer);

    void showMissing(bool missing);
    // Why the answer typed was not taken, in the same place as "please
    // answer"; nothing clears it.
    void showProblem(const spinepath::questionnaire::ValidationIssue* problem);
    [[nodiscard]] bool hasProblem() const noexcept { return !m_problem.isEmpty(); }
    // Tells a screen reader at once that this question still needs an answer.
    void announceMissing() const;

signals:
    // `value` is answer(), ready for the session.
    void valueChanged(const std::string& linkId, const nlohmann::json& value);

protected:
    QuestionWidget(const spinepath::questionnaire::Item& item, QWidget* parent,
                   Presentation presentation = Presentation::Card);

    [[nodiscard]] Presentation presentation() const noexcept { return m_presentation; }
    // Where subclasses put their controls: below the wording.
    [[nodiscard]] QVBoxLayout* answerLayout() const noexcept { return m_answerLayout; }
    // Right of the wording, for short answers in a table row.
    [[nodiscard]] QHBoxLayout* besideLayout() const noexcept { return m_besideLayout; }
    // Called by subclasses when the patient changes the answer.
    void notifyChanged();
    // Accessible name and description (the help, if any) for a control of this question.
    void describe(QWidget* control, const QString& name) const;
    [[nodiscard]] const QString& questionText() const noexcept { return m_questionText; }
    // The help item for one answer option: a help child whose linkId is the
    // question's, ".help.", and the option's code ("dx.told.help.ddd").
    [[nodiscard]] QString optionHelp(const std::string& code) const;

private:
    // entryFormat as a placeholder, readOnly as controls that cannot change.
    void applyItemHints();
    void updateMessage();
    [[nodiscard]] QString problemText(const spinepath::questionnaire::ValidationIssue& problem) const;

    const spinepath::questionnaire::Item& m_item;
    std::string m_linkId;
    QString m_questionText;
    QString m_helpText;
    std::vector<std::pair<std::string, QString>> m_helpByLinkId;
    Presentation m_presentation;
    QLabel* m_missingLabel = nullptr;
    bool m_missing = false;
    QString m_problem;
    // A repeating question shown as one field: its answer is a list of one.
    bool m_listOfOne = false;
    QVBoxLayout* m_answerLayout = nullptr;
    QHBoxLayout* m_besideLayout = nullptr;
};

} // namespace spinepath::ui
