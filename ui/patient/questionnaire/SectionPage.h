#pragma once

#include <QScrollArea>

class QBoxLayout;

#include <vector>

namespace spinepath {
class AssessmentSession;
}

namespace spinepath::questionnaire {
class Item;
}

namespace spinepath::ui {

class QuestionWidget;

// One section of the questionnaire as a scrollable page, generated from its
// group item: nothing here is written for a particular question.
class SectionPage final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SectionPage)

public:
    SectionPage(const spinepath::questionnaire::Item& section, spinepath::AssessmentSession& session,
                QWidget* parent = nullptr);
    ~SectionPage() override;

    [[nodiscard]] const std::string& linkId() const noexcept { return m_linkId; }
    [[nodiscard]] QString title() const { return m_title; }
    // Shows the answers the session holds (after a resume).
    void showAnswers();
    // Marks the required questions still unanswered and focuses the first;
    // true when the patient may go on.
    bool checkRequired();
    // The first control of the first shown question.
    void focusFirstQuestion();
    [[nodiscard]] const std::vector<QuestionWidget*>& questions() const noexcept { return m_questions; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void addItems(const spinepath::questionnaire::Item& parent, QWidget* container, int depth);
    void addNested(const spinepath::questionnaire::Item& question, QWidget* container, int depth);
    void applyEnablement();

    spinepath::AssessmentSession& m_session;
    std::string m_linkId;
    QString m_title;
    std::vector<QuestionWidget*> m_questions;
    QBoxLayout* m_contentLayout = nullptr;
    std::vector<std::pair<QWidget*, std::string>> m_conditional; // any widget with an item's linkId
    // The blocks of items nested under a question, with that question.
    std::vector<std::pair<QWidget*, const spinepath::questionnaire::Item*>> m_nested;
};

} // namespace spinepath::ui
