#pragma once

#include "PageItems.h"

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
    // The questions of the page itself (not those of a repeating group's instances).
    [[nodiscard]] const std::vector<QuestionWidget*>& questions() const noexcept { return m_items.questions; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void addItems(const spinepath::questionnaire::Item& parent, QWidget* container, int depth,
                  PageItems& into);
    void addNested(const spinepath::questionnaire::Item& question, QWidget* container, int depth,
                   PageItems& into);
    void applyEnablement();

    spinepath::AssessmentSession& m_session;
    std::string m_linkId;
    QString m_title;
    QBoxLayout* m_contentLayout = nullptr;
    PageItems m_items; // the page's own; each repeating group keeps its instances' widgets
};

} // namespace spinepath::ui
