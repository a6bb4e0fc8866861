#pragma once

#include <QWidget>

#include <vector>

namespace spinepath {
class AssessmentSession;
}
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace spinepath::ui {

class SectionPage;

// The questionnaire, one section per page: progress at the top, Back and
// Next at the bottom. Sections whose group is hidden by enableWhen are skipped.
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

public slots:
    // Checks the required questions of this section first.
    void goNext();
    void goBack();

signals:
    void completed();
    void backedOutOfStart();
    void sectionChanged(int index);

private:
    int neighbour(int from, int step) const;
    void updateChrome();

    spinepath::AssessmentSession& m_session;
    std::vector<SectionPage*> m_sections;
    QStackedWidget* m_stack;
    QLabel* m_progressLabel;
    QProgressBar* m_progressBar;
    QPushButton* m_backButton;
    QPushButton* m_nextButton;
};

} // namespace spinepath::ui
