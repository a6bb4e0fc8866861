#pragma once

#include <QWidget>

#include <functional>
#include <vector>

namespace spinepath {
class AssessmentSession;
namespace questionnaire {
class Questionnaire;
}
} // namespace spinepath
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace spinepath::ui {

class SectionPage;

// The questionnaire, one section per page: progress at the top, Back and
// Next at the bottom. Sections whose group is hidden by enableWhen are skipped.
//
// Keys, as on any form: Return and Enter act on the control with the focus
// (Back when Back has it, an answer when an answer has it; in a text field
// they go on to the next control), so Enter never leaves a page unasked and
// never jumps to the results. Next has its own shortcut, Ctrl+Enter, named in
// its tooltip and accessible description.
class QuestionnaireView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuestionnaireView)

public:
    explicit QuestionnaireView(spinepath::AssessmentSession& session, QWidget* parent = nullptr);
    ~QuestionnaireView() override;

    [[nodiscard]] int currentSection() const;
    [[nodiscard]] int sectionCount() const;
    // Moves to a section by index (to resume where the patient was).
    void showSection(int index);
    // Shows the session's answers in every page.
    void showAnswers();
    // After a resume: shows the answers and opens the section where the
    // patient stopped, the first one still missing a required answer (the
    // patient cannot have gone past it), or the last one when none is.
    void resumeWhereStopped();
    // Whether finishing shows the patient's results (at home, on a staffed
    // computer) or a thank-you page (the kiosk): the last button says which.
    void setFinishShowsResults(bool showsResults);
    // Keeps the progress line clear of `width` pixels at the top right,
    // where the kiosk's staff corner sits over every page.
    void keepTopRightClear(int width);
    // Where the wording comes from in the language the patient reads
    // (ClinicContent::questionnaire(Translator::language())). The pages are
    // built in it now and again on every QEvent::LanguageChange, keeping the
    // answers and the section; the items and codes are the same in every
    // language. Without it the pages use the session's own questionnaire.
    using Wording = std::function<const spinepath::questionnaire::Questionnaire&()>;
    void setWording(Wording wording);

public slots:
    // Checks the required questions of this section first.
    void goNext();
    void goBack();

signals:
    void completed();
    void backedOutOfStart();
    void sectionChanged(int index);

protected:
    // The buttons and the progress in the new language, and the questions
    // built again from the content in it.
    void changeEvent(QEvent* event) override;

private:
    int neighbour(int from, int step) const;
    void buildSections(const spinepath::questionnaire::Questionnaire& wording);
    void updateChrome();

    spinepath::AssessmentSession& m_session;
    std::vector<SectionPage*> m_sections;
    QStackedWidget* m_stack;
    QLabel* m_progressLabel;
    QProgressBar* m_progressBar;
    QPushButton* m_backButton;
    QPushButton* m_nextButton;
    bool m_finishShowsResults = true;
    Wording m_wording;
    const void* m_wordingSource = nullptr; // the resource the pages are worded from
};

} // namespace spinepath::ui
